"""The content's problems, as `python -m scripts check` prints them, read in-process."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.check import check
from scripts.content.load import read_content


def problems_of(root: Path) -> list[str]:
    """Every problem of the content under root, as printed by `python -m scripts check`."""
    loaded = read_content(root)
    problems = loaded.problems + (check(loaded) if loaded.content else [])
    return [str(p) for p in sorted(set(problems))]
