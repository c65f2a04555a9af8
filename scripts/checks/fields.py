"""Checks of each file and each edition that need more than the schema: safe text (no line
breaks or control characters), interface placeholders, links to pages and anchors that exist,
ids, footnotes, the agenda's times. Each check yields Problems; scripts/checks/gate.py runs
them all."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Iterator

from scripts.content import inline
from scripts.content.models import Agenda, Document, Edition
from scripts.content.text import CODE, INLINE, kind_of
from scripts.content.yaml_source import Located
from scripts.problems import Problem
from scripts.translation.state import block_texts

# Characters no text field may hold: line breaks (a new Markdown line could start a
# definition or a heading) and other control characters, invisible and never needed.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_NAMES = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}


def _strings(value, key=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for name, child in value.items():
            yield from _strings(child, key + (name,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _strings(child, key + (i,))
    elif isinstance(value, str):
        yield key, value


def check_text(located: Located) -> Iterator[Problem]:
    """Each text field as its kind allows (scripts/content/text.py): plain text is shown as written;
    inline Markdown must parse (its links lead to http, https, mailto or the site). Neither
    may hold a line break or another control character. Linear in the size of the text."""
    for key, text in _strings(located.data):
        kind = kind_of(text)
        if kind == CODE:
            continue  # ids, times, codes: their schema pattern has been checked
        control = _CONTROL.search(text)
        if control:
            what = _CONTROL_NAMES.get(control.group(), f"the control character U+{ord(control.group()):04X}")
            yield located.problem(key, f"{what} is not allowed in text; write it on one line "
                                       "(a YAML text may span lines, and its lines are joined)")
        if kind == INLINE:
            try:
                inline.parse(text)
            except inline.MarkupError as error:
                yield located.problem(key, str(error))


def check_placeholders(located: Located, reference: Located | None, lang: str,
                       reference_lang: str) -> Iterator[Problem]:
    """Interface words are plain text with `{name}` placeholders, which the build fills: a
    string must have exactly the placeholders of the reference language's string."""
    for key, text in _strings(located.data):
        if len(key) != 1:
            continue
        names = placeholders(text)
        if isinstance(names, str):
            yield located.problem(key, f"'{key[0]}': {names}")
            continue
        if reference is None or reference is located:
            continue
        expected_text = reference.data.get(key[0]) if isinstance(reference.data, dict) else None
        expected = placeholders(expected_text) if isinstance(expected_text, str) else None
        if expected is None or isinstance(expected, str) or names == expected:
            continue
        shown = ", ".join(f"{{{n}}}" for n in sorted(expected)) or "none"
        extra = sorted(names - expected)
        missing = sorted(expected - names)
        what = "; ".join(part for part in (
            f"{', '.join('{' + n + '}' for n in extra)} is not filled by the build" if extra else "",
            f"{', '.join('{' + n + '}' for n in missing)} is missing" if missing else "") if part)
        yield located.problem(key, f"'{key[0]}': {what}; the {reference_lang} string has the "
                                   f"placeholders {shown}: use exactly those names (translate "
                                   "the words around them, not the names)")


def placeholders(text: str) -> set[str] | str:
    """The `{name}` placeholders of an interface string, or why it cannot be read."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return ("a lone '{' or '}'; placeholders are written {name}, and braces cannot be "
                "used otherwise in interface words")
    names = set()
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            return (f"'{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}' "
                    "is not a placeholder; placeholders are a name in braces, such as {number}")
        names.add(name)
    return names


def check_links(edition: Edition, files: dict[str, Located],
                anchors: dict[str, set[str]]) -> Iterator[Problem]:
    """Links to pages of the site lead to a page the site has, and to an anchor on it: in the
    edition's own files, and in the files every language shares (content/resolutions.yml,
    content/divergences.yml), whose texts in each language are shown on that language's pages."""
    every_anchor = set().union(*anchors.values()) if anchors else set()
    for path, located in files.items():
        shared = path.startswith("content/") and path.count("/") == 1
        if not (shared or path.startswith(f"content/{edition.lang}/")):
            continue
        for key, text in _strings(located.data):
            if kind_of(text) != INLINE:
                continue
            for target in inline.links(text):  # a refused link is reported by check_text
                if not inline.is_site_path(target) and not target.startswith("#"):
                    continue
                page, anchor = inline.split_site_link(target)
                if page and page not in anchors:
                    yield located.problem(key, f"the link '{target}' leads to no page of the "
                                               f"site; pages: {', '.join(sorted(anchors))}")
                elif anchor and anchor not in (anchors[page] if page else every_anchor):
                    where = f"on {page}" if page else "on the page"
                    yield located.problem(key, f"the link '{target}' leads to no anchor "
                                               f"'#{anchor}' {where}; link to the id of a "
                                               "section, paragraph, term, person or slot")


def document_texts(document: Document) -> Iterator[str]:
    """Every text of a document that may carry a footnote reference, headings included."""
    for headings, blocks in document.headed_blocks():
        yield from headings
        yield from block_texts(blocks)


def check_footnotes(path: str, texts: Iterator[str], footnotes: Mapping[str, str],
                    located: Located) -> Iterator[Problem]:
    referenced: list[str] = []
    for text in texts:
        referenced += inline.footnote_refs(text)  # a refused link is reported by check_text
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
        texts: list[str] = [definitions.title] + ([definitions.subtitle] if definitions.subtitle else [])
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
    if edition.report:
        for i, chapter in enumerate(edition.report.sections):
            if chapter.title is None:  # the schema lets a section go without (the foreword's)
                yield files[edition.report.path].problem(
                    ("sections", i), f"the chapter '{chapter.id}' has no title, but each chapter of the "
                    "report is a page of its own, named by its heading: add `title:` with the heading "
                    "as this edition prints it")

