"""Tripwires on the theme: an upgrade of Material or mkdocs-static-i18n fails here, naming the
file to update, instead of silently breaking a copied template or the search worker.

Every file of overrides/ that copies or wraps an upstream file records it in its first lines
(scripts/engine/theme.py: `upstream: <dist> <version> <path>[#block] sha256=<hex>`); the version
installed is pinned once, in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from scripts.engine import hooks, theme
from tests.support.pages import is_print_volume

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides"
PINS = dict(re.fullmatch(r"([\w.-]+)==(\S+)", spec).groups()  # type: ignore[union-attr]
            for spec in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"])
RECORDS = [record for path in sorted(OVERRIDES.rglob("*")) if path.is_file()
           for record in theme.upstreams_of(path)]


def _name(record: theme.Upstream) -> str:
    return f"{record.copy.relative_to(ROOT)} ({record.path}{'#' + record.block if record.block else ''})"


def test_every_build_dependency_is_pinned_exactly():
    specs = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    loose = [spec for spec in specs if not re.fullmatch(r"[\w.-]+==\S+", spec)]
    assert not loose, f"pin the site's build exactly in pyproject.toml: {loose}"
    wrong = {name: (pin, version(name)) for name, pin in PINS.items() if version(name) != pin}
    assert not wrong, f"installed versions differ from pyproject.toml's pins (pin, installed): {wrong}"


def test_the_copies_of_theme_files_are_recorded():
    copies = {record.copy.relative_to(OVERRIDES).as_posix() for record in RECORDS}
    # The copied partials, the copied blocks of base.html and the wrapper of the worker.
    assert {"main.html", "partials/search.html", "partials/toc-item.html",
            "partials/alternate.html", "partials/source.html",
            "assets/javascripts/workers/search.js"} <= copies
    assert {record.block for record in RECORDS if record.copy.name == "main.html" and record.block} == {
        "site_meta", "htmltitle", "config"}
    # The lazy search script of main.html depends on how the theme's bundle starts search.
    assert any(record.path.endswith("bundle.*.min.js") for record in RECORDS if record.copy.name == "main.html")


@pytest.mark.parametrize("record", RECORDS, ids=_name)
def test_a_copy_records_the_pinned_version(record: theme.Upstream):
    assert record.version == PINS[record.dist], (
        f"{_name(record)} was copied from {record.dist} {record.version}, but pyproject.toml pins "
        f"{PINS[record.dist]}: compare the copy with the upstream file of {PINS[record.dist]}, "
        "carry its changes over, then update the header's version and sha256")
    assert version(record.dist) == record.version, (
        f"{record.dist} {version(record.dist)} is installed; {_name(record)} copies {record.version}")


@pytest.mark.parametrize("record", RECORDS, ids=_name)
def test_the_upstream_file_is_the_one_copied(record: theme.Upstream):
    """The installed upstream text is exactly the one the copy was made from."""
    actual = theme.sha256(record.installed_text())
    assert actual == record.sha256, (
        f"{record.path}{'#' + record.block if record.block else ''} of the installed "
        f"{record.dist} {version(record.dist)} is not the text {record.copy.relative_to(ROOT)} "
        f"copies: update {record.copy.relative_to(ROOT)} from it (keep the changes its comment "
        f"lists), then set its header's sha256 to {actual}")


def test_a_changed_upstream_text_is_caught(tmp_path: Path):
    """The tripwire itself: a copy whose recorded hash is not the installed text's fails."""
    record = next(r for r in RECORDS if r.copy.name == "search.html")
    copy = tmp_path / "search.html"
    copy.write_text(record.copy.read_text(encoding="utf-8").replace(record.sha256, "0" * 64))
    (stale,) = theme.upstreams_of(copy)
    assert theme.sha256(stale.installed_text()) != stale.sha256


def test_a_block_is_read_whole():
    template = "{% block a %}x{% endblock %}{% block config %}\n  y\n{% endblock %}z"
    assert theme.block_of(template, "config") == "{% block config %}\n  y\n{% endblock %}"
    with pytest.raises(ValueError):
        theme.block_of(template, "missing")


def test_the_worker_name_is_the_installed_themes():
    name = theme.theme_worker()
    assert re.fullmatch(r"search\.[0-9a-f]{8}\.min\.js", name)
    base = (Path(theme.distribution("mkdocs-material").locate_file("material/templates/base.html"))
            .read_text(encoding="utf-8"))
    assert f"assets/javascripts/workers/{name}" in base  # the worker Material itself starts


def test_the_wrapper_is_served_with_the_worker_name_filled_in():
    source = (OVERRIDES / theme.WRAPPER).read_text(encoding="utf-8")
    served = theme.fill_worker(source)
    assert source.startswith("/* upstream: ") and not served.startswith("/* upstream: ")
    assert f'var THEME_WORKER = "{theme.theme_worker()}";' in served
    assert "__THEME_WORKER__" not in served and "__MATERIAL_VERSION__" not in served
    assert theme.fill_worker(served) == served


def test_the_i18n_options_are_the_plugins_own():
    from mkdocs_static_i18n.config import I18nPluginConfig

    options = theme.i18n_options()
    assert "languages" not in options and {"docs_structure", "fallback_to_default"} <= set(options)
    assert set(options) | {"languages"} == {name for name, _ in I18nPluginConfig._schema}


def test_the_offline_copy_keeps_the_sites_own_worker_shim():
    """Whatever Material's offline plugin adds as its file:// shim, only the site's copy stays."""
    from material.plugins.offline.plugin import OfflinePlugin
    from mkdocs.config.defaults import MkDocsConfig

    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "extra": {"polyfills": ["https://unpkg.com/other/shim"]}})
    config.plugins = {"offline": OfflinePlugin()}  # type: ignore[assignment]
    config.plugins["offline"].load_config({})
    config.plugins["offline"].on_config(config)
    hooks._on_config_offline_shim(config)
    assert config.extra["polyfills"] == [hooks.IFRAME_WORKER]


def test_the_offline_archive_loads_no_script_from_another_host(built):
    import zipfile

    archive = next(built.site.glob("downloads/*offline*.zip"))
    with zipfile.ZipFile(archive) as zipped:
        pages = [name for name in zipped.namelist() if name.endswith(".html")]
        assert pages
        for name in pages:
            html = zipped.read(name).decode("utf-8")
            scripts = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", html)
            assert not [src for src in scripts if "://" in src or src.startswith("//")], name
            if is_print_volume(name):  # its own page without the theme: no script, no search
                assert scripts == [], name
                continue
            assert any("iframe-worker" in src for src in scripts), name
