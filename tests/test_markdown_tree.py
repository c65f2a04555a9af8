"""`python -m scripts render`: the site's Markdown without MkDocs, the same pages the build has."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.plan.markdown_tree import LANGUAGES_FILE
from tests.support.pages import Built

ROOT = Path(__file__).resolve().parent.parent


def _render(root: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts", "render", "--out", str(out)], cwd=root,
                          capture_output=True, text=True, timeout=300)


def _url_path(md: str) -> str:
    """The page's URL path under its language (directory URLs): "report/index.md" -> "report/"."""
    stem = md.removesuffix(".md")
    stem = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
    return stem


def test_render_writes_every_page_the_built_site_has(built: Built, tmp_path: Path):
    out = tmp_path / "tree"
    result = _render(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in built.codes:
        written = {md.relative_to(out / lang).as_posix() for md in (out / lang).rglob("*.md")}
        assert {_url_path(md) for md in written} == built.paths(lang), lang
        home = (out / lang / "index.md").read_text(encoding="utf-8")
        assert home.startswith("---\n# Generated from ")
    settings = yaml.safe_load((out / LANGUAGES_FILE).read_text(encoding="utf-8"))["languages"]
    assert [entry["locale"] for entry in settings] == built.codes
    assert [entry["locale"] for entry in settings if entry["default"]] == [built.default]

    def paths(nav):
        for item in nav:
            for value in item.values():
                yield from (paths(value) if isinstance(value, list) else [value])

    for entry in settings:
        assert all((out / entry["locale"] / path).is_file() for path in paths(entry["nav"]))

    again = _render(ROOT, out)
    assert again.returncode == 0 and again.stderr.startswith("0 file(s) written"), again.stderr


def test_render_refuses_content_with_errors_and_writes_nothing(tmp_path: Path):
    root = tmp_path / "project"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copy(ROOT / "mkdocs.yml", root)
    agenda = root / "content" / "fr" / "agenda.yml"
    agenda.write_text(agenda.read_text(encoding="utf-8") + "\n  bad: [unclosed\n", encoding="utf-8")
    out = tmp_path / "tree"
    result = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                             "from scripts.plan.markdown_tree import render; "
                             f"errors, written = render(Path({str(root)!r}), Path({str(out)!r})); "
                             "print(*errors, sep='\\n'); sys.exit(1 if errors else 0)"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert "content/fr/agenda.yml:" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert not out.exists()
