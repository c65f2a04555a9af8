"""Copies of the project for a build or a `python -m scripts …` run in a temporary folder:
the real content (build tests, benchmarks) or the small two-language fixture content of
tests/fixtures/ (unit tests). Imports neither pytest nor MkDocs: the benchmarks use it too."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures"  # a small two-language (en, fr) content tree: FIXTURE / "content"

# Everything `python -m scripts check` and `mkdocs build` read.
PROJECT = ("content", "schemas", "scripts", "overrides", "mkdocs.yml")

# The environment of a build or a command in a copy: MkDocs' notice about version 2 off, and
# the offline switch of the caller's shell (if set) not inherited.
ENV = {key: value for key, value in {**os.environ, "NO_MKDOCS_2_WARNING": "1"}.items()
       if key != "SITE_OFFLINE"}


def project_copy(target: Path, content: Path | None = None) -> Path:
    """A copy of everything `check` and `mkdocs build` read, under target (created if need
    be), with an empty docs/; `content`: another content folder than the project's (the
    fixture's: FIXTURE / "content")."""
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECT:
        source = content if name == "content" and content is not None else ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    (target / "docs").mkdir()
    return target


def edit(root: Path, relative: str, old: str, new: str, count: int = 1) -> Path:
    """Replace `old` (which must be there) by `new` in one file under root; returns root."""
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    file.write_text(text.replace(old, new, count), encoding="utf-8")
    return root


# A commit in a copy needs an author, whatever the machine's git configuration says.
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.test", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.test"}


def git(root: Path, *args: str) -> None:
    """A git command in the copy under root (its own HOME: no user configuration read)."""
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                   env={**ENV, **GIT_ENV, "HOME": str(root)})
