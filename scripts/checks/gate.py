"""The gate every path through the build goes by: read the content, run every check, and
return the content with every problem, sorted by place and without repeats.

`mkdocs build` (scripts/engine/hooks.py), `python -m scripts check` and `render`, and the tests
all call `gate`, so an editor sees the same messages everywhere: what `check` accepts, the build
builds. Problems of severity "error" stop a build (not a preview); the others are to-dos.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts import config
from scripts.checks.anchors import site_anchors
from scripts.checks.divergences import check_divergences
from scripts.checks.fields import check_edition, check_links, check_placeholders, check_text
from scripts.checks.parity import compare
from scripts.checks.references import check_references
from scripts.content.load import Loaded, read_content
from scripts.content.models import Content
from scripts.problems import ContentError, Problem
from scripts.render.shown import check_shown
from scripts.translation.state import check_translations


@dataclass(frozen=True)
class Gated:
    """The content as read, and every problem of it."""

    loaded: Loaded
    problems: tuple[Problem, ...]  # sorted by file, line and column

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def content(self) -> Content:
        """The content, if it has no error; otherwise ContentError listing every problem."""
        if self.errors or self.loaded.content is None:
            raise ContentError(list(self.problems))
        return self.loaded.content


def gate(root: Path = config.ROOT) -> Gated:
    """Read the content under `root` and find every problem: the reader's and the checks'."""
    loaded = read_content(root)
    problems = loaded.problems + (check(loaded) if loaded.content else [])
    return Gated(loaded, tuple(sorted(set(problems))))


def check(loaded: Loaded) -> list[Problem]:
    """Every problem beyond the schema, in every language, and across languages (the content
    must have been read: `loaded.content` is not None for the cross-file checks)."""
    problems: list[Problem] = []
    for located in loaded.files.values():
        problems += check_text(located)
    content = loaded.content
    if content is None:
        return problems
    reference_ui = loaded.files.get(f"content/{content.reference}/ui.yml")
    anchors = site_anchors(content)
    for edition in content.editions.values():
        problems += check_edition(edition, loaded.files)
        ui = loaded.files.get(f"content/{edition.lang}/ui.yml")
        if ui is not None:
            problems += check_placeholders(ui, reference_ui, edition.lang, content.reference)
        problems += check_links(edition, loaded.files, anchors.get(edition.lang, {}))
    problems += compare(content, loaded.files)
    problems += check_references(content, loaded.files)
    problems += check_divergences(content, loaded.files)
    problems += check_shown(content, loaded.files)
    if not loaded.errors:  # with a file unread, its units would look added or removed
        problems += check_translations(content, loaded.files)
    return sorted(set(problems))
