"""The book: the print edition of one language made into a publication, for the PDF and the EPUB.

Engine-neutral: it reads the print edition's HTML (scripts/publish/print_edition.py, itself made of
the site's pages) with an HTML5 parser (tinyhtml5, WeasyPrint's own) into ElementTree
elements and returns typed parts that scripts/publish/pdf.py and scripts/publish/epub.py lay out:

- what only makes sense on a screen goes (paragraph marks, heading permalinks, "read side by
  side" links, notes' back arrows, anything marked `screen-only`, such as the lists of sections
  that use a term and the instructions for contributors), glossary links become their words;
- each footnote travels to the place of its call, keeping the publication's number, so the
  PDF prints it at the foot of that page and the EPUB makes it a note of its chapter;
- agenda slots become schedule rows (the time in a column of its own);
- web addresses are kept whole (never hyphenated).
"""

from __future__ import annotations

import copy
import ipaddress
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import tinyhtml5

from scripts.content.inline import plain_text
from scripts.content.models import Front

Element = ET.Element

# Classes of elements that exist for the screen only.
SCREEN_ONLY = frozenset({"paragraph-link", "headerlink", "parallel-link", "footnote-backref",
                         "screen-only"})
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"“”«»]+[^\s<>()\"“”«».,;:!?]")


@dataclass(frozen=True)
class Imprint:
    """What the title page, the imprint and the metadata say, from the language's front.yml;
    `number_label` is the series number as the language writes it ("No. 15", "n° 15")."""

    lang: str
    title: str
    series: str
    number: int
    number_label: str
    publisher: str
    year: int
    url: str = ""  # the website the edition is made from

    @classmethod
    def of(cls, front: Front, lang: str, ui: Mapping[str, str], url: str = "") -> "Imprint":
        """`url`: the site's address; left out when it is this machine's (a preview build)."""
        host = urlsplit(url).hostname or ""
        if host == "localhost" or _loopback(host):
            url = ""
        return cls(lang, plain_text(front.title), plain_text(front.series), front.number,
                   ui["book_number"].format(number=front.number), plain_text(front.publisher),
                   front.year, url)

    @property
    def series_line(self) -> str:
        return f"{self.series} {self.number_label}"


@dataclass(frozen=True)
class Note:
    """A footnote: its id (unique in the book), the number printed, its text (inline)."""

    id: str
    number: str
    content: Element  # a <span> holding the note's text and inline markup


@dataclass
class Chapter:
    """A page of the site as a chapter: its id, its title (plain text), the group of pages it
    belongs to (a part's title, or None), and its body with footnote calls in place."""

    id: str
    title: str
    part: str | None
    part_id: str | None
    body: Element  # the <section class="print-chapter">
    notes: list[Note] = field(default_factory=list)


@dataclass
class Book:
    imprint: Imprint
    contents_title: str
    chapters: list[Chapter]

    def ids(self) -> dict[str, str]:
        """Every id of the book -> the id of the chapter that holds it."""
        out: dict[str, str] = {}
        for chapter in self.chapters:
            for element in chapter.body.iter():
                if element.get("id"):
                    out[element.get("id", "")] = chapter.id
            for note in chapter.notes:
                out[note.id] = chapter.id
            if chapter.part_id:
                out.setdefault(chapter.part_id, chapter.id)
        return out


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_fragment(markup: str) -> Element:
    """HTML as the browser reads it, inside a <div> (no namespaces)."""
    document = tinyhtml5.parse(f"<!DOCTYPE html><html><body><div>{markup}</div></body></html>",
                               namespace_html_elements=False)
    return document.find("body/div")


def classes(element: Element) -> set[str]:
    return set((element.get("class") or "").split())


def _remove(parent: Element, child: Element) -> None:
    """Remove `child`, keeping the text that follows it."""
    index = list(parent).index(child)
    if child.tail:
        if index:
            previous = parent[index - 1]
            previous.tail = (previous.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _unwrap(parent: Element, child: Element) -> None:
    """Replace `child` by its content."""
    index = list(parent).index(child)
    before = parent[index - 1] if index else None
    text = (child.text or "")
    if before is not None:
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    kids = list(child)
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + (child.tail or "")
    elif before is not None:
        before.tail = (before.tail or "") + (child.tail or "")
    else:
        parent.text = (parent.text or "") + (child.tail or "")
    parent.remove(child)
    for offset, kid in enumerate(kids):
        parent.insert(index + offset, kid)


def _is_empty(element: Element) -> bool:
    return not len(element) and not (element.text or "").strip()


def clean(root: Element) -> None:
    """Remove what is only for the screen; unwrap glossary links (the words stay)."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if classes(element) & SCREEN_ONLY:
            parent = parents[element]
            _remove(parent, element)
            if parent.tag == "p" and _is_empty(parent) and parent in parents:
                _remove(parents[parent], parent)  # a paragraph that held only the mark
        elif element.tag == "a" and "glossary-term" in classes(element):
            _unwrap(parents[element], element)
    for element in root.iter():
        # A note's text ended with a no-break space before its back arrow.
        if element.tail and element.tail.endswith("\u00a0"):
            element.tail = element.tail.rstrip("\u00a0")
        if element.text and element.text.endswith("\u00a0") and not len(element):
            element.text = element.text.rstrip("\u00a0")


def keep_urls_whole(root: Element) -> None:
    """Wrap web addresses written in the text in <span class="url">, which is never hyphenated."""
    for element in list(root.iter()):
        if element.tag in ("a", "code", "script", "style") or "url" in classes(element):
            continue
        if element.text and _URL.search(element.text):
            head, spans = _split_urls(element.text)
            element.text = head
            for offset, span in enumerate(spans):
                element.insert(offset, span)
        for child in list(element):
            if child.tail and _URL.search(child.tail):
                head, spans = _split_urls(child.tail)
                child.tail = head
                index = list(element).index(child)
                for offset, span in enumerate(spans, start=1):
                    element.insert(index + offset, span)
    for link in root.iter("a"):
        if _URL.fullmatch((link.text or "").strip()):
            link.set("class", " ".join(sorted(classes(link) | {"url"})))


def _split_urls(text: str) -> tuple[str, list[Element]]:
    spans, last, head = [], 0, None
    for match in _URL.finditer(text):
        if head is None:
            head = text[:match.start()]
        elif spans:
            spans[-1].tail = text[last:match.start()]
        span = ET.Element("span", {"class": "url"})
        span.text = match.group(0)
        spans.append(span)
        last = match.end()
    spans[-1].tail = text[last:]
    return head or "", spans


def schedule(root: Element) -> None:
    """Agenda slots as rows of a schedule: the heading gets the class `slot` and loses the
    separator after the time; what follows it, up to the next heading, goes into a
    <div class="slot-body"> (indented under the title, right of the times)."""
    for container in list(root.iter()):
        children = list(container)
        index = 0
        while index < len(children):
            heading = children[index]
            time = heading.find("span[@class='slot-time']") if heading.tag[:1] == "h" else None
            if time is None:
                index += 1
                continue
            heading.set("class", " ".join(sorted(classes(heading) | {"slot"})))
            time.tail = re.sub(r"^\s*·\s*", "", time.tail or "")
            title = ET.SubElement(heading, "span", {"class": "slot-title"})
            title.text, time.tail = time.tail, None
            for kid in [k for k in heading if k is not time and k is not title]:
                heading.remove(kid)
                title.append(kid)
            following = []
            for sibling in children[index + 1:]:
                if sibling.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    break
                following.append(sibling)
            if following:
                body = ET.Element("div", {"class": "slot-body"})
                position = list(container).index(following[0])
                for sibling in following:
                    container.remove(sibling)
                    body.append(sibling)
                container.insert(position, body)
            children = list(container)
            index = children.index(heading) + 1


def _inline(note_item: Element) -> Element:
    """A note's <li> as one inline <span>: its paragraphs run on, separated by line breaks."""
    span = ET.Element("span")
    blocks = [kid for kid in note_item if kid.tag == "p"] or [note_item]
    for number, block in enumerate(blocks):
        if number:
            ET.SubElement(span, "br")
        last = span[-1] if len(span) else None
        if last is not None:
            last.tail = (last.tail or "") + (block.text or "")
        else:
            span.text = (span.text or "") + (block.text or "")
        for kid in list(block):
            span.append(copy.deepcopy(kid))
    if span.text:
        span.text = span.text.lstrip()
    return span


def _paragraph_notes(section: Element, parents: dict, notes: dict[str, Note]) -> None:
    """Notes written as paragraphs (a page shown in its original language keeps its notes
    inside its own element, scripts/render/fallback.py): `<p id=N><sup><a href="#CALL">n</a>
    </sup> text</p>` after an <hr>, where CALL is the id of the note's call."""
    calls = {e.get("id") for e in section.iter("sup") if e.get("id")}
    for paragraph in [e for e in section.iter("p") if e.get("id")]:
        sup = paragraph[0] if len(paragraph) and not (paragraph.text or "").strip() else None
        link = sup.find("a") if sup is not None and sup.tag == "sup" else None
        if link is None or (link.get("href") or "").lstrip("#") not in calls:
            continue
        item = copy.deepcopy(paragraph)
        item.text = item[0].tail or ""  # the note's text starts after its number
        item.remove(item[0])
        content = _inline(_as_item(item))
        ident = paragraph.get("id", "")
        notes[ident] = Note(ident, "".join(link.itertext()).strip(), content)
        parent = parents[paragraph]
        siblings = list(parent)
        index = siblings.index(paragraph)
        if index and siblings[index - 1].tag == "hr":
            _remove(parent, siblings[index - 1])
        _remove(parent, paragraph)


def _as_item(paragraph: Element) -> Element:
    item = ET.Element("li")
    item.append(paragraph)
    return item


def gather_notes(section: Element) -> list[Note]:
    """Take the section's footnotes out of its end and put each at its first call: the call
    `<sup id=…><a class="footnote-ref" href="#…fn:N">N</a></sup>` becomes
    `<span class="note-call" data-note="ID">N</span>`; later calls to the same note link to it."""
    parents = {child: parent for parent in section.iter() for child in parent}
    notes: dict[str, Note] = {}
    for block in [e for e in section.iter("div") if "footnote" in classes(e)]:
        for item in block.iter("li"):
            number = item.get("value") or ""
            notes[item.get("id", "")] = Note(item.get("id", ""), number, _inline(item))
        _remove(parents[block], block)
    _paragraph_notes(section, parents, notes)
    placed: list[Note] = []
    for sup in [e for e in section.iter("sup")]:
        link = sup.find("a")
        if link is None or not (link.get("href") or "").startswith("#"):
            continue
        target = (link.get("href") or "").lstrip("#")
        note = notes.get(target)
        if note is None:
            continue
        call = ET.Element("span", {"class": "note-call", "data-note": note.id})
        call.text = note.number
        call.tail = sup.tail
        if note in placed:
            call.set("data-repeat", "true")
        else:
            placed.append(note)
        parent = parents[sup]
        parent.insert(list(parent).index(sup), call)
        parent.remove(sup)
    return placed + [note for note in notes.values() if note not in placed]


def book(edition_body: str, imprint: Imprint, contents_title: str) -> Book:
    """The book of one language from its print edition's body (scripts/publish/print_edition.py)."""
    root = parse_fragment(edition_body)
    clean(root)
    schedule(root)
    keep_urls_whole(root)
    chapters = []

    def add(section: Element, part: str | None, part_id: str | None) -> None:
        heading = next((kid for kid in section if kid.tag in ("h2", "h3")), None)
        title = "".join(heading.itertext()).strip() if heading is not None else ""
        chapters.append(Chapter(section.get("id", ""), title, part, part_id, section,
                                gather_notes(section)))

    for element in root:
        if element.tag == "section" and "print-chapter" in classes(element):
            add(element, None, None)
        elif element.tag == "section" and "print-part" in classes(element):
            heading = element.find("h2")
            part = "".join(heading.itertext()).strip() if heading is not None else ""
            for section in element.findall("section"):
                add(section, part, element.get("id"))
    return Book(imprint, contents_title, chapters)


def serialize(element: Element) -> str:
    """An element as HTML text."""
    return ET.tostring(element, encoding="unicode", method="html")
