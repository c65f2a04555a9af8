"""YAML mistakes, made on purpose in content files (the fixture's where they can be, else the real ones), reported in plain words at the line of
the cause with the fix: the exact message `python -m scripts check` prints for each."""

from __future__ import annotations

import pytest

from tests.support.checking import problems_of

ACRONYMS = "content/en/acronyms.yml"
# Line numbers below are those of content/en/acronyms.yml: 4 `  - id: eu`, 5 `    abbr: EU`,
# 6 `    expansion: European Union`, 7 `  - id: mdg`.
CASES = {
    "colon followed by a space": (
        ACRONYMS, "    expansion: European Union\n", "    expansion: European Union: the EU\n",
        "content/en/acronyms.yml:6:30: this line has a colon followed by a space inside its text, "
        "which YAML reads as the start of a new key: put the whole text in quotes: "
        'expansion: "European Union: the EU"'),
    "colon, text holding a double quote": (
        ACRONYMS, "    expansion: European Union\n", '    expansion: The "Union": EU\n',
        "content/en/acronyms.yml:6:27: this line has a colon followed by a space inside its text, "
        "which YAML reads as the start of a new key: put the whole text in quotes: "
        "expansion: 'The \"Union\": EU'"),
    "unclosed quote, closed by a later one": (
        ACRONYMS, "    expansion: European Union\n", '    expansion: "European Union\n',
        'content/en/acronyms.yml:6:16: the text that starts with " on this line is never '
        'closed: add a " at the end of the text'),
    "unclosed single quote": (
        ACRONYMS, "    abbr: EU\n", "    abbr: 'EU\n",
        "content/en/acronyms.yml:5:11: the text that starts with ' on this line is never "
        "closed: add a ' at the end of the text"),
    "tab": (
        ACRONYMS, "    abbr: EU\n", "\tabbr: EU\n",
        "content/en/acronyms.yml:5:1: this line is indented with a tab; YAML indents with spaces "
        "only: replace the tab with spaces, as many as the lines around it use"),
    "indented too far": (
        ACRONYMS, "    expansion: European Union\n", "      expansion: European Union\n",
        "content/en/acronyms.yml:6:7: this line is indented with 6 spaces, but the key on the line "
        "above starts after 4: the keys of one item start in the same column; indent it with 4 spaces"),
    "indented too little": (
        ACRONYMS, "    expansion: European Union\n", "   expansion: European Union\n",
        "content/en/acronyms.yml:6:4: this line is indented with 3 spaces, but the key on the line "
        "above starts after 4: the keys of one item start in the same column; indent it with 4 spaces"),
    "dash forgotten": (
        ACRONYMS, "  - id: mdg\n", "  id: mdg\n",
        "content/en/acronyms.yml:7:3: this line starts in the column of the list's dashes ('-' in "
        "column 3) but has no dash: if it starts a new item, write '- ' before it; if it belongs to "
        "the item above, indent it with 4 spaces, like the lines of that item"),
    "list item turned into a mapping": (
        "content/en/series.yml", "  - Switzerland\n", "  - Switzerland\n    Tel: +41 22 717 91 11\n",
        "content/en/series.yml:69:5: this line adds the key 'Tel' to the list item above, which "
        "is a text: a list item is either a text or a set of keys, not both; if this is more text, "
        "join it to the text above (in quotes if it holds ': '), otherwise start a new item with '- '"),
    "paragraph starting with Note:": (
        "content/en/background.yml", "blocks:\n  - >-\n", "blocks:\n  - Note: the dates are those of the workshop.\n  - >-\n",
        "content/en/background.yml:5:5: this item starts with 'Note:', a word then a colon and a "
        "space, which YAML reads as a key 'Note' rather than as text: put the whole text in quotes: "
        '- "Note: the dates are those of the workshop."'),
    "tag": (
        ACRONYMS, "    abbr: EU\n", "    abbr: !!python/object/apply:os.system [echo]\n",
        "content/en/acronyms.yml:5:11: the tag '!!python/object/apply:os.system' is not allowed in "
        "content files: tags (words starting with '!') make YAML build other kinds of values; "
        "remove it, or put the whole text in quotes if it is text"),
    "local tag": (
        ACRONYMS, "    abbr: EU\n", "    abbr: !upper eu\n",
        "content/en/acronyms.yml:5:11: the tag '!upper' is not allowed in content files: tags "
        "(words starting with '!') make YAML build other kinds of values; remove it, or put the "
        "whole text in quotes if it is text"),
    "merge key": (
        ACRONYMS, "    abbr: EU\n", "    <<: {abbr: EU}\n",
        "content/en/acronyms.yml:5:5: merge keys ('<<') are not allowed in content files; write "
        "the keys out in full"),
    "nesting deeper than content needs": (
        ACRONYMS, "    abbr: EU\n", "    abbr: " + "[" * 5000 + "\n",
        "content/en/acronyms.yml:5:24: this is nested 17 levels deep; content files need at most 16: "
        "check the indentation and the brackets"),


    "contact line starting with a word and a colon": (
        "content/en/series.yml", "  - Switzerland\n", "  - Switzerland\n  - Tel: +41 22 717 91 11\n",
        "content/en/series.yml:69:5: this item starts with 'Tel:', a word then a colon and a "
        "space, which YAML reads as a key 'Tel' rather than as text: put the whole text in quotes: "
        '- "Tel: +41 22 717 91 11"'),
}


# The fixture content's acronyms.yml begins as the real one (eu on lines 4 to 6), not mdg on 7.
ON_THE_FIXTURE = {name for name, (relative, *_) in CASES.items() if relative == ACRONYMS} - {"dash forgotten"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_usual_mistake_gets_its_plain_message(request, name):
    relative, old, new, expected = CASES[name]
    root = request.getfixturevalue("fixture_copy" if name in ON_THE_FIXTURE else "content_copy")(relative, old, new)
    messages = [m for m in problems_of(root) if m.startswith(relative)]
    assert messages == [expected]


def test_a_quoted_merge_key_and_a_quoted_tag_are_text(fixture_copy):
    root = fixture_copy(ACRONYMS, "    expansion: European Union\n",
                        "    expansion: \"!important <<: European Union\"\n")
    assert not [m for m in problems_of(root) if m.startswith(ACRONYMS)]


def test_a_translation_that_cannot_be_read_gets_its_own_message_alone(content_copy):
    """An unreadable file is one problem, not also a to-do in every note that quotes it (the
    notes of content/divergences.yml on its passages used to follow the real message)."""
    report = "content/fr/report.yml"
    text = (content_copy.root / report).read_text(encoding="utf-8")
    first = text.splitlines()[4]
    root = content_copy(report, first + "\n", first + " :: [\n")
    problems = problems_of(root)
    assert [p for p in problems if not p.startswith(report)] == [], problems
    assert len(problems) == 1 and "put the whole text in quotes" in problems[0], problems
