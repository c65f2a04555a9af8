"""Compare the HTML of two built sites as parsed documents, not as bytes: what changed in
elements, attributes and text (comments and whitespace between tags ignored, attributes in
any order, entities decoded). Used to show that the sanitizer and the escaping leave real
content as it was:

    mkdocs build -d /tmp/before   # on the commit before
    mkdocs build -d /tmp/after    # on this one
    python benchmarks/site_diff.py /tmp/before /tmp/after
"""

from __future__ import annotations

import difflib
import sys
from html.parser import HTMLParser
from pathlib import Path

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def _value(name: str, value: str | None) -> str:
    if name == "style" and value:  # "text-align: right;" and "text-align:right" are the same
        return ";".join(part.replace(" ", "") for part in value.split(";") if part.strip())
    return value or ""


class _Tokens(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        shown = " ".join(f'{k}="{_value(k, v)}"' if v not in (None, "") else k for k, v in sorted(attrs))
        self.out.append(f"<{tag}{' ' + shown if shown else ''}>")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # <br /> and <br> are the same element

    def handle_endtag(self, tag):
        if tag not in VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.out.append(text)


def tokens(html: str) -> list[str]:
    parser = _Tokens()
    parser.feed(html)
    parser.close()
    return parser.out


def compare(before: Path, after: Path, limit: int = 12) -> int:
    changed = 0
    names = sorted({p.relative_to(before) for p in before.rglob("*.html")} |
                   {p.relative_to(after) for p in after.rglob("*.html")})
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if b.exists() else 'before'}")
            changed += 1
            continue
        ta, tb = tokens(a.read_text("utf-8")), tokens(b.read_text("utf-8"))
        if ta == tb:
            continue
        changed += 1
        diff = [line for line in difflib.unified_diff(ta, tb, lineterm="", n=0)
                if line[:1] in "+-" and not line.startswith(("+++", "---"))]
        print(f"{name}: {len(diff)} token(s) differ")
        for line in diff[:limit]:
            print("   ", line[:200])
    print(f"{len(names)} HTML files, {changed} differ")
    return changed


if __name__ == "__main__":
    sys.exit(1 if compare(Path(sys.argv[1]), Path(sys.argv[2])) else 0)
