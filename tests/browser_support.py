"""Real headless Chromium for the tests (Debian's chromium and chromedriver), driven by
Selenium: a session-scoped browser and what tests ask of a page. Reusable by any test module:
`from tests.browser_support import browser` makes the fixture available there (or list it in
conftest.py).

The browser is cut off from the network (DevTools `Network.emulateNetworkConditions`
offline) and records every request it attempts (the performance log's `Network.*` events),
so a test can assert that nothing left `file://`.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Debian's paths; elsewhere (a CI runner with Google Chrome) set CHROMIUM and CHROMEDRIVER.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
OPTIONS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run",
           "--disable-default-apps", "--disable-extensions", "--window-size=1280,900",
           "--allow-file-access-from-files")


@dataclass
class Browser:
    driver: object
    seen: list[dict] = field(default_factory=list)  # every request event so far

    def open(self, url: str) -> None:
        self.driver.get(url)

    def requests(self) -> list[str]:
        """URLs of every request the browser attempted since the last call."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
            self.seen.append(message)
        return urls

    def console_errors(self) -> list[str]:
        """Errors the page logged (failed scripts, exceptions) since the last call."""
        return [entry["message"] for entry in self.driver.get_log("browser")
                if entry["level"] in ("SEVERE",)]

    def script(self, source: str, *args):
        return self.driver.execute_script(source, *args)


def _driver(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for option in OPTIONS:
        options.add_argument(option)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    # No network at all: a request to any host fails (and is still logged, so tests see it).
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    return driver


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, with a fresh profile, offline."""
    for program in (CHROMIUM, CHROMEDRIVER):
        assert program.exists(), f"{program} is missing: .ci/run installs chromium and chromium-driver"
    profile = Path(tempfile.mkdtemp(prefix="chromium-profile-"))
    driver = _driver(profile)
    try:
        browser = Browser(driver)
        browser.open("about:blank")
        browser.requests(), browser.console_errors()  # Chromium's own start-up pages: not ours
        yield browser
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
