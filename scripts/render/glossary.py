"""The glossary: where report, summary and background text uses a defined term.

A term is recognised by the word forms its language's definitions.yml declares (`variants`),
whole words, case-insensitive. The first use in each section links to the term on the
definitions page, with a plain-text preview of the definition as its tooltip. The same
matching builds the index the definitions page shows: which sections use each term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator

from scripts.content.inline import Plain, escape, html_in_markdown, plain_text, tokens
from scripts.content.models import Block, Definitions, Document, ListBlock, Paragraph, Quote, Section

SectionPaths = Callable[[Section], "str | None"]  # the page a section is on, if not the document's

DEFINITIONS_PATH = "definitions.md"
PREVIEW_LENGTH = 220
# Text between quotation marks, as the three editions print them: “…”, «…», "…", „…“.
_QUOTED = re.compile(r'“[^”“]*”|«[^»«]*»|"[^"]*"|„[^“„]*“')


@dataclass(frozen=True)
class Use:
    """A section that uses a term: the page it is on, its anchor, its title (plain text)."""

    path: str
    anchor: str
    title: str


@dataclass(frozen=True)
class Glossary:
    """One language's defined terms, ready for matching."""

    previews: dict[str, str]  # term id -> the start of its definition, plain text
    forms: dict[str, str]  # lowercased word form -> term id
    path: str = DEFINITIONS_PATH
    uses: dict[str, tuple[Use, ...]] = field(default_factory=dict)

    @cached_property
    def pattern(self) -> re.Pattern | None:
        if not self.forms:
            return None
        # Longest forms first, so "virtual returns" wins over "virtual return".
        # Any run of spaces (a no-break space too) between the words of a form.
        alternatives = "|".join(r"\s+".join(re.escape(w) for w in f.split())
                                for f in sorted(self.forms, key=len, reverse=True))
        return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, term id) of every use of a term in plain text, except inside quotation
        marks: a quoted title or someone's words are not this book's use of the term."""
        if self.pattern is None:
            return
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        for match in self.pattern.finditer(text):
            if any(start < match.start() and match.end() < end for start, end in quoted):
                continue
            yield match.start(), match.end(), self.forms[" ".join(match.group(0).split()).lower()]


def preview(text: str) -> str:
    words = " ".join(plain_text(text).split())
    if len(words) <= PREVIEW_LENGTH:
        return words
    return words[:PREVIEW_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def first_words(blocks: tuple[Block, ...]) -> str:
    for block in blocks:
        for text in block_texts(block):
            return text
    return ""


def glossary_of(defs: Definitions) -> Glossary:
    forms: dict[str, str] = {}
    for term in defs.terms:
        for form in (*term.variants, term.term):
            forms.setdefault(" ".join(form.split()).lower(), term.id)
    return Glossary(previews={t.id: preview(first_words(t.definition)) for t in defs.terms},
                    forms=forms)


# --- which text a section holds, and which terms it uses --------------------------------------


def block_texts(block: Block) -> Iterator[str]:
    """The texts of a block in reading order (a lead-in before its paragraph)."""
    if isinstance(block, Paragraph):
        if block.lead:
            yield block.lead
        yield block.text
    elif isinstance(block, ListBlock):
        for item in block.items:
            yield item.text
            for nested in item.blocks:
                yield from block_texts(nested)
    elif isinstance(block, Quote):
        for inner in block.blocks:
            yield from block_texts(inner)


def terms_in(blocks: tuple[Block, ...], glossary: Glossary) -> list[str]:
    """Ids of the terms the blocks use, in order of first use; only plain text counts
    (a link's label or an emphasis is not linked either)."""
    found: list[str] = []
    for block in blocks:
        for text in block_texts(block):
            for token in tokens(text):
                if isinstance(token, Plain):
                    found.extend(t for _s, _e, t in glossary.find(token.text) if t not in found)
    return found


def with_uses(glossary: Glossary, documents: list[tuple[Document, str, SectionPaths]]) -> Glossary:
    """The glossary with its index: for each term, every section (in the order of the book)
    that links to it. `documents`: (document, its page path, where each section lives)."""
    uses: dict[str, list[Use]] = {}
    for doc, path, section_path in documents:
        if doc.blocks:
            for term in terms_in(doc.blocks, glossary):
                uses.setdefault(term, []).append(Use(path, f"{doc.id}-1", plain_text(doc.title)))
        for section in doc.walk():
            for term in terms_in(section.blocks, glossary):
                uses.setdefault(term, []).append(
                    Use(section_path(section) or path, section.id, plain_text(section.title or doc.title)))
    return Glossary(glossary.previews, glossary.forms, glossary.path,
                    {k: tuple(v) for k, v in uses.items()})


class TermLinker:
    """Renders a section's plain text, linking the first use of each term in that section."""

    def __init__(self, glossary: Glossary, link) -> None:
        self.glossary = glossary
        self.link = link  # (page path, anchor) -> relative link from the page being rendered
        self.seen: set[str] = set()

    def __call__(self, text: str) -> str:
        out, position = [], 0
        for start, end, term in self.glossary.find(text):
            if term in self.seen:
                continue
            self.seen.add(term)
            out.append(escape(text[position:start]))
            title = html_in_markdown(self.glossary.previews.get(term, ""))
            target = self.link(self.glossary.path, term)
            out.append(f'[{escape(text[start:end])}]({target} "{title}"){{ .glossary-term }}')
            position = end
        out.append(escape(text[position:]))
        return "".join(out)
