"""Plain text handed to the theme's templates (Material's and overrides/): HTML-escaped once,
as `markupsafe.Markup`, the type Jinja knows to be safe HTML.

MkDocs renders templates without autoescaping, and Material prints most values as they are
(`{{ config.site_name }}`, `{{ nav_item.title }}`, `aria-label="{{ option.toggle.name }}"`).
Given `Markup`, a bare `{{ value }}` prints the escaped text (in element text and in quoted
attributes alike: quotes are escaped too), and an explicit `| e` leaves it as it is, so no
sink escapes twice. `| striptags` would undo the escaping: overrides/main.html's `<title>`
block is the one sink that uses it, followed by `| e`.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def html_safe(text: str) -> Markup:
    """Plain text as escaped HTML (already-safe Markup is kept as it is)."""
    return escape(text) if not isinstance(text, Markup) else text
