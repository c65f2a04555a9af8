"""YAML mistakes in plain words, at the line of the cause, with what to type.

The parser reports where it gave up ("expected <block end>, but found '?'"), often many lines
below the mistake. An editor needs the line they got wrong and the fix. `explain` looks at
the text around the parser's position for the usual mistakes of a person editing YAML by
hand (a tab, an unclosed quote, a colon followed by a space inside a text, a wrong indent, a
list item without its dash or with a key added under it) and words each one; anything else
gets a plain general message at the parser's line. `accidental_key` finds the one mistake
that is valid YAML: a list item of text that starts with a word and a colon ("- Note: …"),
which YAML reads as a key and its value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s#'\"\[\]{},][^:#]*?):(?: +|$)")
_ITEM = re.compile(r"^(?P<indent> *)- +")


@dataclass(frozen=True)
class Explained:
    line: int  # 1-based
    column: int  # 1-based
    message: str


def quoted(text: str) -> str:
    """`text` as a YAML quoted scalar: double quotes, or single quotes if it holds a double."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_lines(lines: list[str], before: int) -> list[tuple[int, str]]:
    """(index, line) of the lines before index `before` that hold something, nearest first."""
    return [(i, lines[i]) for i in range(before - 1, -1, -1)
            if lines[i].strip() and not lines[i].lstrip().startswith("#")]


def _value_start(line: str) -> int | None:
    """Where the value of a `key: value` or `- value` line starts, if it has one."""
    match = _KEY.match(line)
    if match:
        return match.end() if match.end() < len(line) else None
    match = _ITEM.match(line)
    return match.end() if match else None


def _unclosed_quote(line: str) -> int | None:
    """The column (0-based) of a quote that opens a value and is not closed on its line."""
    start = _value_start(line)
    if start is None or start >= len(line) or line[start] not in "\"'":
        return None
    quote, rest = line[start], line[start + 1:]
    if quote == '"':
        closed = re.search(r'(?<!\\)"', rest.replace("\\\\", "  ")) is not None
    else:
        closed = "'" in rest.replace("''", "  ")
    return None if closed else start


def _tab(lines: list[str], last: int) -> Explained | None:
    for i, line in enumerate(lines[: last + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead:
            return Explained(i + 1, lead.index("\t") + 1,
                             "this line is indented with a tab; YAML indents with spaces only: "
                             "replace the tab with spaces, as many as the lines around it use")
    return None


_CLOSING = {"[": "]", "{": "}"}


def _unclosed_bracket(line: str) -> int | None:
    """The column (0-based) of a `[` or `{` that opens a value and is not closed on its line."""
    start = _value_start(line)
    if start is None or start >= len(line) or line[start] not in _CLOSING:
        return None
    plain = re.sub(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', "", line[start:])
    opened = sum(plain.count(c) for c in "[{") - sum(plain.count(c) for c in "]}")
    return start if opened > 0 else None


def _quote(lines: list[str], last: int) -> Explained | None:
    for i, line in enumerate(lines[: last + 1]):
        column = _unclosed_quote(line)
        if column is not None:
            quote = line[column]
            return Explained(i + 1, column + 1,
                             f"the text that starts with {quote} on this line is never closed: "
                             f"add a {quote} at the end of the text")
        column = _unclosed_bracket(line)
        if column is not None:
            bracket = line[column]
            return Explained(i + 1, column + 1,
                             f"the {'list' if bracket == '[' else 'mapping'} that starts with "
                             f"{bracket} on this line is never closed: add a {_CLOSING[bracket]} at "
                             f"its end, or, if it is text, put the whole text in quotes")
    return None


def _colon_in_text(lines: list[str], index: int, column: int) -> Explained | None:
    """`key: text: more` — a colon and a space inside a text that is not in quotes."""
    line = lines[index]
    match = _KEY.match(line)
    if not match or column <= match.end() - 1:
        return None
    key, value = match.group("key"), line[match.end():].rstrip()
    lead = match.group("indent") + (match.group("dash") or "")
    return Explained(index + 1, column + 1,
                     "this line has a colon followed by a space inside its text, which YAML reads "
                     f"as the start of a new key: put the whole text in quotes: "
                     f"{lead.lstrip()}{key}: {quoted(value)}")


def _item_above(lines: list[str], index: int) -> tuple[int, str] | None:
    """The nearest line above that holds something."""
    above = _content_lines(lines, index)
    return above[0] if above else None


def _layout(lines: list[str], index: int, column: int) -> Explained | None:
    """A line in the wrong column: a missing dash, a key added under a text item, a wrong indent."""
    line = lines[index]
    here = _indent(line)
    above = _item_above(lines, index)
    if above is None:
        return None
    _, previous = above
    # The columns where list items (dashes) start in the lines above.
    dashes = {_indent(l) for _, l in _content_lines(lines, index) if _ITEM.match(l)}
    if not _ITEM.match(line) and here in dashes:
        keys_column = next((found.end() for _, l in _content_lines(lines, index)
                            if (found := _ITEM.match(l)) and _indent(l) == here), here + 2)
        return Explained(index + 1, here + 1,
                         f"this line starts in the column of the list's dashes ('-' in column "
                         f"{here + 1}) but has no dash: if it starts a new item, write '- ' before "
                         f"it; if it belongs to the item above, indent it with {keys_column} spaces, "
                         "like the lines of that item")
    item = _ITEM.match(previous)
    key = _KEY.match(line)
    if item and key and not _KEY.match(previous) and here == item.end():
        return Explained(index + 1, here + 1,
                         f"this line adds the key '{key.group('key')}' to the list item above, which "
                         "is a text: a list item is either a text or a set of keys, not both; if this "
                         "is more text, join it to the text above (in quotes if it holds ': '), "
                         "otherwise start a new item with '- '")
    previous_key = _KEY.match(previous)
    if previous_key:
        expected: int | None = len(previous_key.group("indent")) + len(previous_key.group("dash") or "")
        if previous.rstrip().endswith(":") and not previous_key.group("dash"):
            expected = None  # a key that opens a block: its content may be indented further
        if expected is not None and here != expected and not _ITEM.match(line):
            return Explained(index + 1, here + 1,
                             f"this line is indented with {here} spaces, but the key on the line "
                             f"above starts after {expected}: the keys of one item start in the "
                             f"same column; indent it with {expected} spaces")
    if here < _indent(previous) and not _KEY.match(line):
        expected = _indent(previous)
        return Explained(index + 1, here + 1,
                         f"this line is indented with {here} spaces, less than the text above it "
                         f"({expected}): a text that goes on over several lines keeps its "
                         f"indentation; indent it with {expected} spaces")
    return None


GENERAL = ("this line cannot be read as YAML: check that it is indented with spaces like the lines "
           "around it, and put in quotes any text that contains ': ' or ' #', or starts with one of "
           "- ? : , [ ] { } # & * ! | > ' \" % @ `")


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """The cause of a YAML syntax error, in plain words, at its line."""
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Explained(1, 1, GENERAL)
    index = min(mark.line, len(lines) - 1)
    column = mark.column
    if error.context == "while scanning a simple key" and error.context_mark is not None:
        index, column = error.context_mark.line, error.context_mark.column
    found = _tab(lines, index) or _quote(lines, index)
    if found:
        return found
    if error.problem == "mapping values are not allowed here":
        found = _colon_in_text(lines, index, column)
        if found:
            return found
    found = _layout(lines, index, column)
    if found:
        return found
    return Explained(index + 1, column + 1, GENERAL)


def accidental_keys(data: object, known: frozenset[str], key: tuple = ()) -> list[tuple[tuple, str]]:
    """(path, key) of every list item that YAML read as `{word: text}` where a text was meant:
    a mapping of one key that no schema knows, holding a text."""
    found: list[tuple[tuple, str]] = []
    if isinstance(data, dict):
        for name, child in data.items():
            found += accidental_keys(child, known, key + (name,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            if isinstance(item, dict) and len(item) == 1:
                (name, text), = item.items()
                if name not in known and (text is None or isinstance(text, str)):
                    found.append((key + (i,), name))
                    continue
            found += accidental_keys(item, known, key + (i,))
    return found


def accidental_message(name: str, value: str | None) -> str:
    text = f"{name}: {value}" if value else f"{name}:"
    return (f"this item starts with '{name}:', a word then a colon and a space, which YAML reads as "
            f"a key '{name}' rather than as text: put the whole text in quotes: - {quoted(text)}")
