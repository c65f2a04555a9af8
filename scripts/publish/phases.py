"""How long each phase of a build took: content, the pages of each language, print editions,
each download, the archive. The build records them; `benchmarks/build_cache.py` prints them
(the hook writes them as JSON where `BUILD_TIMINGS` points)."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class Phases:
    seconds: dict[str, float] = field(default_factory=dict)  # phase -> wall time, in order
    notes: dict[str, str] = field(default_factory=dict)  # phase -> "reused" / "made"

    def record(self, name: str, seconds: float, note: str = "") -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        if note:
            self.notes[name] = note

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.record(name, time.perf_counter() - start)

    def write(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({"seconds": self.seconds, "notes": self.notes}, indent=1),
                        encoding="utf-8")
