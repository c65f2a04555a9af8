"""`mkdocs serve` as editors use it: fast rebuilds, and content errors shown, not fatal.

The hook (scripts/engine/hooks.py) keeps one `PreviewState` across the rebuilds of a `serve`:

- **Last good site.** While the content has errors, the pages of the last content that built
  are served, with the errors listed in a banner at the top of every page, in the page's
  language (`preview_errors` in content/<lang>/ui.yml). Nothing is rewritten into fallbacks.
- **Only what changed.** When the site's shape (pages, titles, navigation, interface words,
  errors) is the same as the last build's, the site directory is not cleaned and only the
  pages whose Markdown changed (and the print edition of their language) are rendered through
  the theme again; the others keep their HTML. A page whose Markdown did not change is not
  converted again either: its HTML comes from the last conversion (the search index and the
  print editions still see every page).
- Templates are compiled once per process (`BYTECODE_CACHE`), not once per language; the
  theme's static files are listed once per process and copied only when they changed.
- **What is per page is per page.** A page whose HTML did not change keeps its search entries
  and its sanitized HTML from the last build (`PageCache`): only changed pages are indexed and
  sanitized again.
- **Only the languages that changed.** mkdocs-static-i18n builds every other language after
  the default one; a language none of whose pages changed is not built again (its pages, and
  its search entries from its last build, stay). The default language is MkDocs' own build
  and always runs (its unchanged pages cost little: see above).
- **Saves seen at once.** The watcher polls every `config.PREVIEW_POLL_SECONDS` (MkDocs: 0.5 s)
  and builds `PREVIEW_SETTLE_SECONDS` after the last change it saw.

This module knows MkDocs' Page (render results) and Jinja; nothing outside the hook uses it.
"""

from __future__ import annotations

import hashlib
import html
import logging
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

import jinja2
import watchdog.observers.polling

from scripts import config as settings
from scripts.plan.site import Site
from scripts.render.parallel import PARALLEL_DIR
from scripts.render.print_page import PRINT_PATH, is_print_page

# The template a page gets when its HTML from the last build is still right: empty output,
# which MkDocs does not write, so the file already in the site directory stays.
UNCHANGED_TEMPLATE = "site-preview-unchanged.html"
ERRORS_KEY = "preview_errors"  # interface word: the banner's heading
ERRORS_DEFAULT = ("The content has errors: this preview shows the last version that built. "
                  "Fix the errors below and save; the page reloads by itself.")
BANNER_CLASS = "site-preview-errors"


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by name and checked against their source."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


BYTECODE_CACHE = MemoryBytecodeCache()


class ListedOnce(jinja2.BaseLoader):
    """The theme's loader, listing its templates once per process: MkDocs lists them (some
    fifteen thousand files with Material's icons) in every build of every language to find
    the theme's static files. Only for `serve`, which does not watch the theme by default."""

    # The theme's templates whose output depends only on the site's shape (the pages, their
    # titles, the navigation, the interface words, the errors): when it did not change, their
    # files from the last build stay (MkDocs writes no file for an empty output).
    SHAPE_ONLY = ("404.html", "sitemap.xml")

    _listed: dict[tuple, list[str]] = {}

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    _sources: dict[tuple, tuple] = {}

    def get_source(self, environment, template):
        """A template's source read again only when its file changed (its `uptodate` says so):
        every build of every language makes a new environment, which would read each again."""
        key = (self.key, template)
        known = self._sources.get(key)
        if known is not None and (known[2] is None or known[2]()):
            return known
        self._sources[key] = found = self.loader.get_source(environment, template)
        return found

    @property
    def key(self) -> tuple:
        return tuple(getattr(self.loader, "searchpath", ())) or (id(self.loader),)

    def list_templates(self) -> list[str]:
        key = self.key
        if key not in self._listed:
            self._listed[key] = self.loader.list_templates()
        return self._listed[key]


# The theme's static files (MkDocs' `Files.add_files_from_theme` filters the fifteen
# thousand names of the theme's folders with a dozen patterns, in every build of every
# language): once per process for each set of patterns. Its filter depends only on MkDocs'
# fixed patterns and the theme's `static_templates`, part of the key.
_STATIC_LISTS: dict[tuple, list[str]] = {}


def theme_env_listed_once(theme) -> None:
    """Make `theme.get_env()` give environments whose loader lists the templates once, and
    whose filtered listings (the theme's static files) are made once."""
    get_env = theme.get_env
    static_templates = tuple(sorted(theme.static_templates))

    def env():
        environment = get_env()
        loader = environment.loader = ListedOnce(environment.loader)
        environment.bytecode_cache = BYTECODE_CACHE  # Material's search plugin renders one too
        list_templates = environment.list_templates

        def listed(extensions=None, filter_func=None):
            if filter_func is None or not hasattr(filter_func, "__code__"):
                return list_templates(extensions, filter_func)
            key = (loader.key, tuple(extensions or ()), filter_func.__code__,
                   static_templates)
            if key not in _STATIC_LISTS:
                _STATIC_LISTS[key] = list_templates(extensions, filter_func)
            return list(_STATIC_LISTS[key])

        environment.list_templates = listed
        return environment

    theme.get_env = env


def copy_when_changed(files, rewritten: str) -> None:
    """Static files (the theme's assets) are copied only when their source is newer than the
    copy in the site directory (MkDocs copies them in every build of every language unless
    `--dirty`); a file the build rewrites after copying it (`rewritten`, a path's end) is
    copied every time, since its copy is not the source's."""
    for file in files:
        if not file.is_documentation_page() and not file.dest_uri.endswith(rewritten):
            copy = file.copy_file
            file.copy_file = lambda dirty=False, copy=copy: copy(dirty=True)


def poll_faster(server) -> None:
    """MkDocs' watcher polls the watched folders every 0.5 s: poll every
    PREVIEW_POLL_SECONDS instead (a snapshot of content/ takes about a millisecond), and wait
    PREVIEW_SETTLE_SECONDS after the last change before building (see config.py). The
    paths watched before `on_serve` (docs/, mkdocs.yml, the theme with --watch-theme) move
    to the new observer through the server's own unwatch/watch; those watched after it
    (mkdocs.yml's `watch`) go to it directly. MkDocs 1.6, the last 1.x, keeps them in
    `_watched_paths` (path -> count); without it, the watcher is left as it is."""
    watched = dict(getattr(server, "_watched_paths", None) or {})
    if not watched or server.observer.is_alive():
        return
    for path, count in watched.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = watchdog.observers.polling.PollingObserver(timeout=settings.PREVIEW_POLL_SECONDS)
    server.build_delay = settings.PREVIEW_SETTLE_SECONDS
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)


@dataclass
class Rendered:
    """What MkDocs' Page.render produced for a given Markdown text."""

    key: str
    content: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri

    @classmethod
    def of(cls, page, key: str) -> "Rendered":
        links = page.links_to_anchors
        return cls(key, page.content, page.toc, page._title_from_render, page.present_anchor_ids,
                   None if links is None else {f.src_uri: dict(v) for f, v in links.items()})

    def apply(self, page, files) -> None:
        page.content, page.toc = self.content, self.toc
        page._title_from_render, page.present_anchor_ids = self.title, self.anchors
        if self.links_to_anchors is not None:
            by_uri = files.src_uris
            page.links_to_anchors = {by_uri[uri]: dict(links) for uri, links in
                                     self.links_to_anchors.items() if uri in by_uri}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _toc_key(toc) -> list:
    return [(item.id, item.url, item.title, _toc_key(item.children)) for item in toc]


@dataclass
class PageCache:
    """What a page's HTML gives, kept while the HTML stays the same: its search entries and
    its sanitized HTML (per docs path: the key and the result)."""

    searched: dict[str, tuple[str, list[dict]]] = field(default_factory=dict)
    cleaned: dict[str, tuple[str, str]] = field(default_factory=dict)

    def index_once(self, search_index) -> None:
        """Material's search index of one language's build: a page's entries made again only
        when what they are made from (its HTML, URL, title, front matter, contents) changed."""
        add = search_index.add_entry_from_context

        def add_entry(page) -> None:
            key = _hash(repr((page.content, page.url, page.title, page.meta, _toc_key(page.toc))))
            cached = self.searched.get(page.file.src_uri)
            if cached is not None and cached[0] == key:
                search_index.entries.extend(dict(entry) for entry in cached[1])
                return
            before = len(search_index.entries)
            add(page)
            self.searched[page.file.src_uri] = (key, [dict(e) for e in search_index.entries[before:]])

        search_index.add_entry_from_context = add_entry

    def clean_once(self, uri: str, html_in: str, extra: str, clean: Callable[[str], str]) -> str:
        key = _hash(extra + "\0" + html_in)
        cached = self.cleaned.get(uri)
        if cached is None or cached[0] != key:
            cached = self.cleaned[uri] = (key, clean(html_in))
        return cached[1]


def shape(site: Site, errors: tuple[str, ...], site_url: str) -> str:
    """Everything a page's HTML depends on besides its own Markdown (front matter included):
    the pages that exist, their titles (in the navigation, previous/next) and states (the
    alternates), the navigation, the interface words, the errors shown."""
    parts = [site_url, repr(errors), repr(site.languages), repr(site.nav), repr(site.ui)]
    for lang, pages in site.pages.items():
        for path, page in pages.items():
            parts.append(repr((lang, path, page.title, page.original, page.searched)))
    return _hash("\n".join(parts))


class _SkippedPages(logging.Filter):
    """MkDocs logs every page and template it does not write; unchanged ones are not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(("Page skipped", "Template skipped"))


@dataclass
class PreviewState:
    last_good: Site | None = None
    errors: tuple[str, ...] = ()
    changed: set[str] | None = None  # docs paths to render again; None: every page
    renders: dict[str, Rendered] = field(default_factory=dict)  # docs path -> last conversion
    per_page: PageCache = field(default_factory=PageCache)
    searched: dict[str, list[dict]] = field(default_factory=dict)  # language -> its last search entries
    _previous: tuple[dict[str, str], str] | None = None  # pages and shape in the site directory
    _pending: tuple[Site, dict[str, str], str] | None = None
    _clean: Callable | None = None

    def start_build(self, site: Site, pages: dict[str, str], errors: list[str], site_url: str,
                    engine: str = "mkdocs") -> None:
        """`engine`: the package running the build ("mkdocs", "properdocs"), whose build
        module logs the pages it skips."""
        self.errors = tuple(errors)
        now = shape(site, self.errors, site_url)
        if self._previous is None or self._previous[1] != now:
            self.changed = None
            self.renders.clear()  # links between pages may resolve differently
        else:
            before = self._previous[0]
            self.changed = {uri for uri, text in pages.items() if before.get(uri) != text}
            # A language's print edition holds its pages (not the side-by-side views): each
            # of its volumes (the contents of every volume lists every page).
            languages = {lang for lang, path in (uri.split("/", 1) for uri in self.changed)
                         if not path.startswith(PARALLEL_DIR)}
            self.changed |= {f"{lang}/{path}" for lang in languages for path in site.pages[lang]
                             if is_print_page(path)}
        self._pending = (site, pages, now)
        build_log = logging.getLogger(f"{engine}.commands.build")
        if not any(isinstance(f, _SkippedPages) for f in build_log.filters):
            build_log.addFilter(_SkippedPages())

    def built(self) -> None:
        """The build succeeded: its pages are what the site directory holds."""
        assert self._pending is not None
        site, pages, now = self._pending
        if not self.errors:
            self.last_good = site
        self._previous = (pages, now)
        self._pending = None

    def failed(self, utils) -> None:
        """The build broke off: the site directory may be half-written; rebuild it all next."""
        self.restore_clean(utils)
        self._previous = self._pending = None

    def keep_site_dir(self, utils) -> None:
        """Before MkDocs cleans the site directory: keep it when only some pages change."""
        if self.changed is not None:
            self._clean, utils.clean_directory = utils.clean_directory, lambda path: None

    def restore_clean(self, utils) -> None:
        if self._clean is not None:
            utils.clean_directory, self._clean = self._clean, None

    def reuse_render(self, page) -> None:
        """Convert the page's Markdown only when it differs from the last conversion's."""
        uri, convert = page.file.src_uri, page.render

        def render(config, files) -> None:
            key = _hash(page.markdown)
            cached = self.renders.get(uri)
            if cached is not None and cached.key == key:
                cached.apply(page, files)
                return
            convert(config, files)
            self.renders[uri] = Rendered.of(page, key)

        page.render = render

    def templates(self) -> dict[str, str]:
        """Templates replaced by an empty one in this build: the page template of unchanged
        pages, and the shape-only templates when the shape did not change."""
        unchanged = {UNCHANGED_TEMPLATE: ""}
        if self.changed is not None:
            unchanged |= {name: "" for name in ListedOnce.SHAPE_ONLY}
        return unchanged

    def skip_template_if_unchanged(self, page) -> None:
        if self.changed is not None and page.file.src_uri not in self.changed:
            page.meta["template"] = UNCHANGED_TEMPLATE

    def language_changed(self, lang: str) -> bool:
        return self.changed is None or any(uri.startswith(lang + "/") for uri in self.changed)

    def unchanged_languages(self, codes: list[str]) -> list[str]:
        return [code for code in codes if not self.language_changed(code)]

    def languages_to_print(self, site: Site) -> list[str] | None:
        """The languages whose print edition was rendered again (None: all)."""
        if self.changed is None:
            return None
        return [code for code in site.codes if f"{code}/{PRINT_PATH}" in self.changed]

    def with_banner(self, output: str, ui: Mapping[str, str]) -> str:
        return with_banner(output, self.errors, ui.get(ERRORS_KEY, ERRORS_DEFAULT))


def error_banner(errors: tuple[str, ...], heading: str) -> str:
    """The errors, escaped, in a banner styled on its own (no stylesheet of the site needed)."""
    items = "".join(f"<li><code>{html.escape(e)}</code></li>" for e in errors)
    return (f'<div class="{BANNER_CLASS}" role="alert" style="position:relative;z-index:10;'
            "padding:1em 1.5em;background:#fff3cd;color:#3d2c00;border-bottom:3px solid #b58100;"
            f'font:0.8rem/1.5 sans-serif"><strong>{html.escape(heading)}</strong>'
            f'<ul style="margin:0.5em 0 0;padding-left:1.2em">{items}</ul></div>')


def with_banner(output: str, errors: tuple[str, ...], heading: str) -> str:
    """The page with the banner first in its body (unchanged when there are no errors)."""
    if not errors:
        return output
    body = output.find("<body")
    at = output.find(">", body) + 1 if body != -1 else 0
    return output[:at] + error_banner(errors, heading) + output[at:]
