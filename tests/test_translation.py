"""Translation status, outdated translations and new languages."""

from __future__ import annotations

import re

import yaml

from scripts.load import read_content
from scripts.newlang import NewLanguageError, new_language
from scripts.status import status
from scripts.translation import digest, edition_units, unit_states

from .conftest import problems_of

import pytest


def test_french_and_spanish_translate_the_current_english(loaded):
    for lang in ("fr", "es"):
        states = unit_states(loaded.content, loaded.files, lang)
        assert not [s.key for s in states if s.state == "outdated"]
        assert sum(s.state == "translated" for s in states) > 100


def test_the_council_note_is_an_original_in_spanish_and_missing_elsewhere(loaded):
    by_lang = {lang: {s.key: s.state for s in unit_states(loaded.content, loaded.files, lang)}
               for lang in ("en", "fr", "es")}
    assert by_lang["es"]["council-note"] == "original"
    assert by_lang["en"]["council-note"] == by_lang["fr"]["council-note"] == "missing"
    assert by_lang["en"]["report/introduction"] == "original"
    assert by_lang["fr"]["series"] == "missing"  # the French edition has no list of the series


def test_a_changed_english_paragraph_makes_the_translations_outdated(content_copy):
    root = content_copy("content/en/report.yml", "Migration has become a defining feature",
                        "Migration has become a defining trait")
    loaded = read_content(root)
    english = edition_units(loaded.content.editions["en"])
    now = digest(english["report/introduction"])
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
    assert rows[("fr", "series")].translated == 0 and rows[("fr", "series")].missing > 0


def test_a_new_language_starts_untranslated_and_checks_clean(content_copy):
    written = new_language(content_copy.root, "pt")
    root = content_copy("content/languages.yml", "  - code: es\n",
                        "  - code: pt\n    name: Português\n    locale: pt_PT\n  - code: es\n")
    assert sorted(p.name for p in written) == sorted(p.name for p in (root / "content/en").glob("*.yml"))
    report = yaml.safe_load((root / "content/pt/report.yml").read_text("utf-8"))
    assert report["untranslated"] is True and report["sections"][0]["untranslated"] is True
    assert problems_of(root) == []
    loaded = read_content(root)
    states = unit_states(loaded.content, loaded.files, "pt")
    assert {s.state for s in states} == {"missing"}
    # Translating one section and deleting its marker makes it count as translated.
    text = (root / "content/pt/report.yml").read_text("utf-8")
    text = text.replace("  - id: introduction\n    untranslated: true\n", "  - id: introduction\n", 1)
    (root / "content/pt/report.yml").write_text(text, "utf-8")
    loaded = read_content(root)
    states = {s.key: s.state for s in unit_states(loaded.content, loaded.files, "pt")}
    assert states["report/introduction"] == "translated" and states["report/conclusion"] == "missing"


@pytest.mark.parametrize("code, message", [("PT", "is not a language code"),
                                           ("fr", "already exists")])
def test_new_language_refuses_bad_codes(code, message):
    from scripts import config
    with pytest.raises(NewLanguageError, match=message):
        new_language(config.ROOT, code)
