"""Page weight per page kind, on first load in headless Chromium (cache disabled), the site
served gzipped on 127.0.0.1 as a real host would (benchmarks/serve_gzip.py): bytes transferred
(compressed, as on the wire, headers included) and number of requests, counted by the
DevTools protocol (`Network.loadingFinished.encodedDataLength`) until the network is idle.
The theme's search index and worker are fetched on first load too and are counted.

    python benchmarks/page_weight.py               # builds the site into a temporary folder
    python benchmarks/page_weight.py --site site/  # a site already built
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import serving  # noqa: E402
from scripts import config  # noqa: E402
from scripts.load import read_content  # noqa: E402
from tests.browser_support import launch  # noqa: E402  (the tests' Chromium)

KINDS = [("home", ""), ("report chapter", "report/globalized-world/"), ("agenda", "agenda/"),
         ("people", "people/"), ("background paper", "background/"), ("definitions", "definitions/"),
         ("acronyms", "acronyms/"), ("series", "series/"), ("council note", "council-note/"),
         ("notes", "notes/"), ("translation status", "status/"),
         ("side-by-side", "parallel/report/introduction/"), ("print edition", "print/")]


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=config.ROOT, env=env, check=True)


def weigh(browser, events: list, url: str) -> tuple[int, int]:
    """(bytes transferred, requests) of a first load of `url`."""
    browser.open("about:blank")
    browser.devtools("Network.clearBrowserCache")
    events.clear()
    browser.open(url)
    sizes: dict[str, int] = {}
    requests: set[str] = set()
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < 1.5:  # idle: no network event for 1.5 s
        entries, events[:] = list(events), []
        if entries:
            quiet_since = time.perf_counter()
        for method, params in entries:
            if method == "Network.requestWillBeSent" and \
                    not params["request"]["url"].startswith(("data:", "blob:")):
                requests.add(params["requestId"])
            elif method == "Network.loadingFinished" and params["requestId"] in requests:
                sizes[params["requestId"]] = int(params["encodedDataLength"])
        browser.script("return new Promise(done => setTimeout(done, 100))")  # events arrive meanwhile
    return sum(sizes.values()), len(requests)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    content = read_content(config.ROOT).content
    codes = [language.code for language in content.languages]
    prefix = {code: "" if code == content.reference else f"{code}/" for code in codes}
    with tempfile.TemporaryDirectory(prefix="page-weight-") as temp:
        site = args.site
        if site is None:
            site = Path(temp) / "site"
            build(site)
        with launch() as browser, serving(site) as root:
            events: list = []
            for method in ("Network.requestWillBeSent", "Network.loadingFinished"):
                browser.on_devtools(method, lambda params, method=method: events.append((method, params)))
            browser.devtools("Network.enable")
            browser.devtools("Network.setCacheDisabled", {"cacheDisabled": True})
            print(f"{'page kind':<20}" + "".join(f"{code + ' kB':>10}{'req':>5}" for code in codes))
            for kind, path in KINDS:
                row = f"{kind:<20}"
                for code in codes:
                    size, count = weigh(browser, events, root + prefix[code] + path)
                    row += f"{size / 1000:>10.0f}{count:>5}"
                print(row)


if __name__ == "__main__":
    main()
