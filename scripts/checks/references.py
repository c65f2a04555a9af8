"""References across files: a `supplied:` names a note of content/resolutions.yml, and a note's
`target` names a section, a day, a slot, a person or an acronym that exists in some edition."""

from __future__ import annotations

from typing import Iterator

from scripts.catalogue import KINDS
from scripts.content.models import Content
from scripts.content.yaml_source import Located, PathKey
from scripts.problems import Problem

_DOCUMENTS = {kind.stem: kind.edition_field for kind in KINDS if kind.prose}  # stem -> Edition field


def _ids(content: Content) -> dict[str, set[str]]:
    """Per subject (content file stem), the ids any edition has there."""
    out: dict[str, set[str]] = {}
    for edition in content.editions.values():
        for stem, attr in _DOCUMENTS.items():
            part = getattr(edition, attr)
            document = part.document if stem == "front" and part else part
            if document is not None:
                out.setdefault(stem, {stem}).update(s.id for s in document.walk())
        if edition.agenda:
            agenda = edition.agenda
            out.setdefault("agenda:people", set()).update(p.id for p in agenda.people)
            out.setdefault("agenda:days", set()).update(d.id for d in agenda.days)
            out.setdefault("agenda:slots", set()).update(s.id for _, s in agenda.slots())
        if edition.acronyms:
            out.setdefault("acronyms", set()).update(a.id for a in edition.acronyms.acronyms)
    return out


def _target_problem(subject: str, target: str, ids: dict[str, set[str]]) -> str | None:
    parts = target.split("/")
    if subject in _DOCUMENTS:
        if parts[0] not in ids.get(subject, set()):
            return f"target '{target}' names '{parts[0]}', which is no section of {subject}.yml"
    elif subject == "agenda" and parts[0] == "people":
        if len(parts) < 2 or parts[1] not in ids.get("agenda:people", set()):
            return f"target '{target}' names no person of agenda.yml"
    elif subject == "agenda" and parts[0].startswith("day-"):
        if parts[0] not in ids.get("agenda:days", set()):
            return f"target '{target}' names '{parts[0]}', which is no day of agenda.yml"
        if len(parts) > 1 and parts[1] not in ids.get("agenda:slots", set()):
            return f"target '{target}' names '{parts[1]}', which is no slot of agenda.yml"
    elif subject == "acronyms" and len(parts) > 1 and parts[1] not in ids.get("acronyms", set()):
        return f"target '{target}' names '{parts[1]}', which is no acronym of acronyms.yml"
    return None


def check_references(content: Content, files: dict[str, Located]) -> Iterator[Problem]:
    notes = {r.id for r in content.resolutions}
    for lang, edition in content.editions.items():
        agenda = edition.agenda
        if agenda is None:
            continue
        located = files[agenda.path]
        supplied: list[tuple[PathKey, str | None]] = [(("people", i, "supplied"), p.supplied)
                                                       for i, p in enumerate(agenda.people)]
        supplied += [(("days", d, "slots", s, "supplied"), slot.supplied)
                     for d, day in enumerate(agenda.days) for s, slot in enumerate(day.slots)]
        for key, note in supplied:
            if note and note not in notes:
                yield located.problem(key, f"'supplied: {note}' names no note of "
                                           "content/resolutions.yml; use the id of the note")
    resolutions = files.get("content/resolutions.yml")
    if resolutions is None:
        return
    ids = _ids(content)
    for i, resolution in enumerate(content.resolutions):
        problem = _target_problem(resolution.subject, resolution.target, ids)
        if problem:
            yield resolutions.problem(("resolutions", i, "target"), problem + "; use an id "
                                      "from the content files")
