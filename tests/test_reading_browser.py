"""The reading aids in a real browser (headless Chromium, /usr/bin/chromedriver), on the
session's build: the language selector keeps the reader's place (with a hash, and after
scrolling without one), acronyms take the keyboard focus, and the side-by-side page shows
the two chosen languages, also from file://."""

from __future__ import annotations

import pytest

from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:selenium")

CHAPTER = "report/globalized-world/"
PARAGRAPH = "many-forms-3"


@pytest.fixture()
def driver(browser):
    """The session's one headless Chromium (tests/browser_support.py), reset to its desktop
    size: its Selenium driver."""
    browser.reset()
    return browser.driver


@pytest.fixture()
def server(served):
    """The session's build, served on a local port (tests/browser_support.py)."""
    return served


def _switch_to(driver, lang: str) -> None:
    """Activate the selector's link to `lang` as a reader's click would (the menu opens on
    hover, so the link is activated from a script; the page's own click handler runs)."""
    link = driver.find_element("css selector", f'.md-select__link[lang="{lang}"]')
    driver.execute_script("arguments[0].click()", link)


def _wait_for_path(driver, path: str) -> None:
    WebDriverWait(driver, 10).until(lambda d: path in d.current_url)


@pytest.mark.parametrize("source, target", [("", "fr/"), ("fr/", "es/"), ("es/", "")])
def test_switching_language_from_a_paragraph_anchor_keeps_the_paragraph(driver, server, source, target):
    driver.get(f"{server}{source}{CHAPTER}#{PARAGRAPH}")
    _switch_to(driver, target.rstrip("/") or "en")
    _wait_for_path(driver, f"/{target}{CHAPTER}#")
    assert driver.current_url == f"{server}{target}{CHAPTER}#{PARAGRAPH}"
    assert driver.find_element("id", PARAGRAPH).is_displayed()


def test_switching_language_after_scrolling_keeps_the_paragraph_at_the_top(driver, server):
    driver.get(f"{server}{CHAPTER}")
    driver.execute_script("""
        var p = document.getElementById(arguments[0]);
        var header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - header - 2);
    """, PARAGRAPH)
    assert driver.execute_script("return window.location.hash") == ""
    assert driver.execute_script("return window.idmReading.currentPlace()") == PARAGRAPH
    _switch_to(driver, "es")
    _wait_for_path(driver, f"/es/{CHAPTER}#")
    assert driver.current_url == f"{server}es/{CHAPTER}#{PARAGRAPH}"


def test_switching_language_at_the_top_of_a_page_adds_no_anchor(driver, server):
    driver.get(f"{server}{CHAPTER}")
    _switch_to(driver, "fr")
    _wait_for_path(driver, f"/fr/{CHAPTER}")
    assert driver.current_url == f"{server}fr/{CHAPTER}"


def test_a_footnote_anchor_lands_on_the_fallback_page_form(driver, server):
    # The Council note exists only in Spanish: its English page keeps the notes as `fn-1`.
    driver.get(f"{server}council-note/#fn:1")
    offset = driver.execute_script("return document.getElementById('fn-1').getBoundingClientRect().top")
    assert 0 <= offset < 900


def test_glossary_term_and_acronym_show_a_tooltip_on_keyboard_focus(driver, server):
    driver.get(f"{server}fr/{CHAPTER}")
    term = driver.find_element("css selector", "a.glossary-term")
    term_title = term.get_attribute("title")
    driver.execute_script("arguments[0].focus()", term)
    _wait_for_tooltip(driver, term_title)
    abbr = driver.find_element("css selector", 'abbr[tabindex="0"]')
    expansion = abbr.get_attribute("title")
    assert expansion
    driver.execute_script("arguments[0].focus()", abbr)
    _wait_for_tooltip(driver, expansion)


def _wait_for_tooltip(driver, text: str) -> None:
    WebDriverWait(driver, 5).until(lambda d: d.execute_script(
        "var text = arguments[0];"
        "return Array.from(document.querySelectorAll('.md-tooltip2--active'))"
        ".some(function (t) { return t.textContent.indexOf(text) >= 0; })", text[:40]))


def test_side_by_side_shows_the_two_chosen_languages_from_file(driver, built):
    page = built.site / "fr" / "parallel" / "report" / "introduction" / "index.html"
    driver.get(page.as_uri())
    form = driver.find_element("css selector", "form.parallel-choice")
    assert form.is_displayed()
    shown = lambda: [c.get_attribute("lang") for c in  # noqa: E731
                     driver.find_elements("css selector", "#introduction-1 .parallel-cell")
                     if c.is_displayed()]
    assert sorted(shown()) == ["en", "fr"]  # the reader's language and the reference language
    Select(driver.find_element("name", "right")).select_by_value("es")
    assert sorted(shown()) == ["es", "fr"]
    Select(driver.find_element("name", "left")).select_by_value("en")
    assert sorted(shown()) == ["en", "es"]
    # The left column comes first on screen.
    cells = {c.get_attribute("lang"): c.rect["x"]
             for c in driver.find_elements("css selector", "#introduction-1 .parallel-cell") if c.is_displayed()}
    assert cells["en"] < cells["es"]
