"""The notes page: where the editions disagree, what each prints, what the site shows, and why."""

from __future__ import annotations

from scripts.inline import escape, to_markdown
from scripts.models import Language, Resolution
from scripts.render.common import Context, Page, heading, lang_attrs

NOTES_PATH = "notes.md"


def in_language(text_md: str, lang: str, ctx: Context) -> str:
    """Text in another language than the reader's is marked with its own `lang`."""
    return text_md if lang == ctx.lang else f'<span {lang_attrs(lang, ctx.lang)}>{text_md}</span>'


def localized(texts: dict[str, str], reference: str, ctx: Context) -> str:
    """The text in the reader's language, else the reference language's (or any), marked as such."""
    if ctx.lang in texts:
        return to_markdown(texts[ctx.lang])
    source = reference if reference in texts else next(iter(texts), None)
    return in_language(to_markdown(texts[source]), source, ctx) if source else ""


def kind_label(kind: str, ctx: Context) -> str:
    return ctx.ui.get(f"note_kind_{kind}", kind)


def resolution_md(res: Resolution, languages: tuple[Language, ...], reference: str,
                  ctx: Context) -> str:
    title = f"{escape(res.target)} — {escape(kind_label(res.kind, ctx))}"
    lines = []
    for language in languages:
        fact = res.editions.get(language.code)
        edition = escape(ctx.language_name(language.code))
        label = f"**{ctx.md('notes_edition', language=edition)}**"
        if fact is None:
            value = to_markdown(ctx.word("notes_missing"))
        else:
            value = in_language(to_markdown(fact.says), language.code, ctx)
            if fact.line is not None:
                value += f" ({ctx.md('notes_line', line=str(fact.line))})"
        lines.append("- " + ctx.md("labelled", label=label, value=value))
    shown = localized(res.shown, reference, ctx)
    if shown:
        lines.append("- " + ctx.md("labelled", label=f"**{to_markdown(ctx.word('notes_shown'))}**",
                                    value=shown))
    why = localized(res.why, reference, ctx)
    if why:
        lines.append("- " + ctx.md("labelled", label=f"**{to_markdown(ctx.word('notes_why'))}**",
                                    value=why))
    return heading(3, title, res.id) + "\n\n" + "\n".join(lines)


def notes_page(resolutions: tuple[Resolution, ...], languages: tuple[Language, ...],
               reference: str, subject_pages: dict[str, tuple[str, str]], ctx: Context,
               path: str = NOTES_PATH) -> Page:
    """`subject_pages` maps a resolution's subject to (page path, page title) in this language."""
    ctx = ctx.at(path)
    parts = [to_markdown(ctx.word("notes_intro"))]
    if not resolutions:
        parts.append(to_markdown(ctx.word("notes_none")))
    subjects: list[str] = []
    for res in resolutions:
        if res.subject not in subjects:
            subjects.append(res.subject)
    for subject in subjects:
        page = subject_pages.get(subject)
        title = f"[{escape(page[1])}]({ctx.link(page[0])})" if page else escape(subject)
        parts.append(heading(2, title, f"notes-{subject}"))
        parts.extend(resolution_md(r, languages, reference, ctx)
                     for r in resolutions if r.subject == subject)
    return Page(path=path, title=ctx.word("nav_notes"), body="\n\n".join(parts),
                description=ctx.word("notes_description"), sources=("content/resolutions.yml",))
