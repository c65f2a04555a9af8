"""Reading the whole content: content/languages.yml, every file of every declared language,
content/resolutions.yml and content/divergences.yml, into a `Content` and every problem found.
Never raises for bad content; the checks (scripts/checks/) come after."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from scripts import config
from scripts.catalogue import BY_STEM, KINDS
from scripts.content.build import BUILDERS, build_divergences, build_resolutions
from scripts.content.models import Content, Edition, Language
from scripts.content.schema import validate
from scripts.content.text import PlainText
from scripts.content.yaml_source import Located, once_per_read, read_yaml, typed_data
from scripts.problems import Problem


@dataclass
class Loaded:
    """The result of reading the content: models where the files were valid, and every problem."""

    content: Content | None
    files: dict[str, Located]  # by relative path, every file that parsed
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_languages(root: Path) -> tuple[str, tuple[Language, ...], list[Problem], Located | None]:
    located, problems = read_yaml(root / "content" / "languages.yml", root)
    if located is None:
        return "en", (), problems, None
    problems += validate(located, "languages")
    if problems:
        return "en", (), problems, located
    located.data = typed_data(located, "languages")  # each string carries its kind (scripts/content/text.py)
    languages = tuple(Language(x["code"], x["name"], x["locale"])
                      for x in located.data["languages"])
    codes = [x.code for x in languages]
    for i, code in enumerate(codes):
        if code in codes[:i]:
            problems.append(located.problem(("languages", i, "code"),
                                            f"the language '{code}' is declared twice"))
    reference = located.data["reference"]
    if reference not in codes:
        problems.append(located.problem(("reference",), f"the reference language '{reference}' "
                                        f"is not in the list ({', '.join(codes)})"))
    return reference, languages, problems, located


def read_edition(root: Path, lang: str) -> tuple[Edition | None, dict[str, Located], list[Problem]]:
    folder = root / "content" / lang
    files: dict[str, Located] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        rel = folder.relative_to(root).as_posix()
        return None, files, [Problem(rel, 0, 0, f"the language '{lang}' is declared in "
                                     "content/languages.yml but has no folder; create it with "
                                     f"`python -m scripts new-language {lang}`")]
    parts: dict[str, Any] = {}
    ui: dict[str, PlainText] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix not in (".yml", ".yaml") or file.stem not in BY_STEM:
            rel = file.relative_to(root).as_posix()
            if not file.name.startswith("."):
                known = ", ".join(f"{kind.stem}.yml" for kind in KINDS)
                problems.append(Problem(rel, 0, 0, f"unexpected file; a language folder holds "
                                        f"only {known}"))
            continue
        located, found = read_yaml(file, root)
        problems += found
        if located is None:
            continue
        files[located.path] = located
        schema_problems = validate(located, BY_STEM[file.stem].schema)
        problems += schema_problems
        if schema_problems or found:
            continue
        located.data = typed_data(located, BY_STEM[file.stem].schema)
        if file.stem == "ui":
            ui = dict(located.data)
        else:
            parts[BY_STEM[file.stem].edition_field] = once_per_read(located, "model",
                                                          lambda: BUILDERS[file.stem](located))
    return Edition(lang, ui, **parts), files, problems


def read_shared(root: Path, stem: str, build: Callable[[Located], tuple]) -> tuple[tuple, Located | None,
                                                                                list[Problem]]:
    """content/<stem>.yml, a file of every language (resolutions, divergences), if there is one:
    its records built by `build` when it is valid, the file as read, and its problems."""
    file = root / "content" / f"{stem}.yml"
    if not file.exists():
        return (), None, []
    located, problems = read_yaml(file, root)
    if located is None:
        return (), None, problems
    problems += validate(located, stem)
    if problems:
        return (), located, problems
    located.data = typed_data(located, stem)
    return build(located), located, problems


def read_content(root: Path = config.ROOT) -> Loaded:
    """Read and validate every content file. Never raises for bad content: see `problems`."""
    reference, languages, problems, languages_file = read_languages(root)
    files: dict[str, Located] = {}
    if languages_file is not None:
        files[languages_file.path] = languages_file
    editions: dict[str, Edition] = {}
    for language in languages:
        edition, edition_files, found = read_edition(root, language.code)
        files.update(edition_files)
        problems += found
        if edition is not None:
            editions[language.code] = edition
    declared = {language.code for language in languages}
    for folder in sorted((root / "content").iterdir()) if languages else ():
        if folder.is_dir() and not folder.name.startswith(".") and folder.name not in declared:
            problems.append(Problem(f"content/{folder.name}", 0, 0, "this folder is not a declared "
                                    f"language, so the site ignores it; declare it in "
                                    f"content/languages.yml (`- code: {folder.name}`, its `name` and "
                                    f"`locale`), or remove the folder"))
    shared: dict[str, tuple] = {}
    for stem, build in (("resolutions", build_resolutions), ("divergences", build_divergences)):
        shared[stem], located, found = read_shared(root, stem, build)
        problems += found
        if located is not None:
            files[located.path] = located
    content = (Content(reference, languages, editions, shared["resolutions"], shared["divergences"])
               if languages else None)
    return Loaded(content, files, problems)

