"""The print edition's volumes: which pages of a language's navigation each holds.

The one rule, from the navigation's structure and nothing else: the book's own parts are the
navigation's top-level groups ("Part I: Workshop Report", "Part II: Workshop Documents",
"About this edition"); each group is a volume, the top-level pages before a group (the
foreword, the executive summary, the acronyms) open that group's volume, and pages after the
last group close the last volume. A page added to the navigation falls into its group's volume
by itself. Why volumes: the whole publication on one web page weighs more than a page of the
site may on first load (issue 12: 70 kB gzip); the PDF and the EPUB keep the whole book in one
file (scripts/publish/downloads.py).

Not in the edition: the home page (only links), the print pages themselves and the
translation status (about the site, not the book).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from scripts.render.home import HOME_PATH
from scripts.render.print_page import is_print_page, volume_path
from scripts.render.translation_marks import STATUS_PATH

if TYPE_CHECKING:  # scripts/plan/site.py imports this module
    from scripts.plan.site import NavItem

NOT_IN_THE_BOOK = (HOME_PATH, STATUS_PATH)


@dataclass(frozen=True)
class PrintVolume:
    """Volume `number` (from 1) of the edition: its page and the top-level navigation entries
    (pages, and groups with their pages) it holds, in navigation order."""

    number: int
    items: tuple["NavItem", ...]

    @property
    def path(self) -> str:
        return volume_path(self.number)

    @property
    def titles(self) -> tuple[str, ...]:
        """What it holds, as the navigation names it: its top-level entries."""
        return tuple(item.title for item in self.items)


def in_the_book(nav: tuple["NavItem", ...]) -> tuple["NavItem", ...]:
    """The navigation without the pages that are not in the edition (and groups left empty)."""
    out = []
    for item in nav:
        if item.path is None:
            children = in_the_book(item.children)
            if children:
                out.append(type(item)(item.title, None, children))
        elif item.path not in NOT_IN_THE_BOOK and not is_print_page(item.path):
            out.append(item)
    return tuple(out)


def print_volumes(nav: tuple["NavItem", ...]) -> tuple[PrintVolume, ...]:
    """The volumes of a language's edition, from its navigation (see the module's docstring).
    At least one, even for a navigation without groups."""
    volumes: list[list[NavItem]] = []
    pending: list[NavItem] = []
    for item in in_the_book(nav):
        pending.append(item)
        if item.path is None:  # a group closes its volume
            volumes.append(pending)
            pending = []
    if pending:
        if volumes:
            volumes[-1].extend(pending)
        else:
            volumes.append(pending)
    return tuple(PrintVolume(number, tuple(items)) for number, items in enumerate(volumes or [[]], start=1))
