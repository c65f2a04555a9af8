"""The PDF of a book, with WeasyPrint (it needs the Pango libraries: Debian's libpango-1.0-0
and libpangoft2-1.0-0, which .ci/run installs).

The layout is CSS Paged Media (scripts/publish/book.css): a title page and an imprint from the front
matter, the contents with page numbers and dot leaders (`target-counter`, `leader()`),
running heads (the series and number on the left, the chapter on the right, `string-set`),
page numbers, footnotes at the foot of the page of their call (`float: footnote`) with the
publication's numbers. The PDF is tagged (PDF/UA-1), declares its language and title, and
carries no date, so the same book always gives the same bytes.

WeasyPrint fetches what a document refers to (images, stylesheets, fonts) through a URL
fetcher; ours serves the files of the built site and nothing else, so no address written in
the content can make the build machine send a request.
"""

from __future__ import annotations

import copy
import html
import logging
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scripts.publish.book import Book, Chapter, classes, serialize

BOOK_CSS = Path(__file__).with_name("book.css")
log = logging.getLogger("mkdocs.hooks.site")
PDF_VARIANT = "pdf/ua-1"  # tagged: structure tree, reading order, alt text, language


class PdfUnavailable(RuntimeError):
    """WeasyPrint or its system libraries are missing."""


class NotFetched(ValueError):
    """A resource outside the site: WeasyPrint leaves it out (with a warning) and goes on."""


def site_file(url: str, root: Path) -> Path | None:
    """The file of the site a `file:` URL names, or None when it is anything else (another
    scheme, a host, a path outside `root`, a file that does not exist)."""
    parts = urlsplit(url)
    if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    base = root.resolve()
    return path if path.is_relative_to(base) and path.is_file() else None


def site_fetcher(root: Path):
    """A WeasyPrint URL fetcher that reads files under `root` and refuses every other URL
    (http, https, ftp, and files elsewhere on the machine); `data:` URLs, which hold their
    content, are read."""
    from weasyprint.urls import URLFetcher

    class SiteFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.lower().startswith("data:") or site_file(url, root) is not None:
                return super().fetch(url, headers)
            raise NotFetched(f"not fetched: {url} (the PDF uses only the site's own files)")

    return SiteFetcher(allowed_protocols=("file", "data"), allow_redirects=False)


def _footnotes(chapter: Chapter, running_head: str) -> ET.Element:
    """The chapter's body with each note in place of its first call (WeasyPrint floats it to
    the foot of the page); a later call to the same note is a link to it."""
    body = copy.deepcopy(chapter.body)  # the book stays as it is (the EPUB reads it too)
    notes = {note.id: note for note in chapter.notes}
    parents = {child: parent for parent in body.iter() for child in parent}
    for call in [e for e in body.iter("span") if "note-call" in classes(e)]:
        note = notes[call.get("data-note", "")]
        parent = parents[call]
        if call.get("data-repeat"):
            new = ET.Element("a", {"class": "note-ref", "href": f"#{note.id}"})
            new.text = note.number
        else:
            new = ET.Element("span", {"class": "footnote", "id": note.id,
                                      "data-number": note.number})
            content = copy.deepcopy(note.content)
            new.text = content.text
            for kid in content:
                new.append(kid)
        new.tail = call.tail
        parent.insert(list(parent).index(call), new)
        parent.remove(call)
    for heading in body:
        if heading.tag in ("h2", "h3"):
            heading.set("class", " ".join(sorted(classes(heading) | {"chapter-title"})))
            heading.set("data-series", running_head)  # book.css: the left-hand running head
            break
    return body


def document(book: Book) -> str:
    """The book as one HTML document for WeasyPrint."""
    imprint, e = book.imprint, html.escape
    parts, current_part = [], None
    toc, open_part = [], False
    for chapter in book.chapters:
        if chapter.part != current_part:
            if open_part:
                parts.append("</section>")
                toc.append("</ol></li>")
                open_part = False
            current_part = chapter.part
            if chapter.part is not None:
                parts.append(f'<section class="print-part" id="{e(chapter.part_id or "")}">'
                             f'<h2 class="part-title">{e(chapter.part)}</h2>')
                toc.append(f'<li class="toc-part"><a href="#{e(chapter.part_id or "")}">'
                           f"{e(chapter.part)}</a><ol>")
                open_part = True
        parts.append(serialize(_footnotes(chapter, imprint.series_line)))
        toc.append(f'<li><a href="#{e(chapter.id)}">{e(chapter.title)}</a></li>')
    if open_part:
        parts.append("</section>")
        toc.append("</ol></li>")
    url = (f'<p class="imprint-url">{e(imprint.url)}</p>' if imprint.url else "")
    return f"""<!DOCTYPE html>
<html lang="{e(imprint.lang)}">
<head>
<meta charset="utf-8">
<title>{e(imprint.title)}</title>
<meta name="author" content="{e(imprint.publisher)}">
<meta name="description" content="{e(imprint.series_line)}">
</head>
<body class="book">
<section class="title-page">
<p class="title-series">{e(imprint.series)}</p>
<h1 class="title">{e(imprint.title)}</h1>
<p class="title-number">{e(imprint.number_label)}</p>
<p class="title-publisher">{e(imprint.publisher)}</p>
</section>
<section class="imprint">
<p><cite>{e(imprint.title)}</cite></p>
<p>{e(imprint.series_line)}</p>
<p>{e(imprint.publisher)}, {imprint.year}</p>
{url}
</section>
<nav class="contents" aria-labelledby="contents-title">
<h2 id="contents-title">{e(book.contents_title)}</h2>
<ol>{"".join(toc)}</ol>
</nav>
{"".join(parts)}
</body>
</html>
"""


# Two lines of a paragraph kept together at a page's foot and head, as books do; but when that
# makes WeasyPrint move a page's notes to the next page (it does so to fit one more line of a
# paragraph that can only break there), the book is laid out again with single lines allowed.
LINE_RULES = ("p, li { orphans: 2; widows: 2; }", "p, li { orphans: 1; widows: 1; }")


def misplaced_notes(document) -> list[str]:
    """Ids of the notes that a laid-out WeasyPrint document prints on another page than their
    call (from its boxes: each call box knows its note; each page has a footnote area)."""
    call_page: dict[str, int] = {}
    note_page: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for child in page._page_box.children:
            if type(child).__name__ == "FootnoteAreaBox":
                for note in child.children:
                    note_page.setdefault(note.element.get("id"), number)
            elif hasattr(child, "descendants"):
                for box in child.descendants():
                    footnote = getattr(box, "footnote", None)
                    if footnote is not None:
                        call_page.setdefault(footnote.element.get("id"), number)
    return sorted(key for key, page in call_page.items() if note_page.get(key) != page)


def write_pdf(text: str, base_url: Path, target: Path, stylesheets: tuple[Path, ...] = (BOOK_CSS,),
              root: Path | None = None) -> Path:
    """Render an HTML document to `target`. `base_url`: the file its relative URLs resolve
    against; `root`: the only folder it may read from (the site; by default, the folder of
    `base_url`). Written under a temporary name first, so a failure leaves no broken PDF."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: Pango not found by cffi
        raise PdfUnavailable(f"WeasyPrint cannot run here ({error}); install it with its "
                             "Pango libraries (see .ci/run)") from error
    fetcher = site_fetcher(root or base_url.parent)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    options = {"pdf_variant": PDF_VARIANT, "pdf_identifier": True}  # the identifier: a hash of the content
    source = weasyprint.HTML(string=text, base_url=base_url.as_uri(), url_fetcher=fetcher)
    sheets = [weasyprint.CSS(filename=str(css), url_fetcher=fetcher) for css in stylesheets]
    best = None
    for rules in LINE_RULES:
        laid_out = source.render(stylesheets=[*sheets, weasyprint.CSS(string=rules, url_fetcher=fetcher)], **options)
        moved = misplaced_notes(laid_out)
        if best is None or len(moved) < len(best[1]):
            best = (laid_out, moved)
        if not moved:
            break
    assert best is not None
    laid_out, moved = best
    if moved:
        log.warning(f"{target.name}: notes printed on another page than their call: {', '.join(moved)}")
    laid_out.write_pdf(partial, **options)
    partial.replace(target)
    return target
