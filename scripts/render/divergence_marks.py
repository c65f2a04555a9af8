"""The reader's side of content/divergences.yml: quotations of the editions, and the discreet
marker at a passage where the editions differ in meaning, which opens, in the reader's language,
what the other editions say there and why it matters. The records come in through
`Context.divergences`; these functions stay pure."""

from __future__ import annotations

from collections.abc import Mapping

from scripts.content.inline import escape, quoted_title, to_markdown
from scripts.content.models import Divergence, Quotation
from scripts.render.common import Context, indent, lang_attrs, not_searched

# The two pages of notes on the editions (scripts/render/notes.py): the passages where they
# differ in meaning (content/divergences.yml), and the facts on which they disagree
# (content/resolutions.yml). Every link to a note goes through these.
NOTES_PATH = "notes.md"
FACTS_PATH = "facts.md"


def notes_group(document: str) -> str:
    """The anchor of a document's heading on the notes page (its notes follow it)."""
    return f"notes-{document}"


def facts_group(subject: str) -> str:
    """The anchor of a subject's heading on the facts page (its notes follow it)."""
    return f"facts-{subject}"


def in_language(text_md: str, lang: str, ctx: Context) -> str:
    """Words in another language than the reader's carry their own `lang`."""
    return text_md if lang == ctx.lang else f'<span {lang_attrs(lang, ctx.lang)}>{text_md}</span>'


def quoted(text: str, lang: str, ctx: Context) -> str:
    """A quotation from the edition in `lang`, between the reader's quotation marks."""
    return ctx.md("quoted", text=in_language(escape(text), lang, ctx))


def localized(texts: Mapping[str, str], reference: str, ctx: Context) -> str:
    """The text in the reader's language, else the reference language's, marked with its `lang`."""
    if ctx.lang in texts:
        return to_markdown(texts[ctx.lang], site_link=lambda url: _site_link(url, ctx))
    source = reference if reference in texts else next(iter(texts), None)
    if source is None:
        return ""
    return in_language(to_markdown(texts[source], site_link=lambda url: _site_link(url, ctx)),
                       source, ctx)


def _site_link(url: str, ctx: Context) -> str:
    target, _, anchor = url.partition("#")
    return ctx.link(target or ctx.path, anchor or None)


def edition_line(lang: str, says: str | None, page: int | None, ctx: Context) -> str:
    """"**French edition**, p. 104: « … »", or "(not printed)" where it prints nothing."""
    label = f"**{ctx.md('notes_edition', language=escape(ctx.language_name(lang)))}**"
    if page is not None:
        label += ", " + ctx.md("notes_page", page=str(page))
    value = quoted(says, lang, ctx) if says is not None else to_markdown(ctx.word("notes_missing"))
    return ctx.md("labelled", label=label, value=value)


def quotations_md(editions: dict[str, Quotation], order: tuple[str, ...], ctx: Context,
                  skip: str | None = None) -> str:
    return "\n".join("- " + edition_line(lang, editions[lang].says, editions[lang].page, ctx)
                     for lang in order if lang in editions and lang != skip)


def divergence_marker(anchor: str, ctx: Context) -> str:
    """A closed note after the passage `anchor`, where the editions differ in meaning: the other
    editions' words and the explanation, in the reader's language. Empty where none differ.
    Not searched: the other editions' words are not in the reader's language, and the passage
    it follows is what a search finds."""
    records: list[Divergence] = [d for d in ctx.divergences if d.paragraph == anchor]
    if not records:
        return ""
    order = ctx.languages or tuple(records[0].editions)
    parts = []
    for d in records:
        parts.append(quotations_md(d.editions, order, ctx, skip=ctx.lang))
        parts.append(localized(d.explanation, order[0], ctx))
    parts.append(f"[{to_markdown(ctx.word('divergence_all'))}]({ctx.link(NOTES_PATH, records[0].id)})")
    title = quoted_title(ctx.word("divergence_marker"))
    return not_searched(f'??? note divergence "{title}"\n\n' + indent("\n\n".join(p for p in parts if p)))
