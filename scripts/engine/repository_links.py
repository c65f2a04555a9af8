"""Links the build adds to pages once MkDocs knows their addresses: "edit this page" (the YAML
file behind the page, in the repository configured once, `repo_url` of mkdocs.yml) and the
notices' links to the original page in another language (render/translation_marks.py), whose
address is the language selector's, right online and offline. Called by scripts/engine/hooks.py."""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page as MkPage
from mkdocs.utils import normalize_url

from scripts.config import EDIT_BRANCH

_ORIGINAL_LINK = re.compile(r'href="#(?:original)?" data-original-lang="([a-z]{2,3})"')


def edit_base(config: MkDocsConfig) -> str:
    """Where files are edited in the repository (`repo_url` of mkdocs.yml), or "" without one."""
    return f"{config.repo_url.rstrip('/')}/edit/{EDIT_BRANCH}" if config.repo_url else ""


def edit_url(config: MkDocsConfig, source: str) -> str | None:
    """"Edit this page": the YAML file behind the page, never the generated Markdown; none for
    a folder (the status page) or without a repository."""
    base = edit_base(config)
    if not base or not source or source.endswith("/"):
        return None
    return f"{base}/{source}"


def original_links(content: str, page: MkPage, config: MkDocsConfig) -> str:
    """Point the notices' "read the original" at the page in that language. The i18n plugin
    sets the page's language selector links as an attribute of `extra` (what the template reads)."""
    current = getattr(config.extra, "alternate", None) or config.extra.get("alternate", [])
    alternates = {a["lang"]: a["link"] for a in current if "lang" in a}

    def link(match: re.Match) -> str:
        target = alternates.get(match.group(1))
        if target is None:
            return match.group(0)
        return f'href="{normalize_url(target, page)}" data-original-lang="{match.group(1)}"'

    return _ORIGINAL_LINK.sub(link, content)
