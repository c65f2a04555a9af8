"""The download cache (scripts/publish/build_cache.py) and the preview's error banner (scripts/engine/preview.py),
on small inputs; the real downloads' reuse is measured by benchmarks/build_cache.py."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from scripts.engine.preview import BANNER_CLASS, with_banner
from scripts.publish.build_cache import KEEP, FileCache, digest


def test_digest_tells_inputs_apart(tmp_path):
    file = tmp_path / "a.css"
    file.write_text("body{}", encoding="utf-8")
    assert digest(["ab", "c"]) != digest(["a", "bc"])
    assert digest(["x"]) != digest([b"x"])
    assert digest([file]) == digest([file])
    before = digest([file])
    file.write_text("body{color:red}", encoding="utf-8")
    assert digest([file]) != before


def test_a_file_is_made_once_per_inputs_and_reused_byte_for_byte(tmp_path):
    cache = FileCache(tmp_path / "cache")
    made: list[str] = []

    def produce(text):
        def write(target: Path):
            made.append(text)
            target.write_text(text, encoding="utf-8")
        return write

    target = tmp_path / "site" / "book.pdf"
    first = cache.make(target, ["edition 1"], produce("one"))
    target.unlink()
    again = cache.make(target, ["edition 1"], produce("never made"))
    assert (first.reused, again.reused) == (False, True)
    assert target.read_text(encoding="utf-8") == "one"
    changed = cache.make(target, ["edition 2"], produce("two"))
    assert changed.reused is False and target.read_text(encoding="utf-8") == "two"
    assert made == ["one", "two"]


def test_old_versions_are_dropped(tmp_path):
    cache = FileCache(tmp_path / "cache")
    target = tmp_path / "book.pdf"
    for n in range(KEEP + 2):
        cache.make(target, [f"edition {n}"], lambda t, n=n: t.write_text(str(n), encoding="utf-8"))
    assert len(list((tmp_path / "cache" / "book.pdf").iterdir())) == KEEP


def test_no_cache_makes_every_time(tmp_path):
    cache, target, made = FileCache(None), tmp_path / "book.pdf", []
    for _ in range(2):
        cache.make(target, ["same"], lambda t: (made.append(1), t.write_text("x", encoding="utf-8")))
    assert len(made) == 2


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_the_error_banner_escapes_what_the_content_says():
    page = '<html><body class="x"><p>page</p></body></html>'
    hostile = 'content/fr/agenda.yml:3:5: \'<script>alert(1)</script>\' is not in "people"'
    out = with_banner(page, (hostile,), "Le contenu comporte des erreurs <b>")
    parser = _Elements()
    parser.feed(out)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "b" not in tags
    assert tags[:3] == ["html", "body", "div"] and BANNER_CLASS in parser.tags[2][1]["class"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert with_banner(page, (), "heading") == page
