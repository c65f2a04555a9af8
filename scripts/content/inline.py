"""The inline Markdown that text fields of the kind `InlineMarkdown` may hold, and its rendering.

Text in the YAML is untrusted. Inline Markdown (scripts/content/text.py) is read by a small grammar
with four constructs and nothing else:

- emphasis: `*words*`
- links: `[label](target)`, where the target is `http:`, `https:`, `mailto:` or a page of
  the site (`definitions.md`, `report/introduction.md#anchor`, `#anchor`);
- footnote references: `[^3]`;
- web addresses written out (`https://www.iom.int`), which become links.

Everything else, raw HTML, images, reference or footnote or abbreviation definitions,
attribute lists, template syntax, is plain text: rendering escapes every character that
Markdown or HTML would read as markup, so it reaches the page as visible text. A link's target
is judged after decoding it the way a browser or Markdown would (HTML entities, percent
escapes, whitespace and control characters, letter case), so `javascript&colon;…` or
`JaVa%0AScript:…` is refused, and the target written to the page is the decoded one.

`PlainText` (and any other string) is never parsed: `to_markdown` escapes it whole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Union
from urllib.parse import unquote

from scripts.content.text import InlineMarkdown, PlainText

ALLOWED_SCHEMES = ("http", "https", "mailto")

_TOKEN = re.compile(
    r"\[\^(?P<fn>[A-Za-z0-9-]+)\]"  # footnote reference
    r"|\[(?P<label>[^\[\]]+)\]\((?P<url>[^()\s]*)\)"  # link
    r"|\*(?P<em>[^*\s](?:[^*]*[^*\s])?)\*"  # emphasis
    r"|(?P<auto>(?<![\w/.@-])[Hh][Tt][Tt][Pp][Ss]?://[^\s<>\"'`\[\]()*{}|\\^]+)"  # web address
)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")
_TRAILING = ".,;:!?"  # punctuation after an address ends the sentence, not the address
_ANCHOR = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PAGE = re.compile(r"^(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*[a-z0-9]+(?:-[a-z0-9]+)*\.md$")


@dataclass(frozen=True)
class Plain:
    text: str


@dataclass(frozen=True)
class Emphasis:
    text: str


@dataclass(frozen=True)
class Link:
    label: str
    url: str  # decoded: what the browser will see


@dataclass(frozen=True)
class FootnoteRef:
    key: str


Token = Union[Plain, Emphasis, Link, FootnoteRef]


class MarkupError(ValueError):
    """Text that uses the inline markup in a way that cannot be allowed."""


def decoded(url: str) -> str:
    """A link target as a browser would read it: HTML entities decoded (the Markdown
    serializer keeps them, and the browser decodes them in the attribute)."""
    return html.unescape(url)


def judged(url: str) -> str:
    """The form in which a target's scheme is judged: entities and percent escapes decoded
    (repeatedly), whitespace and invisible characters removed, lower case."""
    value = url
    for _ in range(4):  # "&amp;colon;" and "%253A" decode in more than one step
        step = unquote(html.unescape(value))
        if step == value:
            break
        value = step
    return _INVISIBLE.sub("", value).lower()


def split_site_link(url: str) -> tuple[str, str | None]:
    """A link inside the site: (page, anchor); page "" for an anchor on the same page."""
    page, _, anchor = url.partition("#")
    return page, (anchor if "#" in url else None)


def link_problem(url: str) -> str | None:
    """Why a link target is refused, or None when it is allowed."""
    if not url:
        return "a link has an empty target; write [label](https://…)"
    value = judged(url)
    match = _SCHEME.match(value)
    if match:
        if match.group(1) in ALLOWED_SCHEMES:
            return None
        return (f"link '{url}' uses the scheme '{match.group(1)}:'; only http, https, mailto "
                "and links to pages of the site (such as definitions.md) are allowed")
    if ":" in value.split("/")[0].split("#")[0]:
        return (f"link '{url}' has a ':' before any '/'; write an address starting with "
                "https:// or the file name of a page of the site, such as definitions.md")
    if value.startswith(("/", "\\")):
        return (f"link '{url}' starts with '/'; write an address starting with https:// or the "
                "file name of a page of the site, relative to the language, such as definitions.md")
    page, anchor = split_site_link(decoded(url))
    if page and not _PAGE.match(page):
        return (f"link '{url}' is neither an address (https://…) nor a page of the site; "
                "write a page's file name such as definitions.md or report/introduction.md")
    if anchor is not None and not _ANCHOR.match(anchor):
        return (f"the anchor '#{anchor}' in link '{url}' is not an id (lowercase letters, digits "
                "and single hyphens, such as #returnees-as-agents)")
    return None


def parse(text: str, strict: bool = True) -> list[Token]:
    """Split inline Markdown into tokens. A refused link raises MarkupError (`check`), or,
    not `strict`, stays plain text (rendering never fails: `mkdocs serve` goes on with
    content errors, and the footnote references around it still count)."""
    return list(_parse(str(text), strict))


@lru_cache(maxsize=1 << 16)  # the same texts are parsed by every renderer, and by every rebuild of a preview
def _parse(text: str, strict: bool) -> tuple[Token, ...]:
    if "[" not in text and "*" not in text and "://" not in text:  # none of the four constructs
        return (Plain(text),) if text else ()
    tokens: list[Token] = []
    position = 0
    for match in _TOKEN.finditer(text):
        start, end = match.start(), match.end()
        if match.group("auto"):
            address = match.group("auto").rstrip(_TRAILING)
            end = start + len(address)
            if end <= position:
                continue
        if start > position:
            tokens.append(Plain(text[position:start]))
        if match.group("fn"):
            tokens.append(FootnoteRef(match.group("fn")))
        elif match.group("label") is not None:
            problem = link_problem(match.group("url"))
            if problem and strict:
                raise MarkupError(problem)
            if problem:
                tokens.append(Plain(match.group()))
            else:
                tokens.append(Link(match.group("label"), decoded(match.group("url"))))
        elif match.group("auto"):
            tokens.append(Link(address, address))  # shown as written, and its scheme is http(s)
        else:
            tokens.append(Emphasis(match.group("em")))
        position = end
    if position < len(text):
        tokens.append(Plain(text[position:]))
    return tuple(tokens)


def tokens(text: str) -> list[Token]:
    """Inline Markdown is parsed; any other text is one plain run."""
    return parse(text, strict=False) if isinstance(text, InlineMarkdown) else [Plain(text)]


def footnote_refs(text: str) -> list[str]:
    """The footnote keys a text refers to, in order (none in plain text)."""
    return [token.key for token in tokens(text) if isinstance(token, FootnoteRef)]


def links(text: str) -> list[str]:
    """The (decoded) targets of the links a text holds."""
    return [token.url for token in tokens(text) if isinstance(token, Link)]


def plain_text(text: str) -> str:
    """The text a reader sees, without markup and without footnote references. Untyped
    strings are read as inline Markdown (harmless: the result is plain text)."""
    if isinstance(text, PlainText):
        return str(text)
    parts = []
    for token in parse(text, strict=False):
        if isinstance(token, (Plain, Emphasis)):
            parts.append(token.text)
        elif isinstance(token, Link):
            parts.append(token.label)
    return "".join(parts)


# Characters that Markdown, its extensions or HTML would read as markup anywhere in a line.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;",
             "|": "&#124;", "~": "&#126;", "^": "&#94;", "\n": " ", "\r": " "}
_BACKSLASHED = set("\\`*_[]()!")  # "!" before a link would make it an image
_LINE_START = re.compile(r"^(\s*)([#+\-!]|\d+[.)])")


_ESCAPES = {**_ENTITIES, **{char: "\\" + char for char in _BACKSLASHED}}
_ESCAPED = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")  # one pass (str.translate is slower)


def escape(text: str) -> str:
    """Plain text as Markdown that renders to exactly that text (on one line: a line break,
    which plain text may not hold, becomes a space rather than a new Markdown line)."""
    # A paragraph that starts like a heading or a list item must stay a paragraph.
    return _line_start(_ESCAPED.sub(lambda match: _ESCAPES[match.group()], str(text)))


def _line_start(markdown: str) -> str:
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], markdown)


# Markdown's own characters, as character references: inside raw HTML written into the
# Markdown (an attribute value, a label) Markdown's inline patterns still run and would make
# links or emphasis of them; it leaves references alone, and the browser decodes them.
_MARKDOWN_REFERENCES = {"\\": "&#92;", "(": "&#40;", ")": "&#41;", "[": "&#91;", "]": "&#93;",
                        "`": "&#96;", "*": "&#42;", "_": "&#95;", "{": "&#123;", "}": "&#125;",
                        "!": "&#33;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "\n": " ",
                        "\r": " "}
_REFERENCED = re.compile("[" + re.escape("".join(_MARKDOWN_REFERENCES)) + "]")


def html_in_markdown(text: str) -> str:
    """Plain text inside raw HTML written into Markdown (element text, or a quoted attribute
    value, such as a Markdown link's title): HTML-escaped, quotes included, and Markdown's
    characters as character references, so it reaches the page as exactly that text."""
    escaped = html.escape(text, quote=True)
    return _REFERENCED.sub(lambda match: _MARKDOWN_REFERENCES[match.group()], escaped)


def quoted_title(text: str) -> str:
    """Plain text as the quoted title of an admonition or details block (`??? kind "title"`),
    which Markdown reads as inline Markdown: escaped, and its quotes as references."""
    return escape(text).replace('"', "&quot;")


def _url_md(url: str) -> str:
    """A decoded link target written inside `(<…>)` so that Markdown and the browser read it
    back unchanged: `&` as an entity, characters that would end or bend it percent-encoded."""
    out = []
    for char in url:
        if char == "&":
            out.append("&amp;")
        elif ord(char) <= 0x20 or char in "<>\"'`\\{}|^\x7f":
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
        else:
            out.append(char)
    return "".join(out)


def is_site_path(url: str) -> bool:
    """A link to a page of the site (`definitions.md`), written relative to the language root."""
    return not _SCHEME.match(judged(url)) and not url.startswith(("#", "/"))


def to_markdown(text: str, footnote_prefix: str = "",
                plain: Callable[[str], str] = escape,
                site_link: Callable[[str], str] | None = None) -> str:
    """Render text as safe Markdown: inline Markdown through the grammar, any other text
    escaped whole. Footnote references become `[^<prefix><key>]`.

    `plain` renders runs of plain text (a renderer may mark terms in them, but must escape
    everything else); `site_link` turns a link to a site page into a link from the page
    being rendered."""
    parts = []
    for token in tokens(text):
        if isinstance(token, Plain):
            parts.append(plain(token.text))
        elif isinstance(token, Emphasis):
            parts.append(f"*{escape(token.text)}*")
        elif isinstance(token, Link):
            url = site_link(token.url) if site_link and is_site_path(token.url) else token.url
            parts.append(f"[{escape(token.label)}](<{_url_md(url)}>)")
        else:
            parts.append(f"[^{footnote_prefix}{token.key}]")
    return _line_start("".join(parts))
