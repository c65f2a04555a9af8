"""Coverage: the YAML holds at least 99 % of each source edition, and the measure itself is sound."""

from __future__ import annotations

import pytest

from scripts import config
from scripts.editors.coverage import (council_note_report, covered, edition_report, measure, seed_lines,
                                      source_words, words)


@pytest.fixture(scope="module")
def seeds() -> list[str]:
    return seed_lines(config.PUBLICATION_SEED)


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_each_edition_is_held_at_99_percent(loaded, seeds, lang):
    language = next(x for x in loaded.content.languages if x.code == lang)
    report = edition_report(loaded.content.editions[lang], language.locale, seeds)
    assert report.total > 15_000  # the whole edition was measured, not a sample
    assert report.share >= config.COVERAGE_TARGET, report.missing


def test_the_council_note_is_held_at_99_percent(loaded):
    report = council_note_report(loaded.content.editions["es"], seed_lines(config.COUNCIL_NOTE_SEED))
    assert report.total > 2_000
    assert report.share >= config.COVERAGE_TARGET, report.missing


def test_words_are_lowercase_and_french_times_read_as_times():
    assert words("Session I: 09h00 – 10h00, l’OIM") == ["session", "i", "09", "00", "10", "00", "l", "oim"]
    assert words("Selected Definitions3") == ["selected", "definitions", "3"]


def test_hyphenation_is_undone_only_where_the_yaml_joins_the_word():
    lines = ["a spe-", "cial role and socio-", "economic profiles", "12"]
    joined = source_words(lines, 1, words("a special role and socio-economic profiles"))
    assert [w.word for w in joined] == ["a", "special", "role", "and", "socio", "economic", "profiles"]
    assert [w.line for w in joined] == [1, 1, 2, 2, 2, 3, 3]  # the page number "12" is dropped


def test_a_word_counts_only_inside_a_matching_run():
    source = "one two three four five six".split()
    assert covered(source, "one two three four".split()) == [True] * 4 + [False] * 2
    assert covered(source, "four three two one".split()) == [False] * 6


def test_a_missing_sentence_is_reported_with_its_line():
    source = ["The first sentence is here.", "A second sentence went missing.", "The third one stays."]
    report = measure("x", source, 10, ["The first sentence is here.", "The third one stays."])
    assert report.total == 14 and report.held == 9
    assert report.missing == [(11, "a second sentence went missing")]
    assert report.extra == []
