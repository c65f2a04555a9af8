"""Every edition as published, and the differences between the editions explained to readers:
the divergences data (schema, references, quotations), what each note says the site shows (found
on the built pages, in every language), the markers at the passages, the highlights on the
side-by-side pages, and the notes page written for readers."""

from __future__ import annotations

import html
import re

import pytest

from scripts.plan.site import page_url
from scripts.render.divergence_marks import FACTS_PATH, NOTES_PATH
from scripts.render.passages import passage
from scripts.render.shown import place, shown
from tests.support.checking import problems_of
from tests.support.pages import is_print_volume, print_volumes, resolve

DOCUMENTS = ("summary", "report", "background", "agenda", "definitions")


def page_text(raw: str) -> str:
    """The words of an HTML page as a reader reads them (tags removed without adding spaces)."""
    raw = re.sub(r"<(script|style)\b.*?</\1>", "", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", raw)).split())


def html_of(built, lang: str, path: str) -> str:
    """The built page of a content path ("agenda.md", "report/overview.md")."""
    folder = path[:-3]
    folder = "" if folder == "index" else folder + "/"
    return (built.site / built.prefix(lang) / folder / "index.html").read_text(encoding="utf-8")


# --- the data -----------------------------------------------------------------------------------


def test_divergences_cover_every_document_and_are_at_least_25(loaded):
    divergences = loaded.content.divergences
    assert len(divergences) >= 25
    assert {d.document for d in divergences} == set(DOCUMENTS)
    assert len({d.id for d in divergences}) == len(divergences)


def test_every_quotation_stands_word_for_word_in_its_edition(loaded):
    """What `check` enforces, asserted on the real content: each passage exists in every edition
    quoted, and each quotation is in that edition's text of the passage."""
    content = loaded.content
    for d in content.divergences:
        assert set(d.editions) == set(content.codes), d.id
        assert set(d.explanation) == set(content.codes), d.id  # explained in every language
        for lang, quotation in d.editions.items():
            found = passage(content.editions[lang], d.document, d.paragraph)
            assert found is not None, (d.id, lang)
            assert " ".join(quotation.says.split()) in " ".join(found.text.split()), (d.id, lang)
            assert quotation.page and quotation.page > 0


@pytest.mark.parametrize("old, new, message", [
    ("    document: report\n    paragraph: many-forms-5", "    document: chapter\n    paragraph: many-forms-5",
     "is not allowed for 'document'"),
    ("    paragraph: many-forms-5", "    paragraph: many-forms-99", "'many-forms-99' is no passage of the report"),
    ("Unos pocos factores influyen", "Varios factores influyen", "this quotation is not in the es text"),
    ("        page: 15\n", "        page: zero\n", "page"),
])
def test_check_refuses_bad_divergences_with_file_line_column(content_copy, old, new, message):
    root = content_copy("content/divergences.yml", old, new)
    problems = problems_of(root)
    assert any(p.startswith("content/divergences.yml:") and message in p for p in problems), problems


def test_check_refuses_a_fact_note_without_shown_where_it_cannot_be_derived(content_copy):
    text = (content_copy.root / "content/resolutions.yml").read_text(encoding="utf-8")
    block = text[text.index("  - id: department-name"):]
    shown_block = block[block.index("    shown:"):block.index("    why:")]
    root = content_copy("content/resolutions.yml", shown_block, "")
    assert any("add `shown` for en, fr, es" in p for p in problems_of(root))


def test_check_refuses_a_link_to_a_note_on_the_wrong_page_of_notes(content_copy):
    """The texts of content/resolutions.yml are checked for links like every edition's: a fact
    note is on the facts page, not on the notes page."""
    root = content_copy("content/resolutions.yml", "](facts.md#ilunga-name)", "](notes.md#ilunga-name)")
    problems = problems_of(root)
    assert any(p.startswith("content/resolutions.yml:") and "'notes.md#ilunga-name' leads to no anchor" in p
               for p in problems), problems


# --- on the built site ----------------------------------------------------------------------------


def test_every_note_shows_what_the_site_shows(built):
    """For every fact note and every language, the values the note says the site shows (derived
    from the content or stated word for word) stand on the page the note targets, in order."""
    content = built.content
    checked = 0
    for res in content.resolutions:
        where = place(res, content)
        for lang in built.codes:
            values = shown(res, content.editions[lang])
            notes = page_text(html_of(built, lang, FACTS_PATH))
            if values is None:
                assert built.ui(lang, "notes_shown_none") in notes
                continue
            text = page_text(html_of(built, lang, where.path))
            at = 0
            for value in values:
                found = text.find(" ".join(value.split()), at)
                assert found >= 0, f"{res.id} ({lang}): {value!r} is not on {where.path}"
                at = found
                checked += 1
    assert checked >= 60


def test_french_times_are_written_as_the_french_edition_writes_them(built):
    text = page_text(html_of(built, "fr", "agenda.md"))
    assert "09h00 – 10h00" in text and "10h30 – 13h00" in text and "09:00" not in text
    assert "10:30 – 13:00" in page_text(html_of(built, "es", "agenda.md"))


def test_a_marker_at_each_passage_opens_the_other_editions_words(built):
    content = built.content
    for d in content.divergences:
        for lang in built.codes:
            found = passage(content.editions[lang], d.document, d.paragraph)
            raw = html_of(built, lang, found.path)
            at = raw.index(f'id="{d.paragraph}"')
            details = raw.find('<details class="note divergence">', at)
            assert details > 0, (d.id, lang)
            end = raw.index("</details>", details)
            note = raw[details:end]
            assert built.ui(lang, "divergence_marker") in note
            for other, quotation in d.editions.items():
                if other != lang:
                    assert f'<span lang="{other}">{html.escape(quotation.says, quote=False)}</span>' in note, (d.id, lang, other)
            first = next(x for x in content.divergences if x.paragraph == d.paragraph)
            assert f'notes/#{first.id}"' in note  # the notes of this passage, on the notes page


def test_side_by_side_pages_highlight_each_quoted_passage(built):
    content = built.content
    for d in content.divergences:
        if d.document == "agenda":
            continue  # the agenda has no side-by-side page
        found = passage(content.editions[content.reference], d.document, d.paragraph)
        raw = html_of(built, content.reference, "parallel/" + found.path)
        marked = [page_text(m) for m in re.findall(r'<mark class="divergence">(.*?)</mark>', raw, re.S)]
        for lang, quotation in d.editions.items():
            assert " ".join(quotation.says.split()) in marked, (d.id, lang)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("path", [NOTES_PATH, FACTS_PATH])
def test_notes_pages_are_written_for_readers(built, lang, path):
    content = built.content
    raw = html_of(built, lang, path)
    text = page_text(raw)
    ids = {m for m in re.findall(r'id="([^"]+)"', raw)}
    if path == NOTES_PATH:
        records, others = content.divergences, content.resolutions
        groups = {f"notes-{document}" for document in DOCUMENTS}
    else:
        records, others = content.resolutions, content.divergences
        groups = {f"facts-{r.subject}" for r in content.resolutions}
    assert groups <= ids
    for record in records:
        assert record.id in ids
        assert record.id not in text, f"{record.id}: an internal id shown to readers"
    assert not {record.id for record in others} & ids, "a note on the other page of notes"
    # Places in the editions are printed pages, never lines of a text file.
    assert not re.search(r"\b(line|lines|ligne|lignes|línea|líneas) \d", text)
    assert built.ui(lang, "notes_page").split("{")[0].strip() in text
    # Every word of the page is in its language, except what is marked with another `lang`.
    other = re.sub(r'<span lang="(?!%s")[a-z]+">.*?</span>' % lang, "", raw, flags=re.S)
    own = page_text(other)
    english_words = ("Shown on this site", "(absent)", "edition prints", "Why", "What differs")
    if lang != "en":
        for words in english_words:
            assert words not in own, f"{lang}: {words!r}"


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_every_link_to_a_note_lands_on_its_page_of_notes(built, lang):
    """A link to a fact note (at an agenda slot an edition does not print, from the people
    page, a note citing another) lands on the facts page, at that note; a link to the note on a passage (the
    marker under the passage) on the notes page, at that note. Every page of the language but
    the print edition, whose links stay inside it (test_print_editions_carry_both_pages_of_notes)."""
    content = built.content
    facts = {r.id for r in content.resolutions}
    divergences = {d.id for d in content.divergences}
    assert facts and divergences and not facts & divergences
    prefix = built.prefix(lang)
    home = {"facts": prefix + page_url(FACTS_PATH), "notes": prefix + page_url(NOTES_PATH)}
    landed: dict[str, set[tuple[str, str]]] = {"facts": set(), "notes": set()}
    for url_path, page in built.pages.items():
        if built.lang_of(url_path) != lang or is_print_volume(url_path):
            continue
        for href in page.links:
            target, fragment = resolve(built, url_path, href)
            kind = "facts" if fragment in facts else "notes" if fragment in divergences else None
            if kind is None:
                if target in home.values() and fragment:  # a page of notes, at no note
                    assert fragment in built.pages[target].ids, f"{url_path}: {href}: no such anchor"
                continue
            assert target == home[kind], f"{url_path}: {href} leads to {target}, not {home[kind]}"
            assert fragment in built.pages[target].ids, f"{url_path}: {href}: no such anchor"
            landed[kind].add((url_path, fragment))
    # What should link to a note does: the marker under every passage where the editions differ…
    first = {d.paragraph: d.id for d in reversed(content.divergences)}  # a passage's first note
    expected = {(prefix + page_url(passage(content.editions[lang], d.document, d.paragraph).path), d.id)
                for d in content.divergences if first[d.paragraph] == d.id}
    missing = expected - landed["notes"]
    assert not missing, f"passages whose marker links to no note: {sorted(missing)}"
    # …and the agenda's note at each slot this edition does not print.
    agenda = content.editions[lang].agenda
    supplied = {slot.supplied for _day, slot in agenda.slots() if slot.supplied in facts}
    linked = {f for page, f in landed["facts"] if page == prefix + "agenda/"}
    assert supplied <= linked, f"slots whose note is not linked: {sorted(supplied - linked)}"


def test_words_supplied_in_the_series_lead_to_why(built):
    """Where an edition's list of the series has words in square brackets (its lines are cut
    off: the Spanish), the note under it leads to the facts about the series, which say what
    each edition prints there; an edition without brackets has no such note."""
    shown = 0
    for lang in built.codes:
        url_path = built.prefix(lang) + page_url("series.md")
        raw = html_of(built, lang, "series.md")
        notes = [href for href, words in re.findall(r'<em><a href="([^"]*)">([^<]*)</a></em>', raw)
                 if html.unescape(words) == built.ui(lang, "supplied_brackets")]
        if 'class="supplied"' not in raw:
            assert notes == [], lang
            continue
        assert len(notes) == 1, (lang, notes)
        target, fragment = resolve(built, url_path, notes[0])
        assert (target, fragment) == (built.prefix(lang) + page_url(FACTS_PATH), "facts-series"), lang
        heading = re.search(rf'<h2 id="{fragment}">(.*?)</h2>', html_of(built, lang, FACTS_PATH), re.S)
        assert heading and built.ui(lang, "nav_series") in page_text(heading.group(1)), lang
        shown += 1
    assert shown, "no edition shows supplied words in its list of the series"


def _intro(raw: str) -> str:
    """The page's introduction: the paragraph after its title."""
    return re.search(r"</h1>\s*<p>(.*?)</p>", raw, re.S).group(1)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_each_page_of_notes_says_the_other_exists(built, lang):
    pages = {NOTES_PATH: ("nav_notes", FACTS_PATH, "nav_facts"),
             FACTS_PATH: ("nav_facts", NOTES_PATH, "nav_notes")}
    for path, (title, other, other_title) in pages.items():
        url_path = built.prefix(lang) + page_url(path)
        raw = html_of(built, lang, path)
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", raw, re.S).group(1)
        assert page_text(h1).rstrip("¶") == built.ui(lang, title), (lang, path)
        links = re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', _intro(raw))
        assert [(resolve(built, url_path, href)[0], html.unescape(words)) for href, words in links] == \
            [(built.prefix(lang) + page_url(other), built.ui(lang, other_title))], (lang, path)
        # and the navigation holds both pages
        assert {built.prefix(lang) + page_url(p) for p in pages} <= {
            resolve(built, url_path, href)[0] for href in built.page(lang, page_url(path)).links}


def test_print_editions_carry_both_pages_of_notes(built):
    """The print edition (its contents are the navigation's) holds each page of notes once,
    every note once, and its links to a note lead to that note inside the edition."""
    content = built.content
    for lang in built.codes:
        volumes = [(built.site / built.prefix(lang) / path / "index.html").read_text(encoding="utf-8")
                   for path in print_volumes(built, lang)]
        raw = "\n".join(volumes)
        chapters = re.findall(r'<section class="print-chapter" id="([^"]+)"', raw)
        ids = re.findall(r'id="([^"]+)"', raw)
        for path, title, records in ((NOTES_PATH, "nav_notes", content.divergences),
                                     (FACTS_PATH, "nav_facts", content.resolutions)):
            chapter = "page-" + path.removesuffix(".md")
            assert chapters.count(chapter) == 1, (lang, chapter)
            assert page_text(raw).count(built.ui(lang, title)) >= 2  # the contents and the chapter
            for record in records:
                assert ids.count(f"{chapter}--{record.id}") == 1, (lang, record.id)
        notes = {d.id: "page-notes" for d in content.divergences} | {r.id: "page-facts" for r in content.resolutions}
        for target in re.findall(r'href="#([^"]+)"', raw):
            chapter, _, anchor = target.partition("--")
            if anchor in notes:
                assert chapter == notes[anchor] and target in ids, (lang, target)
        assert "Unos pocos factores influyen" in page_text(raw)


# --- pages for readers, pages for contributors ------------------------------------------------------

_CONTRIBUTOR_WORDS = ("pull request", "CONTRIBUTING", "demande de fusion", "solicitud de incorporación")


def test_reader_pages_and_print_editions_carry_no_contributor_instructions(built):
    """Contributor guidance lives on the status page (and CONTRIBUTING.md), nowhere else."""
    for url_path in built.pages:
        if url_path.endswith(".html") or url_path.rstrip("/").endswith("status"):
            continue
        text = page_text((built.site / url_path / "index.html").read_text(encoding="utf-8"))
        for words in _CONTRIBUTOR_WORDS:
            assert words not in text, f"{url_path}: {words!r}"
        assert not re.search(r"content/[a-z]{2}/[a-z-]+\.yml", text), url_path


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_fallback_page_links_to_the_original_page(built, lang):
    raw = html_of(built, lang, "council-note.md")
    link = re.search(r'<a href="([^"]+)" data-original-lang="es" data-in-page="#original">([^<]+)</a>', raw)
    assert link, "no link to the original"
    assert link.group(1) == {"en": "../es/council-note/", "fr": "../../es/council-note/"}[lang]  # the Spanish page
    assert link.group(2) == built.ui(lang, "original_link").format(
        language={"en": "Spanish", "fr": "espagnol"}[lang])


def test_banners_link_to_the_original_page_not_to_contributor_pages(loaded):
    from scripts.plan.site import contexts
    from scripts.render.translation_marks import outdated_notice, untranslated_notice

    fr = contexts(loaded.content)["fr"]
    for notice in (untranslated_notice(fr, "en"), outdated_notice(fr, "en")):
        assert '<a href="#" data-original-lang="en" data-in-page="#">Lire l’original en anglais.</a>' in notice
        assert "status.md" not in notice


def test_the_hook_points_original_links_at_the_language_selectors_address():
    from types import SimpleNamespace

    from scripts.engine.repository_links import original_links

    class Extra(dict):
        pass

    extra = Extra()
    extra.alternate = [{"lang": "es", "link": "es/council-note/", "name": "Español"}]
    page = SimpleNamespace(url="fr/council-note/")
    html_in = ('<a href="#original" data-original-lang="es" data-in-page="#original">x</a> '
               '<a href="#" data-original-lang="de" data-in-page="#">y</a>')
    out = original_links(html_in, page, SimpleNamespace(extra=extra))
    assert '<a href="../../es/council-note/" data-original-lang="es" data-in-page="#original">x</a>' in out
    assert '<a href="#" data-original-lang="de" data-in-page="#">y</a>' in out  # no such language: left as it was


def test_edit_this_page_opens_the_yaml_file_behind_it(built):
    from tests.support.pages import REPO_URL

    expected = {("en", "agenda.md"): "content/en/agenda.yml", ("fr", "agenda.md"): "content/fr/agenda.yml",
                ("es", "report/overview.md"): "content/es/report.yml",
                ("fr", "council-note.md"): "content/es/council-note.yml",  # a fallback: the original's file
                ("fr", NOTES_PATH): "content/divergences.yml", ("es", FACTS_PATH): "content/resolutions.yml"}
    for (lang, path), source in expected.items():
        raw = html_of(built, lang, path)
        buttons = re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button', raw)
        assert buttons == [f"{REPO_URL}/edit/main/{source}"], (lang, path, buttons)
    # every page of every language has one, and none opens the generated Markdown under docs/
    for url_path in built.pages:
        if url_path.endswith(".html") or url_path.rstrip("/").endswith("status") or is_print_volume(url_path):
            continue
        raw = (built.site / url_path / "index.html").read_text(encoding="utf-8")
        buttons = re.findall(r'<a href="([^"]+)" title="[^"]*" class="md-content__button', raw)
        assert len(buttons) == 1 and buttons[0].startswith(f"{REPO_URL}/edit/main/content/"), url_path
        assert buttons[0].endswith(".yml"), url_path
    # the header's repository link fetches nothing from GitHub
    assert 'data-md-component="source"' not in html_of(built, "en", "agenda.md")


def test_status_page_links_the_files_and_the_guide_in_the_repository(built):
    from tests.support.pages import REPO_URL

    raw = html_of(built, "fr", "status.md")
    assert f'href="{REPO_URL}/edit/main/content/fr/report.yml"' in raw
    assert f'href="{REPO_URL}/blob/main/CONTRIBUTING.md"' in raw
