"""Cross-language parity: the real content agrees; each kind of drift is caught with a clear message."""

from __future__ import annotations

import re

from scripts.checks.gate import check
from scripts.checks.parity import compare

from tests.support.checking import problems_of


def test_real_languages_agree_with_the_reference(loaded):
    assert [str(p) for p in compare(loaded.content, loaded.files)] == []


def test_real_content_passes_every_check(loaded):
    assert [str(p) for p in check(loaded) if p.severity == "error"] == []


def test_a_changed_time_is_caught(fixture_copy):
    root = fixture_copy("content/fr/agenda.yml", "start: '10:00'", "start: '10:30'")
    assert any(re.fullmatch(r"content/fr/agenda\.yml:\d+:1: slot 'welcome' has start '10:30' "
                            r"where the reference has '10:00' \(en\); times, people and order "
                            r"are the same in every language", m) for m in problems_of(root))


def test_a_changed_speaker_order_is_caught(content_copy):
    root = content_copy("content/es/agenda.yml", "speakers: [alisov, el-ftouh, fernandez, ilunga]",
                        "speakers: [alisov, el-ftouh, ilunga, fernandez]")
    assert any("slot 'session-4' has speakers" in m and m.startswith("content/es/agenda.yml:")
               for m in problems_of(root))


def test_a_renamed_person_is_caught(fixture_copy):
    root = fixture_copy("content/fr/agenda.yml", "name: Brunson McKinley", "name: Brunson MacKinley")
    assert any(m.startswith("content/fr/agenda.yml:") and "person 'mckinley' has name 'Brunson MacKinley' "
               "where the reference has 'Brunson McKinley'" in m for m in problems_of(root))


def test_a_missing_section_is_work_to_do_not_an_error(fixture_copy):
    root = fixture_copy("content/fr/report.yml", "id: conclusion", "id: conclusions")
    messages = problems_of(root)
    assert any(re.fullmatch(r"content/fr/report\.yml:\d+:1: warning: to do: section 'conclusion' "
                            r"of the reference language \(en, content/en/report\.yml:\d+\) is not in "
                            r"this file yet; the site shows it in English, marked as not yet "
                            r"translated\. Add it after section 'introduction' with the same "
                            r"id, and translate it", m) for m in messages), messages
    assert any(re.fullmatch(r"content/fr/report\.yml:\d+:1: warning: to do: section 'conclusions' "
                            r"is not in the reference language \(en\) any more, so the site no longer "
                            r"shows it; delete it, or give it the id of the matching section of "
                            r"content/en/report\.yml", m) for m in messages), messages
    assert not [m for m in messages if ": warning: " not in m]


def test_a_dropped_paragraph_is_caught(fixture_copy):
    text = (fixture_copy.root / "content/fr/report.yml").read_text("utf-8")
    start = text.index("  - id: introduction")
    blocks = text.index("blocks:\n", start) + len("blocks:\n")
    second = text.index("\n      - ", blocks + 1)
    root = fixture_copy("content/fr/report.yml", text[blocks:second + 1], "")
    assert any(re.fullmatch(r"content/fr/report\.yml:\d+:1: section 'introduction' has 3 blocks "
                            r"where the reference language \(en\) has 4; keep the same "
                            r"paragraphs and lists, in the same order, in every language", m)
               for m in problems_of(root))


def test_a_missing_acronym_needs_a_recorded_reason(content_copy):
    root = content_copy("content/es/acronyms.yml", "  - id: oecd", "  - id: oecd-typo")
    messages = problems_of(root)
    assert any(m.startswith("content/es/acronyms.yml:1:1: warning: to do: acronym 'oecd' of the "
                            "reference language (en, content/en/acronyms.yml:") for m in messages)
