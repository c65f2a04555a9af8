"""Problems found in the content: where, what, and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the project root, e.g. content/fr/agenda.yml
    line: int  # 1-based; 0 when the problem concerns the whole file
    column: int  # 1-based
    message: str
    severity: str = "error"  # "error" stops the build; "warning" does not

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {prefix}{self.message}"


class ContentError(Exception):
    """Raised when the content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if p.severity == "error"]
        super().__init__(f"{len(errors)} error(s) in the content:\n" + "\n".join(map(str, errors)))
