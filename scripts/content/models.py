"""Typed, frozen models of the content. Everything after loading works on these, never on raw YAML.

Each text field has the type of its kind (scripts/content/text.py), declared by the schemas:
`PlainText` is shown as written, `InlineMarkdown` holds the restricted inline markup that
`scripts.content.inline` parses (emphasis, links, footnote references).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Iterator, Sized, Union

from scripts.content.text import InlineMarkdown, PlainText

# --- anchors ----------------------------------------------------------------------------------
# A block's anchor is part of the site's public URLs (`report/globalized-world/#many-forms-3`):
# every stage builds and reads it with these functions, never by hand.


def paragraph_anchor(owner_id: str, n: int) -> str:
    """The public anchor of the `n`th block (from 1) of a section, a document's opening or a
    term's definition: `many-forms-3`."""
    return f"{owner_id}-{n}"


def paragraph_anchors(owner_id: str, blocks: Sized) -> list[str]:
    """The anchors of all the blocks of one owner, in order."""
    return [paragraph_anchor(owner_id, n) for n in range(1, len(blocks) + 1)]


def paragraph_number(anchor: str, owner_id: str) -> int | None:
    """The block an anchor names under `owner_id` (the inverse of `paragraph_anchor`), or None
    where the anchor is not `<owner_id>-<digits>`."""
    prefix = paragraph_anchor(owner_id, 0)[:-1]  # the anchor's text before its number
    rest = anchor[len(prefix):]
    if anchor.startswith(prefix) and rest.isascii() and rest.isdigit():
        return int(rest)
    return None


# --- documents -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Paragraph:
    text: InlineMarkdown
    lead: PlainText | None = None  # a lead-in label such as "Students:"
    number: int | None = None  # a numbered paragraph (the Council note)
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class ListItem:
    text: InlineMarkdown
    blocks: tuple["Block", ...] = ()  # nested lists under the item


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Quote:
    blocks: tuple["Block", ...]
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


Block = Union[Paragraph, ListBlock, Quote]


@dataclass(frozen=True)
class Section:
    id: str
    title: PlainText | None  # None where the edition prints no heading (the foreword)
    level: int  # 1 for a top-level section of its document
    blocks: tuple[Block, ...] = ()
    sections: tuple["Section", ...] = ()
    line: int = field(default=0, compare=False)  # where it stands in its YAML file

    def walk(self) -> Iterator["Section"]:
        """This section and all its descendants, in reading order."""
        yield self
        for child in self.sections:
            yield from child.walk()


@dataclass(frozen=True)
class Document:
    id: str
    title: PlainText
    path: str  # the YAML file it was loaded from, relative to the project root
    subtitle: InlineMarkdown | None = None
    blocks: tuple[Block, ...] = ()
    sections: tuple[Section, ...] = ()
    footnotes: dict[str, InlineMarkdown] = field(default_factory=dict)
    meta: dict[str, object] = field(default_factory=dict)  # other published fields (symbol, date…)

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def headed_blocks(self) -> Iterator[tuple[tuple[str, ...], tuple[Block, ...]]]:
        """The document in reading order: its title and subtitle with its opening blocks, then
        each section's title (if any) with its blocks."""
        yield tuple(text for text in (self.title, self.subtitle) if text), self.blocks
        for section in self.walk():
            yield ((section.title,) if section.title else ()), section.blocks


# --- front matter --------------------------------------------------------------------------


@dataclass(frozen=True)
class Front:
    title: PlainText
    series: PlainText
    number: int
    publisher: PlainText
    year: int
    document: Document  # the epigraph and the foreword, as sections


# --- agenda --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    id: str
    name: PlainText
    role: PlainText
    organization: PlainText | None
    country: str | None  # ISO 3166-1 alpha-2 (a language-neutral fact for the people index)
    supplied: str | None = None  # resolution id when the edition does not print this person
    country_printed: str | None = None  # the country as this edition prints it; None: it prints none
    # Fields this edition prints in another language than its own: field name -> language code.
    text_lang: dict[str, str] = field(default_factory=dict, compare=False)
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Slot:
    id: str
    start: str  # "HH:MM"
    end: str
    kind: str
    title: PlainText
    number: int | None = None
    description: tuple[InlineMarkdown, ...] = ()
    moderator: str | None = None
    speakers: tuple[tuple[str, ...], ...] = ()  # each entry: one person, or several appearing jointly
    questions: tuple[InlineMarkdown, ...] = ()
    discussion: bool = False
    supplied: str | None = None  # resolution id when the edition does not print this slot
    line: int = field(default=0, compare=False)  # where it stands in its YAML file

    def people(self) -> list[str]:
        """Ids of everyone in this slot: moderator first, then speakers in order."""
        ids = [self.moderator] if self.moderator else []
        return ids + [pid for group in self.speakers for pid in group]


@dataclass(frozen=True)
class Day:
    id: str
    date: datetime.date
    title: PlainText
    slots: tuple[Slot, ...]
    end: PlainText | None = None
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Agenda:
    title: PlainText
    path: str
    header: tuple[PlainText, ...]  # the lines above the agenda, as published
    people: tuple[Person, ...]
    days: tuple[Day, ...]
    end: PlainText | None = None
    # The language of each header line that the edition prints in another language (index -> code).
    header_langs: dict[int, str] = field(default_factory=dict, compare=False)

    def person(self, person_id: str) -> Person:
        return next(p for p in self.people if p.id == person_id)

    def slots(self) -> Iterator[tuple[Day, Slot]]:
        for day in self.days:
            for slot in day.slots:
                yield day, slot


# --- glossary, acronyms, series ------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    id: str
    term: PlainText
    definition: tuple[Block, ...]
    related: tuple[str, ...] = ()
    variants: tuple[PlainText, ...] = ()
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Definitions:
    id: str
    title: PlainText
    path: str
    terms: tuple[Term, ...]
    subtitle: InlineMarkdown | None = None
    footnotes: dict[str, InlineMarkdown] = field(default_factory=dict)


@dataclass(frozen=True)
class Acronym:
    id: str
    abbr: PlainText
    expansion: PlainText
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Acronyms:
    title: PlainText
    path: str
    acronyms: tuple[Acronym, ...]


@dataclass(frozen=True)
class SeriesItem:
    number: int
    title: PlainText
    availability: PlainText | None = None
    date: PlainText | None = None
    line: int = field(default=0, compare=False)  # where it stands in its YAML file
    # Words the edition does not print (its line is cut off), supplied from another edition:
    # field -> words shown after the printed ones, in square brackets.
    supplied: dict[str, str] = field(default_factory=dict, compare=False)
    text_lang: dict[str, str] = field(default_factory=dict, compare=False)  # field -> language


@dataclass(frozen=True)
class Series:
    title: PlainText
    path: str
    items: tuple[SeriesItem, ...]
    contact: tuple[InlineMarkdown, ...] = ()
    intro: InlineMarkdown | None = None  # the sentence above the address, where the edition prints one
    # Address lines the edition does not print, supplied from another edition: (text, lang).
    contact_supplied: tuple[tuple[str, str | None], ...] = ()


# --- one language, and the whole site ------------------------------------------------------


@dataclass(frozen=True)
class Language:
    code: str
    name: PlainText
    locale: str  # Babel locale for dates and country names


@dataclass(frozen=True)
class Edition:
    """Everything one language folder holds. A part the edition lacks is None."""

    lang: str
    ui: dict[str, PlainText]
    front: Front | None = None
    summary: Document | None = None
    acronyms: Acronyms | None = None
    report: Document | None = None
    agenda: Agenda | None = None
    background: Document | None = None
    definitions: Definitions | None = None
    series: Series | None = None
    council_note: Document | None = None

    def documents(self) -> list[Document]:
        """The prose documents this edition has, in the order of the book."""
        docs = [self.front.document if self.front else None, self.summary, self.report,
                self.background, self.council_note]
        return [d for d in docs if d is not None]


@dataclass(frozen=True)
class EditionFact:
    says: PlainText | None  # None: the edition prints nothing there
    page: int | None = None  # the page of the printed book


@dataclass(frozen=True)
class Resolution:
    id: str
    subject: str
    target: str
    kind: str
    editions: dict[str, EditionFact]
    shown: dict[str, InlineMarkdown | None]  # by language, as the page shows it; empty where derived (scripts/render/shown.py)
    why: dict[str, InlineMarkdown]  # by language


@dataclass(frozen=True)
class Quotation:
    says: str  # exactly as the edition prints it
    page: int | None = None  # the page of the printed book


@dataclass(frozen=True)
class Divergence:
    """A passage where the editions differ in meaning (content/divergences.yml). Each edition
    keeps its wording; the record quotes them and explains the difference."""

    id: str
    document: str  # summary | report | background | agenda | definitions
    paragraph: str  # the shared id: a paragraph anchor, an agenda slot or a defined term
    editions: dict[str, Quotation]
    explanation: dict[str, str]  # by language
    line: int = field(default=0, compare=False)  # where it stands in its YAML file


@dataclass(frozen=True)
class Content:
    """The whole site's content: every language, and the language-neutral records."""

    reference: str
    languages: tuple[Language, ...]
    editions: dict[str, Edition]
    resolutions: tuple[Resolution, ...] = ()
    divergences: tuple[Divergence, ...] = ()

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]
