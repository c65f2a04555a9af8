"""The kinds of document the publication holds: one row each, in the order of the book.

This is the one place that says, for each kind, which file of a language folder holds it, which
schema checks it, which field of an `Edition` it fills, which pages show it and what the
navigation calls them, and whether it has a side-by-side page. Loading, checking, translation
state, the site plan and the status page all read it; adding a kind of document starts here
(then a model and builder in scripts/content/, a renderer in scripts/render/, and its pages in
scripts/plan/site.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PagePlace:
    path: str  # the page, relative to a language's root
    nav: str   # the interface word (content/<lang>/ui.yml) that names it in the navigation


@dataclass(frozen=True)
class Kind:
    stem: str             # content/<lang>/<stem>.yml
    schema: str           # schemas/<schema>.schema.json
    field: str | None     # the Edition field it fills; None for the interface words (ui.yml)
    nav: str | None       # the interface word that names the document (status page, notes page)
    pages: tuple[PagePlace, ...] = ()  # its own pages (the report has one per chapter instead)
    group: str | None = None  # the navigation group its pages stand in (an interface word)
    prose: bool = False   # a `Document` of sections and paragraphs (front: the one it holds)
    side_by_side: bool = False  # has a side-by-side page (scripts/render/parallel.py)

    @property
    def edition_field(self) -> str:
        """The `Edition` field a document kind fills (every kind but the interface words)."""
        if self.field is None:
            raise ValueError(f"content/<lang>/{self.stem}.yml fills no field of an edition")
        return self.field

    @property
    def title_word(self) -> str:
        """The interface word naming a document kind (every kind but the interface words)."""
        if self.nav is None:
            raise ValueError(f"content/<lang>/{self.stem}.yml is not a document of the book")
        return self.nav


KINDS: tuple[Kind, ...] = (
    Kind("ui", "ui", None, None),
    Kind("front", "front", "front", "nav_foreword", (PagePlace("foreword.md", "nav_foreword"),),
         prose=True, side_by_side=True),
    Kind("summary", "document", "summary", "nav_summary", (PagePlace("summary.md", "nav_summary"),),
         prose=True, side_by_side=True),
    Kind("acronyms", "acronyms", "acronyms", "nav_acronyms", (PagePlace("acronyms.md", "nav_acronyms"),)),
    Kind("report", "document", "report", "nav_report", group="nav_report", prose=True,
         side_by_side=True),
    Kind("agenda", "agenda", "agenda", "nav_agenda",
         (PagePlace("agenda.md", "nav_agenda"), PagePlace("people.md", "nav_people")), "nav_part_2"),
    Kind("background", "document", "background", "nav_background",
         (PagePlace("background.md", "nav_background"),), "nav_part_2", prose=True, side_by_side=True),
    Kind("definitions", "definitions", "definitions", "nav_definitions",
         (PagePlace("definitions.md", "nav_definitions"),), "nav_part_2", side_by_side=True),
    Kind("series", "series", "series", "nav_series", (PagePlace("series.md", "nav_series"),), "nav_about"),
    Kind("council-note", "council-note", "council_note", "nav_council_note",
         (PagePlace("council-note.md", "nav_council_note"),), "nav_about", prose=True, side_by_side=True),
)

BY_STEM: dict[str, Kind] = {kind.stem: kind for kind in KINDS}
DOCUMENTS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.field)  # every kind but ui
