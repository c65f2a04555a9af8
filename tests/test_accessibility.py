"""axe-core (npm, pinned by tests/js/package-lock.json; installed by `npm ci` on first use) run in the session's headless Chromium
on every kind of page in every language, on the session's build served locally: no violation
of any rule axe runs by default (WCAG 2.x A and AA, and its best practices), in the light
scheme and, for the pages with their own styles, the dark one."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.pages import Built

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"

# One page of each kind (the Council note is a fallback page except in Spanish), and every
# volume of the print edition (each holds other kinds of content: tables, lists, notes).
PAGES = ["", "report/globalized-world/", "agenda/", "people/", "background/", "definitions/",
         "acronyms/", "series/", "council-note/", "notes/", "facts/", "status/",
         "parallel/report/introduction/", "print/", "print/2/", "print/3/", "404.html"]
DARK = ["", "report/globalized-world/", "agenda/", "definitions/", "parallel/report/introduction/"]
LANGS = ["en", "fr", "es"]  # tests/test_site.py checks these are content/languages.yml's


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's script, installed from the lockfile the first time (so `pytest` alone works)."""
    if not AXE.is_file():
        npm = shutil.which("npm")
        assert npm, "axe-core needs npm (Node.js) to install tests/js/package-lock.json"
        done = subprocess.run([npm, "ci", "--omit=optional", "--no-audit", "--no-fund"], cwd=AXE.parents[2],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, f"npm ci in tests/js failed:\n{done.stderr[-2000:]}"
    return AXE.read_text(encoding="utf-8")


def violations(browser, axe_source: str) -> list[str]:
    browser.script(axe_source)
    result = browser.script(
        "return axe.run(document, {resultTypes: ['violations']})"
        ".then(r => JSON.stringify(r.violations), e => JSON.stringify([{id: 'axe-error', "
        "help: String(e), nodes: []}]))")
    found = []
    for violation in json.loads(result):
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:5]]
        summary = violation["nodes"][0].get("failureSummary", "") if violation["nodes"] else ""
        found.append(f'{violation["id"]} ({violation.get("impact")}): {violation["help"]}; '
                     f'{len(violation["nodes"])} element(s): {targets} {summary[:300]}')
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(built: Built, browser, served, axe_source, lang, path):
    assert lang in built.codes
    browser.reset()
    browser.prefers("light")
    browser.open(served + built.prefix(lang) + path)
    assert browser.script("return document.documentElement.lang") == lang
    assert violations(browser, axe_source) == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", DARK)
def test_no_accessibility_violation_in_the_dark_scheme(built: Built, browser, served, axe_source, lang, path):
    browser.reset()
    browser.prefers("dark")
    browser.open(served + built.prefix(lang) + path)
    assert browser.script("return document.body.getAttribute('data-md-color-scheme')") == "slate"
    found = violations(browser, axe_source)
    browser.reset()
    assert found == []
