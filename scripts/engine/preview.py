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
- Templates are compiled once per process (`BYTECODE_CACHE`), not once per language.

This module knows MkDocs' Page (render results) and Jinja; nothing outside the hook uses it.
"""

from __future__ import annotations

import hashlib
import html
import logging
from dataclasses import dataclass, field
from typing import Any, Callable

import jinja2

from scripts.plan.site import Site
from scripts.render.parallel import PARALLEL_DIR
from scripts.render.print_page import PRINT_PATH

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

    _listed: dict[tuple, list[str]] = {}

    def __init__(self, loader: jinja2.BaseLoader):
        self.loader = loader

    def get_source(self, environment, template):
        return self.loader.get_source(environment, template)

    def list_templates(self) -> list[str]:
        key = tuple(getattr(self.loader, "searchpath", ())) or (id(self.loader),)
        if key not in self._listed:
            self._listed[key] = self.loader.list_templates()
        return self._listed[key]


def theme_env_listed_once(theme) -> None:
    """Make `theme.get_env()` give environments whose loader lists the templates once."""
    get_env = theme.get_env

    def env():
        environment = get_env()
        environment.loader = ListedOnce(environment.loader)
        return environment

    theme.get_env = env


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
    """MkDocs logs every page it does not write; unchanged pages are not news."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Page skipped")


@dataclass
class PreviewState:
    last_good: Site | None = None
    errors: tuple[str, ...] = ()
    changed: set[str] | None = None  # docs paths to render again; None: every page
    renders: dict[str, Rendered] = field(default_factory=dict)  # docs path -> last conversion
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
            # A language's print edition holds its pages (not the side-by-side views).
            self.changed |= {f"{lang}/{PRINT_PATH}" for lang, path in
                             (uri.split("/", 1) for uri in list(self.changed))
                             if not path.startswith(PARALLEL_DIR)}
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

    def skip_template_if_unchanged(self, page) -> None:
        if self.changed is not None and page.file.src_uri not in self.changed:
            page.meta["template"] = UNCHANGED_TEMPLATE

    def languages_to_print(self, site: Site) -> list[str] | None:
        """The languages whose print edition was rendered again (None: all)."""
        if self.changed is None:
            return None
        return [code for code in site.codes if f"{code}/{PRINT_PATH}" in self.changed]

    def with_banner(self, output: str, ui: dict[str, str]) -> str:
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
