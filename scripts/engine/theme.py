"""What the site takes from the installed theme (Material for MkDocs) and i18n plugin, read
from the packages themselves, so that an upgrade either carries over or fails loudly.

Each file of `overrides/` that copies or wraps a file of a package says so in its first lines,
in one form (tests/test_theme_tripwires.py compares it with the installed package):

    upstream: mkdocs-material <version> material/templates/partials/search.html sha256=<hex>

that is: the distribution and its version when the copy was made, the upstream file (relative
to site-packages; `#name` for one `{% block name %}` of it; a glob for a hashed name), and the
SHA-256 of that upstream text. The version installed is pinned once, in pyproject.toml.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib.metadata import distribution, version
from pathlib import Path

UPSTREAM = re.compile(r"upstream: (?P<dist>[\w.-]+) (?P<version>\S+) (?P<path>[^\s#]+)"
                      r"(?:#(?P<block>\w+))? sha256=(?P<sha256>[0-9a-f]{64})")
HEADER_LINES = 6  # the records are in a file's first lines (one line each)

# Material's search worker; its name carries a hash of its content, which changes per release.
THEME_WORKER_GLOB = "material/templates/assets/javascripts/workers/search.*.min.js"


@dataclass(frozen=True)
class Upstream:
    """The upstream file a file of the project copies, as recorded in its header."""

    copy: Path
    dist: str
    version: str
    path: str
    block: str | None
    sha256: str

    def installed_file(self) -> Path:
        found = sorted(Path(str(distribution(self.dist).locate_file(""))).glob(self.path))
        if len(found) != 1:
            raise FileNotFoundError(f"{self.path}: {len(found)} file(s) in the installed {self.dist}")
        return Path(found[0])

    def installed_text(self) -> str:
        """The upstream text as installed: the whole file, or its block."""
        text = self.installed_file().read_text(encoding="utf-8")
        return block_of(text, self.block) if self.block else text


def upstreams_of(copy: Path) -> tuple[Upstream, ...]:
    """The records in the header of a file (none when it copies nothing)."""
    head = "\n".join(copy.read_text(encoding="utf-8").splitlines()[:HEADER_LINES])
    return tuple(Upstream(copy, **match.groupdict()) for match in UPSTREAM.finditer(head))


def block_of(template: str, name: str) -> str:
    """`{% block name %}…{% endblock %}` of a Jinja template (a block without nested blocks)."""
    match = re.search(r"\{%-?\s*block\s+" + name + r"\s*-?%\}.*?\{%-?\s*endblock\s*-?%\}", template, re.S)
    if match is None:
        raise ValueError(f"no block {name!r}")
    return match.group(0)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def theme_worker() -> str:
    """The file name of the installed Material's search worker (search.<hash>.min.js)."""
    found = sorted(Path(str(distribution("mkdocs-material").locate_file(""))).glob(THEME_WORKER_GLOB))
    if len(found) != 1:
        raise FileNotFoundError(f"{THEME_WORKER_GLOB}: {len(found)} file(s) in the installed "
                                "mkdocs-material; overrides/assets/javascripts/workers/search.js "
                                "imports exactly one")
    return Path(found[0]).name


def material_version() -> str:
    return version("mkdocs-material")


def i18n_options() -> tuple[str, ...]:
    """The i18n plugin's options besides its languages, from its own config class."""
    from mkdocs_static_i18n.config import I18nPluginConfig

    return tuple(name for name, _ in I18nPluginConfig._schema if name != "languages")


def fill_worker(text: str) -> str:
    """overrides/assets/javascripts/workers/search.js as served: its header (a record for the
    tests, not for readers) dropped, the theme's worker name and version filled in."""
    lines = text.split("\n")
    if UPSTREAM.search(lines[0]):
        lines = lines[1:]
    return ("\n".join(lines).replace("__THEME_WORKER__", theme_worker())
            .replace("__MATERIAL_VERSION__", material_version()))


WRAPPER = "assets/javascripts/workers/search.js"  # overrides/…: wraps the theme's worker


def fill_workers(site_dir: Path) -> None:
    """Fill in the site's copies of the wrapper (the site's, and any language's own)."""
    for path in sorted(site_dir.rglob(WRAPPER)):
        path.write_text(fill_worker(path.read_text(encoding="utf-8")), encoding="utf-8")
