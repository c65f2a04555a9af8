"""Validation against the published JSON Schemas (schemas/), in an editor's words: each
schema error becomes a problem at the line of the value, with what the field expects."""

from __future__ import annotations

import difflib
import json
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from scripts import config
from scripts.content.yaml_messages import accidental_keys, accidental_message
from scripts.content.yaml_source import Located, once_per_read
from scripts.problems import Problem


def _registry() -> Registry:
    resources = []
    for file in sorted(config.SCHEMAS.glob("*.schema.json")):
        resources.append((file.name, Resource.from_contents(json.loads(file.read_text("utf-8")))))
    return Registry().with_resources(resources)


_VALIDATORS: dict[str, Draft202012Validator] = {}


def validator(kind: str) -> Draft202012Validator:
    if kind not in _VALIDATORS:
        schema = json.loads((config.SCHEMAS / f"{kind}.schema.json").read_text("utf-8"))
        schema.setdefault("$id", f"{kind}.schema.json")
        _VALIDATORS[kind] = Draft202012Validator(schema, registry=_registry())
    return _VALIDATORS[kind]


_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list (lines starting with '- ')",
               "object": "a mapping (lines of 'key: value')", "null": "empty (null)"}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    for python_type, word in ((str, "text"), (int, "a number"), (float, "a number"),
                              (list, "a list"), (dict, "a mapping")):
        if isinstance(value, python_type):
            return word
    return "empty" if value is None else type(value).__name__


def _field(error: ValidationError) -> str:
    names = [p for p in error.absolute_path if isinstance(p, str)]
    return f"'{names[-1]}'" if names else "the file"


def _branch_rank(errors: list[ValidationError]) -> tuple[int, int, int]:
    """How far a oneOf branch is from matching: wrong type first, then missing keys, then count."""
    return (sum(e.validator == "type" and not list(e.relative_path) for e in errors),
            sum(e.validator == "required" for e in errors), len(errors))


def _schema_errors(error: ValidationError, located: Located) -> list[Problem]:
    """Turn one jsonschema error into messages an editor can act on."""
    where = tuple(error.absolute_path)
    value = error.instance
    kind = error.validator
    if kind in ("oneOf", "anyOf") and error.context:
        branches: dict[int, list[ValidationError]] = {}
        for sub in error.context:
            branches.setdefault(sub.relative_schema_path[0], []).append(sub)
        best = min(branches.values(), key=_branch_rank)
        if _branch_rank(best)[0] and isinstance(value, (dict, list, str)) is False:
            return [located.problem(where, f"{_field(error)} has an unexpected value")]
        if all(e.validator == "type" for e in best) and not isinstance(value, dict):
            return [located.problem(where, f"{_field(error)} must be text or a mapping, "
                                           f"not {_describe(value)}")]
        return [p for sub in best for p in _schema_errors(sub, located)]
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(error.schema.get("properties", {}))
        problems = []
        for key in value:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; allowed here: {', '.join(allowed)}"
            problems.append(located.problem(where + (key,), f"unknown key '{key}'{hint}", of_key=True))
        if problems:
            return problems
    if kind == "required" and isinstance(value, dict):
        missing = [k for k in error.validator_value if k not in value]
        return [located.problem(where, f"missing required key '{k}'; add it") for k in missing]
    if kind == "type":
        expected = error.validator_value
        expected = [expected] if isinstance(expected, str) else expected
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in expected)
        return [located.problem(where, f"{_field(error)} must be {words}, not {_describe(value)}")]
    if kind == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return [located.problem(where, f"'{value}' is not allowed for {_field(error)}{hint}; "
                                       f"use one of: {', '.join(options)}")]
    if kind == "propertyNames":
        return [located.problem(where + (value,), f"the key '{value}' is not allowed here: "
                                f"{custom or error.message}", of_key=True)]
    if kind in ("minLength", "minItems"):
        return [located.problem(where, f"{_field(error)} is empty; write it or remove the key")]
    if kind in ("pattern", "format"):
        return [located.problem(where, f"'{value}' is not valid for {_field(error)}: "
                                       f"{custom or 'it does not have the expected form'}")]
    return [located.problem(where, f"{_field(error)}: {custom or error.message}")]


def _known_keys() -> frozenset[str]:
    """Every key any schema names: a one-key mapping with another key is text gone wrong."""
    names: set[str] = set()

    def visit(node):
        if isinstance(node, dict):
            names.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else ())
            for child in node.values():
                visit(child)
        elif isinstance(node, list):
            for child in node:
                visit(child)
    for file in config.SCHEMAS.glob("*.schema.json"):
        visit(json.loads(file.read_text("utf-8")))
    return frozenset(names)


def validate(located: Located, kind: str) -> list[Problem]:
    """Every schema problem of a file, sorted by position. A list item that YAML read as a key
    and a value ("- Note: …") gets one message saying to quote it, instead of the schema's."""
    def problems() -> list[Problem]:
        found: list[Problem] = []
        accidents = accidental_keys(located.data, _known_keys())
        for where, name in accidents:
            line, column = located.position(where + (name,), of_key=True)
            found.append(Problem(located.path, line, column,
                                 accidental_message(name, located.data_at(where)[name])))
        for error in validator(kind).iter_errors(located.data):
            path = tuple(error.absolute_path)
            if any(path[:len(where)] == where for where, _ in accidents):
                continue
            found.extend(_schema_errors(error, located))
        return sorted(set(found))

    return list(once_per_read(located, "schema:" + kind, problems))
