"""Translation status: per language and per file, units translated, missing and outdated."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .load import Located
from .models import Content
from .translation import file_of, unit_states


@dataclass(frozen=True)
class FileStatus:
    lang: str
    file: str  # file stem: report, agenda…
    original: int  # units this language holds as the original text
    translated: int
    missing: int
    outdated: int

    @property
    def total(self) -> int:
        return self.translated + self.missing + self.outdated

    @property
    def share(self) -> float | None:
        """Share of units translated and up to date; None where this language is the original."""
        return self.translated / self.total if self.total else None


def status(content: Content, files: dict[str, Located]) -> list[FileStatus]:
    """The status of every file of every language, in book order."""
    out = []
    for lang in content.codes:
        counts: dict[str, Counter] = {}
        for state in unit_states(content, files, lang):
            counts.setdefault(file_of(state.key), Counter())[state.state] += 1
        for stem, count in counts.items():
            out.append(FileStatus(lang, stem, count["original"], count["translated"],
                                  count["missing"], count["outdated"]))
    return out


def format_table(rows: list[FileStatus], names: dict[str, str]) -> str:
    lines = []
    for lang in dict.fromkeys(row.lang for row in rows):
        mine = [row for row in rows if row.lang == lang]
        done = sum(r.translated for r in mine)
        total = sum(r.total for r in mine)
        overall = f"{done} of {total} units translated ({done / total:.0%})" if total else "the original"
        lines.append(f"{names.get(lang, lang)} ({lang}): {overall}")
        lines.append(f"  {'file':<14}{'translated':>11}{'missing':>9}{'outdated':>10}{'share':>10}")
        for row in mine:
            share = "original" if row.share is None else f"{row.share:.0%}"
            lines.append(f"  {row.file:<14}{row.translated:>11}{row.missing:>9}{row.outdated:>10}"
                         f"{share:>10}")
    return "\n".join(lines)
