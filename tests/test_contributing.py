"""CONTRIBUTING.md, followed literally: for each of its four tasks, on a fresh copy of the
project, every command of the task's ```bash blocks is run in order, each ```text block that
follows is compared with what the command printed, each pair of ```yaml blocks ("it looks
like this" / "becomes") is applied to the file the task names, and what the task says the
preview shows is checked on the pages the site would serve (scripts/plan/site.py, the renderer
`mkdocs serve` uses).

In the expected output, a line "…" stands for any number of lines and "…" inside a line for
any text; line and column numbers after a file name and the 8-character source codes may
differ (the content changes over time, the steps stay the same)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from scripts import config

from tests.support.project import ENV, edit, git, project_copy

DOC = config.ROOT / "CONTRIBUTING.md"


@dataclass
class Block:
    kind: str  # bash, text, yaml
    text: str


def task_blocks() -> dict[str, tuple[str, list[Block]]]:
    """Task number -> (its prose and code, its fenced blocks in order)."""
    doc = DOC.read_text("utf-8")
    parts = re.split(r"^### Task (\d): .*$", doc, flags=re.M)
    tasks = {}
    for number, body in zip(parts[1::2], parts[2::2]):
        body = body.split("\n## ", 1)[0]
        blocks = [Block(kind, textwrap.dedent(text).strip("\n"))
                  for indent, kind, text in re.findall(r"^( *)```(\w+)\n(.*?)^\1```", body, re.M | re.S)]
        tasks[number] = (body, blocks)
    return tasks


def _pattern(line: str) -> str:
    out = re.escape(line)
    out = out.replace("…", ".*")
    out = re.sub(r"(\\\.yml):\d+(?::\d+)?", lambda m: m.group(0).split(":")[0] + r":\d+(?::\d+)?", out)
    out = re.sub(r"(?<![0-9a-z])[0-9a-f]{8}(?![0-9a-z])", "[0-9a-f]{8}", out)
    return out


def matches(expected: str, actual: str) -> bool:
    """Whether the printed lines are the expected ones ("…" lines: any lines)."""
    pattern = "".join(r"(?:[^\n]*\n)*?" if line == "…" else _pattern(line) + r"\n"
                      for line in expected.split("\n"))
    return re.fullmatch(pattern, actual + "\n") is not None


def run(root: Path, command: str) -> str:
    args = command.split()
    assert args[:3] == ["python", "-m", "scripts"], command
    done = subprocess.run([sys.executable, *args[1:]], cwd=root, env=ENV, capture_output=True, text=True)
    output = done.stdout + done.stderr
    assert "Traceback" not in output, output
    return output.rstrip("\n")


def apply_yaml(root: Path, relative: str, before: str, after: str) -> None:
    """Replace the doc's "looks like this" block by its "becomes" block in the file (its
    source codes taken from the file, since they follow the English text)."""
    file = root / relative
    text = file.read_text("utf-8")
    lines = before.split("\n")
    indent = " " * min(len(line) - len(line.lstrip()) for line in lines if line.strip())
    found = None
    for shift in ("", "  ", "    "):  # the doc shows the block at any indentation
        pattern = "\n".join(_pattern(shift + line[len(indent):] if line else "") for line in lines)
        found = re.search("^" + pattern + "$", text, re.M)
        if found:
            break
    assert found, f"the block the guide shows is not in {relative}:\n{before}"
    shown = found.group(0)
    codes = re.findall(r"[0-9a-f]{8}", shown)
    new = "\n".join(shift + line[len(indent):] if line else "" for line in after.split("\n"))
    for code_in_doc, code in zip(re.findall(r"[0-9a-f]{8}", after), codes):
        new = new.replace(code_in_doc, code)
    file.write_text(text.replace(shown, new, 1), "utf-8")


def follow(root: Path, number: str, file: str | None = None,
           before_command: dict[int, Callable[[list[str]], None]] | None = None) -> list[str]:
    """Run task `number` of the guide; `before_command[i]` does what the prose asks before the
    i-th command (given the outputs so far). Returns every output."""
    body, blocks = task_blocks()[number]
    if file:
        assert f"`{file}`" in body, f"task {number} does not name {file}"
    outputs: list[str] = []
    commands = 0
    pending_yaml: str | None = None
    for block in blocks:
        if block.kind == "bash":
            for command in block.text.split("\n"):
                if command.startswith("mkdocs serve"):
                    continue  # the preview: checked on the rendered pages by the caller
                if before_command and commands in before_command:
                    before_command[commands](outputs)
                outputs.append(run(root, command))
                commands += 1
        elif block.kind == "text":
            assert outputs, f"task {number}: an output block before any command"
            assert matches(block.text, outputs[-1]), \
                f"task {number}: the guide says\n{block.text}\n\nbut the command printed\n{outputs[-1]}"
        elif block.kind == "yaml":
            if pending_yaml is None and block.text.startswith("untranslated_title"):
                ui = root / file
                assert ui.read_text("utf-8").rstrip().endswith("{}")
                ui.write_text(ui.read_text("utf-8").rstrip()[:-2] + block.text + "\n", "utf-8")
            elif pending_yaml is None:
                pending_yaml = block.text
            else:
                apply_yaml(root, yaml_file(body, pending_yaml), pending_yaml, block.text)
                pending_yaml = None
    assert pending_yaml is None
    return outputs


def yaml_file(body: str, block: str) -> str:
    """The file a "looks like this" block belongs to: the last file the prose names before it."""
    first = block.split("\n")[0].strip()
    before = body[: body.index(first)]
    return re.findall(r"`(content/[a-z]{2,3}/[a-z-]+\.yml)`", before)[-1]


def pages(root: Path, lang: str) -> dict[str, str]:
    """The title and Markdown of every page of a language, as `mkdocs serve` would render it."""
    from scripts.content.load import read_content
    from scripts.plan.site import plan
    from scripts.translation.status import translation_of

    loaded = read_content(root)
    site = plan(loaded.content, translation_of(loaded.content, loaded.files, root))
    return {path: f"{page.title}\n\n{page.body}" for path, page in site.pages[lang].items()}


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    root = project_copy(tmp_path)
    (root / "CONTRIBUTING.md").write_text(DOC.read_text("utf-8"), "utf-8")
    return root


def test_the_guide_has_four_tasks():
    assert sorted(task_blocks()) == ["1", "2", "3", "4"]


def test_task_1_fix_a_typo(copy):
    edit(copy, "content/fr/report.yml", "        époque, par ailleurs", "        epoque, par ailleurs")
    assert "de notre epoque" in re.sub(r"\s+", " ", pages(copy, "fr")["report/introduction.md"])
    follow(copy, "1", before_command={0: lambda _: edit(copy, "content/fr/report.yml", "        epoque, par",
                                                         "        époque, par")})
    assert "de notre époque" in pages(copy, "fr")["report/introduction.md"]


def test_task_2_translate_a_missing_document(copy):
    (copy / "content/fr/series.yml").unlink(missing_ok=True)  # the task's starting point
    follow(copy, "2", "content/fr/series.yml")
    series = pages(copy, "fr")["series.md"]
    assert "82e session du Conseil ; 27-29 novembre 2001" in series
    assert "Pas encore traduit" in series
    assert "2. <span lang=\"en\">Compendium of Intergovernmental Organizations" in series
    assert "Compendium of Intergovernmental Organizations" in series  # item 2, in English


def test_task_3_bring_an_outdated_part_up_to_date(copy):
    git(copy, "init", "-q")
    git(copy, "add", "-A")
    git(copy, "commit", "-qm", "the content as translated")
    edit(copy, "content/en/report.yml", "today’s globalized and mobile world", "today’s globalized world")
    git(copy, "commit", "-qam", "someone changes the English")
    assert "Traduction à mettre à jour" in pages(copy, "fr")["report/introduction.md"]

    def bring_up_to_date(outputs: list[str]) -> None:
        new = re.search(r'content/fr/report\.yml:\d+:\d+: .* set `source: "([0-9a-f]{8})"`', outputs[0]).group(1)
        edit(copy, "content/fr/report.yml", "marquée par la mondialisation et la mobilité",
             "marquée par la mondialisation")
        old = re.search(r"  - id: introduction\n    source: (\S+)\n",
                        (copy / "content/fr/report.yml").read_text("utf-8")).group(1)
        edit(copy, "content/fr/report.yml", f"  - id: introduction\n    source: {old}\n",
             f'  - id: introduction\n    source: "{new}"\n')

    follow(copy, "3", before_command={2: bring_up_to_date})
    assert "Traduction à mettre à jour" not in pages(copy, "fr")["report/introduction.md"]
    assert "Traducción desactualizada" in pages(copy, "es")["report/introduction.md"]


def test_task_4_start_a_new_language(copy):
    follow(copy, "4", "content/pt/ui.yml")
    home = pages(copy, "pt")
    assert "Ainda não traduzido" in home["foreword.md"]
    assert "Siglas e abreviaturas" in home["acronyms.md"]
    assert "Português" in (copy / "content/languages.yml").read_text("utf-8")
