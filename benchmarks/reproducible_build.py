"""Two builds of the same commit are byte-identical: every file, the offline archive, the
PDFs, the sitemap and its gzip copy, the search indexes. Builds the site twice into two
temporary folders (or once, against a folder already built from the same commit with the
same SITE_URL) and lists every file that differs or exists in one only. Exits 1 on any
difference. Run by .ci/run after the tests (a full build takes about 30 s on 2 cores: too slow
to repeat inside the test suite, which builds the site once).

    python benchmarks/reproducible_build.py                 # two fresh builds
    python benchmarks/reproducible_build.py --against site/ # one build, compared with site/
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.project import project_copy  # noqa: E402  (also the tests')


def build(target: Path) -> float:
    """A build in a fresh copy of the project: its own empty download cache (build/cache/),
    so that the PDFs and the archive are made, not copied from an earlier build."""
    project = project_copy(target.parent / f"{target.name}-project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_OFFLINE", None)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                    str(target)], cwd=project, env=env, check=True)
    return time.perf_counter() - start


def digests(tree: Path) -> dict[str, str]:
    return {file.relative_to(tree).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
            for file in sorted(tree.rglob("*")) if file.is_file()}


def differences(first: Path, second: Path) -> list[str]:
    a, b = digests(first), digests(second)
    out = [f"only in the first build: {name}" for name in sorted(a.keys() - b.keys())]
    out += [f"only in the second build: {name}" for name in sorted(b.keys() - a.keys())]
    out += [f"differs: {name}" for name in sorted(a.keys() & b.keys()) if a[name] != b[name]]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="a site already built from this commit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reproducible-") as temp:
        first = args.against or Path(temp) / "first"
        if not args.against:
            print(f"first build: {build(first):.1f} s")
        print(f"second build: {build(Path(temp) / 'second'):.1f} s")
        found = differences(first, Path(temp) / "second")
        files = len(digests(first))
    for line in found:
        print(line)
    print(f"{files} files compared: " + ("identical" if not found else f"{len(found)} difference(s)"))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
