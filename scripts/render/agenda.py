"""The agenda as a schedule, and the people who spoke at the workshop."""

from __future__ import annotations

from babel.dates import format_date

from scripts.content.inline import escape, plain_text, quoted_title, to_markdown
from scripts.content.models import Agenda, Day, Person, Slot
from scripts.render.common import Context, Page, heading, indent, lang_attrs
from scripts.render.divergence_marks import FACTS_PATH, divergence_marker
from scripts.render.translation_marks import mark_unit, page_notice
from scripts.translation.units import UnitKey

AGENDA_PATH = "agenda.md"
PEOPLE_PATH = "people.md"


def long_date(day: Day, ctx: Context) -> str:
    """"7 July 2008", "7 juillet 2008", "7 de julio de 2008": Babel's long form."""
    return format_date(day.date, format="long", locale=ctx.locale)


def roman(number: int) -> str:
    """Sessions are numbered as the editions print them: I, II, III, IV…"""
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def slot_title(slot: Slot, ctx: Context) -> str:
    """The slot's title as Markdown; a numbered session reads "Session III: <title>"."""
    title = to_markdown(slot.title)
    if slot.number is not None:
        session = ctx.md("session", number=roman(slot.number))
        return ctx.md("session_title", session=session, title=title) if title else session
    return title


def clock(time: str, ctx: Context) -> str:
    """A time ("HH:MM") as the reader's edition prints it, from the language's one format
    (`time` in ui.yml: "{hour}:{minute}", "{hour}h{minute}")."""
    hour, minute = time.split(":")
    return ctx.md("time", hour=escape(hour), minute=escape(minute))


def slot_time(slot: Slot, ctx: Context) -> str:
    return ctx.md("time_range", start=clock(slot.start, ctx), end=clock(slot.end, ctx))


def in_lang(text_md: str, lang: str | None, ctx: Context) -> str:
    """Words the edition prints in another language than its own carry that language's `lang`."""
    return f'<span {lang_attrs(lang, ctx.lang)}>{text_md}</span>' if lang and lang != ctx.lang else text_md


def person_fields(person: Person, ctx: Context) -> list[tuple[str, str]]:
    """(field, Markdown) of a person's role, organization and country, as the edition prints them:
    the country in the edition's own words, none where it prints none."""
    fields = [("role", person.role), ("organization", person.organization),
              ("country_printed", person.country_printed)]
    return [(name, in_lang(to_markdown(value), person.text_lang.get(name), ctx))
            for name, value in fields if value]


def person_md(person: Person, ctx: Context) -> str:
    """A person as the agenda prints them: name (linked to the people page), role,
    organization, country."""
    name = f"[{escape(person.name)}]({ctx.link(PEOPLE_PATH, person.id)})"
    return ", ".join([name, *(value for _name, value in person_fields(person, ctx))])


def supplied_md(resolution: str | None, ctx: Context) -> str:
    """The note on something the edition does not print, linked to its note on the facts page
    when there is one."""
    if not resolution:
        return ""
    note = to_markdown(ctx.word("supplied_note"))
    if resolution in ctx.known_notes:
        return f"*[{note}]({ctx.link(FACTS_PATH, resolution)})*"
    return f"*{note}*"


def slot_md(slot: Slot, agenda: Agenda, ctx: Context) -> str:
    when = f'<span class="slot-time">{slot_time(slot, ctx)}</span>'
    parts = [heading(3, f"{when} · {slot_title(slot, ctx)}", slot.id)]
    if slot.supplied:
        parts.append(supplied_md(slot.supplied, ctx))
    parts.extend(to_markdown(text) for text in slot.description)
    if slot.moderator:
        moderator = person_md(agenda.person(slot.moderator), ctx)
        parts.append(ctx.md("labelled", label=f"**{to_markdown(ctx.word('moderator'))}**",
                            value=moderator))
    if slot.speakers:
        label = f"**{to_markdown(ctx.word('speakers'))}**"
        items = ["- " + " / ".join(person_md(agenda.person(pid), ctx) for pid in group)
                 for group in slot.speakers]
        parts.append(ctx.md("labelled", label=label, value="") .rstrip() + "\n\n" + "\n".join(items))
    if slot.questions:
        title = quoted_title(ctx.word("questions_intro"))
        questions = "\n".join(f"- {to_markdown(q)}" for q in slot.questions)
        parts.append(f'??? question "{title}"\n\n{indent(questions)}')
    if slot.discussion:
        parts.append(f"**{to_markdown(ctx.word('general_discussion'))}**")
    parts.append(divergence_marker(slot.id, ctx))  # where the editions differ in meaning
    return mark_unit(ctx, UnitKey.agenda_item(slot.id), parts[0], "\n\n".join(p for p in parts[1:] if p))


def agenda_page(agenda: Agenda, ctx: Context, path: str = AGENDA_PATH) -> Page:
    ctx = ctx.at(path)
    parts = [page_notice(ctx, [UnitKey.opening("agenda")])]
    if agenda.header:
        # Only the lines printed in another language carry their own `lang`.
        parts.append("  \n".join(in_lang(to_markdown(line), agenda.header_langs.get(i), ctx)
                                  for i, line in enumerate(agenda.header)))
    for day in agenda.days:
        title = f"{to_markdown(day.title)} — {escape(long_date(day, ctx))}" if day.title else escape(long_date(day, ctx))
        parts.append(mark_unit(ctx, UnitKey.agenda_item(day.id), heading(2, title, day.id), ""))
        parts.extend(slot_md(slot, agenda, ctx) for slot in day.slots)
        if day.end:
            parts.append(f"*{to_markdown(day.end)}*")
    if agenda.end:
        parts.append(f"**{to_markdown(agenda.end)}**")
    return Page(path=path, title=plain_text(agenda.title), body="\n\n".join(p for p in parts if p),
                description=ctx.word("agenda_description"), sources=(agenda.path,))


def sessions_of(person_id: str, agenda: Agenda) -> list[Slot]:
    return [slot for _day, slot in agenda.slots() if person_id in slot.people()]


def people_page(agenda: Agenda, ctx: Context, path: str = PEOPLE_PATH) -> Page:
    """Everyone who moderates or speaks, in order of first appearance, then anyone else listed."""
    ctx = ctx.at(path)
    order: list[str] = []
    for _day, slot in agenda.slots():
        order.extend(pid for pid in slot.people() if pid not in order)
    order.extend(p.id for p in agenda.people if p.id not in order)
    parts = [to_markdown(ctx.word("people_intro"))]
    for pid in order:
        person = agenda.person(pid)
        keys = {"role": "person_role", "organization": "person_organization",
                "country_printed": "person_country"}
        facts = [(keys[name], value) for name, value in person_fields(person, ctx)]
        sessions = [f"[{slot_title(s, ctx)}]({ctx.link(AGENDA_PATH, s.id)}) ({slot_time(s, ctx)})"
                    for s in sessions_of(pid, agenda)]
        if sessions:
            facts.append(("person_sessions", ", ".join(sessions)))
        parts.append(mark_unit(ctx, UnitKey.agenda_item(pid), heading(2, escape(person.name), person.id),
                               "\n".join("- " + ctx.md("labelled", label=f"**{to_markdown(ctx.word(key))}**",
                                                        value=value) for key, value in facts)))
        if person.supplied:
            parts.append(supplied_md(person.supplied, ctx))
    return Page(path=path, title=ctx.word("nav_people"), body="\n\n".join(parts),
                description=ctx.word("people_description"), sources=(agenda.path,))
