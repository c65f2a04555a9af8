"""Prose documents: the foreword, the executive summary, report chapters, the background
paper and the Council note."""

from __future__ import annotations

from scripts.content.inline import plain_text, to_markdown
from scripts.content.models import Document, Front, Section
from scripts.render.common import (Context, Page, blocks_md, describe, document_block_ids, first_section_text,
                                   first_text, section_md, with_footnotes)
from scripts.render.marks import Marks
from scripts.render.translation_marks import file_stem, mark_unit, section_frame
from scripts.translation.units import UnitKey


def document_page(doc: Document, ctx: Context, path: str, title: str | None = None,
                  terms: bool = False) -> Page:
    """A whole document on one page: its subtitle, its opening blocks, then its sections.
    With `terms`, the first use of a defined term in each section links to its definition."""
    ctx = ctx.at(path)
    marks = Marks(ctx, ctx.glossary if terms else None)
    stem = file_stem(doc.path)
    subtitle = f"**{to_markdown(doc.subtitle)}**" if doc.subtitle else ""
    opening = (blocks_md(doc.blocks, document_block_ids(doc.id, doc.blocks), marks=marks.section())
               if doc.blocks else "")
    parts = [mark_unit(ctx, UnitKey.opening(stem), subtitle, opening)]
    parts.extend(section_md(section, 2, frame=section_frame(ctx, stem), marks=marks)
                 for section in doc.sections)
    body = with_footnotes("\n\n".join(p for p in parts if p), doc.footnotes, marks=marks)
    return Page(path=path, title=title or plain_text(doc.title), body=body,
                description=describe(first_text(doc.blocks), first_section_text(doc.sections)),
                sources=(doc.path,), title_id=None)


def foreword_page(front: Front, ctx: Context, path: str = "foreword.md") -> Page:
    page = document_page(front.document, ctx, path, title=ctx.word("nav_foreword"))
    return Page(path=page.path, title=page.title, body=page.body, sources=page.sources,
                description=ctx.word("foreword_description"))


def chapter_page(report: Document, chapter: Section, ctx: Context, path: str) -> Page:
    """One top-level section of the report: its title is the page heading."""
    ctx = ctx.at(path)
    marks = Marks(ctx, ctx.glossary)
    body = with_footnotes(section_md(chapter, 1, with_heading=False,
                                     frame=section_frame(ctx, file_stem(report.path)), marks=marks),
                          report.footnotes, marks=marks)
    return Page(path=path, title=plain_text(chapter.title or ""), body=body,  # `check` requires it
                description=describe(first_section_text((chapter,))),
                sources=(report.path,), title_id=chapter.id)


def chapter_path(chapter: Section) -> str:
    return f"report/{chapter.id}.md"
