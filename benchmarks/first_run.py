"""The README's two commands on a newcomer's machine, timed: a fresh clone of this repository
(its HEAD), a fresh HOME (empty pip, npm and browser caches), a fresh venv, and a PATH on
which no Chromium or Chrome is found (the names tests/browser_support.py looks for are left
out), so the first `pytest` fetches the tests' browser from npm; then `pytest` again, the
browser now cached. Prints each step's time and pytest's last lines; exits 1 if a step fails.

    python benchmarks/first_run.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser_support import ON_PATH  # noqa: E402

STEPS = [("install and build",
          'python3 -m venv .venv && . .venv/bin/activate && pip install -q -e ".[test]" && mkdocs build -q'),
         ("first pytest (fetches the browser)", ". .venv/bin/activate && pytest"),
         ("second pytest", ". .venv/bin/activate && pytest")]


def path_without_chromium(folder: Path) -> str:
    """A folder of links to every program on PATH but the browsers: the new PATH."""
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        for program in sorted(Path(directory).glob("*")) if Path(directory).is_dir() else []:
            link = folder / program.name
            if program.name not in ON_PATH and not link.exists() and os.access(program, os.X_OK):
                link.symlink_to(program)
    return str(folder)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="first-run-") as temp:
        temp = Path(temp)
        repo = temp / "repo"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(repo)], check=True)
        if (ROOT.parent / "shared").is_dir():  # the source editions, beside the repository
            (temp / "shared").symlink_to(ROOT.parent / "shared")
        (temp / "home").mkdir()
        env = {"HOME": str(temp / "home"), "PATH": path_without_chromium(temp / "bin"),
               "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
        assert not any(shutil.which(name, path=env["PATH"]) for name in ON_PATH)
        head = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True).strip()
        print(f"fresh clone of {head}, HOME={env['HOME']}, no Chromium on PATH")
        for name, command in STEPS:
            start = time.perf_counter()
            done = subprocess.run(["bash", "-c", command], cwd=repo, env=env, capture_output=True, text=True)
            print(f"\n{name}: {time.perf_counter() - start:.0f} s, exit {done.returncode}")
            print("\n".join((done.stdout + done.stderr).strip().splitlines()[-3:]))
            if done.returncode:
                return 1
        cache = temp / "home" / ".cache" / "return-migration-site"
        size = sum(file.stat().st_size for file in cache.rglob("*") if file.is_file())
        print(f"\nthe browser in {cache.relative_to(temp)}: {size / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
