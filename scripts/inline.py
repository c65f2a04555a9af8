"""The inline markup that text fields may hold, and its safe rendering.

Text in the YAML is untrusted. It may hold only emphasis (`*words*`), links
(`[label](url)`) and footnote references (`[^3]`); everything else is plain
text. Rendering escapes every character that Markdown or HTML would treat as
markup, so raw HTML, attribute lists and the like reach a page as visible text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Union

ALLOWED_SCHEMES = ("http", "https", "mailto")

_TOKEN = re.compile(
    r"\[\^(?P<fn>[A-Za-z0-9-]+)\]"  # footnote reference
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>[^()\s]*)\)"  # link
    r"|\*(?P<em>[^*\s](?:[^*]*[^*\s])?)\*"  # emphasis
)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Emphasis:
    text: str


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class FootnoteRef:
    key: str


Token = Union[Plain, Emphasis, Link, FootnoteRef]


class MarkupError(ValueError):
    """Text that uses the inline markup in a way that cannot be allowed."""


def link_problem(url: str) -> str | None:
    """Why a link target is refused, or None when it is allowed."""
    stripped = "".join(url.split()).lower()  # "java\nscript:" is still javascript:
    match = _SCHEME.match(stripped)
    if match and match.group(1) not in ALLOWED_SCHEMES:
        return (f"link '{url}' uses the scheme '{match.group(1)}:'; only "
                "http, https, mailto and links inside the site are allowed")
    if not url:
        return "a link has an empty target; write [label](https://…)"
    return None


def parse(text: str) -> list[Token]:
    """Split text into tokens. Raises MarkupError for a refused link."""
    tokens: list[Token] = []
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            tokens.append(Plain(text[position:match.start()]))
        if match.group("fn"):
            tokens.append(FootnoteRef(match.group("fn")))
        elif match.group("label") is not None:
            problem = link_problem(match.group("url"))
            if problem:
                raise MarkupError(problem)
            tokens.append(Link(match.group("label"), match.group("url")))
        else:
            tokens.append(Emphasis(match.group("em")))
        position = match.end()
    if position < len(text):
        tokens.append(Plain(text[position:]))
    return tokens


def footnote_refs(text: str) -> list[str]:
    """The footnote keys a text refers to, in order."""
    return [token.key for token in parse(text) if isinstance(token, FootnoteRef)]


def plain_text(text: str) -> str:
    """The text a reader sees, without markup and without footnote references."""
    parts = []
    for token in parse(text):
        if isinstance(token, (Plain, Emphasis)):
            parts.append(token.text)
        elif isinstance(token, Link):
            parts.append(token.label)
    return "".join(parts)


# Characters that Markdown, its extensions or HTML would read as markup anywhere in a line.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
             "|": "&#124;", "~": "&#126;", "^": "&#94;"}
_BACKSLASHED = set("\\`*_[]()")
_LINE_START = re.compile(r"^(\s*)([#+\-!]|\d+[.)])")


def escape(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text."""
    out = []
    for char in text:
        if char in _ENTITIES:
            out.append(_ENTITIES[char])
        elif char in _BACKSLASHED:
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    # A paragraph that starts like a heading or a list item must stay a paragraph.
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], escaped)


def is_site_path(url: str) -> bool:
    """A link to a page of the site (`definitions.md`), written relative to the language root."""
    return not _SCHEME.match(url) and not url.startswith(("#", "/"))


def to_markdown(text: str, footnote_prefix: str = "",
                plain: Callable[[str], str] = escape,
                site_link: Callable[[str], str] | None = None) -> str:
    """Render inline markup as safe Markdown. Footnote references become `[^<prefix><key>]`.

    `plain` renders runs of plain text (a renderer may mark terms in them, but must escape
    everything else); `site_link` turns a link to a site page into a link from the page
    being rendered."""
    parts = []
    for token in parse(text):
        if isinstance(token, Plain):
            parts.append(plain(token.text))
        elif isinstance(token, Emphasis):
            parts.append(f"*{escape(token.text)}*")
        elif isinstance(token, Link):
            url = site_link(token.url) if site_link and is_site_path(token.url) else token.url
            url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
            parts.append(f"[{escape(token.label)}](<{url}>)")
        else:
            parts.append(f"[^{footnote_prefix}{token.key}]")
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
                           "".join(parts))
