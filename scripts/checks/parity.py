"""Cross-language comparison: every language against the reference language.

Ids, order, dates, times, people and the number and kind of blocks are language-neutral;
only text is translated. Each difference is reported at the place in the translated file
where it shows, with what the reference has.

What the reference language added, removed or moved since a translation was made is work to
do in the translation, never an error: a pull request in one language must pass whatever
the others have not caught up with yet. The site shows such units in the reference's
structure (scripts/translation/align.py). These differences are warnings that start with "to do:"; the
shape of a unit's blocks is compared only where the translation says it is up to date.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Callable, Collection, Iterator

from babel import Locale

from scripts.content.models import Agenda, Block, Content, Document, Edition, ListBlock, Paragraph, Section
from scripts.content.yaml_source import Located
from scripts.problems import Problem
from scripts.translation.units import UnitKey, UnitState, named_units


def block_shape(block: Block) -> str:
    """What must match across languages for a block: its kind and, for lists, its item count."""
    if isinstance(block, Paragraph):
        return "numbered paragraph" if block.number else "paragraph"
    if isinstance(block, ListBlock):
        kind = "numbered list" if block.ordered else "list"
        nested = [block_shape(b) for item in block.items for b in item.blocks]
        return f"{kind} of {len(block.items)} items" + (f" ({', '.join(nested)})" if nested else "")
    return "quotation of " + ", ".join(block_shape(b) for b in block.blocks)


def _shapes(blocks: tuple[Block, ...]) -> list[str]:
    return [block_shape(b) for b in blocks]


TODO = "warning"


def _name(code: str) -> str:
    """A language's name in English, the language of these messages."""
    return Locale.parse("en").languages.get(code, code)


def _compare_blocks(where: str, blocks: tuple[Block, ...], reference: tuple[Block, ...],
                    path: str, line: int, ref: str, current: bool = True) -> Iterator[Problem]:
    """Same paragraphs and lists as the reference, where the unit translates its current text
    (`current`); an outdated unit is told to be brought up to date instead."""
    mine, theirs = _shapes(blocks), _shapes(reference)
    if mine == theirs or not current:
        return
    if len(mine) != len(theirs):
        yield Problem(path, line, 1, f"{where} has {len(mine)} blocks where the reference "
                      f"language ({ref}) has {len(theirs)}; keep the same paragraphs and lists, "
                      "in the same order, in every language")
        return
    for n, (a, b) in enumerate(zip(mine, theirs), 1):
        if a != b:
            at = blocks[n - 1].line or line
            yield Problem(path, at, 1, f"block {n} of {where} is a {a} where the reference "
                          f"language ({ref}) has a {b}")


def _tree(sections: tuple[Section, ...], parent: str = "") -> list[tuple[str, str, Section]]:
    out = []
    for section in sections:
        out.append((section.id, parent, section))
        out += _tree(section.sections, section.id)
    return out


def compare_documents(doc: Document, ref_doc: Document, ref: str,
                      current: Callable[[UnitKey], bool] = lambda key: True) -> Iterator[Problem]:
    """`current(unit)` says whether a unit of this file translates the reference's current text."""
    stem = PurePosixPath(doc.path).stem
    mine = _tree(doc.sections)
    theirs = _tree(ref_doc.sections)
    mine_ids = [i for i, _, _ in mine]
    their_ids = [i for i, _, _ in theirs]
    mine_by_id = {i: (parent, s) for i, parent, s in mine}
    their_by_id = {i: (parent, s) for i, parent, s in theirs}
    for n, ident in enumerate(their_ids):
        if ident not in mine_ids:
            before = next((i for i in reversed(their_ids[:n]) if i in mine_by_id), None)
            line = mine_by_id[before][1].line if before else 1
            place = f"after section '{before}'" if before else "before the first section"
            yield Problem(doc.path, line, 1, f"to do: section '{ident}' of the reference language "
                          f"({ref}, {ref_doc.path}:{their_by_id[ident][1].line}) is not in this file "
                          f"yet; the site shows it in {_name(ref)}, marked as not yet translated. Add it "
                          f"{place} with the same id, and translate it", TODO)
    for ident, parent, section in mine:
        if ident not in their_by_id:
            yield Problem(doc.path, section.line, 1, f"to do: section '{ident}' is not in the "
                          f"reference language ({ref}) any more, so the site no longer shows it; "
                          f"delete it, or give it the id of the matching section of {ref_doc.path}",
                          TODO)
            continue
        their_parent, their_section = their_by_id[ident]
        if parent != their_parent:
            yield Problem(doc.path, section.line, 1, f"to do: section '{ident}' stands under "
                          f"'{parent or 'the top'}' but under '{their_parent or 'the top'}' in the "
                          f"reference language ({ref}); the site shows it where the {_name(ref)} text has it: move "
                          "it there", TODO)
        yield from _compare_blocks(f"section '{ident}'", section.blocks, their_section.blocks,
                                   doc.path, section.line, ref, current(UnitKey.section(stem, ident)))
    common = [i for i in mine_ids if i in their_by_id]
    if common != [i for i in their_ids if i in mine_ids]:
        yield Problem(doc.path, 1, 1, f"to do: the sections are not in the order of the reference "
                      f"language ({ref}); the site shows them in its order: "
                      f"{', '.join(i for i in their_ids if i in mine_ids)}", TODO)
    yield from _compare_blocks("the opening blocks", doc.blocks, ref_doc.blocks, doc.path, 1, ref,
                               current(UnitKey.opening(stem)))
    if sorted(doc.footnotes) != sorted(ref_doc.footnotes) and all(
            current(key) for key in [UnitKey.opening(stem)] + [UnitKey.section(stem, i) for i in mine_ids]):
        yield Problem(doc.path, 1, 1, f"footnotes {sorted(doc.footnotes)} differ from the "
                      f"reference language ({ref}): {sorted(ref_doc.footnotes)}")


def _differences(kind: str, ident: str, mine: dict, theirs: dict) -> list[str]:
    return [f"{kind} '{ident}' has {name} {mine[name]!r} where the reference has {theirs[name]!r}"
            for name in theirs if mine[name] != theirs[name]]


def compare_agendas(agenda: Agenda, reference: Agenda, ref: str,
                    current: Callable[[UnitKey], bool] = lambda key: True) -> Iterator[Problem]:
    path = agenda.path
    their_people = {p.id: p for p in reference.people}
    mine_people = {p.id: p for p in agenda.people}
    for person in agenda.people:
        if person.id not in their_people:
            yield Problem(path, person.line, 1, f"to do: person '{person.id}' is not in the reference "
                          f"language ({ref}) any more, so the site no longer shows them; delete the "
                          "entry", TODO)
            continue
        other = their_people[person.id]
        for text in _differences("person", person.id, {"name": person.name, "country": person.country},
                                 {"name": other.name, "country": other.country}):
            yield Problem(path, person.line, 1, text + "; names and countries are the same in "
                          "every language")
    for ident, other in their_people.items():
        if ident not in mine_people:
            yield Problem(path, 1, 1, f"to do: person '{ident}' of the reference language ({ref}, "
                          f"{reference.path}:{other.line}) is not in 'people' yet; the site shows "
                          f"their role in {_name(ref)}, marked as not yet translated. Add them with the same "
                          "id, and translate the role", TODO)
    mine_days = {d.id: d for d in agenda.days}
    their_days = {d.id: d for d in reference.days}
    for own_day in agenda.days:
        if own_day.id not in their_days:
            yield Problem(path, own_day.line, 1, f"to do: day '{own_day.id}' is not in the reference "
                          f"language ({ref}) any more, so the site no longer shows it; delete it", TODO)
    for other_day in reference.days:
        day = mine_days.get(other_day.id)
        if day is None:
            yield Problem(path, 1, 1, f"to do: day '{other_day.id}' of the reference language ({ref}, "
                          f"{reference.path}:{other_day.line}) is not in this file yet; the site shows "
                          f"it in {_name(ref)}, marked as not yet translated. Add it with the same id, and "
                          "translate it", TODO)
            continue
        if day.date != other_day.date:
            yield Problem(path, day.line, 1, f"day '{day.id}' is dated {day.date} where the "
                          f"reference language ({ref}) has {other_day.date}")
        mine_slots = {s.id: s for s in day.slots}
        their_slots = [s.id for s in other_day.slots]
        for slot in day.slots:
            if slot.id not in their_slots:
                yield Problem(path, slot.line, 1, f"to do: slot '{slot.id}' is not in day '{day.id}' "
                              f"of the reference language ({ref}) any more, so the site no longer "
                              "shows it here; delete it, or move it to where the reference has it", TODO)
        for n, other_slot in enumerate(other_day.slots):
            if other_slot.id not in mine_slots:
                before = next((i for i in reversed(their_slots[:n]) if i in mine_slots), None)
                place = f"after slot '{before}'" if before else "as the first slot"
                yield Problem(path, mine_slots[before].line if before else day.line, 1,
                              f"to do: slot '{other_slot.id}' of the reference language ({ref}, "
                              f"{reference.path}:{other_slot.line}) is not in day '{day.id}' yet; the site "
                              f"shows it in {_name(ref)}, marked as not yet translated. Add it {place} with "
                              "the same id, times and people, and translate it", TODO)
        common = [s.id for s in day.slots if s.id in their_slots]
        if common != [i for i in their_slots if i in mine_slots]:
            yield Problem(path, day.line, 1, f"to do: the slots of '{day.id}' are not in the order of "
                          f"the reference language ({ref}); the site shows them in its order: "
                          f"{', '.join(i for i in their_slots if i in mine_slots)}", TODO)
        for other_slot in other_day.slots:
            own_slot = mine_slots.get(other_slot.id)
            if own_slot is None:
                continue
            facts = lambda s: {"start": s.start, "end": s.end, "kind": s.kind, "number": s.number,
                               "moderator": s.moderator, "speakers": s.speakers,
                               "discussion": s.discussion}
            texts = lambda s: {"number of questions": len(s.questions),
                               "number of description paragraphs": len(s.description)}
            differences = _differences("slot", own_slot.id, facts(own_slot), facts(other_slot))
            if current(UnitKey.agenda_item(own_slot.id)):
                differences += _differences("slot", own_slot.id, texts(own_slot), texts(other_slot))
            for text in differences:
                yield Problem(path, own_slot.line, 1, f"{text} ({ref}); times, people and order are "
                              "the same in every language")


def _compare_ids(kind: str, path: str, mine: list[tuple[str, int]], theirs: list[tuple[str, int]],
                 ref: str, ref_path: str, documented: Collection[str] = frozenset(), ordered: bool = True
                 ) -> Iterator[Problem]:
    """Same ids in every language, as work to do. An id missing from an edition is expected
    only where content/resolutions.yml records it (target `<documented prefix><id>`)."""
    mine_ids = [i for i, _ in mine]
    their_ids = [i for i, _ in theirs]
    for ident, line in mine:
        if ident not in their_ids:
            yield Problem(path, line, 1, f"to do: {kind} '{ident}' is not in the reference language "
                          f"({ref}) any more, so the site no longer shows it; delete it", TODO)
    for ident, line in theirs:
        if ident not in mine_ids and ident not in documented:
            yield Problem(path, 1, 1, f"to do: {kind} '{ident}' of the reference language ({ref}, "
                          f"{ref_path}:{line}) is not in this file yet; the site shows it in {_name(ref)}, "
                          "marked as not yet translated. Add it with the same id and translate it, "
                          "or record in content/resolutions.yml why this edition lacks it", TODO)
    if ordered and [i for i in mine_ids if i in their_ids] != [i for i in their_ids if i in mine_ids]:
        yield Problem(path, 1, 1, f"to do: the {kind}s are not in the order of the reference "
                      f"language ({ref}); the site shows them in its order", TODO)


def compare_editions(edition: Edition, reference: Edition, documented: frozenset[UnitKey] = frozenset(),
                     current: Callable[[UnitKey], bool] = lambda key: True) -> Iterator[Problem]:
    ref = reference.lang
    pairs = [(edition.front and edition.front.document, reference.front and reference.front.document),
             (edition.summary, reference.summary), (edition.report, reference.report),
             (edition.background, reference.background),
             (edition.council_note, reference.council_note)]
    for doc, ref_doc in pairs:
        if doc and ref_doc:
            yield from compare_documents(doc, ref_doc, ref, current)
    if edition.front and reference.front and edition.front.number != reference.front.number:
        yield Problem(edition.front.document.path, 1, 1, f"the series number {edition.front.number} "
                      f"differs from the reference language ({ref}): {reference.front.number}")
    if edition.agenda and reference.agenda:
        yield from compare_agendas(edition.agenda, reference.agenda, ref, current)
    if edition.definitions and reference.definitions:
        mine, theirs = edition.definitions, reference.definitions
        yield from _compare_ids("term", mine.path, [(t.id, t.line) for t in mine.terms],
                                [(t.id, t.line) for t in theirs.terms], ref, theirs.path)
        their_terms = {t.id: t for t in theirs.terms}
        for term in mine.terms:
            other = their_terms.get(term.id)
            if other is None:
                continue
            known = {t.id for t in mine.terms}
            if sorted(r for r in term.related if r in known) != sorted(r for r in other.related if r in known):
                yield Problem(mine.path, term.line, 1, f"term '{term.id}' relates to "
                              f"{sorted(term.related)} where the reference language ({ref}) has "
                              f"{sorted(other.related)}")
            yield from _compare_blocks(f"the definition of '{term.id}'", term.definition,
                                       other.definition, mine.path, term.line, ref,
                                       current(UnitKey.term(term.id)))
        if sorted(mine.footnotes) != sorted(theirs.footnotes) and all(
                current(UnitKey.term(t.id)) for t in mine.terms) and current(UnitKey.opening("definitions")):
            yield Problem(mine.path, 1, 1, f"footnotes {sorted(mine.footnotes)} differ from the "
                          f"reference language ({ref}): {sorted(theirs.footnotes)}")
    if edition.acronyms and reference.acronyms:
        yield from _compare_ids("acronym", edition.acronyms.path,
                                [(a.id, a.line) for a in edition.acronyms.acronyms],
                                [(a.id, a.line) for a in reference.acronyms.acronyms], ref,
                                reference.acronyms.path,
                                # each edition lists its own abbreviations, alphabetically
                                {k.id for k in documented if k.file == "acronyms" and k.id}, ordered=False)
    if edition.series and reference.series:
        yield from _compare_ids("series item", edition.series.path,
                                [(str(i.number), i.line) for i in edition.series.items],
                                [(str(i.number), i.line) for i in reference.series.items], ref,
                                reference.series.path)


def compare(content: Content, files: dict[str, Located] | None = None) -> list[Problem]:
    """Every difference between each language and the reference language."""
    from scripts.translation.state import unit_states

    reference = content.editions.get(content.reference)
    if reference is None:
        return []
    documented = named_units(r.target for r in content.resolutions)
    problems: list[Problem] = []
    for lang, edition in content.editions.items():
        if lang == content.reference:
            continue
        if files is None:
            current = lambda key: True
        else:
            settled = {s.key for s in unit_states(content, files, lang) if s.state == UnitState.TRANSLATED}
            current = settled.__contains__
        problems += compare_editions(edition, reference, documented, current)
    return problems
