"""Paths and fixed settings: the one home of each. The languages themselves live in content/languages.yml."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
SCHEMAS = ROOT / "schemas"
LANGUAGES_FILE = CONTENT / "languages.yml"
RESOLUTIONS_FILE = CONTENT / "resolutions.yml"

# The source texts (plain text extracted from the PDFs) live beside the repository.
SEEDS = ROOT.parent / "shared" / "seeds"
PUBLICATION_SEED = "002_d1bb6f8217ca92d8.txt"
COUNCIL_NOTE_SEED = "000_b8503391443d974b.txt"

# Where each edition stands in the publication seed: first and last line (1-based, inclusive).
EDITION_LINES = {"en": (1, 2656), "fr": (2657, 5516), "es": (5517, 8463)}

# Untrusted input: files larger than this are refused before parsing.
EDIT_BRANCH = "main"  # the branch that editors' pull requests target ("edit this page")

MAX_FILE_BYTES = 1_000_000

# `mkdocs serve`: how often the watcher looks for saved files (MkDocs' own: every 0.5 s), and
# how long the build waits for the save to settle after the last change seen (MkDocs' own:
# 0.1 s). Longer than one poll: a save the watcher caught half-written (a loaded machine may
# pause the editor between emptying the file and writing it) is finished by the next poll,
# and the two changes make one rebuild, not a broken one and then a second.
PREVIEW_POLL_SECONDS = 0.1
PREVIEW_SETTLE_SECONDS = 0.15
# Lists and mappings inside one another: the deepest content file needs 10 (report.yml).
MAX_DEPTH = 16

# Coverage: the share of each edition's words the YAML must hold (tests enforce it).
COVERAGE_TARGET = 0.99
