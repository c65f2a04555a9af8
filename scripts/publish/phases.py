"""How long each phase of a build took: content, the pages of each language, print editions,
each download, the archive; in wall time, and in CPU time of the thread that ran it (which a
loaded machine does not stretch). The build records them; `benchmarks/build_cache.py` and
`benchmarks/serve_reload.py` print them (the hook writes them as JSON where `BUILD_TIMINGS`
points)."""

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
    cpu: dict[str, float] = field(default_factory=dict)  # phase -> CPU time of its thread

    def record(self, name: str, seconds: float, note: str = "", cpu: float | None = None) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + seconds
        if cpu is not None:
            self.cpu[name] = self.cpu.get(name, 0.0) + cpu
        if note:
            self.notes[name] = note

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.record(name, time.perf_counter() - start, cpu=time.thread_time() - cpu)

    def write(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({"seconds": self.seconds, "notes": self.notes, "cpu": self.cpu},
                                   indent=1), encoding="utf-8")
