"""The render step on its own: the content, loaded and checked, as the complete Markdown tree
of the site (every page of every language) and the per-language settings the theme needs
(name, site name and description, navigation), without MkDocs.

`mkdocs build` (scripts/engine/hooks.py) takes its pages and languages from `pages_markdown` and
`language_settings`; `python -m scripts render --out DIR` writes the same to files, for any
engine that reads Markdown:

    DIR/<lang>/<path>.md   every page, front matter included
    DIR/languages.yml      per language: locale, name, default, site_name, site_description, nav
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from scripts import config
from scripts.plan.site import NavItem, Site
from scripts.plan.write import page_text, write_if_changed, write_site
from scripts.render.theme_values import html_safe

LANGUAGES_FILE = "languages.yml"


def pages_markdown(site: Site) -> dict[str, str]:
    """Every page of every language: docs path ("fr/agenda.md") -> its Markdown file."""
    return {f"{lang}/{path}": page_text(page) for lang, by_path in site.pages.items()
            for path, page in by_path.items()}


def nav_entries(items: tuple[NavItem, ...]) -> list:
    """The navigation as mkdocs.yml writes it; titles are plain text, escaped for the theme."""
    return [{html_safe(item.title): item.path} if item.path else
            {html_safe(item.title): nav_entries(item.children)} for item in items]


def language_settings(site: Site) -> list[dict]:
    """What the theme needs per language, as the i18n plugin's `languages` entries."""
    return [{"locale": language.code, "name": html_safe(language.name),
             "default": language.code == site.default, "build": True,
             "site_name": html_safe(site.ui[language.code]["site_name"]),
             "site_description": html_safe(site.ui[language.code]["site_description"]),
             "nav": nav_entries(site.nav[language.code])}
            for language in site.languages]


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as MkDocs does; other tags are left empty
    (only site_url and repo_url are read)."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: next(
    (os.environ[name] for name in loader.construct_sequence(node)[:-1] if name in os.environ),
    loader.construct_sequence(node)[-1]) if isinstance(node, yaml.SequenceNode)
    else os.environ.get(loader.construct_scalar(node)))
_EnvLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def engine_settings(root: Path) -> tuple[str, str]:
    """(site_url, edit base) as mkdocs.yml sets them, environment variables included."""

    settings = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvLoader)
    repo_url = settings.get("repo_url") or ""
    return settings.get("site_url") or "", f"{repo_url.rstrip('/')}/edit/{config.EDIT_BRANCH}" if repo_url else ""


def render(root: Path, out: Path) -> tuple[list[str], list[Path]]:
    """Load and check the content under `root`, then write its Markdown tree into `out`.
    Returns (the errors, which write nothing, as file:line:column messages; the files written)."""
    from scripts.checks.gate import gate
    from scripts.plan.site import plan
    from scripts.translation.status import translation_of

    gated = gate(root)
    loaded, errors = gated.loaded, [str(p) for p in gated.errors]
    if errors or loaded.content is None:
        return errors or ["content/languages.yml could not be read"], []
    site_url, edit_base = engine_settings(root)
    site = plan(loaded.content, translation_of(loaded.content, loaded.files), edit_base, site_url=site_url)
    written, _ = write_site(pages_markdown(site), out)
    settings = yaml.safe_dump({"languages": _plain(language_settings(site))}, allow_unicode=True,
                              sort_keys=False, width=10_000)
    if write_if_changed(out / LANGUAGES_FILE, settings):
        written.append(out / LANGUAGES_FILE)
    return [], written


def _plain(value):
    """Strings as plain str (YAML cannot dump markupsafe's Markup)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value
