"""What the site shows for a note of content/resolutions.yml, and where.

A note's "shown on this site" is derived from the content wherever the content holds it (a slot's
times as the edition writes them, a person's name or printed details, the speakers' order, the
agenda header, an acronym, a footnote, an item of the series), so that the note cannot say one
thing while the page shows another; elsewhere it is the note's own `shown` text. Either way, the
test suite finds every value on the page the note targets, in every language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Iterator

from scripts.content.inline import plain_text
from scripts.content.models import Content, Edition, Resolution, Slot
from scripts.content.yaml_source import Located
from scripts.problems import Problem

_DOCUMENT_PAGES = {"front": "foreword.md", "summary": "summary.md", "background": "background.md",
                   "acronyms": "acronyms.md", "series": "series.md", "definitions": "definitions.md",
                   "council-note": "council-note.md"}


@dataclass(frozen=True)
class Place:
    """A page of the site (relative to the language root) and an anchor on it, if any."""

    path: str
    anchor: str | None = None


def clock(time: str, ui: Mapping[str, str]) -> str:
    """"HH:MM" as an edition writes it (`time` in its ui.yml)."""
    hour, minute = time.split(":")
    return ui.get("time", "{hour}:{minute}").format(hour=hour, minute=minute)


def time_range(slot: Slot, ui: Mapping[str, str]) -> str:
    return ui.get("time_range", "{start} – {end}").format(start=clock(slot.start, ui),
                                                         end=clock(slot.end, ui))


def _slot(edition: Edition, slot_id: str) -> Slot | None:
    if edition.agenda is None:
        return None
    return next((s for _, s in edition.agenda.slots() if s.id == slot_id), None)


def place(res: Resolution, content: Content) -> Place:
    """Where the note's subject stands on the site."""
    parts = res.target.split("/")
    if res.subject == "agenda":
        if parts[0] == "people" and len(parts) > 1:
            return Place("people.md", parts[1])
        if parts[0].startswith("day-"):
            return Place("agenda.md", parts[1] if len(parts) > 1 else parts[0])
        return Place("agenda.md")
    if res.subject == "acronyms" and len(parts) > 1:
        return Place("acronyms.md", parts[1])
    if res.subject == "report":
        report = content.editions[content.reference].report
        for top in report.sections if report else ():
            if any(s.id == parts[0] for s in top.walk()):
                return Place(f"report/{top.id}.md", None if parts[0] == top.id else parts[0])
    page = _DOCUMENT_PAGES.get(res.subject, "index.md")
    if res.subject in ("summary", "background") and len(parts) == 1 and parts[0] != res.subject:
        return Place(page, parts[0])  # a section of the document
    return Place(page)


def derivable(res: Resolution) -> bool:
    return _derive(res, Edition("xx", {})) is not NotImplemented


def _derive(res: Resolution, edition: Edition):
    """The values the page of `edition` shows for this note, NotImplemented where the content
    does not hold them (the note's `shown` text is used), None where the page shows nothing."""
    parts = res.target.split("/")
    if res.subject == "agenda":
        agenda = edition.agenda
        if parts[0].startswith("day-") and len(parts) > 1:
            slot = _slot(edition, parts[1])
            if res.kind not in ("time", "order", "missing-item", "wording"):
                return NotImplemented
            if slot is None or agenda is None:
                return None
            if res.kind == "time":
                return (time_range(slot, edition.ui),)
            if res.kind == "order":
                return tuple(agenda.person(pid).name for group in slot.speakers for pid in group)
            return (plain_text(slot.title),)
        if parts[0] == "people" and len(parts) > 1:
            person = next((p for p in agenda.people if p.id == parts[1]), None) if agenda else None
            if person is None:
                return None
            if res.kind == "name":
                return (person.name,)
            return tuple(plain_text(x) for x in (person.role, person.organization,
                                                 person.country_printed) if x)
        if parts[0] == "header":
            return tuple(plain_text(line) for line in agenda.header) if agenda else None
        return NotImplemented
    if res.subject == "acronyms" and len(parts) > 1:
        acronyms = edition.acronyms
        found = next((a for a in acronyms.acronyms if a.id == parts[1]), None) if acronyms else None
        return (found.abbr, plain_text(found.expansion)) if found else None
    if len(parts) == 3 and parts[1] == "footnotes":
        document = getattr(edition, parts[0].replace("-", "_"), None)
        text = document.footnotes.get(parts[2]) if document else None
        return (plain_text(text),) if text else None
    if res.subject == "series":
        series = edition.series
        if parts == ["series"]:
            return (plain_text(series.title),) if series else None
        if len(parts) == 3 and parts[1] == "items":
            item = next((i for i in series.items if str(i.number) == parts[2]), None) if series else None
            return (plain_text(item.title),) if item else None
        if parts[-1] == "contact":
            if series is None:
                return None
            return tuple([plain_text(t) for t, _lang in series.contact_supplied]
                         + [plain_text(t) for t in series.contact])
    return NotImplemented


def shown(res: Resolution, edition: Edition) -> tuple[str, ...] | None:
    """What the page of this edition's language shows for the note, as plain text, in page
    order; None where it shows nothing for it."""
    derived = _derive(res, edition)
    if derived is not NotImplemented:
        return derived
    text = res.shown.get(edition.lang)
    return (plain_text(text),) if text else None


def check_shown(content: Content, files: dict[str, Located]) -> Iterator[Problem]:
    """A note whose shown value the content does not hold must state it in every language whose
    edition it quotes."""
    located = files.get("content/resolutions.yml")
    if located is None:
        return
    for i, res in enumerate(content.resolutions):
        if derivable(res):
            continue
        missing = [lang for lang in content.codes if lang in res.editions and lang not in res.shown]
        if missing:
            yield located.problem(("resolutions", i), f"add `shown` for {', '.join(missing)}: what the "
                                  "page shows, word for word (or null where it shows nothing)")
