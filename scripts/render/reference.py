"""Reference pages: the selected definitions, the acronyms and the list of the series."""

from __future__ import annotations

import re

from scripts.inline import escape, footnote_refs, plain_text, to_markdown
from scripts.models import Acronyms, Definitions, Series
from scripts.render.common import (Context, Page, attr, blocks_md, heading, indent,
                                   with_footnotes)
from scripts.render.marks import Marks
from scripts.render.translation_marks import mark_unit, page_notice


def definitions_page(defs: Definitions, ctx: Context, path: str = "definitions.md") -> Page:
    """The annex: the page heading is the subtitle ("Selected Definitions"); the edition's
    title ("Annex") stands above it, carrying the subtitle's footnote references."""
    names = {term.id: term.term for term in defs.terms}
    marks = Marks(ctx.at(path))
    uses = ctx.glossary.uses if ctx.glossary is not None else {}
    parts = [page_notice(ctx, ["definitions"])]
    if defs.subtitle and defs.title:
        refs = "".join(f"[^{key}]" for key in footnote_refs(defs.subtitle))
        parts.append(f"*{to_markdown(defs.title)}*{refs}")
    for term in defs.terms:
        ids = [f"{term.id}-{n}" for n in range(1, len(term.definition) + 1)]
        parts.append(mark_unit(ctx, f"definitions/{term.id}", heading(2, escape(term.term), term.id),
                               blocks_md(term.definition, ids, marks=marks)))
        related = [r for r in term.related if r in names]
        if related:
            links = ", ".join(f"[{escape(names[r])}]({ctx.link(path, r)})" for r in related)
            parts.append(f"{to_markdown(ctx.word('related'))} {links}")
        if uses.get(term.id):
            parts.append(uses_md(uses[term.id], ctx.at(path)))
    body = with_footnotes("\n\n".join(p for p in parts if p), defs.footnotes)
    return Page(path=path, title=plain_text(defs.subtitle or defs.title), body=body,
                description=ctx.word("definitions_description"), sources=(defs.path,))


def uses_md(uses, ctx: Context) -> str:
    """The sections that use a term, each linked to where the term is linked."""
    links = [f"- [{escape(use.title)}]({ctx.link(use.path, use.anchor)})" for use in uses]
    title = ctx.word("term_used_in").format(count=len(uses)).replace('"', "&quot;")
    # screen-only: a list of links back into the site, left out on paper (print.css, the book)
    return f'??? abstract screen-only "{title}"\n\n' + indent("\n".join(links))


_SAFE_ABBR = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./&'-]*$")


def abbreviations_md(acronyms: Acronyms) -> str:
    """Definitions for the Markdown `abbr` extension: every use of an acronym on the page
    becomes `<abbr title="expansion">`. The expansion is plain text (the extension escapes it
    into the attribute); an acronym that is not a plain word is left out."""
    lines = []
    for a in acronyms.acronyms:
        expansion = " ".join(plain_text(a.expansion).split())
        if _SAFE_ABBR.match(a.abbr) and expansion:
            lines.append(f"*[{a.abbr}]: {expansion}")
    return "\n".join(lines)


def acronyms_page(acronyms: Acronyms, ctx: Context, path: str = "acronyms.md") -> Page:
    rows = [page_notice(ctx, ["acronyms"])]
    rows += [mark_unit(ctx, f"acronyms/{a.id}", "", f"**{escape(a.abbr)}** — {to_markdown(a.expansion)}\n{attr(a.id)}")
             for a in acronyms.acronyms]
    return Page(path=path, title=plain_text(acronyms.title), body="\n\n".join(r for r in rows if r),
                description=ctx.word("acronyms_description"), sources=(acronyms.path,))


def series_page(series: Series, ctx: Context, path: str = "series.md") -> Page:
    items = []
    for item in series.items:
        details = ", ".join(to_markdown(x) for x in (item.availability, item.date) if x)
        line = f"{item.number}. {to_markdown(item.title)}"
        items.append(f"{line} ({details})" if details else line)
    notice = page_notice(ctx, ["series"] + [f"series/{item.number}" for item in series.items])
    parts = [p for p in (notice, "\n".join(items)) if p]
    if series.contact:
        parts.append(to_markdown(ctx.word("series_available")))
        parts.append("  \n".join(escape(line) for line in series.contact))
    return Page(path=path, title=plain_text(series.title), body="\n\n".join(parts),
                description=ctx.word("series_description"), sources=(series.path,))
