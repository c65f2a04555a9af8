"""Copies ready to translate: `python -m scripts new-language pt` (a whole new language, declared
in content/languages.yml) and `python -m scripts translate fr series` (one file a language does
not have yet).

Each file of the original is copied with its structure, ids and language-neutral facts, and
every unit is marked `untranslated: true` with the `source:` hash of the text it holds, so the
copy builds at once (every page shows the original text, marked as such) and
`python -m scripts status` counts its units as missing until each is translated.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from scripts.catalogue import DOCUMENTS
from scripts.content.load import read_content
from scripts.content.models import Content
from scripts.content.yaml_source import Located
from scripts.translation.state import digest, originals, unit_mappings
from scripts.translation.units import UnitKey

CODE = re.compile(r"^[a-z]{2,3}$")


class NewLanguageError(Exception):
    pass


def _marked_copy(text: str, located, stem: str, units: dict[UnitKey, list[str]]) -> str:
    """The file's text with `untranslated: true` and `source:` after the first line of each unit."""
    inserts = [(located.position(key)[0], located.position(key)[1] - 1, digest(units[unit]))
               for unit, key, _mapping in unit_mappings(located, stem) if unit in units]
    lines = text.split("\n")
    for line, indent, source in sorted(inserts, reverse=True):
        lines[line:line] = [" " * indent + "untranslated: true", " " * indent + f'source: "{source}"']
    return "\n".join(lines)


def _loaded(root: Path) -> tuple[Content, dict[str, Located]]:
    """The content and its files, once `check` would find no error in them."""
    loaded = read_content(root)
    if loaded.content is None or loaded.errors:
        raise NewLanguageError("the content has errors; run `python -m scripts check` and fix them first")
    return loaded.content, loaded.files


def _write_copy(root: Path, content: Content, files: dict[str, Located], source_lang: str, stem: str,
                target: Path) -> None:
    relative = f"content/{source_lang}/{stem}.yml"
    units = {key: texts for key, (origin, texts) in originals(content).items()
             if origin == source_lang}
    text = _marked_copy((root / relative).read_text("utf-8"), files[relative], stem, units)
    header, body = text.split("\n", 1)
    target.write_text(f"{header}\n# Untranslated copy of {relative}: translate each text, then "
                      "delete its `untranslated: true` line.\n# Never change ids, dates, "
                      f"times, names or the order of items.\n{body}", encoding="utf-8")
    assert yaml.safe_load(target.read_text("utf-8")) is not None


def translate_file(root: Path, code: str, stem: str) -> Path:
    """content/<code>/<stem>.yml, a marked copy of the original of that file (the reference
    language's, or the one language that has it). Returns the file written."""
    content, files = _loaded(root)
    if code not in content.codes:
        raise NewLanguageError(f"'{code}' is not declared in content/languages.yml; to start a new "
                               f"language, run `python -m scripts new-language {code}`")
    kinds = [kind.stem for kind in DOCUMENTS]
    if stem not in kinds:
        raise NewLanguageError(f"'{stem}' is not a content file; use one of: {', '.join(kinds)}")
    target = root / "content" / code / f"{stem}.yml"
    if target.exists():
        raise NewLanguageError(f"content/{code}/{stem}.yml already exists; edit it (run "
                               "`python -m scripts status` to see what is left to translate)")
    origin = next((lang for key, (lang, _texts) in originals(content).items()
                   if key.file == stem), None)
    if origin is None:
        raise NewLanguageError(f"no language has {stem}.yml yet")
    if origin == code:
        raise NewLanguageError(f"content/{code}/{stem}.yml is the original; nothing to translate")
    _write_copy(root, content, files, origin, stem, target)
    return target


def _declaration(code: str) -> tuple[str, str]:
    """The language's name in itself and its Babel locale, or an error saying the code is unknown."""
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise NewLanguageError(f"'{code}' is not a language Babel knows (ISO 639-1 codes such as "
                               "'pt', 'ar', 'sw')") from None
    name = locale.get_display_name(code) or code
    return name[:1].upper() + name[1:], code


def declare(root: Path, code: str) -> None:
    """Add the language at the end of content/languages.yml, keeping the file's comments."""
    file = root / "content" / "languages.yml"
    name, locale = _declaration(code)
    text = file.read_text("utf-8").rstrip("\n")
    file.write_text(f"{text}\n  - code: {code}\n    name: {yaml.safe_dump(name, allow_unicode=True).splitlines()[0]}"
                    f"\n    locale: {locale}\n", encoding="utf-8")


def new_language(root: Path, code: str) -> list[Path]:
    """Create content/<code>/ from the reference language and declare the language in
    content/languages.yml. Returns the files written."""
    if not CODE.match(code):
        raise NewLanguageError(f"'{code}' is not a language code: use two or three lowercase "
                               "letters (ISO 639-1), such as 'pt'")
    folder = root / "content" / code
    if folder.exists():
        raise NewLanguageError(f"content/{code}/ already exists; edit its files instead")
    content, files = _loaded(root)
    if code in content.codes:
        raise NewLanguageError(f"'{code}' is already declared in content/languages.yml")
    _declaration(code)  # refuse an unknown code before writing anything
    reference = content.reference
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
            _write_copy(root, content, files, reference, source.stem, target)
        written.append(target)
    declare(root, code)
    written.append(root / "content" / "languages.yml")
    return written
