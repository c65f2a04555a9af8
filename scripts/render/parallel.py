"""Side-by-side reading: a document in every language on one page, aligned block by block.

Each row carries the language-neutral id of its heading or block (`many-forms-3`), so a link
to a paragraph works here as on the document's own page; each cell carries its `lang`. All
languages are in the page (it works offline, without requests); a small script
(overrides/assets/javascripts/reading.js) shows the two the reader chooses, and without
scripts every column shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from scripts.content.inline import escape, html_in_markdown, to_markdown
from scripts.content.models import Definitions, Document, Section, paragraph_anchors, paragraph_number
from scripts.render.common import Context, Page, block_md, direction, safe_id
from scripts.render.marks import Marks
from scripts.render.translation_marks import file_stem
from scripts.translation.units import UnitKey, UnitState

PARALLEL_DIR = "parallel/"
_FN_REF = re.compile(r"\[\^([a-z]+(?:-[a-z]+)*)-([A-Za-z0-9]+)\]")


def parallel_path(path: str) -> str:
    return PARALLEL_DIR + path


@dataclass(frozen=True)
class Column:
    """One language's text of the document: (anchor, heading?, Markdown, lang of the text) rows
    and footnotes. A row's text is in the column's language unless that part is not translated
    yet and shows the original (scripts/translation/state.py)."""

    lang: str
    rows: tuple[tuple[str, bool, str, str], ...]
    notes: tuple[tuple[str, str], ...] = ()  # (key, Markdown)
    notes_lang: str = ""  # the language of the footnotes' text, when not the column's


def _fn(lang: str) -> str:
    return f"{lang}-"


def _text_lang(ctx: Context, unit: UnitKey, lang: str) -> str:
    """The language a unit's text is in: the column's, or the original's while untranslated."""
    state = ctx.units.get(unit)
    return state[1] if state and state[0] == UnitState.MISSING else lang


def _block_rows(blocks, ids, lang: str, marks: Marks, text_lang: str):
    return [(anchor, False, block_md(block, fn=_fn(lang), marks=marks), text_lang)
            for block, anchor in zip(blocks, ids)]


def _section_rows(section: Section, lang: str, marks: Marks, stem: str, ctx: Context,
                  with_heading: bool = True):
    rows = []
    text_lang = _text_lang(ctx, UnitKey.section(stem, section.id), lang)
    if section.title and with_heading:
        rows.append((section.id, True, to_markdown(section.title, _fn(lang)), text_lang))
    rows.extend(_block_rows(section.blocks, paragraph_anchors(section.id, section.blocks), lang, marks, text_lang))
    for child in section.sections:
        rows.extend(_section_rows(child, lang, marks, stem, ctx))
    return rows


def _notes(rows, footnotes: Mapping[str, str], lang: str, marks: Marks) -> tuple[tuple[str, str], ...]:
    """The footnotes the rows refer to, in order of first reference."""
    keys: list[str] = []
    for _anchor, _heading, text, _lang in rows:
        keys.extend(k for lg, k in _FN_REF.findall(text) if lg == lang and k not in keys)
    return tuple((k, to_markdown(footnotes[k], site_link=marks.site_link))
                 for k in keys if k in footnotes)


def document_column(doc: Document, lang: str, ctx: Context) -> Column:
    marks = Marks(ctx, None, self_links=False)
    stem = file_stem(doc.path)
    rows = []
    if doc.blocks:
        rows.extend(_block_rows(doc.blocks, paragraph_anchors(doc.id, doc.blocks),
                                lang, marks, _text_lang(ctx, UnitKey.opening(stem), lang)))
    for section in doc.sections:
        rows.extend(_section_rows(section, lang, marks, stem, ctx))
    return Column(lang, tuple(rows), _notes(rows, doc.footnotes, lang, marks),
                  _text_lang(ctx, UnitKey.opening(stem), lang))


def chapter_column(report: Document, chapter: Section, lang: str, ctx: Context) -> Column:
    marks = Marks(ctx, None, self_links=False)
    stem = file_stem(report.path)
    rows = [(chapter.id, True, to_markdown(chapter.title or "", _fn(lang)),
             _text_lang(ctx, UnitKey.section(stem, chapter.id), lang))]
    rows.extend(_section_rows(chapter, lang, marks, stem, ctx, with_heading=False))
    return Column(lang, tuple(rows), _notes(rows, report.footnotes, lang, marks),
                  _text_lang(ctx, UnitKey.opening(stem), lang))


def definitions_column(defs: Definitions, lang: str, ctx: Context) -> Column:
    marks = Marks(ctx, None, self_links=False)
    rows = []
    for term in defs.terms:
        text_lang = _text_lang(ctx, UnitKey.term(term.id), lang)
        rows.append((term.id, True, escape(term.term), text_lang))
        rows.extend(_block_rows(term.definition, paragraph_anchors(term.id, term.definition),
                                lang, marks, text_lang))
    return Column(lang, tuple(rows), _notes(rows, defs.footnotes, lang, marks),
                  _text_lang(ctx, UnitKey.opening("definitions"), lang))


# --- the page ---------------------------------------------------------------------------------


def _references(text: str, lang: str) -> str:
    """Footnote references as links to the notes of the same column (numbered as published)."""
    def ref(match: re.Match) -> str:
        if match.group(1) != lang:
            return match.group(0)
        key = safe_id(match.group(2).lower())
        return f'<sup class="parallel-fnref">[{escape(match.group(2))}](#fn-{lang}-{key})</sup>'
    return _FN_REF.sub(ref, text)


def _divergent(anchor: str, paragraph: str) -> bool:
    """A row belongs to a passage: the paragraph itself, or a defined term's heading and blocks."""
    return anchor == paragraph or paragraph_number(anchor, paragraph) is not None


def highlight(text: str, quotes: list[str]) -> str:
    """Each quotation of a passage where the editions differ, marked where it stands in the cell
    (its escaped Markdown form; a quotation the text no longer holds verbatim is left unmarked)."""
    for quote in quotes:
        for form in (escape(quote), quote):
            at = text.find(form)
            if at >= 0:
                text = f'{text[:at]}<mark class="divergence">{form}</mark>{text[at + len(form):]}'
                break
    return text


def _cell(lang: str, text: str, heading: bool, text_lang: str) -> str:
    """One language's cell (`data-lang`: its column), marked with the language of its text."""
    body = f"**{text}**" if heading and text else (text or "—")
    return (f'<div class="parallel-cell" lang="{text_lang}" dir="{direction(text_lang)}" '
            f'data-lang="{lang}" markdown="1">\n\n'
            f"{_references(body, lang)}\n\n</div>")


def choice_md(languages: list[str], left: str, right: str, ctx: Context) -> str:
    """The two selects that choose the columns (hidden until the script shows them)."""
    def select(name: str, label_key: str, chosen: str) -> str:
        options = "".join(
            f'<option value="{code}"{" selected" if code == chosen else ""}>'
            f"{html_in_markdown(ctx.language_name(code))}</option>" for code in languages)
        label = html_in_markdown(ctx.word(label_key))
        return (f'<label>{label} <select name="{name}" data-parallel-column="{name}">'
                f"{options}</select></label>")
    return (f'<form class="parallel-choice" hidden data-left="{left}" data-right="{right}">'
            f'{select("left", "parallel_left", left)} {select("right", "parallel_right", right)}</form>')


def parallel_page(title: str, source_path: str, columns: list[Column], reference: str,
                  ctx: Context, sources: tuple[str, ...] = ()) -> Page:
    """`columns`: every language that has the document, in the order of content/languages.yml."""
    path = parallel_path(source_path)
    ctx = ctx.at(path)
    langs = [c.lang for c in columns]
    left = ctx.lang if ctx.lang in langs else langs[0]
    right = next((lg for lg in ([reference] + langs) if lg != left), left)
    order: list[str] = []
    cells: dict[str, dict[str, tuple[bool, str, str]]] = {}
    for column in sorted(columns, key=lambda c: c.lang != reference):  # reference order first
        for anchor, is_heading, text, text_lang in column.rows:
            if anchor not in cells:
                order.append(anchor)
                cells[anchor] = {}
            cells[anchor][column.lang] = (is_heading, text, text_lang)
    intro = ctx.md("parallel_intro", page=f"[{escape(title)}]({ctx.link(source_path)})")
    parts = [intro, choice_md(langs, left, right, ctx),
             f'<div class="parallel" data-columns="{len(langs)}" markdown="1">']
    for anchor in order:
        row = cells[anchor]
        is_heading = any(h for h, _t, _l in row.values())
        kind = " parallel-row--heading" if is_heading else ""
        records = [d for d in ctx.divergences if _divergent(anchor, d.paragraph)]
        if records and not is_heading:
            kind += " parallel-row--divergent"
            row = {lg: (h, highlight(t, [d.editions[lg].says for d in records if lg in d.editions]), tl)
                   for lg, (h, t, tl) in row.items()}
        inner = "\n\n".join(_cell(lg, row.get(lg, (is_heading, "", lg))[1], is_heading,
                                  row.get(lg, (is_heading, "", lg))[2]) for lg in langs)
        parts.append(f'<div class="parallel-row{kind}" id="{safe_id(anchor)}" markdown="1">\n\n{inner}\n\n</div>')
    if any(c.notes for c in columns):
        notes = []
        for column in columns:
            items = [f'<span id="fn-{column.lang}-{safe_id(k.lower())}">'
                     f"<sup>{escape(k)}</sup></span> {text}" for k, text in column.notes]
            notes.append(f'<div class="parallel-cell" lang="{column.notes_lang or column.lang}" '
                         f'dir="{direction(column.notes_lang or column.lang)}" '
                         f'data-lang="{column.lang}" markdown="1">\n\n'
                         + "\n\n".join(items) + "\n\n</div>")
        parts.append('<div class="parallel-row parallel-row--notes" markdown="1">\n\n'
                     + "\n\n".join(notes) + "\n\n</div>")
    parts.append("</div>")
    return Page(path=path, title=ctx.word("parallel_title").format(title=title),
                description=ctx.word("parallel_description").format(title=title),
                body="\n\n".join(parts), sources=sources, searched=False)
