"""The print edition: every page of one language, in the order of the navigation, in volumes.

Engine-neutral: it reads the built pages' HTML (their `<article>`, which the theme renders from
the generated Markdown) and assembles it, so the print edition holds exactly what the site
shows, footnotes included. Each page becomes a section whose id is the page's slug; the ids
of a page are prefixed with that slug (two pages may both have a footnote `fn:1`), links
between pages become links inside the edition (to an anchor of the same volume, or to the
volume page that holds the target), headings move down one level per level of nesting,
collapsed details are opened. Titles come from the navigation (plain text, escaped).

`assemble` gives the whole edition as one body (what the PDF and the EPUB are made from);
`assemble_volume` gives one volume's page body (scripts/plan/print_volumes.py says which
pages each volume holds): the same sections, with the whole table of contents.
"""

from __future__ import annotations

import html
import posixpath
import re
import string
from collections.abc import Mapping
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


@dataclass(frozen=True)
class Volume:
    """A volume of the edition: its page's URL (relative to the language root) and the
    top-level entries it holds."""

    url: str
    entries: tuple[Entry, ...]


def relative_url(target: str, base: str) -> str:
    """`target` as a link from the page at `base` (both relative to the same root; a URL
    ending in `/` is a folder's page): `print/2/` from `print/` -> `2/`."""
    folder = base if base.endswith("/") or base == "" else posixpath.dirname(base) + "/"
    out = posixpath.relpath(target.rstrip("/") or ".", folder.rstrip("/") or ".")
    if target.endswith("/") or target == "":
        out = "./" if out == "." else out + "/"
    return out


def rewrite(content: str, url: str, print_url: str, slugs: dict[str, str], shift: int,
            volumes: dict[str, str] | None = None) -> str:
    """One page's article made part of the edition at `print_url`. `volumes`: page URL ->
    the link to the volume page holding it ("" for the volume at `print_url`; none: all)."""
    own = slugs[url]

    def ids(match: re.Match) -> str:
        values = " ".join(f"{own}--{value}" for value in match.group(2).split())
        return f'{match.group(1)}="{values}"'

    def link(match: re.Match) -> str:
        attribute, value = match.group(1), html.unescape(match.group(2))
        return f'{attribute}="{html.escape(_relink(value, url, print_url, slugs, own, volumes or {}))}"'

    def heading(match: re.Match) -> str:
        return f"<{match.group(1)}h{min(6, int(match.group(2)) + shift)}"

    content = _ID_ATTRS.sub(ids, content)
    content = _URL_ATTRS.sub(link, content)
    content = _HEADING.sub(heading, content)
    return content.replace("<details ", "<details open ").replace("<details>", "<details open>")


def _relink(value: str, url: str, print_url: str, slugs: dict[str, str], own: str,
            volumes: dict[str, str]) -> str:
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
                page = volumes.get(candidate, "")  # another volume's page, or this one
                return page + (f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}")
        # A file of the site that is not a page (a download): the same file, seen from here.
        return relative_url(path, print_url) + (f"#{target.fragment}" if target.fragment else "")
    return value


def _pages(entries: tuple[Entry, ...]) -> list[Entry]:
    out = []
    for entry in entries:
        out.extend([entry] if entry.url is not None else _pages(entry.children))
    return out


def page_urls(entries: tuple[Entry, ...]) -> list[str]:
    """The URLs of the pages among `entries` and their groups, in order."""
    return [entry.url for entry in _pages(entries) if entry.url is not None]


def table_of_contents(entries: tuple[Entry, ...], slugs: dict[str, str], heading: str,
                      volumes: dict[str, str] | None = None) -> str:
    """The contents of the whole edition; an entry in another volume links to that volume's
    page (`volumes`: page URL -> link to its volume's page, "" for this one)."""
    volumes = volumes or {}

    def items(level: tuple[Entry, ...]) -> str:
        out = []
        for entry in level:
            title = html.escape(entry.title)
            if entry.url is not None:
                href = html.escape(volumes.get(entry.url, "")) + f"#{slugs[entry.url]}"
                out.append(f'<li><a href="{href}">{title}</a></li>')
            else:
                out.append(f"<li><span>{title}</span><ol>{items(entry.children)}</ol></li>")
        return "".join(out)

    return (f'<nav class="print-toc" aria-labelledby="print-toc-title">'
            f'<h2 id="print-toc-title">{html.escape(heading)}</h2><ol>{items(entries)}</ol></nav>')


def assemble(entries: tuple[Entry, ...], articles: dict[str, str], print_url: str,
             contents_heading: str) -> str:
    """The whole edition as one body (the books are made from it): its table of contents,
    then every page (`articles`: page URL -> the page's built HTML), each group of pages
    under its title."""
    return assemble_volume((Volume(print_url, entries),), 1, articles, contents_heading)


def assemble_volume(volumes: tuple[Volume, ...], number: int, articles: dict[str, str],
                    contents_heading: str, header: str = "") -> str:
    """The body of volume `number` (from 1) of `volumes`: `header`, the table of contents of
    the whole edition, then the volume's pages. Ids, footnotes and group numbers are those of
    the whole edition, so a link into another volume finds its anchor there."""
    here = volumes[number - 1]
    everything = tuple(entry for volume in volumes for entry in volume.entries)
    slugs = {url: slug(url) for url in page_urls(everything)}
    links = {url: "" if volume is here else relative_url(volume.url, here.url)
             for volume in volumes for url in page_urls(volume.entries)}
    parts = [header] if header else []
    parts.append(table_of_contents(everything, slugs, contents_heading, links))
    # Each top-level entry numbered by its place in the whole edition (from 1).
    placed = enumerate(((volume, entry) for volume in volumes for entry in volume.entries), start=1)
    for position, (volume, entry) in placed:
        if volume is not here:
            continue
        if entry.url is not None:
            parts.append(_chapter(entry, articles, here.url, slugs, 1, links))
            continue
        chapters = "".join(_chapter(child, articles, here.url, slugs, 2, links)
                           for child in _pages(entry.children))
        parts.append(f'<section class="print-part" id="print-part-{position}">'
                     f'<h2 class="print-part__title">{html.escape(entry.title)}</h2>{chapters}</section>')
    return "\n".join(parts)


def _chapter(entry: Entry, articles: dict[str, str], print_url: str, slugs: dict[str, str],
             shift: int, volumes: dict[str, str]) -> str:
    assert entry.url is not None
    body = rewrite(article(articles[entry.url]), entry.url, print_url, slugs, shift, volumes)
    return f'<section class="print-chapter" id="{slugs[entry.url]}">\n{body}\n</section>'


def volume_header(volumes: tuple[Volume, ...], number: int, words: Mapping[str, str],
                  whole_book: tuple[tuple[str, str], ...]) -> str:
    """What a volume's page says before its contents: every volume with what it holds (its
    top-level entries, as the navigation names them), the others linked; then the whole book
    in one file (`whole_book`: link, label as HTML, e.g. the PDF with its size). Words are
    plain text, escaped here."""
    here = volumes[number - 1]
    items = []
    for other_number, volume in enumerate(volumes, start=1):
        name = html.escape(words["print_volume"].format(number=other_number))
        if volume is here:
            label = f'<strong>{_filled(words["print_this_volume"], volume=name)}</strong>'
            attributes = ' aria-current="page"'
        else:
            label = f'<a href="{html.escape(relative_url(volume.url, here.url))}">{name}</a>'
            attributes = ""
        holds = " · ".join(html.escape(entry.title) for entry in volume.entries)
        items.append(f'<li{attributes}>{_filled(words["print_volume_holds"], volume=label, contents=holds)}</li>')
    files = " · ".join(f'<a href="{html.escape(href)}" download>{label}</a>' for href, label in whole_book)
    book = (f'<p class="print-volumes__book">{html.escape(words["print_whole_book"])} {files}</p>'
            if files else "")
    return (f'<nav class="print-volumes" aria-labelledby="print-volumes-title">'
            f'<h2 id="print-volumes-title">{html.escape(words["print_volumes"])}</h2>'
            f'<ol>{"".join(items)}</ol>{book}</nav>')


def _filled(template: str, **values: str) -> str:
    """An interface word with its `{placeholders}` filled: its own text escaped, the values
    (HTML made here) as given."""
    out = []
    for literal, name, _spec, _conversion in string.Formatter().parse(template):
        out.append(html.escape(literal))
        if name is not None:
            out.append(values[name])
    return "".join(out)
