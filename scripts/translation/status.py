"""Translation status: per language and per file, units translated, missing and outdated, and
those the language's edition never had (absent: not counted as left to translate)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from babel import Locale

from scripts import config
from scripts.content.models import Content
from scripts.content.yaml_source import Located
from scripts.translation.history import Change, compare, plain, text_at_source
from scripts.translation.state import UnitStatus, describe, edition_units, unit_states
from scripts.translation.units import UnitKey, UnitState


@dataclass(frozen=True)
class FileStatus:
    lang: str
    file: str  # file stem: report, agenda…
    original: int  # units this language holds as the original text
    translated: int
    missing: int
    outdated: int
    path: str = ""  # the file to edit: content/<lang>/<file>.yml
    exists: bool = True  # False where the language has no such file yet
    stale: tuple[tuple[UnitKey, int], ...] = ()  # outdated units and their lines
    absent: int = 0  # units of a part this language's edition never had

    @property
    def not_in_edition(self) -> bool:
        """The whole file is a part this edition never had (not something left to translate)."""
        return self.absent > 0 and not (self.original or self.total)

    @property
    def total(self) -> int:
        return self.translated + self.missing + self.outdated

    @property
    def share(self) -> float | None:
        """Share of units translated and up to date; None where this language is the original."""
        return self.translated / self.total if self.total else None


def _status_of(lang: str, states: list[UnitStatus], files: dict[str, Located]) -> list[FileStatus]:
    counts: dict[str, Counter[UnitState]] = {}
    stale: dict[str, list[tuple[UnitKey, int]]] = {}
    for state in states:
        stem = state.key.file
        counts.setdefault(stem, Counter())[state.state] += 1
        if state.state == UnitState.OUTDATED and state.marking is not None:
            stale.setdefault(stem, []).append((state.key, state.marking.line))
    out = []
    for stem, count in counts.items():
        path = f"content/{lang}/{stem}.yml"
        out.append(FileStatus(lang, stem, count[UnitState.ORIGINAL], count[UnitState.TRANSLATED],
                              count[UnitState.MISSING], count[UnitState.OUTDATED], path, path in files,
                              tuple(stale.get(stem, ())), count[UnitState.ABSENT]))
    return out


def status(content: Content, files: dict[str, Located]) -> list[FileStatus]:
    """The status of every file of every language, in book order."""
    return [row for lang in content.codes
            for row in _status_of(lang, unit_states(content, files, lang), files)]


@dataclass(frozen=True)
class Translation:
    """What the site shows of the translations: the status table, and, per language, the
    units a reader must be told about: unit key -> (state, language of the original), and
    what changed in the original of each outdated unit (None where the history lacks it)."""

    rows: tuple[FileStatus, ...] = ()
    units: dict[str, dict[UnitKey, tuple[UnitState, str]]] = field(default_factory=dict)
    changes: dict[str, dict[UnitKey, tuple[Change, ...] | None]] = field(default_factory=dict)


def what_changed(content: Content, state: UnitStatus, root: Path = config.ROOT) -> tuple[Change, ...] | None:
    """What changed in the original of an outdated unit since its translation (git history)."""
    if state.marking is None or not state.marking.source:
        return None
    path = f"content/{state.origin}/{state.key.file}.yml"
    before = text_at_source(root, path, state.key, state.marking.source)
    if before is None:
        return None
    after = edition_units(content.editions[state.origin]).get(state.key, [])
    return compare(before, after)


def changes_of(content: Content, states: list[UnitStatus],
               root: Path = config.ROOT) -> dict[UnitKey, tuple[Change, ...] | None]:
    return {s.key: what_changed(content, s, root) for s in states if s.state == UnitState.OUTDATED}


def translation_of(content: Content, files: dict[str, Located], root: Path = config.ROOT) -> Translation:
    rows: list[FileStatus] = []
    units: dict[str, dict[UnitKey, tuple[UnitState, str]]] = {}
    changes: dict[str, dict[UnitKey, tuple[Change, ...] | None]] = {}
    for lang in content.codes:
        states = unit_states(content, files, lang)
        rows += _status_of(lang, states, files)
        units[lang] = {s.key: (s.state, s.origin) for s in states
                       if s.state in (UnitState.OUTDATED, UnitState.MISSING)}
        changes[lang] = changes_of(content, states, root)
    return Translation(tuple(rows), units, changes)


def format_changes(content: Content, files: dict[str, Located], root: Path = config.ROOT,
                   only: str | None = None) -> str:
    """For each outdated unit: where it is, and the original's text then and now, changes marked."""
    english = Locale.parse("en")
    out = []
    for lang in content.codes:
        if only and lang != only:
            continue
        for state in unit_states(content, files, lang):
            if state.state != UnitState.OUTDATED or state.marking is None:
                continue
            m = state.marking
            origin = english.languages.get(state.origin, state.origin)
            out.append(f"{m.path}:{m.line}: {describe(state.key)} is outdated; set "
                       f'`source: "{state.expected}"` once the translation says what the {origin} '
                       "text says now.")
            changes = what_changed(content, state, root)
            if changes is None:
                out.append(f"  (the {origin} text it was translated from, source {m.source}, is not "
                           "in the repository's history: compare with the original by hand)")
                continue
            out.append(f"  What changed in the {origin} text ([-removed-] {{+added+}}):")
            for change in changes:
                out.append(f"    was: {plain(change.before, removed=True)}")
                out.append(f"    now: {plain(change.after, removed=False)}")
    return "\n".join(out)


def format_table(rows: list[FileStatus], names: Mapping[str, str]) -> str:
    lines = []
    for lang in dict.fromkeys(row.lang for row in rows):
        mine = [row for row in rows if row.lang == lang]
        done = sum(r.translated for r in mine)
        total = sum(r.total for r in mine)
        overall = f"{done} of {total} parts translated ({done / total:.0%})" if total else "the original"
        lines.append(f"{names.get(lang, lang)} ({lang}): {overall}")
        lines.append(f"  {'file':<14}{'translated':>11}{'missing':>9}{'outdated':>10}{'share':>10}")
        edition = f"not in the {Locale.parse('en').languages.get(lang, lang)} edition"
        for row in mine:
            if row.not_in_edition:
                lines.append(f"  {row.file:<14}{'':>30}  {edition}")
                continue
            share = "original" if row.original else f"{row.share:.0%}"
            absent = f"  (+{row.absent} {edition})" if row.absent else ""
            lines.append(f"  {row.file:<14}{row.translated:>11}{row.missing:>9}{row.outdated:>10}"
                         f"{share:>10}{absent}")
    return "\n".join(lines)
