"""Shared fixtures (the helpers are in tests/support/). The real content is read once per test
run; the real site is built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scripts import config
from scripts.content.load import Loaded, read_content
from tests.browser_support import browser, served  # noqa: F401  (one headless Chromium, one local server)
from tests.support.hostile import hostile  # noqa: F401  (the one hostile build of the session)
from tests.support.project import FIXTURE, edit


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    """The real content, read and validated once."""
    return read_content(config.ROOT)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The real site, built once per session by `mkdocs build --strict` (tests/support/pages.py)."""
    from tests.support.pages import build_site

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


def _editable_copy(content: Path, root: Path):
    """A copy of a content folder under root; returns a function that edits one file in it
    (and returns root), with `.root`."""
    shutil.copytree(content, root / "content")

    def edit_copy(relative: str, old: str, new: str, count: int = 1) -> Path:
        return edit(root, relative, old, new, count)

    edit_copy.root = root
    return edit_copy


@pytest.fixture()
def content_copy(tmp_path: Path):
    """A writable copy of the real content; returns a function that edits one file in it."""
    return _editable_copy(config.CONTENT, tmp_path)


@pytest.fixture()
def fixture_copy(tmp_path: Path):
    """A writable copy of the small two-language fixture content (tests/fixtures/content):
    for unit tests that break one thing on purpose and read the message, faster than the real
    content and with nothing else to filter out."""
    return _editable_copy(FIXTURE / "content", tmp_path / "fixture")

