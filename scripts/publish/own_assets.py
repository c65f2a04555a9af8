"""The site's own stylesheets and script as the pages load them: each kind in one minified file
(issue 12: the three stylesheets were three requests on every first load, and comments were
half of their bytes). The hand-written files in overrides/assets/ stay the source, listed in
mkdocs.yml (`extra_css`, `extra_javascript`) in the order they apply; the build writes
the bundles beside them in the built site (scripts/engine/hooks.py points the pages at the
bundles). Minified by rcssmin and rjsmin, which only remove comments and spaces."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

STYLESHEET = "assets/stylesheets/site.min.css"
SCRIPT = "assets/javascripts/site.min.js"


def stylesheet(texts: list[str]) -> str:
    """One stylesheet from several, in order, without comments and needless spaces."""
    return rcssmin.cssmin("\n".join(texts)) + "\n"


def script(texts: list[str]) -> str:
    """One script from several, in order, each minified (each is a complete statement list)."""
    return ";\n".join(rjsmin.jsmin(text).rstrip(";") for text in texts) + ";\n"


def write(site_dir: Path, stylesheets: tuple[str, ...], scripts: tuple[str, ...]) -> None:
    """The bundles of the built site, from the sources the build copied into it."""
    def read(paths: tuple[str, ...]) -> list[str]:
        return [(site_dir / path).read_text(encoding="utf-8") for path in paths]

    for bundle, text in ((STYLESHEET, stylesheet(read(stylesheets))), (SCRIPT, script(read(scripts)))):
        (site_dir / bundle).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / bundle).write_text(text, encoding="utf-8")
