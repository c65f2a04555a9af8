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

from scripts.publish.search_index import INDEX, compact, expand, read_entries
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
# Once the worker answered and the theme drew its first ten pages (it updates the count and the
# list together): the count line and, per page, its address, its score (the theme's
# `data-md-score`, the best of its sections: pages are ranked by it), its text as shown, and
# the words its "Missing:" line names.
READ = """
const meta = document.querySelector('.md-search-result__meta').textContent.trim();
const items = [...document.querySelectorAll('.md-search-result__item')];
const count = /\\d/.test(meta) ? parseInt(meta.match(/\\d+/)[0], 10) : 0;
if (!/\\d/.test(meta) && !items.length && !arguments[0]) return null;
if (items.length !== Math.min(count, 10) && !arguments[0]) return null;
return {meta: meta, items: items.map(item => ({
  href: item.querySelector('a').href,
  score: Math.max(...[...item.querySelectorAll('[data-md-score]')].map(a => parseFloat(a.dataset.mdScore))),
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
    """`first` is the first result, `top` pages are among the first five. Pages with the same
    score (the theme shows two decimals; the same word as often, in sections alike) share a
    rank, which the theme breaks by the order of the index: such a tie counts as the rank."""
    shown = page(lang, case["query"])
    ranked = [(p, item["score"]) for p, item in zip(shown["pages"], shown["items"])]
    if "first" in case:
        best = ranked[0][1]
        assert case["first"] in [p for p, score in ranked if score == best], ranked
    fifth = ranked[min(5, len(ranked)) - 1][1]
    first_five = [p for p, score in ranked if score >= fifth]
    missing = [p for p in case.get("top", []) if p not in first_five]
    assert not missing, f"{case['query']!r}: {missing} not among the first five, {ranked}"


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
        entries = read_entries((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))
        holding = [doc["location"] for doc in entries if words in doc["text"]]
        assert holding == [], f"{lang}: {words!r} indexed in {holding[:3]}"
        # No paragraph mark (the ¶ links) in any result; the notes page's quotations mark a
        # paragraph break of the edition they quote with "¶": that is their text.
        assert not [doc["location"] for doc in entries
                    if "¶" in doc["text"] and not doc["location"].startswith("notes/")]


def _indexed(built: Built, lang: str) -> list[dict]:
    return read_entries((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))


def test_the_index_holds_the_publication_s_own_text_in_the_reader_s_language(built: Built):
    """What scripts/publish/search_index.py leaves out (its docstring says why): the other editions'
    words quoted where the editions differ, the notes (the notes page is found by its title and
    introduction, and so is the facts page), the glossary's lists of sections and the home page's list of parts."""
    content = built.content
    for lang in built.codes:
        entries = _indexed(built, lang)
        words = html.unescape(" ".join(f"{doc['title']} {doc['text']}" for doc in entries))
        quoted = [q.says for d in content.divergences for other, q in d.editions.items()
                  if other != lang and q.says and len(q.says) >= 40]
        assert len(quoted) > 20
        assert [q for q in quoted if q in words] == []
        for key in ("divergence_marker", "divergence_all", "notes_difference", "notes_why"):
            assert built.ui(lang, key) not in words, (lang, key)
        assert built.ui(lang, "term_used_in").split("(")[0].strip() not in words
        for page, title in (("notes/", "nav_notes"), ("facts/", "nav_facts")):  # the two pages of notes
            notes = [doc for doc in entries if doc["location"].startswith(page)]
            assert {doc["title"] for doc in notes} == {built.ui(lang, title)}, (lang, page)
            assert any(doc["text"] for doc in notes), f"the introduction of {page} is searched"
        home_parts = next(doc for doc in entries if doc["location"] == "#parts")
        assert home_parts["text"] == ""


def test_the_index_is_stored_grouped_by_page(built: Built):
    """The compact form (`compact`) turns back into the theme's entries (`expand`, and the
    worker's JavaScript, which the browser tests run) without loss, and every page's own entry
    comes before its sections (the theme's invariant), French "Introduction" included."""
    for lang in built.codes:
        raw = json.loads((built.site / built.prefix(lang) / INDEX).read_text(encoding="utf-8"))
        entries = expand(raw["docs"])
        assert compact(entries) == raw["docs"]
        assert all(isinstance(page, list) and len(page) == 2 for page in raw["docs"])
        seen = set()
        for doc in entries:
            page = doc["location"].split("#")[0]
            assert page in seen or "#" not in doc["location"], f"{lang}: {doc['location']} before its page"
            seen.add(page)
        offline = built.site / built.prefix(lang) / "search" / "search_index.js"
        if offline.exists():
            assert read_entries(offline.read_text(encoding="utf-8")) == entries
