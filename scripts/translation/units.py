"""The names of translation units and of their states, built here and nowhere else.

A translation unit is named by a `UnitKey`: the content file it is in and, for anything but
the file's own opening, its id (`UnitKey.section("report", "introduction")`,
`UnitKey.agenda_item("session-3")`). The state of a unit in one language is a `UnitState`.
A misspelt constructor or state fails at once (AttributeError, and at type-check time), a file
that holds no units at construction (ValueError); a key written as a string finds nothing
and is refused by a type checker, so a reader's notice cannot silently go missing.
The public anchor of a block (`many-forms-3`) is built in one place too, beside the models
that need it: `paragraph_anchor` in scripts/content/models.py.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Iterable

from scripts.catalogue import DOCUMENTS

# The content files that hold translation units: every kind of document (not the interface words).
UNIT_FILES = frozenset(kind.stem for kind in DOCUMENTS)


@dataclass(frozen=True, slots=True)
class UnitKey:
    """One translation unit: the file's own opening (`id` None) or an item of it with an id."""

    file: str  # the content file's stem: report, agenda, definitions…
    id: str | None = None

    def __post_init__(self) -> None:
        if self.file not in UNIT_FILES:
            raise ValueError(f"'{self.file}' is no content file with translation units "
                             f"({', '.join(sorted(UNIT_FILES))})")

    def __str__(self) -> str:
        """As editors and the status page know it: `report/introduction`, `agenda`."""
        return self.file if self.id is None else f"{self.file}/{self.id}"

    @classmethod
    def opening(cls, file: str) -> UnitKey:
        """A file's own unit: its title and what stands before its first item."""
        return cls(file)

    @classmethod
    def section(cls, file: str, section_id: str) -> UnitKey:
        """A section's own heading and blocks (front, summary, report, background, council note)."""
        return cls(file, section_id)

    @classmethod
    def agenda_item(cls, item_id: str) -> UnitKey:
        """A day, a slot or a person of the agenda (one namespace of ids)."""
        return cls("agenda", item_id)

    @classmethod
    def term(cls, term_id: str) -> UnitKey:
        return cls("definitions", term_id)

    @classmethod
    def acronym(cls, acronym_id: str) -> UnitKey:
        return cls("acronyms", acronym_id)

    @classmethod
    def series_item(cls, number: object) -> UnitKey:
        return cls("series", str(number))

    @classmethod
    def parse(cls, text: str) -> UnitKey | None:
        """The unit a path such as `acronyms/mdg` names (a target in content/resolutions.yml),
        or None where its first part is no file with units."""
        file, _, ident = text.partition("/")
        return cls(file, ident if _ else None) if file in UNIT_FILES else None


def named_units(texts: Iterable[str]) -> frozenset[UnitKey]:
    """The units among paths that may name one (the targets of content/resolutions.yml)."""
    return frozenset(key for text in texts if (key := UnitKey.parse(text)) is not None)


class UnitState(enum.StrEnum):
    """Where a unit stands in one language. The values are the words the CLI prints."""

    ORIGINAL = "original"  # this language's text is the one the others translate
    TRANSLATED = "translated"  # translates the original's current text
    MISSING = "missing"  # not translated yet: the site shows the original's text
    OUTDATED = "outdated"  # translates an earlier text of the original
    ABSENT = "absent"  # not in this language's edition (no file, or recorded in resolutions.yml)

