"""Growth: full build time and peak memory of today's content, of the content multiplied by
10, and of 10 languages, each in a synthetic copy of the project in a temporary folder.

- x10 content: in every language, every document's sections (summary, report, background,
  foreword, Council note…) repeated 10 times, the copies' ids suffixed (`-x1`…`-x9`) and their
  footnote references dropped, so every page, link, search entry and PDF page is there 10
  times (the report: 10 times as many chapters).
- 10 languages: `new-language` (scripts/editors/newlang.py) for 7 more codes with a lunr stemmer, each
  declared in content/languages.yml: untranslated copies, as a new translation starts.

Time is wall-clock for `mkdocs build --strict` (pages, PDFs, offline archive); memory is the
peak resident size of the largest process of the build (getrusage of the children: the main
build, the offline copy's build, the PDF workers), not their sum.

    python benchmarks/growth.py [--only today|x10|languages]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.project import project_copy  # noqa: E402  (also the tests')
NEW_LANGUAGES = {"de": "Deutsch", "it": "Italiano", "pt": "Português", "nl": "Nederlands",
                 "sv": "Svenska", "da": "Dansk", "ro": "Română"}
COPIES = 10

# Runs one build in a child process and prints its wall time and the children's peak RSS.
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(json.dumps({"seconds": time.perf_counter() - start,
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""



def _suffixed(value, suffix: str):
    """A copy of sections: ids suffixed; footnote references dropped (a footnote is referenced
    once, by the original)."""
    if isinstance(value, str):
        return re.sub(r"\[\^[^\]]+\]", "", value)
    if isinstance(value, dict):
        return {k: (f"{v}{suffix}" if k == "id" and isinstance(v, str) else _suffixed(v, suffix))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_suffixed(v, suffix) for v in value]
    return value


def multiply_content(root: Path, copies: int = COPIES) -> int:
    """Every document's sections `copies` times, in every language. Returns files changed."""
    changed = 0
    for file in sorted((root / "content").glob("*/*.yml")):
        text = file.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        document = data.get("document", data) if isinstance(data, dict) else None
        if not isinstance(document, dict) or not isinstance(document.get("sections"), list):
            continue
        sections = document["sections"]
        document["sections"] = sections + [s for k in range(1, copies) for s in _suffixed(sections, f"-x{k}")]
        header = text.split("\n", 1)[0]  # the schema line, which the loader reads
        file.write_text(header + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000),
                        encoding="utf-8")
        changed += 1
    return changed


def add_languages(root: Path) -> None:
    from scripts.editors.newlang import new_language

    for code in NEW_LANGUAGES:
        new_language(root, code)  # declares it in content/languages.yml too


def measure(project: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    out = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "mkdocs", "build", "--strict",
                          "--quiet", "--site-dir", str(project / "site")],
                         cwd=project, env=env, check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["pages"] = sum(1 for _ in (project / "site").rglob("index.html"))
    result["site_mb"] = sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file()) / 1e6
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=["today", "x10", "languages"])
    args = parser.parse_args()
    cases = {"today": lambda root: None, "x10": multiply_content, "languages": add_languages}
    results = {}
    with tempfile.TemporaryDirectory(prefix="growth-") as temp:
        for name, prepare in cases.items():
            if args.only and name != args.only:
                continue
            project = project_copy(Path(temp) / name)
            prepare(project)
            results[name] = measure(project)
            r = results[name]
            print(f"{name:<10} build {r['seconds']:6.1f} s   peak {r['peak_mb']:6.0f} MB   "
                  f"{r['pages']:4d} pages   site {r['site_mb']:6.1f} MB", flush=True)
    if "today" in results:
        base = results["today"]
        for name, r in results.items():
            if name != "today":
                print(f"{name:<10} x{r['seconds'] / base['seconds']:.1f} time, "
                      f"x{r['peak_mb'] / base['peak_mb']:.1f} memory, x{r['pages'] / base['pages']:.1f} pages")


if __name__ == "__main__":
    main()
