"""Page weight per page kind and language, counted at the server: the site is served gzipped
on 127.0.0.1 as a real host would (benchmarks/serve_gzip.py), and the server logs every
response it sends (bytes on the wire, status line and headers included). Each page is opened
in headless Chromium with an empty cache; everything the page causes until the server has been
idle for 1.5 s is counted, the requests of workers and iframes included (the page's own
DevTools events miss those).

Then, on the same page, the reader opens search and types a word: the second table gives what
that costs (the search index, the worker and the stemmers, loaded only then).

    python benchmarks/page_weight.py                # builds the site into a temporary folder
    python benchmarks/page_weight.py --site site/   # a site already built
    python benchmarks/page_weight.py --details      # also every request of each page
Goal (issue 12): first load at most 70 kB and 8 requests for every page kind and language.
For each page over the goal, the size its own text alone gzips to (the <article>'s text,
tags removed, spaces collapsed): what no markup or asset saving can go below.
"""

from __future__ import annotations

import argparse
import gzip
import html
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import serving  # noqa: E402
from scripts import config  # noqa: E402
from scripts.content.load import read_content  # noqa: E402
from tests.browser_support import launch  # noqa: E402  (the tests' Chromium)

KINDS = [("home", ""), ("report chapter", "report/globalized-world/"), ("agenda", "agenda/"),
         ("people", "people/"), ("background paper", "background/"), ("definitions", "definitions/"),
         ("acronyms", "acronyms/"), ("series", "series/"), ("council note", "council-note/"),
         ("notes", "notes/"), ("facts", "facts/"), ("translation status", "status/"),
         ("side-by-side", "parallel/report/introduction/"), ("print edition", "print/"),
         ("404", "404.html")]
PRINT = "print/"  # the print edition: one row per volume the build made (print/, print/2/…)
GOAL_BYTES, GOAL_REQUESTS = 70_000, 8
QUERY = {"en": "migration", "fr": "migration", "es": "migración"}


def with_print_volumes(kinds: list[tuple[str, str]], site: Path) -> list[tuple[str, str]]:
    """`kinds` with the print edition's row made one row per volume of the built site."""
    folders = [p.parent for p in (site / PRINT).glob("*/index.html") if p.parent.name.isdigit()]
    volumes = [PRINT] + [f"{PRINT}{n}/" for n in sorted(int(f.name) for f in folders)]
    out = []
    for kind, path in kinds:
        out.extend([(f"print vol. {n} of {len(volumes)}", v) for n, v in enumerate(volumes, start=1)]
                   if path == PRINT else [(kind, path)])
    return out


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=config.ROOT, env=env, check=True)


def own_text_gzip(page: Path) -> int:
    """Bytes of the page's own text (its <article>, tags removed, spaces collapsed), gzipped."""
    found = re.search(r"<article\b.*?</article>", page.read_text(encoding="utf-8"), re.S)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(0) if found else "")).split())
    return len(gzip.compress(text.encode("utf-8"), 9))


def settle(log: list, idle: float = 1.5, limit: float = 30) -> list:
    """Wait until the server has sent nothing for `idle` seconds; the responses since the
    log was last emptied."""
    start = seen_at = time.perf_counter()
    seen = len(log)
    while time.perf_counter() - seen_at < idle and time.perf_counter() - start < limit:
        time.sleep(0.1)
        if len(log) != seen:
            seen, seen_at = len(log), time.perf_counter()
    entries = list(log)
    log.clear()
    return entries


def weigh(browser, log: list, url: str, query: str) -> tuple[list, list]:
    """The responses of a first load of `url`, then those of opening search and typing."""
    browser.open("about:blank")
    browser.devtools("Network.clearBrowserCache")
    settle(log, idle=0.3)
    browser.open(url)
    first = settle(log)
    browser.script("""
        const input = document.querySelector('[data-md-component=search-query]');
        if (input) { input.focus(); input.value = arguments[0];
                     input.dispatchEvent(new KeyboardEvent('keyup', {key: 'n'})); }""", query)
    return first, settle(log)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path)
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    content = read_content(config.ROOT).content
    codes = [language.code for language in content.languages]
    prefix = {code: "" if code == content.reference else f"{code}/" for code in codes}
    worst_bytes = worst_requests = 0
    with tempfile.TemporaryDirectory(prefix="page-weight-") as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build(site)
        kinds = with_print_volumes(KINDS, site)
        log: list = []
        rows = {}
        with launch() as browser, serving(site, log=log) as root:
            browser.devtools("Network.setCacheDisabled", {"cacheDisabled": True})
            for kind, path in kinds:
                for code in codes:
                    rows[kind, code] = weigh(browser, log, root + prefix[code] + path,
                                             QUERY.get(code, "migration"))
        floors = {(kind, code): own_text_gzip(site / prefix[code] / (path if path.endswith(".html")
                                                                    else path + "index.html"))
                  for kind, path in kinds for code in codes}
    for title, part in (("first load", 0), ("opening search and typing a word, after the first load", 1)):
        print(f"\n{title} (kB gzip on the wire, requests; counted at the server)")
        print(f"{'page kind':<20}" + "".join(f"{code + ' kB':>10}{'req':>5}" for code in codes))
        for kind, _ in kinds:
            row = f"{kind:<20}"
            for code in codes:
                entries = rows[kind, code][part]
                size = sum(n for _, n in entries)
                row += f"{size / 1000:>10.1f}{len(entries):>5}"
                if part == 0:
                    worst_bytes, worst_requests = max(worst_bytes, size), max(worst_requests, len(entries))
            print(row)
    if args.details:
        for (kind, code), (first, search) in rows.items():
            print(f"\n{kind} ({code}): first load")
            for path, n in first:
                print(f"  {n:>8,}  {path}")
            print("  then search:")
            for path, n in search:
                print(f"  {n:>8,}  {path}")
    over = [(kind, code) for kind, _ in kinds for code in codes
            if sum(n for _, n in rows[kind, code][0]) > GOAL_BYTES]
    if over:
        print("\nover the goal: the page's own text alone, gzipped")
        for kind, code in over:
            print(f"  {kind} ({code}): {floors[kind, code] / 1000:.1f} kB")
    met = worst_bytes <= GOAL_BYTES and worst_requests <= GOAL_REQUESTS
    print(f"\nheaviest first load {worst_bytes / 1000:.1f} kB, most requests {worst_requests}: "
          f"goal ({GOAL_BYTES / 1000:.0f} kB, {GOAL_REQUESTS} requests) {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
