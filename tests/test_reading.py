"""The cross-linked reading experience, on the real build (the session's `built` site), in every
language: glossary links and their index, acronyms, footnotes, people and sessions, paragraph
anchors and self-links, the language selector's places, side-by-side pages, related documents."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from scripts.content.inline import plain_text
from scripts.content.models import paragraph_anchors
from scripts.render.glossary import glossary_of, preview
from scripts.render.reference import _SAFE_ABBR
from tests.support.pages import is_print_volume

LANGS = ["en", "fr", "es"]
GLOSSARY_DOCS = ["summary/", "background/"]


def read(built, lang: str, path: str) -> str:
    return (built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8")


def article(text: str) -> str:
    """The page's own text (not the navigation)."""
    start = text.index('<article class="md-content__inner')
    return text[start:text.index("</article>", start)]


def attrs(tag: str) -> dict[str, str]:
    return {k: html_lib.unescape(v) for k, v in re.findall(r'([\w:-]+)="([^"]*)"', tag)}


def glossary_links(text: str) -> list[tuple[dict[str, str], str]]:
    return [(attrs(m.group(1)), m.group(2))
            for m in re.finditer(r'(<a class="glossary-term"[^>]*>)(.*?)</a>', text)]


def prose_paths(built, lang: str) -> list[str]:
    report = built.content.editions[lang].report
    return GLOSSARY_DOCS + [f"report/{s.id}/" for s in report.sections]


def resolve_in(built, lang: str, page: str, href: str) -> tuple[str, str]:
    from tests.support.pages import resolve
    url_path, fragment = resolve(built, built.prefix(lang) + page, href)
    assert url_path is not None, f"{href} leaves the site"
    return url_path, fragment


# --- glossary ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_links_point_at_terms_with_a_preview_in_the_page_language(built, lang):
    defs = built.content.editions[lang].definitions
    glossary = glossary_of(defs)
    definitions = built.page(lang, "definitions/")
    linked_terms = set()
    for path in prose_paths(built, lang):
        for link, label in glossary_links(article(read(built, lang, path))):
            url_path, term = resolve_in(built, lang, path, link["href"])
            assert url_path == built.prefix(lang) + "definitions/", f"{lang}/{path}: {link['href']}"
            assert term in definitions.ids, f"{lang}/{path}: no term #{term}"
            assert glossary.forms[" ".join(html_lib.unescape(label).split()).lower()] == term
            assert link["title"] == glossary.previews[term]
            linked_terms.add(term)
    # The report, summary and background of each edition use most of the annex's terms.
    assert len(linked_terms) >= len(defs.terms) - 2, f"{lang}: only {sorted(linked_terms)}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_term_is_linked_once_per_section(built, lang):
    for path in prose_paths(built, lang):
        text = article(read(built, lang, path))
        # Sections start at their headings; a term may be linked once in each.
        for part in re.split(r"<h[1-6] id=", text):
            terms = [attrs(a)["href"].split("#")[1] for a, _ in
                     [(m.group(0), None) for m in re.finditer(r'<a class="glossary-term"[^>]*>', part)]]
            assert len(terms) == len(set(terms)), f"{lang}/{path}: {terms}"


@pytest.mark.parametrize("lang", LANGS)
def test_definitions_page_lists_the_sections_that_link_to_each_term(built, lang):
    text = article(read(built, lang, "definitions/"))
    defs = built.content.editions[lang].definitions
    listed_any = False
    for term in defs.terms:
        start = text.index(f'id="{term.id}"')
        following = [text.find(f'id="{t.id}"', start + 1) for t in defs.terms]
        end = min([i for i in following if i > start] or [len(text)])
        block = text[start:end]
        for href in re.findall(r'<li><a href="([^"]+)"', block):
            listed_any = True
            url_path, anchor = resolve_in(built, lang, "definitions/", href)
            page = built.pages[url_path]
            assert anchor in page.ids, f"{lang}: {href} from {term.id}"
            # The listed section really links to the term.
            target = article((built.site / url_path / "index.html").read_text(encoding="utf-8"))
            assert f'#{term.id}"' in target, f"{lang}: {url_path} does not link {term.id}"
    assert listed_any


def test_preview_is_cut_at_a_word():
    long_text = "word " * 100
    cut = preview(long_text)
    assert cut.endswith("…") and len(cut) <= 221 and not cut[:-1].endswith(" ")


# --- acronyms ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_acronyms_carry_their_expansion_in_the_page_language(built, lang):
    acronyms = {a.abbr: " ".join(plain_text(a.expansion).split())
                for a in built.content.editions[lang].acronyms.acronyms if _SAFE_ABBR.match(a.abbr)}
    seen = set()
    for path in prose_paths(built, lang) + ["acronyms/", "agenda/"]:
        for title, abbr in re.findall(r'<abbr title="([^"]*)">([^<]*)</abbr>', read(built, lang, path)):
            assert abbr in acronyms, f"{lang}/{path}: {abbr} is not in content/{lang}/acronyms.yml"
            assert html_lib.unescape(title) == acronyms[abbr], f"{lang}/{path}: {abbr}"
            seen.add(abbr)
    assert seen == set(acronyms), f"{lang}: never explained: {set(acronyms) - seen}"


def test_acronyms_can_take_the_keyboard_focus():
    script = (__import__("scripts.config", fromlist=["ROOT"]).ROOT
              / "overrides/assets/javascripts/reading.js").read_text(encoding="utf-8")
    assert 'abbr[title]' in script and 'setAttribute("tabindex", "0")' in script


# --- footnotes --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_are_numbered_as_published_with_links_both_ways(built, lang):
    checked = 0
    for path, doc in (("definitions/", built.content.editions[lang].definitions),
                      ("summary/", built.content.editions[lang].summary),
                      ("background/", built.content.editions[lang].background)):
        text = read(built, lang, path)
        for key in doc.footnotes:
            if f'href="#fn:{key}"' not in text:
                continue
            assert re.search(rf'<sup id="fnref:{key}"><a class="footnote-ref" href="#fn:{key}">{key}</a>', text)
            assert f'<li id="fn:{key}" value="{key}">' in text
            back = re.search(rf'<a class="footnote-backref" href="#fnref:{key}" title="([^"]*)"', text)
            assert back, f"{lang}/{path}: no link back from note {key}"
            assert html_lib.unescape(back.group(1)) == built.ui(lang, "footnote_back").format(number=key)
            checked += 1
    assert checked >= 3  # the annex's note 3 and the notes of the summary and background


# --- people and sessions ----------------------------------------------------------------------


def _segments(text: str, tag: str) -> dict[str, str]:
    """id -> the HTML from a heading of `tag` to the next heading of that level or above."""
    level = int(tag[1])
    heads = list(re.finditer(rf'<{tag} id="([^"]+)"', text))
    out = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        stop = re.search(rf"<h[1-{level - 1}][ >]", text[head.end():end]) if level > 1 else None
        out[head.group(1)] = text[head.start(): head.end() + stop.start() if stop else end]
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_person_links_to_their_sessions_and_back(built, lang):
    agenda = built.content.editions[lang].agenda
    people = _segments(article(read(built, lang, "people/")), "h2")
    slots = _segments(article(read(built, lang, "agenda/")), "h3")
    expected = {p.id: {s.id for _d, s in agenda.slots() if p.id in s.people()} for p in agenda.people}
    for person in agenda.people:
        links = set(re.findall(r'href="\.\./agenda/#([^"]+)"', people[person.id]))
        assert links == expected[person.id] and links, f"{lang}: {person.id} -> {links}"
        for slot_id in links:
            assert f'href="../people/#{person.id}"' in slots[slot_id], f"{lang}: {slot_id} -/-> {person.id}"


def test_a_person_named_differently_in_the_editions_is_one_person(built):
    # content/resolutions.yml, ilunga-name: the Spanish edition prints "Ilunga Kalenga Oly".
    for lang in LANGS:
        text = article(read(built, lang, "people/"))
        assert text.count('<h2 id="ilunga"') == 1
        assert "Kalenga" not in text
        assert "Jim Ilunga" in _segments(text, "h2")["ilunga"]


# --- paragraph anchors, self-links and the language selector ------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_paragraph_links_to_itself(built, lang):
    for path in prose_paths(built, lang) + ["definitions/", "foreword/"]:
        text = article(read(built, lang, path))
        ids = re.findall(r'<(?:p|div) id="([a-z0-9-]+-\d+)"', text)
        assert ids, path
        for anchor in ids:
            assert f'class="paragraph-link" href="#{anchor}"' in text, f"{lang}/{path}#{anchor}"


PLACE = re.compile(r'<(h[2-6]|p|div|li) id="([^"]+)"')


def same_place(anchor: str) -> str:
    """Footnotes are `fn:3` on real pages, `fn-3` on fallback pages; reading.js maps one to
    the other on arrival."""
    return re.sub(r"(^|--)(fn|fnref)[:-]", r"\1\2-", anchor)


def test_every_place_the_selector_can_keep_exists_in_every_language(built):
    """The script (reading.js) keeps the id of an h2-h6, p, div or li of the page's text; each
    such id on a page must exist on the same page in every other language."""
    for path in built.paths(built.default):
        ids = {lang: set(same_place(m.group(2)) for m in PLACE.finditer(article(
            (built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8")
            if path.endswith("/") or path == "" else (built.site / built.prefix(lang) / path).read_text(encoding="utf-8"))))
            for lang in LANGS}
        for lang in LANGS:
            if path == "acronyms/":  # each edition lists its own acronyms (the French lacks four)
                assert ids[lang] == {a.id for a in built.content.editions[lang].acronyms.acronyms}
                continue
            if is_print_volume(path):  # the print edition holds the acronyms page too
                ids = {lg: {i for i in found if not i.startswith("page-acronyms--")}
                       for lg, found in ids.items()}
            assert ids[lang] == ids[built.default], f"{lang}/{path}: {ids[lang] ^ ids[built.default]}"


def test_selector_script_appends_the_place_to_the_link():
    from scripts import config
    script = (config.ROOT / "overrides/assets/javascripts/reading.js").read_text(encoding="utf-8")
    assert ".md-select__link" in script and "withPlace" in script


@pytest.mark.parametrize("lang", LANGS)
def test_selector_links_lead_to_the_same_page_where_the_same_ids_exist(built, lang):
    path = "report/globalized-world/"
    for href, _hreflang in built.page(lang, path).selector:
        url_path, _ = resolve_in(built, lang, path, href)
        assert url_path.endswith(path)
        assert "many-forms-3" in built.pages[url_path].ids


# --- side by side -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_chapter_has_a_side_by_side_page_with_all_languages(built, lang):
    report = built.content.editions[built.default].report
    for chapter in report.sections:
        page_path = f"report/{chapter.id}/"
        parallel = f"parallel/report/{chapter.id}/"
        assert 'class="parallel-link"' in read(built, lang, page_path)
        assert re.search(rf'href="(\.\./)+parallel/report/{chapter.id}/"', read(built, lang, page_path))
        full = read(built, lang, parallel)
        own = next(s for s in built.content.editions[lang].report.sections if s.id == chapter.id)
        title = html_lib.unescape(re.search(r"<title>([^<]*)</title>", full).group(1))
        assert title.startswith(built.ui(lang, "parallel_title").format(title=plain_text(own.title)))
        text = article(full)
        rows = re.findall(r'<div class="parallel-row[^"]*" id="([^"]+)">', text)
        expected = [chapter.id] + [x for s in chapter.walk() for x in
                                   ([s.id] if s is not chapter else []) + paragraph_anchors(s.id, s.blocks)]
        assert rows == expected, f"{lang}/{parallel}"
        cells = re.findall(r'<div class="parallel-cell" data-lang="(\w+)" dir="ltr" lang="(\w+)">', text)
        assert all(a == b for a, b in cells)
        assert [c for c, _ in cells[:3]] == LANGS  # each row: a cell per language, in order
        assert len(cells) == 3 * len(rows) + (3 if "parallel-row--notes" in text else 0)
        assert 'form class="parallel-choice" hidden' in text


@pytest.mark.parametrize("path", ["summary/", "background/", "foreword/", "definitions/"])
def test_other_documents_have_side_by_side_pages(built, path):
    for lang in LANGS:
        assert f"parallel/{path}" in built.paths(lang)
        assert 'class="parallel-link"' in read(built, lang, path)


# --- related documents ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_home_and_introduction_link_to_the_council_note(built, lang):
    for path, href in (("", "council-note/"), ("report/introduction/", "../../council-note/")):
        text = article((built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8"))
        assert f'<p class="related"><strong>{built.ui(lang, "related_documents")}</strong> <a href="{href}">' in text


@pytest.mark.parametrize("lang", LANGS)
def test_background_refers_to_its_annex_with_a_link(built, lang):
    text = article(read(built, lang, "background/"))
    note = re.search(r'<li id="fn:2" value="2">(.*?)</li>', text, re.S).group(1)
    assert '<a href="../definitions/">' in note
