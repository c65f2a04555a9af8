"""The print edition's page: a title, a short explanation, and the place the build fills with
every page of the language (scripts/publish/print_edition.py), once all pages are built."""

from __future__ import annotations

from scripts.render.common import Context, Page

PRINT_PATH = "print.md"
# Where the build puts every page of the language (scripts/publish/print_edition.py).
MARKER = '<div class="print-edition" data-print-edition="body"></div>'


def print_page(ctx: Context) -> Page:
    body = f"{ctx.md('print_intro')}\n\n{MARKER}"
    return Page(PRINT_PATH, ctx.word("print_title"), ctx.word("print_description"), body,
                sources=(f"content/{ctx.lang}/ui.yml",), title_id="print-edition")
