"""The last line of defence: an allowlist HTML sanitizer (nh3, the Rust `ammonia` library) for
the HTML rendered from the content, so that a mistake in one renderer cannot ship live markup.

It runs on every page's content (scripts/engine/hooks.py, `on_page_content`) and on each print edition
before its PDF (scripts/publish/downloads.py). The theme's own markup (header, navigation, footer) does
not come from content and does not pass through it. The allowlist is what the renderers and
Markdown legitimately produce: text structure, tables, footnotes, `abbr` titles, details,
the side-by-side column picker, ids, classes, `lang`/`dir`, `aria-*` and the `data-*`
attributes reading.js reads. No script, style element, event handler, iframe, object, image,
form action or `javascript:` URL survives; links keep http, https, mailto and relative URLs.
"""

from __future__ import annotations

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "label", "li", "mark", "nav", "ol",
    "option", "p", "pre", "q", "s", "section", "select", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
}
GENERIC_ATTRIBUTES = {"id", "class", "lang", "dir", "title", "role", "hidden", "tabindex"}
ATTRIBUTES = {
    "*": GENERIC_ATTRIBUTES,
    "a": {"href", "hreflang", "download"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "label": {"for"},
    "select": {"name"},
    "option": {"value", "selected"},
    "time": {"datetime"},
}
ATTRIBUTE_PREFIXES = {"data-", "aria-"}
URL_SCHEMES = {"http", "https", "mailto"}
STYLE_PROPERTIES = {"text-align"}  # the Markdown tables extension aligns columns this way


def clean(html: str) -> str:
    """Content HTML with everything outside the allowlist removed (text is kept, escaped)."""
    return nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object",
                            "embed", "svg", "math", "textarea", "title", "xmp", "noembed",
                            "noframes", "plaintext"},
        attributes=ATTRIBUTES,
        generic_attribute_prefixes=ATTRIBUTE_PREFIXES,
        url_schemes=URL_SCHEMES,
        link_rel=None,  # internal links stay as written; no rel added
        strip_comments=True,
        filter_style_properties=STYLE_PROPERTIES,
    )
