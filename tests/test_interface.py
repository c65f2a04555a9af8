"""The reading interface in every language, on the session's build: the print page's tab title,
the "cite this publication" block and its BibTeX/RIS/CSL-JSON files, glossary links outside
quotations, and the citation and glossary functions themselves."""

from __future__ import annotations

import json
import re

from scripts.content.inline import plain_text
from scripts.content.models import Definitions, Paragraph, Term
from scripts.render.citation import Reference, bibtex, csl_json, file_name, ris
from scripts.render.glossary import TermLinker, glossary_of
from tests.support.pages import SITE_URL, Built, print_volumes


def test_the_print_page_tab_title_is_in_the_language_of_the_page(built: Built):
    """Each volume's tab says which volume of how many, in the page's language."""
    for lang in built.codes:
        volumes = print_volumes(built, lang)
        assert len(volumes) > 1, lang
        for number, path in enumerate(volumes, start=1):
            html = (built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8")
            title = re.search(r"<title>([^<]*)</title>", html).group(1)
            name = built.ui(lang, "print_volume_title").format(number=number, count=len(volumes))
            assert title.startswith(name + " - "), title
            assert not title.startswith(("Print -", "2 -"))


def test_each_home_page_tells_how_to_cite_the_publication(built: Built):
    for lang in built.codes:
        front = built.content.editions[lang].front
        html = (built.site / built.prefix(lang) / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<div class="citation">(.*?)</div>', html, re.S)
        assert block, lang
        text = re.sub(r"<[^>]+>", "", block.group(1))
        url = f"{SITE_URL}{built.prefix(lang)}"
        number = built.ui(lang, "book_number").format(number=front.number)
        for part in (plain_text(front.title), plain_text(front.series), number,
                     plain_text(front.publisher), str(front.year), url):
            assert part.replace("&", "&amp;") in text, f"{lang}: {part!r} not in {text!r}"
        for extension in ("bib", "ris", "json"):
            href = f"downloads/{file_name(lang, extension)}"
            assert f'href="{href}"' in html, (lang, href)
            assert (built.site / built.prefix(lang) / href).is_file()


def test_the_citation_files_hold_the_reference(built: Built):
    for lang in built.codes:
        front = built.content.editions[lang].front
        folder = built.site / built.prefix(lang) / "downloads"
        [item] = json.loads((folder / file_name(lang, "json")).read_text(encoding="utf-8"))
        assert item["type"] == "book" and item["title"] == plain_text(front.title)
        assert item["collection-number"] == str(front.number)
        assert item["issued"] == {"date-parts": [[front.year]]}
        assert item["URL"] == f"{SITE_URL}{built.prefix(lang)}" and item["language"] == lang
        bib = (folder / file_name(lang, "bib")).read_text(encoding="utf-8")
        assert bib.startswith("@book{") and f"year = {{{front.year}}}" in bib
        ris_text = (folder / file_name(lang, "ris")).read_bytes()
        assert ris_text.startswith(b"TY  - BOOK\r\n") and ris_text.endswith(b"ER  - \r\n")


def test_bibtex_escapes_what_it_must():
    ref = Reference("en", "Costs & Gains: 100% {return}", "Series_A", 15, "IOM #1", 2010, "https://x.test/a_b")
    entry = bibtex(ref)
    assert r"title = {{Costs \& Gains: 100\% \{return\}}}" in entry
    assert r"series = {Series\_A}" in entry and r"publisher = {IOM \#1}" in entry
    assert json.loads(csl_json(ref))[0]["title"] == "Costs & Gains: 100% {return}"
    assert "TI  - Costs & Gains: 100% {return}\r\n" in ris(ref)


def test_a_citation_without_an_address_has_no_url():
    ref = Reference("fr", "Titre", "Série", 15, "OIM", 2010, "")
    assert "url" not in bibtex(ref) and "UR  -" not in ris(ref) and "URL" not in csl_json(ref)


def test_the_glossary_does_not_link_a_term_inside_a_quoted_title():
    term = Term("return-migration", "Return migration", (Paragraph("Return migration is…"),))
    glossary = glossary_of(Definitions("definitions", "Definitions", "d.yml", (term,)))
    for text in ("the theme “Return Migration: Challenges and Opportunities” was chosen",
                 "le thème « Return Migration » fut choisi",
                 'the theme "Return Migration" was chosen'):
        assert list(glossary.find(text)) == [], text
    linked = TermLinker(glossary, lambda path, anchor: f"{path}#{anchor}")(
        "“Return Migration: Challenges”, then return migration itself")
    assert linked.count("glossary-term") == 1 and linked.index("glossary-term") > linked.index("then")


def test_on_the_site_a_quoted_title_is_never_a_glossary_link(built: Built):
    quoted = re.compile(r"“[^”]*glossary-term[^”]*”|«[^»]*glossary-term[^»]*»")
    for url_path in built.pages:
        file = built.site / (url_path + "index.html" if url_path.endswith("/") or not url_path else url_path)
        assert not quoted.search(file.read_text(encoding="utf-8")), url_path
