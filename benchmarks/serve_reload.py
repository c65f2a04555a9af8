"""How long `mkdocs serve` takes to show a YAML edit: serve a copy of the project on a free
local port, wait for the first page, change one sentence in content/fr/report.yml, and poll
the French chapter until the new sentence is served. Repeated a few times (each edit a new
sentence). The copy keeps the real project untouched.

    python benchmarks/serve_reload.py [--edits 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import free_port  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "content", "overrides", "scripts", "schemas")
FILE = "content/fr/report.yml"
PAGE = "fr/report/introduction/"
SENTENCE = "La migration est un trait distinctif"  # the chapter's first words, edited in place


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-reload-") as temp:
        project = Path(temp)
        for name in COPIED:
            (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
        (project / "docs").mkdir()
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("SITE_OFFLINE", None)
        start = time.perf_counter()
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            url = f"http://127.0.0.1:{port}/{PAGE}"
            wait_for(url, SENTENCE, 300)
            print(f"mkdocs serve: first page after {time.perf_counter() - start:.1f} s")
            file = project / FILE
            times = []
            for n in range(args.edits):
                time.sleep(1.5)  # let the watcher settle after the previous rebuild
                marker = f"Mesure{n}{os.getpid()}"
                text = file.read_text(encoding="utf-8")
                assert SENTENCE in text, f"{SENTENCE!r} is no longer in {FILE}"
                file.write_text(text.replace(SENTENCE, f"{marker} {SENTENCE}", 1), encoding="utf-8")
                times.append(wait_for(url, marker, 120))
                file.write_text(text, encoding="utf-8")
                wait_for(url, SENTENCE, 120)
            print(f"YAML edit to page served: median {statistics.median(times):.1f} s {[round(t, 1) for t in times]}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
