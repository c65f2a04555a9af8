"""Downloads reused when their inputs did not change: a function from inputs to a file, cached
by a hash of those inputs.

Engine-neutral. `FileCache.make(target, inputs, produce)` hashes `inputs` (text, bytes, files,
in order); if a file made from the same inputs is in the cache it is copied to `target`,
otherwise `produce(target)` makes it and a copy is kept. The cache lives outside the site
(`build/cache/` in the project, ignored by git), so a clean `site/` does not lose it, and the
copy in the site is byte for byte the file `produce` made, as a clean build would make it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Union

CACHE_DIR = Path("build") / "cache"  # under the project root
KEEP = 3  # versions kept per file name: enough to go back and forth between two edits

Input = Union[str, bytes, Path]


def digest(inputs: Iterable[Input]) -> str:
    """A hash of the inputs, in order: each one's kind and length, then its bytes (so that
    ("ab", "c") and ("a", "bc") differ). A Path stands for the bytes of the file."""
    sha = hashlib.sha256()
    for item in inputs:
        if isinstance(item, Path):
            data, kind = item.read_bytes(), b"f"
        elif isinstance(item, str):
            data, kind = item.encode("utf-8"), b"s"
        else:
            data, kind = bytes(item), b"b"
        sha.update(kind + len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


@dataclass(frozen=True)
class Made:
    """What `make` did: `reused` the cached file, or made it anew."""

    target: Path
    key: str
    reused: bool


class FileCache:
    """Files made from inputs, kept under `folder/<name>/<key>` (`folder` None: no cache,
    every file is made)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def _entry(self, name: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / name / key

    def lookup(self, name: str, inputs: Iterable[Input]) -> tuple[str, Path | None]:
        """The key of the inputs, and the cached file made from them if there is one."""
        key = digest(inputs)
        if self.folder is None:
            return key, None
        entry = self._entry(name, key)
        return key, entry if entry.is_file() else None

    def make(self, target: Path, inputs: Iterable[Input], produce: Callable[[Path], object]) -> Made:
        key, cached = self.lookup(target.name, inputs)
        target.parent.mkdir(parents=True, exist_ok=True)
        if cached is not None:
            shutil.copyfile(cached, target)
            return Made(target, key, True)
        produce(target)
        self.store(target, key)
        return Made(target, key, False)

    def store(self, made: Path, key: str) -> None:
        """Keep a copy of `made` under `key` (written aside, then renamed: a crash never leaves
        a half-written entry), and drop the oldest versions of the same name."""
        if self.folder is None:
            return
        entry = self._entry(made.name, key)
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{key}.{os.getpid()}.part")
        shutil.copyfile(made, partial)
        partial.replace(entry)
        versions = sorted((p for p in entry.parent.iterdir() if not p.name.startswith(".")),
                          key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in versions[KEEP:]:
            old.unlink(missing_ok=True)
