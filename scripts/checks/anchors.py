"""Which pages the site has and which anchors each page holds, from the content alone.

`python -m scripts check` uses it to refuse, at the YAML line, a link to a page or an anchor
that the build would not find (MkDocs would warn, and `mkdocs build --strict` fail).
tests/test_safety.py checks it against the built site: every anchor listed here is an id of
that page.
"""

from __future__ import annotations

from scripts.content.models import Content, Document, Edition, paragraph_anchors
from scripts.render.common import document_block_ids, title_anchor
from scripts.render.divergence_marks import FACTS_PATH, NOTES_PATH
from scripts.render.home import HOME_PATH
from scripts.render.notes import facts_anchors, notes_anchors
from scripts.render.print_page import PRINT_PATH
from scripts.render.translation_marks import STATUS_PATH

# The pages every language has, whatever its content (fallback pages included).
FIXED_PAGES = ("foreword.md", "summary.md", "acronyms.md", "agenda.md", "people.md",
               "background.md", "definitions.md", "series.md", "council-note.md",
               HOME_PATH, NOTES_PATH, FACTS_PATH, STATUS_PATH, PRINT_PATH)
HOME_ANCHORS = ("parts", "where-to-go")


def _document(doc: Document) -> set[str]:
    ids = set(document_block_ids(doc.id, doc.blocks))
    for section in doc.walk():
        if section.title:  # a section printed without a heading has no anchor of its own
            ids.add(section.id)
        ids.update(paragraph_anchors(section.id, section.blocks))
    return ids


def edition_anchors(edition: Edition, content: Content) -> dict[str, set[str]]:
    """Page path -> the anchors it holds, for the parts this edition has."""
    pages: dict[str, set[str]] = {}
    documents = {"foreword.md": edition.front.document if edition.front else None,
                 "summary.md": edition.summary, "background.md": edition.background,
                 "council-note.md": edition.council_note}
    for path, doc in documents.items():
        if doc is not None:
            pages[path] = _document(doc)
    if edition.report:
        for chapter in edition.report.sections:
            ids = {chapter.id}
            for section in chapter.walk():
                if section.title or section is chapter:  # the chapter's id is its page heading's
                    ids.add(section.id)
                ids.update(paragraph_anchors(section.id, section.blocks))
            pages[f"report/{chapter.id}.md"] = ids
    if edition.definitions:
        pages["definitions.md"] = {t.id for t in edition.definitions.terms} | {
            anchor for t in edition.definitions.terms for anchor in paragraph_anchors(t.id, t.definition)}
    if edition.acronyms:
        pages["acronyms.md"] = {a.id for a in edition.acronyms.acronyms}
    if edition.agenda:
        pages["agenda.md"] = {d.id for d in edition.agenda.days} | {s.id for _, s in edition.agenda.slots()}
        pages["people.md"] = {p.id for p in edition.agenda.people}
    if edition.series:
        pages["series.md"] = set()
    pages[HOME_PATH] = set(HOME_ANCHORS)
    pages[NOTES_PATH] = notes_anchors(content)
    pages[FACTS_PATH] = facts_anchors(content)
    for path in list(pages):
        if not path.startswith("report/"):
            pages[path].add(title_anchor(path))
    return pages


def site_anchors(content: Content) -> dict[str, dict[str, set[str]]]:
    """Language -> page path -> anchors. A page a language lacks is a fallback page showing
    another edition's text: its anchors are those of any edition that has the page."""
    own = {code: edition_anchors(content.editions[code], content)
           for code in content.codes if code in content.editions}
    every_page = set(FIXED_PAGES) | {p for pages in own.values() for p in pages}
    out: dict[str, dict[str, set[str]]] = {}
    for code, pages in own.items():
        out[code] = {}
        for path in every_page:
            if path in pages:
                out[code][path] = pages[path]
            else:
                out[code][path] = set().union(*(other.get(path, set()) for other in own.values()))
                if path != PRINT_PATH:  # the print edition's heading has ids of its own
                    out[code][path].add(title_anchor(path))
    return out
