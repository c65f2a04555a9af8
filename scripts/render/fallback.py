"""A page whose text does not exist in the reader's language: a notice in the reader's
language, then the original, marked with its own `lang`."""

from __future__ import annotations

import re

from scripts.content.inline import escape
from scripts.render.common import Context, Page, attr, lang_attrs, safe_id
from scripts.render.translation_marks import language_name
from scripts.render.translation_marks import notice as translation_notice
from scripts.render.translation_marks import original_link, untranslated_notice

_FN_DEF = re.compile(r"^\[\^([A-Za-z0-9-]+)\]: (.*)$", re.MULTILINE)
_FN_REF = re.compile(r"\[\^([A-Za-z0-9-]+)\]")


def inline_footnotes(body: str) -> str:
    """Footnotes as numbered paragraphs inside the page, so that they stay inside the element
    that carries the original's `lang` (Markdown footnotes would be moved to the page's end).
    Only references the renderers emitted can match: content text has `[` and `^` escaped."""
    notes = [(key, text) for key, text in _FN_DEF.findall(body)]
    body = _FN_DEF.sub("", body).rstrip()
    seen: set[str] = set()

    def reference(match: re.Match) -> str:
        key = safe_id(match.group(1))
        anchor = "" if key in seen else f' id="fnref-{key}"'  # ids stay unique
        seen.add(key)
        return f"<sup{anchor}>[{key}](#fn-{key})</sup>"

    body = _FN_REF.sub(reference, body)
    defs = [f'<sup>[{key}](#fnref-{key})</sup> {_FN_REF.sub("", text)}\n{attr("fn-" + key)}' for key, text in notes]
    return "\n\n".join([body, "---", *defs]) if defs else body


def fallback_page(original: Page, original_lang: str, title: str, ctx: Context,
                  available: tuple[str, ...] = (), started: bool = False) -> Page:
    """Wrap `original` (rendered in `original_lang`) for a reader of `ctx.lang`.

    `title` is the page title in the reader's language; `available`, the languages that have
    the document (the notice says "only in <language>" when that is the only one); `started`,
    that the reader's language has the file, every part of it still to translate (the notice
    then says "not translated yet", not "does not exist"). Language names are in the language
    of the notice's words (the reference language's where the reader's has none yet)."""
    only = tuple(available or (original_lang,)) == (original_lang,)
    key = "fallback_text" if only else "fallback_text_partial"
    language = escape(language_name(ctx, original_lang, key))
    reader = escape(language_name(ctx, ctx.lang, key))
    if started:
        notice = untranslated_notice(ctx, original_lang)
    else:
        text = ctx.md(key, language=language, reader=reader)
        notice = translation_notice(ctx, "info", "fallback_title",
                                    f"{text} {original_link(ctx, original_lang, '#original')}")
    # Where the notice's link leads: a span, not a place the language selector would keep.
    shown_title = f'<span id="original"></span>**{escape(original.title)}**'
    # The original is left out of the search index of the reader's language (the notice stays).
    body = (f"{notice}\n\n<div {lang_attrs(original_lang, ctx.lang)} data-search-exclude markdown=\"1\">\n\n{shown_title}\n\n"
            f"{inline_footnotes(original.body)}\n\n</div>")
    description = ctx.word(key).format(language=language_name(ctx, original_lang, key),
                                       reader=language_name(ctx, ctx.lang, key))
    return Page(path=original.path, title=title, description=description, body=body,
                sources=original.sources, original=original_lang, title_id=original.title_id)
