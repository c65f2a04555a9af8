"""The print edition: every page of one language, in the order of the navigation, on one page.

Engine-neutral: it reads the built pages' HTML (their `<article>`, which the theme renders from
the generated Markdown) and assembles it, so the print edition holds exactly what the site
shows, footnotes included. Each page becomes a section whose id is the page's slug; the ids
of a page are prefixed with that slug (two pages may both have a footnote `fn:1`), links
between pages become links inside the edition, headings move down one level per level of
nesting, collapsed details are opened. Titles come from the navigation (plain text, escaped).
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_HEADERLINK = re.compile(r'<a class="headerlink" href="[^"]*" title="[^"]*">[^<]*</a>')
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_ID_ATTRS = re.compile(r'\b(id|for|aria-controls|aria-describedby|aria-labelledby|headers)="([^"]*)"')
_URL_ATTRS = re.compile(r'\b(href|src)="([^"]*)"')
_BASE = "http://edition.invalid/"  # resolves relative links; never written out


@dataclass(frozen=True)
class Entry:
    """A page of the edition (`url` relative to the language root) or, without `url`, the
    title of a group of pages (`children`)."""

    title: str
    url: str | None = None
    children: tuple["Entry", ...] = ()


def page_url(path: str, directory_urls: bool) -> str:
    """The URL of a page, relative to its language root: `report/x.md` -> `report/x/` (or
    `report/x.html`), `index.md` -> `` (or `index.html`)."""
    stem = path[:-3] if path.endswith(".md") else path
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def html_file(url: str) -> str:
    """The file that serves a page URL."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def slug(url: str) -> str:
    stem = url.removesuffix("index.html").removesuffix(".html").strip("/")
    return "page-" + (re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "home")


# Links that only make sense on screen: "read side by side" (scripts/plan/reading.py).
_SCREEN_ONLY = re.compile(r'<p><a class="parallel-link"[^>]*>.*?</a></p>', re.S)


_ORIGINAL_LINK = re.compile(r'<a href="[^"]*" data-original-lang="([a-z]{2,3})" data-in-page="([^"]*)"')


def article(page_html: str) -> str:
    """The content of a built page: its article, without permalinks, generator comments or
    links that only make sense on screen."""
    found = _ARTICLE.search(page_html)
    if not found:
        raise ValueError("no <article class=\"md-content__inner md-typeset\"> in the page")
    inner = _SCREEN_ONLY.sub("", _HEADERLINK.sub("", _COMMENT.sub("", found.group(1)))).strip()
    # A notice's "read the original" leads, in the edition, to the original it holds.
    return _ORIGINAL_LINK.sub(r'<a href="\2" data-original-lang="\1"', inner)


def rewrite(content: str, url: str, print_url: str, slugs: dict[str, str], shift: int) -> str:
    """One page's article made part of the edition at `print_url`."""
    own = slugs[url]

    def ids(match: re.Match) -> str:
        values = " ".join(f"{own}--{value}" for value in match.group(2).split())
        return f'{match.group(1)}="{values}"'

    def link(match: re.Match) -> str:
        attribute, value = match.group(1), html.unescape(match.group(2))
        return f'{attribute}="{html.escape(_relink(value, url, print_url, slugs, own))}"'

    def heading(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(6, int(match.group(2)) + shift)}"

    content = _ID_ATTRS.sub(ids, content)
    content = _URL_ATTRS.sub(link, content)
    content = _HEADING.sub(heading, content)
    return content.replace("<details ", "<details open ").replace("<details>", "<details open>")


def _relink(value: str, url: str, print_url: str, slugs: dict[str, str], own: str) -> str:
    if value.startswith("#"):
        return f"#{own}--{value[1:]}" if value[1:] else f"#{own}"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        return value  # another site, mailto:…
    target = urlsplit(urljoin(_BASE + url, value))
    path = target.path[len(urlsplit(_BASE).path):] if target.path.startswith(urlsplit(_BASE).path) else None
    if path is not None and target.netloc == urlsplit(_BASE).netloc:
        for candidate in (path, path + "index.html", path.removesuffix("index.html")):
            if candidate in slugs:
                anchor = slugs[candidate]
                return f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}"
        # A file of the site that is not a page (a download): the same file, seen from here.
        relative = posixpath.relpath(path or ".", posixpath.dirname(print_url) or ".")
        return relative + (f"#{target.fragment}" if target.fragment else "")
    return value


def _pages(entries: tuple[Entry, ...]) -> list[Entry]:
    out = []
    for entry in entries:
        out.extend([entry] if entry.url is not None else _pages(entry.children))
    return out


def table_of_contents(entries: tuple[Entry, ...], slugs: dict[str, str], heading: str) -> str:
    def items(level: tuple[Entry, ...]) -> str:
        out = []
        for entry in level:
            title = html.escape(entry.title)
            if entry.url is not None:
                out.append(f'<li><a href="#{slugs[entry.url]}">{title}</a></li>')
            else:
                out.append(f"<li><span>{title}</span><ol>{items(entry.children)}</ol></li>")
        return "".join(out)

    return (f'<nav class="print-toc" aria-labelledby="print-toc-title">'
            f'<h2 id="print-toc-title">{html.escape(heading)}</h2><ol>{items(entries)}</ol></nav>')


def assemble(entries: tuple[Entry, ...], articles: dict[str, str], print_url: str,
             contents_heading: str) -> str:
    """The body of the edition: its table of contents, then every page (`articles`: page URL
    -> the page's built HTML), each group of pages under its title."""
    slugs = {entry.url: slug(entry.url) for entry in _pages(entries)}
    parts = [table_of_contents(entries, slugs, contents_heading)]
    for number, entry in enumerate(entries, start=1):
        if entry.url is not None:
            parts.append(_chapter(entry, articles, print_url, slugs, shift=1))
            continue
        chapters = "".join(_chapter(child, articles, print_url, slugs, shift=2)
                           for child in _pages(entry.children))
        parts.append(f'<section class="print-part" id="print-part-{number}">'
                     f'<h2 class="print-part__title">{html.escape(entry.title)}</h2>{chapters}</section>')
    return "\n".join(parts)


def _chapter(entry: Entry, articles: dict[str, str], print_url: str, slugs: dict[str, str],
             shift: int) -> str:
    assert entry.url is not None
    body = rewrite(article(articles[entry.url]), entry.url, print_url, slugs, shift)
    return f'<section class="print-chapter" id="{slugs[entry.url]}">\n{body}\n</section>'
