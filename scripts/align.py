"""Every edition in the shape of the reference edition, for the site.

When the reference language gains a section, a term, an agenda item or a person, the other
languages have not translated it yet; when it loses or moves one, their files still have it
where it was. Neither may stop a pull request in another language. So the site shows each
language in the reference's structure: its own text where it has the unit, the reference text
where it does not (scripts/translation.py counts that unit as missing, and the renderers show
it with its `lang` and a notice), nothing of what the reference no longer has, and everything
in the reference's order. `python -m scripts check` tells the translator what to do about each
difference (scripts/parity.py).
"""

from __future__ import annotations

import dataclasses
from typing import Callable, TypeVar

from .models import Acronyms, Agenda, Content, Definitions, Document, Edition, Front, Section, Series

T = TypeVar("T")


def _by(items, key: Callable) -> dict:
    return {key(item): item for item in items}


def _ordered(mine: tuple[T, ...], theirs: tuple[T, ...], key: Callable[[T], object]) -> tuple[T, ...]:
    """The reference's items in its order, each taken from `mine` where it has it."""
    own = _by(mine, key)
    return tuple(own.get(key(item), item) for item in theirs)


def _sections(mine: dict[str, Section], theirs: tuple[Section, ...], level: int) -> tuple[Section, ...]:
    out = []
    for reference in theirs:
        own = mine.get(reference.id, reference)
        out.append(dataclasses.replace(own, level=level,
                                       sections=_sections(mine, reference.sections, level + 1)))
    return tuple(out)


def _flat(sections: tuple[Section, ...]) -> dict[str, Section]:
    return {s.id: s for top in sections for s in top.walk()}


def document(mine: Document | None, theirs: Document | None) -> Document | None:
    if mine is None or theirs is None:
        return mine
    footnotes = {**theirs.footnotes, **mine.footnotes}
    return dataclasses.replace(mine, sections=_sections(_flat(mine.sections), theirs.sections, 1),
                               footnotes=footnotes)


def front(mine: Front | None, theirs: Front | None) -> Front | None:
    if mine is None or theirs is None:
        return mine
    return dataclasses.replace(mine, document=document(mine.document, theirs.document))


def agenda(mine: Agenda | None, theirs: Agenda | None) -> Agenda | None:
    if mine is None or theirs is None:
        return mine
    days = []
    own_days = _by(mine.days, lambda d: d.id)
    for reference in theirs.days:
        day = own_days.get(reference.id, reference)
        days.append(dataclasses.replace(day, slots=_ordered(day.slots, reference.slots, lambda s: s.id)))
    return dataclasses.replace(mine, days=tuple(days),
                               people=_ordered(mine.people, theirs.people, lambda p: p.id))


def definitions(mine: Definitions | None, theirs: Definitions | None) -> Definitions | None:
    if mine is None or theirs is None:
        return mine
    return dataclasses.replace(mine, terms=_ordered(mine.terms, theirs.terms, lambda t: t.id),
                               footnotes={**theirs.footnotes, **mine.footnotes})


def acronyms(mine: Acronyms | None, theirs: Acronyms | None, absent: set[str]) -> Acronyms | None:
    """Each edition keeps its own list and order (alphabetical in its language); acronyms the
    reference added are appended, except those the edition is recorded as not having."""
    if mine is None or theirs is None:
        return mine
    known = {a.id for a in theirs.acronyms}
    own = tuple(a for a in mine.acronyms if a.id in known)
    have = {a.id for a in own}
    added = tuple(a for a in theirs.acronyms if a.id not in have and f"acronyms/{a.id}" not in absent)
    return dataclasses.replace(mine, acronyms=own + added)


def series(mine: Series | None, theirs: Series | None) -> Series | None:
    if mine is None or theirs is None:
        return mine
    return dataclasses.replace(mine, items=_ordered(mine.items, theirs.items, lambda i: i.number))


def edition(mine: Edition, theirs: Edition, absent: set[str]) -> Edition:
    return dataclasses.replace(
        mine, front=front(mine.front, theirs.front),
        summary=document(mine.summary, theirs.summary), report=document(mine.report, theirs.report),
        background=document(mine.background, theirs.background),
        council_note=document(mine.council_note, theirs.council_note),
        agenda=agenda(mine.agenda, theirs.agenda),
        definitions=definitions(mine.definitions, theirs.definitions),
        acronyms=acronyms(mine.acronyms, theirs.acronyms, absent), series=series(mine.series, theirs.series))


def aligned(content: Content) -> Content:
    """The content with every edition in the reference edition's structure."""
    reference = content.editions.get(content.reference)
    if reference is None:
        return content
    absent = {r.target for r in content.resolutions}
    editions = {code: e if code == content.reference else edition(e, reference, absent)
                for code, e in content.editions.items()}
    return dataclasses.replace(content, editions=editions)
