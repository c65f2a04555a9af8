"""The pages' HTML without the indentation of the theme's templates (issue 12: 0.5-0.9 kB gzip
of every page). Only spaces and tabs that begin a line, and empty lines, go: a run of
whitespace that holds a newline still holds one, and outside preformatted elements a browser
shows any such run as one space, so nothing a reader sees changes. Preformatted text, text
areas and scripts are left exactly as they are. No attribute value of the site spans lines
(tests/test_own_assets.py checks the built site), so none is changed either."""

from __future__ import annotations

import re

_KEEP = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def collapse(html: str) -> str:
    """`html` with each run of newlines and line-leading spaces made one newline, outside
    <pre>, <textarea> and <script>."""
    parts = _KEEP.split(html)
    # re.split with two groups: text, whole kept element, its tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(_INDENT.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
