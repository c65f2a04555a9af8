"""What every renderer shares: the page type, the reader's context, blocks, footnotes, links."""

from __future__ import annotations

import dataclasses
import posixpath
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Mapping

from babel import Locale

from scripts.content.inline import escape, footnote_refs, plain_text, to_markdown
from scripts.content.models import Block, ListBlock, Paragraph, Quote, Section, paragraph_anchors
from scripts.render.glossary import Glossary
from scripts.translation.units import UnitKey, UnitState

_SAFE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DESCRIPTION_LENGTH = 160


@dataclass(frozen=True)
class Page:
    """One generated page, in one language. `body` is Markdown without the page title."""

    path: str  # relative to the language root, e.g. "report/introduction.md"
    title: str  # plain text: the page heading and its navigation title
    description: str  # plain text, in the reader's language
    body: str
    sources: tuple[str, ...]  # the content files it is generated from
    original: str | None = None  # language of the text shown, when it is not the reader's
    title_id: str | None = None  # anchor id of the page heading
    # In the language's search index: not the side-by-side views, whose text is in every
    # language (a search finds pages of the reader's language only).
    searched: bool = True


@dataclass(frozen=True)
class Context:
    """The reader's language and where the page being rendered lives."""

    lang: str
    locale: str
    ui: Mapping[str, str]
    path: str = "index.md"
    known_notes: frozenset[str] = field(default_factory=frozenset)  # the facts page's anchors: notes, subjects
    # Interface words this language lacks, taken from the reference language (`words_lang`):
    # `md` marks them with their own `lang`.
    borrowed: frozenset[str] = field(default_factory=frozenset)
    words_lang: str = ""
    # Translation units of this language: unit key -> outdated or missing, with the language
    # of their original text (scripts/translation/state.py, render/translation_marks.py).
    units: Mapping[UnitKey, tuple[UnitState, str]] = field(default_factory=dict)

    glossary: Glossary | None = None  # the glossary of this language
    # Passages where the editions differ in meaning (scripts.content.models.Divergence records), and the
    # language codes in the order of content/languages.yml, the reference language first.
    divergences: tuple = ()
    languages: tuple[str, ...] = ()

    def at(self, path: str) -> "Context":
        return dataclasses.replace(self, path=path)

    def word(self, key: str) -> str:
        """An interface string as plain text (raises KeyError naming the missing key)."""
        try:
            return self.ui[key]
        except KeyError:
            raise KeyError(f"content/{self.lang}/ui.yml has no key '{key}'") from None

    def md(self, key: str, **values: str) -> str:
        """An interface string as safe Markdown; `values` must already be Markdown. A word
        borrowed from the reference language carries that language's `lang`."""
        text = fill(self.word(key), values)
        if key in self.borrowed and self.words_lang:
            return f'<span {lang_attrs(self.words_lang, self.lang)}>{text}</span>'
        return text

    def link(self, target: str, anchor: str | None = None) -> str:
        return relative_link(self.path, target, anchor)

    def language_name(self, code: str) -> str:
        """The name of a language, in the reader's language (Babel)."""
        return locale(self.locale).languages.get(code, code)

    def country_name(self, code: str) -> str:
        """A country from its ISO 3166-1 code, in the reader's language (Babel)."""
        return locale(self.locale).territories.get(code.upper(), code)


@lru_cache(maxsize=None)  # Babel parses the locale on every call
def locale(code: str) -> Locale:
    return Locale.parse(code)


@lru_cache(maxsize=None)
def direction(code: str) -> str:
    """The direction a language's text runs: "rtl" (Arabic, Hebrew, Persian…) or "ltr" (Babel)."""
    try:
        return Locale.parse(code).text_direction
    except (ValueError, LookupError):
        return "ltr"


def lang_attrs(code: str, reader: str) -> str:
    """`lang` for text in language `code` on a page in `reader`, and `dir` where that text runs
    the other way (English inside an Arabic page, Arabic inside an English one)."""
    attrs = f'lang="{safe_id(code)}"'
    if direction(code) != direction(reader):
        attrs += f' dir="{direction(code)}"'
    return attrs


def fill(template: str, values: dict[str, str]) -> str:
    """Fill `{name}` placeholders: the template's own text goes through `to_markdown`,
    the values are inserted as given (callers pass Markdown they made safe)."""
    out = []
    for literal, name in _template_parts(template):
        out.append(literal)
        if name is not None:
            out.append(values[name])
    return "".join(out)


@lru_cache(maxsize=1 << 12)  # the same interface strings fill every page
def _template_parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """The template's literal runs (as Markdown) and placeholder names."""
    return tuple((to_markdown(literal) if literal else "", name)
                 for literal, name, _spec, _conv in string.Formatter().parse(template))


def safe_id(value: str) -> str:
    """An anchor id, refused unless it is short lowercase words joined by hyphens."""
    if not _SAFE_ID.match(value):
        raise ValueError(f"'{value}' cannot be used as an anchor id (expected lowercase-words)")
    return value


def attr(anchor: str) -> str:
    return "{ #" + safe_id(anchor) + " }"


@lru_cache(maxsize=1 << 14)  # posixpath.relpath asks the system for the working directory
def relative_link(from_path: str, to_path: str, anchor: str | None = None) -> str:
    """A link from one page to another (or the same) page, as a relative `.md` path."""
    if to_path == from_path:
        target = ""
    else:
        target = posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
    if anchor:
        target += "#" + safe_id(anchor)
    return target or "#"


def heading(level: int, text_md: str, anchor: str | None = None) -> str:
    suffix = f" {attr(anchor)}" if anchor else ""
    return f"{'#' * level} {text_md}{suffix}"


def indent(text: str, by: str = "    ") -> str:
    return "\n".join(by + line if line else "" for line in text.split("\n"))


def not_searched(markdown: str) -> str:
    """Blocks shown on the page but left out of its language's search index (Material's
    `data-search-exclude`): words that are not the publication's own text in the reader's
    language, or that repeat what the index holds elsewhere (scripts/publish/search_index.py says
    which and why)."""
    return f'<div data-search-exclude markdown="1">\n\n{markdown}\n\n</div>'


# --- blocks ----------------------------------------------------------------------------------


def _inline(marks) -> dict:
    return marks.inline() if marks is not None else {}


def paragraph_md(block: Paragraph, fn: str = "", marks=None) -> str:
    lead = f"**{to_markdown(block.lead, fn, **_inline(marks))}** " if block.lead else ""
    text = lead + to_markdown(block.text, fn, **_inline(marks))  # the lead is read first
    if block.number is not None:
        text = f"**{block.number}.** {text}"
    return text


def list_md(block: ListBlock, fn: str = "", marks=None) -> str:
    lines = []
    for n, item in enumerate(block.items, start=block.start):
        marker = f"{n}. " if block.ordered else "- "
        lines.append(marker + to_markdown(item.text, fn, **_inline(marks)))
        for nested in item.blocks:
            lines.append("")
            lines.append(indent(block_md(nested, fn=fn, marks=marks)))
    return "\n".join(lines)


NO_BREAK_SPACE = "\u00a0"


def self_link(anchor: str, title: str) -> str:
    """A visible link from a paragraph to itself, for citing (`title`: attribute-safe). Not
    searched: its "¶" would show in every result's text (`data-search-exclude`, Material's)."""
    return (f'<a class="paragraph-link" href="#{safe_id(anchor)}" title="{title}" aria-label="{title}"'
            ' data-search-exclude>¶</a>')


def block_md(block: Block, anchor: str | None = None, fn: str = "", marks=None) -> str:
    """One block as Markdown; with `anchor`, the block carries that id (and, with `marks`,
    a link to itself)."""
    link = self_link(anchor, marks.link_title) if anchor and marks is not None and marks.link_title else ""
    # The link ends the block's last line of text, joined to its last word by a no-break
    # space: it never stands alone at the right of a list nor wraps onto a line of its own.
    glue = f"{NO_BREAK_SPACE}{link}" if link else ""
    if isinstance(block, Paragraph):
        text = paragraph_md(block, fn, marks) + glue
        return f"{text}\n{attr(anchor)}" if anchor else text
    if isinstance(block, ListBlock):
        inner = list_md(block, fn, marks)
    elif isinstance(block, Quote):
        inner = "\n>\n".join("\n".join("> " + line if line else ">" for line in block_md(b, fn=fn, marks=marks).split("\n"))
                              for b in block.blocks)
    else:
        raise TypeError(f"unknown block {block!r}")
    if not anchor:
        return inner
    if link:
        return f'<div id="{safe_id(anchor)}" class="linked-block" markdown="1">\n\n{inner}{glue}\n\n</div>'
    return f'<div id="{safe_id(anchor)}" markdown="1">\n\n{inner}\n\n</div>'


def blocks_md(blocks: tuple[Block, ...], ids: list[str], fn: str = "", marks=None) -> str:
    """Blocks with their anchors; with `marks`, a block where the editions differ in meaning is
    followed by its note (`Marks.after`)."""
    out = []
    for block, anchor in zip(blocks, ids):
        out.append(block_md(block, anchor, fn, marks))
        after = marks.after(anchor) if marks is not None and anchor else ""
        if after:
            out.append(after)
    return "\n\n".join(out)


def document_block_ids(owner_id: str, blocks: tuple[Block, ...]) -> list[str]:
    """Anchors of blocks that stand before a document's first section: `<document id>-<n>`."""
    return paragraph_anchors(owner_id, blocks)


# How a section's own heading and blocks are framed: (section id, heading, blocks) -> Markdown.
# The default joins them; translation marks (render/translation_marks.py) add notices.
Frame = Callable[[str, str, str], str]


def plain_frame(section_id: str, heading_md: str, blocks: str) -> str:
    return "\n\n".join(p for p in (heading_md, blocks) if p)


def section_md(section: Section, base_level: int, fn: str = "", with_heading: bool = True,
               frame: Frame = plain_frame, marks=None) -> str:
    """A section and its descendants; `base_level` is the heading level of `section`.
    `marks` (scripts/render/marks.py): glossary and paragraph links, fresh for each section."""
    title = ""
    if with_heading and section.title:
        title = heading(base_level, to_markdown(section.title, fn), section.id)
    own = ""
    if section.blocks:
        own = blocks_md(section.blocks, paragraph_anchors(section.id, section.blocks), fn,
                        marks.section() if marks is not None else None)
    parts = [frame(section.id, title, own)]
    for child in section.sections:
        parts.append(section_md(child, base_level + 1, fn, frame=frame, marks=marks))
    return "\n\n".join(p for p in parts if p)


# --- footnotes and descriptions --------------------------------------------------------------


_FN_REF = re.compile(r"\[\^([A-Za-z0-9-]+)\]")


def footnotes_md(body: str, footnotes: Mapping[str, str], fn: str = "", marks=None) -> str:
    """Definitions of the footnotes `body` refers to, in order of first reference."""
    seen: list[str] = []
    pending = [m.group(1) for m in _FN_REF.finditer(body)]
    while pending:
        key = pending.pop(0)
        plain_key = key[len(fn):] if fn and key.startswith(fn) else key
        if key in seen or plain_key not in footnotes:
            continue
        seen.append(key)
        pending.extend(fn + k for k in footnote_refs(footnotes[plain_key]))
    out = []
    for key in seen:
        plain_key = key[len(fn):] if fn and key.startswith(fn) else key
        site_link = {"site_link": marks.site_link} if marks is not None else {}
        out.append(f"[^{key}]: {to_markdown(footnotes[plain_key], fn, **site_link)}")
    return "\n".join(out)


def with_footnotes(body: str, footnotes: Mapping[str, str], fn: str = "", marks=None) -> str:
    notes = footnotes_md(body, footnotes, fn, marks)
    return f"{body}\n\n{notes}" if notes else body


def describe(*texts: str) -> str:
    """A meta description: the first text, as plain words, cut at a word near 160 characters."""
    for text in texts:
        words = " ".join(plain_text(text).split())
        if words:
            if len(words) <= DESCRIPTION_LENGTH:
                return words
            cut = words[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.")
            return cut + "…"
    return ""


def first_text(blocks: tuple[Block, ...]) -> str:
    for block in blocks:
        if isinstance(block, Paragraph):
            return block.text
        if isinstance(block, ListBlock) and block.items:
            return block.items[0].text
        if isinstance(block, Quote):
            found = first_text(block.blocks)
            if found:
                return found
    return ""


def first_section_text(sections) -> str:
    for section in sections:
        for s in section.walk():
            found = first_text(s.blocks)
            if found:
                return found
    return ""


__all__ = ["Page", "Context", "escape", "to_markdown", "plain_text"]


def title_anchor(path: str) -> str:
    """The page heading's id where the page has none of its own: from its path, the same in
    every language ("people.md" -> "page-people"), never from the translated title."""
    stem = path.removesuffix(".md").removesuffix("index").strip("/") or "home"
    return "page-" + stem.replace("/", "-")
