"""The reading interface in a real browser (the session's Chromium, on the build served on a
local port): the language selector marks the page's language, and on a 404 page leads to the
home page of each language; the heading permalinks' tooltip is in the page's language; the
paragraph mark and a heading's hidden permalink never stand alone on a line on a phone; the
print page keeps a readable line length on a wide screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:selenium")

LANGS = {"en": "", "fr": "fr/", "es": "es/"}

_MARKED = """
return Array.from(document.querySelectorAll('.md-select__link')).map(function (a) {
  return [a.lang, a.getAttribute('aria-current'),
          getComputedStyle(a, '::before').content, a.getAttribute('href'), a.href];
});"""


@pytest.mark.parametrize("lang", LANGS)
def test_the_selector_marks_the_language_of_the_page(browser, served, lang):
    browser.reset()
    browser.open(f"{served}{LANGS[lang]}agenda/")
    links = browser.script(_MARKED)
    assert [code for code, *_ in links] == list(LANGS)
    current = [(code, mark) for code, aria, mark, *_ in links if aria == "true"]
    assert [code for code, _ in current] == [lang], links
    assert "✓" in current[0][1], "a visible mark, not only for screen readers"
    others = [mark for code, aria, mark, *_ in links if code != lang]
    assert all("✓" not in mark for mark in others)
    assert browser.console_errors() == []


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_404_page_the_selector_leads_to_each_home_page(browser, served, lang):
    browser.reset()
    browser.open(f"{served}{LANGS[lang]}404.html")
    links = browser.script(_MARKED)
    homes = {code: href for code, _aria, _mark, _raw, href in links}
    assert homes == {code: f"{served}{root}" for code, root in LANGS.items()}, homes
    other = next(code for code in LANGS if code != lang)
    browser.script("document.querySelector('.md-select__link[lang=\"' + arguments[0] + '\"]').click()", other)
    browser.wait(lambda _: browser.script("return location.href") == f"{served}{LANGS[other]}")
    assert browser.script("return document.documentElement.lang") == other


@pytest.mark.parametrize("lang", LANGS)
def test_heading_permalinks_are_named_in_the_language_of_the_page(browser, served, lang, built):
    browser.reset()
    browser.open(f"{served}{LANGS[lang]}report/globalized-world/")
    titles = set(browser.script(
        "return Array.from(document.querySelectorAll('a.headerlink')).map(a => a.title)"))
    assert titles == {built.ui(lang, "permalink_title")}


def test_the_paragraph_mark_never_stands_alone_on_a_line_on_a_phone(browser, served):
    """On a phone, every ¶ sits on the same line as the last word before it."""
    browser.reset()
    browser.phone()
    alone = []
    for lang, root in LANGS.items():
        for path in ("summary/", "report/globalized-world/", "background/"):
            browser.open(f"{served}{root}{path}")
            alone += browser.script("""
                var out = [];
                document.querySelectorAll('a.paragraph-link').forEach(function (mark) {
                  var range = document.createRange();
                  var node = mark.previousSibling;
                  while (node && !(node.textContent || '').trim()) node = node.previousSibling;
                  if (!node) { out.push(mark.getAttribute('href') + ': nothing before'); return; }
                  range.selectNodeContents(node);
                  var rects = range.getClientRects();
                  var last = rects[rects.length - 1];
                  var own = mark.getBoundingClientRect();
                  if (!last || Math.abs(last.bottom - own.bottom) > own.height) out.push(mark.getAttribute('href'));
                });
                return out;""")
    browser.reset()
    assert alone == []


def test_a_hidden_heading_permalink_never_takes_a_line_of_its_own_on_a_phone(browser, served):
    """The ¶ after a heading shows only on hover or focus; it used to wrap onto a line of its
    own under a title that just filled its last line (the Spanish facts page: a blank line
    under the title)."""
    browser.reset()
    browser.phone()
    alone = []
    for root in LANGS.values():
        for path in ("facts/", "notes/", "report/measures/", "report/partnerships/", "background/"):
            browser.open(f"{served}{root}{path}")
            alone += browser.script("""
                var out = [];
                document.querySelectorAll('article :is(h1, h2, h3, h4) > a.headerlink').forEach(function (link) {
                  var range = document.createRange();
                  range.setStartBefore(link.parentNode.firstChild);
                  range.setEndBefore(link);
                  var rects = range.getClientRects();
                  var last = rects[rects.length - 1];
                  var own = link.getBoundingClientRect();
                  if (!last || own.top >= last.bottom - 1) out.push(location.pathname + link.getAttribute('href'));
                });
                return out;""")
    browser.reset()
    assert alone == []


def test_the_print_page_keeps_a_readable_line_length_on_a_wide_screen(browser, served):
    browser.reset()
    browser.resize(2400, 1200)
    browser.open(f"{served}print/")
    width, font = browser.script("""
        var p = document.querySelector('.print-edition p');
        return [p.getBoundingClientRect().width, parseFloat(getComputedStyle(p).fontSize)];""")
    browser.reset()
    assert width / font < 50, f"{width}px lines at {font}px: more than about 90 characters"
