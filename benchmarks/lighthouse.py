"""Lighthouse (npm, in benchmarks/js: `npm ci` there) with Debian's Chromium on the home, a
report chapter, the agenda and the definitions of each language: the four scores. The site
is built into a temporary folder with SITE_URL set to the local server's address (so that
canonical and hreflang addresses are the pages Lighthouse loads), then served gzipped on
127.0.0.1 as a real host would (benchmarks/serve_gzip.py). Goal: 100 for accessibility, best
practices and SEO, 95 or more for performance (Lighthouse's default: a mid-range phone on a
slow 4G connection, simulated).

    python benchmarks/lighthouse.py                # build, then audit 4 pages x 3 languages
    python benchmarks/lighthouse.py --site site/ --port 8000   # a site built for that port
    python benchmarks/lighthouse.py --preset desktop
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import free_port, serving  # noqa: E402
from scripts import config  # noqa: E402
from scripts.content.load import read_content  # noqa: E402

LIGHTHOUSE = Path(__file__).parent / "js" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGES = ["", "report/globalized-world/", "agenda/", "definitions/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def build(site: Path, url: str) -> None:
    env = {**os.environ, "SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=config.ROOT, env=env, check=True)


def audit(url: str, preset: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as temp:
        report = Path(temp) / "report.json"
        command = ["node", str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                   f"--only-categories={','.join(CATEGORIES)}",
                   "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
        if preset:
            command.append(f"--preset={preset}")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM},
                       stdout=subprocess.DEVNULL)
        return json.loads(report.read_text(encoding="utf-8"))


def failing(result: dict, category: str) -> list[str]:
    """The audits that cost points in a category (score below 1, weighted)."""
    audits = result["audits"]
    return [f'{ref["id"]} ({audits[ref["id"]]["score"]})' for ref in result["categories"][category]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built with SITE_URL=http://127.0.0.1:<port>/")
    parser.add_argument("--port", type=int, help="the port that site was built for")
    parser.add_argument("--preset", choices=["desktop", "perf", "experimental"])
    args = parser.parse_args()
    if not LIGHTHOUSE.is_file():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` in benchmarks/js")
    content = read_content(config.ROOT).content
    codes = [language.code for language in content.languages]
    prefix = {code: "" if code == content.reference else f"{code}/" for code in codes}
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as temp:
        port = args.port or free_port()
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build(site, f"http://127.0.0.1:{port}/")
        worst = {category: 100 for category in CATEGORIES}
        print(f"{'page':<40}" + "".join(f"{c:>16}" for c in CATEGORIES))
        with serving(site, port) as root:
            for code in codes:
                for page in PAGES:
                    result = audit(root + prefix[code] + page, args.preset)
                    scores = {c: round(result["categories"][c]["score"] * 100) for c in CATEGORIES}
                    print(f"{'/' + prefix[code] + page:<40}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
                    for category in CATEGORIES:
                        worst[category] = min(worst[category], scores[category])
                        if scores[category] < 100:
                            print(f"    {category}: {', '.join(failing(result, category))}")
        print(f"{'lowest':<40}" + "".join(f"{worst[c]:>16}" for c in CATEGORIES))
    goal = worst["performance"] >= 95 and all(worst[c] == 100 for c in CATEGORIES[1:])
    return 0 if goal else 1


if __name__ == "__main__":
    sys.exit(main())
