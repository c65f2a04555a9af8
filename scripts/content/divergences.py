"""Where the editions differ in meaning (content/divergences.yml): which passage a record names,
where that passage stands on the site, and the checks that keep the records true to the content
(the passage exists; each quotation stands, word for word, in its edition's passage)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from scripts.content.inline import plain_text
from scripts.content.load import Located
from scripts.content.models import Block, Content, Divergence, Document, Edition, Section
from scripts.problems import Problem
from scripts.translation.state import block_texts
from scripts.translation.units import paragraph_number

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


def _normal(text: str) -> str:
    return " ".join(text.split())


def check_divergences(content: Content, files: dict[str, Located]) -> Iterator[Problem]:
    located = files.get(DIVERGENCES_FILE)
    if located is None:
        return
    seen: set[str] = set()
    for i, d in enumerate(content.divergences):
        key = ("divergences", i)
        if d.id in seen:
            yield located.problem(key + ("id",), f"the id '{d.id}' is used twice; give each record its own id")
        seen.add(d.id)
        reference = content.editions.get(content.reference)
        if reference is None or passage(reference, d.document, d.paragraph) is None:
            yield located.problem(key + ("paragraph",),
                                  f"'{d.paragraph}' is no passage of the {d.document} in the reference "
                                  "language; use the id of a paragraph (such as many-forms-5), an agenda "
                                  "slot or a defined term")
            continue
        for lang, quotation in d.editions.items():
            edition = content.editions.get(lang)
            if edition is None:
                yield located.problem(key + ("editions", lang),
                                      f"'{lang}' is not a language of content/languages.yml")
                continue
            found = passage(edition, d.document, d.paragraph)
            if found is None:
                # A passage a translation lacks (yet) is work to do there, never a blocked pull request.
                yield located.problem(key + ("editions", lang),
                                      f"to do: the {lang} edition has no passage '{d.paragraph}' in its "
                                      f"{d.document} any more, so this note is not shown there; bring the "
                                      "passage back or update the quotation", severity="warning")
            elif _normal(quotation.says) not in _normal(found.text):
                yield located.problem(key + ("editions", lang, "says"),
                                      f"this quotation is not in the {lang} text of '{d.paragraph}'; quote the "
                                      "edition word for word (a short passage of that paragraph)")
