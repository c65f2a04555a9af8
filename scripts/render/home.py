"""The home page: what the publication is, the parts of the book, and where to go."""

from __future__ import annotations

import datetime

from babel.dates import format_date, format_interval

from scripts.content.inline import escape, plain_text, to_markdown
from scripts.content.models import Front
from scripts.render.citation import FORMATS, LABELS, Reference, file_name
from scripts.render.common import Context, Page, heading, not_searched

CITE_DIR = "downloads"  # beside the home page of each language: <language root>/downloads/

HOME_PATH = "index.md"


def workshop_dates(first: datetime.date, last: datetime.date, ctx: Context) -> str:
    """"7–8 July 2008", "7–8 juillet 2008", "7–8 de julio de 2008" (Babel)."""
    text = format_interval(first, last, skeleton="yMMMMd", locale=ctx.locale)
    if format_date(last, "MMMM", locale=ctx.locale) in text:
        return text
    # Some locales (en_GB) have no full-month interval pattern and abbreviate ("7–8 Jul 2008").
    last_long = format_date(last, "long", locale=ctx.locale)
    if (first.year, first.month) == (last.year, last.month) and last_long.startswith(str(last.day)):
        return f"{first.day}–{last_long}"
    return f"{format_date(first, 'long', locale=ctx.locale)} – {last_long}"


def home_page(front: Front, dates: tuple[datetime.date, datetime.date] | None,
              parts: list[tuple[str, list[tuple[str, str]]]], ctx: Context,
              path: str = HOME_PATH, url: str = "") -> Page:
    """`parts`: the book's parts in order, each (title, [(page title, page path), …]);
    `url`: the page's own address (in the citation)."""
    ctx = ctx.at(path)
    when = escape(workshop_dates(*dates, ctx)) if dates else "—"
    intro = ctx.md("home_intro", title=f"*{to_markdown(front.title)}*",
                   number=escape(str(front.number)), series=to_markdown(front.series),
                   publisher=to_markdown(front.publisher), year=escape(str(front.year)), dates=when)
    body = [intro, heading(2, to_markdown(ctx.word("home_parts")), "parts")]
    listing = []
    for part_title, pages in parts:
        links = [f"- [{escape(title)}]({ctx.link(target)})" for title, target in pages]
        if part_title:
            listing.append(f"**{escape(part_title)}**")
        listing.append("\n".join(links))
    # Not searched: the titles of the pages, each found by its own page.
    body.append(not_searched("\n\n".join(listing)))
    body.append(heading(2, to_markdown(ctx.word("home_where")), "where-to-go"))
    body.append(to_markdown(ctx.word("home_where_text")))
    body.append(to_markdown(ctx.word("home_languages")))
    body.append(cite_md(Reference.of(front, ctx.lang, url), ctx))
    return Page(path=path, title=plain_text(front.title), body="\n\n".join(body),
                description=ctx.word("site_description"), sources=(front.document.path,))


def cite_md(ref: Reference, ctx: Context) -> str:
    """"Cite this publication": the reference in the language's words, then the same as files
    for reference managers (raw links: the files are written after the pages are built)."""
    number = ctx.word("book_number").format(number=ref.number)
    text = ctx.md("cite_text", title=f"*{escape(ref.title)}*", series=escape(ref.series),
                  number=escape(number), publisher=escape(ref.publisher), year=escape(str(ref.year)),
                  url=escape(ref.url))  # text, not a link: it is to be copied (and offline, it would leave the archive)
    links = " · ".join(f'<a href="{CITE_DIR}/{file_name(ref.lang, ext)}" download>{LABELS[ext]}</a>'
                       for ext in FORMATS)
    return "\n\n".join([heading(2, to_markdown(ctx.word("cite_title")), "cite"),
                          f'<div class="citation" markdown="1">\n\n{text.strip()}\n\n</div>',
                          f"{escape(ctx.word('cite_files'))} {links}"])
