"""The glossary renderer on small models: exact Markdown, first use per section, escaping."""

from __future__ import annotations

import pytest

from scripts.content.models import Definitions, Document, Paragraph, Section, Term
from scripts.content.text import InlineMarkdown
from scripts.render.common import Context
from scripts.render.document import document_page
from scripts.render.glossary import glossary_of, with_uses

UI = {"paragraph_link": "Link"}


def _glossary(definition: str = "Moving back <home> & \"away\".") -> object:
    defs = Definitions("definitions", "Annex", "content/en/definitions.yml", terms=(
        Term("virtual-return", "Virtual Return", (Paragraph(definition),),
             variants=("virtual return", "virtual returns")),))
    return glossary_of(defs)


def _page(sections, glossary, terms=True):
    doc = Document("summary", "Summary", "content/en/summary.yml", sections=sections)
    ctx = Context("en", "en_GB", UI, glossary=glossary)
    return document_page(doc, ctx, "summary.md", terms=terms).body


def test_first_use_in_each_section_links_with_an_escaped_preview():
    sections = (Section("a", "A", 1, (Paragraph("Virtual returns and virtual return."),
                                      Paragraph("A virtual return again."))),
                Section("b", "B", 1, (Paragraph("Then virtual return."),)))
    body = _page(sections, _glossary())
    link = '(definitions.md#virtual-return "Moving back &lt;home&gt; &amp; &quot;away&quot;."){ .glossary-term }'
    assert body.count("{ .glossary-term }") == 2
    assert f"[Virtual returns]{link} and virtual return." in body
    assert f"Then [virtual return]{link}." in body


def test_no_link_without_terms_or_inside_a_link_label_or_a_longer_word():
    sections = (Section("a", "A", 1, (Paragraph(InlineMarkdown("[virtual return](https://x.test) and virtual returnees.")),)),)
    assert "glossary-term" not in _page(sections, _glossary())
    plain = (Section("a", "A", 1, (Paragraph("virtual return"),)),)
    assert "glossary-term" not in _page(plain, _glossary(), terms=False)


def test_markup_in_content_cannot_reach_the_link():
    sections = (Section("a", "A", 1, (Paragraph("<b>virtual return</b>{ #x }"),)),)
    body = _page(sections, _glossary())
    assert "&lt;b&gt;[virtual return](" in body and "&lt;/b&gt;&#123; #x &#125;" in body


def test_the_index_lists_each_section_that_uses_a_term_once():
    doc = Document("report", "Report", "content/en/report.yml", sections=(
        Section("intro", "Intro", 1, (Paragraph("virtual return, virtual return"),),
                (Section("sub", "Sub", 2, (Paragraph("no term here"),)),
                 Section("sub2", "Sub two", 2, (Paragraph("Virtual Return."),)))),))
    glossary = with_uses(_glossary(), [(doc, "report/intro.md", lambda s: "report/intro.md")])
    assert [(u.path, u.anchor, u.title) for u in glossary.uses["virtual-return"]] == [
        ("report/intro.md", "intro", "Intro"), ("report/intro.md", "sub2", "Sub two")]


@pytest.mark.parametrize("text, found", [("virtual return", 1), ("VIRTUAL RETURN", 1),
                                         ("virtual\u00a0return", 1), ("virtual  returns", 1),
                                         ("virtual returned", 0), ("nonvirtual return", 0)])
def test_forms_match_whole_words_case_insensitively(text, found):
    assert len(list(_glossary().find(text))) == found
