"""The MkDocs hook: the only place that knows MkDocs and mkdocs-static-i18n.

On the first `on_config` of a build it loads and checks the content, renders every page of
every language (scripts/plan/site.py) into memory and gives the i18n plugin the languages of
content/languages.yml, with each language's navigation, site name and description. MkDocs reads
the pages from memory (`on_files` / `on_pre_page`): nothing is written into `docs/`, so
`mkdocs serve` rebuilds once per save. Later events add what the theme needs per page:
hreflang alternates, the fallback state of the page's other languages, the interface words of
the 404 page, and the sitemap.

`mkdocs build` builds into a staging folder beside the site directory and moves it into place
only once everything (pages, print editions, PDFs, archive) is made: a failed build leaves the
previous site as it was. `mkdocs serve` keeps serving the last good pages while the content
has errors, with the errors in a banner on every page, and rebuilds only the pages whose
Markdown changed (scripts/engine/preview.py).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Mapping

# MkDocs imports this file by path; the project root must be importable for `scripts.*`.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import jinja2
import mkdocs_static_i18n.plugin
from mkdocs import utils as mkdocs_utils
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage
from mkdocs_static_i18n.config import I18nPluginConfig

from scripts.checks.gate import gate
from scripts.content.load import Loaded
from scripts.engine import theme
from scripts.engine.preview import (BYTECODE_CACHE, PreviewState, copy_when_changed, poll_faster,
                                    theme_env_listed_once)
from scripts.engine.repository_links import edit_base, edit_url, original_links
from scripts.engine.staging import Staging
from scripts.plan.markdown_tree import language_settings, pages_markdown
from scripts.plan.site import Site, plan
from scripts.publish import downloads, own_assets, unused_css, whitespace
from scripts.publish.build_cache import CACHE_DIR, FileCache, Input
from scripts.publish.footnote_numbers import published_numbers
from scripts.publish.phases import Phases
from scripts.publish.sanitize import clean
from scripts.render.parallel import PARALLEL_DIR
from scripts.render.print_page import is_print_page
from scripts.render.theme_values import html_safe
from scripts.render.translation_marks import STATUS_PATH
from scripts.translation.status import translation_of

log = logging.getLogger("mkdocs.hooks.site")

# The engine running this build: "mkdocs", or "properdocs" (a fork of MkDocs 1.6 that runs this
# hook unchanged: its modules stand in for `mkdocs.*`, so `mkdocs_utils` is `properdocs.utils`).
# The offline copy is built by the same engine, its warnings are counted under the engine's
# own logger (ProperDocs logs under "properdocs", with "mkdocs" a child of it), the preview
# quiets its build module's log of skipped pages, and the archive's key names the engine.
ENGINE = mkdocs_utils.__name__.partition(".")[0]

# The placeholder mkdocs.yml puts in the i18n plugin's `languages` (the plugin refuses an
# empty list before any hook runs); the real list comes from content/languages.yml.
PLACEHOLDER_LOCALE = "xx"

# Material's offline plugin loads its file:// shim for the search worker from unpkg.com
# unless a polyfill named iframe-worker is configured: this is a copy served by the site.
IFRAME_WORKER = "assets/javascripts/vendor/iframe-worker-1.0.4.js"

# What the offline copy (and so the archive) is built from, besides the PDFs: when none of
# these changed, the cached archive is reused.
ARCHIVE_SOURCES = ("mkdocs.yml", "content", "overrides", "schemas", "scripts")
ARCHIVE_PACKAGES = (ENGINE, "mkdocs-material", "mkdocs-static-i18n", "markdown",
                    "pymdown-extensions", "babel", "rcssmin", "rjsmin")
ARCHIVE_ENV = ("SITE_URL", "REPO_URL", "SOURCE_DATE_EPOCH")


@dataclass
class BuildState:
    """What the hook knows between events (and, under `serve`, between rebuilds)."""

    command: str = "build"
    site: Site | None = None  # the plan being built
    pages: dict[str, str] = field(default_factory=dict)  # docs path ("fr/agenda.md") -> Markdown
    site_url: str = "/"
    not_found: dict[str, str] = field(default_factory=dict)  # language -> its 404 page
    staging: Staging | None = None
    phases: Phases = field(default_factory=Phases)
    language_started: tuple[str, float, float] | None = None  # language, wall and CPU clocks
    preview: PreviewState = field(default_factory=PreviewState)
    restore_build: Callable[[], None] | None = None  # undoes the preview's skipping of languages
    # the site's own stylesheets and scripts as mkdocs.yml lists them: bundled after the build
    own_assets: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    @property
    def serving(self) -> bool:
        return self.command == "serve"


_state = BuildState()


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
    _state.command = command


def load(root: Path) -> tuple[Loaded, list[str]]:
    """The content, checked, and its errors. Any command but `serve` stops here, before
    anything is written, with the same file:line:column messages as `python -m scripts check`."""
    gated = gate(root)
    loaded, problems, errors = gated.loaded, gated.problems, gated.errors
    if errors and not _state.serving:
        for problem in errors:
            log.error(str(problem))
        raise PluginError(f"{len(errors)} error(s) in the content (listed above); fix them, "
                          "then build again. The site directory was left as it was.")
    for problem in problems:  # outdated translations are shown on the site, not build failures
        (log.warning if problem.severity == "error" else log.info)(str(problem))
    return loaded, [str(p) for p in errors]


def plan_site(root: Path, edit_uri: str, site_url: str) -> tuple[Site, list[str]]:
    """The site to build, and the content errors to show. Under `serve`, content with errors
    is not built: the last site that built stays, with the errors (a renderer failing on bad
    content included) shown on every page; the server never stops on them."""
    try:
        loaded, errors = load(root)
        if errors and _state.preview.last_good is not None:
            return _state.preview.last_good, errors
        if loaded.content is None:
            raise PluginError("content/languages.yml could not be read: see the errors above")
        translation = translation_of(loaded.content, loaded.files)
        return plan(loaded.content, translation, edit_uri, site_url=site_url), errors
    except Exception as error:
        if not _state.serving or isinstance(error, PluginError) and _state.preview.last_good is None:
            raise
        if _state.preview.last_good is None:  # nothing built yet to fall back on
            raise PluginError(f"the content could not be built ({type(error).__name__}: {error}); "
                              "fix the errors listed above, then start `mkdocs serve` again") from error
        log.error(f"the content could not be built: {error}")
        return _state.preview.last_good, [f"the content could not be built ({type(error).__name__}: {error}); "
                                          "fix the errors listed by `python -m scripts check`"]


def configure_languages(config: MkDocsConfig, site: Site) -> None:
    """Replace the placeholder language of the i18n plugin with the content's languages."""
    plugin = _i18n(config)
    declared = [lang.locale for lang in plugin.config.languages]
    if declared != [PLACEHOLDER_LOCALE]:
        raise PluginError("the languages are declared in content/languages.yml only; in "
                          f"mkdocs.yml the i18n plugin must keep the single placeholder "
                          f"language '{PLACEHOLDER_LOCALE}' (found: {', '.join(declared)})")
    raw = {key: plugin.config[key] for key in theme.i18n_options() if plugin.config.get(key) is not None}
    raw["languages"] = [{**settings, **_palette_names(config, site.ui[settings["locale"]])}
                        for settings in language_settings(site)]
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


def _palette_names(config: MkDocsConfig, ui: Mapping[str, str]) -> dict:
    """The i18n plugin's per-language theme override that names each palette toggle in the
    language's interface words (mkdocs.yml's names are placeholders)."""
    palettes = config.theme.get("palette") or []
    if not isinstance(palettes, list) or not all("toggle" in p for p in palettes):
        return {}
    following = palettes[1:] + palettes[:1]
    return {"theme": {"palette": [
        {"toggle": {"name": html_safe(ui[PALETTE_TOGGLE_KEYS[_palette_kind(nxt)]])}} for nxt in following]}}


@event_priority(100)  # before the i18n plugin's on_config (-100) reads its languages
def _on_config_site(config: MkDocsConfig) -> MkDocsConfig:
    _bundle_own_assets(config)
    plugin = _i18n(config)
    now = time.perf_counter()
    if plugin.building:  # the plugin's own build of another language: all is done already
        _language_done(now, plugin.current_language)
        return config
    _state.phases = Phases()
    root = Path(config.config_file_path).resolve().parent
    with _state.phases.phase("content"):
        site, errors = plan_site(root, edit_base(config), config.site_url or "")
        pages = pages_markdown(site)  # the same as `python -m scripts render` writes
    configure_languages(config, site)
    _state.site, _state.pages, _state.site_url, _state.not_found = site, pages, config.site_url or "/", {}
    if _state.serving:
        _state.preview.start_build(site, pages, errors, _state.site_url, ENGINE)
        theme_env_listed_once(config.theme)
        changed = _state.preview.changed
        log.info("preview: every page rendered" if changed is None else
                 f"preview: {len(changed)} page(s) rendered again: {', '.join(sorted(changed))}")
    else:
        _state.staging = Staging.start(Path(config.site_dir), ENGINE)
        config.site_dir = str(_state.staging.folder)
    if _offline(config):
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), IFRAME_WORKER]
    _language_done(time.perf_counter(), plugin.current_language or plugin.default_language)
    return config


@event_priority(-150)  # after Material's offline plugin (0) added its shim
def _on_config_offline_shim(config: MkDocsConfig) -> MkDocsConfig:
    """The offline copy loads scripts from disk only. Material's offline plugin adds its
    file:// shim from unpkg.com unless a polyfill's URL contains "iframe-worker" (ours does);
    whatever that test becomes, any polyfill it adds from another host is removed here, so the
    site's own copy (IFRAME_WORKER) is the one loaded."""
    if _offline(config):
        polyfills = config.extra.get("polyfills", [])
        config.extra["polyfills"] = [url for url in polyfills if "://" not in url and not url.startswith("//")]
        if IFRAME_WORKER not in config.extra["polyfills"]:
            config.extra["polyfills"].append(IFRAME_WORKER)
    return config


def _bundle_own_assets(config: MkDocsConfig) -> None:
    """The pages load one stylesheet and one script of the site's own (scripts/publish/own_assets.py),
    written by on_post_build from the files mkdocs.yml lists."""
    stylesheets = tuple(str(path) for path in config.extra_css)
    if stylesheets != (own_assets.STYLESHEET,):
        _state.own_assets = (stylesheets, tuple(str(script) for script in config.extra_javascript))
        config.extra_css = [own_assets.STYLESHEET]
        config.extra_javascript = [own_assets.SCRIPT]


on_config = CombinedEvent(_on_config_site, _on_config_offline_shim)


def _language_done(now: float, next_language: str | None) -> None:
    """Close the timing of the language built last; start the next one's."""
    cpu = time.thread_time()
    if _state.language_started is not None:
        lang, started, cpu_started = _state.language_started
        _state.phases.record(f"pages {lang}", now - started, cpu=cpu - cpu_started)
    _state.language_started = (next_language, now, cpu) if next_language else None


def on_pre_build(config: MkDocsConfig) -> None:
    """Under `serve`, when only some pages changed, the site directory is not cleaned: the
    pages that did not change stay as they were built (see on_files)."""
    if _state.serving and not _i18n(config).building:
        _state.preview.keep_site_dir(mkdocs_utils)


@event_priority(100)  # before the i18n plugin (-100) sorts the pages into languages
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated pages, as if they were in docs/ (they are read from memory: on_pre_page)."""
    _state.preview.restore_clean(mkdocs_utils)
    for src_uri in _state.pages:
        if files.get_file_from_path(src_uri) is None:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


def on_pre_page(page: MkPage, config: MkDocsConfig, files: Files) -> MkPage:
    text = _state.pages.get(page.file.src_uri)
    if text is not None:
        page.file.content_string = text
    if _state.serving:
        _state.preview.reuse_render(page)
    return page


def on_env(env, config: MkDocsConfig, files: Files):
    """Templates compiled once per process, not once per language and rebuild. Under
    `serve`: the theme's assets copied only when changed, each page indexed for search only
    when its HTML changed."""
    env.bytecode_cache = BYTECODE_CACHE
    if _state.serving:
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(_state.preview.templates()), env.loader])
        copy_when_changed(files, rewritten=theme.WRAPPER)
        search = _search_plugin(config)
        if search is not None and hasattr(search, "search_index"):
            _state.preview.per_page.index_once(search.search_index)
    return env


def _search_plugin(config: MkDocsConfig):
    return config.plugins.get("material/search") or config.plugins.get("search")


def on_serve(server, config: MkDocsConfig, builder):
    """A save seen within PREVIEW_POLL_SECONDS, not MkDocs' half second (scripts/config.py)."""
    poll_faster(server)
    return server


def _current(config: MkDocsConfig) -> str:
    return _i18n(config).current_language


def _site() -> Site:
    assert _state.site is not None
    return _state.site


def _norm_path(page: MkPage, lang: str) -> str:
    """The page's path inside its language folder: fr/agenda.md -> agenda.md."""
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
        page.meta.setdefault("title", html_safe(_site().pages[lang][path].title))
        page.meta["hide"] = [*page.meta.get("hide", []), "toc"]  # the columns need the width
    # The heading permalinks' tooltip in the page's language (MkDocs makes a Markdown
    # converter per page, from these settings).
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = _site().ui[lang]["permalink_title"]
    if is_print_page(path):  # not "Print" or "2", the file name
        page.meta.setdefault("title", html_safe(_site().pages[lang][path].title))
        # Its own page without the theme (overrides/print.html): the text alone is heavy enough.
        page.meta["template"] = "print.html"
    if is_print_page(path) or path == STATUS_PATH:  # every page again; the translators' page: not searched
        page.meta["search"] = {"exclude": True}
        page.meta["hide"] = [*page.meta.get("hide", []), "navigation", "toc"]
    if _state.serving:
        _state.preview.skip_template_if_unchanged(page)
    return markdown


def on_page_content(html: str, page: MkPage, config: MkDocsConfig, files) -> str:
    """The page's HTML, through the allowlist sanitizer (scripts/publish/sanitize.py) last
    (under `serve`, again only when the HTML changed)."""
    back = _site().ui[_current(config)]["footnote_back"]

    def finish(text: str) -> str:
        return clean(published_numbers(text, back))

    if _state.serving:
        return _state.preview.per_page.clean_once(page.file.src_uri, html, back, finish)
    return finish(html)


@event_priority(0)  # after the i18n plugin (50) has set the language selector's links
def on_page_context(context, page: MkPage, config: MkDocsConfig, nav):
    site, lang = _site(), _current(config)
    path = _norm_path(page, lang)
    if path in site.pages.get(lang, {}):
        # Not in the offline copy: the theme fetches a sitemap.xml under each alternate.
        offline = _offline(config)
        context["page_alternates"] = [] if offline else site.alternates(path, _state.site_url)
        context["fallback_langs"] = [code for code in site.codes if site.is_fallback(code, path)]
        sources = site.pages[lang][path].sources
        page.edit_url = edit_url(config, sources[0] if sources else "")
    _downloads_context(context, config)
    return context


def _downloads_context(context, config: MkDocsConfig) -> None:
    """The download links, and the root of the page's language (its search index)."""
    site, lang = _site(), _current(config)
    context["download_links"] = downloads.links(site, lang, config.use_directory_urls,
                                                _offline(config), not _state.serving)
    context["language_root"] = site.language_root(lang)
    context["ui"] = site.ui[lang]
    context["current_language"] = lang  # marked in the language selector
    context["language_homes"] = {code: site.language_root(code) for code in site.codes}


def on_template_context(context, template_name: str, config: MkDocsConfig):
    site = _site()
    _downloads_context(context, config)
    if template_name == "sitemap.xml":
        context["sitemap_xml"] = site.sitemap(_state.site_url)
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Each language gets its own 404 page (`/fr/404.html`…); the root one stays the default
    language's, where mkdocs-static-i18n would leave the last-built language's."""
    if template_name != "404.html" or not output:  # empty: the preview keeps the last one
        return output
    output = whitespace.collapse(output)
    site, lang = _site(), _current(config)
    if _state.serving:
        output = _state.preview.with_banner(output, site.ui[lang])
    _state.not_found[lang] = output
    if lang == site.default:
        return output
    target = Path(config.site_dir) / site.language_root(lang) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _state.not_found.get(site.default, output)


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    """Links to the original page (by now the i18n plugin has set this page's language selector
    links, config.extra.alternate), without the templates' indentation; under `serve`, the content's errors in a banner on every
    page, in its language."""
    output = whitespace.collapse(original_links(output, page, config))
    if _state.serving and output:
        return _state.preview.with_banner(output, _site().ui[_current(config)])
    return output


@event_priority(-50)  # before the i18n plugin (-100) collects the search entries, builds the others
def _on_post_build_languages(config: MkDocsConfig) -> None:
    """Under `serve`: keep each language's search entries; then, after the default language,
    let the i18n plugin build only the other languages that have a changed page (it calls
    MkDocs' `build` once per language: that call is skipped for the others, whose search
    entries from their last build go into the merged index as the plugin would have)."""
    if not _state.serving:
        return
    plugin, search = _i18n(config), _search_plugin(config)
    if search is not None and hasattr(search, "search_index"):
        _state.preview.searched[plugin.current_language] = [dict(e) for e in search.search_index.entries]
    if plugin.building:
        return
    skipped = [code for code in _state.preview.unchanged_languages(plugin.build_languages)
               if code in _state.preview.searched and code != plugin.current_language]
    if not skipped:
        return
    build = mkdocs_static_i18n.plugin.build

    def build_changed(config: MkDocsConfig, dirty: bool = False) -> None:
        lang = plugin.current_language
        if lang not in skipped:
            return build(config, dirty=dirty)
        log.info(f"preview: no page of '{lang}' changed: not built again")
        plugin.search_entries.extend(dict(e) for e in _state.preview.searched[lang])
        _state.phases.record(f"pages {lang}", 0.0, "not built (unchanged)", cpu=0.0)

    mkdocs_static_i18n.plugin.build = build_changed
    _state.restore_build = lambda: setattr(mkdocs_static_i18n.plugin, "build", build)


@event_priority(-200)  # after the i18n plugin (-100) built every language and merged the search index
def _on_post_build_site(config: MkDocsConfig) -> None:
    plugin = _i18n(config)
    if plugin.building:  # one language of many: the others are not built yet
        return
    _restore_build()
    _language_done(time.perf_counter(), None)
    site_dir = Path(config.site_dir)
    root = Path(config.config_file_path).resolve().parent
    theme.fill_workers(site_dir)  # the theme's worker name, read from the installed theme
    own_assets.write(site_dir, *_state.own_assets)
    if not _state.serving:  # the theme's CSS without the rules no page uses (the archive's too)
        with _state.phases.phase("unused CSS"):
            unused_css.prune_site(site_dir)
    downloads.finish(site_dir, _site(), directory_urls=config.use_directory_urls,
                     offline=_offline(config), with_files=not _state.serving,
                     build_offline=lambda target: _build_offline(config, target),
                     archive_inputs=_archive_inputs(root), cache=FileCache(root / CACHE_DIR),
                     phases=_state.phases, languages=_state.preview.languages_to_print(_site()))
    if _state.staging is not None:
        with _state.phases.phase("move into place"):
            _state.staging.finish(config.strict)
        _state.staging = None
    if _state.serving:
        _state.preview.built()
    if os.environ.get("BUILD_TIMINGS") and not _offline(config):
        _state.phases.write(Path(os.environ["BUILD_TIMINGS"]))


on_post_build = CombinedEvent(_on_post_build_languages, _on_post_build_site)


def _restore_build() -> None:
    if _state.restore_build is not None:
        _state.restore_build()
        _state.restore_build = None


def on_build_error(error: Exception) -> None:
    """A failed build leaves the site directory as it was: the staging folder goes."""
    _restore_build()
    if _state.staging is not None:
        _state.staging.abandon()
        _state.staging = None
    if _state.serving:
        _state.preview.failed(mkdocs_utils)


def _archive_inputs(root: Path) -> tuple[Input, ...]:
    """Everything the offline copy is built from (its key in the cache, with the PDFs):
    the project's files, the packages that render them and the settings read from the
    environment."""
    inputs: list[Input] = []
    for name in ARCHIVE_SOURCES:
        source = root / name
        files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if source.is_dir() else [source]
        for file in files:
            inputs += [file.relative_to(root).as_posix(), file]
    inputs += [f"{package}=={version(package)}" for package in ARCHIVE_PACKAGES]
    inputs += [f"{name}={os.environ.get(name, '')}" for name in ARCHIVE_ENV]
    return tuple(inputs)


def _build_offline(config: MkDocsConfig, target: Path):
    """Start the offline copy: the same site built again with Material's offline plugin on
    (SITE_OFFLINE=true: no directory URLs, search from file://), in its own process so that no
    plugin state is shared with this build. Returns a function that waits for it."""
    # A fixed date whatever the environment says (1980-01-01, the archive's): reproducible.
    env = {**os.environ, "SITE_OFFLINE": "true", "SOURCE_DATE_EPOCH": "315532800"}
    env.pop("BUILD_TIMINGS", None)
    command = [sys.executable, "-m", ENGINE, "build", "--quiet", "--config-file",
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
