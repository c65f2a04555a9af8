"""How long `mkdocs serve` takes to show a YAML edit: serve a copy of the project on a free
local port, wait for the first page, change one sentence in content/fr/report.yml, and poll
the French chapter until the new sentence is served. The copy keeps the real project untouched.

Two cases, each repeated (`--edits`), each edit a new sentence:

- **idle**: the server is idle when the file is saved (no rebuild running or pending: its log
  has been quiet for longer than the watcher's polling interval). This is the time an editor
  waits after a save.
- **queued**: a second save falls while the rebuild of a first one is running; timed from the
  second save. It adds the rest of the running rebuild.

It also counts the rebuilds per save (from the server's log): one, since nothing the build
writes is watched; and prints, for the idle saves, where the time goes: the watcher noticing
the save, then each phase of the rebuild as the hook records it (`BUILD_TIMINGS`), in wall
time and in the CPU time of the thread that ran it (the wall times stretch with the machine's
load, the CPU times hardly).

    python benchmarks/serve_reload.py [--edits 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.serve_gzip import free_port  # noqa: E402
from tests.support.project import project_copy  # noqa: E402  (also the tests')

ROOT = Path(__file__).resolve().parent.parent
FILE = "content/fr/report.yml"
PAGE = "fr/report/introduction/"
SENTENCE = "La migration est un trait distinctif"  # the chapter's first words, edited in place
QUIET = 1.5  # seconds without a log line: longer than the watcher's polling and settling (scripts/config.py)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, timeout: float, since: float | None = None) -> float:
    """Seconds from `since` (default now) until `url` serves `text`."""
    start = time.perf_counter() if since is None else since
    while time.perf_counter() - start < timeout:
        page = fetch(url)
        if page and text in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


class Server:
    def __init__(self, project: Path, port: int):
        self.log = project.parent / "serve.log"
        self.timings = project.parent / "timings.json"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUILD_TIMINGS": str(self.timings)}
        env.pop("SITE_OFFLINE", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=self.log.open("w"))

        self._read, self._offset = "", 0

    def text(self) -> str:
        """The log so far (read incrementally: the benchmark must not load the machine)."""
        with self.log.open("rb") as handle:
            handle.seek(self._offset)
            data = handle.read()
        self._offset += len(data)
        self._read += data.decode("utf-8", errors="replace")
        return self._read

    def count(self, words: str) -> int:
        return self.text().count(words)

    def builds(self) -> int:
        return self.count("Building documentation...")

    def wait_idle(self) -> None:
        """Until the log has been quiet for QUIET seconds and the last build has finished."""
        size, since = -1, time.perf_counter()
        while True:
            text = self.text()
            if len(text) != size:
                size, since = len(text), time.perf_counter()
            elif time.perf_counter() - since > QUIET and \
                    text.count("Detected file changes") <= text.count("Reloading browsers"):
                return
            time.sleep(0.1)

    def cpu(self) -> float:
        """CPU seconds the server has used so far (Linux /proc): a figure that does not depend
        on how loaded the machine is, unlike the wall times."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def print_phases(idle: list[float], detected: list[float], phases: list[dict]) -> None:
    """Where an idle save's time goes (medians over the idle saves)."""
    def median(values) -> float:
        return statistics.median(values) if values else 0.0

    names = list(dict.fromkeys(name for run in phases for name in run["seconds"]))
    rows = [("watcher noticing the save", median(detected), None)]
    rows += [(name, median([run["seconds"].get(name, 0.0) for run in phases]),
              median([run.get("cpu", {}).get(name, 0.0) for run in phases])) for name in names]
    rest = [total - seen - sum(run["seconds"].values()) for total, seen, run in zip(idle, detected, phases)]
    rows.append(("the rest (settings read, MkDocs between phases, page fetched)", median(rest), None))
    print("where an idle save's time goes (medians):")
    print(f"  {'phase':<62} {'wall':>7} {'CPU':>7}")
    for name, wall, cpu in rows:
        print(f"  {name:<62} {wall:6.2f}s " + (f"{cpu:6.2f}s" if cpu is not None else "      -"))
    print(f"  {'idle save to page served':<62} {median(idle):6.2f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-reload-") as temp:
        project = project_copy(Path(temp) / "project")
        port = free_port()
        start = time.perf_counter()
        server = Server(project, port)
        try:
            url = f"http://127.0.0.1:{port}/{PAGE}"
            wait_for(url, SENTENCE, 300)
            print(f"mkdocs serve: first page after {time.perf_counter() - start:.1f} s")
            file = project / FILE
            original = file.read_text(encoding="utf-8")
            assert SENTENCE in original, f"{SENTENCE!r} is no longer in {FILE}"

            def save(marker: str) -> float:
                file.write_text(original.replace(SENTENCE, f"{marker} {SENTENCE}", 1), encoding="utf-8")
                return time.perf_counter()

            idle, detected, queued, builds, cpu, phases = [], [], [], [], [], []
            for n in range(args.edits):
                server.wait_idle()
                before, seen = server.builds(), server.count("Detected file changes")
                cpu_before = server.cpu()
                saved = save(f"Idle{n}x{os.getpid()}")
                while server.count("Detected file changes") == seen:
                    time.sleep(0.02)
                detected.append(time.perf_counter() - saved)
                idle.append(wait_for(url, f"Idle{n}x{os.getpid()}", 120, saved))
                server.wait_idle()
                builds.append(server.builds() - before)
                cpu.append(server.cpu() - cpu_before)
                phases.append(json.loads(server.timings.read_text(encoding="utf-8")))
            for n in range(args.edits):
                server.wait_idle()
                save(f"First{n}x{os.getpid()}")
                time.sleep(0.8)  # the first save's rebuild is under way
                saved = save(f"Queued{n}x{os.getpid()}")
                queued.append(wait_for(url, f"Queued{n}x{os.getpid()}", 120, saved))
            file.write_text(original, encoding="utf-8")
            print(f"idle save to page served:   median {statistics.median(idle):.2f} s "
                  f"{[round(t, 2) for t in idle]}")
            print(f"  of which the watcher noticing the save: median {statistics.median(detected):.2f} s "
                  f"{[round(t, 2) for t in detected]}")
            print(f"queued save to page served: median {statistics.median(queued):.2f} s "
                  f"{[round(t, 2) for t in queued]}")
            print(f"rebuilds per idle save: {builds}")
            print(f"server CPU per idle save: median {statistics.median(cpu):.2f} s {[round(t, 2) for t in cpu]}")
            print_phases(idle, detected, phases)
            print(f"load average during the run: {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
