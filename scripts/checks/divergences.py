"""The checks that keep content/divergences.yml true to the content: each record's passage
exists in the reference edition, and each quotation stands, word for word, in its edition's
passage (a passage a translation lacks is a to-do there, never an error)."""

from __future__ import annotations

from typing import Iterator

from scripts.catalogue import BY_STEM
from scripts.content.models import Content
from scripts.content.yaml_source import Located
from scripts.problems import Problem
from scripts.render.passages import DIVERGENCES_FILE, passage


def _normal(text: str) -> str:
    return " ".join(text.split())


def check_divergences(content: Content, files: dict[str, Located]) -> Iterator[Problem]:
    located = files.get(DIVERGENCES_FILE)
    if located is None:
        return
    seen: set[str] = set()
    for i, d in enumerate(content.divergences):
        key = ("divergences", i)
        if d.id in seen:
            yield located.problem(key + ("id",), f"the id '{d.id}' is used twice; give each record its own id")
        seen.add(d.id)
        reference = content.editions.get(content.reference)
        if reference is None or passage(reference, d.document, d.paragraph) is None:
            yield located.problem(key + ("paragraph",),
                                  f"'{d.paragraph}' is no passage of the {d.document} in the reference "
                                  "language; use the id of a paragraph (such as many-forms-5), an agenda "
                                  "slot or a defined term")
            continue
        for lang, quotation in d.editions.items():
            edition = content.editions.get(lang)
            if edition is None:
                yield located.problem(key + ("editions", lang),
                                      f"'{lang}' is not a language of content/languages.yml")
                continue
            if getattr(edition, BY_STEM[d.document].edition_field, None) is None:
                continue  # the whole file is missing or unreadable: its own problem says so
            found = passage(edition, d.document, d.paragraph)
            if found is None:
                # A passage a translation lacks (yet) is work to do there, never a blocked pull request.
                yield located.problem(key + ("editions", lang),
                                      f"to do: the {lang} edition has no passage '{d.paragraph}' in its "
                                      f"{d.document} any more, so this note is not shown there; bring the "
                                      "passage back or update the quotation", severity="warning")
            elif _normal(quotation.says) not in _normal(found.text):
                yield located.problem(key + ("editions", lang, "says"),
                                      f"this quotation is not in the {lang} text of '{d.paragraph}'; quote the "
                                      "edition word for word (a short passage of that paragraph)")
