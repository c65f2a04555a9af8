"""Shared fixtures. The real content is read once per test run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import config
from scripts.checks.gate import gate
from scripts.content.load import Loaded, read_content
from tests.browser_support import browser, served  # noqa: F401  (one headless Chromium, one local server)


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    """The real content, read and validated once."""
    return read_content(config.ROOT)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real site, built once per session by `mkdocs build --strict` (tests/test_site.py)."""
    from tests.test_site import build_site

    return build_site(tmp_path_factory)


@pytest.fixture(scope="session")
def unzipped_archive(built, tmp_path_factory) -> Path:
    """The offline archive of the session's build, unzipped into a fresh folder: its root."""
    import zipfile

    from scripts.publish.downloads import ARCHIVE, ARCHIVE_ROOT, DOWNLOADS

    target = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(built.site / DOWNLOADS / ARCHIVE) as zipped:
        zipped.extractall(target)
    return target / ARCHIVE_ROOT


@pytest.fixture()
def content_copy(tmp_path: Path):
    """A writable copy of the real content; returns a function that edits one file in it."""
    shutil.copytree(config.CONTENT, tmp_path / "content")

    def edit(relative: str, old: str, new: str, count: int = 1) -> Path:
        file = tmp_path / relative
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")
        return tmp_path

    edit.root = tmp_path
    return edit


def problems_of(root: Path) -> list[str]:
    """Every problem of the content under root, as printed by `python -m scripts check`."""
    return [str(p) for p in gate(root).problems]
