"""Reference pages: the selected definitions, the acronyms and the list of the series."""

from __future__ import annotations

import re

from scripts.content.inline import escape, footnote_refs, plain_text, quoted_title, to_markdown
from scripts.content.models import Acronyms, Definitions, Series, SeriesItem, paragraph_anchors
from scripts.render.common import (Context, Page, attr, blocks_md, heading, indent, lang_attrs, not_searched,
                                   with_footnotes)
from scripts.render.divergence_marks import FACTS_PATH, divergence_marker, facts_group
from scripts.render.marks import Marks
from scripts.render.translation_marks import mark_unit, page_notice
from scripts.translation.units import UnitKey, UnitState


def definitions_page(defs: Definitions, ctx: Context, path: str = "definitions.md") -> Page:
    """The annex: the page heading is the subtitle ("Selected Definitions"); the edition's
    title ("Annex") stands above it, carrying the subtitle's footnote references."""
    names = {term.id: term.term for term in defs.terms}
    marks = Marks(ctx.at(path))
    uses = ctx.glossary.uses if ctx.glossary is not None else {}
    parts = [page_notice(ctx, [UnitKey.opening("definitions")])]
    if defs.subtitle and defs.title:
        refs = "".join(f"[^{key}]" for key in footnote_refs(defs.subtitle))
        parts.append(f"*{to_markdown(defs.title)}*{refs}")
    for term in defs.terms:
        ids = paragraph_anchors(term.id, term.definition)
        parts.append(mark_unit(ctx, UnitKey.term(term.id), heading(2, escape(term.term), term.id),
                               blocks_md(term.definition, ids, marks=marks)))
        parts.append(divergence_marker(term.id, ctx.at(path)))  # where the editions differ in meaning
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
    """The sections that use a term, each linked to where the term is linked. Not searched:
    section titles, each already indexed where it stands."""
    links = [f"- [{escape(use.title)}]({ctx.link(use.path, use.anchor)})" for use in uses]
    title = quoted_title(ctx.word("term_used_in").format(count=len(uses)))
    # screen-only: a list of links back into the site, left out on paper (print.css, the book)
    return not_searched(f'??? abstract screen-only "{title}"\n\n' + indent("\n".join(links)))


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
    rows = [page_notice(ctx, [UnitKey.opening("acronyms")])]
    rows += [mark_unit(ctx, UnitKey.acronym(a.id), "", f"**{escape(a.abbr)}** — {to_markdown(a.expansion)}\n{attr(a.id)}")
             for a in acronyms.acronyms]
    return Page(path=path, title=plain_text(acronyms.title), body="\n\n".join(r for r in rows if r),
                description=ctx.word("acronyms_description"), sources=(acronyms.path,))


def _original(ctx: Context, key: UnitKey, text_md: str) -> str:
    """Inline text of a unit not translated yet, marked with the language it is in."""
    kind, origin = ctx.units.get(key, ("", ""))
    return f"<span {lang_attrs(origin, ctx.lang)}>{text_md}</span>" if kind == UnitState.MISSING else text_md


def series_field(item: SeriesItem, name: str, ctx: Context) -> str:
    """One field of a series item as printed, then any words supplied where the printed line is
    cut off, in square brackets; words printed in another language carry their `lang`."""
    printed, supplied = getattr(item, name), item.supplied.get(name)
    parts = [to_markdown(printed)] if printed else []
    if supplied:
        parts.append(f'<span class="supplied">\\[{to_markdown(supplied)}\\]</span>')
    text = " ".join(parts)
    lang = item.text_lang.get(name)
    return f'<span {lang_attrs(lang, ctx.lang)}>{text}</span>' if text and lang and lang != ctx.lang else text


def series_item_md(item: SeriesItem, ctx: Context) -> str:
    """"<title> (<availability>), <date>": the availability in brackets, the date after
    them, as the editions print them."""
    line = series_field(item, "title", ctx)
    availability = series_field(item, "availability", ctx)
    if availability:
        line += f" ({availability})"
    date = series_field(item, "date", ctx)
    return f"{line}, {date}" if date else line


def series_page(series: Series, ctx: Context, path: str = "series.md") -> Page:
    items = [f"{item.number}. {_original(ctx, UnitKey.series_item(item.number), series_item_md(item, ctx))}"
             for item in series.items]
    notice = page_notice(ctx, [UnitKey.opening("series")] + [UnitKey.series_item(item.number) for item in series.items])
    parts = [p for p in (notice, "\n".join(items)) if p]
    if series.intro:
        parts.append(to_markdown(series.intro))
    lines = [f'<span class="supplied">\\[{in_lang(to_markdown(text), lang, ctx)}\\]</span>'
             for text, lang in series.contact_supplied]
    lines += [_original(ctx, UnitKey.opening("series"), to_markdown(line)) for line in series.contact]
    if lines:
        parts.append("  \n".join(lines))
    if series.contact_supplied or any(item.supplied for item in series.items):
        note = to_markdown(ctx.word("supplied_brackets"))
        if facts_group("series") in ctx.known_notes:  # why each supplied line is supplied
            note = f"[{note}]({ctx.link(FACTS_PATH, facts_group('series'))})"
        parts.append(f"*{note}*")
    return Page(path=path, title=plain_text(series.title), body="\n\n".join(parts),
                description=ctx.word("series_description"), sources=(series.path,))


def in_lang(text_md: str, lang: str | None, ctx: Context) -> str:
    return f'<span {lang_attrs(lang, ctx.lang)}>{text_md}</span>' if lang and lang != ctx.lang else text_md
