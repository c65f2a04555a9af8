"""Untrusted content is safe by construction (issue 10).

The hostile corpus (tests/support/hostile.py): every payload of PAYLOADS goes into every kind of text field of every kind
of content file, the fields found by walking each file along its schema (scripts/content/text.py), so
a field added to a schema is covered without editing this test. For each payload, `check`
either refuses it in a field, at that field's file:line, or accepts it; what it accepts in a
field is then built, all payloads together, in ONE build of a copy of the content, and every
built page is parsed: no element, attribute, `javascript:` URL, comment or external resource
may come from a payload. The browser test serves that build to Chromium.
"""

from __future__ import annotations

import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import config
from scripts.checks.fields import check_text
from scripts.content import inline
from scripts.content.load import read_content
from scripts.content.text import (INLINE, PLAIN, InlineMarkdown, PlainText, kinds, schema_names,
                                  schema_text_fields)
from scripts.content.yaml_source import Located
from scripts.publish.pdf import write_pdf
from scripts.publish.sanitize import clean
from tests.support.hostile import MARK, field_pattern, schema_kind, text_fields, value_at

# --- the schemas declare a kind for every free-text field ------------------------------------


def test_every_string_field_of_every_schema_has_a_kind_or_a_pattern():
    """A text field without a kind could not be escaped by type: each string is plain text,
    inline Markdown, or a code the schema constrains."""
    import json

    for name in schema_names() + ["common"]:
        schema = json.loads((config.SCHEMAS / f"{name}.schema.json").read_text("utf-8"))

        def walk(node, where):
            if isinstance(node, dict):
                if node.get("type") == "string":
                    assert "x-text" in node or "pattern" in node or "enum" in node, \
                        f"{name}.schema.json {where}: a string with no kind (x-text) and no pattern"
                for key, child in node.items():
                    walk(child, f"{where}/{key}")
            elif isinstance(node, list):
                for i, child in enumerate(node):
                    walk(child, f"{where}/{i}")

        walk(schema, "")


def test_the_loader_types_every_text_as_its_schema_declares(loaded):
    seen = {PLAIN: 0, INLINE: 0}
    for located in loaded.files.values():
        for path, kind in kinds(located.data, schema_kind(located.path)):
            value = value_at(located.data, path)
            expected = {PLAIN: PlainText, INLINE: InlineMarkdown}.get(kind)
            if expected:
                assert type(value) is expected, (located.path, path)
                seen[kind] += 1
    assert seen[PLAIN] > 500 and seen[INLINE] > 500, seen


def _name(path: tuple) -> str:
    """A field's name: its last property name ("*" for a list item or a free key)."""
    names = [p for p in path if p != "*"]
    return names[-1] if names else "*"


# Text fields the schemas allow that no content file uses today (so the corpus cannot fill
# them from the content): a field added to a schema and used by the content is covered
# automatically; one added and unused fails here until it is used or listed. Fields are
# told apart by name and kind (the block structure of common.schema.json is shared by the
# prose files: its fields are covered by whichever file uses them).
UNUSED_FIELDS = {("intro", INLINE), ("header", PLAIN), ("lead", PLAIN)}


def test_the_hostile_corpus_covers_every_text_field_the_schemas_declare():
    used = {(_name(field_pattern(path)) if not rel.endswith("/ui.yml") else "*", kind)
            for rel, fields in text_fields(config.ROOT).items() for path, kind in fields}
    declared = {(_name(path), kind) for name in schema_names() for path, kind in schema_text_fields(name)}
    assert len(declared) > 20
    assert declared - used <= UNUSED_FIELDS, sorted(declared - used - UNUSED_FIELDS)


# --- check: refused at file:line, or accepted (the build: tests/support/hostile.py) -------------


def test_check_refuses_or_accepts_every_payload_in_every_field(hostile):
    total = sum(len(p) for by_path in hostile.accepted.values() for p in by_path.values())
    assert hostile.refused > 0 and total > 0
    # The scheme tricks are refused wherever text is inline Markdown...
    inline_fields = [(rel, p) for rel, f in text_fields(config.ROOT).items() for p, k in f if k == INLINE]
    assert inline_fields
    for rel, path in inline_fields:
        for payload in ("[entity](javascript&colon;window.__pwned=1)", "[tab](java&#x09;script:window.__pwned=1)",
                        "[mixed](JaVaScRiPt:window.__pwned=1)", "[data](data:text/html;base64,PHNjcmlwdD4=)"):
            assert payload not in hostile.accepted[rel][path], (rel, path, payload)
    # ...and a line break is refused in every field.
    for rel, by_path in hostile.accepted.items():
        for path, payloads in by_path.items():
            assert not any("\n" in p for p in payloads), (rel, path)


# --- the built pages: no payload is live ------------------------------------------------------


class _Live(HTMLParser):
    """Everything in a page that a payload could have made live."""

    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcset", "background"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>: an event handler")
            if MARK in name:
                self.found.append(f"<{tag} {name}>: an attribute from a payload")
            if name in self.URL_ATTRIBUTES:
                # As the browser reads it: the parser decoded the references once, as the
                # browser does; it strips tabs, newlines and leading spaces.
                judged = re.sub(r"[\x00-\x20]", "", value).lower()
                if MARK in judged and not judged.startswith(("http:", "https:")):
                    self.found.append(f"<{tag} {name}={value!r}>: a link made from a payload")
                if judged.startswith(("javascript:", "vbscript:", "data:text")):
                    self.found.append(f"<{tag} {name}={value!r}>: a script URL")
                if "evil.example" in judged and not (tag == "a" and name == "href"):
                    self.found.append(f"<{tag} {name}={value!r}>: an external resource")
            if name == "style" and "evil.example" in value:
                self.found.append(f"<{tag} style=…>: an external resource")
        if tag in ("script", "style"):
            self._in_script = True
        if tag in ("img", "svg", "iframe", "object", "embed", "image") and any(MARK in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}> from a payload")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and ("__pwned" in data or "evil.example" in data):
            self.found.append(f"a script or style holding a payload: {data[:80]!r}")
        elif not self._in_script:
            self.text.append(data)

    def handle_comment(self, data):
        if MARK in data:
            self.found.append("a comment from a payload (it would hide the page)")


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "/assets/" not in p.as_posix())


def test_no_payload_is_live_in_any_built_page(hostile):
    pages = _pages(hostile.site)
    assert len(pages) > 100
    shown = 0
    for page in pages:
        parser = _Live()
        parser.feed(page.read_text("utf-8"))
        parser.close()
        assert not parser.found, f"{page.relative_to(hostile.site)}: {parser.found[:5]}"
        shown += "".join(parser.text).count("<script>window.__pwned=1</script>")
    # The payloads did reach the pages, as text (not a vacuous pass).
    assert shown > 100, shown


def test_entity_written_titles_stay_text_in_the_title_element(hostile):
    """A chapter title written with entities (`&lt;/title&gt;…`) is shown as written."""
    titles = []
    for page in _pages(hostile.site):
        found = re.search(r"<title>(.*?)</title>", page.read_text("utf-8"), re.S)
        assert found, page
        titles.append(found.group(1))
        assert "<" not in found.group(1), (page, found.group(1))
    assert any("&amp;lt;/title&amp;gt;" in t for t in titles)


def test_the_print_edition_and_pdf_hold_no_live_payload(hostile):
    from scripts.publish.downloads import DOWNLOADS

    volumes = sorted((hostile.site / "print").rglob("index.html"))
    assert len(volumes) > 1, volumes  # print/index.html, print/2/index.html…
    for printed in volumes:
        parser = _Live()
        parser.feed(printed.read_text("utf-8"))
        assert not parser.found, (printed, parser.found[:5])
    assert list((hostile.site / DOWNLOADS).glob("*.pdf"))


# --- the sanitizer keeps what the site needs ---------------------------------------------------


def test_the_sanitizer_removes_markup_a_renderer_might_let_through():
    dirty = ('<p onclick="x">a<script>alert(1)</script><a href="JaVaScript:x">j</a>'
             '<img src="https://evil.example/i.png"><iframe src="https://evil.example"></iframe>'
             '<a href="../definitions/#x" title="t">ok</a></p>')
    out = clean(dirty)
    parser = _Live()
    parser.feed(out.replace("evil.example", "evil.example"))
    assert "onclick" not in out and "<script" not in out and "<img" not in out and "<iframe" not in out
    assert 'href="../definitions/#x"' in out and "javascript" not in out.lower()


def test_the_sanitizer_leaves_the_real_site_as_it_was(built):
    """Every page's content already passed the sanitizer in the build; a second pass changes
    nothing the reader sees: the allowlist covers all the site's own markup (abbr titles,
    footnotes, ids, classes, lang, details, tables, the side-by-side picker's data-*)."""
    from benchmarks.site_diff import tokens
    from scripts.publish.print_edition import _ARTICLE

    checked = 0
    for page in _pages(built.site):
        found = _ARTICLE.search(page.read_text("utf-8"))
        if not found:
            continue
        # The theme's own "edit this page" button stands in the article: not content.
        article = re.sub(r'<a\b[^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', "", found.group(1), flags=re.S)
        assert tokens(clean(article)) == tokens(re.sub(r"<!--.*?-->", "", article, flags=re.S)), page
        checked += 1
    assert checked > 100


# --- the PDF fetches nothing from the network ---------------------------------------------------


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        type(self).seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_pdf_fetches_only_the_sites_own_files(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Recorder.seen = []
    outside = tmp_path / "outside.css"
    outside.write_text("p { color: red }")
    site = tmp_path / "site"
    site.mkdir()
    (site / "own.css").write_text("h1 { color: blue }")
    external = f"http://127.0.0.1:{server.server_port}"
    page = site / "print.html"
    document = (f'<html><head><link rel="stylesheet" href="{external}/style.css">'
                f'<link rel="stylesheet" href="{outside.as_uri()}"><link rel="stylesheet" href="own.css">'
                f'<style>@import url("{external}/import.css"); body {{ background: url("{external}/bg.png") }}</style>'
                f'</head><body><h1>T</h1><img src="{external}/image.png"><img src="/etc/passwd"></body></html>')
    try:
        write_pdf(document, page, tmp_path / "out.pdf", (), root=site)
    finally:
        server.shutdown()
        server.server_close()
    assert (tmp_path / "out.pdf").stat().st_size > 0
    assert _Recorder.seen == [], f"the PDF renderer requested {_Recorder.seen}"


def test_the_site_fetcher_serves_files_of_the_site_only(tmp_path):
    from scripts.publish.pdf import site_file

    (tmp_path / "a.css").write_text("x")
    assert site_file((tmp_path / "a.css").as_uri(), tmp_path) == (tmp_path / "a.css").resolve()
    assert site_file((tmp_path / ".." / "etc").as_uri(), tmp_path) is None
    assert site_file("file:///etc/passwd", tmp_path) is None
    assert site_file("http://127.0.0.1/a.css", tmp_path) is None
    assert site_file(f"file://evil.example{tmp_path}/a.css", tmp_path) is None


# --- check is linear in the size of a field ------------------------------------------------------


@pytest.mark.parametrize("unit", ["*a ", "[a](b ", "[^", "&lt;" * 3 + "x", "https://x.org/" + "a" * 50 + " ",
                                  "<" * 10 + " ", "[x](javascript&colon;" + "a" * 20 + ") "])
def test_checking_and_rendering_a_field_is_linear_in_its_size(unit):
    """A pathological field of ~1 MB checks and renders in time proportional to its size:
    the same text 10 times longer takes well under 30 times as long (quadratic would be 100),
    and the 1 MB field takes under a generous 5 s."""
    import time

    def seconds(size: int) -> float:
        text = InlineMarkdown((unit * (size // len(unit) + 1))[:size])
        located = Located("content/en/x.yml", {"text": text}, {(): (1, 1), ("text",): (1, 7)})
        start = time.perf_counter()
        list(check_text(located))
        try:
            inline.to_markdown(text)
        except inline.MarkupError:
            pass
        return time.perf_counter() - start

    small = min(seconds(100_000) for _ in range(3))
    large = min(seconds(1_000_000) for _ in range(2))
    assert large < 5.0, large
    assert large < 30 * max(small, 0.002), (small, large)


# --- check = build: the anchors check accepts are in the built pages ----------------------------


def test_every_anchor_check_accepts_is_an_id_of_its_built_page(built):
    """scripts/checks/anchors.py predicts each page's anchors from the content, so that `check`
    refuses a link the build would not resolve; the prediction never claims an anchor the
    built page lacks."""
    from scripts.checks.anchors import site_anchors
    from scripts.plan.site import page_url

    anchors = site_anchors(built.content)
    checked = 0
    for lang, pages in anchors.items():
        root = "" if lang == built.default else f"{lang}/"
        for path, ids in pages.items():
            page = built.pages.get(root + page_url(path))
            assert page is not None, (lang, path)
            missing = ids - page.ids
            assert not missing, f"{lang} {path}: {sorted(missing)[:5]}"
            checked += len(ids)
    assert checked > 1000, checked


def test_check_refuses_links_the_build_could_not_resolve(content_copy):
    from tests.support.checking import problems_of

    root = content_copy("content/fr/background.yml", "(definitions.md)", "(definitions.md#nowhere)")
    content_copy("content/es/background.yml", "(definitions.md)", "(annex.md)")
    content_copy("content/en/background.yml", "(definitions.md)", "(definitions.md#Not_An_Id)")
    problems = problems_of(root)
    assert any(p.startswith("content/fr/background.yml:") and "no anchor '#nowhere'" in p for p in problems)
    assert any(p.startswith("content/es/background.yml:") and "'annex.md' leads to no page" in p for p in problems)
    assert any(p.startswith("content/en/background.yml:295:") and "is not an id" in p for p in problems)


def test_placeholders_differing_from_the_reference_are_refused_with_the_expected_names(content_copy):
    from tests.support.checking import problems_of

    root = content_copy("content/es/ui.yml", "Sesión {number}", "Sesión {numero}")
    content_copy("content/fr/ui.yml", "site_name:", "site_name: \"{0} x\"\nsite_name_unused:")
    problems = [p for p in problems_of(root) if "/ui.yml:" in p]
    assert any(p.startswith("content/es/ui.yml:") and "{numero} is not filled" in p and "{number}" in p
               for p in problems), problems
    assert any(p.startswith("content/fr/ui.yml:4:") and "'{0}' is not a placeholder" in p
               for p in problems), problems


def test_the_renderers_alone_make_no_payload_live(hostile):
    """The sanitizer is the last line of defence, not the first: the same hostile content,
    rendered by the pure renderers and the site's Markdown extensions without the sanitizer,
    already has no live payload."""
    from scripts.plan.site import plan
    from scripts.plan.write import page_text
    from scripts.translation.status import translation_of
    from tests.support.markdown import site_markdown

    loaded = read_content(hostile.root)
    site = plan(loaded.content, translation_of(loaded.content, loaded.files))
    checked = 0
    for lang, pages in site.pages.items():
        for path, page in pages.items():
            markdown = page_text(page).split("---", 2)[2]  # the file MkDocs reads, front matter off
            parser = _Live()
            parser.feed(site_markdown().convert(markdown))
            parser.close()
            assert not parser.found, f"{lang} {path}: {parser.found[:3]}"
            checked += 1
    assert checked > 90
