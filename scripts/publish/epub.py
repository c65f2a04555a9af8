"""The EPUB 3 of a book (scripts/publish/book.py): for phones and e-readers.

One XHTML file per chapter (and one per part's title), a title page with the imprint, the
navigation document (the contents), footnotes as EPUB notes (`epub:type="noteref"` at the
call, `epub:type="footnote"` asides at the end of the chapter), the language declared in the
package and in every file, no script. Reproducible: fixed dates, entries in a fixed order,
`mimetype` first and stored uncompressed, as the OCF specification requires. The tests run
EPUBCheck on each file.
"""

from __future__ import annotations

import copy
import html
import re
import uuid
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

from scripts.publish.archive import FILE_MODE, ZIP_DATE
from scripts.publish.book import Book, Chapter, Imprint, classes

EPUB_CSS = Path(__file__).with_name("epub.css")
MEDIA_TYPE = "application/epub+zip"
# dcterms:modified is required; a fixed date (the archive's) keeps the bytes reproducible.
MODIFIED = "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format(*ZIP_DATE)
TEXT = "text"  # the folder of the XHTML files inside the package

_e = html.escape


def identifier(imprint: Imprint) -> str:
    """A stable identifier: the same book in the same language always gets the same one."""
    key = f"{imprint.title}|{imprint.series}|{imprint.number}|{imprint.publisher}|{imprint.lang}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}"


def _xhtml(lang: str, title: str, body: str, body_class: str = "") -> str:
    css = "../book.css"
    klass = f' class="{_e(body_class)}"' if body_class else ""
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
            f'lang="{_e(lang)}" xml:lang="{_e(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{_e(title)}</title>\n"
            f'<link rel="stylesheet" type="text/css" href="{css}"/>\n</head>\n'
            f"<body{klass}>\n{body}\n</body>\n</html>\n")


def _file(chapter_id: str) -> str:
    return f"{re.sub(r'[^A-Za-z0-9_-]+', '-', chapter_id)}.xhtml"


def _xml(element: ET.Element) -> str:
    return ET.tostring(element, encoding="unicode", method="xml", short_empty_elements=True)


def _chapter_body(chapter: Chapter, where: dict[str, str]) -> str:
    """The chapter as XHTML: notes called with noteref links and gathered at the end as
    footnote asides; links inside the book point to the file that holds their target; links
    to files of the site (not in the book) keep only their words."""
    body = copy.deepcopy(chapter.body)  # the book stays as it is (the PDF reads it too)
    parents = {child: parent for parent in body.iter() for child in parent}
    notes = {note.id: note for note in chapter.notes}
    for call in [e for e in body.iter("span") if "note-call" in classes(e)]:
        note = notes[call.get("data-note", "")]
        sup = ET.Element("sup")
        link = ET.SubElement(sup, "a", {"epub:type": "noteref", "role": "doc-noteref",
                                        "href": f"#{note.id}"})
        if not call.get("data-repeat"):
            link.set("id", f"{note.id}-call")
        link.text = note.number
        sup.tail = call.tail
        parent = parents[call]
        parent.insert(list(parent).index(call), sup)
        parent.remove(call)
    section = ET.Element("section", {"class": "notes", "epub:type": "footnotes"})
    for note in chapter.notes:
        aside = ET.SubElement(section, "aside", {"epub:type": "footnote", "role": "doc-footnote",
                                                 "id": note.id})
        paragraph = ET.SubElement(aside, "p")
        number = ET.SubElement(paragraph, "a", {"href": f"#{note.id}-call"})
        number.text = f"{note.number}."
        content = copy.deepcopy(note.content)
        number.tail = " " + (content.text or "")
        for kid in content:
            paragraph.append(kid)
    own = {element.get("id") for tree in (body, section) for element in tree.iter() if element.get("id")}
    for tree in (body, section):
        for link in list(tree.iter("a")):
            href = link.get("href") or ""
            target = href[1:] if href.startswith("#") else None
            if target is not None and target not in own and target in where:
                link.set("href", f"{_file(where[target])}#{target}")
            elif (target is not None and target not in own) or (target is None and not urlsplit(href).scheme):
                _drop_link(link)  # a file of the site, not in the book
    for element in body.iter():
        for name in [n for n in element.attrib if n in ("aria-controls", "aria-describedby")]:
            del element.attrib[name]
        if element.tag == "details":  # shown open in the book, as on paper
            element.attrib.pop("open", None)
            element.tag = "div"
        elif element.tag == "summary":
            element.tag = "p"
            element.set("class", "summary")
    return _xml(body) + (f"\n{_xml(section)}" if len(section) else "")


def _drop_link(link: ET.Element) -> None:
    """Turn a link into a <span> with the same words."""
    link.tag = "span"
    for name in ("href", "title", "download"):
        link.attrib.pop(name, None)


def _title_page(imprint: Imprint) -> str:
    url = f"<p>{_e(imprint.url)}</p>" if imprint.url else ""
    return (f'<section class="title-page" epub:type="titlepage">\n'
            f'<p class="title-series">{_e(imprint.series)}</p>\n'
            f'<h1 class="title">{_e(imprint.title)}</h1>\n'
            f'<p class="title-number">{_e(imprint.number_label)}</p>\n'
            f'<p class="title-publisher">{_e(imprint.publisher)}</p>\n</section>\n'
            f'<section class="imprint" epub:type="imprint">\n<p><cite>{_e(imprint.title)}</cite></p>\n'
            f"<p>{_e(imprint.series_line)}</p>\n<p>{_e(imprint.publisher)}, {imprint.year}</p>\n"
            f"{url}\n</section>")


def _nav(book: Book, part_files: dict[str, str]) -> str:
    items, current, open_part = [], None, False
    for chapter in book.chapters:
        if chapter.part != current:
            if open_part:
                items.append("</ol></li>")
                open_part = False
            current = chapter.part
            if chapter.part is not None:
                items.append(f'<li><a href="{part_files[chapter.part_id or ""]}">{_e(chapter.part)}</a><ol>')
                open_part = True
        items.append(f'<li><a href="{_file(chapter.id)}">{_e(chapter.title)}</a></li>')
    if open_part:
        items.append("</ol></li>")
    return (f'<nav epub:type="toc" role="doc-toc" id="toc">\n<h1>{_e(book.contents_title)}</h1>\n'
            f'<ol>{"".join(items)}</ol>\n</nav>\n'
            f'<nav epub:type="landmarks" hidden="hidden">\n<ol>'
            f'<li><a epub:type="titlepage" href="title.xhtml">{_e(book.imprint.title)}</a></li>'
            f'<li><a epub:type="toc" href="nav.xhtml">{_e(book.contents_title)}</a></li>'
            f'<li><a epub:type="bodymatter" href="{_file(book.chapters[0].id)}">'
            f"{_e(book.chapters[0].title)}</a></li></ol>\n</nav>")


def _package(book: Book, files: list[tuple[str, str]]) -> str:
    """content.opf: metadata, the manifest (every file) and the spine (reading order)."""
    imprint = book.imprint
    manifest = ['<item id="nav" href="text/nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="css" href="book.css" media-type="text/css"/>']
    spine = []
    for number, (name, _) in enumerate(files):
        item = f"f{number}"
        if name != "nav.xhtml":
            manifest.append(f'<item id="{item}" href="{TEXT}/{name}" media-type="application/xhtml+xml"/>')
            spine.append(f'<itemref idref="{item}"/>')
        else:
            spine.append('<itemref idref="nav"/>')
    return f"""<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="{_e(imprint.lang)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">{identifier(imprint)}</dc:identifier>
<dc:title>{_e(imprint.title)}</dc:title>
<dc:language>{_e(imprint.lang)}</dc:language>
<dc:publisher>{_e(imprint.publisher)}</dc:publisher>
<dc:date>{imprint.year}</dc:date>
<meta property="dcterms:modified">{MODIFIED}</meta>
<meta property="belongs-to-collection" id="series">{_e(imprint.series)}</meta>
<meta refines="#series" property="collection-type">series</meta>
<meta refines="#series" property="group-position">{imprint.number}</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">Text only, with headings, a table of contents and footnotes linked both ways.</meta>
</metadata>
<manifest>
{chr(10).join(manifest)}
</manifest>
<spine>
{chr(10).join(spine)}
</spine>
</package>
"""


CONTAINER = """<?xml version="1.0" encoding="utf-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""


def files(book: Book) -> list[tuple[str, str]]:
    """The XHTML files of the book in reading order: (file name, text)."""
    lang = book.imprint.lang
    where = book.ids()
    part_files: dict[str, str] = {}
    out = [("title.xhtml", _xhtml(lang, book.imprint.title, _title_page(book.imprint))),
           ("nav.xhtml", "")]
    current = None
    for chapter in book.chapters:
        if chapter.part is not None and chapter.part != current:
            name = _file(chapter.part_id or f"part-{len(part_files) + 1}")
            part_files[chapter.part_id or ""] = name
            where[chapter.part_id or ""] = (chapter.part_id or "")
            out.append((name, _xhtml(lang, chapter.part, f'<section class="part" epub:type="part" '
                                     f'id="{_e(chapter.part_id or "")}"><h1>{_e(chapter.part)}</h1></section>')))
        current = chapter.part
        out.append((_file(chapter.id), _xhtml(lang, chapter.title, _chapter_body(chapter, where),
                                              "chapter")))
    out[1] = ("nav.xhtml", _xhtml(lang, book.contents_title, _nav(book, part_files)))
    return out


def write_epub(book: Book, target: Path) -> Path:
    """The EPUB of `book` at `target`: the same book always gives the same bytes."""
    xhtml = files(book)
    entries = [("META-INF/container.xml", CONTAINER.encode()),
               ("OEBPS/content.opf", _package(book, xhtml).encode()),
               ("OEBPS/book.css", EPUB_CSS.read_bytes()),
               *((f"OEBPS/{TEXT}/{name}", text.encode()) for name, text in xhtml)]
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w") as archive:
        mimetype = zipfile.ZipInfo("mimetype", date_time=ZIP_DATE)
        mimetype.compress_type = zipfile.ZIP_STORED  # first and uncompressed (OCF)
        mimetype.external_attr = FILE_MODE
        mimetype.create_system = 3
        archive.writestr(mimetype, MEDIA_TYPE)
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = FILE_MODE
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9)
    partial.replace(target)
    return target
