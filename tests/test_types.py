"""The build scripts type-check: mypy, configured in pyproject.toml, finds no error in scripts/.

The models carry meaning in their types (a kind of text, a part an edition may lack), and the
checker holds every stage to them: it found a report chapter without a title, which the
schema allows and the site showed as "None" (`check` now refuses it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.support.project import ROOT


def test_the_build_scripts_type_check(tmp_path: Path):
    done = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues found" in done.stdout
