"""Footnotes numbered as in the publication.

Markdown's footnotes extension numbers a page's notes 1, 2, 3… in order of reference, but a
report chapter or the annex starts at the publication's own number (note 3 of the annex is
its only note). The renderers key each footnote by its published number (`[^3]`); this turns
the rendered references and the list of notes back to those numbers. Engine-neutral: HTML in,
HTML out; scripts/engine/hooks.py applies it to every page.
"""

from __future__ import annotations

import re
from html import escape

# <sup id="fnref:3"><a class="footnote-ref" href="#fn:3">1</a></sup>
_REFERENCE = re.compile(r'(<a class="footnote-ref" href="#fn:(\d+)">)\d+(</a>)')
# <li id="fn:3">
_NOTE = re.compile(r'<li id="fn:(\d+)">')
# <a class="footnote-backref" href="#fnref:3" title="Jump back to footnote 1 in the text">
_BACK = re.compile(r'(<a class="footnote-backref" href="#fnref\d*:(\d+)" title=")[^"]*(")')


def published_numbers(html: str, back_title: str = "{number}") -> str:
    """`back_title`: the tooltip of the link back to the text, in the page's language, with
    a `{number}` placeholder (Markdown's own is English, with its renumbered number)."""
    if "footnote-ref" not in html:
        return html
    html = _REFERENCE.sub(lambda m: f"{m.group(1)}{m.group(2)}{m.group(3)}", html)
    html = _BACK.sub(lambda m: m.group(1) + escape(back_title.format(number=m.group(2)), quote=True)
                     + m.group(3), html)
    return _NOTE.sub(lambda m: f'<li id="fn:{m.group(1)}" value="{m.group(1)}">', html)
