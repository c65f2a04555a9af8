"""The two kinds of text in the content, as the schemas declare them, and typed values for both.

Every free-text string of a content file is either *plain text* (names, titles, interface
words, language names, labels, roles, countries) or *inline Markdown* (paragraphs, list items,
footnotes, definitions, notes). The kind is declared once, in schemas/common.schema.json: a
field whose schema is (or refers to) `$defs/plainText` carries `"x-text": "plain"`, one that
refers to `$defs/inlineMarkdown` carries `"x-text": "inline"`. The loader wraps each string in
the type of its kind, so the value carries it to every renderer:

- `PlainText` is shown exactly as written: escaped for the place it lands (Markdown, HTML text,
  attribute, URL, `<title>`), never interpreted.
- `InlineMarkdown` is parsed by the small grammar of scripts/content/inline.py (emphasis, links,
  footnote references, http/https addresses); everything else in it is shown as text.

Strings with neither mark are codes the schema constrains by a pattern or a list (ids, times,
language codes, hashes); `kinds` reports them as "code".
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from scripts import config

PLAIN = "plain"
INLINE = "inline"
CODE = "code"
KIND_KEY = "x-text"  # the schema keyword that declares a string's kind


class PlainText(str):
    """Text shown as written: never parsed as markup."""

    __slots__ = ()


class InlineMarkdown(str):
    """Text in the restricted inline Markdown of scripts/content/inline.py."""

    __slots__ = ()


TYPES = {PLAIN: PlainText, INLINE: InlineMarkdown}


def kind_of(value: object) -> str:
    """The kind a value carries: "plain", "inline", or "code" for any other string."""
    if isinstance(value, InlineMarkdown):
        return INLINE
    if isinstance(value, PlainText):
        return PLAIN
    return CODE


# --- walking a file's data along its schema ---------------------------------------------------


@lru_cache(maxsize=None)
def _schema_file(name: str) -> dict:
    return json.loads((config.SCHEMAS / name).read_text("utf-8"))


def _resolve(schema: dict, file: str) -> tuple[dict, str]:
    """Follow `$ref`s (within a file or to another schema file) to the schema they name."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and KIND_KEY not in schema:
        ref = schema["$ref"]
        target_file, _, pointer = ref.partition("#")
        file = target_file or file
        node: Any = _schema_file(file)
        for part in [p for p in pointer.split("/") if p]:
            node = node[part]
        schema = node
        seen += 1
        if seen > 50:
            raise ValueError(f"{file}: $ref loop at {ref}")
    return schema, file


def _type_matches(schema: dict, value: Any) -> bool:
    expected = schema.get("type")
    if expected is None:
        if "const" in schema:
            return schema["const"] == value
        if "enum" in schema:
            return value in schema["enum"]
        return True
    names = [expected] if isinstance(expected, str) else expected
    python: dict[str, type | tuple[type, ...]] = {"string": str, "object": dict, "array": list, "null": type(None),
              "boolean": bool, "integer": int, "number": (int, float)}
    for name in names:
        if isinstance(value, python[name]) and not (name in ("integer", "number") and isinstance(value, bool)):
            return True
    return False


def _branch(options: list, value: Any, file: str) -> tuple[dict, str] | None:
    """The branch of a oneOf/anyOf that a value takes: its type matches and, for a mapping,
    it declares every key the value has and the value has every key it requires."""
    for option in options:
        schema, where = _resolve(option, file)
        if not _type_matches(schema, value):
            continue
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            if any(key not in value for key in schema.get("required", [])):
                continue
            if schema.get("additionalProperties") is False and any(k not in properties for k in value):
                continue
        return schema, where
    return None


def kinds(data: Any, schema_name: str) -> Iterator[tuple[tuple, str]]:
    """(path into `data`, kind) for every string of a file valid against its schema."""
    yield from _walk(data, _schema_file(f"{schema_name}.schema.json"), f"{schema_name}.schema.json", ())


def _walk(value: Any, schema: Any, file: str, path: tuple) -> Iterator[tuple[tuple, str]]:
    if not isinstance(schema, dict):
        return
    schema, file = _resolve(schema, file)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            found = _branch(schema[key], value, file)
            if found is not None:
                yield from _walk(value, found[0], found[1], path)
            return
    if isinstance(value, str):
        yield path, schema.get(KIND_KEY, CODE)
    elif isinstance(value, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for name, child in value.items():
            sub = properties.get(name, extra if isinstance(extra, dict) else None)
            yield from _walk(child, sub, file, path + (name,))
    elif isinstance(value, list):
        items = schema.get("items")
        for i, child in enumerate(value):
            yield from _walk(child, items, file, path + (i,))


def typed(data: Any, schema_name: str) -> Any:
    """A copy of a file's data in which every text string has the type of its kind."""
    marks = dict(kinds(data, schema_name))

    def wrap(value: Any, path: tuple) -> Any:
        if isinstance(value, dict):
            return {k: wrap(v, path + (k,)) for k, v in value.items()}
        if isinstance(value, list):
            return [wrap(v, path + (i,)) for i, v in enumerate(value)]
        if isinstance(value, str) and marks.get(path) in TYPES:
            return TYPES[marks[path]](value)
        return value

    return wrap(data, ())


def schema_text_fields(schema_name: str) -> Iterator[tuple[tuple, str]]:
    """Every place a schema declares a text field: (path of property names, with "*" for any
    list item or mapping key, kind). For tests: a field added to a schema shows up here."""
    seen: set[tuple[str, tuple]] = set()
    yield from _fields(_schema_file(f"{schema_name}.schema.json"), f"{schema_name}.schema.json", (), seen)


def _fields(schema: Any, file: str, path: tuple, seen: set) -> Iterator[tuple[tuple, str]]:
    if not isinstance(schema, dict) or len(path) > 12:
        return
    schema, file = _resolve(schema, file)
    marker = (file, json.dumps(schema, sort_keys=True)[:200], path[-2:])
    if KIND_KEY in schema:
        yield path, schema[KIND_KEY]
        return
    if marker in seen:
        return
    seen.add(marker)
    for key in ("oneOf", "anyOf"):
        for option in schema.get(key, []):
            yield from _fields(option, file, path, seen)
    for name, child in schema.get("properties", {}).items():
        yield from _fields(child, file, path + (name,), seen)
    if isinstance(schema.get("additionalProperties"), dict):
        yield from _fields(schema["additionalProperties"], file, path + ("*",), seen)
    if "items" in schema:
        yield from _fields(schema["items"], file, path + ("*",), seen)


def schema_names() -> list[str]:
    return sorted(p.name.removesuffix(".schema.json") for p in Path(config.SCHEMAS).glob("*.schema.json")
                  if p.name != "common.schema.json")
