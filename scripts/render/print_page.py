"""The print edition's pages, one per volume (scripts/plan/print_volumes.py says which pages
each holds): a title saying which volume of how many, a short explanation, and the place the
build fills with the volume's pages (scripts/publish/print_edition.py), once all pages are built."""

from __future__ import annotations

import re

from scripts.render.common import Context, Page

PRINT_PATH = "print.md"  # the first volume, the edition's entry point (the downloads menu's link)
# Where the build puts the volume's pages (scripts/publish/print_edition.py).
MARKER = '<div class="print-edition" data-print-edition="body"></div>'
_VOLUME_PATH = re.compile(r"print/[1-9][0-9]*\.md")


def volume_path(number: int) -> str:
    """The page of volume `number` (from 1): print.md, then print/2.md, print/3.md…"""
    return PRINT_PATH if number == 1 else f"print/{number}.md"


def is_print_page(path: str) -> bool:
    """Whether `path` is a volume of the print edition."""
    return path == PRINT_PATH or bool(_VOLUME_PATH.fullmatch(path))


def print_page(ctx: Context, number: int = 1, count: int = 1) -> Page:
    """Volume `number` of `count`."""
    title = (ctx.word("print_title") if count == 1 else
             ctx.word("print_volume_title").format(number=number, count=count))
    intro = ctx.md("print_intro")
    return Page(volume_path(number), title, ctx.word("print_description"), f"{intro}\n\n{MARKER}",
                sources=(f"content/{ctx.lang}/ui.yml",), title_id="print-edition")
