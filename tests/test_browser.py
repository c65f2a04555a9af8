"""The site as a reader uses it, in the session's headless Chromium (tests/browser_support.py)
on the session's build served on a local port: search entered in the real search box (results
in the page's language only, inflections found), tooltips on hover, the agenda's collapsible
questions, the navigation drawer on a phone, and the light/dark toggle. The language selector
and keyboard tooltips are in tests/test_reading_browser.py; file:// in tests/test_offline.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.engine.theme import theme_worker
from scripts.publish.search_index import INDEX, read_entries
from tests.browser_support import found_nothing, search
from tests.support.pages import Built

THEME_WORKER = f"assets/javascripts/workers/{theme_worker()}"  # the wrapper's import

# (page language, typed word, a word of that language the search must also find as one of
# its inflections: some result holds this form and not the typed one).
SEARCHES = [("en", "migrants", "migrant"), ("fr", "retours", "retour"),
            ("es", "migrantes", "migrante")]


@pytest.fixture()
def browser_on(browser, served):
    """The session's browser, reset, and a function that opens a path of the served site."""
    browser.reset()

    def open_path(path: str) -> None:
        browser.open(served + path)

    browser.root = served
    browser.go = open_path
    yield browser
    browser.reset()


def _index(built: Built, lang: str) -> dict[str, str]:
    """location -> title and text of each entry of the language's search index."""
    entries = read_entries((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))
    return {doc["location"]: f'{doc["title"]} {doc["text"]}' for doc in entries}


def test_the_wrapped_search_worker_imports_the_themes_worker(built: Built):
    wrapper = (built.site / "assets/javascripts/workers/search.js").read_text(encoding="utf-8")
    assert f'var THEME_WORKER = "{Path(THEME_WORKER).name}";' in wrapper
    assert "__THEME_WORKER__" not in wrapper and "upstream:" not in wrapper
    assert (built.site / THEME_WORKER).is_file(), "the theme's worker is missing from the site"


def test_each_language_index_uses_its_stemmer(built: Built):
    for lang in built.codes:
        config = json.loads((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))["config"]
        assert config["lang"] == [lang]
        assert "stemmer" in config["pipeline"], "the theme's worker removes steps not listed"
        if lang != "en":  # lunr-languages' stemmer, served by the site itself
            assert (built.site / f"assets/javascripts/lunr/min/lunr.{lang}.min.js").is_file()


def test_no_sitemap_is_fetched_under_pages_and_the_alternates_stay(built: Built, browser_on):
    browser_on.requests()
    browser_on.go("es/agenda/")
    browser_on.script("return new Promise(r => setTimeout(r, 200))")
    assert [u for u in browser_on.requests() if "sitemap" in u] == []
    assert browser_on.script("return document.querySelectorAll('link[rel=alternate][hreflang]').length") >= 3
    assert browser_on.console_errors() == []


def test_each_index_holds_only_text_in_its_language(built: Built):
    """No side-by-side view (every language's text) and no fallback page's original; the
    fallback page itself stays findable by its title and notice."""
    spanish_only = "Breve panorama"  # a heading of the Council note, which exists only in Spanish
    for lang in built.codes:
        index = _index(built, lang)
        assert not [loc for loc in index if loc.startswith(("parallel/", "print/"))], lang
        assert "council-note/" in index
        holds = any(spanish_only in text for text in index.values())
        assert holds == (lang == "es"), lang


@pytest.mark.parametrize(("lang", "word", "inflection"), SEARCHES)
def test_search_finds_pages_of_the_page_language_and_inflections(built: Built, browser_on, lang, word,
                                                                 inflection):
    browser = browser_on
    browser.go(built.prefix(lang) + "agenda/")
    hrefs = search(browser, word)
    assert hrefs, f"{word}: no result"
    root = browser.root
    index = _index(built, lang)
    for href in hrefs:
        assert href.startswith(root), href
        path = href[len(root):]
        assert built.lang_of(path) == lang, f"{word} on a {lang} page: {href}"
    if inflection:
        locations = [href[len(root) + len(built.prefix(lang)):] for href in hrefs]
        only_inflected = [loc for loc in locations
                          if re.search(rf"\b{inflection}\b", index.get(loc, ""), re.I)
                          and not re.search(rf"\b{word}", index.get(loc, ""), re.I)]
        assert only_inflected, f"{word!r} found no section that says only {inflection!r}"
    assert browser.console_errors() == []


def test_an_english_word_finds_no_page_in_french(built: Built, browser_on):
    """"returnees", on every English report page, is no word of the French index (the French
    notes quoting the English edition were its only French matches: scripts/publish/search_index.py)."""
    assert "returnees" in " ".join(_index(built, "en").values())
    assert "returnees" not in " ".join(_index(built, "fr").values()).lower()
    browser_on.go("fr/agenda/")
    assert found_nothing(browser_on, "returnees")
    assert browser_on.console_errors() == []


def test_search_by_word_start_still_finds_while_typing(built: Built, browser_on):
    browser_on.go("fr/")
    hrefs = search(browser_on, "rapatri")  # rapatriés, rapatriement…
    assert any("report/" in href for href in hrefs)


@pytest.mark.parametrize("selector", ["a.glossary-term", 'abbr[tabindex="0"]'])
def test_tooltips_show_on_hover(built: Built, browser_on, selector):
    browser_on.go("es/report/globalized-world/")
    text = browser_on.attribute(selector, "title")
    assert text
    browser_on.hover(selector)  # scrolled into view, the mouse over its middle
    browser_on.wait(lambda b: b.script(
        "return [...document.querySelectorAll('.md-tooltip2--active')]"
        ".some(t => t.textContent.includes(arguments[0]))", text[:40]), 5)


def test_the_agendas_guiding_questions_open_and_close(built: Built, browser_on):
    browser_on.go("fr/agenda/")
    details, question, summary = ("details.question", "details.question > summary ~ *",
                                  "details.question > summary")  # the first question's
    assert browser_on.attribute(details, "open") is None and not browser_on.visible(question)
    browser_on.click(summary)
    browser_on.wait(lambda b: b.visible(question), 5)
    assert browser_on.attribute(details, "open") is not None
    browser_on.click(summary)
    browser_on.wait(lambda b: not b.visible(question), 5)


def test_the_navigation_drawer_on_a_phone_opens_and_a_link_navigates(built: Built, browser_on):
    browser_on.phone()
    browser_on.go("es/")
    link = 'nav.md-nav--primary a.md-nav__link[href$="summary/"]'
    assert browser_on.script("return document.querySelector(arguments[0]).getBoundingClientRect().right",
                             link) <= 0, "the navigation is off screen until the drawer opens"
    browser_on.click('label.md-header__button[for="__drawer"]')
    browser_on.wait(lambda b: b.script(  # the drawer's slide-in has finished
        "var a = document.querySelector(arguments[0]), r = a.getBoundingClientRect(); return r.left >= 0 &&"
        " document.elementFromPoint(r.left + 5, r.top + r.height / 2)?.closest('a') === a",
        link), 5)
    browser_on.click(link)
    browser_on.wait(lambda b: b.url == b.root + "es/summary/", 10)
    assert browser_on.script("return document.documentElement.lang") == "es"
    assert not browser_on.script("return document.getElementById('__drawer').checked")


def _scheme(browser) -> str:
    return browser.script("return document.body.getAttribute('data-md-color-scheme')")


def _toggle_name(browser) -> str:
    """The label of the palette toggle shown now: its palette's `aria-label` (the theme's
    tooltips take the label's `title` away)."""
    return browser.script("return [...document.querySelectorAll('form[data-md-component=palette] label')]"
                          ".find(label => !label.hidden).previousElementSibling.getAttribute('aria-label')")


def _toggle(browser) -> None:
    """Click the palette toggle shown now (one per palette; the current one's is visible)."""
    browser.click('form[data-md-component="palette"] label.md-header__button')


def test_dark_mode_follows_the_system_until_the_reader_chooses_and_the_choice_persists(
        built: Built, browser_on):
    browser = browser_on
    browser.prefers("dark")
    browser.go("fr/")
    assert _scheme(browser) == "slate"
    browser.prefers("light")
    browser.go("fr/agenda/")
    assert _scheme(browser) == "default", "no choice made yet: the system's scheme"
    light = browser.script("return getComputedStyle(document.body).backgroundColor")
    assert _toggle_name(browser) == built.ui("fr", "palette_to_light")
    _toggle(browser)  # system -> light
    assert _toggle_name(browser) == built.ui("fr", "palette_to_dark")
    _toggle(browser)  # light -> dark
    browser.wait(lambda b: _scheme(b) == "slate", 5)
    assert browser.script("return getComputedStyle(document.body).backgroundColor") != light
    assert _toggle_name(browser) == built.ui("fr", "palette_to_system")
    browser.go("fr/people/")  # another page, the system still light: the reader's choice holds
    assert _scheme(browser) == "slate"
    browser.reload()
    assert _scheme(browser) == "slate"
    _toggle(browser)  # dark -> system (light)
    browser.wait(lambda b: _scheme(b) == "default", 5)
    assert browser.console_errors() == []
