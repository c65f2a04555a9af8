"""Translation status, outdated translations and new languages."""

from __future__ import annotations

import re

import pytest
import yaml

from scripts.content.load import read_content
from scripts.editors.newlang import NewLanguageError, new_language, translate_file
from scripts.translation.state import digest, edition_units, unit_states
from scripts.translation.status import status
from scripts.translation.units import UnitKey

from tests.support.checking import problems_of
from tests.support.project import git


def test_french_and_spanish_translate_the_current_english(loaded):
    for lang in ("fr", "es"):
        states = unit_states(loaded.content, loaded.files, lang)
        assert not [s.key for s in states if s.state == "outdated"]
        assert sum(s.state == "translated" for s in states) > 100


def test_the_council_note_is_an_original_in_spanish_and_not_in_the_other_editions(loaded):
    by_lang = {lang: {s.key: s.state for s in unit_states(loaded.content, loaded.files, lang)}
               for lang in ("en", "fr", "es")}
    note, series, mdg = UnitKey.opening("council-note"), UnitKey.opening("series"), UnitKey.acronym("mdg")
    assert by_lang["es"][note] == "original"
    assert by_lang["en"][note] == by_lang["fr"][note] == "absent"
    assert by_lang["en"][UnitKey.section("report", "introduction")] == "original"
    assert by_lang["fr"][series] == "absent"  # the French edition has no list of the series
    assert by_lang["fr"][mdg] == "absent"  # recorded in content/resolutions.yml
    assert by_lang["es"][mdg] == "translated"


def test_a_changed_english_paragraph_makes_the_translations_outdated(content_copy):
    root = content_copy("content/en/report.yml", "Migration has become a defining feature",
                        "Migration has become a defining trait")
    loaded = read_content(root)
    english = edition_units(loaded.content.editions["en"])
    now = digest(english[UnitKey.section("report", "introduction")])
    messages = problems_of(root)
    for lang in ("fr", "es"):
        assert any(re.fullmatch(
            rf"content/{lang}/report\.yml:\d+:5: warning: section 'introduction' is outdated: the "
            rf"English text has changed since this translation \(source [0-9a-f]{{8}}, now {now}\); "
            rf'update the translation, then set `source: "{now}"`', m) for m in messages), lang
    assert not any("error" in m.split(": ", 2)[1] for m in messages if "warning" not in m)


def test_status_counts_per_file(content_copy):
    root = content_copy("content/en/report.yml", "Migration has become a defining feature",
                        "Migration has become a defining trait")
    loaded = read_content(root)
    rows = {(r.lang, r.file): r for r in status(loaded.content, loaded.files)}
    french_report = rows[("fr", "report")]
    assert (french_report.translated, french_report.missing, french_report.outdated) == (43, 0, 1)
    assert rows[("es", "council-note")].share is None  # the original
    series = rows[("fr", "series")]
    assert (series.translated, series.missing, series.absent, series.not_in_edition) == (0, 0, 16, True)
    assert (rows[("fr", "acronyms")].translated, rows[("fr", "acronyms")].absent) == (6, 4)


def test_a_new_language_starts_untranslated_and_checks_clean(content_copy):
    root = content_copy.root
    written = new_language(root, "pt")
    assert sorted(p.name for p in written[:-1]) == sorted(p.name for p in (root / "content/en").glob("*.yml"))
    # Declared at the end of the list, in its own name, the comments kept.
    languages = (root / "content/languages.yml").read_text("utf-8")
    assert languages.endswith("  - code: es\n    name: Español\n    locale: es_ES\n"
                              "  - code: pt\n    name: Português\n    locale: pt\n")
    assert "# The one list of languages." in languages
    report = yaml.safe_load((root / "content/pt/report.yml").read_text("utf-8"))
    assert report["untranslated"] is True and report["sections"][0]["untranslated"] is True
    assert problems_of(root) == []
    loaded = read_content(root)
    states = unit_states(loaded.content, loaded.files, "pt")
    assert {s.state for s in states if s.key.file != "council-note"} == {"missing"}
    assert {s.state for s in states if s.key.file == "council-note"} == {"absent"}  # Spanish only
    # Translating one section and deleting its marker makes it count as translated.
    text = (root / "content/pt/report.yml").read_text("utf-8")
    text = text.replace("  - id: introduction\n    untranslated: true\n", "  - id: introduction\n", 1)
    (root / "content/pt/report.yml").write_text(text, "utf-8")
    loaded = read_content(root)
    states = {s.key: s.state for s in unit_states(loaded.content, loaded.files, "pt")}
    assert states[UnitKey.section("report", "introduction")] == "translated"
    assert states[UnitKey.section("report", "conclusion")] == "missing"


def test_translate_prepares_one_file_whose_units_count_as_missing(content_copy):
    root = content_copy.root
    written = translate_file(root, "fr", "series")
    assert written == root / "content/fr/series.yml"
    assert problems_of(root) == []
    loaded = read_content(root)
    states = [s.state for s in unit_states(loaded.content, loaded.files, "fr") if s.key.file == "series"]
    assert states == ["missing"] * 16
    row = next(r for r in status(loaded.content, loaded.files) if (r.lang, r.file) == ("fr", "series"))
    assert (row.translated, row.missing, row.outdated, row.absent) == (0, 16, 0, 0)
    with pytest.raises(NewLanguageError, match="already exists; edit it"):
        translate_file(root, "fr", "series")
    # A Spanish-only document is copied from Spanish.
    assert "content/es/council-note.yml" in translate_file(root, "en", "council-note").read_text("utf-8")


def test_a_file_copied_by_hand_counts_as_missing_not_outdated(content_copy):
    import shutil
    root = content_copy.root
    shutil.copy(root / "content/en/series.yml", root / "content/fr/series.yml")
    loaded = read_content(root)
    states = {s.state for s in unit_states(loaded.content, loaded.files, "fr") if s.key.file == "series"}
    assert states == {"missing"}
    assert problems_of(root) == []


@pytest.mark.parametrize("code, message", [("PT", "is not a language code"),
                                           ("fr", "already exists"),
                                           ("qq", "is not a language Babel knows")])
def test_new_language_refuses_bad_codes(code, message):
    from scripts import config
    with pytest.raises(NewLanguageError, match=message):
        new_language(config.ROOT, code)


def test_what_changed_is_read_from_the_history(fixture_copy):
    """The French translation records the hash of the English it translates; the English is
    changed in a later commit and again in the working tree: status shows the text the
    translation was made from beside today's, the changes marked."""
    from scripts.translation.status import format_changes, translation_of

    root = fixture_copy.root
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the translated text")
    fixture_copy("content/en/report.yml", "Migration has become a defining feature",
                 "Migration has become a defining trait")
    git(root, "commit", "-qam", "an English change")
    fixture_copy("content/en/report.yml", "life in today’s", "life in the")
    loaded = read_content(root)
    text = format_changes(loaded.content, loaded.files, root)
    line = next(n for n, l in enumerate((root / "content/fr/report.yml").read_text("utf-8").split("\n"), 1)
                if l.startswith("  - id: introduction"))
    now = digest(edition_units(loaded.content.editions["en"])[UnitKey.section("report", "introduction")])
    assert text.split("\n")[:4] == [
        f"content/fr/report.yml:{line}: section 'introduction' is outdated; set `source: \"{now}\"` "
        "once the translation says what the English text says now.",
        "  What changed in the English text ([-removed-] {+added+}):",
        "    was: Migration has become a defining [-feature-] of the social, economic and political "
        "life in [-today’s-] globalized and mobile world. Although return is an important stage of the …",
        "    now: Migration has become a defining {+trait+} of the social, economic and political "
        "life in {+the+} globalized and mobile world. Although return is an important stage of the …",
    ]
    changes = translation_of(loaded.content, loaded.files, root).changes["fr"][UnitKey.section("report", "introduction")]
    assert [(t, c) for t, c in changes[0].after if c] == [("trait", True), ("the", True)]


def test_without_the_history_status_says_so(fixture_copy):
    from scripts.translation.status import format_changes

    root = fixture_copy("content/en/report.yml", "Migration has become a defining feature",
                        "Migration has become a defining trait")
    loaded = read_content(root)
    assert "is not in the repository's history: compare with the original by hand" in \
        format_changes(loaded.content, loaded.files, root)


def test_an_undeclared_language_folder_is_an_error_not_ignored(fixture_copy):
    import shutil
    root = fixture_copy.root
    shutil.copytree(root / "content/fr", root / "content/pt")
    assert problems_of(root) == [
        "content/pt: this folder is not a declared language, so the site ignores it; declare it in "
        "content/languages.yml (`- code: pt`, its `name` and `locale`), or remove the folder"]


def test_a_translated_part_still_marked_untranslated_is_pointed_out(content_copy):
    root = content_copy.root
    translate_file(root, "fr", "series")
    text = (root / "content/fr/series.yml").read_text("utf-8")
    (root / "content/fr/series.yml").write_text(
        text.replace("title: 82nd Session of the Council; 27-29 November 2001",
                     "title: 82e session du Conseil ; 27-29 novembre 2001", 1), "utf-8")
    line = next(n for n, l in enumerate(text.split("\n"), 1) if l == "  - number: 1")
    assert problems_of(root) == [
        f"content/fr/series.yml:{line}:5: warning: series item '1' is marked `untranslated: true` but "
        "its text has changed since it was copied; if you translated it, delete the "
        "`untranslated: true` line"]
