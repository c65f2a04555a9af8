"""Search as a reader uses it, typed into the real search box in the session's Chromium (only
the `browser` fixture's methods), on the session's build served on a local port: the real
queries of tests/search_queries.yml find their pages; search costs nothing until it is opened;
a word found is never reported missing; French elisions; accents folded for matching only;
no "¶" in results; the side-by-side link's words are not indexed. Offline search (file://) is
in tests/test_offline.py."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from scripts.publish.search_index import INDEX
from tests.support.pages import Built

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:selenium")

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
LAZY = ("search/search_index.json", "/workers/", "/lunr/")  # what only search needs

TYPE = """
const field = document.querySelector('[data-md-component=search-query]');
field.focus();
field.value = arguments[0];
field.dispatchEvent(new KeyboardEvent('keyup', {key: arguments[0].slice(-1)}));
"""
# Once the worker answered: the count line and, per page, its address, its text as shown, and
# the words its "Missing:" line names.
READ = """
const meta = document.querySelector('.md-search-result__meta').textContent.trim();
const items = [...document.querySelectorAll('.md-search-result__item')];
if (!/\\d/.test(meta) && !items.length && !arguments[0]) return null;
return {meta: meta, items: items.map(item => ({
  href: item.querySelector('a').href,
  html: item.innerHTML,
  text: item.innerText,
  missing: [...item.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent)}))};
"""


@pytest.fixture()
def page(browser, served, built: Built):
    """Opens a language's home page; returns a function that types a query there and returns
    what the results show."""
    browser.reset()

    def search(lang: str, query: str, path: str = "") -> dict:
        browser.open(served + built.prefix(lang) + path)
        browser.script(TYPE, query)
        shown = browser.wait(lambda _: browser.script(READ, False), 20)
        shown["pages"] = [item["href"][len(served) + len(built.prefix(lang)):].split("#")[0]
                          for item in shown["items"]]
        shown["count"] = int(re.search(r"\d+", shown["meta"]).group())
        return shown

    yield search
    browser.reset()


CASES = [(lang, case) for lang, cases in QUERIES.items() for case in cases]


@pytest.mark.parametrize(("lang", "case"), CASES, ids=[f"{lang}-{case['query']}" for lang, case in CASES])
def test_real_queries_find_their_pages(page, lang, case):
    """`first` among the first three results, `top` among the first eight: the order of pages
    with close scores was seen to differ between two builds of the same content (a fresh clone
    and a working copy), so the test holds what a reader sees at a glance, not exact ranks."""
    shown = page(lang, case["query"])
    leading = shown["pages"][:8]
    if "first" in case:
        assert case["first"] in leading[:3], leading
    missing = [p for p in case.get("top", []) if p not in leading]
    assert not missing, f"{case['query']!r}: {missing} not among the first eight, {leading}"


def test_search_costs_nothing_until_it_is_opened(browser, served, built: Built):
    browser.reset()
    browser.requests(), browser.console_errors()  # what earlier tests left
    browser.open(served + "fr/report/globalized-world/")
    browser.script("return new Promise(r => setTimeout(r, 1500))")
    on_load = browser.requests()
    assert on_load, "the page's own requests are seen"
    assert [u for u in on_load if any(part in u for part in LAZY)] == []
    browser.script(TYPE, "retour")
    browser.wait(lambda _: browser.script(READ, False), 20)
    after = browser.requests()
    # (the worker's own imports, the theme's worker and the stemmer, are not in the page's
    # log: benchmarks/page_weight.py counts them at the server)
    for part in ("fr/search/search_index.json", "/workers/search.js"):
        assert [u for u in after if part in u], f"{part} not loaded once search opened"
    assert browser.console_errors() == []


@pytest.mark.parametrize(("lang", "word"), [("en", "remittances"), ("fr", "retours"), ("es", "remesas")])
def test_a_word_found_is_not_marked_missing(page, lang, word):
    shown = page(lang, word)
    assert shown["items"]
    marked = [item["href"] for item in shown["items"] if word in item["missing"]]
    assert marked == [], f"{word!r} marked missing on results that hold it"
    # ... and a word really absent still is: the theme's line works
    absent = page(lang, f"{word} zzyzx")
    assert any("zzyzx" in item["missing"] for item in absent["items"])


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_search_works_on_the_404_page(page, built: Built, lang):
    shown = page(lang, "migration" if lang != "es" else "migración", "404.html")
    assert shown["count"] > 3
    assert all(built.lang_of(href.split("/idm/", 1)[1]) == lang for href in (i["href"] for i in shown["items"]))


def test_french_elisions(page):
    origine = page("fr", "origine")
    assert any(re.search(r"<mark>d[’']origine</mark>", item["html"]) for item in origine["items"]), \
        "'origine' finds no 'd’origine'"
    counts = {query: page("fr", query)["count"] for query in ("OIM", "l'OIM", "l’OIM")}
    assert counts["OIM"] == counts["l'OIM"] == counts["l’OIM"], counts
    assert counts["OIM"] > 3, counts  # OIM stands mostly after l’ in the French text
    assert not any("l'oim" in item["missing"] for item in page("fr", "l'OIM")["items"])


@pytest.mark.parametrize(("lang", "plain", "accented"), [
    ("fr", "developpement", "développement"), ("fr", "competences", "compétences"),
    ("es", "reintegracion", "reintegración")])
def test_typing_without_accents_finds_the_accented_words(page, lang, plain, accented):
    without = page(lang, plain)
    with_accents = page(lang, accented)
    assert without["count"] == with_accents["count"] > 0
    assert sorted(without["pages"]) == sorted(with_accents["pages"])
    # the results show the real text, the accented word highlighted
    assert any(re.search(rf"<mark>{accented}</mark>", item["html"], re.I) for item in without["items"])
    assert not any(re.search(rf"\b{plain}\b", item["text"]) for item in without["items"])


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_result_snippets_show_no_pilcrow(page, lang):
    shown = page(lang, "migration" if lang != "es" else "migración")
    assert len(shown["items"]) >= 5
    assert not [item["href"] for item in shown["items"] if "¶" in item["text"]]


def test_the_side_by_side_link_is_not_indexed(built: Built):
    for lang in built.codes:
        page = (built.site / built.prefix(lang) / "report/globalized-world/index.html").read_text(encoding="utf-8")
        words = html.unescape(re.search(r'class="parallel-link"[^>]*>([^<]+)<', page).group(1))
        data = json.loads((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))
        holding = [doc["location"] for doc in data["docs"] if words in doc["text"]]
        assert holding == [], f"{lang}: {words!r} indexed in {holding[:3]}"
        # No paragraph mark (the ¶ links) in any result; the notes page's quotations mark a
        # paragraph break of the edition they quote with "¶": that is their text.
        assert not [doc["location"] for doc in data["docs"]
                    if "¶" in doc["text"] and not doc["location"].startswith("notes/")]
