"""Reading aids that join the pages of the site into one web: side-by-side views, links to
them, acronym expansions, and links between related documents.

Engine-neutral, like scripts/plan/site.py: it adds to the planned pages, after every page of
every language has been rendered.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from scripts.catalogue import BY_STEM, DOCUMENTS
from scripts.content.inline import escape, to_markdown
from scripts.content.models import Content, Document, Edition, Section
from scripts.render.common import Context, Page
from scripts.render.document import chapter_path
from scripts.render.glossary import Glossary, glossary_of, with_uses
from scripts.render.home import HOME_PATH
from scripts.render.parallel import (Column, chapter_column, definitions_column, document_column,
                                     parallel_page, parallel_path)
from scripts.render.reference import abbreviations_md
from scripts.render.translation_marks import in_words_of_reference

COUNCIL_NOTE_PATH = BY_STEM["council-note"].pages[0].path

ColumnOf = Callable[[Edition, Context], "Column | None"]


def glossary(edition: Edition) -> Glossary | None:
    """The edition's terms, with the sections (summary, report, background) that use each."""
    if edition.definitions is None:
        return None
    documents: list[tuple[Document, str, Callable[[Section], str | None]]] = []
    if edition.summary:
        documents.append((edition.summary, "summary.md", lambda s: None))
    if edition.report and edition.report.sections:
        chapter_of = {s.id: chapter_path(top) for top in edition.report.sections for s in top.walk()}
        first = chapter_path(edition.report.sections[0])
        documents.append((edition.report, first, lambda s: chapter_of.get(s.id)))
    if edition.background:
        documents.append((edition.background, "background.md", lambda s: None))
    return with_uses(glossary_of(edition.definitions), documents)


def parallel_sources(content: Content) -> dict[str, ColumnOf]:
    """The documents that have a side-by-side view (scripts/catalogue.py), in the order of the
    book: page path -> one language's column."""
    def document(field: str) -> ColumnOf:
        def column(e: Edition, ctx: Context) -> Column | None:
            doc = getattr(e, field)
            if doc is None:
                return None
            return document_column(doc.document if field == "front" else doc, e.lang, ctx)
        return column

    sources: dict[str, ColumnOf] = {}
    for kind in DOCUMENTS:
        if not kind.side_by_side:
            continue
        if kind.stem == "report":  # a view per chapter
            sources.update(_chapter_sources(content))
        elif kind.stem == "definitions":
            sources[kind.pages[0].path] = (lambda e, ctx: definitions_column(e.definitions, e.lang, ctx)
                                           if e.definitions else None)
        else:
            sources[kind.pages[0].path] = document(kind.edition_field)
    return sources


def _chapter_sources(content: Content) -> dict[str, ColumnOf]:
    chapter_ids: list[str] = []
    for edition in content.editions.values():
        if edition.report:
            chapter_ids.extend(s.id for s in edition.report.sections if s.id not in chapter_ids)
    sources: dict[str, ColumnOf] = {}
    for chapter_id in chapter_ids:
        def chapter(e: Edition, ctx: Context, chapter_id=chapter_id) -> Column | None:
            if e.report is None:
                return None
            found = next((s for s in e.report.sections if s.id == chapter_id), None)
            return chapter_column(e.report, found, e.lang, ctx) if found else None
        sources[f"report/{chapter_id}.md"] = chapter
    return sources


def add_parallel_pages(pages: dict[str, dict[str, Page]], content: Content,
                       ctxs: dict[str, Context]) -> None:
    """A side-by-side page for every document that two languages or more hold, in every
    language, and a link to it at the top of the document's page."""
    for path, column_of in parallel_sources(content).items():
        found = [column_of(content.editions[code], ctxs[code].at(parallel_path(path)))
                 for code in content.codes if code in content.editions]
        columns = [c for c in found if c is not None]
        if len(columns) < 2 or not all(path in pages[code] for code in content.codes):
            continue
        sources = tuple(f"content/{c.lang}/" for c in columns)
        for code in content.codes:
            ctx = ctxs[code]
            page = pages[code][path]
            # The reader's own file first: "edit this page" opens it (scripts/engine/hooks.py).
            view = parallel_page(page.title, path, columns, content.reference, ctx, page.sources + sources)
            # In a language whose interface words are not translated yet, the view is in the
            # reference language's words: a fallback, like the home page.
            pages[code][parallel_path(path)] = in_words_of_reference(
                view, ctx.at(parallel_path(path)), "parallel_intro")
            # Not searched (Material's data-search-exclude): every page would match its words.
            link = (f"[{to_markdown(ctx.word('parallel_link'))}]({ctx.at(path).link(parallel_path(path))})"
                    '{ .parallel-link data-search-exclude="" }')
            pages[code][path] = replace(page, body=f"{link}\n\n{page.body}")


def add_abbreviations(pages: dict[str, dict[str, Page]], content: Content) -> None:
    """Every page except the side-by-side ones explains the acronyms of the language its text
    is in (a fallback page: the original's)."""
    for code, by_path in pages.items():
        for path, page in by_path.items():
            if path.startswith("parallel/"):
                continue
            edition = content.editions.get(page.original or code)
            if edition and edition.acronyms:
                by_path[path] = replace(page, body=f"{page.body}\n\n{abbreviations_md(edition.acronyms)}")


def related_md(ctx: Context, path: str, target: str, about_key: str, title_key: str) -> str:
    ctx = ctx.at(path)
    label = to_markdown(ctx.word("related_documents"))
    link = f"[{escape(ctx.word(title_key))}]({ctx.link(target)})"
    return f'<p class="related" markdown="1">**{label}** {link}: {to_markdown(ctx.word(about_key))}</p>'


def add_related(pages: dict[str, dict[str, Page]], content: Content, ctxs: dict[str, Context]) -> None:
    """The home page and the report's first chapter (the introduction) point to the Council
    note, where the site has it."""
    reference = content.editions.get(content.reference)
    first_chapter = (chapter_path(reference.report.sections[0])
                     if reference and reference.report and reference.report.sections else None)
    for code, by_path in pages.items():
        if COUNCIL_NOTE_PATH not in by_path:
            continue
        for path in (HOME_PATH, first_chapter):
            if path and path in by_path:
                note = related_md(ctxs[code], path, COUNCIL_NOTE_PATH, "council_note_about",
                                  "nav_council_note")
                by_path[path] = replace(by_path[path], body=f"{by_path[path].body}\n\n{note}")


def add_reading_aids(pages: dict[str, dict[str, Page]], content: Content,
                     ctxs: dict[str, Context]) -> None:
    add_related(pages, content, ctxs)
    add_parallel_pages(pages, content, ctxs)
    add_abbreviations(pages, content)
