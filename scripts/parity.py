"""Cross-language comparison: every language against the reference language.

Ids, order, dates, times, people and the number and kind of blocks are language-neutral;
only text is translated. Each difference is reported at the place in the translated file
where it shows, with what the reference has.
"""

from __future__ import annotations

from typing import Iterator

from .load import Located
from .models import Agenda, Block, Content, Document, Edition, ListBlock, Paragraph, Section
from .problems import Problem


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


def _compare_blocks(where: str, blocks: tuple[Block, ...], reference: tuple[Block, ...],
                    path: str, line: int, ref: str) -> Iterator[Problem]:
    mine, theirs = _shapes(blocks), _shapes(reference)
    if mine == theirs:
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


def compare_documents(doc: Document, ref_doc: Document, ref: str) -> Iterator[Problem]:
    mine = _tree(doc.sections)
    theirs = _tree(ref_doc.sections)
    mine_ids = [i for i, _, _ in mine]
    their_ids = [i for i, _, _ in theirs]
    their_by_id = {i: (parent, s) for i, parent, s in theirs}
    for ident in their_ids:
        if ident not in mine_ids:
            yield Problem(doc.path, 1, 1, f"section '{ident}' of the reference language ({ref}, "
                          f"{ref_doc.path}:{their_by_id[ident][1].line}) is missing; add it "
                          "with the same id")
    for ident, parent, section in mine:
        if ident not in their_by_id:
            yield Problem(doc.path, section.line, 1, f"section '{ident}' is not in the reference "
                          f"language ({ref}); use the id of the matching section in {ref_doc.path}")
            continue
        their_parent, their_section = their_by_id[ident]
        if parent != their_parent:
            yield Problem(doc.path, section.line, 1, f"section '{ident}' stands under "
                          f"'{parent or 'the top'}' but under '{their_parent or 'the top'}' in the "
                          f"reference language ({ref})")
        yield from _compare_blocks(f"section '{ident}'", section.blocks, their_section.blocks,
                                   doc.path, section.line, ref)
    common = [i for i in mine_ids if i in their_by_id]
    if common != [i for i in their_ids if i in mine_ids]:
        yield Problem(doc.path, 1, 1, f"the sections are not in the order of the reference "
                      f"language ({ref}): {', '.join(common)}")
    yield from _compare_blocks("the opening blocks", doc.blocks, ref_doc.blocks, doc.path, 1, ref)
    if sorted(doc.footnotes) != sorted(ref_doc.footnotes):
        yield Problem(doc.path, 1, 1, f"footnotes {sorted(doc.footnotes)} differ from the "
                      f"reference language ({ref}): {sorted(ref_doc.footnotes)}")


def _differences(kind: str, ident: str, mine: dict, theirs: dict) -> list[str]:
    return [f"{kind} '{ident}' has {name} {mine[name]!r} where the reference has {theirs[name]!r}"
            for name in theirs if mine[name] != theirs[name]]


def compare_agendas(agenda: Agenda, reference: Agenda, ref: str) -> Iterator[Problem]:
    path = agenda.path
    mine_people = [p.id for p in agenda.people]
    their_people = {p.id: p for p in reference.people}
    for person in agenda.people:
        if person.id not in their_people:
            yield Problem(path, person.line, 1, f"person '{person.id}' is not in the reference "
                          f"language ({ref})")
            continue
        other = their_people[person.id]
        for text in _differences("person", person.id, {"name": person.name, "country": person.country},
                                 {"name": other.name, "country": other.country}):
            yield Problem(path, person.line, 1, text + "; names and countries are the same in "
                          "every language")
    for ident in their_people:
        if ident not in mine_people:
            yield Problem(path, 1, 1, f"person '{ident}' of the reference language ({ref}) is "
                          "missing from 'people'")
    mine_days = [d.id for d in agenda.days]
    their_days = [d.id for d in reference.days]
    if mine_days != their_days:
        yield Problem(path, 1, 1, f"the days {mine_days} differ from the reference language "
                      f"({ref}): {their_days}")
        return
    for day, other_day in zip(agenda.days, reference.days):
        if day.date != other_day.date:
            yield Problem(path, day.line, 1, f"day '{day.id}' is dated {day.date} where the "
                          f"reference language ({ref}) has {other_day.date}")
        mine_slots = [s.id for s in day.slots]
        their_slots = [s.id for s in other_day.slots]
        if mine_slots != their_slots:
            yield Problem(path, day.line, 1, f"the slots of '{day.id}' are {mine_slots} where the "
                          f"reference language ({ref}) has {their_slots}; same slots, same order")
            continue
        for slot, other in zip(day.slots, other_day.slots):
            facts = lambda s: {"start": s.start, "end": s.end, "kind": s.kind, "number": s.number,
                               "moderator": s.moderator, "speakers": s.speakers,
                               "discussion": s.discussion,
                               "number of questions": len(s.questions),
                               "number of description paragraphs": len(s.description)}
            for text in _differences("slot", slot.id, facts(slot), facts(other)):
                yield Problem(path, slot.line, 1, f"{text} ({ref}); times, people and order are "
                              "the same in every language")


def _compare_ids(kind: str, path: str, mine: list[tuple[str, int]], theirs: list[str],
                 ref: str, documented: set[str] = frozenset(), ordered: bool = True
                 ) -> Iterator[Problem]:
    """Same ids in every language. An id missing from an edition is accepted only where
    content/resolutions.yml records it (target `<documented prefix><id>`)."""
    mine_ids = [i for i, _ in mine]
    for ident, line in mine:
        if ident not in theirs:
            yield Problem(path, line, 1, f"{kind} '{ident}' is not in the reference language ({ref})")
    for ident in theirs:
        if ident not in mine_ids and ident not in documented:
            yield Problem(path, 1, 1, f"{kind} '{ident}' of the reference language ({ref}) is "
                          "missing; add it, or record in content/resolutions.yml why this "
                          "edition lacks it")
    if ordered and [i for i in mine_ids if i in theirs] != [i for i in theirs if i in mine_ids]:
        yield Problem(path, 1, 1, f"the {kind}s are not in the order of the reference language ({ref})")


def compare_editions(edition: Edition, reference: Edition,
                     documented: set[str] = frozenset()) -> Iterator[Problem]:
    ref = reference.lang
    pairs = [(edition.front and edition.front.document, reference.front and reference.front.document),
             (edition.summary, reference.summary), (edition.report, reference.report),
             (edition.background, reference.background),
             (edition.council_note, reference.council_note)]
    for doc, ref_doc in pairs:
        if doc and ref_doc:
            yield from compare_documents(doc, ref_doc, ref)
    if edition.front and reference.front and edition.front.number != reference.front.number:
        yield Problem(edition.front.document.path, 1, 1, f"the series number {edition.front.number} "
                      f"differs from the reference language ({ref}): {reference.front.number}")
    if edition.agenda and reference.agenda:
        yield from compare_agendas(edition.agenda, reference.agenda, ref)
    if edition.definitions and reference.definitions:
        mine, theirs = edition.definitions, reference.definitions
        yield from _compare_ids("term", mine.path, [(t.id, t.line) for t in mine.terms],
                                [t.id for t in theirs.terms], ref)
        their_terms = {t.id: t for t in theirs.terms}
        for term in mine.terms:
            other = their_terms.get(term.id)
            if other is None:
                continue
            if sorted(term.related) != sorted(other.related):
                yield Problem(mine.path, term.line, 1, f"term '{term.id}' relates to "
                              f"{sorted(term.related)} where the reference language ({ref}) has "
                              f"{sorted(other.related)}")
            yield from _compare_blocks(f"the definition of '{term.id}'", term.definition,
                                       other.definition, mine.path, term.line, ref)
        if sorted(mine.footnotes) != sorted(theirs.footnotes):
            yield Problem(mine.path, 1, 1, f"footnotes {sorted(mine.footnotes)} differ from the "
                          f"reference language ({ref}): {sorted(theirs.footnotes)}")
    if edition.acronyms and reference.acronyms:
        yield from _compare_ids("acronym", edition.acronyms.path,
                                [(a.id, a.line) for a in edition.acronyms.acronyms],
                                [a.id for a in reference.acronyms.acronyms], ref,
                                # each edition lists its own abbreviations, alphabetically
                                {t.removeprefix("acronyms/") for t in documented}, ordered=False)
    if edition.series and reference.series:
        yield from _compare_ids("series item", edition.series.path,
                                [(str(i.number), i.line) for i in edition.series.items],
                                [str(i.number) for i in reference.series.items], ref)


def compare(content: Content, files: dict[str, Located] | None = None) -> list[Problem]:
    """Every difference between each language and the reference language."""
    reference = content.editions.get(content.reference)
    if reference is None:
        return []
    documented = {r.target for r in content.resolutions}
    problems: list[Problem] = []
    for lang, edition in content.editions.items():
        if lang != content.reference:
            problems += compare_editions(edition, reference, documented)
    return problems
