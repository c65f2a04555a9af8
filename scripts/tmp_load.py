"""TEMPORARY loader used by the site build until scripts/load.py lands. Tolerant, no validation.

Delete this file once `scripts.load.load_content` exists; scripts/site.py prefers it.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from scripts import models as m


def _blocks(raw) -> tuple:
    out = []
    for item in raw or ():
        if isinstance(item, str):
            out.append(m.Paragraph(text=item))
        elif "list" in item or "numbered" in item:
            ordered = "numbered" in item
            items = tuple(_item(i) for i in item["numbered" if ordered else "list"])
            out.append(m.ListBlock(items=items, ordered=ordered, start=item.get("start", 1)))
        elif "quote" in item:
            out.append(m.Quote(blocks=_blocks(item["quote"])))
        else:
            out.append(m.Paragraph(text=item["text"], lead=item.get("lead"), number=item.get("number")))
    return tuple(out)


def _item(raw) -> m.ListItem:
    if isinstance(raw, str):
        return m.ListItem(text=raw)
    nested = {k: v for k, v in raw.items() if k != "text"}
    return m.ListItem(text=raw.get("text", ""), blocks=_blocks([nested]) if nested else ())


def _section(raw, level) -> m.Section:
    return m.Section(id=raw["id"], title=raw.get("title") or "", level=level,
                     blocks=_blocks(raw.get("blocks")),
                     sections=tuple(_section(s, level + 1) for s in raw.get("sections") or ()))


def _document(raw, path) -> m.Document:
    known = {"id", "title", "subtitle", "blocks", "sections", "footnotes"}
    return m.Document(id=raw.get("id", Path(path).stem), title=raw.get("title") or "", path=path,
                      subtitle=raw.get("subtitle"), blocks=_blocks(raw.get("blocks")),
                      sections=tuple(_section(s, 1) for s in raw.get("sections") or ()),
                      footnotes={str(k): v for k, v in (raw.get("footnotes") or {}).items()},
                      meta={k: v for k, v in raw.items() if k not in known})


def _agenda(raw, path) -> m.Agenda:
    people = tuple(m.Person(id=p["id"], name=p["name"], role=p.get("role") or "",
                            organization=p.get("organization") or "", country=p.get("country"),
                            supplied=p.get("supplied")) for p in raw.get("people") or ())
    days = []
    for d in raw.get("days") or ():
        slots = []
        for s in d.get("slots") or ():
            speakers = tuple(tuple(x) if isinstance(x, list) else (x,) for x in s.get("speakers") or ())
            slots.append(m.Slot(id=s["id"], start=s["start"], end=s["end"], kind=s["kind"],
                                title=s.get("title") or "", number=s.get("number"),
                                description=tuple(s.get("description") or ()),
                                moderator=s.get("moderator"), speakers=speakers,
                                questions=tuple(s.get("questions") or ()),
                                discussion=bool(s.get("discussion")), supplied=s.get("supplied")))
        date = d["date"] if isinstance(d["date"], datetime.date) else datetime.date.fromisoformat(d["date"])
        days.append(m.Day(id=d["id"], date=date, title=d.get("title") or "", slots=tuple(slots),
                          end=d.get("end")))
    return m.Agenda(title=raw.get("title") or "", path=path, header=tuple(raw.get("header") or ()),
                    people=people, days=tuple(days), end=raw.get("end"),
                    header_lang=raw.get("header_lang"))


def load_content(root: Path) -> m.Content:
    content = Path(root) / "content"
    langs = yaml.safe_load((content / "languages.yml").read_text(encoding="utf-8"))
    languages = tuple(m.Language(code=x["code"], name=x["name"], locale=x["locale"])
                      for x in langs["languages"])
    editions = {}
    for language in languages:
        folder = content / language.code

        def read(name):
            path = folder / name
            if not path.exists():
                return None, None
            return yaml.safe_load(path.read_text(encoding="utf-8")) or {}, f"content/{language.code}/{name}"

        parts = {}
        raw, path = read("ui.yml")
        ui = {str(k): str(v) for k, v in (raw or {}).items()}
        raw, path = read("front.yml")
        if raw:
            parts["front"] = m.Front(title=raw["title"], series=raw.get("series", ""),
                                     number=raw.get("number", 0), publisher=raw.get("publisher", ""),
                                     year=raw.get("year", 0), document=_document(
                                         {**raw, "id": "front"}, path))
        for key, name in (("summary", "summary.yml"), ("report", "report.yml"),
                          ("background", "background.yml"), ("council_note", "council-note.yml")):
            raw, path = read(name)
            if raw:
                parts[key] = _document(raw, path)
        raw, path = read("agenda.yml")
        if raw:
            parts["agenda"] = _agenda(raw, path)
        raw, path = read("acronyms.yml")
        if raw:
            parts["acronyms"] = m.Acronyms(title=raw.get("title", ""), path=path, acronyms=tuple(
                m.Acronym(id=a["id"], abbr=a["abbr"], expansion=a["expansion"])
                for a in raw.get("acronyms") or ()))
        raw, path = read("definitions.yml")
        if raw:
            parts["definitions"] = m.Definitions(
                id=raw.get("id", "definitions"), title=raw.get("title", ""), path=path,
                subtitle=raw.get("subtitle"), footnotes={str(k): v for k, v in (raw.get("footnotes") or {}).items()},
                terms=tuple(m.Term(id=t["id"], term=t["term"], definition=_blocks(t.get("definition")),
                                   related=tuple(t.get("related") or ()), variants=tuple(t.get("variants") or ()))
                            for t in raw.get("terms") or ()))
        raw, path = read("series.yml")
        if raw:
            parts["series"] = m.Series(title=raw.get("title", ""), path=path, contact=tuple(raw.get("contact") or ()),
                                       items=tuple(m.SeriesItem(number=i["number"], title=i["title"],
                                                                availability=i.get("availability"),
                                                                date=str(i["date"]) if i.get("date") else None)
                                                   for i in raw.get("items") or ()))
        editions[language.code] = m.Edition(lang=language.code, ui=ui, **parts)
    resolutions = ()
    path = content / "resolutions.yml"
    if path.exists():
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        items = raw.get("resolutions", raw) if isinstance(raw, dict) else raw
        resolutions = tuple(
            m.Resolution(id=r["id"], subject=r.get("subject", ""), target=r.get("target", ""),
                         kind=r.get("kind", ""), shown=r.get("shown", ""), why=r.get("why") or {},
                         editions={k: m.EditionFact(says=(v.get("says") if isinstance(v, dict) else str(v)),
                                                    line=(v.get("line") if isinstance(v, dict) else None))
                                   for k, v in (r.get("editions") or {}).items()})
            for r in items or ())
    return m.Content(reference=langs.get("reference", languages[0].code), languages=languages,
                     editions=editions, resolutions=resolutions)
