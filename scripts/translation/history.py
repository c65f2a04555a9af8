"""What changed in the original since a translation was made, read from the repository's history.

A translated unit records, under `source:`, the hash of the original text it translates
(scripts/translation/state.py). To show a translator what changed, we look through the commits that
touched the original's file, newest first, for the version of that unit whose text has that
hash, and compare it, word by word, with today's text.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from scripts.catalogue import BY_STEM
from scripts.content.build import BUILDERS
from scripts.content.models import Edition
from scripts.content.yaml_source import parse_yaml_text, typed_data
from scripts.translation.state import digest, edition_units
from scripts.translation.units import UnitKey

MAX_COMMITS = 500  # how far back to look for the text a translation was made from
_WORDS = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Change:
    """One text of a unit: as it was when translated (`before`) and today (`after`), each as
    segments (text, changed?) so that a renderer can mark what was removed or added."""

    before: tuple[tuple[str, bool], ...]
    after: tuple[tuple[str, bool], ...]


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              encoding="utf-8", timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


@lru_cache(maxsize=256)
def _units_of_blob(root: Path, blob: str, stem: str, path: str) -> dict[UnitKey, list[str]]:
    """The units of one stored version of a content file (empty if it no longer loads)."""
    text = _git(root, "cat-file", "blob", blob)
    if text is None or stem not in BUILDERS:
        return {}
    located, problems = parse_yaml_text(text, path)  # the loader's own, safe, reading
    if located is None or problems:
        return {}
    try:
        located.data = typed_data(located, BY_STEM[stem].schema)  # as the loader hands it to a builder
        model = BUILDERS[stem](located)
    except Exception:  # an old version that does not load with today's schema: skip it
        return {}
    return edition_units(Edition("", {}, **{BY_STEM[stem].edition_field: model}))


@lru_cache(maxsize=64)
def _log(root: Path, path: str, head: str) -> str | None:
    """The commits that touched `path`, newest first (cached per HEAD: a new commit refreshes it)."""
    return _git(root, "log", f"--max-count={MAX_COMMITS}", "--format=%H", head, "--", path)


@lru_cache(maxsize=4096)
def _blob(root: Path, commit: str, path: str) -> str:
    """The stored version of `path` at `commit` (a commit never changes: cached)."""
    return (_git(root, "rev-parse", f"{commit}:{path}") or "").strip()


def text_at_source(root: Path, path: str, unit: UnitKey, source: str) -> list[str] | None:
    """The texts of `unit` in the version of `path` (the original's file) whose hash is
    `source`, or None if no commit within reach has it."""
    head = (_git(root, "rev-parse", "HEAD") or "").strip()
    log = _log(root, path, head) if head else None
    if not log:
        return None
    stem = Path(path).stem
    seen: set[str] = set()
    for commit in log.split():
        blob = _blob(root, commit, path)
        if not blob or blob in seen:
            continue
        seen.add(blob)
        texts = _units_of_blob(root, blob, stem, path).get(unit)
        if texts is not None and digest(texts) == source:
            return texts
    return None


def compare(before: list[str], after: list[str]) -> tuple[Change, ...]:
    """The texts that differ, each marked word by word."""
    changes = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, b1, b2, a1, a2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old = " ".join(t for t in before[b1:b2] if t)
        new = " ".join(t for t in after[a1:a2] if t)
        if old or new:
            changes.append(_words(old, new))
    return tuple(changes)


def _words(old: str, new: str) -> Change:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    before: list[tuple[str, bool]] = []
    after: list[tuple[str, bool]] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if a2 > a1:
            before.append(("".join(a[a1:a2]), op != "equal"))
        if b2 > b1:
            after.append(("".join(b[b1:b2]), op != "equal"))
    return Change(tuple(before), tuple(after))


CONTEXT = 12  # unchanged words kept on each side of a change


def shortened(segments: tuple[tuple[str, bool], ...]) -> tuple[tuple[str, bool], ...]:
    """Long unchanged stretches cut to the words next to each change, with "…" between."""
    out = []
    keep = 2 * CONTEXT  # tokens: words and the spaces between them
    for i, (text, changed) in enumerate(segments):
        tokens = _WORDS.findall(text)
        if changed or len(tokens) <= 2 * keep + 2:
            out.append((text, changed))
            continue
        head = "".join(tokens[:keep]) if i > 0 else ""
        tail = "".join(tokens[-keep:]) if i < len(segments) - 1 else ""
        out.append((f"{head}{' … ' if head and tail else '… ' if tail else ' …'}{tail}", False))
    return tuple(out)


def spaced(text: str) -> tuple[str, str, str]:
    """A changed stretch as (spaces before, words, spaces after): markers go around the words."""
    words = text.strip()
    if not words:
        return "", text, ""
    start = text.index(words)
    return text[:start], words, text[start + len(words):]


def plain(segments: tuple[tuple[str, bool], ...], removed: bool) -> str:
    """Segments as terminal text: removed words as [-…-], added words as {+…+} (git's style)."""
    open_, close = ("[-", "-]") if removed else ("{+", "+}")
    out = []
    for text, changed in shortened(segments):
        if changed:
            before, words, after = spaced(text)
            out.append(f"{before}{open_}{words}{close}{after}")
        else:
            out.append(text)
    return "".join(out)
