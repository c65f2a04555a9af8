"""The two pages of notes on the editions, written for readers: the notes page, the passages
where the editions differ in meaning (content/divergences.yml), grouped by document; and the
facts page, the facts on which they disagree (content/resolutions.yml), grouped by subject, with
what the site shows and why. Two pages, not one, so that each loads within issue 12's budget
(70 kB gzip on first load); each introduction links to the other page. Each note is titled, in
the reader's language, by what it is about and links to it; each edition is cited by the page
of the printed volume and quoted with its own `lang`."""

from __future__ import annotations

from scripts.content.inline import escape, plain_text, to_markdown
from scripts.content.models import Content, Divergence, Edition, ListBlock, Resolution
from scripts.render.agenda import slot_title
from scripts.render.common import Context, Page, heading, lang_attrs, not_searched
from scripts.render.divergence_marks import (FACTS_PATH, NOTES_PATH, edition_line, facts_group, localized,
                                             notes_group, quotations_md, quoted)
from scripts.render.passages import passage
from scripts.render.shown import place, shown
from scripts.translation.state import block_texts

DOCUMENTS = ("summary", "report", "background", "agenda", "definitions")
_DOCUMENT_TITLES = {"summary": "nav_summary", "report": "nav_report", "background": "nav_background",
                    "agenda": "nav_agenda", "definitions": "nav_definitions", "acronyms": "nav_acronyms",
                    "series": "nav_series", "front": "nav_foreword", "council-note": "nav_council_note"}
_DOCUMENT_PAGES = {"summary": "summary.md", "background": "background.md", "agenda": "agenda.md",
                   "definitions": "definitions.md", "acronyms": "acronyms.md", "series": "series.md",
                   "front": "foreword.md", "council-note": "council-note.md"}


def kind_label(kind: str, ctx: Context) -> str:
    return ctx.md(f"note_kind_{kind}") if f"note_kind_{kind}" in ctx.ui else escape(kind)


def _editions(content: Content, ctx: Context) -> list[Edition]:
    """The reader's edition first, then the others in the order of the languages."""
    order = [ctx.lang] + [c for c in content.codes if c != ctx.lang]
    return [content.editions[c] for c in order if c in content.editions]


def _linked(title_md: str, path: str | None, anchor: str | None, ctx: Context) -> str:
    return f"[{title_md}]({ctx.link(path, anchor)})" if path else title_md


# --- what a note is about, in the reader's language ------------------------------------------


def _section_title(document, paragraph: str) -> tuple[str | None, int]:
    """The title of the section holding the paragraph, and its number within the section."""
    prefix, _, number = paragraph.rpartition("-")
    if prefix == document.id:
        return None, int(number)
    for section in document.walk():
        if section.id == prefix:
            return section.title, int(number)
    return None, int(number)


def passage_title(d: Divergence, content: Content, ctx: Context) -> str:
    """"<section>, paragraph 2", the agenda slot, or the defined term, as the reader's edition
    names it (else the reference edition, marked with its language)."""
    for edition in _editions(content, ctx):
        title = _passage_title(d, edition, ctx)
        if title:
            return title if edition.lang == ctx.lang else f'<span {lang_attrs(edition.lang, ctx.lang)}>{title}</span>'
    return escape(d.paragraph)


def _passage_title(d: Divergence, edition: Edition, ctx: Context) -> str:
    if d.document == "agenda" and edition.agenda:
        slot = next((s for _, s in edition.agenda.slots() if s.id == d.paragraph), None)
        return slot_title(slot, ctx) if slot else ""
    if d.document == "definitions" and edition.definitions:
        term = next((t for t in edition.definitions.terms if t.id == d.paragraph), None)
        return escape(term.term) if term else ""
    document = getattr(edition, d.document, None)
    if document is None or passage(edition, d.document, d.paragraph) is None:
        return ""
    section, number = _section_title(document, d.paragraph)
    name = to_markdown(section) if section else to_markdown(ctx.word(_DOCUMENT_TITLES[d.document]))
    title = ctx.md("notes_paragraph", section=name, number=str(number))
    item = _list_item(document, d, edition.lang)
    return ctx.md("notes_item", paragraph=title, number=str(item)) if item else title


def _list_item(document, d: Divergence, lang: str) -> int | None:
    """In a list (the summary's principles, the key findings), the item the quotation is from."""
    quotation = d.editions.get(lang)
    blocks = list(document.blocks) if d.paragraph.startswith(f"{document.id}-") else []
    if not blocks:
        prefix, _, _n = d.paragraph.rpartition("-")
        blocks = next((list(s.blocks) for s in document.walk() if s.id == prefix), [])
    n = int(d.paragraph.rpartition("-")[2])
    block = blocks[n - 1] if 0 < n <= len(blocks) else None
    if quotation is None or not isinstance(block, ListBlock):
        return None
    says = " ".join(quotation.says.split())
    for i, item in enumerate(block.items, start=block.start):
        texts = [item.text, *block_texts(item.blocks)]
        if any(says in " ".join(plain_text(t).split()) for t in texts):
            return i
    return None


def subject_title(res: Resolution, content: Content, ctx: Context) -> str:
    """What a note on a fact is about: the slot, the person, the acronym, the footnote…"""
    for edition in _editions(content, ctx):
        title = _subject_title(res, edition, ctx)
        if title:
            return title if edition.lang == ctx.lang else f'<span {lang_attrs(edition.lang, ctx.lang)}>{title}</span>'
    return to_markdown(ctx.word(_DOCUMENT_TITLES.get(res.subject, "nav_facts")))


def _subject_title(res: Resolution, edition: Edition, ctx: Context) -> str:
    parts = res.target.split("/")
    document = to_markdown(ctx.word(_DOCUMENT_TITLES.get(res.subject, "nav_facts")))
    agenda = edition.agenda
    if res.subject == "agenda":
        if agenda is None:
            return ""
        if parts[0] == "people" and len(parts) > 1:
            person = next((p for p in agenda.people if p.id == parts[1]), None)
            return escape(person.name) if person else ""
        if parts[0] == "header":
            return to_markdown(ctx.word("notes_header"))
        slot_id = parts[1] if len(parts) > 1 else parts[0]
        slot = next((s for _, s in agenda.slots() if s.id == slot_id), None)
        return slot_title(slot, ctx) if slot else ""
    if res.subject == "acronyms":
        acronyms = edition.acronyms
        found = next((a for a in acronyms.acronyms if a.id == parts[-1]), None) if acronyms else None
        return escape(found.abbr) if found else ""
    if len(parts) == 3 and parts[1] == "footnotes":
        return f"{document}, {ctx.md('notes_footnote', number=escape(parts[2]))}"
    if res.subject == "series":
        if len(parts) == 3 and parts[1] == "items":
            return f"{document}, {ctx.md('notes_series_item', number=escape(parts[2]))}"
        if parts[-1] == "contact":
            return f"{document}, {ctx.md('notes_series_contact')}"
        return document
    doc = getattr(edition, res.subject.replace("-", "_"), None)
    doc = doc.document if res.subject == "front" and doc is not None else doc
    if doc is not None and len(parts) == 1:
        section = next((s for s in doc.walk() if s.id == parts[0]), None)
        if section is not None and section.title:
            return to_markdown(section.title)
    return document


# --- the notes ----------------------------------------------------------------------------------


def divergence_md(d: Divergence, content: Content, ctx: Context) -> str:
    found = passage(content.editions.get(ctx.lang) or content.editions[content.reference],
                    d.document, d.paragraph) or passage(content.editions[content.reference],
                                                        d.document, d.paragraph)
    title = _linked(passage_title(d, content, ctx), found.path if found else None,
                    found.anchor if found else None, ctx)
    lines = [quotations_md(d.editions, tuple(content.codes), ctx)]
    explanation = localized(d.explanation, content.reference, ctx)
    if explanation:
        lines.append("- " + ctx.md("labelled", label=f"**{ctx.md('notes_difference')}**",
                                   value=explanation))
    return heading(3, title, d.id) + "\n\n" + "\n".join(lines)


def shown_md(res: Resolution, content: Content, ctx: Context) -> str:
    """What the page in the reader's language shows, word for word (scripts/render/shown.py)."""
    edition = content.editions.get(ctx.lang)
    values = shown(res, edition) if edition is not None else None
    if not values:
        return to_markdown(ctx.word("notes_shown_none"))
    return " / ".join(quoted(v, ctx.lang, ctx) for v in values)


def resolution_md(res: Resolution, content: Content, ctx: Context) -> str:
    where = place(res, content)
    own = content.editions.get(ctx.lang)
    # The anchor only where the reader's edition has the part (else its page, a fallback or without it).
    anchor = where.anchor if own is not None and _subject_title(res, own, ctx) else None
    title = f"{_linked(subject_title(res, content, ctx), where.path, anchor, ctx)} — {kind_label(res.kind, ctx)}"
    lines = ["- " + edition_line(lang, res.editions[lang].says, res.editions[lang].page, ctx)
             for lang in content.codes if lang in res.editions]
    lines.append("- " + ctx.md("labelled", label=f"**{ctx.md('notes_shown')}**",
                               value=shown_md(res, content, ctx)))
    why = localized(res.why, content.reference, ctx)
    if why:
        lines.append("- " + ctx.md("labelled", label=f"**{ctx.md('notes_why')}**", value=why))
    return heading(3, title, res.id) + "\n\n" + "\n".join(lines)


def _intro(key: str, other_path: str, other_title: str, ctx: Context) -> str:
    """The page's introduction, which names the other page of notes and links to it."""
    other = f"[{to_markdown(ctx.word(other_title))}]({ctx.link(other_path)})"
    return ctx.md(key, page=other)


def _group_title(key: str, subject_pages: dict[str, tuple[str, str]], ctx: Context) -> str:
    page = subject_pages.get(key)
    return f"[{escape(page[1])}]({ctx.link(page[0])})" if page else escape(key)


def _page(path: str, body: list[str], notes: list[str], source: str, title: str, description: str,
          ctx: Context) -> Page:
    """Searched by its title and introduction only: the notes quote the editions (the reader's
    own from an indexed page, the others in their languages), and their titles repeat the
    titles of the sections, slots and people they are about, which the theme boosts, so the
    page outranked the passages themselves for any word of those titles. Each note is reached
    from the passage it is about or here."""
    if notes:
        body.append(not_searched("\n\n".join(notes)))
    return Page(path=path, title=ctx.word(title), body="\n\n".join(body),
                description=ctx.word(description), sources=(source,))


def notes_page(content: Content, subject_pages: dict[str, tuple[str, str]], ctx: Context,
               path: str = NOTES_PATH) -> Page:
    """The passages where the editions differ in meaning, grouped by document in the order of
    the book. `subject_pages` maps a content file's stem to (its page, the page's title) in
    this language."""
    ctx = ctx.at(path)
    intro = [_intro("notes_intro", FACTS_PATH, "nav_facts", ctx)]
    if not content.divergences:
        intro.append(to_markdown(ctx.word("notes_none")))
    notes: list[str] = []
    for document in DOCUMENTS:
        records = [d for d in content.divergences if d.document == document]
        if records:
            notes.append(heading(2, _group_title(document, subject_pages, ctx), notes_group(document)))
            notes.extend(divergence_md(d, content, ctx) for d in records)
    return _page(path, intro, notes, "content/divergences.yml", "nav_notes", "notes_description", ctx)


def facts_page(content: Content, subject_pages: dict[str, tuple[str, str]], ctx: Context,
               path: str = FACTS_PATH) -> Page:
    """The facts on which the editions disagree, grouped by the document they are in, in the
    order of content/resolutions.yml."""
    ctx = ctx.at(path)
    intro = [_intro("facts_intro", NOTES_PATH, "nav_notes", ctx)]
    if not content.resolutions:
        intro.append(to_markdown(ctx.word("notes_none")))
    notes: list[str] = []
    for subject in dict.fromkeys(r.subject for r in content.resolutions):  # in order of first note
        notes.append(heading(2, _group_title(subject, subject_pages, ctx), facts_group(subject)))
        notes.extend(resolution_md(r, content, ctx) for r in content.resolutions if r.subject == subject)
    return _page(path, intro, notes, "content/resolutions.yml", "nav_facts", "facts_description", ctx)


def notes_anchors(content: Content) -> set[str]:
    """The anchors of the notes page (scripts/checks/anchors.py predicts links with them): each
    passage's note and each document's heading, as `notes_page` writes them."""
    return {d.id for d in content.divergences} | {notes_group(d.document) for d in content.divergences}


def facts_anchors(content: Content) -> set[str]:
    """The anchors of the facts page: each fact's note and each subject's heading, as
    `facts_page` writes them."""
    return {r.id for r in content.resolutions} | {facts_group(r.subject) for r in content.resolutions}
