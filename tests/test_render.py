"""Renderers and the site plan, on small fixture models: exact Markdown out, and the rules
(escaping, anchors, fallbacks, languages from the content only) that must hold."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
import yaml

from scripts import config
from scripts.content.load import read_content
from scripts.content.models import (Agenda, Content, Day, Document, Edition, Language, ListBlock, ListItem,
                                    Paragraph, Person, Quote, Section, Slot)
from scripts.content.text import InlineMarkdown
from scripts.plan.markdown_tree import pages_markdown
from scripts.plan.site import page_url, plan
from scripts.plan.write import page_text, write_if_changed, write_site
from scripts.render.agenda import agenda_page, long_date, people_page, roman
from scripts.render.common import Context, blocks_md, fill, relative_link, safe_id, section_md
from scripts.render.divergence_marks import FACTS_PATH, NOTES_PATH
from scripts.render.document import chapter_page
from scripts.render.fallback import fallback_page, inline_footnotes
from scripts.render.print_page import is_print_page


def ui(lang: str) -> dict[str, str]:
    return yaml.safe_load((config.CONTENT / lang / "ui.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def en() -> Context:
    return Context("en", "en_GB", ui("en"))


@pytest.fixture(scope="module")
def fr() -> Context:
    return Context("fr", "fr_FR", ui("fr"))


# --- interface words --------------------------------------------------------------------------


def test_every_language_has_the_same_interface_keys():
    codes = [lang["code"] for lang in
             yaml.safe_load((config.CONTENT / "languages.yml").read_text())["languages"]]
    keys = {code: set(ui(code)) for code in codes}
    for code in codes:
        assert keys[code] == keys["en"], f"{code}: {keys[code] ^ keys['en']}"


def test_ui_placeholders_are_the_same_in_every_language():
    import string
    fields = {code: {k: sorted(f for _, f, _, _ in string.Formatter().parse(v) if f)
                     for k, v in ui(code).items()} for code in ("en", "fr", "es")}
    assert fields["fr"] == fields["en"] and fields["es"] == fields["en"]


def test_fill_escapes_the_template_and_inserts_values_as_given():
    # Interface words are plain text: their own asterisks are shown, not read as emphasis.
    assert fill("<b>{x}</b> *ok*", {"x": "**v**"}) == "&lt;b&gt;**v**&lt;/b&gt; \\*ok\\*"


# --- blocks and anchors -----------------------------------------------------------------------


def test_paragraph_lead_and_anchor():
    blocks = (Paragraph(InlineMarkdown("Text with *stress*[^2].")), Paragraph("Rest.", lead="Students:"))
    assert blocks_md(blocks, ["s-1", "s-2"]) == (
        "Text with *stress*[^2].\n{ #s-1 }\n\n**Students:** Rest.\n{ #s-2 }")


def test_lists_and_quotes_carry_their_anchor_on_a_wrapper():
    listing = ListBlock((ListItem("One"), ListItem("Two", (ListBlock((ListItem("Nested"),)),))),
                        ordered=True, start=7)
    quote = Quote((Paragraph("Said."),))
    assert blocks_md((listing, quote), ["q-1", "q-2"]) == (
        '<div id="q-1" markdown="1">\n\n7. One\n8. Two\n\n    - Nested\n\n</div>\n\n'
        '<div id="q-2" markdown="1">\n\n> Said.\n\n</div>')


def test_content_cannot_inject_markup_or_attributes():
    text = '<script>alert(1)</script> { #evil } {: onclick="x" } # not a heading'
    out = blocks_md((Paragraph(text),), ["a-1"])
    assert "<script>" not in out and "{ #evil }" not in out and "{:" not in out
    assert out.endswith("\n{ #a-1 }")


def test_anchor_ids_are_refused_unless_safe():
    assert safe_id("many-forms-3") == "many-forms-3"
    for bad in ('x" onclick="y', "A", "a b", "", "-a"):
        with pytest.raises(ValueError):
            safe_id(bad)


def test_sections_nest_headings_with_ids():
    # A section title is plain text: its asterisks are shown as written.
    child = Section("child", "Child *title*", 2, (Paragraph("C."),))
    parent = Section("parent", "Parent", 1, (Paragraph("P."),), (child,))
    assert section_md(parent, 2) == ("## Parent { #parent }\n\nP.\n{ #parent-1 }\n\n"
                                     "### Child \\*title\\* { #child }\n\nC.\n{ #child-1 }")


def test_a_chapter_keeps_only_the_footnotes_it_refers_to(en):
    chapter = Section("intro", "Intro", 1, (Paragraph(InlineMarkdown("See[^2].")),))
    report = Document("report", "Report", "content/en/report.yml", sections=(chapter,),
                      footnotes={"1": "One.", "2": "Two."})
    page = chapter_page(report, chapter, en.at("report/intro.md"), "report/intro.md")
    link = ('<a class="paragraph-link" href="#intro-1" title="Link to this paragraph" '
            'aria-label="Link to this paragraph" data-search-exclude>¶</a>')
    # A no-break space: the mark never wraps onto a line of its own.
    assert page.body == f"See[^2].\u00a0{link}\n{{ #intro-1 }}\n\n[^2]: Two."
    assert page.title == "Intro" and page.title_id == "intro"


def test_relative_links_between_pages():
    assert relative_link("report/a.md", "agenda.md", "session-1") == "../agenda.md#session-1"
    assert relative_link("agenda.md", "people.md", "dumont") == "people.md#dumont"
    assert relative_link("people.md", "people.md", "x") == "#x"
    assert page_url("index.md") == "" and page_url("report/a.md") == "report/a/"


# --- agenda -----------------------------------------------------------------------------------


def small_agenda() -> Agenda:
    people = (Person("mod", "Ann Mod", "Director", "Ministry", "NL", country_printed="The Netherlands"),
              Person("sp", "Bo Sp", "Adviser", "IOM", None))
    slot = Slot("session-1", "11:00", "13:00", "session", "Case Studies", number=3,
                moderator="mod", speakers=(("sp",), ("mod", "sp")), questions=("Why?",),
                discussion=True)
    day = Day("day-1", datetime.date(2008, 7, 7), "Day I", (slot,), end="End of Day One")
    return Agenda("Agenda", "content/en/agenda.yml", ("Workshop",), people, (day,), end="End")


def test_agenda_slot_exact_markdown(en):
    body = agenda_page(small_agenda(), en).body
    assert body == (
        "Workshop\n\n"
        "## Day I — 7 July 2008 { #day-1 }\n\n"
        '### <span class="slot-time">11:00 – 13:00</span> · Session III: Case Studies { #session-1 }\n\n'
        "**Moderator**: [Ann Mod](people.md#mod), Director, Ministry, The Netherlands\n\n"
        "**Speakers**:\n\n"
        "- [Bo Sp](people.md#sp), Adviser, IOM\n"
        "- [Ann Mod](people.md#mod), Director, Ministry, The Netherlands / [Bo Sp](people.md#sp), Adviser, IOM\n\n"
        '??? question "The following questions are proposed to guide the discussion:"\n\n'
        "    - Why?\n\n"
        "**General Discussion**\n\n"
        "*End of Day One*\n\n"
        "**End**")


def test_agenda_in_french_uses_french_words_dates_and_countries(fr):
    body = agenda_page(small_agenda(), fr).body
    assert "7 juillet 2008" in body and "11h00 – 13h00" in body
    assert "The Netherlands" in body  # the country as the edition prints it, never from the ISO code
    assert "**Modérateur** :" in body and "Les questions suivantes sont proposées pour guider les débats:" in body


@pytest.mark.parametrize("locale, expected", [("en_GB", "7 July 2008"), ("fr_FR", "7 juillet 2008"),
                                              ("es_ES", "7 de julio de 2008")])
def test_long_dates(locale, expected):
    day = Day("d", datetime.date(2008, 7, 7), "", ())
    assert long_date(day, Context("x", locale, {})) == expected


def test_roman_session_numbers():
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14)] == ["I", "II", "III", "IV", "IX", "XIV"]


def test_people_page_links_each_person_to_their_sessions(en):
    body = people_page(small_agenda(), en).body
    assert "## Ann Mod { #mod }" in body
    assert "[Session III: Case Studies](agenda.md#session-1) (11:00 – 13:00)" in body
    assert body.index("{ #mod }") < body.index("{ #sp }")


# --- fallback pages ---------------------------------------------------------------------------


def test_fallback_page_has_a_notice_and_the_original_marked_with_its_lang(en):
    es_ctx = Context("es", "es_ES", ui("es"))
    doc = Document("council-note", "Nota", "content/es/council-note.yml",
                   blocks=(Paragraph(InlineMarkdown("Texto[^1].")),), footnotes={"1": InlineMarkdown("Nota al pie.")})
    from scripts.render.document import document_page
    original = document_page(doc, es_ctx.at("council-note.md"), "council-note.md")
    page = fallback_page(original, "es", "Council Note", en)
    assert page.original == "es" and page.title == "Council Note"
    assert page.body.startswith('!!! info "Not yet translated"\n\n    This document exists only in Spanish.')
    # for readers: a link to the original page, no instructions to copy files or open pull requests
    assert ('<a href="#original" data-original-lang="es" data-in-page="#original">'
            'Read the original in Spanish.</a>') in page.body
    for contributor_words in ("content/", ".yml", "pull request", "CONTRIBUTING"):
        assert contributor_words not in page.body.split("<div", 1)[0]
    # the original, in Spanish, stays out of the English search index (the notice is searched)
    inside = page.body.split('<div lang="es" data-search-exclude markdown="1">', 1)[1]
    assert inside.rstrip().endswith("</div>")
    # footnotes stay inside the element that carries lang="es"
    assert '<sup id="fnref-1">[1](#fn-1)</sup>' in inside and "Nota al pie.\n{ #fn-1 }" in inside
    assert page.description == "This document exists only in Spanish. It is shown below in Spanish, as published."


def test_fallback_notice_says_only_when_one_language_has_the_document(fr):
    from scripts.render.common import Page
    original = Page("series.md", "Series", "d", "1. One", ("content/en/series.yml",))
    only = fallback_page(original, "en", "Série", fr, ("en",))
    some = fallback_page(original, "en", "Série", fr, ("en", "es"))
    assert "Ce document n’existe qu’en anglais." in only.body
    assert "Ce document n’existe pas en français. Il est reproduit ci-dessous en anglais" in some.body
    assert some.description.startswith("Ce document n’existe pas en français.")


def test_inline_footnotes_give_each_reference_a_unique_id():
    out = inline_footnotes("A[^1] b[^1].\n\n[^1]: Note.")
    assert out.count('id="fnref-1"') == 1 and out.count("(#fn-1)") == 2
    assert out.endswith("<sup>[1](#fnref-1)</sup> Note.\n{ #fn-1 }")


def test_inline_footnotes_leaves_text_without_footnotes_alone():
    assert inline_footnotes("Plain.\n{ #a-1 }") == "Plain.\n{ #a-1 }"


# --- the plan: languages come from the content only --------------------------------------------


@pytest.fixture(scope="module")
def content() -> Content:
    loaded = read_content(config.ROOT).content
    assert loaded is not None
    return loaded


def test_a_new_language_needs_no_code(content):
    german = Language("de", "Deutsch", "de_DE")
    editions = {**content.editions, "de": Edition("de", content.editions["en"].ui)}
    site = plan(dataclasses.replace(content, languages=(*content.languages, german), editions=editions))
    assert list(site.pages["de"]) == list(site.pages["en"])
    # Every page is a fallback, except the home page, the two pages of notes and the side-by-side
    # views (which hold every language that has the document).
    assert all(page.original for path, page in site.pages["de"].items()
               if path not in ("index.md", NOTES_PATH, FACTS_PATH, "status.md")  # made from ui.yml
               and not is_print_page(path) and not path.startswith("parallel/"))
    assert site.url("de", "agenda.md", "https://x.test/") == "https://x.test/de/agenda/"


def test_a_missing_file_gives_a_fallback_page_not_a_crash(content):
    fr = dataclasses.replace(content.editions["fr"], agenda=None)
    site = plan(dataclasses.replace(content, editions={**content.editions, "fr": fr}))
    assert site.pages["fr"]["agenda.md"].original == content.reference
    assert site.pages["fr"]["people.md"].original == content.reference
    assert site.is_fallback("fr", "agenda.md") and not site.is_fallback("es", "agenda.md")
    hreflangs = [h for h, _ in site.alternates("agenda.md", "https://x.test/")]
    assert "fr" not in hreflangs and "x-default" in hreflangs


def test_alternates_of_a_page_only_in_spanish(content):
    site = plan(content)
    assert site.alternates("council-note.md", "https://x.test/") == [
        ("es", "https://x.test/es/council-note/"), ("x-default", "https://x.test/es/council-note/")]


def test_mkdocs_yml_does_not_repeat_the_languages():
    text = (config.ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "locale: xx" in text
    for code in ("en", "fr", "es"):
        assert f"locale: {code}" not in text


# --- writing ----------------------------------------------------------------------------------


def test_generated_files_say_so_and_are_written_only_on_change(tmp_path: Path, content):
    site = plan(content)
    written, removed = write_site(pages_markdown(site), tmp_path)
    assert len(written) == sum(len(p) for p in site.pages.values()) and not removed
    text = (tmp_path / "fr" / "agenda.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# Generated from content/fr/agenda.yml; do not edit.\n")
    assert "<!-- Generated from content/fr/agenda.yml by `mkdocs build`" in text
    assert write_site(pages_markdown(site), tmp_path) == ([], [])
    stale = tmp_path / "en" / "report" / "gone.md"
    stale.write_text(page_text(site.pages["en"]["agenda.md"]), encoding="utf-8")
    keep = tmp_path / "en" / "hand-made.md"
    keep.write_text("# mine\n", encoding="utf-8")
    assert write_site(pages_markdown(site), tmp_path) == ([], [stale])
    assert keep.exists()


def test_write_if_changed(tmp_path: Path):
    file = tmp_path / "a" / "b.md"
    assert write_if_changed(file, "x") is True
    mtime = file.stat().st_mtime_ns
    assert write_if_changed(file, "x") is False and file.stat().st_mtime_ns == mtime


def test_workshop_dates_are_written_in_full_in_each_language():
    import datetime

    from scripts.render.common import Context
    from scripts.render.home import workshop_dates

    first, last = datetime.date(2008, 7, 7), datetime.date(2008, 7, 8)
    expected = {"en_GB": "7–8 July 2008", "fr_FR": "7–8 juillet 2008", "es_ES": "7–8 de julio de 2008"}
    for locale, text in expected.items():
        assert workshop_dates(first, last, Context("x", locale, {})) == text
