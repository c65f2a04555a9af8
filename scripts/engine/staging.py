"""An atomic site: `mkdocs build` writes into a staging folder beside the site directory and
moves it into place only once everything (pages, print editions, PDFs, archive) is made, so a
failed build leaves the previous site as it was."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import CountHandler

log = logging.getLogger("mkdocs.hooks.site")


@dataclass
class Staging:
    """`mkdocs build` writes into `folder` and moves it to `target` once the build succeeded."""

    target: Path
    folder: Path
    warnings: CountHandler  # under --strict, a warning fails the build: no move
    engine: str  # the logger the engine's warnings go to ("mkdocs", "properdocs")

    @classmethod
    def start(cls, target: Path, engine: str) -> "Staging":
        folder = target.parent / f".{target.name}.building-{os.getpid()}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        counter = CountHandler()
        counter.setLevel(logging.WARNING)
        logging.getLogger(engine).addHandler(counter)
        return cls(target, folder, counter, engine)

    def finish(self, strict: bool) -> None:
        """Move the built site into place (the old one is removed only after the move)."""
        logging.getLogger(self.engine).removeHandler(self.warnings)
        if strict and self.warnings.get_counts():
            self.abandon()
            log.error(f"{self.target} was left as it was: warnings in strict mode")
            return
        old = self.target.parent / f".{self.target.name}.old-{os.getpid()}"
        if self.target.exists():
            self.target.replace(old)
        self.folder.replace(self.target)
        shutil.rmtree(old, ignore_errors=True)

    def abandon(self) -> None:
        logging.getLogger(self.engine).removeHandler(self.warnings)
        shutil.rmtree(self.folder, ignore_errors=True)
