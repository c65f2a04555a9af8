"""A failed build never leaves a half-written site, and `mkdocs serve` survives content errors.

- `mkdocs build` crashed on purpose mid-way (a French page, after the English pages are
  written; then after every language, before the downloads): the previous `site/` is intact
  and no staging folder is left beside it.
- A real `mkdocs serve` on a free port, in a copy of the project: a typo in a speaker id and a
  YAML syntax error each keep the last good pages served, with the error in a banner on every
  page in the page's language; the server keeps answering; fixing the file removes the banner
  and the next edit is served (one rebuild per save: nothing the build writes is watched).
- The same server rebuilds only the languages whose pages changed: a French-only edit leaves
  the Spanish pages and search index exactly as they were, and the French ones show it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from scripts import config
from scripts.engine.preview import BANNER_CLASS
from tests.support.project import ENV, project_copy

TIMEOUT = 240  # a rebuild on a loaded 2-core machine can take tens of seconds


# --- a crash mid-build leaves the previous site/ ------------------------------------------

# A hook added to the copy's mkdocs.yml that raises at a chosen point of the build.
CRASH_HOOK = '''
from mkdocs.plugins import event_priority

def on_post_page(output, page, config):
    if "{where}" == "french page" and page.file.src_uri == "fr/agenda.md":
        raise RuntimeError("crash on purpose in a French page")
    return output

@event_priority(-150)  # after every language is built, before the downloads (-200)
def on_post_build(config):
    plugin = config.plugins["i18n"]
    if "{where}" == "before downloads" and not plugin.building:
        raise RuntimeError("crash on purpose before the downloads")
'''


@pytest.mark.parametrize("where", ["french page", "before downloads"])
def test_a_crash_mid_build_leaves_the_previous_site(tmp_path, where):
    root = project_copy(tmp_path / "project")
    (root / "crash.py").write_text(CRASH_HOOK.replace("{where}", where), encoding="utf-8")
    settings = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(settings.replace("  - scripts/engine/hooks.py\n",
                                                      "  - scripts/engine/hooks.py\n  - crash.py\n"), encoding="utf-8")
    assert "crash.py" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    previous = root / "site"
    (previous / "fr").mkdir(parents=True)
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    (previous / "fr" / "index.html").write_text("site précédent", encoding="utf-8")

    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=root, env=ENV,
                            capture_output=True, text=True, timeout=600)

    assert result.returncode != 0
    assert "crash on purpose" in result.stderr
    assert sorted(p.relative_to(previous).as_posix() for p in previous.rglob("*")) == \
        ["fr", "fr/index.html", "index.html"]
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert (previous / "fr" / "index.html").read_text(encoding="utf-8") == "site précédent"
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_a_successful_build_leaves_no_staging_folder(built):
    assert (built.site / "index.html").is_file()
    assert [p.name for p in built.site.parent.iterdir() if ".building-" in p.name or ".old-" in p.name] == []


# --- serve: last good pages, errors in the browser, recovery --------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:  # a hung server fails here
        return response.read().decode("utf-8")


def wait_until(url: str, condition, what: str) -> str:
    start = time.monotonic()
    while time.monotonic() - start < TIMEOUT:
        try:
            page = fetch(url)
        except OSError:
            page = None
        if page is not None and condition(page):
            return page
        time.sleep(0.2)
    raise AssertionError(f"{url}: {what} within {TIMEOUT} s")


def banner(page: str) -> str | None:
    """The text of the error banner of a page, if it has one."""
    from html.parser import HTMLParser

    class Finder(HTMLParser):
        def __init__(self):
            super().__init__()
            self.depth, self.text = 0, None

        def handle_starttag(self, tag, attrs):
            if self.depth:
                self.depth += tag == "div"
            elif tag == "div" and BANNER_CLASS in (dict(attrs).get("class") or "").split():
                self.depth, self.text = 1, ""

        def handle_endtag(self, tag):
            if self.depth and tag == "div":
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                self.text += data

    finder = Finder()
    finder.feed(page)
    return finder.text


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


def ui_word(lang: str, key: str) -> str:
    return yaml.safe_load((config.CONTENT / lang / "ui.yml").read_text(encoding="utf-8"))[key]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = project_copy(tmp_path_factory.mktemp("serve") / "project")
    port = free_port()
    log = root.parent / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                   cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=output)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(base + "fr/agenda/", lambda page: "</html>" in page, "the first page served")
        yield root, base, log
    finally:
        process.terminate()
        process.wait(timeout=60)


def edit(root: Path, relative: str, old: str, new: str) -> str:
    file = root / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text


def test_serve_keeps_the_last_good_pages_and_shows_a_speaker_typo(server):
    root, base, log = server
    good = fetch(base + "fr/agenda/")
    assert banner(good) is None
    original = edit(root, "content/fr/agenda.yml", "          - mckinley\n", "          - mckinlye\n")
    try:
        page = wait_until(base + "fr/agenda/", lambda p: banner(p) is not None, "an error banner")
        text = banner(page)
        assert ui_word("fr", "preview_errors") in text
        assert "content/fr/agenda.yml:" in text and "mckinlye" in text
        # The last good agenda, not a fallback page: its article is the one before the typo.
        assert article(page) == article(good)
        english = fetch(base + "agenda/")
        assert ui_word("en", "preview_errors") in (banner(english) or "")
        spanish = fetch(base + "es/")
        assert ui_word("es", "preview_errors") in (banner(spanish) or "")
    finally:
        (root / "content/fr/agenda.yml").write_text(original, encoding="utf-8")
    wait_until(base + "fr/agenda/", lambda p: banner(p) is None, "the banner gone once fixed")


def test_serve_survives_a_yaml_syntax_error_and_recovers(server):
    root, base, log = server
    url = base + "fr/report/introduction/"
    sentence = "La migration est un trait distinctif"
    good = fetch(url)
    assert sentence in good
    original = edit(root, "content/fr/report.yml", "sections:", "sections: [")
    try:
        page = wait_until(url, lambda p: banner(p) is not None, "an error banner")
        assert "content/fr/report.yml:" in banner(page)
        assert article(page) == article(good)  # the last good French page, not a fallback
    finally:
        (root / "content/fr/report.yml").write_text(original, encoding="utf-8")
    wait_until(url, lambda p: banner(p) is None, "the banner gone once fixed")
    builds = log.read_text(encoding="utf-8").count("Building documentation...")
    edit(root, "content/fr/report.yml", sentence, f"Réparé. {sentence}")
    wait_until(url, lambda p: "Réparé." in p, "the next edit served")
    time.sleep(2)  # a second rebuild, if the build's own writes were watched, would start by now
    assert log.read_text(encoding="utf-8").count("Building documentation...") == builds + 1


def test_serve_survives_a_broken_languages_file(server):
    root, base, log = server
    url = base + "es/"
    good = fetch(url)
    original = edit(root, "content/languages.yml", "languages:", "languages: {")
    try:
        page = wait_until(url, lambda p: banner(p) is not None, "an error banner")
        assert "content/languages.yml:" in banner(page)
        assert ui_word("es", "preview_errors") in banner(page)
        assert article(page) == article(good)
    finally:
        (root / "content/languages.yml").write_text(original, encoding="utf-8")
    wait_until(url, lambda p: banner(p) is None, "the banner gone once fixed")


def served(page: str) -> str:
    """A page as built: without the live-reload script the server adds to each response (it
    holds the time of the request)."""
    start = page.rfind("<script>\nvar livereload")
    return page if start == -1 else page[:start] + page[page.index("</script>", start) + 9:]


def test_serve_rebuilds_only_the_languages_whose_pages_changed(server):
    root, base, log = server
    role = "role: Directeur général de l’OIM\n"  # on the French agenda and people pages only
    before = {url: fetch(base + url) for url in ("es/search/search_index.json", "es/agenda/",
                                                 "search/search_index.json")}
    seen = log.read_text(encoding="utf-8").count("no page of 'es' changed: not built again")
    original = edit(root, "content/fr/agenda.yml", role, role.replace("\n", " Modifié\n"))
    try:
        wait_until(base + "fr/people/", lambda p: "Directeur général de l’OIM Modifié" in p, "the edit served")
        assert "Modifié" in fetch(base + "fr/search/search_index.json")  # French indexed again
        after = log.read_text(encoding="utf-8")
        assert after.count("no page of 'es' changed: not built again") == seen + 1
        for url, page in before.items():  # Spanish not rebuilt, yet all there; English unchanged
            assert served(fetch(base + url)) == served(page), url
    finally:
        (root / "content/fr/agenda.yml").write_text(original, encoding="utf-8")
    wait_until(base + "fr/people/", lambda p: "Modifié" not in p, "the edit undone")


def test_serve_fills_every_print_volume_again_after_an_edit(server):
    """A save re-renders only the changed pages, and every volume of that language's print
    edition: each is filled again (none keeps the build's empty place), the edit in its volume."""
    import re
    from urllib.parse import urljoin

    root, base, _log = server
    role = "role: Directeur général de l’OIM\n"  # on the French agenda and people pages
    original = edit(root, "content/fr/agenda.yml", role, role.replace("\n", " Retouché\n"))
    try:
        wait_until(base + "fr/people/", lambda p: "Directeur général de l’OIM Retouché" in p, "the edit served")
        first = fetch(base + "fr/print/")
        listing = re.search(r'<nav class="print-volumes".*?</nav>', first, re.S).group(0)
        volumes = [base + "fr/print/"] + [urljoin(base + "fr/print/", href)
                                          for href in re.findall(r'<li><a href="([^"]+)"', listing)]
        assert len(volumes) > 1, listing
        pages = {url: fetch(url) for url in volumes}
        for url, page in pages.items():
            assert '<div class="print-edition"><nav class="print-volumes"' in page, f"{url}: not filled"
            assert 'data-print-edition="body"' not in page, url
        assert sum("Directeur général de l’OIM Retouché" in page for page in pages.values()) == 1
    finally:
        (root / "content/fr/agenda.yml").write_text(original, encoding="utf-8")
    wait_until(base + "fr/people/", lambda p: "Retouché" not in p, "the edit undone")
