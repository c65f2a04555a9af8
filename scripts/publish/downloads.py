"""What the build adds once every page of every language is written: a search index per
language, the print editions, the citation files, a PDF and an EPUB per language, the offline
archive, and the sizes of the downloads in the pages that link to them.

Engine-neutral: it works on the built folder and the site plan. The one step that needs
MkDocs, building the offline copy of the site, is a function the hook passes in.

Order matters, and nothing is circular: the PDFs are made from the print editions; the
offline copy is built into a temporary folder, gets the PDFs and their sizes, and is zipped;
only then are the sizes (the archive's included) written into the pages of the site, which
the archive does not contain.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from scripts.plan.print_volumes import print_volumes
from scripts.plan.site import NavItem, Site
from scripts.publish import epub as epub_module
from scripts.publish import pdf as pdf_module
from scripts.publish.archive import fill_sizes, make_zip, size_slot
from scripts.publish.book import Book, Imprint, book
from scripts.publish.build_cache import FileCache, Input
from scripts.publish.epub import write_epub
from scripts.publish.pdf import document as pdf_document
from scripts.publish.pdf import write_pdf
from scripts.publish.phases import Phases
from scripts.publish.print_edition import (Entry, Volume, assemble, assemble_volume, html_file, page_url,
                                           page_urls, relative_url, volume_header)
from scripts.publish.sanitize import clean
from scripts.publish.search_index import write_language_indexes
from scripts.render import citation
from scripts.render.citation import Reference
from scripts.render.home import CITE_DIR, HOME_PATH
from scripts.render.print_page import MARKER, PRINT_PATH

DOWNLOADS = "downloads"
ARCHIVE_ROOT = "return-migration-idm15"  # the folder the archive unzips into
ARCHIVE = f"{ARCHIVE_ROOT}-offline.zip"
ARCHIVE_EXCLUDE = ("sitemap.xml",)  # addresses on the web server: meaningless on a disk
NOT_FOUND = "404.html"  # each language's: served by a web server only, with absolute addresses


def pdf_name(lang: str) -> str:
    return f"{ARCHIVE_ROOT}-{lang}.pdf"


def epub_name(lang: str) -> str:
    return f"{ARCHIVE_ROOT}-{lang}.epub"


@dataclass(frozen=True)
class Link:
    """A download link for the theme: `href` relative to the site root; the label is
    `before` + the file's size (when `size_of` names a file) + `after`, all plain text."""

    href: str
    before: str
    after: str = ""
    size_of: str | None = None
    locale: str = ""

    @property
    def slot(self) -> str:
        return size_slot(self.size_of, self.locale) if self.size_of else ""

    def label_html(self) -> str:
        return html.escape(self.before) + self.slot + html.escape(self.after)


def _sized(href: str, template: str, file_name: str, locale: str) -> Link:
    before, found, after = template.partition("{size}")
    return Link(href, before, after, file_name if found else None, locale)


def links(site: Site, lang: str, directory_urls: bool, offline: bool, with_files: bool) -> list[Link]:
    """The download links of a page of `lang`: the print edition; with `with_files`, the PDF
    of the language and (not inside the archive itself) the offline archive. The offline
    copy links to its PDFs: the main build puts them in before zipping it."""
    ui, locale = site.ui[lang], _locale(site, lang)
    root = site.language_root(lang)
    out = [Link(root + page_url(PRINT_PATH, directory_urls), ui["download_print"])]
    if with_files:
        out.extend(book_files(site, lang))
        if not offline:
            out.append(_sized(f"{DOWNLOADS}/{ARCHIVE}", ui["download_archive"], ARCHIVE, locale))
    return out


def book_files(site: Site, lang: str) -> list[Link]:
    """The whole book of a language in one file: its PDF and its EPUB."""
    ui, locale = site.ui[lang], _locale(site, lang)
    return [_sized(f"{DOWNLOADS}/{name}", ui[label], name, locale)
            for name, label in ((pdf_name(lang), "download_pdf"), (epub_name(lang), "download_epub"))]


def _locale(site: Site, lang: str) -> str:
    return next(language.locale for language in site.languages if language.code == lang)


def edition_volumes(nav: tuple[NavItem, ...], directory_urls: bool) -> tuple[Volume, ...]:
    """The volumes of a language's print edition (scripts/plan/print_volumes.py), each with
    its page's URL and its entries."""
    return tuple(Volume(page_url(volume.path, directory_urls), _entries(volume.items, directory_urls))
                 for volume in print_volumes(nav))


def _entries(items: tuple[NavItem, ...], directory_urls: bool) -> tuple[Entry, ...]:
    return tuple(Entry(item.title, None, _entries(item.children, directory_urls)) if item.path is None
                 else Entry(item.title, page_url(item.path, directory_urls)) for item in items)


def edition_articles(root: Path, volumes: tuple[Volume, ...]) -> dict[str, str]:
    """The built HTML of every page of the edition (page URL -> HTML), read from the
    language's folder of the built site."""
    entries = tuple(entry for volume in volumes for entry in volume.entries)
    return {url: (root / html_file(url)).read_text(encoding="utf-8") for url in page_urls(entries)}


def whole_edition(volumes: tuple[Volume, ...], articles: dict[str, str], contents: str,
                  directory_urls: bool) -> str:
    """The whole edition as one body, sanitized (scripts/publish/sanitize.py) as a whole:
    the PDF and the EPUB are made from it."""
    entries = tuple(entry for volume in volumes for entry in volume.entries)
    return clean(assemble(entries, articles, page_url(PRINT_PATH, directory_urls), contents))


def write_print_editions(site_dir: Path, site: Site, directory_urls: bool,
                         languages: list[str] | None = None, with_files: bool = True) -> dict[str, str]:
    """Fill each volume page of each language's print edition (of `languages`, default all).
    `with_files`: the volumes offer the PDF and the EPUB (not while previewing, which makes
    none). Returns language -> the whole edition's body (for the books)."""
    bodies = {}
    for lang in site.codes if languages is None else languages:
        root, words = site_dir / site.language_root(lang), site.ui[lang]
        volumes = edition_volumes(site.nav[lang], directory_urls)
        articles = edition_articles(root, volumes)
        for number, volume in enumerate(volumes, start=1):
            book_links = tuple(
                (relative_url(link.href, site.language_root(lang) + volume.url), link.label_html())
                for link in (book_files(site, lang) if with_files else ()))
            header = volume_header(volumes, number, words, book_links)
            body = clean(assemble_volume(volumes, number, articles, words["print_contents"], header))
            page = root / html_file(volume.url)
            text = page.read_text(encoding="utf-8")
            if MARKER not in text:
                raise ValueError(f"{page}: the print page has no place for the edition")
            page.write_text(text.replace(MARKER, f'<div class="print-edition">{body}</div>', 1),
                            encoding="utf-8")
        bodies[lang] = whole_edition(volumes, articles, words["print_contents"], directory_urls)
    return bodies



def books(site: Site, bodies: dict[str, str]) -> dict[str, Book]:
    """The book of each language, from its print edition (scripts/publish/book.py)."""
    return {lang: book(body, imprint(site, lang), site.ui[lang]["print_contents"])
            for lang, body in bodies.items()}


def imprint(site: Site, lang: str) -> Imprint:
    return Imprint.of(site.fronts[lang], lang, site.ui[lang],
                      site.url(lang, HOME_PATH, site.site_url) if site.site_url else "")


@dataclass(frozen=True)
class PdfJob:
    """A language's PDF: what WeasyPrint is given, where it goes, the hash of its inputs."""

    lang: str
    document: str
    base: Path
    stylesheets: tuple[Path, ...]
    target: Path
    key: str
    cached: Path | None  # the same PDF, already made from the same inputs
    root: Path  # the only folder WeasyPrint may read from (the site)


def pdf_jobs(site_dir: Path, site: Site, made: dict[str, Book], directory_urls: bool,
             cache: FileCache) -> list[PdfJob]:
    """One PDF per language; its inputs: the book's document, its stylesheet, the PDF code
    and WeasyPrint's version."""
    import weasyprint

    print_url = page_url(PRINT_PATH, directory_urls)
    jobs = []
    for lang, one in made.items():
        document = pdf_document(one)
        base = site_dir / site.language_root(lang) / html_file(print_url)
        css, target = (pdf_module.BOOK_CSS,), site_dir / DOWNLOADS / pdf_name(lang)
        inputs: list[Input] = [document, base.relative_to(site_dir).as_posix(), *css,
                               Path(pdf_module.__file__), weasyprint.__version__]
        key, cached = cache.lookup(target.name, inputs)
        jobs.append(PdfJob(lang, document, base, css, target, key, cached, site_dir))
    return jobs


def write_pdfs(jobs: list[PdfJob], cache: FileCache, phases: Phases) -> list[Path]:
    """Copy the cached PDFs; render the others side by side (a few seconds each) in forked
    workers (they inherit the loaded modules and the import path the hook set up)."""
    todo = []
    for job in jobs:
        if job.cached is None:
            todo.append(job)
            continue
        start = time.perf_counter()
        job.target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(job.cached, job.target)
        phases.record(f"PDF {job.lang}", time.perf_counter() - start, "reused")
    if todo:
        workers = max(1, min(len(todo), os.cpu_count() or 1))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for job, seconds in zip(todo, pool.map(_timed_pdf, todo)):
                cache.store(job.target, job.key)
                phases.record(f"PDF {job.lang}", seconds, "made")
    return [job.target for job in jobs]


def _timed_pdf(job: PdfJob) -> float:
    start = time.perf_counter()
    write_pdf(job.document, job.base, job.target, job.stylesheets, job.root)
    return time.perf_counter() - start


def write_epubs(site_dir: Path, made: dict[str, Book], cache: FileCache, phases: Phases) -> list[str]:
    """One EPUB per language (scripts/publish/epub.py), from the same books as the PDFs, reused from
    the cache when its book and the EPUB code did not change. Returns their cache keys."""
    keys = []
    for lang, one in made.items():
        inputs: list[Input] = [pdf_document(one), Path(epub_module.__file__), epub_module.EPUB_CSS]
        with phases.phase(f"EPUB {lang}"):
            result = cache.make(site_dir / DOWNLOADS / epub_name(lang), inputs,
                                partial(write_epub, one))
        phases.notes[f"EPUB {lang}"] = "reused" if result.reused else "made"
        keys.append(result.key)
    return keys


def write_citations(site_dir: Path, site: Site) -> list[Path]:
    """The reference of each language's edition as BibTeX, RIS and CSL-JSON, beside its home
    page (the "cite this publication" block links to them: scripts/render/home.py)."""
    out = []
    for lang in site.codes:
        url = site.url(lang, HOME_PATH, site.site_url) if site.site_url else ""
        folder = site_dir / site.language_root(lang) / CITE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in citation.files(Reference.of(site.fronts[lang], lang, url)).items():
            (folder / name).write_text(text, encoding="utf-8", newline="")
            out.append(folder / name)
    return out


def finish(site_dir: Path, site: Site, *, directory_urls: bool, offline: bool, with_files: bool,
           build_offline: Callable[[Path], Callable[[], None]] | None = None,
           archive_inputs: tuple[Input, ...] = (), cache: FileCache | None = None,
           phases: Phases | None = None, languages: list[str] | None = None) -> None:
    """Everything after the last page is written (see the module's docstring).
    `with_files`: make the PDFs and the archive (not while previewing, nor in the offline
    copy itself); `build_offline(target)` starts building the offline copy of the site into
    `target` and returns a function that waits for it (and raises if it failed).
    `archive_inputs`: everything the offline copy is built from (with the PDFs, the key of the
    cached archive: when none changed, the offline copy is not built again). `languages`: the
    languages whose print page was rendered again (default all; a preview renders only the
    pages that changed)."""
    cache, phases = cache or FileCache(None), phases or Phases()
    roots = {code: site.language_root(code) for code in site.codes}
    with phases.phase("search indexes"):
        write_language_indexes(site_dir, roots, offline)
    with phases.phase("print editions"):
        bodies = write_print_editions(site_dir, site, directory_urls, languages, with_files)
    with phases.phase("citations"):
        write_citations(site_dir, site)
    if not with_files or offline or build_offline is None:
        return
    downloads = site_dir / DOWNLOADS
    files = [name for lang in site.codes for name in (pdf_name(lang), epub_name(lang))]
    with phases.phase("books"):
        made = books(site, bodies)
    epub_keys = write_epubs(site_dir, made, cache, phases)
    jobs = pdf_jobs(site_dir, site, made, directory_urls, cache)
    # A download is a function of its inputs, so their keys stand for their bytes: the
    # archive's key is known before the PDFs are made, and its offline copy builds meanwhile.
    archive_key, cached_archive = cache.lookup(ARCHIVE, [*archive_inputs, *epub_keys,
                                                         *(job.key for job in jobs)])
    with tempfile.TemporaryDirectory(prefix="offline-site-") as temp:
        tree = Path(temp) / ARCHIVE_ROOT
        start = time.perf_counter()
        wait = build_offline(tree) if cached_archive is None else None
        try:
            with phases.phase("PDFs (wall)"):
                write_pdfs(jobs, cache, phases)
        finally:
            if wait is not None:
                wait()
                phases.record("offline copy", time.perf_counter() - start, "made")
        with phases.phase("archive"):
            if cached_archive is not None:
                shutil.copyfile(cached_archive, downloads / ARCHIVE)
                phases.notes["archive"] = "reused"
            else:
                (tree / DOWNLOADS).mkdir(parents=True, exist_ok=True)
                for name in files:
                    shutil.copyfile(downloads / name, tree / DOWNLOADS / name)
                fill_sizes(tree, {name: tree / DOWNLOADS / name for name in files})
                not_found = tuple(root + NOT_FOUND for root in roots.values())  # a disk has no "not found" page
                make_zip(tree, downloads / ARCHIVE, ARCHIVE_ROOT, exclude=ARCHIVE_EXCLUDE + not_found)
                cache.store(downloads / ARCHIVE, archive_key)
                phases.notes["archive"] = "made"
    with phases.phase("download sizes"):
        fill_sizes(site_dir, {name: downloads / name for name in [*files, ARCHIVE]})
