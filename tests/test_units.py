"""Unit keys, unit states and paragraph anchors (scripts/translation/units.py): each built in one
place, and the same key or anchor wherever it is built and wherever it is looked up."""

from __future__ import annotations

import dataclasses
import re

import pytest

from scripts.content.models import Paragraph, paragraph_anchor, paragraph_anchors, paragraph_number
from scripts.plan.site import plan
from scripts.translation.state import edition_units, markings, originals, unit_states
from scripts.translation.status import translation_of
from scripts.translation.units import UnitKey, UnitState, named_units


def test_a_unit_key_reads_as_editors_write_it_and_back():
    key = UnitKey.section("report", "introduction")
    assert str(key) == "report/introduction" and UnitKey.parse("report/introduction") == key
    assert str(UnitKey.opening("agenda")) == "agenda" and UnitKey.parse("agenda") == UnitKey.opening("agenda")
    assert UnitKey.parse("series/3") == UnitKey.series_item(3)
    assert UnitKey.agenda_item("ilunga") != UnitKey.section("report", "ilunga")
    # A target of content/resolutions.yml names a unit only where it starts with a file of units.
    assert named_units(["acronyms/mdg", "header", "people/ilunga"]) == {UnitKey.acronym("mdg")}
    # A key is no string: a lookup with one finds nothing, so it must be built by a constructor.
    assert "report/introduction" not in {key: "translated"}


def test_a_misspelt_file_or_state_fails_at_once():
    with pytest.raises(ValueError, match="'reprot' is no content file with translation units"):
        UnitKey.section("reprot", "introduction")
    with pytest.raises(ValueError, match="'ui' is no content file"):
        UnitKey.opening("ui")
    with pytest.raises(AttributeError):
        UnitState.OUTDATE  # noqa: B018
    # The states are the words the status command and the tests have always used.
    assert UnitState("missing") is UnitState.MISSING and f"{UnitState.OUTDATED}" == "outdated"


def test_paragraph_anchors_are_the_public_urls_and_read_back():
    assert paragraph_anchor("many-forms", 3) == "many-forms-3"  # a public URL: it never changes
    blocks = (Paragraph("One."), Paragraph("Two."))
    assert paragraph_anchors("intro", blocks) == ["intro-1", "intro-2"]
    assert paragraph_number("many-forms-3", "many-forms") == 3
    assert paragraph_number("many-forms-3", "many") is None  # "forms-3" is no number
    assert paragraph_number("many-forms", "many-forms") is None
    assert paragraph_number("many-forms-²", "many-forms") is None


def test_the_keys_read_from_the_yaml_are_the_keys_built_from_the_models(loaded):
    """The state reads each unit's `source:` by the key of its YAML mapping and its text by the
    key of its model: were they built differently, every unit would count as missing."""
    for lang, edition in loaded.content.editions.items():
        assert set(markings(loaded.files, lang)) == set(edition_units(edition)), lang


def test_every_unit_the_renderers_mark_is_a_unit_of_the_translation_state(loaded):
    """The whole site is planned with each language's unit states in a mapping that records every
    key a renderer asks for. A key built otherwise than the state builds it would find no state
    and silently drop the reader's notice: every key asked for must be a unit of that language,
    and every unit a language has must be asked for by its pages (in the real content no part is
    wholly untranslated, which would make its page a fallback page with a notice of its own)."""
    content = loaded.content
    translation = translation_of(content, loaded.files)
    asked: dict[str, set] = {lang: set() for lang in content.codes}

    class Recording(dict):
        def __init__(self, lang, states):
            super().__init__(states)
            self.lang = lang

        def get(self, key, default=None):
            asked[self.lang].add(key)
            return super().get(key, default)

        def __contains__(self, key):
            asked[self.lang].add(key)
            return super().__contains__(key)

        def __getitem__(self, key):
            asked[self.lang].add(key)
            return super().__getitem__(key)

    units = {lang: Recording(lang, translation.units.get(lang, {})) for lang in content.codes}
    plan(content, dataclasses.replace(translation, units=units))
    for lang in content.codes:
        assert all(isinstance(key, UnitKey) for key in asked[lang]), lang
        has = {s.key for s in unit_states(content, loaded.files, lang) if s.state != UnitState.ABSENT}
        assert asked[lang] == has, (lang, sorted(map(str, asked[lang] ^ has)))
    assert set().union(*asked.values()) == set(originals(content))


def _paragraph_owners(edition):
    """Everything whose blocks carry anchors: a document's opening, each section, each term."""
    for doc in (edition.front and edition.front.document, edition.summary, edition.report,
                edition.background, edition.council_note):
        if doc is not None:
            yield doc.id, doc.blocks
            for section in doc.walk():
                yield section.id, section.blocks
    if edition.definitions:
        for term in edition.definitions.terms:
            yield term.id, term.definition


_SELF_LINK = re.compile(r'class="paragraph-link" href="#([^"]+)"')
_PARALLEL_ROW = re.compile(r'<div class="parallel-row[^"]*" id="([^"]+)">')


def test_every_paragraph_anchor_on_the_built_site_is_what_paragraph_anchor_gives(built):
    """Each paragraph's `¶` link on the built pages (the print page's ids carry their page's
    prefix, `page-foreword--foreword-1`) is the anchor `paragraph_anchor` gives one of the
    content's blocks, and every block of every edition has its anchor on the site; each row of
    the side-by-side pages is a heading's id or a block's anchor."""
    owners = {owner: blocks for edition in built.content.editions.values()
              for owner, blocks in _paragraph_owners(edition)}
    anchors = {a for edition in built.content.editions.values()
               for owner, blocks in _paragraph_owners(edition) for a in paragraph_anchors(owner, blocks)}
    seen = set()
    for url_path in built.pages:
        if not url_path.endswith("/") and url_path != "":
            continue
        text = (built.site / url_path / "index.html").read_text(encoding="utf-8")
        found = {href.rsplit("--", 1)[-1] for href in _SELF_LINK.findall(text)}
        assert found <= anchors, (url_path, sorted(found - anchors))
        seen |= found
        rows = set(_PARALLEL_ROW.findall(text))
        assert rows <= anchors | set(owners), (url_path, sorted(rows - anchors - set(owners)))
    assert seen == anchors, sorted(anchors - seen)
