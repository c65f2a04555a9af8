"""The generated Markdown of a page (`page_text`: what MkDocs reads, from memory, during a
build), and writing every page out as <folder>/<lang>/<path> (`write_site`: for
`python -m scripts render` and tools that want the Markdown as files), only when its text changed,
removing generated files that no page produces any more. Idempotent."""

from __future__ import annotations

from pathlib import Path

import yaml

from scripts.content.inline import escape
from scripts.render.common import Page, attr, title_anchor

MARKER = "Generated from"


def page_text(page: Page) -> str:
    """The file for a page: front matter (description, original language), a notice that it is
    generated, the page heading, the body."""
    sources = ", ".join(page.sources) or "content/"
    meta: dict[str, object] = {"description": str(page.description)}  # plain str: YAML cannot dump its subclasses
    if page.original:
        meta["original_language"] = page.original
    if not page.searched:
        meta["search"] = {"exclude": True}  # the theme's search leaves the page out
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000).strip()
    notice = (f"<!-- {MARKER} {sources} by `mkdocs build` (scripts/engine/hooks.py). "
              "Do not edit: edit the YAML instead. -->")
    title = f"# {escape(page.title)} {attr(page.title_id or title_anchor(page.path))}"
    return f"---\n# {MARKER} {sources}; do not edit.\n{front}\n---\n\n{notice}\n\n{title}\n\n{page.body.strip()}\n"


def write_if_changed(file: Path, text: str) -> bool:
    """Write `text` to `file` unless it already holds exactly that. True when written."""
    if file.exists() and file.read_text(encoding="utf-8") == text:
        return False
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return True


def write_site(pages: dict[str, str], docs_dir: Path) -> tuple[list[Path], list[Path]]:
    """Write every page (docs path "fr/agenda.md" -> Markdown, as
    scripts/markdown_tree.pages_markdown gives them) under `docs_dir`. Returns (written, removed)."""
    written, expected = [], set()
    for path, text in pages.items():
        file = docs_dir / path
        expected.add(file)
        if write_if_changed(file, text):
            written.append(file)
    removed = []
    if docs_dir.exists():
        for file in sorted(docs_dir.rglob("*.md")):
            if file not in expected and _is_generated(file):
                file.unlink()
                removed.append(file)
    return written, removed


def _is_generated(file: Path) -> bool:
    with file.open(encoding="utf-8") as handle:
        head = handle.read(400)
    return MARKER in head
