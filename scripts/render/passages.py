"""Where the editions differ in meaning (content/divergences.yml): which passage a record names,
and where that passage stands on the site (scripts/checks/divergences.py keeps the records true
to the content)."""

from __future__ import annotations

from dataclasses import dataclass

from scripts.content.inline import plain_text
from scripts.content.models import Block, Divergence, Document, Edition, Section, paragraph_number
from scripts.translation.state import block_texts

DIVERGENCES_FILE = "content/divergences.yml"


@dataclass(frozen=True)
class Passage:
    """A passage of one edition: the page it is on (relative to the language root), its anchor,
    and its text as plain words."""

    path: str
    anchor: str
    text: str


def _block_of(sections, paragraph: str) -> tuple[Section, Block] | None:
    for section in sections:
        for s in section.walk():
            n = paragraph_number(paragraph, s.id)
            if n is not None and 1 <= n <= len(s.blocks):
                return s, s.blocks[n - 1]
    return None


def _texts(blocks) -> str:
    return " ".join(plain_text(t) for t in block_texts(tuple(blocks)) if t)


def _document_passage(doc: Document, paragraph: str, path_of_top) -> Passage | None:
    n = paragraph_number(paragraph, doc.id)
    if n is not None and 1 <= n <= len(doc.blocks):
        return Passage(path_of_top(None), paragraph, _texts(doc.blocks[n - 1:n]))
    for top in doc.sections:
        found = _block_of((top,), paragraph)
        if found:
            return Passage(path_of_top(top), paragraph, _texts((found[1],)))
    return None


def passage(edition: Edition, document: str, paragraph: str) -> Passage | None:
    """The passage `paragraph` of `document` in this edition, or None where it has none."""
    if document == "agenda" and edition.agenda:
        for _day, slot in edition.agenda.slots():
            if slot.id == paragraph:
                texts = [slot.title, *slot.description, *slot.questions]
                return Passage("agenda.md", slot.id, " ".join(plain_text(t) for t in texts))
        return None
    if document == "definitions" and edition.definitions:
        for term in edition.definitions.terms:
            if term.id == paragraph:
                return Passage("definitions.md", term.id, _texts(term.definition))
        return None
    if document == "summary" and edition.summary:
        return _document_passage(edition.summary, paragraph, lambda _top: "summary.md")
    if document == "background" and edition.background:
        return _document_passage(edition.background, paragraph, lambda _top: "background.md")
    if document == "report" and edition.report:
        return _document_passage(edition.report, paragraph,
                                 lambda top: f"report/{top.id}.md" if top else "report.md")
    return None


def at_paragraph(divergences: tuple[Divergence, ...], document: str) -> dict[str, list[Divergence]]:
    """The records of one document, by the id of the passage they name, in file order."""
    out: dict[str, list[Divergence]] = {}
    for d in divergences:
        if d.document == document:
            out.setdefault(d.paragraph, []).append(d)
    return out

