"""Safe loading of the content: YAML with the position of every value, validation against the
published JSON Schemas, and construction of the frozen models.

Content is untrusted. Files are size-limited, parsed with PyYAML's safe loader, refused when
they use anchors or aliases (the door to "billion laughs"), and every problem is reported as
`file:line:column: what is wrong (what to do)` rather than as a traceback.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource

from scripts import config
from scripts.content.models import (Acronym, Acronyms, Agenda, Block, Content, Day, Definitions, Divergence,
                                    Document, Edition, EditionFact, Front, Language, ListBlock, ListItem,
                                    Paragraph, Person, Quotation, Quote, Resolution, Section, Series,
                                    SeriesItem, Slot, Term)
from scripts.content.text import typed
from scripts.content.yaml_messages import accidental_keys, accidental_message, explain
from scripts.problems import ContentError, Problem

PathKey = tuple  # a path into the loaded data: ("days", 0, "slots", 3, "start")


# --- reading YAML with positions -----------------------------------------------------------


@dataclass
class Located:
    """A loaded YAML file: plain data, and where each value and each key stands in the file."""

    path: str
    data: Any
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def data_at(self, key: PathKey) -> Any:
        value = self.data
        for part in key:
            value = value[part]
        return value

    def line(self, key: PathKey) -> int:
        return self.position(key)[0]

    def position(self, key: PathKey, of_key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or of its key), or of its nearest located parent."""
        key = tuple(key)
        if of_key and key in self.keys:
            return self.keys[key]
        while key not in self.values and key:
            key = key[:-1]
        return self.values.get(key, (1, 1))

    def problem(self, key: PathKey, message: str, severity: str = "error",
                of_key: bool = False) -> Problem:
        line, column = self.position(key, of_key)
        return Problem(self.path, line, column, message, severity)


# libyaml's safe loader where installed (ten times faster); the pure-Python one otherwise.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_WORDS = {"true", "false"}
_SCALAR_LOADER = yaml.SafeLoader("")


def _scalar(node: yaml.ScalarNode) -> Any:
    """A scalar as YAML 1.2 would read it: "10:00" stays a string, "no" stays a word."""
    if not node.style:  # plain, unquoted (None from PyYAML, "" from libyaml)
        if node.tag == "tag:yaml.org,2002:int" and ":" in node.value:
            return node.value  # YAML 1.1 reads 10:00 as 600 (base 60)
        if node.tag == "tag:yaml.org,2002:bool" and node.value.lower() not in _BOOL_WORDS:
            return node.value  # YAML 1.1 reads yes/no/on/off as booleans
    value = _SCALAR_LOADER.construct_object(node)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def _convert(node: yaml.Node, key: PathKey, located: Located, problems: list[Problem]) -> Any:
    located.values[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(child, key + (i,), located, problems) for i, child in enumerate(node.value)]
    mapping: dict[str, Any] = {}
    for key_node, value_node in node.value:
        name = str(_scalar(key_node)) if isinstance(key_node, yaml.ScalarNode) else "?"
        child = key + (name,)
        position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if name in mapping:
            first = located.keys[child][0]
            problems.append(Problem(located.path, *position,
                                    f"duplicate key '{name}' (first given on line {first}); "
                                    "keep one of them"))
            continue
        located.keys[child] = position
        mapping[name] = _convert(value_node, child, located, problems)
    return mapping


class _Refused(Exception):
    """YAML that parses but that content files never need: anchors, aliases, tags, merge keys,
    deep nesting. Refused before the node tree is built (the composer recurses)."""

    def __init__(self, line: int, column: int, message: str):
        self.line, self.column, self.message = line, column, message


_MERGE = "tag:yaml.org,2002:merge"


def _compose(text: str, loader) -> yaml.Node | None:
    """The node tree of a YAML text, refusing anchors and aliases (the door to "billion laughs"),
    tags (`!foo`, `!!python/…`), merge keys (`<<`) and nesting deeper than content needs."""
    open_: list[list] = []  # per open collection: [is a mapping, nodes seen in it]
    for event in yaml.parse(text, Loader=loader):
        where = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(*where, "anchors and aliases (&name, *name) are not allowed in "
                           "content files; write the value out in full")
        if getattr(event, "tag", None):
            tag = event.tag.replace("tag:yaml.org,2002:", "!!", 1)
            raise _Refused(*where, f"the tag '{tag}' is not allowed in content files: tags "
                           "(words starting with '!') make YAML build other kinds of values; remove "
                           "it, or put the whole text in quotes if it is text")
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if open_:
                is_key = open_[-1][0] and open_[-1][1] % 2 == 0
                open_[-1][1] += 1
                if is_key and isinstance(event, yaml.ScalarEvent) and event.value == "<<" \
                        and not event.style:
                    raise _Refused(*where, "merge keys ('<<') are not allowed in content files; "
                                   "write the keys out in full")
            if not isinstance(event, yaml.ScalarEvent):
                open_.append([isinstance(event, yaml.MappingStartEvent), 0])
                if len(open_) > config.MAX_DEPTH:
                    raise _Refused(*where, f"this is nested {len(open_)} levels deep; content files "
                                   f"need at most {config.MAX_DEPTH}: check the indentation and "
                                   "the brackets")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            open_.pop()
    return yaml.compose(text, Loader=loader)


def _syntax_problem(rel: str, text: str, error: yaml.MarkedYAMLError) -> Problem:
    explained = explain(text, error)
    return Problem(rel, explained.line, explained.column, explained.message)


# Files already read in this process, by path: the hash of their bytes and what they gave.
# `mkdocs serve` reads the content again on every save; only the edited file is parsed again.
_READ: dict[str, tuple[str, Located | None, list[Problem]]] = {}
_DERIVED: dict[tuple[int, str], tuple[Located, Any]] = {}  # (file read, what) -> result


def read_yaml(file: Path, root: Path) -> tuple[Located | None, list[Problem]]:
    """Parse one YAML file safely. Returns the located data, or None and the problems.
    A file whose bytes did not change since it was last read is not parsed again."""
    rel = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
    size = file.stat().st_size
    if size > config.MAX_FILE_BYTES:
        return None, [Problem(rel, 0, 0, f"the file is {size:,} bytes, more than the "
                              f"{config.MAX_FILE_BYTES:,} allowed; split it or remove what does not belong")]
    key, digest = str(file.resolve()), hashlib.sha256(file.read_bytes()).hexdigest()
    known = _READ.get(key)
    if known is None or known[0] != digest or (known[1] is not None and known[1].path != rel):
        if known is not None and known[1] is not None:
            for derived in [k for k in _DERIVED if k[0] == id(known[1])]:
                del _DERIVED[derived]
        known = (digest, *_parse_yaml(file, rel))
        _READ[key] = known
    return known[1], list(known[2])


def _derived(located: Located, what: str, make):
    """`make()`, computed once per file read (the file's schema problems, its model); for a
    Located that `read_yaml` did not make (and might be changed by its owner), every time."""
    if not any(entry[1] is located for entry in _READ.values()):
        return make()
    key = (id(located), what)
    if key not in _DERIVED:
        _DERIVED[key] = (located, make())
    return _DERIVED[key][1]


def _typed(located: Located, kind: str):
    """The file's data with each string wrapped in the type of its kind, once per file read."""
    return _derived(located, "typed:" + kind, lambda: typed(located.data, kind))


def _parse_yaml(file: Path, rel: str) -> tuple[Located | None, list[Problem]]:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(rel, 0, 0, f"the file is not UTF-8 ({error.reason} at byte "
                              f"{error.start}); save it as UTF-8")]
    try:
        node = _compose(text, _SAFE_LOADER)
    except yaml.MarkedYAMLError:
        try:  # the pure-Python parser words its errors better: ask it for the message
            node = _compose(text, yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            return None, [_syntax_problem(rel, text, error)]
        except yaml.YAMLError as error:
            return None, [Problem(rel, 0, 0, f"YAML error: {error}")]
        except _Refused as refused:
            return None, [Problem(rel, refused.line, refused.column, refused.message)]
    except yaml.YAMLError as error:
        return None, [Problem(rel, 0, 0, f"YAML error: {error}")]
    except _Refused as refused:
        return None, [Problem(rel, refused.line, refused.column, refused.message)]
    located = Located(rel, None)
    problems: list[Problem] = []
    if node is None:
        return None, [Problem(rel, 1, 1, "the file is empty")]
    located.data = _convert(node, (), located, problems)
    return located, problems


# --- validation against the JSON Schemas ---------------------------------------------------


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

    return list(_derived(located, "schema:" + kind, problems))


# --- building the models from valid data ---------------------------------------------------


def _items(raw: list, key: PathKey, located: Located) -> tuple[ListItem, ...]:
    items = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            items.append(ListItem(item))
            continue
        nested: list[Block] = []
        for name, ordered in (("list", False), ("numbered", True)):
            if name in item:
                nested.append(ListBlock(_items(item[name], key + (i, name), located), ordered,
                                        line=located.line(key + (i, name))))
        items.append(ListItem(item["text"], tuple(nested)))
    return tuple(items)


def build_blocks(raw: list, key: PathKey, located: Located) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for i, block in enumerate(raw or []):
        here = key + (i,)
        line = located.line(here)
        if isinstance(block, str):
            blocks.append(Paragraph(block, line=line))
        elif "text" in block:
            blocks.append(Paragraph(block["text"], block.get("lead"), block.get("number"),
                                    line=line))
        elif "list" in block:
            blocks.append(ListBlock(_items(block["list"], here + ("list",), located), line=line))
        elif "numbered" in block:
            blocks.append(ListBlock(_items(block["numbered"], here + ("numbered",), located),
                                    ordered=True, start=block.get("start", 1), line=line))
        else:
            blocks.append(Quote(build_blocks(block["quote"], here + ("quote",), located), line=line))
    return tuple(blocks)


def _sections(raw: list, key: PathKey, located: Located, level: int = 1) -> tuple[Section, ...]:
    return tuple(
        Section(s["id"], s.get("title"), level,
                build_blocks(s.get("blocks", []), key + (i, "blocks"), located),
                _sections(s.get("sections", []), key + (i, "sections"), located, level + 1),
                line=located.line(key + (i,)))
        for i, s in enumerate(raw or []))


def _footnotes(raw: dict | None) -> dict[str, str]:
    return {str(k): v for k, v in (raw or {}).items()}


_DOCUMENT_KEYS = {"id", "title", "subtitle", "blocks", "sections", "footnotes"}


def build_document(located: Located, default_id: str) -> Document:
    data = located.data
    return Document(
        id=data.get("id", default_id), title=data["title"], path=located.path,
        subtitle=data.get("subtitle"),
        blocks=build_blocks(data.get("blocks", []), ("blocks",), located),
        sections=_sections(data.get("sections", []), ("sections",), located),
        footnotes=_footnotes(data.get("footnotes")),
        meta={k: v for k, v in data.items() if k not in _DOCUMENT_KEYS})


def build_front(located: Located) -> Front:
    data = located.data
    return Front(data["title"], data["series"], data["number"], data["publisher"], data["year"],
                 build_document(located, "front"))


def build_agenda(located: Located) -> Agenda:
    data = located.data
    people = tuple(
        Person(p["id"], p["name"], p["role"], p.get("organization"), p["country"], p.get("supplied"),
               p.get("country_printed"), dict(p.get("text_lang", {})), line=located.line(("people", i)))
        for i, p in enumerate(data["people"]))
    days = []
    for d, day in enumerate(data["days"]):
        slots = []
        for s, slot in enumerate(day["slots"]):
            speakers = tuple((entry,) if isinstance(entry, str) else tuple(entry)
                             for entry in slot.get("speakers", []))
            slots.append(Slot(
                slot["id"], slot["start"], slot["end"], slot["kind"], slot["title"],
                slot.get("number"), tuple(slot.get("description", [])), slot.get("moderator"),
                speakers, tuple(slot.get("questions", [])), slot.get("discussion", False),
                slot.get("supplied"), line=located.line(("days", d, "slots", s))))
        days.append(Day(day["id"], datetime.date.fromisoformat(day["date"]), day["title"],
                        tuple(slots), day.get("end"), line=located.line(("days", d))))
    header = data.get("header", [])
    return Agenda(data["title"], located.path,
                  tuple(line if isinstance(line, str) else line["text"] for line in header),
                  people, tuple(days), data.get("end"),
                  {i: line["lang"] for i, line in enumerate(header) if isinstance(line, dict)})


def build_definitions(located: Located) -> Definitions:
    data = located.data
    terms = tuple(
        Term(t["id"], t["term"], build_blocks(t["definition"], ("terms", i, "definition"), located),
             tuple(t.get("related", [])), tuple(t.get("variants", [])),
             line=located.line(("terms", i)))
        for i, t in enumerate(data["terms"]))
    return Definitions(data["id"], data["title"], located.path, terms, data.get("subtitle"),
                       _footnotes(data.get("footnotes")))


def build_acronyms(located: Located) -> Acronyms:
    data = located.data
    return Acronyms(data["title"], located.path, tuple(
        Acronym(a["id"], a["abbr"], a["expansion"], line=located.line(("acronyms", i)))
        for i, a in enumerate(data["acronyms"])))


def build_series(located: Located) -> Series:
    data = located.data
    return Series(data["title"], located.path, tuple(
        SeriesItem(item["number"], item["title"], item.get("availability"), item.get("date"),
                   line=located.line(("items", i)), supplied=dict(item.get("supplied", {})),
                   text_lang=dict(item.get("text_lang", {})))
        for i, item in enumerate(data["items"])), tuple(data.get("contact", [])), data.get("intro"),
        tuple((line["text"], line.get("lang")) for line in data.get("contact_supplied", [])))


_BUILDERS = {
    "front": build_front,
    "summary": lambda located: build_document(located, "summary"),
    "report": lambda located: build_document(located, "report"),
    "background": lambda located: build_document(located, "background"),
    "council-note": lambda located: build_document(located, "council-note"),
    "agenda": build_agenda,
    "definitions": build_definitions,
    "acronyms": build_acronyms,
    "series": build_series,
}


# --- whole languages and the whole content -------------------------------------------------


@dataclass
class Loaded:
    """The result of reading the content: models where the files were valid, and every problem."""

    content: Content | None
    files: dict[str, Located]  # by relative path, every file that parsed
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_languages(root: Path) -> tuple[str, tuple[Language, ...], list[Problem], Located | None]:
    located, problems = read_yaml(root / "content" / "languages.yml", root)
    if located is None:
        return "en", (), problems, None
    problems += validate(located, "languages")
    if problems:
        return "en", (), problems, located
    located.data = _typed(located, "languages")  # each string carries its kind (scripts/content/text.py)
    languages = tuple(Language(x["code"], x["name"], x["locale"])
                      for x in located.data["languages"])
    codes = [x.code for x in languages]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            problems.append(located.problem(("languages", i, "code"),
                                            f"the language '{code}' is declared twice"))
    reference = located.data["reference"]
    if reference not in codes:
        problems.append(located.problem(("reference",), f"the reference language '{reference}' "
                                        f"is not in the list ({', '.join(codes)})"))
    return reference, languages, problems, located


def read_edition(root: Path, lang: str) -> tuple[Edition | None, dict[str, Located], list[Problem]]:
    folder = root / "content" / lang
    files: dict[str, Located] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        rel = folder.relative_to(root).as_posix()
        return None, files, [Problem(rel, 0, 0, f"the language '{lang}' is declared in "
                                     "content/languages.yml but has no folder; create it with "
                                     f"`python -m scripts new-language {lang}`")]
    parts: dict[str, Any] = {}
    ui: dict[str, str] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix not in (".yml", ".yaml") or file.stem not in config.FILE_KINDS:
            rel = file.relative_to(root).as_posix()
            if not file.name.startswith("."):
                known = ", ".join(f"{stem}.yml" for stem in config.FILE_KINDS)
                problems.append(Problem(rel, 0, 0, f"unexpected file; a language folder holds "
                                        f"only {known}"))
            continue
        located, found = read_yaml(file, root)
        problems += found
        if located is None:
            continue
        files[located.path] = located
        schema_problems = validate(located, config.FILE_KINDS[file.stem])
        problems += schema_problems
        if schema_problems or found:
            continue
        located.data = _typed(located, config.FILE_KINDS[file.stem])
        if file.stem == "ui":
            ui = dict(located.data)
        else:
            parts[file.stem.replace("-", "_")] = _derived(located, "model",
                                                          lambda: _BUILDERS[file.stem](located))
    return Edition(lang, ui, **parts), files, problems


def read_resolutions(root: Path) -> tuple[tuple[Resolution, ...], Located | None, list[Problem]]:
    file = root / "content" / "resolutions.yml"
    if not file.exists():
        return (), None, []
    located, problems = read_yaml(file, root)
    if located is None:
        return (), None, problems
    problems += validate(located, "resolutions")
    if problems:
        return (), located, problems
    located.data = _typed(located, "resolutions")
    resolutions = tuple(
        Resolution(r["id"], r["subject"], r["target"], r["kind"],
                   {lang: EditionFact(fact["says"], fact.get("page"))
                    for lang, fact in r["editions"].items()},
                   dict(r.get("shown", {})), dict(r["why"]))
        for r in located.data["resolutions"])
    return resolutions, located, problems


def read_divergences(root: Path) -> tuple[tuple[Divergence, ...], Located | None, list[Problem]]:
    file = root / "content" / "divergences.yml"
    if not file.exists():
        return (), None, []
    located, problems = read_yaml(file, root)
    if located is None:
        return (), None, problems
    problems += validate(located, "divergences")
    if problems:
        return (), located, problems
    located.data = _typed(located, "divergences")
    divergences = tuple(
        Divergence(d["id"], d["document"], d["paragraph"],
                   {lang: Quotation(q["says"], q.get("page")) for lang, q in d["editions"].items()},
                   dict(d["explanation"]), line=located.line(("divergences", i)))
        for i, d in enumerate(located.data["divergences"]))
    return divergences, located, problems


def read_content(root: Path = config.ROOT) -> Loaded:
    """Read and validate every content file. Never raises for bad content: see `problems`."""
    reference, languages, problems, languages_file = read_languages(root)
    files: dict[str, Located] = {}
    if languages_file is not None:
        files[languages_file.path] = languages_file
    editions: dict[str, Edition] = {}
    for language in languages:
        edition, edition_files, found = read_edition(root, language.code)
        files.update(edition_files)
        problems += found
        if edition is not None:
            editions[language.code] = edition
    declared = {language.code for language in languages}
    for folder in sorted((root / "content").iterdir()) if languages else ():
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in declared:
            problems.append(Problem(f"content/{folder.name}", 0, 0, "this folder is not a declared "
                                    f"language, so the site ignores it; declare it in "
                                    f"content/languages.yml (`- code: {folder.name}`, its `name` and "
                                    f"`locale`), or remove the folder"))
    resolutions, resolutions_file, found = read_resolutions(root)
    problems += found
    if resolutions_file is not None:
        files[resolutions_file.path] = resolutions_file
    divergences, divergences_file, found = read_divergences(root)
    problems += found
    if divergences_file is not None:
        files[divergences_file.path] = divergences_file
    content = Content(reference, languages, editions, resolutions, divergences) if languages else None
    return Loaded(content, files, problems)


def load_content(root: Path = config.ROOT) -> Content:
    """Load, validate and check all content; raise ContentError listing every error."""
    from scripts.checks.check import check  # the checks need the loaded files as well as the models

    loaded = read_content(root)
    problems = loaded.problems + (check(loaded) if loaded.content else [])
    if any(p.severity == "error" for p in problems):
        raise ContentError(problems)
    assert loaded.content is not None
    return loaded.content
