"""The web print edition of the session's build: the publication in volumes, one page each
(scripts/plan/print_volumes.py, scripts/publish/print_edition.py). Read from the built site:
which pages each volume holds, against the navigation as the theme built it; every link of
every volume; what each volume says about itself and the others. (What each volume weighs on
first load is a benchmark matter: benchmarks/page_weight.py.)"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.publish.downloads import DOWNLOADS, epub_name, pdf_name
from scripts.publish.print_edition import slug
from tests.support.pages import SITE_URL, Built, print_volumes, resolve, whole_edition

CHAPTER = re.compile(r'<section class="print-chapter" id="([^"]+)"')
NAV_LINK = re.compile(r'<a href="([^"]*)" class="md-nav__link[^"]*"')
NOT_IN_THE_BOOK = ("", "status/")  # the home page (links only), the translation status (about the site)


def _file(built: Built, url_path: str) -> Path:
    target = built.site / url_path
    return target / "index.html" if url_path.endswith("/") or url_path == "" else target


@cache
def _ids(file: Path) -> frozenset[str]:
    return frozenset(re.findall(r'\sid="([^"]+)"', file.read_text(encoding="utf-8")))


def _text(built: Built, lang: str, path: str) -> str:
    return _file(built, built.prefix(lang) + path).read_text(encoding="utf-8")


def _edition(page_html: str) -> str:
    """What the build put into a volume page: the volumes, the contents, the chapters."""
    return page_html.split('<div class="print-edition">', 1)[1].split("</article>", 1)[0]


def _navigation(built: Built, lang: str) -> list[str]:
    """The language's pages in the order of the navigation the theme built (its drawer)."""
    page = built.prefix(lang) + "summary/"
    drawer = _text(built, lang, "summary/").split("md-nav--primary", 1)[1]
    drawer = drawer.split("md-nav--secondary", 1)[0]
    out = []
    for href in NAV_LINK.findall(drawer):
        path, _ = resolve(built, page, html_lib.unescape(href))
        out.append(path[len(built.prefix(lang)):])
    return out


def test_every_page_of_the_navigation_is_in_exactly_one_volume_in_navigation_order(built: Built):
    for lang in built.codes:
        volumes = print_volumes(built, lang)
        assert len(volumes) > 1, f"{lang}: the edition is on one page"
        held = [chapter for path in volumes for chapter in CHAPTER.findall(_text(built, lang, path))]
        expected = [slug(p) for p in _navigation(built, lang) if p not in NOT_IN_THE_BOOK]
        twice = [chapter for chapter, count in Counter(held).items() if count > 1]
        assert not twice, f"{lang}: in more than one volume: {twice}"
        assert held == expected, f"{lang}: {held} != {expected}"
        assert all(CHAPTER.search(_text(built, lang, path)) for path in volumes), f"{lang}: an empty volume"


def test_every_link_of_every_volume_resolves_and_links_inside_a_volume_stay_on_its_page(built: Built):
    crossing = 0
    for lang in built.codes:
        volumes = print_volumes(built, lang)
        for path in volumes:
            page = built.prefix(lang) + path
            raw = _text(built, lang, path)
            ids = re.findall(r'\sid="([^"]+)"', raw)
            duplicated = [i for i, n in Counter(ids).items() if n > 1]
            assert not duplicated, f"{page}: ids used twice: {duplicated[:5]}"
            for href in re.findall(r'href="([^"]*)"', _edition(raw)):
                href = html_lib.unescape(href)
                target, fragment = resolve(built, page, href)
                if target is None:
                    assert urlsplit(href).scheme in ("http", "https", "mailto"), f"{page}: {href}"
                    continue
                file = _file(built, target)
                assert file.is_file(), f"{page}: {href} leads to no file"
                if fragment:
                    assert fragment in _ids(file), f"{page}: {href}: no id {fragment!r} there"
                if target == page:
                    assert href.startswith("#"), f"{page}: {href} leaves the page for itself"
                elif target[len(built.prefix(lang)):] in volumes:
                    crossing += 1
                else:
                    assert f"{DOWNLOADS}/" in target, f"{page}: {href} leaves the edition for a page"
    assert crossing > 0, "no link leads from one volume into another"


def test_each_volume_says_which_it_is_what_each_holds_and_offers_the_whole_book(built: Built):
    for lang in built.codes:
        volumes = print_volumes(built, lang)
        for number, path in enumerate(volumes, start=1):
            page = built.prefix(lang) + path
            raw = _text(built, lang, path)
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S).group(1)
            heading = re.sub(r'<a class="headerlink".*?</a>', "", heading, flags=re.S)
            assert html_lib.unescape(re.sub(r"<[^>]+>", "", heading)).strip() == built.ui(
                lang, "print_volume_title").format(number=number, count=len(volumes)), page
            listing = re.search(r'<nav class="print-volumes".*?</nav>', raw, re.S).group(0)
            items = re.findall(r"<li\b.*?</li>", listing, re.S)
            assert len(items) == len(volumes), page
            for other, item in enumerate(items, start=1):
                name = built.ui(lang, "print_volume").format(number=other)
                assert name in item, (page, item)
                links = re.findall(r'<a href="([^"]*)"', item)
                if other == number:
                    assert links == [] and 'aria-current="page"' in item, (page, item)
                else:
                    target, _ = resolve(built, page, html_lib.unescape(links[0]))
                    assert target == built.prefix(lang) + volumes[other - 1], (page, item)
                # what it holds: the titles of its parts, as its own page heads them
                holds = re.findall(r'<h2 class="print-part__title">([^<]*)</h2>',
                                   _text(built, lang, volumes[other - 1]))
                assert holds and all(title in item for title in holds), (page, holds, item)
            files = {urljoin(SITE_URL + page, html_lib.unescape(href)).rsplit("/", 1)[1]: size
                     for href, size in re.findall(r'<a href="([^"]*)" download="">[^<]*<span class="download-size"'
                                                  r'[^>]*>([^<]*)</span>', listing)}
            assert set(files) == {pdf_name(lang), epub_name(lang)}, (page, files)
            assert all(files.values()), f"{page}: a size is missing: {files}"


def test_the_whole_edition_the_books_are_made_from_holds_every_volume(built: Built):
    """The PDF and the EPUB are made from the whole edition, one body: the same chapters, in
    the same order, as the volumes together, with the contents leading to each."""
    for lang in built.codes:
        body = whole_edition(built, lang)
        chapters = CHAPTER.findall(body)
        volumes = [c for path in print_volumes(built, lang) for c in CHAPTER.findall(_text(built, lang, path))]
        assert chapters == volumes, lang
        toc = re.search(r'<nav class="print-toc".*?</nav>', body, re.S).group(0)
        assert re.findall(r'href="#([^"]+)"', toc) == chapters, lang
        ids = re.findall(r'\sid="([^"]+)"', body)
        assert not [i for i, n in Counter(ids).items() if n > 1], lang
        for href in re.findall(r'href="#([^"]+)"', body):
            assert href in ids, f"{lang}: #{href} in the whole edition leads nowhere"


# --- the rule, on small navigations ------------------------------------------------------------


def _nav(*items):
    from scripts.plan.site import NavItem

    def made(item):
        if isinstance(item, str):
            return NavItem(item.removesuffix(".md").title(), item)
        title, children = item
        return NavItem(title, None, tuple(made(child) for child in children))
    return tuple(made(item) for item in items)


def _held(volumes) -> list[list[str]]:
    def pages(items):
        return [p for item in items for p in ([item.path] if item.path else pages(item.children))]
    return [pages(volume.items) for volume in volumes]


def test_each_top_level_group_is_a_volume_opened_by_the_pages_before_it():
    from scripts.plan.print_volumes import print_volumes

    nav = _nav("index.md", "foreword.md", "summary.md", ("Part I", ["report/a.md", "report/b.md"]),
               ("Part II", ["agenda.md"]), ("About", ["series.md", "notes.md", "status.md"]))
    volumes = print_volumes(nav)
    assert _held(volumes) == [["foreword.md", "summary.md", "report/a.md", "report/b.md"],
                              ["agenda.md"], ["series.md", "notes.md"]]
    assert [v.path for v in volumes] == ["print.md", "print/2.md", "print/3.md"]
    assert volumes[0].titles == ("Foreword", "Summary", "Part I")
    # A page added to a group (a second notes page) falls into its group's volume by itself.
    grown = _nav("index.md", "foreword.md", ("Part I", ["report/a.md"]),
                 ("About", ["series.md", "notes.md", "differences.md", "status.md"]))
    assert _held(print_volumes(grown))[-1] == ["series.md", "notes.md", "differences.md"]


def test_pages_after_the_last_group_close_it_and_a_navigation_without_groups_is_one_volume():
    from scripts.plan.print_volumes import print_volumes

    assert _held(print_volumes(_nav(("Part I", ["a.md"]), ("Part II", ["b.md"]), "c.md"))) == \
        [["a.md"], ["b.md", "c.md"]]
    assert _held(print_volumes(_nav("index.md", "a.md", "b.md"))) == [["a.md", "b.md"]]
    assert _held(print_volumes(_nav(("About", ["status.md"]), ("Part I", ["a.md"])))) == [["a.md"]]


def test_a_volume_page_is_a_print_page_and_no_other_page_is():
    from scripts.render.print_page import is_print_page, volume_path

    assert [volume_path(n) for n in (1, 2, 12)] == ["print.md", "print/2.md", "print/12.md"]
    assert all(is_print_page(volume_path(n)) for n in (1, 2, 12))
    assert not any(is_print_page(p) for p in ("print/0.md", "print/x.md", "report/print.md", "prints.md"))


def test_links_between_volumes_are_relative_with_and_without_directory_urls():
    from scripts.publish.print_edition import relative_url

    cases = {("print/2/", "print/"): "2/", ("print/", "print/2/"): "../", ("print/3/", "print/2/"): "../3/",
             ("print.html", "print/2.html"): "../print.html", ("print/2.html", "print.html"): "print/2.html",
             ("downloads/x.pdf", "fr/print/2/"): "../../../downloads/x.pdf", ("print/", "print/"): "./"}
    assert {case: relative_url(*case) for case in cases} == cases
