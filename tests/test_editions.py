"""Every edition as published, and the differences between the editions explained to readers:
the divergences data (schema, references, quotations), what each note says the site shows (found
on the built pages, in every language), the markers at the passages, the highlights on the
side-by-side pages, and the notes page written for readers."""

from __future__ import annotations

import html
import re

import pytest

from scripts.divergences import passage
from scripts.shown import place, shown
from tests.conftest import problems_of

DOCUMENTS = ("summary", "report", "background", "agenda", "definitions")


def page_text(raw: str) -> str:
    """The words of an HTML page as a reader reads them (tags removed without adding spaces)."""
    raw = re.sub(r"<(script|style)\b.*?</\1>", "", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())


def html_of(built, lang: str, path: str) -> str:
    """The built page of a content path ("agenda.md", "report/overview.md")."""
    folder = path[:-3]
    folder = "" if folder == "index" else folder + "/"
    return (built.site / built.prefix(lang) / folder / "index.html").read_text(encoding="utf-8")


# --- the data -----------------------------------------------------------------------------------


def test_divergences_cover_every_document_and_are_at_least_25(loaded):
    divergences = loaded.content.divergences
    assert len(divergences) >= 25
    assert {d.document for d in divergences} == set(DOCUMENTS)
    assert len({d.id for d in divergences}) == len(divergences)


def test_every_quotation_stands_word_for_word_in_its_edition(loaded):
    """What `check` enforces, asserted on the real content: each passage exists in every edition
    quoted, and each quotation is in that edition's text of the passage."""
    content = loaded.content
    for d in content.divergences:
        assert set(d.editions) == set(content.codes), d.id
        assert set(d.explanation) == set(content.codes), d.id  # explained in every language
        for lang, quotation in d.editions.items():
            found = passage(content.editions[lang], d.document, d.paragraph)
            assert found is not None, (d.id, lang)
            assert " ".join(quotation.says.split()) in " ".join(found.text.split()), (d.id, lang)
            assert quotation.page and quotation.page > 0


@pytest.mark.parametrize("old, new, message", [
    ("    document: report\n    paragraph: many-forms-5", "    document: chapter\n    paragraph: many-forms-5",
     "is not allowed for 'document'"),
    ("    paragraph: many-forms-5", "    paragraph: many-forms-99", "'many-forms-99' is no passage of the report"),
    ("Unos pocos factores influyen", "Varios factores influyen", "this quotation is not in the es text"),
    ("        page: 15\n", "        page: zero\n", "page"),
])
def test_check_refuses_bad_divergences_with_file_line_column(content_copy, old, new, message):
    root = content_copy("content/divergences.yml", old, new)
    problems = problems_of(root)
    assert any(p.startswith("content/divergences.yml:") and message in p for p in problems), problems


def test_check_refuses_a_fact_note_without_shown_where_it_cannot_be_derived(content_copy):
    text = (content_copy.root / "content/resolutions.yml").read_text(encoding="utf-8")
    block = text[text.index("  - id: department-name"):]
    shown_block = block[block.index("    shown:"):block.index("    why:")]
    root = content_copy("content/resolutions.yml", shown_block, "")
    assert any("add `shown` for en, fr, es" in p for p in problems_of(root))


# --- on the built site ----------------------------------------------------------------------------


def test_every_note_shows_what_the_site_shows(built):
    """For every fact note and every language, the values the note says the site shows (derived
    from the content or stated word for word) stand on the page the note targets, in order."""
    content = built.content
    checked = 0
    for res in content.resolutions:
        where = place(res, content)
        for lang in built.codes:
            values = shown(res, content.editions[lang])
            notes = page_text(html_of(built, lang, "notes.md"))
            if values is None:
                assert built.ui(lang, "notes_shown_none") in notes
                continue
            text = page_text(html_of(built, lang, where.path))
            at = 0
            for value in values:
                found = text.find(" ".join(value.split()), at)
                assert found >= 0, f"{res.id} ({lang}): {value!r} is not on {where.path}"
                at = found
                checked += 1
    assert checked >= 60


def test_french_times_are_written_as_the_french_edition_writes_them(built):
    text = page_text(html_of(built, "fr", "agenda.md"))
    assert "09h00 – 10h00" in text and "10h30 – 13h00" in text and "09:00" not in text
    assert "10:30 – 13:00" in page_text(html_of(built, "es", "agenda.md"))


def test_a_marker_at_each_passage_opens_the_other_editions_words(built):
    content = built.content
    for d in content.divergences:
        for lang in built.codes:
            found = passage(content.editions[lang], d.document, d.paragraph)
            raw = html_of(built, lang, found.path)
            at = raw.index(f'id="{d.paragraph}"')
            details = raw.find('<details class="note divergence">', at)
            assert details > 0, (d.id, lang)
            end = raw.index("</details>", details)
            note = raw[details:end]
            assert built.ui(lang, "divergence_marker") in note
            for other, quotation in d.editions.items():
                if other != lang:
                    assert f'<span lang="{other}">{html.escape(quotation.says, quote=False)}</span>' in note, (d.id, lang, other)
            first = next(x for x in content.divergences if x.paragraph == d.paragraph)
            assert f'notes/#{first.id}"' in note  # the notes of this passage, on the notes page


def test_side_by_side_pages_highlight_each_quoted_passage(built):
    content = built.content
    for d in content.divergences:
        if d.document == "agenda":
            continue  # the agenda has no side-by-side page
        found = passage(content.editions[content.reference], d.document, d.paragraph)
        raw = html_of(built, content.reference, "parallel/" + found.path)
        marked = [page_text(m) for m in re.findall(r'<mark class="divergence">(.*?)</mark>', raw, re.S)]
        for lang, quotation in d.editions.items():
            assert " ".join(quotation.says.split()) in marked, (d.id, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_notes_page_is_written_for_readers(built, lang):
    content = built.content
    raw = html_of(built, lang, "notes.md")
    text = page_text(raw)
    ids = {m for m in re.findall(r'id="([^"]+)"', raw)}
    for document in DOCUMENTS:
        assert f"notes-{document}" in ids
    for record in (*content.divergences, *content.resolutions):
        assert record.id in ids
        assert record.id not in text, f"{record.id}: an internal id shown to readers"
    # Places in the editions are printed pages, never lines of a text file.
    assert not re.search(r"\b(line|lines|ligne|lignes|línea|líneas) \d", text)
    assert built.ui(lang, "notes_page").split("{")[0].strip() in text
    # Every word of the page is in its language, except what is marked with another `lang`.
    other = re.sub(r'<span lang="(?!%s")[a-z]+">.*?</span>' % lang, "", raw, flags=re.S)
    own = page_text(other)
    english_words = ("Shown on this site", "(absent)", "edition prints", "Why")
    if lang != "en":
        for words in english_words:
            assert words not in own, f"{lang}: {words!r}"


def test_print_editions_carry_the_notes(built):
    for lang in built.codes:
        text = page_text((built.site / built.prefix(lang) / "print" / "index.html").read_text(encoding="utf-8"))
        assert built.ui(lang, "notes_divergences") in text
        assert "Unos pocos factores influyen" in text
