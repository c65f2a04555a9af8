"""What a prose page adds to the published words: links from the first use of a defined term
in each section to its definition, a link from each paragraph to itself (for citing), and
links to other pages of the site made relative to the page being rendered."""

from __future__ import annotations

from scripts.content.inline import escape, html_in_markdown
from scripts.render.common import Context
from scripts.render.divergence_marks import divergence_marker
from scripts.render.glossary import Glossary, TermLinker


class Marks:
    def __init__(self, ctx: Context, glossary: Glossary | None = None, self_links: bool = True):
        self.ctx = ctx
        self.glossary = glossary
        # The tooltip of the paragraph links, escaped for an attribute.
        self.link_title = html_in_markdown(ctx.word("paragraph_link")) if self_links else None
        self.plain = escape

    def section(self) -> "Marks":
        """Marks for one section: a term is linked at its first use in each section."""
        fresh = Marks(self.ctx, self.glossary, self.link_title is not None)
        if self.glossary is not None:
            fresh.plain = TermLinker(self.glossary, self.ctx.link)
        return fresh

    def after(self, anchor: str) -> str:
        """What follows the block `anchor` on a reading page: the note where the editions differ
        there (not on side-by-side pages, which highlight the passages instead)."""
        return divergence_marker(anchor, self.ctx) if self.link_title is not None else ""

    def site_link(self, url: str) -> str:
        """`definitions.md#x` (relative to the language root) as a link from this page."""
        target, _, anchor = url.partition("#")
        return self.ctx.link(target or self.ctx.path, anchor or None)

    def inline(self) -> dict:
        """The keyword arguments of `to_markdown` for text under these marks."""
        return {"plain": self.plain, "site_link": self.site_link}
