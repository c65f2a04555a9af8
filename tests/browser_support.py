"""Real headless Chromium for the tests (Debian's chromium and chromedriver), driven by
Selenium: a session-scoped browser and what tests ask of a page. Reusable by any test module:
`from tests.browser_support import browser` makes the fixture available there (or list it in
conftest.py).

The browser reaches nothing but this machine: every request for another host goes to a proxy
that does not exist (`--proxy-server` on a closed local port; only 127.0.0.1 and `file://`
bypass it), so the built site can be served on a local port (the `served` fixture) while any
request for the web fails. The browser records every request it attempts (the performance
log's `Network.*` events), so a test can assert that nothing left `file://` or the local
server.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import tempfile
import threading
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
WINDOW = (1280, 900)


def _closed_port() -> int:
    """A local port nobody listens on (bound, then released): the dead proxy."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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

    def wait(self, condition, timeout: float = 10):
        """Wait until `condition(driver)` is truthy; returns its value."""
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout).until(condition)

    def resize(self, width: int, height: int) -> None:
        self.driver.set_window_size(width, height)

    def phone(self, width: int = 390, height: int = 844) -> None:
        """A phone's viewport (touch, device pixel ratio 3), until `reset`."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 3, "mobile": True})

    def prefers(self, scheme: str) -> None:
        """Emulate the system's colour-scheme preference ("light" or "dark")."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def reset(self) -> None:
        """A neutral state between tests: desktop size, no stored preferences (colour
        scheme), no emulated media."""
        self.resize(*WINDOW)
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
        if self.driver.current_url.startswith(("http:", "file:")):
            self.script("try { localStorage.clear(); sessionStorage.clear() } catch (e) {}")


def _driver(profile: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for option in OPTIONS:
        options.add_argument(option)
    options.add_argument(f"--user-data-dir={profile}")
    # No network but this machine: a request to any other host fails (and is still logged).
    options.add_argument(f"--proxy-server=http://127.0.0.1:{_closed_port()}")
    options.add_argument("--proxy-bypass-list=<-loopback>;127.0.0.1")
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.execute_cdp_cmd("Network.enable", {})
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served(built):
    """The session's built site over HTTP on a free local port, at the path of its SITE_URL
    (`/idm/`, so that the 404 pages' absolute addresses resolve): returns the site's root URL.
    Directory URLs and `fetch` (search index, sitemap) need a server; file:// is the
    offline archive's business."""
    from urllib.parse import urlsplit

    from tests.test_site import SITE_URL

    mount = urlsplit(SITE_URL).path  # "/idm/"
    root = Path(tempfile.mkdtemp(prefix="served-"))
    (root / mount.strip("/")).symlink_to(built.site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}{mount}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        shutil.rmtree(root, ignore_errors=True)
