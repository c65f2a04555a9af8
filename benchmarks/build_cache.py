"""Downloads reused when unchanged: a cold full build, then a warm one after a one-paragraph
edit of the French report, each with its phase table (content, pages per language, print
editions, each PDF, the offline copy, the archive), in a copy of the project (empty cache at
first). Then a clean build of the edited copy (cache removed) whose archive and PDFs must be
byte for byte the warm build's.

    python benchmarks/build_cache.py

The phases come from the hook (`BUILD_TIMINGS`: scripts/publish/phases.py). The PDFs are made side by
side, and the offline copy is built while they are made: "PDFs (wall)" and "offline copy" are
wall times that overlap, and the total is the whole `mkdocs build --strict`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.project import project_copy  # noqa: E402  (also the tests')
from scripts.publish.build_cache import CACHE_DIR  # noqa: E402
from scripts.publish.downloads import ARCHIVE, DOWNLOADS, pdf_name  # noqa: E402

FILE = "content/fr/report.yml"
SENTENCE = "La migration est un trait distinctif"



def build(project: Path, name: str) -> dict:
    timings = project / f"timings-{name}.json"
    env = {key: value for key, value in os.environ.items() if key != "SITE_OFFLINE"}
    env.update(NO_MKDOCS_2_WARNING="1", BUILD_TIMINGS=str(timings))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"], cwd=project,
                   env=env, check=True, stdout=subprocess.DEVNULL)
    result = json.loads(timings.read_text(encoding="utf-8"))
    result["total"] = time.perf_counter() - start
    return result


def table(runs: dict[str, dict]) -> str:
    phases: list[str] = []
    for run in runs.values():
        phases += [p for p in run["seconds"] if p not in phases]
    names = list(runs)
    lines = ["| phase | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    for phase in phases:
        cells = []
        for run in runs.values():
            seconds, note = run["seconds"].get(phase), run["notes"].get(phase, "")
            cells.append("–" if seconds is None else f"{seconds:.2f} s" + (f" ({note})" if note else ""))
        lines.append(f"| {phase} | " + " | ".join(cells) + " |")
    lines.append("| **whole build** | " + " | ".join(f"**{run['total']:.1f} s**" for run in runs.values()) + " |")
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="build-cache-") as temp:
        project = project_copy(Path(temp) / "project")
        runs = {"cold (empty cache)": build(project, "cold")}
        file = project / FILE
        text = file.read_text(encoding="utf-8")
        assert SENTENCE in text
        file.write_text(text.replace(SENTENCE, f"Un paragraphe modifié. {SENTENCE}", 1), encoding="utf-8")
        runs["warm, French paragraph edited"] = build(project, "warm")
        runs["warm, nothing changed"] = build(project, "again")
        warm = {name: (project / "site" / DOWNLOADS / name).read_bytes()
                for name in [ARCHIVE, *(pdf_name(lang) for lang in ("en", "fr", "es"))]}
        shutil.rmtree(project / CACHE_DIR)
        runs["clean build of the edit"] = build(project, "clean")
        print(table(runs))
        for name, data in warm.items():
            same = (project / "site" / DOWNLOADS / name).read_bytes() == data
            print(f"{name}: warm build's bytes {'identical to' if same else 'DIFFER from'} a clean build's")


if __name__ == "__main__":
    main()
