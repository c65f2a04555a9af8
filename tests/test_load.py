"""The loader: the real content loads into models; broken content gives file:line:column messages."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

from scripts import config
from scripts.catalogue import BY_STEM
from scripts.checks.gate import gate
from scripts.content.models import ListBlock, Paragraph
from scripts.problems import ContentError

from tests.support.checking import problems_of

LANGS = ["en", "fr", "es"]


def test_real_content_has_no_schema_problem(loaded):
    assert [str(p) for p in loaded.problems] == []
    assert loaded.content is not None
    assert loaded.content.codes == LANGS
    assert loaded.content.reference == "en"


@pytest.mark.parametrize("lang", LANGS)
def test_every_part_of_the_book_is_there(loaded, lang):
    edition = loaded.content.editions[lang]
    for part in ("front", "summary", "acronyms", "report", "agenda", "background", "definitions"):
        assert getattr(edition, part) is not None, f"{lang} has no {part}"
    assert edition.front.number == 15
    chapters = [s.id for s in edition.report.sections]
    assert chapters == ["introduction", "the-workshop", "overview", "globalized-world",
                        "returnees-as-agents", "conditions", "measures", "partnerships", "conclusion"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_thirteen_findings_with_the_sub_list_of_finding_8(loaded, lang):
    overview = next(s for s in loaded.content.editions[lang].report.sections if s.id == "overview")
    findings = [b for b in overview.blocks if isinstance(b, ListBlock) and b.ordered]
    assert len(findings) == 1 and len(findings[0].items) == 13
    eighth = findings[0].items[7]
    assert len(eighth.blocks) == 1 and len(eighth.blocks[0].items) == 6


@pytest.mark.parametrize("lang", LANGS)
def test_lead_in_labels_are_data_not_text(loaded, lang):
    report = loaded.content.editions[lang].report
    section = next(s for s in report.walk() if s.id == "other-categories")
    leads = [b.lead for b in section.blocks if isinstance(b, Paragraph) and b.lead]
    assert len(leads) == 4
    assert all(lead.endswith(":") for lead in leads)
    assert not any(b.text.startswith(b.lead) for b in section.blocks
                   if isinstance(b, Paragraph) and b.lead)


@pytest.mark.parametrize("lang", LANGS)
def test_footnotes_sit_apart_from_the_text(loaded, lang):
    edition = loaded.content.editions[lang]
    assert sorted(edition.summary.footnotes) == ["1", "2"]
    assert sorted(edition.background.footnotes) == ["1", "2"]
    assert sorted(edition.definitions.footnotes) == ["3"]
    # The text of a footnote is not left inside the paragraph it interrupted.
    first_para = edition.summary.blocks[0].text
    assert "[^1]" in first_para and "[^2]" in first_para
    assert edition.summary.footnotes["1"][:30] not in first_para


@pytest.mark.parametrize("lang", LANGS)
def test_agenda_is_data(loaded, lang):
    agenda = loaded.content.editions[lang].agenda
    assert [d.date for d in agenda.days] == [datetime.date(2008, 7, 7), datetime.date(2008, 7, 8)]
    times = [(s.start, s.end) for _, s in agenda.slots()]
    assert all(re.fullmatch(r"\d\d:\d\d", t) for pair in times for t in pair)
    assert times[0] == ("09:00", "10:00") and times[-1] == ("17:50", "18:00")
    sessions = [s for _, s in agenda.slots() if s.kind == "session"]
    assert [s.number for s in sessions] == [1, 2, 3, 4]
    assert all(s.moderator and s.speakers and s.questions for s in sessions)
    assert ("sainciuc", "cretu") in next(s for s in sessions if s.number == 3).speakers


def test_the_council_note_is_spanish_only(loaded):
    editions = loaded.content.editions
    assert editions["en"].council_note is None and editions["fr"].council_note is None
    note = editions["es"].council_note
    numbers = [b.number for s in [note] for b in note.blocks if isinstance(b, Paragraph) and b.number]
    numbers += [b.number for s in note.walk() for b in s.blocks if isinstance(b, Paragraph) and b.number]
    assert sorted(numbers) == list(range(1, 18))
    assert note.meta["symbol"] == "MC/INF/293"


def test_every_file_names_its_schema_on_its_first_line():
    for file in sorted(config.CONTENT.rglob("*.yml")):
        first = file.read_text(encoding="utf-8").split("\n", 1)[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{file} does not declare its schema"
        schema = (file.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{file} names {match.group(1)}, which does not exist"
        kind = BY_STEM[file.stem].schema if file.stem in BY_STEM else file.stem
        assert schema.name == f"{kind}.schema.json", f"{file} names the wrong schema"


# --- broken on purpose: each gives one exact message ---------------------------------------


def position(root: Path, relative: str, needle: str) -> str:
    """`line:column` (1-based) where needle first stands in a file."""
    for number, text in enumerate((root / relative).read_text("utf-8").split("\n"), 1):
        if needle in text:
            return f"{number}:{text.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in {relative}")


def value_start(root: Path, relative: str, needle: str) -> str:
    """`line:column` of the folded text (`- >-`) that holds needle: where its value starts."""
    lines = (root / relative).read_text("utf-8").split("\n")
    number = int(position(root, relative, needle).split(":")[0])
    while not lines[number - 1].rstrip().endswith(">-"):
        number -= 1
    return f"{number}:{lines[number - 1].index('>-') + 1}"


def test_unknown_key_names_file_line_column_and_suggests(fixture_copy):
    root = fixture_copy("content/fr/agenda.yml", "        speakers:\n", "        speakrs:\n")
    where = position(root, "content/fr/agenda.yml", "speakrs")
    assert f"content/fr/agenda.yml:{where}: unknown key 'speakrs' (did you mean 'speakers'?)" \
        in problems_of(root)


def test_yaml_syntax_error_is_a_message_not_a_traceback(fixture_copy):
    root = fixture_copy("content/en/acronyms.yml", "acronyms:\n", "acronyms:\n  - [unclosed\n")
    messages = problems_of(root)
    assert len([m for m in messages if m.startswith("content/en/acronyms.yml:")]) == 1
    assert "content/en/acronyms.yml:4:5: the list that starts with [ on this line is never closed: " \
        "add a ] at its end, or, if it is text, put the whole text in quotes" in messages


def test_missing_required_field(fixture_copy):
    root = fixture_copy("content/en/acronyms.yml", "    abbr: EU\n", "")
    assert any(re.fullmatch(r"content/en/acronyms\.yml:\d+:5: missing required key 'abbr'; add it", m)
               for m in problems_of(root))


def test_wrong_type(fixture_copy):
    root = fixture_copy("content/en/front.yml", "number: 15", "number: fifteen")
    line, _ = position(root, "content/en/front.yml", "number: fifteen").split(":")
    assert f"content/en/front.yml:{line}:9: 'number' must be a whole number, not text" \
        in problems_of(root)


def test_unquoted_time_is_read_as_a_time(tmp_path):
    # YAML 1.1 reads 10:00 as the number 600; the loader keeps what the editor wrote.
    from scripts.content.load import read_yaml
    file = tmp_path / "x.yml"
    file.write_text("start: 10:00\nflag: no\n", encoding="utf-8")
    located, problems = read_yaml(file, tmp_path)
    assert problems == [] and located.data == {"start": "10:00", "flag": "no"}


def test_duplicate_key(fixture_copy):
    root = fixture_copy("content/en/front.yml", "number: 15\n", "number: 15\nnumber: 15\n")
    first = int(position(root, "content/en/front.yml", "number: 15").split(":")[0])
    assert (f"content/en/front.yml:{first + 1}:1: duplicate key 'number' (first given on line "
            f"{first}); keep one of them") in problems_of(root)


def test_alias_bombs_are_refused(fixture_copy):
    root = fixture_copy("content/en/front.yml", "series: International Dialogue on Migration",
                        "series: &a International Dialogue on Migration\nx: *a")
    where = position(root, "content/en/front.yml", "&a")
    assert any(m.startswith(f"content/en/front.yml:{where}: anchors and aliases")
               for m in problems_of(root))


def test_oversized_files_are_refused(fixture_copy):
    root = fixture_copy.root
    (root / "content/en/front.yml").write_text("# " + "x" * config.MAX_FILE_BYTES, encoding="utf-8")
    assert any(m.startswith("content/en/front.yml: the file is") and "more than the" in m
               for m in problems_of(root))


def test_gated_content_raises_with_every_error(fixture_copy):
    root = fixture_copy("content/en/front.yml", "number: 15", "number: fifteen")
    with pytest.raises(ContentError) as raised:
        gate(root).content()
    assert any("'number' must be a whole number" in str(p) for p in raised.value.problems)


@pytest.mark.parametrize("text, message", [
    ("[click](javascript:alert%281%29)", "uses the scheme 'javascript:'"),
    ("[click](data:text/html;base64,xx)", "uses the scheme 'data:'"),
    ("[click](javascript&colon;alert&lpar;1&rpar;)", "uses the scheme 'javascript:'"),
    ("[click](JaVa%0aScRiPt:alert)", "uses the scheme 'javascript:'"),
    ("[click](java&#x09;script:alert)", "uses the scheme 'javascript:'"),
    ("[click](//evil.example/x)", "starts with '/'"),
])
def test_refused_links_in_inline_markdown(fixture_copy, text, message):
    """A paragraph is inline Markdown: its links are judged after decoding (scripts/content/inline.py)."""
    root = fixture_copy("content/en/report.yml", "At the time of the workshop", f"{text} At the time of the workshop")
    messages = [m for m in problems_of(root) if m.startswith("content/en/report.yml:")]
    assert len(messages) == 1 and message in messages[0], messages
    assert messages[0].startswith(f"content/en/report.yml:{value_start(root, 'content/en/report.yml', text)}:"), messages


def test_allowed_links_pass(fixture_copy):
    root = fixture_copy("content/en/report.yml", "At the time of the workshop",
                        "[European Union](https://europa.eu) and [mail](mailto:a@b.c) and "
                        "[the Annex](definitions.md#page-definitions) https://www.iom.int. At the time of the workshop")
    assert not [m for m in problems_of(root) if m.startswith("content/en/report.yml:")]


def test_a_chapter_without_a_title_is_refused_where_it_stands(fixture_copy):
    """The schema lets a section go without a heading (the foreword's), but a chapter of the
    report is a page named by its heading: the site showed "None" there."""
    root = fixture_copy("content/fr/report.yml", "    title: Introduction\n", "")
    where = position(root, "content/fr/report.yml", "- id: introduction")
    line, column = (int(n) for n in where.split(":"))
    assert (f"content/fr/report.yml:{line}:{column + 2}: the chapter 'introduction' has no title, but each "
            "chapter of the report is a page of its own, named by its heading: add `title:` with the "
            "heading as this edition prints it") in problems_of(root)
