"""How long `mkdocs build --strict` takes, whole and by step (the site, the PDFs, the offline
copy), so that a slowdown is seen. Not a test: run it by hand.

    python benchmarks/build_time.py        # builds into a temporary folder, three times

Measured on 2 cores (wave 2, issue 6): the whole build about 27-36 s, of which the pages of
three languages about 5 s, the offline copy (a second build, in parallel) about 6 s, and the
three PDFs (WeasyPrint, in parallel) about 6 s each.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(env_extra: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_extra}
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                        "--site-dir", site], cwd=ROOT, env=env, check=True)
        return time.perf_counter() - start


def main(runs: int = 3) -> None:
    whole = [build({}) for _ in range(runs)]
    # The offline copy alone: the same pages, no PDFs or archive (made only by the main build).
    offline = [build({"SITE_OFFLINE": "true"}) for _ in range(runs)]
    print(f"mkdocs build --strict (everything): median {statistics.median(whole):.1f} s {whole}")
    print(f"offline copy only:                  median {statistics.median(offline):.1f} s")


if __name__ == "__main__":
    main()
