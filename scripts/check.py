"""Checks that need more than the schema: ids, references, footnotes, safe text, and the
comparison of every language with the reference language (scripts/parity.py).

Each check yields Problems; `check` collects them all.
"""

from __future__ import annotations

import re
from typing import Iterator

from . import inline
from .load import Loaded, Located
from .models import Agenda, Document, Edition
from .divergences import check_divergences
from .parity import compare
from .problems import Problem
from .references import check_references
from .shown import check_shown
from .translation import block_texts, check_translations

# Keys whose values are not text a reader sees: ids, times, codes.
_NOT_TEXT = {"id", "start", "end", "kind", "date", "country", "moderator", "speakers", "related",
             "supplied", "source", "lang", "text_lang", "code", "locale", "reference", "target",
             "subject", "line", "document", "paragraph", "page"}
_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*[A-Za-z]+[^<>]*$")
_ATTR_LIST = re.compile(r"\{\s*[:#.][^}]*\}")
_LINK_TARGET = re.compile(r"\]\(\s*([^)\s]*)")


def _strings(value, key=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for name, child in value.items():
            if name not in _NOT_TEXT:
                yield from _strings(child, key + (name,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _strings(child, key + (i,))
    elif isinstance(value, str):
        yield key, value


def check_text(located: Located) -> Iterator[Problem]:
    """Text fields may hold only the inline markup the content needs; never HTML or scripts."""
    for key, text in _strings(located.data):
        if _RAW_HTML.search(text):
            yield located.problem(key, "raw HTML is not allowed in text; write plain text "
                                       "(use *emphasis* and [label](https://…) for formatting)")
        if _ATTR_LIST.search(text):
            yield located.problem(key, "attribute lists such as '{: …}' are not allowed in text; "
                                       "remove the braces")
        for target in _LINK_TARGET.findall(text):
            problem = inline.link_problem(target)
            if problem:
                yield located.problem(key, problem)
        try:
            inline.parse(text)
        except inline.MarkupError as error:
            yield located.problem(key, str(error))


def document_texts(document: Document) -> Iterator[str]:
    """Every text of a document that may carry a footnote reference, headings included."""
    yield document.title
    if document.subtitle:
        yield document.subtitle
    yield from block_texts(document.blocks)
    for section in document.walk():
        if section.title:
            yield section.title
        yield from block_texts(section.blocks)


def check_footnotes(path: str, texts: Iterator[str], footnotes: dict[str, str],
                    located: Located) -> Iterator[Problem]:
    referenced: list[str] = []
    for text in texts:
        try:
            referenced += inline.footnote_refs(text)
        except inline.MarkupError:
            pass  # reported by check_text
    for key in referenced:
        if key not in footnotes:
            yield located.problem((), f"the text refers to footnote [^{key}] but the file has no "
                                      f"footnote '{key}'; add it under 'footnotes:' or fix the number")
    for key in footnotes:
        if key not in referenced:
            yield located.problem(("footnotes", key), f"footnote '{key}' is never referenced; put "
                                  f"[^{key}] where its number stands in the text", of_key=True)
        elif referenced.count(key) > 1:
            yield located.problem(("footnotes", key), f"footnote '{key}' is referenced "
                                  f"{referenced.count(key)} times; a footnote is referenced once",
                                  of_key=True)


def check_agenda(agenda: Agenda, located: Located) -> Iterator[Problem]:
    people = {p.id for p in agenda.people}
    seen: set[str] = set()
    for d, day in enumerate(agenda.days):
        previous_end = None
        for s, slot in enumerate(day.slots):
            key = ("days", d, "slots", s)
            for pid in slot.people():
                seen.add(pid)
                if pid not in people:
                    close = [p for p in people if p.split("-")[0] == pid.split("-")[0]]
                    hint = f" (did you mean '{close[0]}'?)" if close else ""
                    yield located.problem(key, f"slot '{slot.id}' names '{pid}', who is not in "
                                               f"'people'{hint}; add the person or fix the id")
            if slot.start >= slot.end:
                yield located.problem(key + ("end",), f"slot '{slot.id}' ends ({slot.end}) "
                                      f"before it starts ({slot.start})")
            if previous_end and slot.start < previous_end:
                yield located.problem(key + ("start",), f"slot '{slot.id}' starts at {slot.start}, "
                                      f"before the previous slot ends ({previous_end})")
            previous_end = slot.end
            if slot.kind == "session" and slot.number is None:
                yield located.problem(key, f"session '{slot.id}' has no 'number'")
    for i, person in enumerate(agenda.people):
        if person.id not in seen:
            yield located.problem(("people", i), f"'{person.id}' is in 'people' but in no slot; "
                                                 "remove the entry or add them to their slot")


def check_ids(edition: Edition) -> Iterator[Problem]:
    """Ids are unique within a language: they are the anchors of the whole site."""
    first: dict[str, str] = {}
    entries: list[tuple[str, str, int]] = []
    for document in edition.documents():
        entries += [(s.id, document.path, s.line) for s in document.walk()]
    if edition.definitions:
        entries += [(t.id, edition.definitions.path, t.line) for t in edition.definitions.terms]
    if edition.agenda:
        entries += [(p.id, edition.agenda.path, p.line) for p in edition.agenda.people]
        entries += [(s.id, edition.agenda.path, s.line) for _, s in edition.agenda.slots()]
        entries += [(d.id, edition.agenda.path, d.line) for d in edition.agenda.days]
    if edition.acronyms:
        entries += [(a.id, edition.acronyms.path, a.line) for a in edition.acronyms.acronyms]
    for ident, path, line in entries:
        if ident in first:
            yield Problem(path, line, 1, f"the id '{ident}' is used twice (also at {first[ident]}); "
                                         "ids must be unique within a language")
        else:
            first[ident] = f"{path}:{line}"


def check_edition(edition: Edition, files: dict[str, Located]) -> Iterator[Problem]:
    yield from check_ids(edition)
    for document in edition.documents():
        yield from check_footnotes(document.path, document_texts(document), document.footnotes,
                                   files[document.path])
    if edition.definitions:
        definitions = edition.definitions
        located = files[definitions.path]
        texts = [definitions.title] + ([definitions.subtitle] if definitions.subtitle else [])
        for term in definitions.terms:
            texts += list(block_texts(term.definition))
        yield from check_footnotes(definitions.path, iter(texts), definitions.footnotes, located)
        ids = {t.id for t in definitions.terms}
        for i, term in enumerate(definitions.terms):
            for j, related in enumerate(term.related):
                if related not in ids:
                    yield located.problem(("terms", i, "related", j),
                                          f"'{related}' is not a term of this file; use one of: "
                                          f"{', '.join(sorted(ids))}")
    if edition.agenda:
        yield from check_agenda(edition.agenda, files[edition.agenda.path])


def check(loaded: Loaded) -> list[Problem]:
    """Every problem beyond the schema, in every language, and across languages."""
    problems: list[Problem] = []
    for located in loaded.files.values():
        problems += check_text(located)
    content = loaded.content
    if content is None:
        return problems
    for edition in content.editions.values():
        problems += check_edition(edition, loaded.files)
    problems += compare(content, loaded.files)
    problems += check_references(content, loaded.files)
    problems += check_divergences(content, loaded.files)
    problems += check_shown(content, loaded.files)
    if not loaded.errors:  # with a file unread, its units would look added or removed
        problems += check_translations(content, loaded.files)
    return sorted(set(problems))
