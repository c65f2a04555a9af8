"""What the second engine costs, and how close its site is: in a fresh copy of the project
(an empty download cache), the test session's order of builds twice over: MkDocs, then
ProperDocs (tests/test_second_engine.py), each `build --strict` with the same settings, and
the two sites compared file by file.

The first round is a fresh machine's (CI): MkDocs makes the PDFs, EPUBs and archive; ProperDocs
reuses the PDFs and EPUBs (made from the same print editions) and builds its own offline copy
(the archive's key names the engine). The second round is a developer's next test session with
nothing changed: both reuse everything. ProperDocs runs with MkDocs made unimportable (a package
`mkdocs` that raises ImportError first on PYTHONPATH), as on a machine without it: its builds run
none of MkDocs' code, the offline copy's included.

    python benchmarks/second_engine.py [--rounds 2]
"""

from __future__ import annotations

import argparse
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

from benchmarks.reproducible_build import COPIED, differences, digests  # noqa: E402

ENGINES = ("mkdocs", "properdocs")


def without_mkdocs(folder: Path) -> Path:
    """A folder whose `mkdocs` package cannot be imported: first on PYTHONPATH, MkDocs is gone."""
    (folder / "mkdocs").mkdir(parents=True)
    for name in ("__init__.py", "__main__.py"):
        (folder / "mkdocs" / name).write_text('raise ImportError("MkDocs is not installed here")\n')
    return folder


def build(engine: str, project: Path, site: Path, hide_mkdocs: Path | None = None) -> tuple[float, dict]:
    """Wall time of one strict build, and the phases the hook recorded (BUILD_TIMINGS)."""
    timings = site.parent / f"{site.name}-timings.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.test/idm/",
           "BUILD_TIMINGS": str(timings)}
    env.pop("SITE_OFFLINE", None)
    if hide_mkdocs is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hide_mkdocs), env.get("PYTHONPATH")]))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", engine, "build", "--strict", "--quiet", "--config-file",
                    str(project / "mkdocs.yml"), "--site-dir", str(site)], cwd=project, env=env, check=True)
    return time.perf_counter() - start, json.loads(timings.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="second-engine-") as temp:
        project = Path(temp) / "project"
        project.mkdir()
        for name in COPIED:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
        (project / "docs").mkdir()
        hidden = without_mkdocs(Path(temp) / "no-mkdocs")
        for round_ in range(1, args.rounds + 1):
            sites = {}
            for engine in ENGINES:
                sites[engine] = Path(temp) / f"{engine}-{round_}"
                seconds, phases = build(engine, project, sites[engine], hidden if engine != "mkdocs" else None)
                made = sorted(name for name, note in phases["notes"].items() if note == "made")
                offline = phases["seconds"].get("offline copy")
                print(f"round {round_}, {engine:<10} {seconds:6.1f} s  "
                      f"(pages: {sum(v for k, v in phases['seconds'].items() if k.startswith('pages ')):.1f} s; "
                      f"offline copy: {'-' if offline is None else f'{offline:.1f} s'}; "
                      f"made: {', '.join(made) or 'nothing'})")
            found = differences(*sites.values())
            print(f"round {round_}: {len(digests(sites['mkdocs']))} files compared: "
                  + ("byte for byte identical" if not found else f"{len(found)} difference(s)"))
            for line in found:
                print(f"  {line}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
