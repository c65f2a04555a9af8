"""How much of each source edition the YAML holds, and what is missing.

The source is the plain text extracted from the PDFs (../shared/seeds). Both sides are cut
into lowercase words; a source word counts as held when it stands in a run of WINDOW
consecutive words that also occurs, in the same order, somewhere in the YAML of that
language. Line-end hyphenation in the source is undone where the joined word is what the
YAML holds. The same comparison the other way round shows YAML text that is not in the
source (text supplied by editors where an edition lacks it, or mistakes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from babel.dates import format_date

from scripts import config
from scripts.content import inline
from scripts.content.models import Agenda, Block, Document, Edition, ListBlock, Paragraph, Quote
from scripts.render.shown import time_range

WINDOW = 4
_WORD = re.compile(r"[^\W_]+")
_FRENCH_TIME = re.compile(r"\b(\d{1,2})h(\d{2})\b")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
_GLUED_FOOTNOTE = re.compile(r"([^\W\d_]{2,})(\d{1,2})\b")  # "definitions3": a footnote number
_ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def words(text: str) -> list[str]:
    text = _GLUED_FOOTNOTE.sub(r"\1 \2", _FRENCH_TIME.sub(r"\1:\2", text))
    return _WORD.findall(text.lower())


# --- the YAML side: every text a language holds, in reading order --------------------------


def _with_footnote_numbers(text: str) -> str:
    """The reader's text with footnote numbers where they stand, as in the source."""
    return re.sub(r"\[\^([^\]]+)\]", r" \1 ", text)


def _blocks(blocks: tuple[Block, ...]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            if block.number:
                yield str(block.number)
            if block.lead:
                yield block.lead
            yield block.text
        elif isinstance(block, ListBlock):
            for n, item in enumerate(block.items, block.start):
                if block.ordered:
                    yield str(n)
                yield item.text
                yield from _blocks(item.blocks)
        elif isinstance(block, Quote):
            yield from _blocks(block.blocks)


def _document(document: Document) -> Iterator[str]:
    for headings, blocks in document.headed_blocks():
        yield from headings
        yield from _blocks(blocks)
    yield from (f"{key} {text}" for key, text in document.footnotes.items())


def _agenda(agenda: Agenda, edition: Edition, locale: str) -> Iterator[str]:
    ui = edition.ui
    yield from agenda.header
    yield agenda.title

    def person_line(pid: str) -> str:
        person = agenda.person(pid)  # the country as the edition prints it, if it prints one
        return ", ".join(x for x in (person.name, person.role, person.organization,
                                     person.country_printed) if x)

    for day in agenda.days:
        yield f"{format_date(day.date, 'long', locale=locale)} {day.title}"
        for slot in day.slots:
            number = (ui.get("session", "Session {number}").format(number=_ROMAN[slot.number]) + ": "
                      if slot.number else "")
            yield f"{time_range(slot, ui)} {number}{slot.title}"
            yield from slot.description
            if slot.moderator:
                yield f"{ui.get('moderator', '')}: {person_line(slot.moderator)}"
            if slot.speakers and slot.kind == "session":
                yield ui.get("speakers", "")
            for group in slot.speakers:
                yield " / ".join(person_line(pid) for pid in group)
            if slot.questions:
                yield ui.get("questions_intro", "")
                yield from slot.questions
            if slot.discussion:
                yield ui.get("general_discussion", "")
        if day.end:
            yield day.end
    if agenda.end:
        yield agenda.end


def edition_texts(edition: Edition, locale: str) -> Iterator[str]:
    """Every text of a language's publication, in the order of the book."""
    if edition.front:
        yield from (edition.front.title, edition.front.series, edition.front.publisher)
        yield from _document(edition.front.document)
    if edition.summary:
        yield from _document(edition.summary)
    if edition.acronyms:
        yield edition.acronyms.title
        for acronym in edition.acronyms.acronyms:
            yield f"{acronym.abbr} {acronym.expansion}"
    if edition.report:
        yield from _document(edition.report)
    if edition.agenda:
        yield from _agenda(edition.agenda, edition, locale)
    if edition.background:
        yield from _document(edition.background)
    if edition.definitions:
        definitions = edition.definitions
        yield definitions.title
        if definitions.subtitle:
            yield definitions.subtitle
        for term in definitions.terms:
            yield term.term
            yield from _blocks(term.definition)
        yield from (f"{key} {text}" for key, text in definitions.footnotes.items())
    if edition.series:
        yield edition.series.title
        for item in edition.series.items:
            yield " ".join(str(x) for x in (item.number, item.title, item.availability, item.date) if x)
        yield from edition.series.contact


def yaml_words(texts: Iterator[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        try:
            readable = _with_footnote_numbers(text)
            readable = inline.plain_text(readable) if "](" in readable or "*" in readable else readable
        except inline.MarkupError:
            readable = text
        out += words(readable)
    return out


# --- the source side -------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceWord:
    word: str
    line: int


def source_words(lines: list[str], first_line: int, mine: list[str]) -> list[SourceWord]:
    """Words of the source lines, page numbers dropped, line-end hyphenation undone where the
    YAML holds the joined word and not the two halves side by side ("socio-economic")."""
    vocabulary = set(mine)
    pairs = set(zip(mine, mine[1:]))
    out: list[SourceWord] = []
    carry: str | None = None  # the first half of a word broken at the end of the previous line
    for offset, raw in enumerate(lines):
        number = first_line + offset
        if _PAGE_NUMBER.match(raw):
            continue
        tokens = words(raw)
        if not tokens:
            continue
        if carry is not None:
            joined = carry + tokens[0]
            if joined in vocabulary and (carry, tokens[0]) not in pairs:
                out[-1] = SourceWord(joined, out[-1].line)
                tokens = tokens[1:]
            carry = None
        out += [SourceWord(t, number) for t in tokens]
        if re.search(r"[^\W_]-\s*$", raw) and tokens:
            carry = tokens[-1]
    return out


def covered(sequence: list[str], against: list[str], window: int = WINDOW) -> list[bool]:
    """Which words of `sequence` stand in a run of `window` words that `against` also holds."""
    grams = {tuple(against[i:i + window]) for i in range(len(against) - window + 1)}
    held = [False] * len(sequence)
    for i in range(len(sequence) - window + 1):
        if tuple(sequence[i:i + window]) in grams:
            for j in range(i, i + window):
                held[j] = True
    return held


@dataclass(frozen=True)
class Report:
    name: str
    total: int
    held: int
    missing: list[tuple[int, str]]  # (source line, the missing words)
    extra: list[str]  # YAML runs not found in the source

    @property
    def share(self) -> float:
        return self.held / self.total if self.total else 1.0


def _runs(items: list, held: list[bool]) -> Iterator[list]:
    run: list = []
    for item, ok in zip(items, held):
        if ok:
            if run:
                yield run
            run = []
        else:
            run.append(item)
    if run:
        yield run


def measure(name: str, source_lines: list[str], first_line: int, texts: list[str]) -> Report:
    mine = yaml_words(iter(texts))
    source = source_words(source_lines, first_line, mine)
    plain = [w.word for w in source]
    held = covered(plain, mine)
    missing = [(run[0].line, " ".join(w.word for w in run)) for run in _runs(source, held)]
    extra = [" ".join(run) for run in _runs(mine, covered(mine, plain))]
    return Report(name, len(source), sum(held), missing, extra)


def seed_lines(seed: str, root: Path | None = None) -> list[str]:
    folder = (root.parent / "shared" / "seeds") if root else config.SEEDS
    return (folder / seed).read_text(encoding="utf-8").split("\n")


def edition_report(edition: Edition, locale: str, seeds: list[str]) -> Report:
    first, last = config.EDITION_LINES[edition.lang]
    return measure(edition.lang, seeds[first - 1:last], first, list(edition_texts(edition, locale)))


def council_note_report(edition: Edition, lines: list[str]) -> Report:
    assert edition.council_note is not None
    return measure(f"{edition.lang} council note", lines, 1, list(_document(edition.council_note)))
