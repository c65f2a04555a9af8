"""The MkDocs hook's events, in-process, on the two-language fixture content (tests/fixtures/),
the way mkdocs-static-i18n tests its plugin: `mkdocs.config.load_config` on a copy of the
project, then the events one by one (`config.plugins.on_config`, `on_files`, `on_pre_page`,
`on_page_content`) or a whole `mkdocs.commands.build.build`. What each event must do: the
languages of content/languages.yml handed to the i18n plugin, every page given to MkDocs from
memory (nothing written into docs/), the Markdown `python -m scripts render` writes, the HTML
through the sanitizer, a content error refusing the build with file:line:column and the site
left as it was, and a whole build moved into place with each language's pages."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.structure.files import Files, get_files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from scripts.plan.markdown_tree import render
from tests.support.project import FIXTURE, edit, project_copy

UI = {lang: yaml.safe_load((FIXTURE / "content" / lang / "ui.yml").read_text(encoding="utf-8"))
      for lang in ("en", "fr")}


@pytest.fixture()
def project(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the project with the fixture content, no site built yet."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.delenv("SITE_OFFLINE", raising=False)
    return project_copy(tmp_path / "project", FIXTURE / "content")


def configured(project: Path) -> MkDocsConfig:
    """mkdocs.yml of the copy loaded, the start-up and `config` events run (as `mkdocs build`
    runs them); the staging folder the hook starts is abandoned when the test ends."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


@pytest.fixture()
def events(project: Path):
    """`configured`, with the build's error event run at the end (the staging folder goes)."""
    made: list[MkDocsConfig] = []

    def run(root: Path = project) -> MkDocsConfig:
        made.append(configured(root))
        return made[-1]

    yield run
    for config in made:
        config.plugins.on_build_error(error=RuntimeError("test over"))
        config.plugins.on_shutdown()


def pages_of(config: MkDocsConfig) -> tuple[Files, dict[str, Page]]:
    """The `files` event on what docs/ holds (nothing), then each documentation page read
    through `pre_page`: src_uri -> the page, its Markdown read."""
    files = config.plugins.on_files(get_files(config), config=config)
    pages = {}
    for file in files.documentation_pages():
        page = config.plugins.on_pre_page(Page(None, file, config), config=config, files=files)
        page.read_source(config)
        pages[file.src_uri] = page
    return files, pages


# --- on_config: the languages -----------------------------------------------------------------


def test_on_config_hands_the_content_languages_to_the_i18n_plugin(events):
    plugin = events().plugins["i18n"]
    languages = {lang.locale: lang for lang in plugin.config.languages}
    assert list(languages) == ["en", "fr"]  # content/languages.yml of the fixture, in its order
    assert (languages["en"].name, languages["fr"].name) == ("English", "Français")
    assert [lang.locale for lang in plugin.config.languages if lang.default] == ["en"]
    assert plugin.default_language == "en"
    assert languages["fr"].site_name == UI["fr"]["site_name"]
    toggles = [palette["toggle"]["name"] for palette in languages["fr"].theme["palette"]]
    assert UI["fr"]["palette_to_light"] in toggles and UI["fr"]["palette_to_dark"] in toggles


def test_on_config_takes_a_third_language_from_content_languages_yml_alone(project, events):
    """Adding a language is a line of content/languages.yml and its folder: mkdocs.yml is not
    touched."""
    (project / "content" / "languages.yml").write_text(
        (project / "content" / "languages.yml").read_text(encoding="utf-8")
        + "  - code: es\n    name: Español\n    locale: es_ES\n", encoding="utf-8")
    (project / "content" / "es").mkdir()
    (project / "content" / "es" / "ui.yml").write_text(
        (project / "content" / "en" / "ui.yml").read_text(encoding="utf-8"), encoding="utf-8")
    plugin = events().plugins["i18n"]
    assert [lang.locale for lang in plugin.config.languages] == ["en", "fr", "es"]


def test_on_config_refuses_languages_declared_in_mkdocs_yml(project, events):
    edit(project, "mkdocs.yml", "        - locale: xx\n          name: placeholder\n",
         "        - locale: de\n          name: Deutsch\n")
    with pytest.raises(PluginError, match=r"content/languages\.yml only.*found: de"):
        events()


# --- on_files, on_pre_page: the pages, from memory ---------------------------------------------


def test_every_page_is_given_to_mkdocs_from_memory_as_scripts_render_writes_it(project, events, tmp_path):
    config = events()
    _, pages = pages_of(config)
    assert not any((project / "docs").iterdir()), "the hook wrote into docs/"
    errors, _ = render(project, tmp_path / "rendered")
    assert errors == []
    rendered = {file.relative_to(tmp_path / "rendered").as_posix(): file.read_text(encoding="utf-8")
                for file in (tmp_path / "rendered" / "en").rglob("*.md")}
    assert set(pages) == set(rendered)  # the default language's build: its pages, all of them
    # What MkDocs read (front matter and Markdown) is the file `render` wrote, read the same way.
    assert {uri: (page.meta, page.markdown) for uri, page in pages.items()} == \
           {uri: meta.get_data(text)[::-1] for uri, text in rendered.items()}
    conclusion = pages["en/report/conclusion.md"]
    assert "At the time of the workshop in July 2008" in conclusion.markdown
    assert not (project / "docs" / conclusion.file.src_uri).exists()


def test_an_edit_of_the_yaml_is_what_mkdocs_reads(project, events):
    edit(project, "content/en/report.yml", "At the time of the workshop", "When the workshop met")
    _, pages = pages_of(events())
    assert "When the workshop met" in pages["en/report/conclusion.md"].markdown
    assert "At the time of the workshop" not in pages["en/report/conclusion.md"].markdown


# --- on_page_content: the sanitizer, last --------------------------------------------------------


def test_on_page_content_passes_the_html_through_the_sanitizer(events):
    config = events()
    files, pages = pages_of(config)
    page = pages["en/report/conclusion.md"]
    html = config.plugins.on_page_content(
        '<p id="conclusion-1">Kept <em>as is</em></p><script>window.__pwned=1</script>'
        '<a href="javascript:window.__pwned=1" onclick="window.__pwned=1">link</a>',
        page=page, config=config, files=files)
    assert '<p id="conclusion-1">Kept <em>as is</em></p>' in html
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html
    assert ">link</a>" in html


# --- a content error refuses the build -----------------------------------------------------------


def _line_column(file: Path, needle: str) -> str:
    for number, line in enumerate(file.read_text(encoding="utf-8").split("\n"), 1):
        if needle in line:
            return f"{number}:{line.index(needle) + 1}"
    raise AssertionError(f"{needle!r} not in {file}")


def test_a_content_error_refuses_the_build_with_file_line_column(project, caplog):
    edit(project, "content/fr/agenda.yml", "    - mckinley\n", "    - mckinly\n")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    where = _line_column(project / "content/fr/agenda.yml", "id: welcome")
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert f"content/fr/agenda.yml:{where}: slot 'welcome' names 'mckinly', who is not in 'people'; " \
           "add the person or fix the id" in errors
    assert errors[-1].endswith("error(s) in the content (listed above); fix them, then build again. "
                               "The site directory was left as it was.")
    assert not any("Traceback" in message for message in errors)
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


# --- a whole build, in-process -------------------------------------------------------------------


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture content built in-process, as `mkdocs build --strict` builds it: the site."""
    saved = {key: os.environ.get(key) for key in ("NO_MKDOCS_2_WARNING", "SITE_OFFLINE")}
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ.pop("SITE_OFFLINE", None)
    try:
        project = project_copy(tmp_path_factory.mktemp("hooks") / "project", FIXTURE / "content")
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
        config.plugins.on_shutdown()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == [], \
        "a staging folder was left beside the site"
    return project / "site"


def _lang(html: str) -> str | None:
    match = re.search(r'<html[^>]* lang="([^"]+)"', html)
    return match.group(1) if match else None


def test_a_build_makes_each_languages_pages_in_its_language(fixture_site: Path):
    for prefix, lang, text in (("", "en", "At the time of the workshop in July 2008"),
                               ("fr/", "fr", "L’atelier s’est déroulé en juillet 2008")):
        html = (fixture_site / prefix / "report/conclusion/index.html").read_text(encoding="utf-8")
        assert _lang(html) == lang
        assert text in html.replace("&rsquo;", "’")
        assert f'hreflang="{"fr" if lang == "en" else "en"}"' in html  # the other language's page


def test_a_page_the_language_lacks_falls_back_with_a_notice(fixture_site: Path):
    """The fixture has no French definitions.yml: the French page shows the English text."""
    html = (fixture_site / "fr/definitions/index.html").read_text(encoding="utf-8")
    assert _lang(html) == "fr"
    assert "Return migration refers to the movement of a person" in html
    assert UI["fr"]["fallback_title"] in html
    assert UI["fr"]["fallback_title"] not in (fixture_site / "fr/report/conclusion/index.html").read_text(encoding="utf-8")


def test_each_language_has_its_404_page_and_the_root_one_is_the_reference_languages(fixture_site: Path):
    root = (fixture_site / "404.html").read_text(encoding="utf-8")
    french = (fixture_site / "fr/404.html").read_text(encoding="utf-8")
    assert UI["en"]["not_found_title"] in root and UI["fr"]["not_found_title"] not in root
    assert UI["fr"]["not_found_title"] in french and _lang(french) == "fr"


def test_the_sitemap_lists_both_languages_of_each_page(fixture_site: Path):
    sitemap = (fixture_site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert any(loc.endswith("/report/conclusion/") and "/fr/" not in loc for loc in locs)
    assert any(loc.endswith("/fr/report/conclusion/") for loc in locs)
    assert 'hreflang="fr"' in sitemap


def test_the_downloads_are_made_for_each_language(fixture_site: Path):
    downloads = {p.name for p in (fixture_site / "downloads").iterdir()}
    for lang in ("en", "fr"):
        assert any(name.endswith(f"-{lang}.pdf") for name in downloads), downloads
        pdf = next(fixture_site.glob(f"downloads/*-{lang}.pdf"))
        assert pdf.read_bytes().startswith(b"%PDF-")
    assert any(name.endswith("-offline.zip") for name in downloads), downloads
