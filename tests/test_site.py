"""A real build of the site (`mkdocs build --strict`), once per test session, and what it must hold:
the same pages in every language, alternates, `lang`, links and anchors, the agenda, the
fallback pages, 404 pages, the sitemap, and no request to another host."""

from __future__ import annotations

import html
import re

import pytest

from scripts.content.models import paragraph_anchors
from tests.support.pages import SITE_URL, Built, css_urls, exists, is_print_volume, print_volumes, resolve

# --- pages and languages ----------------------------------------------------------------------


def test_every_language_has_the_same_pages(built: Built):
    reference = built.paths(built.default)
    assert "" in reference and "agenda/" in reference and "council-note/" in reference
    for lang in built.codes:
        assert built.paths(lang) == reference, f"{lang} differs: {built.paths(lang) ^ reference}"


def test_every_report_chapter_has_its_page(built: Built):
    report = built.content.editions[built.default].report
    assert report is not None
    for chapter in report.sections:
        for lang in built.codes:
            assert f"report/{chapter.id}/" in built.paths(lang)


def test_html_lang_is_the_language_of_the_page(built: Built):
    for path, page in built.pages.items():
        expected = built.lang_of(path)
        assert page.lang == expected, f"{path}: <html lang={page.lang!r}>, expected {expected!r}"


def test_each_language_has_its_own_404_page(built: Built):
    for lang in built.codes:
        page = built.pages[built.prefix(lang) + "404.html"]
        assert page.lang == lang
        assert built.ui(lang, "not_found_title") in page.text
        others = [built.ui(other, "not_found_title") for other in built.codes if other != lang]
        assert not any(title in page.text for title in others)


# --- alternates, language selector, sitemap ---------------------------------------------------


def _fallback_paths(built: Built, lang: str) -> set[str]:
    # The print edition holds every page, fallback notices included, but is a page of its own.
    return {p for p in built.paths(lang)
            if not is_print_volume(p) and built.ui(lang, "fallback_title") in built.page(lang, p).text}


def test_alternates_point_to_existing_real_pages_at_the_same_path(built: Built):
    for lang in built.codes:
        for path in built.paths(lang):
            alternates = dict(built.page(lang, path).alternates)
            assert "x-default" in alternates, f"{lang}:{path} has no x-default"
            real = [code for code in built.codes if path not in _fallback_paths(built, code)]
            assert sorted(k for k in alternates if k != "x-default") == sorted(real), f"{lang}:{path}"
            for hreflang, href in alternates.items():
                assert href.startswith(SITE_URL), f"{lang}:{path}: {href} is not absolute from site_url"
                target, _ = resolve(built, "", href)
                assert target is not None and exists(built, target), f"{lang}:{path}: {href} does not exist"
                target_lang = built.lang_of(target)
                assert target[len(built.prefix(target_lang)):] == path, f"{href} is not the same page"
                assert path not in _fallback_paths(built, target_lang), f"{href} is a fallback page"
                if hreflang != "x-default":
                    assert target_lang == hreflang


def test_language_selector_leads_to_the_same_page(built: Built):
    for lang in built.codes:
        for path in built.paths(lang):
            links = built.page(lang, path).selector
            assert len(links) == len(built.codes), f"{lang}:{path}: {links}"
            for href, hreflang in links:
                target, _ = resolve(built, built.prefix(lang) + path, href)
                assert target is not None and exists(built, target)
                target_lang = built.lang_of(target)
                assert target[len(built.prefix(target_lang)):] == path
                if hreflang is not None:  # only real pages carry an hreflang
                    assert path not in _fallback_paths(built, target_lang)


def test_sitemap_lists_real_pages_with_alternates(built: Built):
    sitemap = (built.site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for lang in built.codes:
        for path in built.paths(lang):
            url = SITE_URL + built.prefix(lang) + path
            if path in _fallback_paths(built, lang):
                assert url not in locs and f'href="{url}"' not in sitemap
            else:
                assert url in locs
    assert sitemap.count('hreflang="x-default"') == len(locs)


def test_every_page_has_a_description_in_its_language(built: Built):
    for path in built.paths(built.default):
        descriptions = {lang: built.page(lang, path).description for lang in built.codes}
        assert all(descriptions.values()), f"{path}: {descriptions}"
        assert len(set(descriptions.values())) == len(built.codes), f"{path}: {descriptions}"


# --- links and anchors ------------------------------------------------------------------------


def test_every_internal_link_and_anchor_resolves(built: Built):
    broken = []
    checked = 0
    for path, page in built.pages.items():
        for href in page.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target, fragment = resolve(built, path, href)
            if target is None:
                continue
            checked += 1
            if not exists(built, target):
                broken.append(f"{path}: {href} -> missing {target}")
            elif fragment and target in built.pages and fragment not in built.pages[target].ids:
                broken.append(f"{path}: {href} -> no #{fragment} in {target}")
    assert checked > 1000
    assert not broken, "\n".join(broken[:30])


def test_every_block_has_its_anchor(built: Built):
    for lang in built.codes:
        edition = built.content.editions[lang]
        if edition.report is None:
            continue
        for chapter in edition.report.sections:
            page = built.page(lang, f"report/{chapter.id}/")
            for section in chapter.walk():
                missing = set(paragraph_anchors(section.id, section.blocks)) - page.ids
                assert not missing, f"{lang} report/{chapter.id}: {sorted(missing)}"
                assert section.id in page.ids


# --- the agenda and the people ----------------------------------------------------------------


def _agenda_html(built: Built, lang: str) -> str:
    return (built.site / built.prefix(lang) / "agenda" / "index.html").read_text(encoding="utf-8")


def test_agenda_shows_every_slot_with_its_times(built: Built):
    """Each slot's times, written as the reader's edition writes them ("09h00 – 10h00" in French)."""
    forms = {"en": "{h}:{m}", "fr": "{h}h{m}", "es": "{h}:{m}"}
    for lang in built.codes:
        agenda = built.content.editions[lang].agenda or built.content.editions[built.default].agenda
        assert agenda is not None
        html = _agenda_html(built, lang)
        slots = list(agenda.slots())
        assert len(slots) >= 10
        for _day, slot in slots:
            match = re.search(rf'<h3 id="{re.escape(slot.id)}">(.*?)</h3>', html, re.S)
            assert match, f"{lang}: slot {slot.id} has no heading"
            heading = re.sub(r"<[^>]+>", "", match.group(1))
            start, end = (forms[lang].format(h=t[:2], m=t[3:]) for t in (slot.start, slot.end))
            assert f"{start} – {end}" in heading, f"{lang} {slot.id}: {heading}"


@pytest.mark.parametrize("lang, date, labels", [
    ("en", "7 July 2008", ("Moderator", "Speakers", "General Discussion",
                           "The following questions are proposed to guide the discussion:")),
    ("fr", "7 juillet 2008", ("Modérateur", "Orateurs", "Débat général",
                              "Les questions suivantes sont proposées pour guider les débats:")),
    ("es", "7 de julio de 2008", ("Moderador", "Oradores", "Debate General",
                                  "A fin de orientar las deliberaciones se plantearán las siguientes preguntas:")),
])
def test_agenda_reads_as_each_edition_prints_it(built: Built, lang, date, labels):
    page = built.page(lang, "agenda/")
    assert date in page.text
    for label in labels:
        assert label in page.text, f"{lang}: {label!r} missing"
    html = _agenda_html(built, lang)
    assert html.count("<details") >= 4  # the guiding questions are collapsible


@pytest.mark.parametrize("lang, printed, not_printed", [
    ("en", ["The Netherlands", "Russian Federation", "Vietnam", "El Salvador"], ["Russia,", "Belgium", "Iraq<"]),
    ("fr", ["Pays-Bas", "Fédération de Russie", "Moldova", "El Salvador"], ["Moldavie", ", Salvador<", "Belgique"]),
    ("es", ["Países Bajos", "Nueva Zelandia", "República de Moldova", "Viet Nam", "Federación de Rusia"],
     ["Nueva Zelanda<", "Bélgica", ", Rusia<"]),
])
def test_country_names_are_as_each_edition_prints_them(built: Built, lang, printed, not_printed):
    """Countries in the edition's own words; none where the edition prints none (after "IOM
    Chisinau", "IOM Baghdad", "Cliniques de l'Europe, Brussels")."""
    html = _agenda_html(built, lang)
    for name in printed:
        assert name in built.page(lang, "agenda/").text, f"{lang}: {name!r} missing"
        assert name in built.page(lang, "people/").text, f"{lang}: {name!r} missing from people"
    for name in not_printed:
        assert name not in html, f"{lang}: {name!r} is not printed by this edition"


def test_french_agenda_header_marks_only_its_english_lines(built: Built):
    html = _agenda_html(built, "fr")
    assert '<span lang="en">International Dialogue on Migration</span>' in html
    assert '<span lang="en">7 – 8 July 2008</span>' in html
    title = "Le renforcement du rôle de la migration de retour dans les efforts de développement"
    assert title in html and f'lang="en">{title}' not in html


def test_series_items_are_complete_as_printed(built: Built):
    def words(lang: str) -> str:  # the page's text, tags removed without adding spaces
        raw = (built.site / built.prefix(lang) / "series" / "index.html").read_text(encoding="utf-8")
        raw = re.sub(r"<(script|style)\b.*?</\1>", "", raw, flags=re.S)
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())

    en = words("en")
    assert "82nd Session of the Council; 27-29 November 2001 (available in English, French, Spanish), May 2002" in en
    assert "Titles in the series are available from:" in en
    es = words("es")
    assert "Active in the [Field of Migration 2002]" in es
    assert "(disponible en [español, francés e inglés]), [mayo de 2002]" in es
    assert "[International Organization for Migration]" in es
    assert "pueden obtenerse" not in es  # the Spanish edition prints no sentence before the address
    es_html = (built.site / "es" / "series" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">84th Session of the Council; 2-4 December 2002</span>' in es_html


def test_people_page_lists_everyone_with_their_sessions(built: Built):
    for lang in built.codes:
        agenda = built.content.editions[lang].agenda or built.content.editions[built.default].agenda
        page = built.page(lang, "people/")
        for _day, slot in agenda.slots():
            for person_id in slot.people():
                assert person_id in page.ids, f"{lang}: {person_id} missing from the people page"
        html = (built.site / built.prefix(lang) / "people" / "index.html").read_text(encoding="utf-8")
        assert 'href="../agenda/#session-1"' in html


# --- fallback pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_council_note_falls_back_to_spanish_with_a_notice(built: Built, lang):
    assert built.content.editions[lang].council_note is None  # the premise of this test
    page = built.page(lang, "council-note/")
    assert page.lang == lang
    spanish = built.content.editions["es"].council_note
    notice = built.ui(lang, "fallback_text").split("{language}")[0].strip()
    assert notice and notice in page.text
    assert "es" in page.lang_elements
    html = (built.site / built.prefix(lang) / "council-note" / "index.html").read_text(encoding="utf-8")
    inside = html.split('<div lang="es">', 1)
    assert len(inside) == 2, "the Spanish text is not inside an element with lang=es"
    assert "El tema escogido por los Estados Miembros" in inside[1]
    assert "El tema escogido por los Estados Miembros" not in inside[0]
    assert spanish is not None and spanish.title in inside[1]


def test_spanish_council_note_is_not_a_fallback(built: Built):
    page = built.page("es", "council-note/")
    assert built.ui("es", "fallback_title") not in page.text
    assert "El tema escogido por los Estados Miembros" in page.text


def test_series_falls_back_where_the_edition_has_none(built: Built):
    for lang in built.codes:
        has_series = built.content.editions[lang].series is not None
        assert (built.ui(lang, "fallback_title") in built.page(lang, "series/").text) != has_series


# --- no request leaves the site ---------------------------------------------------------------


def test_no_page_loads_anything_from_another_host(built: Built):
    external = []
    count = 0
    for path, page in built.pages.items():
        for what, url in page.resources:
            count += 1
            if url.startswith("data:"):
                continue
            target, _ = resolve(built, path, url)
            if target is None:
                external.append(f"{path}: {what} {url}")
    assert count > 100
    assert not external, "\n".join(external[:20])


def test_no_stylesheet_imports_fonts_or_styles_from_another_host(built: Built):
    for css in (built.site / "assets").rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in css_urls(text):
            assert not re.match(r"(https?:)?//", url), f"{css.name}: {url}"


# --- navigation -------------------------------------------------------------------------------


def test_navigation_titles_are_in_the_language_of_the_page(built: Built):
    for lang in built.codes:
        text = built.page(lang, "agenda/").text
        for key in ("nav_part_2", "nav_about", "nav_people", "nav_notes", "nav_facts", "home"):
            assert built.ui(lang, key) in text, f"{lang}: {key}"
        for other in built.codes:
            if other != lang:
                assert built.ui(other, "nav_part_2") not in text


def test_pages_have_previous_and_next_links(built: Built):
    for lang in built.codes:
        html = (built.site / built.prefix(lang) / "summary" / "index.html").read_text(encoding="utf-8")
        assert "md-footer__link--prev" in html and "md-footer__link--next" in html
        assert 'class="md-nav md-nav--secondary"' in html  # the table of contents


def test_the_print_edition_loads_none_of_the_theme(built: Built):
    """The publication in volumes of one page (issue 12): their own text is most of what they
    may weigh, so they load the site's own stylesheets and no script, not Material's bundle
    and main.css."""
    for lang in built.codes:
        for path in print_volumes(built, lang):
            page = built.page(lang, path)
            loaded = [url for _, url in page.resources]
            assert not [u for u in loaded if "/javascripts/" in u or "/main." in u or "/palette." in u], loaded
            assert [u for u in loaded if u.endswith("assets/stylesheets/edition.css")], loaded
            html = (built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8")
            assert html.count('<section class="print-chapter"') >= 1, f"{lang}/{path}: no chapter"
