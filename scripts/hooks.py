"""The MkDocs hook: the only place that knows MkDocs and mkdocs-static-i18n.

On the first `on_config` of a build it loads and checks the content, renders every page of
every language (scripts/site.py), writes the Markdown into docs/ (only files whose text
changed, so `mkdocs serve` does not loop) and gives the i18n plugin the languages of
content/languages.yml, with each language's navigation, site name and description. Later
events add what the theme needs per page: hreflang alternates, the fallback state of the
page's other languages, the interface words of the 404 page, and the sitemap.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

# MkDocs imports this file by path; the project root must be importable for `scripts.*`.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page as MkPage
from mkdocs_static_i18n.config import I18nPluginConfig

from scripts import downloads
from scripts.check import check
from scripts.footnote_numbers import published_numbers
from scripts.load import Loaded, read_content
from scripts.render.parallel import PARALLEL_DIR
from scripts.render.print_page import PRINT_PATH
from scripts.site import NavItem, Site, plan
from scripts.status import translation_of
from scripts.write import write_site

log = logging.getLogger("mkdocs.hooks.site")

# The placeholder mkdocs.yml puts in the i18n plugin's `languages` (the plugin refuses an
# empty list before any hook runs); the real list comes from content/languages.yml.
PLACEHOLDER_LOCALE = "xx"
I18N_OPTIONS = ("docs_structure", "fallback_to_default", "reconfigure_material",
                "reconfigure_search", "build_only_locale")

# Material's offline plugin loads its file:// shim for the search worker from unpkg.com
# unless a polyfill named iframe-worker is configured: this is a copy served by the site.
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker-1.0.4.js"

_state: dict[str, object] = {"command": "build"}


def _offline(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("offline") or config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _i18n(config: MkDocsConfig):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml must list the i18n plugin (mkdocs-static-i18n)")
    return plugin


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `serve`: only a preview goes on with content errors, and it
    makes no PDFs and no archive."""
    _state["command"] = command


def load(root: Path) -> Loaded:
    """The content, checked. Under `serve` problems are warnings, so the preview goes on;
    any other command (`build`, `gh-deploy`) stops here, before anything is written to the
    site directory, with the same file:line:column messages as `python -m scripts check`."""
    loaded = read_content(root)
    problems = sorted(set(loaded.problems + (check(loaded) if loaded.content else [])))
    errors = [p for p in problems if p.severity == "error"]
    if errors and _state.get("command") != "serve":
        for problem in errors:
            log.error(str(problem))
        raise PluginError(f"{len(errors)} error(s) in the content (listed above); fix them, "
                          "then build again. Nothing was written to the site directory.")
    for problem in problems:  # outdated translations are shown on the site, not build failures
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    if loaded.content is None:
        raise PluginError("content/languages.yml could not be read: see the errors above")
    return loaded


def nav_config(items: tuple[NavItem, ...]) -> list:
    return [{item.title: item.path} if item.path else {item.title: nav_config(item.children)}
            for item in items]


def configure_languages(config: MkDocsConfig, site: Site) -> None:
    """Replace the placeholder language of the i18n plugin with the content's languages."""
    plugin = _i18n(config)
    declared = [lang.locale for lang in plugin.config.languages]
    if declared != [PLACEHOLDER_LOCALE]:
        raise PluginError("the languages are declared in content/languages.yml only; in "
                          f"mkdocs.yml the i18n plugin must keep the single placeholder "
                          f"language '{PLACEHOLDER_LOCALE}' (found: {', '.join(declared)})")
    raw = {key: plugin.config[key] for key in I18N_OPTIONS if plugin.config.get(key) is not None}
    raw["languages"] = [
        {"locale": language.code, "name": language.name, "default": language.code == site.default,
         "build": True, "site_name": site.ui[language.code]["site_name"],
         "site_description": site.ui[language.code]["site_description"],
         "nav": nav_config(site.nav[language.code]),
         **_palette_names(config, site.ui[language.code])}
        for language in site.languages]
    fresh = I18nPluginConfig()
    fresh.load_dict(raw)
    errors, warnings = fresh.validate()
    for key, warning in warnings:
        log.warning(f"i18n plugin option '{key}': {warning}")
    if errors:
        raise PluginError("i18n plugin: " + "; ".join(f"{k}: {e}" for k, e in errors))
    plugin.config = fresh


# The colour-scheme toggle of each palette in mkdocs.yml switches to the next palette (the last
# to the first); its label, in the language's interface words, names what comes next.
PALETTE_TOGGLE_KEYS = {"system": "palette_to_system", "default": "palette_to_light",
                       "slate": "palette_to_dark"}


def _palette_kind(palette: dict) -> str:
    """`system` for the palette that follows prefers-color-scheme, else its scheme."""
    return "system" if palette.get("media") == "(prefers-color-scheme)" else palette.get("scheme", "default")


def _palette_names(config: MkDocsConfig, ui: dict[str, str]) -> dict:
    """The i18n plugin's per-language theme override that names each palette toggle in the
    language's interface words (mkdocs.yml's names are placeholders)."""
    palettes = config.theme.get("palette") or []
    if not isinstance(palettes, list) or not all("toggle" in p for p in palettes):
        return {}
    following = palettes[1:] + palettes[:1]
    return {"theme": {"palette": [
        {"toggle": {"name": ui[PALETTE_TOGGLE_KEYS[_palette_kind(nxt)]]}} for nxt in following]}}


@event_priority(100)  # before the i18n plugin's on_config (-100) reads its languages
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = _i18n(config)
    if plugin.building:  # the plugin's own build of another language: all is done already
        return config
    root = Path(config.config_file_path).resolve().parent
    loaded = load(root)
    assert loaded.content is not None
    translation = translation_of(loaded.content, loaded.files)
    site = plan(loaded.content, translation, str(config.extra.get("content_edit_uri") or ""),
                site_url=config.site_url or "")
    written, removed = write_site(site.pages, Path(config.docs_dir))
    if written or removed:
        log.info(f"docs/: {len(written)} page(s) written, {len(removed)} removed")
    configure_languages(config, site)
    _state.update(site=site, site_url=config.site_url or "/", not_found={})
    if _offline(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), IFRAME_WORKER]
    return config


def _current(config: MkDocsConfig) -> str:
    return _i18n(config).current_language


def _site() -> Site:
    return _state["site"]  # type: ignore[return-value]


def _norm_path(page: MkPage, lang: str) -> str:
    """The page's path inside its language folder: docs/fr/agenda.md -> agenda.md."""
    src = page.file.src_uri
    return src[len(lang) + 1:] if src.startswith(lang + "/") else src


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files) -> str:
    """Fallback pages show text of another language: no table of contents in the sidebar,
    whose headings would appear under the reader's `lang`."""
    if page.meta.get("original_language"):
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]
    lang = _current(config)
    path = _norm_path(page, lang)
    if path.startswith(PARALLEL_DIR):  # not in the navigation: its title would be the file name
        page.meta.setdefault("title", _site().pages[lang][path].title)
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]  # the columns need the width
    # The heading permalinks' tooltip in the page's language (MkDocs makes a Markdown
    # converter per page, from these settings).
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = _site().ui[lang]["permalink_title"]
    if path == PRINT_PATH:  # every page again: not searched
        page.meta.setdefault("title", _site().pages[lang][path].title)  # not "Print", the file name
        page.meta["search"] = {"exclude": True}
        page.meta["hide"] = [*page.meta.get("hide", []), "navigation", "toc"]
    return markdown


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files) -> str:
    return published_numbers(html, _site().ui[_current(config)]["footnote_back"])


@event_priority(0)  # after the i18n plugin (50) has set the language selector's links
def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    site, lang = _site(), _current(config)
    path = _norm_path(page, lang)
    if path in site.pages.get(lang, {}):
        # Not in the offline copy: the theme fetches a sitemap.xml under each alternate.
        offline = _offline(config)
        context["page_alternates"] = [] if offline else site.alternates(path, str(_state["site_url"]))
        context["fallback_langs"] = [code for code in site.codes if site.is_fallback(code, path)]
    _downloads_context(context, config)
    return context


def _downloads_context(context, config: MkDocsConfig) -> None:
    """The download links, and the root of the page's language (its search index)."""
    site, lang = _site(), _current(config)
    with_files = _state["command"] != "serve"
    context["download_links"] = downloads.links(site, lang, config.use_directory_urls,
                                                _offline(config), with_files)
    context["language_root"] = site.language_root(lang)
    context["ui"] = site.ui[lang]
    context["current_language"] = lang  # marked in the language selector
    context["language_homes"] = {code: site.language_root(code) for code in site.codes}


def on_template_context(context, template_name: str, config: MkDocsConfig):
    site = _site()
    _downloads_context(context, config)
    if template_name == "sitemap.xml":
        context["sitemap_xml"] = site.sitemap(str(_state["site_url"]))
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Each language gets its own 404 page (`/fr/404.html`…); the root one stays the default
    language's, where mkdocs-static-i18n would leave the last-built language's."""
    if template_name != "404.html":
        return output
    site, lang = _site(), _current(config)
    pages: dict[str, str] = _state["not_found"]  # type: ignore[assignment]
    pages[lang] = output
    if lang == site.default:
        return output
    target = Path(config.site_dir) / site.language_root(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return pages.get(site.default, output)


@event_priority(-200)  # after the i18n plugin (-100) built every language and merged the search index
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building:  # one language of many: the others are not built yet
        return
    downloads.finish(Path(config.site_dir), _site(), directory_urls=config.use_directory_urls,
                     offline=_offline(config), with_files=_state["command"] != "serve",
                     build_offline=lambda target: _build_offline(config, target))


def _build_offline(config: MkDocsConfig, target: Path):
    """Start the offline copy: the same site built again with Material's offline plugin on
    (SITE_OFFLINE=true: no directory URLs, search from file://), in its own process so that no
    plugin state is shared with this build. Returns a function that waits for it."""
    # A fixed date whatever the environment says (1980-01-01, the archive's): reproducible.
    env = {**os.environ, "SITE_OFFLINE": "true", "SOURCE_DATE_EPOCH": "315532800"}
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
               str(config.config_file_path), "--site-dir", str(target)]
    if config.strict:
        command.insert(4, "--strict")
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def wait() -> None:
        _, stderr = process.communicate()
        for line in stderr.splitlines():
            if line.startswith(("WARNING", "ERROR")):
                log.warning(f"offline copy: {line}")
        if process.returncode != 0:
            raise PluginError(f"the offline copy of the site failed to build:\n{stderr[-4000:]}")

    return wait
