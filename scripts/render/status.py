"""The translation status page: per language and per file, units translated, missing and
outdated, the share done, and the YAML file to edit. Built from the same rows as
`python -m scripts status` (scripts/translation/status.py)."""

from __future__ import annotations

import html

from babel.numbers import format_percent

from scripts.catalogue import BY_STEM
from scripts.content.inline import escape, link_problem
from scripts.content.models import Language
from scripts.render.common import Context, Page, heading, lang_attrs
from scripts.render.translation_marks import STATUS_PATH, language_name
from scripts.translation.history import Change, shortened, spaced
from scripts.translation.status import FileStatus
from scripts.translation.units import UnitKey


def edit_link(path: str, edit_uri: str) -> str:
    """The file to edit: a link under `edit_uri` (the repository's edit address, e.g.
    https://github.com/<owner>/<repo>/edit/main/) when one is configured, else its path."""
    code = f"`{path}`"
    if not edit_uri or link_problem(edit_uri) or not edit_uri.startswith(("https://", "http://")):
        return code
    url = edit_uri.rstrip("/") + "/" + path
    return f"[{code}](<{url}>)"


def guide_link(edit_uri: str) -> str:
    """CONTRIBUTING.md, linked in the repository when one is configured (its edit address
    `…/edit/<branch>` gives the reading address `…/blob/<branch>`)."""
    code = "`CONTRIBUTING.md`"
    if not edit_uri or link_problem(edit_uri) or "/edit/" not in edit_uri:
        return code
    return f"[{code}](<{edit_uri.replace('/edit/', '/blob/', 1).rstrip('/')}/CONTRIBUTING.md>)"


def _count(n: int, ctx: Context) -> str:
    return escape(str(n))


def _share(row: FileStatus, ctx: Context) -> str:
    if row.not_in_edition:
        edition = escape(language_name(ctx, row.lang, "status_not_in_edition"))
        return ctx.md("status_not_in_edition", language=edition)
    if row.original or row.share is None:
        return ctx.md("status_original")
    return escape(format_percent(row.share, locale=ctx.locale))


def _word_html(ctx: Context, key: str) -> str:
    """An interface word inside raw HTML, marked with its language where it is borrowed."""
    word = html.escape(ctx.word(key))
    if key in ctx.borrowed and ctx.words_lang:
        return f"<span {lang_attrs(ctx.words_lang, ctx.lang)}>{word}</span>"
    return word


def _marked(segments: tuple[tuple[str, bool], ...], tag: str) -> str:
    out = []
    for text, changed in shortened(segments):
        if changed:
            before, words, after = (html.escape(part) for part in spaced(text))
            out.append(f"{before}<{tag}>{words}</{tag}>{after}")
        else:
            out.append(html.escape(text))
    return "".join(out)


def changes_html(changes: tuple[Change, ...], origin: str, ctx: Context) -> str:
    """The original's text when translated beside today's, removed and added words marked."""
    cell = lang_attrs(origin, ctx.lang)
    rows = "".join(f"<tr><td {cell}>{_marked(c.before, 'del')}</td>"
                   f"<td {cell}>{_marked(c.after, 'ins')}</td></tr>" for c in changes)
    return (f'<table class="status-changes"><thead><tr><th>{_word_html(ctx, "status_was")}</th>'
            f'<th>{_word_html(ctx, "status_now")}</th></tr></thead><tbody>{rows}</tbody></table>')


def language_md(language: Language, rows: list[FileStatus], ctx: Context,
                pages: dict[str, tuple[str, str]], edit_uri: str,
                changes: dict[UnitKey, tuple[Change, ...] | None] | None = None,
                origins: dict[UnitKey, str] | None = None) -> str:
    done = sum(r.translated for r in rows)
    total = sum(r.total for r in rows)
    name = language_name(ctx, language.code, "status_intro")
    name = escape(name[:1].upper() + name[1:])
    parts = [heading(2, name, f"status-{language.code}")]
    if total:
        share = escape(format_percent(done / total, locale=ctx.locale))
        parts.append(ctx.md("status_overall", done=escape(str(done)), total=escape(str(total)),
                            share=share))
    else:
        parts.append(ctx.md("status_reference"))
    header = [ctx.md(k) for k in ("status_document", "status_translated", "status_missing",
                                  "status_outdated", "status_share", "status_file")]
    lines = ["| " + " | ".join(header) + " |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for row in rows:
        title_key = BY_STEM[row.file].nav if row.file in BY_STEM else None
        title = ctx.md(title_key) if title_key else escape(row.file)
        if row.file in pages:
            title = f"[{title}]({ctx.link(pages[row.file][0])})"
        file = edit_link(row.path, edit_uri) if row.exists else ctx.md(
            "status_no_file", path=f"`{row.path}`", command=f"`python -m scripts translate {row.lang} {row.file}`")
        counts = ("–",) * 3 if row.not_in_edition else (
            _count(row.translated, ctx), _count(row.missing, ctx), _count(row.outdated, ctx))
        lines.append(f"| {title} | {' | '.join(counts)} | {_share(row, ctx)} | {file} |")
    parts.append("\n".join(lines))
    stale = [(row, key, line) for row in rows for key, line in row.stale]
    if stale:
        items = [ctx.md("status_stale_item", id=f"`{escape(key.id or key.file)}`", path=f"`{row.path}`",
                        line=escape(str(line))) for row, key, line in stale]
        parts.append(ctx.md("status_stale") + "\n\n" + "\n".join(f"- {i}" for i in items))
        for (row, key, _line), item in zip(stale, items):
            found = (changes or {}).get(key)
            origin = (origins or {}).get(key, ctx.words_lang or ctx.lang)
            parts.append(ctx.md("status_changed", unit=item))
            parts.append(changes_html(found, origin, ctx) if found else ctx.md("status_no_history"))
    return "\n\n".join(parts)


def status_page(rows: tuple[FileStatus, ...], languages: tuple[Language, ...], ctx: Context,
                pages: dict[str, tuple[str, str]], edit_uri: str = "",
                path: str = STATUS_PATH, changes: dict[str, dict] | None = None,
                origins: dict[str, dict[UnitKey, str]] | None = None) -> Page:
    """`pages` maps a file stem to (page path, title) in this language; the reader's own
    language comes first."""
    ctx = ctx.at(path)
    ordered = sorted(languages, key=lambda language: language.code != ctx.lang)
    parts = [ctx.md("status_intro")]
    for language in ordered:
        mine = [row for row in rows if row.lang == language.code]
        if mine:
            parts.append(language_md(language, mine, ctx, pages, edit_uri,
                                     (changes or {}).get(language.code),
                                     (origins or {}).get(language.code)))
    parts.append(ctx.md("status_how", guide=guide_link(edit_uri)))
    return Page(path=path, title=ctx.word("nav_status"), body="\n\n".join(parts),
                description=ctx.word("status_description"), sources=("content/",))
