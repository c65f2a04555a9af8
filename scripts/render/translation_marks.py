"""What the reader sees of the state of a translation, unit by unit (scripts/translation/state.py):
a notice on a unit whose original text changed since it was translated (`UnitState.OUTDATED`),
and, where a unit is not translated yet (`UnitState.MISSING`), a notice and its text inside an
element that carries the language of that text. The states come in through `Context.units`,
keyed by `UnitKey` (scripts/translation/units.py); these functions stay pure."""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from babel import Locale

from scripts.content.inline import escape, quoted_title
from scripts.content.models import Acronyms, Agenda, Definitions, Document, Front, Section, Series
from scripts.render.common import Context, Frame, Page, indent, lang_attrs, safe_id
from scripts.translation.units import UnitKey, UnitState

STATUS_PATH = "status.md"


def _join(*parts: str) -> str:
    return "\n\n".join(p for p in parts if p)


def in_language(lang: str, markdown: str, reader: str = "") -> str:
    """Markdown inside a block that carries its own `lang` (and `dir` where it runs the other
    way from the reader's language)."""
    return f'<div {lang_attrs(lang, reader or lang)} markdown="1">\n\n{markdown}\n\n</div>'


def notice(ctx: Context, kind: str, title_key: str, text_md: str) -> str:
    """An admonition. Where its title is a word borrowed from another language, it is written
    as HTML, so that the title can carry its own `lang` (`Context.md` marks borrowed words)."""
    if title_key not in ctx.borrowed:
        title = quoted_title(ctx.word(title_key))
        return f'!!! {kind} "{title}"\n\n{indent(text_md)}'
    return (f'<div class="admonition {kind}" markdown="1">\n'
            f'<p class="admonition-title">{ctx.md(title_key)}</p>\n\n{text_md}\n\n</div>')


def _status_link(ctx: Context) -> str:
    return f"[{ctx.md('translation_status_link')}]({ctx.link(STATUS_PATH)})"


def original_link(ctx: Context, origin: str, fallback_href: str = "#") -> str:
    """A link to the same page in the language of the original text. Its address is only known
    to the build (online and offline pages differ): scripts/engine/hooks.py sets it from the language
    selector's links; `fallback_href` is a place on this page, kept if it cannot."""
    name = escape(language_name(ctx, origin, "original_link"))
    return (f'<a href="{fallback_href}" data-original-lang="{safe_id(origin)}" data-in-page="{fallback_href}">'
            f"{ctx.md('original_link', language=name)}</a>")


def language_name(ctx: Context, code: str, key: str) -> str:
    """A language's name for the interface word `key`: in the reader's language, or in the
    reference language where that word is borrowed from it."""
    if key in ctx.borrowed and ctx.words_lang:
        return Locale.parse(ctx.words_lang).languages.get(code, code)
    return ctx.language_name(code)


def outdated_notice(ctx: Context, origin: str) -> str:
    language = escape(language_name(ctx, origin, "outdated_text"))
    text = f"{ctx.md('outdated_text', language=language)} {original_link(ctx, origin)}"
    return notice(ctx, "warning", "outdated_title", text)


def untranslated_notice(ctx: Context, origin: str) -> str:
    text = ctx.md("untranslated_text", language=escape(language_name(ctx, origin, "untranslated_text")),
                  reader=escape(language_name(ctx, ctx.lang, "untranslated_text")))
    return notice(ctx, "info", "untranslated_title", f"{text} {original_link(ctx, origin)}")


def mark_unit(ctx: Context, key: UnitKey, heading_md: str, body: str) -> str:
    """A unit's heading and body, with the notice its translation state calls for."""
    state = ctx.units.get(key)
    if state is None:
        return _join(heading_md, body)
    kind, origin = state
    if kind == UnitState.OUTDATED:
        return _join(heading_md, outdated_notice(ctx, origin), body)
    return _join(untranslated_notice(ctx, origin), in_language(origin, _join(heading_md, body), ctx.lang))


def page_notice(ctx: Context, keys: list[UnitKey]) -> str:
    """One notice for units that cannot carry their own (a whole file's opening, list items)."""
    states = [ctx.units[k] for k in keys if k in ctx.units]
    outdated = [origin for kind, origin in states if kind == UnitState.OUTDATED]
    if outdated:
        return outdated_notice(ctx, outdated[0])
    missing = [origin for kind, origin in states if kind == UnitState.MISSING]
    return untranslated_notice(ctx, missing[0]) if missing else ""


def file_stem(path: str) -> str:
    """The unit prefix of a content file: content/fr/report.yml -> report."""
    return PurePosixPath(path).stem


def section_frame(ctx: Context, stem: str) -> Frame:
    def frame(section_id: str, heading_md: str, blocks: str) -> str:
        return mark_unit(ctx, UnitKey.section(stem, section_id), heading_md, blocks)
    return frame


def _sections(sections: tuple[Section, ...]) -> list[str]:
    return [s.id for top in sections for s in top.walk()]


def page_units(model: object) -> list[UnitKey]:
    """The translation units a page is rendered from (the model a PageSpec gives)."""
    if isinstance(model, Front):
        return [UnitKey.opening("front")] + [UnitKey.section("front", i) for i in _sections(model.document.sections)]
    if isinstance(model, Document):
        stem = file_stem(model.path)
        return [UnitKey.opening(stem)] + [UnitKey.section(stem, i) for i in _sections(model.sections)]
    if isinstance(model, tuple) and len(model) == 2 and isinstance(model[1], Section):
        return [UnitKey.section("report", i) for i in _sections((model[1],))]
    if isinstance(model, Agenda):
        ids = [d.id for d in model.days] + [s.id for _, s in model.slots()] + [p.id for p in model.people]
        return [UnitKey.opening("agenda")] + [UnitKey.agenda_item(i) for i in ids]
    if isinstance(model, Definitions):
        return [UnitKey.opening("definitions")] + [UnitKey.term(t.id) for t in model.terms]
    if isinstance(model, Acronyms):
        return [UnitKey.opening("acronyms")] + [UnitKey.acronym(a.id) for a in model.acronyms]
    if isinstance(model, Series):
        return [UnitKey.opening("series")] + [UnitKey.series_item(item.number) for item in model.items]
    return []


def untranslated(ctx: Context, keys: list[UnitKey]) -> bool:
    """True when every unit of a page still holds the original's text: the page is then
    shown as a fallback page, in the original's language."""
    return bool(keys) and all(ctx.units.get(k, ("", ""))[0] == UnitState.MISSING for k in keys)


def in_words_of_reference(page: Page, ctx: Context, key: str) -> Page:
    """A page made of interface words (home, notes, status), when the reader's language has
    not translated them yet (`key` is borrowed): a notice, then the page in the reference
    language's words, marked with its `lang` and counted as a fallback page, so that no
    hreflang alternate calls it a page in the reader's language."""
    if key not in ctx.borrowed or not ctx.words_lang:
        return page
    body = _join(untranslated_notice(ctx, ctx.words_lang), in_language(ctx.words_lang, page.body, ctx.lang))
    return dataclasses.replace(page, body=body, original=ctx.words_lang)
