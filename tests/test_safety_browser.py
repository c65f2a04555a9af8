"""Payloads in the most dangerous fields, in a real browser (issue 10): the hostile build of
tests/test_safety.py (every payload `check` accepts, in every text field: language names, the
site name, navigation titles, chapter and agenda titles among them) served on a local port.
Every payload that would run sets `window.__pwned`; none may, on load, on hovering or
focusing any element, on clicking any link, or while search results show the payloads."""

from __future__ import annotations

import pytest

from tests.support.serving import serving

PAGES = ("", "report/introduction/", "agenda/", "people/", "definitions/", "acronyms/",
         "notes/", "facts/", "series/", "council-note/", "parallel/report/introduction/", "status/",
         "404.html")
LANGS = ("", "fr/", "es/")


@pytest.fixture(scope="module")
def hostile_served(hostile):
    with serving(hostile.site) as url:
        yield url


PWNED = "return [window.__pwned === undefined, document.querySelectorAll('[data-pwned]').length]"

# Hover and focus every element, then click every link. A link that leads elsewhere (a page
# of the site, an http address) is kept from navigating: those pages are tested on load. A
# link with any other address is clicked for real: a `javascript:` one would run here.
POKE = """
const all = [...document.querySelectorAll('body *')];
for (const el of all) {
  for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin']) {
    el.dispatchEvent(new Event(type, {bubbles: true}));
  }
}
const links = [...document.querySelectorAll('a[href]')];
const keep = e => {
  const a = e.target.closest('a');
  if (a && /^(https?:|mailto:|#)/i.test(a.href)) e.preventDefault();
};
document.addEventListener('click', keep, true);
for (const a of links) a.click();
document.removeEventListener('click', keep, true);
return links.length;
"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_no_payload_runs_on_load_hover_or_click(browser, hostile_served, lang, page):
    browser.open(hostile_served + lang + page)
    browser.wait(lambda d: browser.script("return document.readyState") == "complete")
    assert browser.script(PWNED) == [True, 0], "a payload ran on load"
    clicked = browser.script(POKE)
    assert clicked > 5
    assert browser.script(PWNED) == [True, 0], "a payload ran on hover, focus or click"
    browser.requests()  # the pages asked nothing of evil.example: see test_no_request_leaves


def test_no_request_leaves_the_site(browser, hostile_served):
    browser.requests()
    for lang in LANGS:
        browser.open(hostile_served + lang + "report/introduction/")
        browser.wait(lambda d: browser.script("return document.readyState") == "complete")
    assert not [url for url in browser.requests() if "evil.example" in url]


def test_search_results_showing_payloads_run_nothing(browser, hostile_served):
    """The search index holds the payloads (titles and text); the theme shows results as HTML."""
    browser.open(hostile_served)
    browser.wait(lambda d: browser.script("return document.readyState") == "complete")
    browser.script("""
        const input = document.querySelector('input.md-search__input');
        document.querySelector('#__search').checked = true;
        input.focus();
        input.value = 'pwned';
        for (const type of ['input', 'keyup', 'change']) input.dispatchEvent(new Event(type, {bubbles: true}));
    """)
    browser.wait(lambda d: browser.script(
        "return document.querySelectorAll('.md-search-result__item').length") > 0, timeout=20)
    browser.script(POKE.replace("document.querySelectorAll('body *')",
                                "document.querySelectorAll('.md-search-result *')"))
    assert browser.script(PWNED) == [True, 0]
