"""The real site, built once per test session (`mkdocs build --strict`, the `built` fixture of
tests/conftest.py), and what the tests read of each built page."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from scripts import config
from scripts.content.load import read_content
from scripts.content.models import Content

SITE_URL = "https://example.test/idm/"  # a sub-path, so that base URLs are really exercised
NOT_PAGES = ("assets/", "search/")
# A volume of the print edition: print/, print/2/… (print.html, print/2.html… offline)
_PRINT_VOLUME = re.compile(r"(?:^|/)print(?:/|\.html|/([1-9][0-9]*)(?:/|\.html))$")


@dataclass
class Html:
    """What the tests need from one built page."""

    lang: str | None = None
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # <a href>
    resources: list[tuple[str, str]] = field(default_factory=list)  # (what, url) loaded by the page
    alternates: list[tuple[str, str]] = field(default_factory=list)  # <link rel=alternate hreflang>
    selector: list[tuple[str, str | None]] = field(default_factory=list)  # (href, hreflang) of <a hreflang|lang>
    description: str | None = None
    lang_elements: list[str] = field(default_factory=list)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Html()
        self._in_style = False
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        page = self.page
        if tag == "html":
            page.lang = a.get("lang")
        elif "lang" in a:
            page.lang_elements.append(a["lang"])
        if "id" in a:
            page.ids.add(a["id"])
        if tag == "a" and "href" in a:
            page.links.append(a["href"])
            # the theme's language selector, or the print edition's (overrides/print.html)
            if {"md-select__link", "edition-header__language"} & set(a.get("class", "").split()):
                page.selector.append((a["href"], a.get("hreflang")))
        if tag in ("script", "img", "source", "audio", "video", "iframe", "embed", "track") and a.get("src"):
            page.resources.append((tag, a["src"]))
        if tag == "img" and a.get("srcset"):
            page.resources.extend(("img", part.split()[0]) for part in a["srcset"].split(","))
        if tag == "object" and a.get("data"):
            page.resources.append((tag, a["data"]))
        if tag == "link":
            rel = a.get("rel", "")
            if rel == "alternate" and "hreflang" in a:
                page.alternates.append((a["hreflang"], a["href"]))
            elif rel not in ("canonical", "prev", "next", "alternate"):
                page.resources.append((f"link rel={rel}", a.get("href", "")))
        if tag == "meta" and a.get("name") == "description":
            page.description = a.get("content")
        if "style" in a:
            page.resources.extend(("style attribute", u) for u in css_urls(a["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.page.resources.extend(("style element", u) for u in css_urls(data))
        self._text.append(data)

    def close(self):
        super().close()
        self.page.text = " ".join(" ".join(self._text).split())


def css_urls(css: str) -> list[str]:
    """The addresses a stylesheet (or a style attribute) loads: url(…) and @import."""
    found = re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
    found += re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return found


def parse(file: Path) -> Html:
    parser = _Parser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


@dataclass
class Built:
    site: Path
    content: Content
    pages: dict[str, Html]  # URL path relative to the site root ("fr/agenda/") -> page

    @property
    def codes(self) -> list[str]:
        return self.content.codes

    @property
    def default(self) -> str:
        return self.content.reference

    def prefix(self, lang: str) -> str:
        return "" if lang == self.default else f"{lang}/"

    def lang_of(self, url_path: str) -> str:
        first = url_path.split("/", 1)[0]
        return first if first in self.codes and first != self.default else self.default

    def paths(self, lang: str) -> set[str]:
        """The language-neutral paths of a language's pages ("agenda/", "" for the home)."""
        prefix = self.prefix(lang)
        return {p[len(prefix):] for p in self.pages
                if p.startswith(prefix) and self.lang_of(p) == lang and not p.endswith("404.html")}

    def page(self, lang: str, path: str) -> Html:
        return self.pages[self.prefix(lang) + path]

    def ui(self, lang: str, key: str) -> str:
        return self.content.editions[lang].ui[key]


REPO_URL = "https://github.com/example/return-migration-idm15"  # repo_url of the test build (edit links)


def build_site(tmp_path_factory) -> Built:
    """The real site, built once per session by the `built` fixture (tests/conftest.py)."""
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1", "REPO_URL": REPO_URL}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                            cwd=config.ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-6000:]}"
    content = read_content(config.ROOT).content
    assert content is not None
    pages = {}
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        if rel.startswith(NOT_PAGES):
            continue
        url_path = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages[url_path] = parse(file)
    return Built(site, content, pages)


def resolve(built: Built, page_path: str, href: str) -> tuple[str | None, str]:
    """(URL path inside the site or None if outside, fragment) of a link on a page."""
    absolute = urljoin(SITE_URL + page_path, href)
    parts = urlsplit(absolute)
    base = urlsplit(SITE_URL)
    if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
        return None, parts.fragment
    return unquote(parts.path[len(base.path):]), unquote(parts.fragment)


def exists(built: Built, url_path: str) -> bool:
    target = built.site / url_path
    return (target / "index.html").is_file() if url_path.endswith("/") or url_path == "" else target.is_file()


def is_print_volume(url_path: str) -> bool:
    """Whether a page (`print/2/`, `fr/print/`, offline `fr/print/2.html`…) is a volume of the
    print edition."""
    return bool(_PRINT_VOLUME.search(url_path))


def print_volumes(built: Built, lang: str) -> list[str]:
    """The language-neutral paths of a language's print volumes, first to last, as built."""
    found = [p for p in built.paths(lang) if _PRINT_VOLUME.fullmatch(p)]
    return sorted(found, key=lambda p: int(_PRINT_VOLUME.fullmatch(p).group(1) or 1))


@cache
def site_plan():
    """The site plan the build made (scripts/plan/site.py), from the same content."""
    from scripts.plan.site import plan
    from scripts.translation.status import translation_of

    loaded = read_content(config.ROOT)
    return plan(loaded.content, translation_of(loaded.content, loaded.files), site_url=SITE_URL)


def whole_edition(built: Built, lang: str, site=None) -> str:
    """The whole print edition of a language as one body, made as the build makes it (the
    books' source) from the built pages."""
    from scripts.publish.downloads import edition_articles, edition_volumes
    from scripts.publish.downloads import whole_edition as assembled

    site = site or site_plan()
    volumes = edition_volumes(site.nav[lang], directory_urls=True)
    articles = edition_articles(built.site / site.language_root(lang), volumes)
    return assembled(volumes, articles, site.ui[lang]["print_contents"], directory_urls=True)
