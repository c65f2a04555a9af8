"""YAML read safely, with the position of every value.

Content is untrusted. Files are size-limited, parsed with PyYAML's safe loader, refused when
they use anchors or aliases (the door to "billion laughs"), tags or merge keys, or nest deeper
than `config.MAX_DEPTH`; every problem is reported as `file:line:column: what is wrong (what
to do)` rather than as a traceback. A file is parsed again only when its bytes changed (the
preview re-reads the content on every save).
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from scripts import config
from scripts.content.text import typed
from scripts.content.yaml_messages import explain
from scripts.problems import Problem

PathKey = tuple  # a path into the loaded data: ("days", 0, "slots", 3, "start")


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


def once_per_read(located: Located, what: str, make):
    """`make()`, computed once per file read (the file's schema problems, its model); for a
    Located that `read_yaml` did not make (and might be changed by its owner), every time."""
    if not any(entry[1] is located for entry in _READ.values()):
        return make()
    key = (id(located), what)
    if key not in _DERIVED:
        _DERIVED[key] = (located, make())
    return _DERIVED[key][1]


def typed_data(located: Located, kind: str):
    """The file's data with each string wrapped in the type of its kind, once per file read."""
    return once_per_read(located, "typed:" + kind, lambda: typed(located.data, kind))


def _parse_yaml(file: Path, rel: str) -> tuple[Located | None, list[Problem]]:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(rel, 0, 0, f"the file is not UTF-8 ({error.reason} at byte "
                              f"{error.start}); save it as UTF-8")]
    return parse_yaml_text(text, rel)


def parse_yaml_text(text: str, rel: str) -> tuple[Located | None, list[Problem]]:
    """One YAML text, parsed with every refusal of `read_yaml` (also for texts that are not files
    of the working tree: old versions of a file, scripts/translation/history.py)."""
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
