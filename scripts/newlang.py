"""`python -m scripts new-language pt`: a new language folder, ready to translate.

Every file of the reference language is copied with its structure, ids and language-neutral
facts, and every unit is marked `untranslated: true` with the `source:` hash of the text it
holds, so the new language builds at once (every page shows the reference text, marked as
such) and `python -m scripts status` counts what is left to translate.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .load import read_content
from .translation import digest, edition_units, unit_mappings

CODE = re.compile(r"^[a-z]{2,3}$")


class NewLanguageError(Exception):
    pass


def _marked_copy(text: str, located, stem: str, units: dict[str, list[str]]) -> str:
    """The file's text with `untranslated: true` and `source:` after the first line of each unit."""
    inserts = [(located.position(key)[0], located.position(key)[1] - 1, digest(units[unit]))
               for unit, key, _mapping in unit_mappings(located, stem) if unit in units]
    lines = text.split("\n")
    for line, indent, source in sorted(inserts, reverse=True):
        lines[line:line] = [" " * indent + "untranslated: true", " " * indent + f'source: "{source}"']
    return "\n".join(lines)


def new_language(root: Path, code: str) -> list[Path]:
    """Create content/<code>/ from the reference language. Returns the files written."""
    if not CODE.match(code):
        raise NewLanguageError(f"'{code}' is not a language code: use two or three lowercase "
                               "letters (ISO 639-1), such as 'pt'")
    folder = root / "content" / code
    if folder.exists():
        raise NewLanguageError(f"content/{code}/ already exists; edit its files instead")
    loaded = read_content(root)
    if loaded.content is None or loaded.errors:
        raise NewLanguageError("the content has errors; run `python -m scripts check` and fix them first")
    reference = loaded.content.reference
    units = edition_units(loaded.content.editions[reference])
    written = []
    folder.mkdir(parents=True)
    for source in sorted((root / "content" / reference).glob("*.yml")):
        relative = source.relative_to(root).as_posix()
        target = folder / source.name
        if source.stem == "ui":
            # Interface words are not copied: until they are translated, the site uses the
            # reference language's words, marked as such.
            target.write_text("# yaml-language-server: $schema=../../schemas/ui.schema.json\n"
                              f"# Interface words in '{code}': copy keys from {relative} and "
                              "translate their values.\n{}\n", encoding="utf-8")
        else:
            text = _marked_copy(source.read_text("utf-8"), loaded.files[relative], source.stem, units)
            header, body = text.split("\n", 1)
            target.write_text(f"{header}\n# Untranslated copy of {relative}: translate each text, then "
                              "delete its `untranslated: true` line.\n# Never change ids, dates, "
                              f"times, names or the order of items.\n{body}", encoding="utf-8")
            assert yaml.safe_load(target.read_text("utf-8")) is not None
        written.append(target)
    return written
