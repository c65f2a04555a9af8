"""Two built sites, pixel by pixel: each page kind in each language given, on a phone (drawer
closed and open), on a desktop in light and dark, after a search, and with a glossary tooltip
shown. Prints the views whose screenshots differ and saves both images of each into
/tmp/screenshot-diff/ to look at. For changes meant to change nothing visible (issue 12's
pruned and bundled stylesheets).

    python benchmarks/screenshot_diff.py SITE_BEFORE SITE_AFTER [LANGUAGE_PREFIX …]   # "" fr/
    MODES="phone desk" KINDS="notes/,agenda/" python benchmarks/screenshot_diff.py A B
Build the "before" site from another commit with `git archive` into a folder and
`PYTHONPATH=that-folder mkdocs build --site-dir …` there (the venv's editable install would
otherwise import this checkout's scripts).
"""

from __future__ import annotations

import base64
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import serving  # noqa: E402
from tests.browser_support import launch  # noqa: E402

KINDS = ["", "report/globalized-world/", "agenda/", "people/", "background/", "definitions/",
         "acronyms/", "series/", "council-note/", "notes/", "status/", "parallel/report/introduction/",
         "404.html"]
MODES = ["phone", "desk", "dark", "drawer", "search", "tip"]
OUT = Path("/tmp/screenshot-diff")


def shot(browser, url: str, mode: str) -> bytes:
    browser.reset()
    browser.phone() if mode in ("phone", "drawer") else browser.resize(1280, 900)
    if mode == "dark":
        browser.prefers("dark")
    browser.open(url)
    time.sleep(0.6)
    if mode == "drawer":
        browser.script("var d = document.getElementById('__drawer'); if (d) d.checked = true")
    if mode == "search":  # the field's caret blinks: a one-pixel difference there is the caret
        browser.type("[data-md-component=search-query]", "return")
        time.sleep(3)
    if mode == "tip" and browser.script("return !!document.querySelector('.md-content a.glossary-term')"):
        browser.hover(".md-content a.glossary-term")
    time.sleep(1)
    return base64.b64decode(browser.devtools("Page.captureScreenshot", {"format": "png"})["data"])


def main() -> int:
    before, after = Path(sys.argv[1]), Path(sys.argv[2])
    langs = sys.argv[3:] or ["", "fr/"]
    kinds = os.environ["KINDS"].split(",") if os.environ.get("KINDS") else KINDS
    modes = os.environ["MODES"].split() if os.environ.get("MODES") else MODES
    OUT.mkdir(exist_ok=True)
    differ = []
    with launch() as browser, serving(before, log=[]) as a, serving(after, log=[]) as b:
        for lang in langs:
            for kind in kinds:
                for mode in modes:
                    one, two = shot(browser, a + lang + kind, mode), shot(browser, b + lang + kind, mode)
                    if one != two:
                        name = f"{(lang + kind).strip('/').replace('/', '_') or 'home'}-{mode}"
                        differ.append(name)
                        (OUT / f"{name}-before.png").write_bytes(one)
                        (OUT / f"{name}-after.png").write_bytes(two)
    total = len(langs) * len(kinds) * len(modes)
    print(f"{total - len(differ)} of {total} views identical; differ: {differ or 'none'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
