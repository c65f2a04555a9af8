"""Every edition in the shape of the reference edition, for the site.

When the reference language gains a section, a term, an agenda item or a person, the other
languages have not translated it yet; when it loses or moves one, their files still have it
where it was. Neither may stop a pull request in another language. So the site shows each
language in the reference's structure: its own text where it has the unit, the reference text
where it does not (scripts/translation/state.py counts that unit as missing, and the renderers show
it with its `lang` and a notice), nothing of what the reference no longer has, and everything
in the reference's order. A unit still marked `untranslated: true` shows the reference's
current text too, not the copy it was made from, which may have changed since. `python -m scripts check` tells the translator what to do about each
difference (scripts/checks/parity.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath
from typing import Callable, Iterable, Mapping, TypeVar

from scripts.content.models import (Acronyms, Agenda, Content, Definitions, Document, Edition, Front, Section,
                                    Series)
from scripts.translation.units import UnitKey, named_units

T = TypeVar("T")


def _by(items, key: Callable) -> dict:
    return {key(item): item for item in items}


def _ordered(mine: tuple[T, ...], theirs: tuple[T, ...], key: Callable[[T], object],
             missing: Callable[[T], bool] = lambda item: False) -> tuple[T, ...]:
    """The reference's items in its order, each taken from `mine` where it has it translated."""
    own = _by(mine, key)
    return tuple(item if missing(item) else own.get(key(item), item) for item in theirs)


def _sections(mine: dict[str, Section], theirs: tuple[Section, ...], level: int,
              missing: Callable[[str], bool] = lambda ident: False) -> tuple[Section, ...]:
    out = []
    for reference in theirs:
        own = reference if missing(reference.id) else mine.get(reference.id, reference)
        out.append(dataclasses.replace(own, level=level,
                                       sections=_sections(mine, reference.sections, level + 1, missing)))
    return tuple(out)


def _flat(sections: tuple[Section, ...]) -> dict[str, Section]:
    return {s.id: s for top in sections for s in top.walk()}


def document(mine: Document | None, theirs: Document | None, missing: frozenset[UnitKey] = frozenset()
             ) -> Document | None:
    if mine is None or theirs is None:
        return mine
    return _aligned(mine, theirs, missing)


def _aligned(mine: Document, theirs: Document, missing: frozenset[UnitKey]) -> Document:
    stem = PurePosixPath(mine.path).stem
    footnotes = {**theirs.footnotes, **mine.footnotes}
    if UnitKey.opening(stem) in missing:  # the opening: title, subtitle and the blocks before the first section
        mine = dataclasses.replace(mine, title=theirs.title, subtitle=theirs.subtitle, blocks=theirs.blocks)
        footnotes = {**mine.footnotes, **theirs.footnotes}
    sections = _sections(_flat(mine.sections), theirs.sections, 1, lambda i: UnitKey.section(stem, i) in missing)
    return dataclasses.replace(mine, sections=sections, footnotes=footnotes)


def front(mine: Front | None, theirs: Front | None, missing: frozenset[UnitKey] = frozenset()) -> Front | None:
    if mine is None or theirs is None:
        return mine
    return dataclasses.replace(mine, document=_aligned(mine.document, theirs.document, missing))


def agenda(mine: Agenda | None, theirs: Agenda | None, missing: frozenset[UnitKey] = frozenset()
           ) -> Agenda | None:
    if mine is None or theirs is None:
        return mine
    untranslated = lambda item: UnitKey.agenda_item(item.id) in missing
    days = []
    own_days = _by(mine.days, lambda d: d.id)
    for reference in theirs.days:
        day = reference if untranslated(reference) else own_days.get(reference.id, reference)
        own_slots = own_days[reference.id].slots if reference.id in own_days else day.slots
        days.append(dataclasses.replace(day, slots=_ordered(own_slots, reference.slots, lambda s: s.id,
                                                            untranslated)))
    return dataclasses.replace(mine, days=tuple(days),
                               people=_ordered(mine.people, theirs.people, lambda p: p.id, untranslated))


def definitions(mine: Definitions | None, theirs: Definitions | None,
                missing: frozenset[UnitKey] = frozenset()) -> Definitions | None:
    if mine is None or theirs is None:
        return mine
    terms = _ordered(mine.terms, theirs.terms, lambda t: t.id, lambda t: UnitKey.term(t.id) in missing)
    if UnitKey.opening("definitions") in missing:
        return dataclasses.replace(mine, terms=terms, title=theirs.title, subtitle=theirs.subtitle,
                                   footnotes={**mine.footnotes, **theirs.footnotes})
    return dataclasses.replace(mine, terms=terms, footnotes={**theirs.footnotes, **mine.footnotes})


def acronyms(mine: Acronyms | None, theirs: Acronyms | None, absent: frozenset[UnitKey],
             missing: frozenset[UnitKey] = frozenset()) -> Acronyms | None:
    """Each edition keeps its own list and order (alphabetical in its language); acronyms the
    reference added are appended, except those the edition is recorded as not having."""
    if mine is None or theirs is None:
        return mine
    known = {a.id: a for a in theirs.acronyms}
    own = tuple(known[a.id] if UnitKey.acronym(a.id) in missing else a
                for a in mine.acronyms if a.id in known)
    have = {a.id for a in own}
    added = tuple(a for a in theirs.acronyms if a.id not in have and UnitKey.acronym(a.id) not in absent)
    title = theirs.title if UnitKey.opening("acronyms") in missing else mine.title
    return dataclasses.replace(mine, acronyms=own + added, title=title)


def series(mine: Series | None, theirs: Series | None, missing: frozenset[UnitKey] = frozenset()
           ) -> Series | None:
    if mine is None or theirs is None:
        return mine
    items = _ordered(mine.items, theirs.items, lambda i: i.number, lambda i: UnitKey.series_item(i.number) in missing)
    if UnitKey.opening("series") in missing:
        return dataclasses.replace(mine, items=items, title=theirs.title, contact=theirs.contact)
    return dataclasses.replace(mine, items=items)


def edition(mine: Edition, theirs: Edition, absent: frozenset[UnitKey],
            missing: frozenset[UnitKey] = frozenset()) -> Edition:
    """`missing`: the units of `mine` not translated yet, shown in the reference's current text."""
    return dataclasses.replace(
        mine, front=front(mine.front, theirs.front, missing),
        summary=document(mine.summary, theirs.summary, missing),
        report=document(mine.report, theirs.report, missing),
        background=document(mine.background, theirs.background, missing),
        council_note=document(mine.council_note, theirs.council_note, missing),
        agenda=agenda(mine.agenda, theirs.agenda, missing),
        definitions=definitions(mine.definitions, theirs.definitions, missing),
        acronyms=acronyms(mine.acronyms, theirs.acronyms, absent, missing),
        series=series(mine.series, theirs.series, missing))


def aligned(content: Content, missing: Mapping[str, Iterable[UnitKey]] | None = None) -> Content:
    """The content with every edition in the reference edition's structure; `missing`, per
    language, the units not translated yet (scripts/translation/status.py `Translation.units`)."""
    reference = content.editions.get(content.reference)
    if reference is None:
        return content
    absent = named_units(r.target for r in content.resolutions)
    editions = {code: e if code == content.reference else
                edition(e, reference, absent, frozenset((missing or {}).get(code, ())))
                for code, e in content.editions.items()}
    return dataclasses.replace(content, editions=editions)
