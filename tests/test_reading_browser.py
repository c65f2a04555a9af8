"""The reading aids in a real browser (the session's headless Chromium, tests/browser_support.py),
on the session's build: the language selector keeps the reader's place (with a hash, and after
scrolling without one), acronyms take the keyboard focus, and the side-by-side page shows
the two chosen languages, also from file://."""

from __future__ import annotations

import pytest

CHAPTER = "report/globalized-world/"
PARAGRAPH = "many-forms-3"


@pytest.fixture()
def desktop(browser):
    """The session's one headless Chromium (tests/browser_support.py), reset to its desktop
    size."""
    browser.reset()
    return browser


@pytest.fixture()
def server(served):
    """The session's build, served on a local port (tests/browser_support.py)."""
    return served


def _switch_to(desktop, lang: str) -> None:
    """Activate the selector's link to `lang` as a reader's click would (the menu opens on
    hover, so the link is activated from a script; the page's own click handler runs), and
    wait for the page it leads to."""
    with desktop.navigation():
        desktop.script(f'document.querySelector(\'.md-select__link[lang="{lang}"]\').click()')


def _wait_for_path(desktop, path: str) -> None:
    desktop.wait(lambda b: path in b.url)


@pytest.mark.parametrize("source, target", [("", "fr/"), ("fr/", "es/"), ("es/", "")])
def test_switching_language_from_a_paragraph_anchor_keeps_the_paragraph(desktop, server, source, target):
    desktop.open(f"{server}{source}{CHAPTER}#{PARAGRAPH}")
    _switch_to(desktop, target.rstrip("/") or "en")
    _wait_for_path(desktop, f"/{target}{CHAPTER}#")
    assert desktop.url == f"{server}{target}{CHAPTER}#{PARAGRAPH}"
    assert desktop.visible(f"#{PARAGRAPH}")


def test_switching_language_after_scrolling_keeps_the_paragraph_at_the_top(desktop, server):
    desktop.open(f"{server}{CHAPTER}")
    desktop.script("""
        var p = document.getElementById(arguments[0]);
        var header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - header - 2);
    """, PARAGRAPH)
    assert desktop.script("return window.location.hash") == ""
    assert desktop.script("return window.idmReading.currentPlace()") == PARAGRAPH
    _switch_to(desktop, "es")
    _wait_for_path(desktop, f"/es/{CHAPTER}#")
    assert desktop.url == f"{server}es/{CHAPTER}#{PARAGRAPH}"


def test_switching_language_at_the_top_of_a_page_adds_no_anchor(desktop, server):
    desktop.open(f"{server}{CHAPTER}")
    _switch_to(desktop, "fr")
    _wait_for_path(desktop, f"/fr/{CHAPTER}")
    assert desktop.url == f"{server}fr/{CHAPTER}"


def test_a_footnote_anchor_lands_on_the_fallback_page_form(desktop, server):
    # The Council note exists only in Spanish: its English page keeps the notes as `fn-1`.
    desktop.open(f"{server}council-note/#fn:1")
    offset = desktop.script("return document.getElementById('fn-1').getBoundingClientRect().top")
    assert 0 <= offset < 900


def test_glossary_term_and_acronym_show_a_tooltip_on_keyboard_focus(desktop, server):
    desktop.open(f"{server}fr/{CHAPTER}")
    term_title = desktop.attribute("a.glossary-term", "title")
    desktop.focus("a.glossary-term")
    _wait_for_tooltip(desktop, term_title)
    expansion = desktop.attribute('abbr[tabindex="0"]', "title")
    assert expansion
    desktop.focus('abbr[tabindex="0"]')
    _wait_for_tooltip(desktop, expansion)


def _wait_for_tooltip(desktop, text: str) -> None:
    desktop.wait(lambda b: b.script(
        "var text = arguments[0];"
        "return Array.from(document.querySelectorAll('.md-tooltip2--active'))"
        ".some(function (t) { return t.textContent.indexOf(text) >= 0; })", text[:40]), 5)


def test_side_by_side_shows_the_two_chosen_languages_from_file(desktop, built):
    page = built.site / "fr" / "parallel" / "report" / "introduction" / "index.html"
    desktop.open(page.as_uri())
    assert desktop.visible("form.parallel-choice")
    shown = lambda: desktop.script(  # noqa: E731  (language and left edge of each cell on screen)
        "return [...document.querySelectorAll('#introduction-1 .parallel-cell')]"
        ".filter(c => c.checkVisibility({visibilityProperty: true, opacityProperty: true}))"
        ".map(c => [c.lang, c.getBoundingClientRect().x])")
    # The reader's language and the reference language:
    assert sorted(lang for lang, _ in shown()) == ["en", "fr"]
    desktop.select('[name="right"]', "es")
    assert sorted(lang for lang, _ in shown()) == ["es", "fr"]
    desktop.select('[name="left"]', "en")
    assert sorted(lang for lang, _ in shown()) == ["en", "es"]
    # The left column comes first on screen.
    cells = dict(shown())
    assert cells["en"] < cells["es"]
