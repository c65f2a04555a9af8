"""The frozen models built from files that passed their schema: one builder per kind of file.

A builder reads `located.data` as `typed_data` (scripts/content/yaml_source.py) left it: each
string already wrapped in the type of its kind (scripts/content/text.py), so a text the schema
declares inline Markdown is an `InlineMarkdown` here (the `cast`s say so to the type checker)."""

from __future__ import annotations

import datetime
from typing import Any, Callable, cast

from scripts.content.models import (Acronym, Acronyms, Agenda, Block, Day, Definitions, Divergence, Document,
                                    EditionFact, Front, ListBlock, ListItem, Paragraph, Person, Quotation,
                                    Quote, Resolution, Section, Series, SeriesItem, Slot, Term)
from scripts.content.text import InlineMarkdown, PlainText
from scripts.content.yaml_source import Located, PathKey


def _items(raw: list, key: PathKey, located: Located) -> tuple[ListItem, ...]:
    items = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            items.append(ListItem(cast(InlineMarkdown, item)))
            continue
        nested: list[Block] = []
        for name, ordered in (("list", False), ("numbered", True)):
            if name in item:
                nested.append(ListBlock(_items(item[name], key + (i, name), located), ordered,
                                        line=located.line(key + (i, name))))
        items.append(ListItem(item["text"], tuple(nested)))
    return tuple(items)


def build_blocks(raw: list, key: PathKey, located: Located) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for i, block in enumerate(raw or []):
        here = key + (i,)
        line = located.line(here)
        if isinstance(block, str):
            blocks.append(Paragraph(cast(InlineMarkdown, block), line=line))
        elif "text" in block:
            blocks.append(Paragraph(block["text"], block.get("lead"), block.get("number"),
                                    line=line))
        elif "list" in block:
            blocks.append(ListBlock(_items(block["list"], here + ("list",), located), line=line))
        elif "numbered" in block:
            blocks.append(ListBlock(_items(block["numbered"], here + ("numbered",), located),
                                    ordered=True, start=block.get("start", 1), line=line))
        else:
            blocks.append(Quote(build_blocks(block["quote"], here + ("quote",), located), line=line))
    return tuple(blocks)


def _sections(raw: list, key: PathKey, located: Located, level: int = 1) -> tuple[Section, ...]:
    return tuple(
        Section(s["id"], s.get("title"), level,
                build_blocks(s.get("blocks", []), key + (i, "blocks"), located),
                _sections(s.get("sections", []), key + (i, "sections"), located, level + 1),
                line=located.line(key + (i,)))
        for i, s in enumerate(raw or []))


def _footnotes(raw: dict | None) -> dict[str, InlineMarkdown]:
    return {str(k): v for k, v in (raw or {}).items()}


_DOCUMENT_KEYS = {"id", "title", "subtitle", "blocks", "sections", "footnotes"}


def build_document(located: Located, default_id: str) -> Document:
    data = located.data
    return Document(
        id=data.get("id", default_id), title=data["title"], path=located.path,
        subtitle=data.get("subtitle"),
        blocks=build_blocks(data.get("blocks", []), ("blocks",), located),
        sections=_sections(data.get("sections", []), ("sections",), located),
        footnotes=_footnotes(data.get("footnotes")),
        meta={k: v for k, v in data.items() if k not in _DOCUMENT_KEYS})


def build_front(located: Located) -> Front:
    data = located.data
    return Front(data["title"], data["series"], data["number"], data["publisher"], data["year"],
                 build_document(located, "front"))


def build_agenda(located: Located) -> Agenda:
    data = located.data
    people = tuple(
        Person(p["id"], p["name"], p["role"], p.get("organization"), p["country"], p.get("supplied"),
               p.get("country_printed"), dict(p.get("text_lang", {})), line=located.line(("people", i)))
        for i, p in enumerate(data["people"]))
    days = []
    for d, day in enumerate(data["days"]):
        slots = []
        for s, slot in enumerate(day["slots"]):
            speakers = tuple((entry,) if isinstance(entry, str) else tuple(entry)
                             for entry in slot.get("speakers", []))
            slots.append(Slot(
                slot["id"], slot["start"], slot["end"], slot["kind"], slot["title"],
                slot.get("number"), tuple(slot.get("description", [])), slot.get("moderator"),
                speakers, tuple(slot.get("questions", [])), slot.get("discussion", False),
                slot.get("supplied"), line=located.line(("days", d, "slots", s))))
        days.append(Day(day["id"], datetime.date.fromisoformat(day["date"]), day["title"],
                        tuple(slots), day.get("end"), line=located.line(("days", d))))
    header = data.get("header", [])
    return Agenda(data["title"], located.path,
                  tuple(cast(PlainText, line) if isinstance(line, str) else line["text"] for line in header),
                  people, tuple(days), data.get("end"),
                  {i: line["lang"] for i, line in enumerate(header) if isinstance(line, dict)})


def build_definitions(located: Located) -> Definitions:
    data = located.data
    terms = tuple(
        Term(t["id"], t["term"], build_blocks(t["definition"], ("terms", i, "definition"), located),
             tuple(t.get("related", [])), tuple(t.get("variants", [])),
             line=located.line(("terms", i)))
        for i, t in enumerate(data["terms"]))
    return Definitions(data["id"], data["title"], located.path, terms, data.get("subtitle"),
                       _footnotes(data.get("footnotes")))


def build_acronyms(located: Located) -> Acronyms:
    data = located.data
    return Acronyms(data["title"], located.path, tuple(
        Acronym(a["id"], a["abbr"], a["expansion"], line=located.line(("acronyms", i)))
        for i, a in enumerate(data["acronyms"])))


def build_series(located: Located) -> Series:
    data = located.data
    return Series(data["title"], located.path, tuple(
        SeriesItem(item["number"], item["title"], item.get("availability"), item.get("date"),
                   line=located.line(("items", i)), supplied=dict(item.get("supplied", {})),
                   text_lang=dict(item.get("text_lang", {})))
        for i, item in enumerate(data["items"])), tuple(data.get("contact", [])), data.get("intro"),
        tuple((line["text"], line.get("lang")) for line in data.get("contact_supplied", [])))


def build_resolutions(located: Located) -> tuple[Resolution, ...]:
    return tuple(
        Resolution(r["id"], r["subject"], r["target"], r["kind"],
                   {lang: EditionFact(fact["says"], fact.get("page"))
                    for lang, fact in r["editions"].items()},
                   dict(r.get("shown", {})), dict(r["why"]))
        for r in located.data["resolutions"])


def build_divergences(located: Located) -> tuple[Divergence, ...]:
    return tuple(
        Divergence(d["id"], d["document"], d["paragraph"],
                   {lang: Quotation(q["says"], q.get("page")) for lang, q in d["editions"].items()},
                   dict(d["explanation"]), line=located.line(("divergences", i)))
        for i, d in enumerate(located.data["divergences"]))


# Each returns the model of its kind (Front, Document, Agenda…).
BUILDERS: dict[str, Callable[[Located], Any]] = {
    "front": build_front,
    "summary": lambda located: build_document(located, "summary"),
    "report": lambda located: build_document(located, "report"),
    "background": lambda located: build_document(located, "background"),
    "council-note": lambda located: build_document(located, "council-note"),
    "agenda": build_agenda,
    "definitions": build_definitions,
    "acronyms": build_acronyms,
    "series": build_series,
}
