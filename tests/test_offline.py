"""The downloads of the built site: the offline archive (unzipped and opened from file:// in
real headless Chromium with the network cut off), the print editions, the PDFs, and the sizes
the pages state. Uses the session's one real build (`built`) and one browser (`browser`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scripts.publish.archive import ZIP_DATE, human_size, make_zip
from scripts.publish.downloads import ARCHIVE, ARCHIVE_ROOT, DOWNLOADS, epub_name, pdf_name
from tests.support.pages import Built, is_print_volume, parse, print_volumes

LOCAL_SCHEMES = ("file", "data", "blob", "about")
SLOT = re.compile(r'data-size-of="([^"]+)" data-locale="([^"]+)">([^<]*)</span>')
# (page language, word): a word of each edition, and an English word that French pages also
# hold (quoting the English title): on a French page, it must find French pages only.
SEARCHES = [("en", "returnees"), ("fr", "rapatriés"), ("es", "retorno")]


@pytest.fixture(scope="module")
def archive(unzipped_archive: Path) -> Path:
    return unzipped_archive


@pytest.fixture(autouse=True)
def _own_records_only(request):
    """A test sees only the requests and console errors of its own pages, whichever tests
    used the session's browser before it."""
    if "browser" in request.fixturenames:
        browser = request.getfixturevalue("browser")
        browser.requests(), browser.console_errors()


def locale_of(built: Built, lang: str) -> str:
    return next(language.locale for language in built.content.languages if language.code == lang)


def offline_url(built: Built, lang: str, path: str) -> str:
    """`agenda/` -> `agenda.html`, `` -> `index.html`, under the language's folder."""
    stem = path.rstrip("/") or "index"
    return built.prefix(lang) + stem + ".html"


# --- sizes and files --------------------------------------------------------------------------


def test_every_page_links_to_the_downloads_with_their_exact_size(built: Built):
    sizes = {name: (built.site / DOWNLOADS / name).stat().st_size
             for name in [ARCHIVE, *(pdf_name(lang) for lang in built.codes),
                          *(epub_name(lang) for lang in built.codes)]}
    for url_path in built.pages:
        lang = built.lang_of(url_path)
        html = (built.site / (url_path + "index.html" if url_path.endswith("/") or not url_path
                              else url_path)).read_text(encoding="utf-8")
        slots = {name: (locale, text) for name, locale, text in SLOT.findall(html)}
        assert set(slots) == {ARCHIVE, pdf_name(lang), epub_name(lang)}, f"{url_path}: {sorted(slots)}"
        for name, (locale, text) in slots.items():
            assert locale == locale_of(built, lang)
            assert text == human_size(sizes[name], locale), f"{url_path}: {name} {text!r}"


def test_sizes_are_written_for_the_reader():
    assert human_size(2_392_262, "en_GB") == "2.4 MB"
    assert human_size(2_392_262, "fr_FR") == "2,4\u202fMo"
    assert human_size(243_350, "es_ES") == "243 kB"


def test_the_archive_holds_every_page_of_every_language_the_pdfs_and_epubs(built: Built):
    with zipfile.ZipFile(built.site / DOWNLOADS / ARCHIVE) as zipped:
        names = zipped.namelist()
        infos = zipped.infolist()
    assert names == sorted(names), "entries are in a fixed order"
    assert {info.date_time for info in infos} == {ZIP_DATE}
    inside = {name.removeprefix(ARCHIVE_ROOT + "/") for name in names}
    assert len(inside) == len(names), "everything is under one folder"
    for lang in built.codes:
        for path in built.paths(lang):
            assert offline_url(built, lang, path) in inside, (lang, path)
        assert f"{DOWNLOADS}/{pdf_name(lang)}" in inside
        assert f"{DOWNLOADS}/{epub_name(lang)}" in inside
        assert f"{built.prefix(lang)}search/search_index.js" in inside
    assert not any(name.startswith("sitemap") for name in inside)
    assert not any(name.endswith("404.html") for name in inside), "a disk has no 'not found' page"
    assert not any(name.endswith(".zip") for name in inside), "the archive does not hold itself"


def test_the_archive_lists_paths_as_written(tmp_path: Path):
    """"print.html" before "print/2.html" ("." sorts before "/"), as a sorted listing reads."""
    tree = tmp_path / "tree"
    (tree / "print").mkdir(parents=True)
    for name in ("print/2.html", "print.html"):
        (tree / name).write_text(name, encoding="utf-8")
    with zipfile.ZipFile(make_zip(tree, tmp_path / "a.zip", "root")) as zipped:
        assert zipped.namelist() == ["root/print.html", "root/print/2.html"]


def test_zipping_the_same_files_gives_the_same_bytes(tmp_path: Path):
    tree = tmp_path / "tree"
    (tree / "b").mkdir(parents=True)
    for name, text in (("b/z.txt", "z"), ("a.txt", "a"), ("b/c.html", "<p>c</p>")):
        (tree / name).write_text(text, encoding="utf-8")
    first = make_zip(tree, tmp_path / "one.zip", "root").read_bytes()
    for file in tree.rglob("*.txt"):
        file.touch()
        file.chmod(0o600)
    second = make_zip(tree, tmp_path / "two.zip", "root").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "one.zip") as zipped:
        assert zipped.namelist() == ["root/a.txt", "root/b/c.html", "root/b/z.txt"]


def test_each_language_has_a_pdf(built: Built):
    for lang in built.codes:
        data = (built.site / DOWNLOADS / pdf_name(lang)).read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert len(data) > 50_000, f"{lang}: a whole publication cannot fit in {len(data)} bytes"


# --- the print edition --------------------------------------------------------------------------


def test_each_print_volume_has_the_whole_contents_and_its_footnotes(built: Built):
    """Each volume (tests/test_print_edition.py checks which pages each holds and its links):
    the language, the contents of the whole edition, footnotes with both links, details open."""
    for lang in built.codes:
        volumes = print_volumes(built, lang)
        contents = []
        for path in volumes:
            file = built.site / built.prefix(lang) / path / "index.html"
            html = file.read_text(encoding="utf-8")
            assert parse(file).lang == lang
            toc = re.search(r'<nav class="print-toc".*?</nav>', html, re.S)
            assert toc, f"{lang}/{path}: no table of contents"
            contents.append([href.rsplit("#", 1)[1] for href in re.findall(r'href="([^"]*#[^"]+)"', toc.group(0))])
            assert "<details " not in html.replace("<details open", ""), "collapsed details on paper"
            ids = set(re.findall(r'\sid="([^"]+)"', html))
            for ref in re.findall(r'class="footnote-ref" href="#([^"]+)"', html):
                assert ref in ids
        book = [p for p in built.paths(lang) if p not in ("", "status/") and not is_print_volume(p)
                and not p.startswith("parallel/")]  # not home, print, status, side-by-side views
        assert all(found == contents[0] for found in contents) and len(contents[0]) == len(book), lang
    text = "".join((built.site / path / "index.html").read_text(encoding="utf-8") for path in print_volumes(built, "en"))
    assert "footnote-ref" in text and "footnote-backref" in text


# --- in the browser, from file://, offline -------------------------------------------------------


def _open(browser, archive: Path, url: str) -> None:
    browser.open((archive / url).as_uri())


def _left_file(browser) -> list[str]:
    return [u for u in browser.requests() if urlsplit(u).scheme not in LOCAL_SCHEMES]


def test_every_offline_page_loads_its_scripts_and_styles_without_any_request_leaving_disk(
        built: Built, archive: Path, browser):
    browser.open("about:blank")
    browser.requests(), browser.console_errors()  # what the browser did before: not ours
    for lang in built.codes:
        for path in sorted(built.paths(lang)):  # the print volumes too
            url = offline_url(built, lang, path)
            _open(browser, archive, url)
            assert browser.script("return document.documentElement.lang") == lang
            if is_print_volume(path):  # its own page without the theme (overrides/print.html)
                width = browser.script("return getComputedStyle(document.querySelector('main')).maxWidth")
                assert width == "760px", f"{url}: the edition's stylesheet is not applied"
            else:
                header = browser.script(
                    "return getComputedStyle(document.querySelector('.md-header')).position")
                assert header == "sticky", f"{url}: the theme's stylesheet is not applied"
                assert browser.script("return typeof window.document$") == "object", \
                    f"{url}: the theme's script did not run"
            assert browser.console_errors() == [], url
            assert _left_file(browser) == [], url


def test_the_sites_own_stylesheet_applies_offline(built: Built, archive: Path, browser):
    _open(browser, archive, offline_url(built, "fr", "agenda/"))
    weight = browser.script("return getComputedStyle(document.querySelector('.slot-time')).fontWeight")
    assert weight == "700"


def test_previous_and_next_lead_to_the_neighbouring_pages(built: Built, archive: Path, browser):
    _open(browser, archive, offline_url(built, "es", "summary/"))
    with browser.navigation():
        browser.script("document.querySelector('a.md-footer__link--next').click()")
    assert browser.url.endswith("/es/acronyms.html")
    with browser.navigation():
        browser.script("document.querySelector('a.md-footer__link--prev').click()")
    assert browser.url.endswith("/es/summary.html")
    assert browser.script("return document.querySelector('h1').textContent").strip()


def test_the_language_selector_lands_on_the_same_page(built: Built, archive: Path, browser):
    chapter = next(p for p in sorted(built.paths("fr")) if p.startswith("report/"))
    _open(browser, archive, offline_url(built, "fr", chapter))
    for lang in built.codes:
        target = (archive / offline_url(built, lang, chapter)).as_uri()
        browser.script("[...document.querySelectorAll('a.md-select__link')]"
                       ".find(a => a.getAttribute('lang') === arguments[0]).click()", lang)
        browser.wait(lambda b, target=target: b.url == target
                     and b.script("return document.readyState") == "complete")  # landed there
        assert browser.script("return document.documentElement.lang") == lang
        _open(browser, archive, offline_url(built, "fr", chapter))
    assert _left_file(browser) == []


@pytest.mark.parametrize(("lang", "word"), SEARCHES)
def test_search_finds_pages_in_the_language_of_the_page(built: Built, archive: Path, browser,
                                                        lang, word):
    _open(browser, archive, offline_url(built, lang, "agenda/"))
    browser.type("input.md-search__input", word)
    hrefs = browser.wait(lambda b: b.script(
        "return [...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)"))
    root = archive.as_uri() + "/"
    for href in hrefs:
        assert href.startswith(root), href
        assert built.lang_of(href[len(root):]) == lang, f"{word}: {href}"
    assert browser.console_errors() == []
    assert _left_file(browser) == []


def test_offline_search_of_an_english_word_finds_no_page_in_french(built: Built, archive: Path, browser):
    """The French index of the offline copy holds French text only, as the site's."""
    from tests.browser_support import found_nothing

    _open(browser, archive, offline_url(built, "fr", "agenda/"))
    assert found_nothing(browser, "returnees")
    assert browser.console_errors() == []
    assert _left_file(browser) == []


@pytest.mark.parametrize(("lang", "word", "inflection"), [("fr", "retours", "retour"), ("es", "migrantes", "migrante")])
def test_offline_search_finds_inflections(built: Built, archive: Path, browser, lang, word, inflection):
    """The stemming worker also runs inside the theme's file:// shim (iframe-worker)."""
    from scripts.publish.search_index import read_entries
    from tests.browser_support import search

    _open(browser, archive, offline_url(built, lang, "agenda/"))
    root = (archive / built.prefix(lang)).as_uri() + "/"
    text = (archive / built.prefix(lang) / "search" / "search_index.js").read_text(encoding="utf-8")
    index = {doc["location"]: f'{doc["title"]} {doc["text"]}' for doc in read_entries(text)}
    found = [href[len(root):] for href in search(browser, word) if href.startswith(root)]
    assert any(re.search(rf"\b{inflection}\b", index.get(loc, ""), re.I)
               and not re.search(rf"\b{word}", index.get(loc, ""), re.I) for loc in found), word
    assert browser.console_errors() == []
    assert _left_file(browser) == []


def test_screen_only_links_are_hidden_on_paper():
    """The `¶` paragraph links and "read side by side" links make no sense on paper (and in the
    PDFs, which WeasyPrint renders with the print media rules)."""
    from scripts.config import ROOT

    css = (ROOT / "overrides/assets/stylesheets/print.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print {", 1)[1].split("}", 1)[0]
    assert ".paragraph-link" in print_rules and ".parallel-link" in print_rules
    assert "display: none" in print_rules
