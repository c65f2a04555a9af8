"""No broken internal link or anchor anywhere: every HTML file of the built site and of the
offline archive (unzipped), every `href` and `src` (links, stylesheets, scripts, images,
icons), resolved to a file of the same tree, and every fragment to an element of that file.
The site is read at its SITE_URL (absolute links under it are internal); the archive must not
link to the web site at all, since it is read from a disk."""

from __future__ import annotations

import posixpath
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.support.pages import SITE_URL, Built

SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")
LINKING = {"a": ("href",), "area": ("href",), "link": ("href",), "script": ("src",),
           "img": ("src", "srcset"), "source": ("src", "srcset"), "iframe": ("src",),
           "video": ("src", "poster"), "audio": ("src",), "track": ("src",), "embed": ("src",)}


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        if tag == "link" and (a.get("rel") or "") in ("canonical", "alternate"):
            return  # addresses on the web, not files of this tree (tests/test_site.py checks them)
        for name in LINKING.get(tag, ()):
            value = a.get(name)
            if not value:
                continue
            if name == "srcset":
                self.refs.extend(part.split()[0] for part in value.split(",") if part.strip())
            else:
                self.refs.append(value)


@cache
def _parse(file: Path) -> _Refs:
    parser = _Refs()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return parser


def _target_file(root: Path, path: str) -> Path:
    target = root / path
    return target / "index.html" if path.endswith("/") or path == "" or target.is_dir() else target


def broken_links(root: Path, base_url: str | None) -> tuple[int, list[str]]:
    """(links checked, problems) for every HTML file under `root`. `base_url`: the address
    the tree is published at (None: read from disk, no link may leave the tree)."""
    checked, problems = 0, []
    for file in sorted(root.rglob("*.html")):
        rel = file.relative_to(root).as_posix()
        for ref in _parse(file).refs:
            parts = urlsplit(ref)
            if parts.scheme in SKIPPED_SCHEMES:
                continue
            if base_url is None:
                if parts.scheme or parts.netloc or ref.startswith("/"):
                    if parts.scheme in ("http", "https") and not ref.startswith(SITE_URL):
                        continue  # the web, on purpose (a source's address): not this tree
                    problems.append(f"{rel}: {ref} leaves the archive")
                    continue
                path = posixpath.normpath(posixpath.join(posixpath.dirname(rel), unquote(parts.path))) \
                    if parts.path else rel
                if parts.path.endswith("/"):
                    path += "/"
            else:
                absolute = urlsplit(urljoin(base_url + rel, ref))
                site = urlsplit(base_url)
                if (absolute.scheme, absolute.netloc) != (site.scheme, site.netloc):
                    continue  # another host: tests/test_site.py forbids loading anything from one
                if not absolute.path.startswith(site.path):
                    problems.append(f"{rel}: {ref} leaves the site's path")
                    continue
                path = unquote(absolute.path[len(site.path):])
            if path.startswith("../"):
                problems.append(f"{rel}: {ref} leaves the tree")
                continue
            checked += 1
            target = _target_file(root, path)
            if not target.is_file():
                problems.append(f"{rel}: {ref} -> no file {target.relative_to(root)}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                problems.append(f"{rel}: {ref} -> no #{fragment} in {target.relative_to(root)}")
    return checked, problems


def test_no_broken_link_or_anchor_in_the_site(built: Built):
    checked, problems = broken_links(built.site, SITE_URL)
    assert checked > 5_000, f"only {checked} links checked"
    assert problems == [], "\n".join(problems[:40])


def test_no_broken_link_or_anchor_in_the_offline_archive(unzipped_archive: Path):
    checked, problems = broken_links(unzipped_archive, None)
    assert checked > 5_000, f"only {checked} links checked"
    assert problems == [], "\n".join(problems[:40])


@pytest.mark.parametrize("ref, problem", [("missing/", "no file"), ("#nowhere", "no #nowhere"),
                                          ("/abs.html", "leaves the archive"), ("../../x.html", "leaves")])
def test_the_crawler_sees_what_is_broken(tmp_path: Path, ref, problem):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(f'<p id="here"><a href="{ref}">x</a><a href="#here">y</a>',
                                               encoding="utf-8")
    checked, problems = broken_links(tmp_path, None)
    assert len(problems) == 1 and problem in problems[0], problems
