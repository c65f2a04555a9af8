"""The content's problems, as `python -m scripts check` prints them, read in-process."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.gate import gate


def problems_of(root: Path) -> list[str]:
    """Every problem of the content under root, as printed by `python -m scripts check`."""
    return [str(p) for p in gate(root).problems]
