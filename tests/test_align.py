"""What the English adds, removes or moves never blocks another language: `check` says what to
do (warnings), and the site shows each language in the English structure, the parts it lacks
in English with their `lang` and a notice (scripts/translation/align.py), rendered without a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.content.load import read_content
from scripts.plan.site import plan
from scripts.translation.status import translation_of

from tests.support.checking import problems_of


def _cut(text: str, start: str, indent: int) -> tuple[str, str]:
    """The text without the item that starts with the line `start`, and that item."""
    lines = text.split("\n")
    i = lines.index(start)
    j = i + 1
    while j < len(lines) and (not lines[j].strip() or len(lines[j]) - len(lines[j].lstrip()) > indent):
        j += 1
    return "\n".join(lines[:i] + lines[j:]), "\n".join(lines[i:j])


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    """The English with a person, a slot, a term (with a footnote) added, a section removed
    and a chapter moved; French and Spanish untouched."""
    import shutil

    from scripts import config
    root = tmp_path_factory.mktemp("align")
    shutil.copytree(config.CONTENT, root / "content")
    agenda = root / "content/en/agenda.yml"
    text = agenda.read_text("utf-8")
    text = text.replace("people:\n", "people:\n  - id: newcomer\n    name: Ana Newcomer\n    role: Rapporteur\n"
                        "    organization: IOM\n    country: null\n    country_printed: null\n", 1)
    text = text.replace("        title: Wrap-up and Closing Remarks\n",
                        "        title: Wrap-up and Closing Remarks\n      - id: farewell\n        start: \"18:00\"\n"
                        "        end: \"18:30\"\n        kind: break\n        title: Farewell Reception\n"
                        "        moderator: newcomer\n", 1)
    agenda.write_text(text, "utf-8")
    definitions = root / "content/en/definitions.yml"
    text = definitions.read_text("utf-8").replace(
        "terms:\n", "terms:\n  - id: circular-migration\n    term: Circular Migration\n    definition:\n"
        "      - The fluid movement of people between countries.[^9]\n", 1)
    definitions.write_text(text.replace("footnotes:\n", "footnotes:\n  \"9\": A footnote added in English.\n", 1), "utf-8")
    report = root / "content/en/report.yml"
    text, _ = _cut(report.read_text("utf-8"), "      - id: resentment", 6)
    text, chapter = _cut(text, "  - id: the-workshop", 2)
    text = text.replace("  - id: globalized-world\n", chapter + "\n  - id: globalized-world\n", 1)
    report.write_text(text, "utf-8")
    return root


def test_check_reports_work_to_do_not_errors(changed):
    messages = problems_of(changed)
    assert [m for m in messages if ": warning: " not in m] == []
    def line(relative: str, text: str) -> str:
        return next(str(n) for n, l in enumerate((changed / relative).read_text("utf-8").split("\n"), 1)
                    if l == text)

    todo = [m.split(": warning: to do: ", 1)[1].split(";")[0] for m in messages
            if m.startswith("content/fr/") and ": warning: to do: " in m]
    assert sorted(todo) == sorted([
        f"person 'newcomer' of the reference language (en, content/en/agenda.yml:"
        f"{line('content/en/agenda.yml', '  - id: newcomer')}) is not in 'people' yet",
        f"slot 'farewell' of the reference language (en, content/en/agenda.yml:"
        f"{line('content/en/agenda.yml', '      - id: farewell')}) is not in day 'day-2' yet",
        f"term 'circular-migration' of the reference language (en, content/en/definitions.yml:"
        f"{line('content/en/definitions.yml', '  - id: circular-migration')}) is not in this file yet",
        "the sections are not in the order of the reference language (en)",
        "section 'resentment' is not in the reference language (en) any more, so the site no longer shows it",
    ])


@pytest.fixture(scope="module")
def french(changed):
    loaded = read_content(changed)
    site = plan(loaded.content, translation_of(loaded.content, loaded.files, changed))
    return site, {path: page.body for path, page in site.pages["fr"].items()}


def test_added_parts_show_in_english_with_their_lang_and_a_notice(french):
    _, pages = french
    definitions = pages["definitions.md"]
    notice = definitions.index("Cette partie n’a pas encore été traduite en français ; elle est reproduite en anglais.")
    term = definitions.index('<div lang="en" markdown="1">\n\n## Circular Migration')
    assert notice < term < definitions.index("## Migration de retour")
    agenda = pages["agenda.md"]
    assert agenda.index("Farewell Reception") > agenda.index('<div lang="en" markdown="1">')
    assert "Rapporteur" in pages["people.md"]


def test_removed_parts_are_not_shown_and_moved_ones_follow_the_english(french):
    site, pages = french
    assert "resentment" not in pages["report/returnees-as-agents.md"]
    chapters = [item.path for group in site.nav["fr"] if group.children for item in group.children
                if item.path and item.path.startswith("report/")]
    assert chapters[:4] == ["report/introduction.md", "report/overview.md", "report/the-workshop.md",
                            "report/globalized-world.md"]


def test_a_part_not_translated_yet_shows_todays_original_not_the_copy(content_copy):
    """A copy made by `translate` holds the English of that day; when the English changes
    later, the page shows the English of today until the part is translated."""
    from scripts.editors.newlang import translate_file

    root = content_copy.root
    translate_file(root, "fr", "series")
    text = (root / "content/fr/series.yml").read_text("utf-8")
    (root / "content/fr/series.yml").write_text(
        text.replace("  - number: 1\n    untranslated: true\n", "  - number: 1\n", 1)
            .replace("title: 82nd Session of the Council; 27-29 November 2001",
                     "title: 82e session du Conseil ; 27-29 novembre 2001", 1), "utf-8")
    content_copy("content/en/series.yml", "Compendium of Intergovernmental Organizations",
                 "Compendium of International Organizations")
    loaded = read_content(root)
    page = plan(loaded.content, translation_of(loaded.content, loaded.files, root)).pages["fr"]["series.md"]
    assert "82e session du Conseil" in page.body
    assert "Compendium of International Organizations" in page.body
    assert "Compendium of Intergovernmental" not in page.body
