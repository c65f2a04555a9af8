"""The site plan: which pages exist, in which languages, from which content, in what order.

Engine-neutral: it turns the loaded `Content` into rendered `Page`s and a navigation tree per
language, and answers the questions the build asks about them (which page of which language
is a fallback, the alternates of a page, the sitemap). Only scripts/engine/hooks.py knows MkDocs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from typing import Callable, Mapping
from xml.sax.saxutils import escape as xml_escape

from scripts.catalogue import BY_STEM, DOCUMENTS, KINDS
from scripts.content.models import Content, Edition, Front, Language
from scripts.plan.print_volumes import print_volumes
from scripts.plan.reading import add_reading_aids, glossary
from scripts.render.agenda import agenda_page, people_page
from scripts.render.common import Context, Page
from scripts.render.divergence_marks import FACTS_PATH, NOTES_PATH
from scripts.render.document import chapter_page, chapter_path, document_page, foreword_page
from scripts.render.fallback import fallback_page
from scripts.render.home import HOME_PATH, home_page
from scripts.render.notes import facts_anchors, facts_page, notes_page
from scripts.render.print_page import print_page
from scripts.render.reference import acronyms_page, definitions_page, series_page
from scripts.render.status import status_page
from scripts.render.translation_marks import STATUS_PATH, in_words_of_reference, page_units, untranslated
from scripts.translation.align import aligned
from scripts.translation.status import Translation
from scripts.translation.units import UnitState

X_DEFAULT = "x-default"


@dataclass(frozen=True)
class NavItem:
    title: str
    path: str | None = None  # a page, or None for a group
    children: tuple["NavItem", ...] = ()


@dataclass(frozen=True)
class PageSpec:
    """A page that exists in every language, rendered from one part of an edition."""

    path: str
    nav_key: str | None  # ui key of its navigation title; None: the page's own title
    part: Callable[[Edition], object | None]  # the model it is rendered from, if the edition has it
    render: Callable[[object, Context], Page]
    group: str | None = None  # ui key of the navigation group it belongs to


@dataclass
class Site:
    default: str  # the language served at the root
    languages: tuple[Language, ...]
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)  # lang -> path -> page
    nav: dict[str, tuple[NavItem, ...]] = field(default_factory=dict)
    ui: dict[str, Mapping[str, str]] = field(default_factory=dict)
    # The book's front matter in each language (its own, or the reference language's):
    # title, series, number, publisher, year, for the PDF, the EPUB and the citation.
    fronts: dict[str, Front] = field(default_factory=dict)
    site_url: str = ""  # where the site is published (the citation's address)

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def paths(self) -> list[str]:
        return list(self.pages[self.default])

    def is_fallback(self, lang: str, path: str) -> bool:
        return self.pages[lang][path].original is not None

    def language_root(self, lang: str) -> str:
        return "" if lang == self.default else f"{lang}/"

    def url(self, lang: str, path: str, site_url: str) -> str:
        """The absolute URL of a page (directory URLs: `report/x.md` -> `report/x/`)."""
        return site_url.rstrip("/") + "/" + self.language_root(lang) + page_url(path)

    def alternates(self, path: str, site_url: str) -> list[tuple[str, str]]:
        """(hreflang, absolute URL) for every language whose page holds its own text, then
        x-default: the default language's page, or the first real one if that is a fallback."""
        real = [lang for lang in self.codes if not self.is_fallback(lang, path)]
        out = [(lang, self.url(lang, path, site_url)) for lang in real]
        if real:
            default = self.default if self.default in real else real[0]
            out.append((X_DEFAULT, self.url(default, path, site_url)))
        return out

    def sitemap(self, site_url: str) -> str:
        """A sitemap listing every page that holds its own text, with its alternates."""
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for lang in self.codes:
            for path in self.pages[lang]:
                if self.is_fallback(lang, path):
                    continue
                lines.append("  <url>")
                lines.append(f"    <loc>{xml_escape(self.url(lang, path, site_url))}</loc>")
                for hreflang, href in self.alternates(path, site_url):
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{hreflang}" '
                                 f'href="{xml_escape(href)}"/>')
                lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"


def page_url(path: str) -> str:
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


# --- what pages there are ---------------------------------------------------------------------


# The renderer of each page of the catalogue (scripts/catalogue.py), called with the page's
# model, context and path; the report's chapters are planned from the content (`chapter_specs`).
_RENDERERS: dict[str, Callable[..., Page]] = {
    "foreword.md": foreword_page,
    "summary.md": partial(document_page, terms=True),
    "acronyms.md": acronyms_page,
    "agenda.md": agenda_page,
    "people.md": people_page,
    "background.md": partial(document_page, terms=True),
    "definitions.md": definitions_page,
    "series.md": series_page,
    "council-note.md": document_page,
}
_missing = {place.path for kind in KINDS for place in kind.pages} ^ set(_RENDERERS)
assert not _missing, f"pages of scripts/catalogue.py without a renderer here, or the reverse: {_missing}"


def page_specs(content: Content) -> list[PageSpec]:
    """Every page that exists in every language, in the order of the book."""
    specs: list[PageSpec] = []
    for kind in DOCUMENTS:
        if kind.stem == "report":
            specs += chapter_specs(content)
        for place in kind.pages:
            specs.append(PageSpec(place.path, place.nav, attrgetter(kind.edition_field),
                                  partial(_RENDERERS[place.path], path=place.path), kind.group))
    return specs


def chapter_specs(content: Content) -> list[PageSpec]:
    """One page per top-level section of the report, in the reference edition's order, then
    any chapter only another edition has."""
    order = [content.reference] + [c for c in content.codes if c != content.reference]
    ids: list[str] = []
    for code in order:
        edition = content.editions.get(code)
        if edition and edition.report:
            ids.extend(s.id for s in edition.report.sections if s.id not in ids)
    specs = []
    for chapter_id in ids:
        def part(e: Edition, chapter_id=chapter_id):
            if e.report is None:
                return None
            found = next((s for s in e.report.sections if s.id == chapter_id), None)
            return (e.report, found) if found else None

        def render(model, ctx: Context):
            report, chapter = model
            path = chapter_path(chapter)
            return chapter_page(report, chapter, ctx.at(path), path)

        specs.append(PageSpec(f"report/{chapter_id}.md", None, part, render, BY_STEM["report"].group))
    return specs


# --- building the plan ------------------------------------------------------------------------


def contexts(content: Content, translation: Translation | None = None) -> dict[str, Context]:
    """The rendering context of each language. Interface words missing from a language's
    ui.yml are taken from the reference language's (and marked with its `lang`), so a new
    language builds at once."""
    reference_ui = content.editions[content.reference].ui if content.reference in content.editions else {}
    known_notes = frozenset(facts_anchors(content))
    units = translation.units if translation else {}
    out = {}
    for language in content.languages:
        edition = content.editions.get(language.code)
        own = edition.ui if edition else {}
        ui = {**reference_ui, **own}
        out[language.code] = Context(language.code, language.locale, ui, known_notes=known_notes,
                                     borrowed=frozenset(reference_ui) - frozenset(own),
                                     words_lang=content.reference,
                                     units=units.get(language.code, {}),
                                     glossary=glossary(edition) if edition else None,
                                     divergences=content.divergences,
                                     languages=tuple(content.codes))
    return out


def _edition(content: Content, code: str) -> Edition:
    return content.editions.get(code) or Edition(code, {})


def source_language(content: Content, available: list[str]) -> str:
    """The edition a fallback page shows: the reference language's if it has it, else the
    first language in the list that has it."""
    return content.reference if content.reference in available else available[0]


def plan(content: Content, translation: Translation | None = None, edit_uri: str = "",
         site_url: str = "") -> Site:
    """Every page of every language. `translation` (scripts/translation/status.py) marks outdated and
    untranslated units and fills the status page; `edit_uri` is where its file links lead;
    `site_url`, where the site is published.
    Every edition is shown in the reference edition's structure (scripts/translation/align.py)."""
    content = aligned(content, {lang: {key for key, (state, origin) in units.items()
                                       if state == UnitState.MISSING and origin == content.reference}
                                for lang, units in (translation.units if translation else {}).items()})
    ctxs = contexts(content, translation)
    site = Site(default=content.reference, languages=content.languages, site_url=site_url)
    site.fronts = {code: front for code in content.codes
                   if (front := _edition(content, code).front or _any_front(content))}
    site.ui = {code: ctx.ui for code, ctx in ctxs.items()}
    specs = page_specs(content)
    rendered: dict[str, dict[str, Page]] = {code: {} for code in content.codes}
    for spec in specs:
        parts = {code: spec.part(_edition(content, code)) for code in content.codes}
        # A part whose every unit still holds the original's text is not in that language:
        # its page is a fallback page, like a part the language lacks.
        started = {code for code, part in parts.items()
                   if part is not None and untranslated(ctxs[code], page_units(part))}
        parts = {code: None if code in started else part for code, part in parts.items()}
        available = [code for code, part in parts.items() if part is not None]
        if not available:
            continue
        source = source_language(content, available)
        for code in content.codes:
            ctx = ctxs[code].at(spec.path)
            if parts[code] is not None:
                rendered[code][spec.path] = spec.render(parts[code], ctx)
            else:
                original = spec.render(parts[source], ctxs[source].at(spec.path))
                title = ctx.word(spec.nav_key) if spec.nav_key else original.title
                rendered[code][spec.path] = fallback_page(original, source, title, ctx,
                                                          tuple(available), code in started)
    for code in content.codes:
        ctx = ctxs[code]
        nav = navigation(specs, rendered[code], ctx)
        home = _home(content, code, nav, ctx, site.url(code, HOME_PATH, site_url) if site_url else "")
        subject_pages = _subject_pages(rendered[code], ctx)
        notes = notes_page(content, subject_pages, ctx)
        facts = facts_page(content, subject_pages, ctx)
        status = status_page(translation.rows if translation else (), content.languages, ctx,
                             subject_pages, edit_uri,
                             changes=translation.changes if translation else None,
                             origins={lang: {k: origin for k, (_s, origin) in units.items()}
                                      for lang, units in translation.units.items()} if translation else None)
        home, notes, facts, status = (
            in_words_of_reference(page, ctx.at(page.path), key) for page, key in
            ((home, "home_intro"), (notes, "notes_intro"), (facts, "facts_intro"),
             (status, "status_intro")))
        site.pages[code] = {HOME_PATH: home, **rendered[code], NOTES_PATH: notes, FACTS_PATH: facts,
                            STATUS_PATH: status}
        site.nav[code] = _with_notes((NavItem(ctx.word("home"), HOME_PATH), *nav), ctx)
        # The print edition, one page per volume (not in the navigation; made of it).
        volumes = print_volumes(site.nav[code])
        for volume in volumes:
            printed = print_page(ctx.at(volume.path), volume.number, len(volumes))
            site.pages[code][volume.path] = in_words_of_reference(printed, ctx.at(volume.path), "print_title")
    add_reading_aids(site.pages, content, ctxs)
    return site


def _with_notes(nav: tuple[NavItem, ...], ctx: Context) -> tuple[NavItem, ...]:
    """The two pages of notes on the editions (differences in meaning, then disagreements on
    facts) and the translation status page close the "about" group (created if the edition
    has none of its pages)."""
    closing = (NavItem(ctx.word("nav_notes"), NOTES_PATH), NavItem(ctx.word("nav_facts"), FACTS_PATH),
               NavItem(ctx.word("nav_status"), STATUS_PATH))
    about = ctx.word("nav_about")
    out = list(nav)
    for i, item in enumerate(out):
        if item.path is None and item.title == about:
            out[i] = NavItem(item.title, None, (*item.children, *closing))
            return tuple(out)
    return (*out, NavItem(about, None, closing))


def navigation(specs: list[PageSpec], pages: dict[str, Page], ctx: Context) -> tuple[NavItem, ...]:
    items: list[NavItem] = []
    groups: dict[str, list[NavItem]] = {}
    for spec in specs:
        if spec.path not in pages:
            continue
        page = pages[spec.path]
        item = NavItem(ctx.word(spec.nav_key) if spec.nav_key else page.title, spec.path)
        if spec.group is None:
            items.append(item)
            continue
        if spec.group not in groups:
            groups[spec.group] = []
            items.append(NavItem(spec.group, None))  # placeholder, filled below
        groups[spec.group].append(item)
    return tuple(NavItem(ctx.word(i.title), None, tuple(groups[i.title])) if i.path is None else i
                 for i in items)


def _any_front(content: Content) -> Front | None:
    reference = _edition(content, content.reference).front
    return reference or next((e.front for e in content.editions.values() if e.front), None)


def _home(content: Content, code: str, nav: tuple[NavItem, ...], ctx: Context, url: str = "") -> Page:
    edition = _edition(content, code)
    front = edition.front or next((e.front for e in content.editions.values() if e.front), None)
    agenda = edition.agenda or next((e.agenda for e in content.editions.values() if e.agenda), None)
    dates: tuple[datetime.date, datetime.date] | None = None
    if agenda and agenda.days:
        dates = (agenda.days[0].date, agenda.days[-1].date)
    parts = []
    for item in nav:
        if item.path is not None:
            parts.append(("", [(item.title, item.path)]))
        else:
            parts.append((item.title, [(c.title, c.path) for c in item.children if c.path]))
    # Consecutive single pages form one untitled group.
    merged: list[tuple[str, list[tuple[str, str]]]] = []
    for title, pages in parts:
        if not title and merged and not merged[-1][0]:
            merged[-1][1].extend(pages)
        else:
            merged.append((title, list(pages)))
    if front is None:
        raise ValueError("no edition has content/<lang>/front.yml: the home page needs one")
    return home_page(front, dates, merged, ctx, url=url)


def _subject_pages(pages: dict[str, Page], ctx: Context) -> dict[str, tuple[str, str]]:
    """Content file stem -> (its page, the page's title in this language)."""
    subject_pages = {kind.stem: (kind.pages[0].path, ctx.word(kind.title_word))
                     for kind in DOCUMENTS if kind.pages and kind.pages[0].path in pages}
    first_chapter = next((p for p in pages if p.startswith("report/")), None)
    if first_chapter:
        subject_pages["report"] = (first_chapter, ctx.word(BY_STEM["report"].title_word))
    return subject_pages
