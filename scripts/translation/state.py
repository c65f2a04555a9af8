"""Translation units, the reference text each one translates, and the status of every language.

A unit is what a translator translates in one go: a section's own heading and paragraphs, the
opening of a document, an agenda slot, a person's role, a term and its definition, an
acronym. In a translated file each unit's mapping records, under `source:`, a short hash of
the reference-language text it was translated from. When the reference text changes, the hash
no longer matches and the unit is *outdated*. A unit marked `untranslated: true` still holds
reference text (as `python -m scripts new-language` and `translate` create it) and is
*missing*, and so is a unit a translated file lacks (added to the original since) or that holds
the original's text unchanged without a `source:` (a file copied by hand). A unit of a file the
language has no file for, or an acronym content/resolutions.yml records as absent from that
edition, is *absent*: not in that edition, counted apart from what is left to translate.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Iterator

from scripts.catalogue import DOCUMENTS
from scripts.content.models import Block, Content, Document, Edition, ListBlock, Paragraph, Quote
from scripts.content.yaml_source import Located
from scripts.problems import Problem
from scripts.translation.units import UNIT_FILES, UnitKey, UnitState, named_units


def unit_key(stem: str, key: tuple, value: dict) -> UnitKey | None:
    """The unit a mapping of a content file is, if it is one: the file itself, anything with an
    `id` (section, slot, person, day, term, acronym), or an item of the series."""
    if stem not in UNIT_FILES:  # the interface words are no units
        return None
    if key == ():
        return UnitKey.opening(stem)
    if isinstance(value.get("id"), str):
        return UnitKey(stem, value["id"])
    if stem == "series" and len(key) == 2 and key[0] == "items" and "number" in value:
        return UnitKey.series_item(value["number"])
    return None


def digest(texts: list[str]) -> str:
    """The short hash that identifies a reference text."""
    return hashlib.sha256(json.dumps(texts, ensure_ascii=False).encode("utf-8")).hexdigest()[:8]


def block_texts(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out += [block.lead or "", block.text]
        elif isinstance(block, ListBlock):
            for item in block.items:
                out.append(item.text)
                out += block_texts(item.blocks)
        elif isinstance(block, Quote):
            out += block_texts(block.blocks)
    return out


def _document_units(stem: str, document: Document) -> Iterator[tuple[UnitKey, list[str]]]:
    footnotes = [f"{k}: {v}" for k, v in sorted(document.footnotes.items())]
    yield UnitKey.opening(stem), [document.title, document.subtitle or ""] + block_texts(document.blocks) + footnotes
    for section in document.walk():
        yield UnitKey.section(stem, section.id), [section.title or ""] + block_texts(section.blocks)


def edition_units(edition: Edition) -> dict[UnitKey, list[str]]:
    """Every unit of an edition: key (`<file>` or `<file>/<id>`) -> its texts, in book order."""
    units: dict[UnitKey, list[str]] = {}
    if edition.front:
        front = edition.front
        for key, texts in _document_units("front", front.document):
            units[key] = ([front.title, front.series, front.publisher] if key.id is None else []) + texts
    for kind in DOCUMENTS:  # the prose documents but the front's (above), in the catalogue's order
        document = getattr(edition, kind.edition_field) if kind.prose and kind.stem != "front" else None
        if document:
            units.update(_document_units(kind.stem, document))
    if edition.acronyms:
        units[UnitKey.opening("acronyms")] = [edition.acronyms.title]
        for acronym in edition.acronyms.acronyms:
            units[UnitKey.acronym(acronym.id)] = [acronym.abbr, acronym.expansion]
    if edition.agenda:
        agenda = edition.agenda
        units[UnitKey.opening("agenda")] = [agenda.title, agenda.end or ""] + list(agenda.header)
        for person in agenda.people:
            units[UnitKey.agenda_item(person.id)] = [person.role, person.organization or ""]
        for day in agenda.days:
            units[UnitKey.agenda_item(day.id)] = [day.title, day.end or ""]
            for slot in day.slots:
                units[UnitKey.agenda_item(slot.id)] = [slot.title, *slot.description, *slot.questions]
    if edition.definitions:
        definitions = edition.definitions
        units[UnitKey.opening("definitions")] = [definitions.title, definitions.subtitle or ""] + [
            f"{k}: {v}" for k, v in sorted(definitions.footnotes.items())]
        for term in definitions.terms:
            units[UnitKey.term(term.id)] = [term.term] + block_texts(term.definition)
    if edition.series:
        series = edition.series
        units[UnitKey.opening("series")] = [series.title, *series.contact]
        for item in series.items:
            units[UnitKey.series_item(item.number)] = [item.title, item.availability or "", item.date or ""]
    return units


@dataclass(frozen=True)
class Marking:
    """What a translated file says of one unit: the hash it translates, whether it is untranslated."""

    source: str | None
    untranslated: bool
    path: str
    line: int
    column: int


def unit_mappings(located: Located, stem: str) -> Iterator[tuple[UnitKey, tuple, dict]]:
    """Every mapping of a loaded file that is a translation unit: (unit key, path, mapping)."""
    def visit(value, key=()):
        if isinstance(value, dict):
            unit = unit_key(stem, key, value)
            if unit is not None:
                yield unit, key, value
            for name, child in value.items():
                yield from visit(child, key + (name,))
        elif isinstance(value, list):
            for i, child in enumerate(value):
                yield from visit(child, key + (i,))

    yield from visit(located.data)


def markings(files: dict[str, Located], lang: str) -> dict[UnitKey, Marking]:
    """Where every unit of a language's files stands, with its `source:` and `untranslated:`."""
    out: dict[UnitKey, Marking] = {}
    prefix = f"content/{lang}/"
    for path, located in files.items():
        if not path.startswith(prefix):
            continue
        stem = path[len(prefix):].rsplit(".", 1)[0]
        for unit, key, value in unit_mappings(located, stem):
            line, column = located.position(key)
            out[unit] = Marking(value.get("source"), value.get("untranslated") is True,
                                path, line, column)
    return out


@dataclass(frozen=True)
class UnitStatus:
    """Where one unit stands in one language."""

    key: UnitKey
    state: UnitState
    expected: str  # the hash of the current text it should translate
    origin: str  # the language whose text is the original of this unit
    marking: Marking | None


def originals(content: Content) -> dict[UnitKey, tuple[str, list[str]]]:
    """Every unit of the site -> (the language it is translated from, its texts there).
    That is the reference language, or, for a document only one language has (the Council
    note), that language."""
    units_by_lang = {lang: edition_units(e) for lang, e in content.editions.items()}
    order = [content.reference] + [code for code in content.codes if code != content.reference]
    out: dict[UnitKey, tuple[str, list[str]]] = {}
    for lang in order:
        for key, texts in units_by_lang.get(lang, {}).items():
            opening = UnitKey.opening(key.file)
            origin = next(code for code in order if opening in units_by_lang.get(code, {}))
            if origin == lang:
                out[key] = (lang, texts)
    return out


def unit_states(content: Content, files: dict[str, Located], lang: str) -> list[UnitStatus]:
    """The state of every unit of the site in one language, in book order."""
    edition = content.editions.get(lang)
    mine = edition_units(edition) if edition else {}
    marks = markings(files, lang)
    prefix = f"content/{lang}/"
    have = {path[len(prefix):].rsplit(".", 1)[0] for path in files if path.startswith(prefix)}
    documented = named_units(r.target for r in content.resolutions)
    states = []
    for key, (origin, texts) in originals(content).items():
        expected = digest(texts)
        marking = marks.get(key)
        if origin == lang:
            state = UnitState.ORIGINAL
        elif key not in mine and (key.file not in have or key in documented):
            state = UnitState.ABSENT
        elif key not in mine or marking is None or marking.untranslated:
            state = UnitState.MISSING
        elif marking.source is None and digest(mine[key]) == expected:
            state = UnitState.MISSING  # the original's text, copied unchanged
        elif marking.source != expected:
            state = UnitState.OUTDATED
        else:
            state = UnitState.TRANSLATED
        states.append(UnitStatus(key, state, expected, origin, marking))
    return states


_KINDS = {"agenda": "agenda item", "definitions": "term", "acronyms": "acronym",
          "series": "series item"}


def describe(key: UnitKey) -> str:
    """A unit as an editor knows it: "section 'introduction'", "the opening of this file"."""
    if key.id is None:
        return "the opening of this file (title and text before the first section)"
    return f"{_KINDS.get(key.file, 'section')} '{key.id}'"


def check_translations(content: Content, files: dict[str, Located]) -> Iterator[Problem]:
    """A warning for every unit whose original text changed since it was translated, and for
    every unit still marked `untranslated: true` whose text is no longer the one it was
    copied from (translated, the marker left behind)."""
    names = {language.code: language.name for language in content.languages}
    for lang in content.codes:
        edition = content.editions.get(lang)
        mine = edition_units(edition) if edition else {}
        for state in unit_states(content, files, lang):
            marking = state.marking
            if marking is not None and marking.untranslated and marking.source \
                    and state.key in mine and digest(mine[state.key]) != marking.source:
                yield Problem(marking.path, marking.line, marking.column,
                              f"{describe(state.key)} is marked `untranslated: true` but its text has "
                              "changed since it was copied; if you translated it, delete the "
                              "`untranslated: true` line", "warning")
                continue
            if state.state != UnitState.OUTDATED or marking is None:
                continue
            original = names.get(state.origin, state.origin)
            if marking.source is None:
                message = (f"{describe(state.key)} does not say which {original} text it translates; "
                           f"when it translates the current text, add `source: \"{state.expected}\"`")
            else:
                message = (f"{describe(state.key)} is outdated: the {original} text has changed since "
                           f"this translation (source {marking.source}, now {state.expected}); update "
                           f"the translation, then set `source: \"{state.expected}\"`")
            yield Problem(marking.path, marking.line, marking.column, message, "warning")
