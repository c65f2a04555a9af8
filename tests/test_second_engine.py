"""The second engine: ProperDocs (a fork of MkDocs 1.6, pinned in pyproject.toml) builds the site
from the same mkdocs.yml, hook, theme and plugins, unchanged, and its output is MkDocs' page by
page: the same files, and on every page the same text a reader sees. A strict ProperDocs build
that fails leaves the previous site, as a MkDocs build does (tests/test_build_safety.py).

One extra build per session, after the session's MkDocs build (the `built` fixture), with the
same settings, as on a machine without MkDocs (its package made unimportable): the PDFs and
EPUBs, which are made from the print editions, are then reused from the download cache when the
print editions are the same; the offline copy is built again, by ProperDocs (the hook's
`ENGINE`; the archive's key names the engine).

Nothing that differs is ignored: the text compared is what a reader sees (text outside
scripts, styles and templates, and the title, alt, aria-label and placeholder attributes), so
markup that says which engine made a page would not count, but this site has none (no
generator meta tag: overrides/main.html's site_meta block leaves it out)."""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import config
from tests.support.pages import REPO_URL, SITE_URL, Built
from tests.support.project import project_copy

ENGINE = "properdocs"
HIDDEN = {"script", "style", "template"}  # their text is not shown to a reader
SHOWN_ATTRIBUTES = ("title", "alt", "aria-label", "placeholder")  # tooltips, image text, labels


def without_mkdocs(folder: Path) -> dict[str, str]:
    """The environment of a machine without MkDocs: first on PYTHONPATH, a package `mkdocs`
    that cannot be imported (ProperDocs answers for `mkdocs.*` inside its own process)."""
    (folder / "mkdocs").mkdir(parents=True)
    for name in ("__init__.py", "__main__.py"):
        (folder / "mkdocs" / name).write_text('raise ImportError("MkDocs is not installed here")\n')
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(folder), env.get("PYTHONPATH")]))
    return env


def engine_build(root: Path, site: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", ENGINE, "build", "--strict", "--config-file",
                           str(root / "mkdocs.yml"), "--site-dir", str(site)],
                          cwd=root, env=env, capture_output=True, text=True, timeout=1200)


@pytest.fixture(scope="module")
def second_site(built: Built, tmp_path_factory) -> Path:
    """The site built by ProperDocs, as `built` is by MkDocs (strict, same site and repository
    addresses), into a folder of its own."""
    site = tmp_path_factory.mktemp("properdocs-site")
    env = {**without_mkdocs(tmp_path_factory.mktemp("no-mkdocs")), "SITE_URL": SITE_URL, "REPO_URL": REPO_URL}
    result = engine_build(config.ROOT, site, env)
    assert result.returncode == 0, f"{ENGINE} build --strict failed:\n{result.stderr[-6000:]}"
    return site


class _ShownText(HTMLParser):
    """The text of a page as a reader meets it, one string per text node or shown attribute."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self._hidden += 1
        self.parts += [" ".join(value.split()) for name, value in attrs
                       if name in SHOWN_ATTRIBUTES and value and value.strip()]

    def handle_endtag(self, tag):
        if tag in HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def shown_text(file: Path) -> list[str]:
    parser = _ShownText()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser.parts


def files_of(site: Path, pattern: str = "*") -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob(pattern) if p.is_file()}


def text_differences(first: Path, second: Path) -> dict[str, str]:
    """For each HTML page of both sites whose shown text differs: the first lines of the diff."""
    found = {}
    for page in sorted(files_of(first, "*.html") & files_of(second, "*.html")):
        a, b = shown_text(first / page), shown_text(second / page)
        if a != b:
            diff = difflib.unified_diff(a, b, "mkdocs", ENGINE, n=1, lineterm="")
            found[page] = "\n".join(list(diff)[:12])
    return found


def test_the_same_pages(built: Built, second_site: Path):
    first, second = files_of(built.site, "*.html"), files_of(second_site, "*.html")
    assert len(first) > 100
    assert first == second, f"only MkDocs: {sorted(first - second)}; only {ENGINE}: {sorted(second - first)}"


def test_the_same_text_on_every_page(built: Built, second_site: Path):
    differences = text_differences(built.site, second_site)
    assert not differences, f"{len(differences)} page(s) differ:\n" + "\n\n".join(
        f"{page}:\n{diff}" for page, diff in list(differences.items())[:5])


def test_the_same_files(built: Built, second_site: Path):
    """Beyond the pages: assets, search indexes, sitemap, print editions, downloads."""
    first, second = files_of(built.site), files_of(second_site)
    assert first == second, f"only MkDocs: {sorted(first - second)}; only {ENGINE}: {sorted(second - first)}"


def test_the_same_search_indexes(built: Built, second_site: Path):
    indexes = sorted(files_of(built.site, "search_index.json"))
    assert len(indexes) == len(built.codes)
    for index in indexes:
        first = json.loads((built.site / index).read_text(encoding="utf-8"))
        second = json.loads((second_site / index).read_text(encoding="utf-8"))
        assert first == second, index


def test_the_comparison_finds_a_changed_sentence_not_a_changed_script(built: Built, tmp_path: Path):
    """The comparison can fail: a sentence changed in a page is found, in that page only; a
    change inside a script (not shown) is not."""
    page, other = "fr/agenda/index.html", "index.html"
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        for name in (page, other):
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(built.site / name, site / name)
    assert text_differences(first, second) == {}
    html = (second / page).read_text(encoding="utf-8")
    sentence = next(part for part in shown_text(second / page) if len(part) > 30 and html.count(part) == 1)
    (second / page).write_text(html.replace(sentence, sentence + " changed"), encoding="utf-8")
    html_other = (second / other).read_text(encoding="utf-8")
    assert "</script>" in html_other
    (second / other).write_text(html_other.replace("</script>", "/* engine */</script>", 1), encoding="utf-8")
    differences = text_differences(first, second)
    assert list(differences) == [page]
    assert f"-{sentence}\n+{sentence} changed" in differences[page]


def test_a_strict_build_that_fails_on_a_warning_of_the_engine_leaves_the_previous_site(tmp_path: Path):
    """ProperDocs logs its own warnings under `properdocs`, not `mkdocs`: the hook counts them
    (scripts/engine/hooks.py, `ENGINE`), so a strict build they fail does not replace the site. The
    offline variant (SITE_OFFLINE: pages only, no downloads) keeps this build short."""
    root = project_copy(tmp_path / "project")
    (root / "docs" / "stray.md").write_text("# Stray\n\n[nowhere](#nowhere)\n", encoding="utf-8")
    previous = root / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    env = {**without_mkdocs(tmp_path / "no-mkdocs"), "SITE_OFFLINE": "true"}

    result = engine_build(root, previous, env)

    assert result.returncode != 0
    assert "contains a link '#nowhere'" in result.stderr  # a warning of ProperDocs' own
    assert "was left as it was: warnings in strict mode" in result.stderr
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert [p.name for p in root.iterdir() if ".building-" in p.name or ".old-" in p.name] == []
