"""The reading aids in a real browser (headless Chromium, /usr/bin/chromedriver), on the
session's build: the language selector keeps the reader's place (with a hash, and after
scrolling without one), acronyms take the keyboard focus, and the side-by-side page shows
the two chosen languages, also from file://."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from selenium import webdriver  # the `test` extra: pip install -e ".[test]"
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import Select, WebDriverWait

CHROMEDRIVER = "/usr/bin/chromedriver"
CHAPTER = "report/globalized-world/"
PARAGRAPH = "many-forms-3"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMEDRIVER).exists() or not shutil.which("chromium"):
        pytest.fail("the browser tests need Debian's chromium and chromedriver")
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                 "--window-size=1200,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def server(built):
    """The built site over HTTP on a free local port (directory URLs need a server)."""
    handler = functools.partial(_QuietHandler, directory=str(built.site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _switch_to(driver, lang: str) -> None:
    """Activate the selector's link to `lang` as a reader's click would (the menu opens on
    hover, so the link is activated from a script; the page's own click handler runs)."""
    link = driver.find_element("css selector", f'.md-select__link[lang="{lang}"]')
    driver.execute_script("arguments[0].click()", link)


def _wait_for_path(driver, path: str) -> None:
    WebDriverWait(driver, 10).until(lambda d: path in d.current_url)


@pytest.mark.parametrize("source, target", [("", "fr/"), ("fr/", "es/"), ("es/", "")])
def test_switching_language_from_a_paragraph_anchor_keeps_the_paragraph(browser, server, source, target):
    browser.get(f"{server}{source}{CHAPTER}#{PARAGRAPH}")
    _switch_to(browser, target.rstrip("/") or "en")
    _wait_for_path(browser, f"/{target}{CHAPTER}#")
    assert browser.current_url == f"{server}{target}{CHAPTER}#{PARAGRAPH}"
    assert browser.find_element("id", PARAGRAPH).is_displayed()


def test_switching_language_after_scrolling_keeps_the_paragraph_at_the_top(browser, server):
    browser.get(f"{server}{CHAPTER}")
    browser.execute_script("""
        var p = document.getElementById(arguments[0]);
        var header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - header - 2);
    """, PARAGRAPH)
    assert browser.execute_script("return window.location.hash") == ""
    assert browser.execute_script("return window.idmReading.currentPlace()") == PARAGRAPH
    _switch_to(browser, "es")
    _wait_for_path(browser, f"/es/{CHAPTER}#")
    assert browser.current_url == f"{server}es/{CHAPTER}#{PARAGRAPH}"


def test_switching_language_at_the_top_of_a_page_adds_no_anchor(browser, server):
    browser.get(f"{server}{CHAPTER}")
    _switch_to(browser, "fr")
    _wait_for_path(browser, f"/fr/{CHAPTER}")
    assert browser.current_url == f"{server}fr/{CHAPTER}"


def test_a_footnote_anchor_lands_on_the_fallback_page_form(browser, server):
    # The Council note exists only in Spanish: its English page keeps the notes as `fn-1`.
    browser.get(f"{server}council-note/#fn:1")
    offset = browser.execute_script("return document.getElementById('fn-1').getBoundingClientRect().top")
    assert 0 <= offset < 900


def test_glossary_term_and_acronym_show_a_tooltip_on_keyboard_focus(browser, server):
    browser.get(f"{server}fr/{CHAPTER}")
    term = browser.find_element("css selector", "a.glossary-term")
    term_title = term.get_attribute("title")
    browser.execute_script("arguments[0].focus()", term)
    _wait_for_tooltip(browser, term_title)
    abbr = browser.find_element("css selector", 'abbr[tabindex="0"]')
    expansion = abbr.get_attribute("title")
    assert expansion
    browser.execute_script("arguments[0].focus()", abbr)
    _wait_for_tooltip(browser, expansion)


def _wait_for_tooltip(browser, text: str) -> None:
    WebDriverWait(browser, 5).until(lambda d: d.execute_script(
        "var text = arguments[0];"
        "return Array.from(document.querySelectorAll('.md-tooltip2--active'))"
        ".some(function (t) { return t.textContent.indexOf(text) >= 0; })", text[:40]))


def test_side_by_side_shows_the_two_chosen_languages_from_file(browser, built):
    page = built.site / "fr" / "parallel" / "report" / "introduction" / "index.html"
    browser.get(page.as_uri())
    form = browser.find_element("css selector", "form.parallel-choice")
    assert form.is_displayed()
    shown = lambda: [c.get_attribute("lang") for c in  # noqa: E731
                     browser.find_elements("css selector", "#introduction-1 .parallel-cell")
                     if c.is_displayed()]
    assert sorted(shown()) == ["en", "fr"]  # the reader's language and the reference language
    Select(browser.find_element("name", "right")).select_by_value("es")
    assert sorted(shown()) == ["es", "fr"]
    Select(browser.find_element("name", "left")).select_by_value("en")
    assert sorted(shown()) == ["en", "es"]
    # The left column comes first on screen.
    cells = {c.get_attribute("lang"): c.rect["x"]
             for c in browser.find_elements("css selector", "#introduction-1 .parallel-cell") if c.is_displayed()}
    assert cells["en"] < cells["es"]
