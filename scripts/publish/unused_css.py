"""The theme's stylesheets without the rules this site never uses (issue 12: Lighthouse counted
about 17 kB of unused CSS in Material's 23 kB stylesheet, loaded by every page).

The method is PurgeCSS's, conservative: a selector is kept when every class, id, element and
attribute it names occurs somewhere in the built site's HTML, or is one of the theme's own
names (`md-…`, `data-md-…`) that its scripts use (they add state classes and build search
results and tooltips), unless the component that name belongs to is one the bundle makes
only out of markup or a setting the site does not have (code blocks, diagrams, tags,
versions…: `_HOSTED`); a rule is kept when any of its selectors is. Other words of the theme's
bundle (`pre`, `highlight`, `tabbed-set`…) name markup its scripts enhance, not create: the
rules for them go when the site has no such markup. An attribute selector's value counts only
for the palette's attributes (`data-md-color-*`, whose values the pages carry); other values
are state the scripts set. What functional pseudo-classes hold (`:not(…)`, `:is(…)`,
`:where(…)`, `:has(…)`) never removes a selector. Then custom properties that no kept rule
reads (`var(--name)`, followed through other custom properties) are dropped: Material defines
an SVG icon per admonition type, tasklist and code annotation, which this site never shows.

Runs on the built site, after every page is written and before the downloads (the offline
archive) are made, on Material's `main.*.min.css` and `palette.*.min.css` only; the site's
own stylesheets are hand-written and small. Pure text to text (`prune`), then `prune_site`
writes the files in place, under the theme's file names. Parsing is tinycss2's (a WeasyPrint
dependency).
"""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2

THEME_STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TAG = re.compile(r"<([A-Za-z][\w-]*)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


# Set by the theme's scripts on the document: the "js" class, and the focus-visible polyfill's.
_SCRIPT_STATE = ("js", "focus-visible", "data-focus-visible-added")

# Names the theme's bundle holds for components it makes only out of some markup or setting
# of the page (Material 9.8's src/templates/assets/javascripts/components/): they count as
# used only on a site whose HTML has that host. Without it the bundle never makes them, and
# their rules (2.2 kB gzip of main.css on this site, issue 12) go.
_HOSTED = (
    ("md-annotation", re.compile(r"<pre\b"), "code annotations: made from code blocks"),
    ("md-code", re.compile(r"<pre\b"), "the copy and select buttons of code blocks"),
    ("md-mermaid", re.compile(r"\bmermaid\b"), "Mermaid diagrams"),
    ("md-tag", re.compile(r"\bmd-tags\b"), "the tags plugin's lists, rendered in the HTML"),
    ("md-version", re.compile(r'"version":\s*\{'), "the version selector: only when the page's "
     "configuration names versions (overrides/main.html writes none)"),
    ("md-progress", re.compile(r"navigation\.instant\.progress"), "instant loading's progress bar"),
    ("md-source__fact", re.compile(r'data-md-component="source"'), "the repository's stars and forks, "
     "fetched only for a source link with data-md-component (overrides/partials/source.html has none)"),
    ("md-status", re.compile(r"\bmd-status\b"), "page status icons, rendered in the navigation"),
)


def site_words(site: Path) -> frozenset[str]:
    """Every word of the site's HTML (tag and attribute names, classes, ids, values, text) and
    the theme's names its scripts use, lowercased."""
    words: set[str] = set(_SCRIPT_STATE)
    hosts: set[str] = set()
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words.update(_WORD.findall(text))
        words.update(_TAG.findall(text))
        hosts.update(prefix for prefix, host, _ in _HOSTED if prefix not in hosts and host.search(text))
    unhosted = tuple(prefix for prefix, _, _ in _HOSTED if prefix not in hosts)
    for path in sorted((site / "assets" / "javascripts").rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        words.update(word for word in _WORD.findall(text) if word.lower().startswith(("md-", "data-md-"))
                     and not (unhosted and word.lower().startswith(unhosted)))
    return frozenset(word.lower() for word in words)


def _needs(tokens: list) -> set[str]:
    """The names a compound selector's tokens require: classes, ids, element names, attribute
    names and the values they compare to (tinycss2 tokens of one selector)."""
    needed: set[str] = set()
    after_dot = False
    after_colon = False
    for token in tokens:
        kind = token.type
        if kind == "literal" and token.value == ".":
            after_dot = True
            continue
        if kind == "literal" and token.value == ":":
            after_colon = True
            continue
        if kind == "ident" and not after_colon:
            needed.add(token.value)  # a class after ".", else an element name
        elif kind == "hash":
            needed.add(token.value)
        elif kind == "[] block":
            names = [t.value for t in token.content if t.type in ("ident", "string") and t.value]
            palette = names and names[0].lower().startswith("data-md-color-")
            needed.update(names if palette else names[:1])
        # functions (":not(", ":is(", …) and pseudo-classes are left alone: they never remove
        after_dot = after_colon = False
    return {name.lower() for name in needed if name != "*"}


def _selectors(prelude: list) -> list[list]:
    """The comma-separated selectors of a rule's prelude."""
    selectors: list[list] = []
    current: list = []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def _used(prelude: list, words: frozenset[str]) -> bool:
    return any(_needs(selector) <= words for selector in _selectors(prelude))


def _prune_rules(rules: list, words: frozenset[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            if _used(rule.prelude, words):
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            inner = _prune_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True,
                                                          skip_whitespace=True), words)
            if inner:
                rule.content = [token for r in inner for token in (r, tinycss2.ast.WhitespaceToken(0, 0, " "))]
                kept.append(rule)
        elif rule.type == "at-rule":
            kept.append(rule)  # @keyframes, @font-face, @page…: kept whole
    return kept


def _declarations(rule) -> list:
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)


def _drop_unread_properties(rules: list, read_elsewhere: frozenset[str]) -> None:
    """Remove custom property declarations that nothing reads, neither this stylesheet's kept
    rules nor `read_elsewhere` (to a fixed point: a property read only by a dropped one goes
    too)."""
    def walk(items):
        for rule in items:
            if rule.type == "qualified-rule":
                yield rule
            elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
                yield from walk(t for t in rule.content if t.type in ("qualified-rule", "at-rule"))

    while True:
        qualified = list(walk(rules))
        read = set(read_elsewhere)
        for rule in qualified:
            read.update(_VAR.findall(tinycss2.serialize(rule.content)))
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword not in ("media", "supports") and rule.content:
                read.update(_VAR.findall(tinycss2.serialize(rule.content)))
        dropped = False
        for rule in qualified:
            kept = []
            for item in _declarations(rule):
                if item.type == "declaration" and item.name.startswith("--") and item.name not in read:
                    dropped = True
                    continue
                kept.append(item)
            rule.content = [token for item in kept for token in
                            ([*_serializable(item), tinycss2.ast.LiteralToken(0, 0, ";")])]
        if not dropped:
            return


def _serializable(item) -> list:
    if item.type == "declaration":
        important = [tinycss2.ast.LiteralToken(0, 0, "!"), tinycss2.ast.IdentToken(0, 0, "important")] \
            if item.important else []
        return [tinycss2.ast.IdentToken(0, 0, item.name), tinycss2.ast.LiteralToken(0, 0, ":"),
                *item.value, *important]
    return [item]


def prune(css: str, words: frozenset[str], read_elsewhere: frozenset[str] = frozenset()) -> str:
    """`css` without the rules whose selectors need a name absent from `words`, and without
    custom properties that neither its kept rules nor `read_elsewhere` read."""
    rules = _prune_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), words)
    _drop_unread_properties(rules, read_elsewhere)
    rules = [rule for rule in rules if rule.type != "qualified-rule" or rule.content]
    return "".join(tinycss2.serialize([rule]) for rule in rules) + "\n"


def prune_site(site: Path) -> dict[str, tuple[int, int]]:
    """Prune the theme's stylesheets of the built `site` in place; file -> (bytes before, after)."""
    words = site_words(site)
    sources = {path: path.read_text(encoding="utf-8", errors="replace")
               for path in sorted(site.rglob("*")) if path.suffix in (".css", ".html", ".js")}
    sizes = {}
    for pattern in THEME_STYLESHEETS:
        for path in sorted(site.glob(pattern)):
            css = sources[path]
            # custom properties read by the other stylesheets, style attributes and scripts
            elsewhere = frozenset(name for other, text in sources.items() if other != path
                                  for name in _VAR.findall(text))
            pruned = prune(css, words, elsewhere)
            path.write_text(pruned, encoding="utf-8")
            sizes[path.relative_to(site).as_posix()] = (len(css.encode()), len(pruned.encode()))
    return sizes
