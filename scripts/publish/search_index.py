"""One search index per language, so that a reader searching a French page finds French pages.

The theme's search (Material) reads one index, `search/search_index.json`, merged by
mkdocs-static-i18n from every language. This splits it: each language root gets its own
`<root>search/search_index.json` (and `search_index.js`, which the theme loads instead when
the site is opened from `file://`), holding only that language's pages with locations
relative to that root, and that language's stemmer. overrides/main.html points each
page's search at its language root.

Stemming: Material's search worker loads lunr-languages' stemmer for each code in the index's
`lang` (`assets/javascripts/lunr/min/lunr.<code>.min.js`, shipped with the theme, so served by
the site itself) and then *removes* every pipeline step not listed in `pipeline`. The theme's
default pipeline is English's `stopWordFilter` alone, for every language, which would drop the
French and Spanish stemmers ("retours" would not find "retour"). Each language's index
therefore lists the whole pipeline.

Elisions: a language whose words take an elided article or pronoun ("l'OIM", "d'origine",
"qu'il") lists those in its index (`elisions`); the site's worker
(overrides/assets/javascripts/workers/search.js) strips them from indexed and typed words
alike, so "origine" finds "d'origine" and "OIM" finds every "l'OIM". It also folds accents for
matching ("developpement" finds "développement"), in every language.

What is searched (issue 12: each index at most 45 kB gzip, fetched when search opens). An index
holds the publication's own text in the reader's language, each passage once, where it stands.
Shown on the pages but left out (`not_searched` in scripts/render/common.py, Material's
`data-search-exclude`):
- the note under a passage where the editions differ ("The editions differ here"): it quotes
  the other editions, in their languages, and a search for the passage's words finds the
  passage, where the note opens;
- the notes of the two pages of notes on the editions (notes.md, the passages where they
  differ in meaning; facts.md, the facts on which they disagree), each page searched by its
  title and introduction only: the notes quote the editions (the reader's own from a page
  that is indexed, the others in their languages), and their titles repeat the titles of the
  sections, slots and people they are about, which the theme boosts a thousandfold: the
  notes page came second for "diaspora", "reintegration" or "Moldova", above the passages
  themselves. A note is reached from the passage it is about (the marker under it, or the
  note where the site supplies what an edition lacks) or on its page;
- the glossary's "sections that use this term" lists and the home page's list of parts:
  titles of other sections and pages, each indexed where it stands (the lists made the
  definitions page match every word of 31 section titles);
- as before: the paragraph marks, the side-by-side link, the originals shown on fallback
  pages, the side-by-side views, the print edition and the translation status page.
Kept: the notice of a fallback page ("not yet translated"), in the reader's language, so that
a search for that document finds the page that says where it is; the people page, whose
entries (a name, its role and sessions, in the reader's language) are what a search for a
name should show, though the agenda lists the same speakers.
The text that remains is the publication's, shown in results as the page shows it: no word
is dropped or rewritten to make the index smaller (each edition keeps its own wording). The
French and Spanish texts alone gzip to more than 45 kB (benchmarks/search_index_size.py, its
"words alone" column), so those two indexes stay above the goal rather than lose part of the
book.

Stored compactly (`compact`): entries grouped by page, in their order, each `[anchor, title,
text]`, locations relative to the page, a title equal to the page's written `0`, an empty text
left off. The site's worker turns that back into the theme's entries (`expand`, mirrored in
JavaScript) before the theme reads them, so ranking and snippets are the theme's own.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = "search/search_index.json"
OFFLINE_INDEX = "search/search_index.js"
PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]  # the worker keeps only the steps listed
# Elided words (before an apostrophe) per language, as Lucene's French ElisionFilter lists them.
ELISIONS = {
    "fr": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
    "it": ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
           "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"],
    "ca": ["d", "l", "m", "n", "s", "t"],
}


def split_documents(index: dict, roots: dict[str, str]) -> dict[str, dict]:
    """The index of each language. `roots`: language -> its root ("" for the default
    language, "fr/" for French); a document belongs to the language whose root is the
    longest prefix of its location."""
    by_length = sorted(roots.items(), key=lambda item: len(item[1]), reverse=True)
    docs: dict[str, list[dict]] = {code: [] for code in roots}
    titles = {doc.get("location"): doc.get("title") for doc in index.get("docs", [])
              if "#" not in doc.get("location", "#")}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        if _emptied(doc, titles):
            continue
        code, root = next((c, r) for c, r in by_length if location.startswith(r))
        docs[code].append({**doc, "location": location[len(root):]})
    default = next((c for c, r in roots.items() if r == ""), None)
    if default is not None:
        heads = {doc["location"]: doc for doc in docs[default] if "#" not in doc["location"]}
        for code in roots:
            if code != default:
                docs[code] = _with_page_entries(docs[code], heads)
    config = index.get("config", {})
    known = config.get("lang", [])
    out = {}
    for code in roots:
        if code in known:  # lunr-languages has a stemmer for it
            settings = {"lang": [code], "pipeline": PIPELINE, "elisions": ELISIONS.get(code, [])}
        else:  # no stemmer: whole words only (lunr's English trimmer would cut accented letters)
            settings = {"lang": ["en"], "pipeline": [], "elisions": ELISIONS.get(code, [])}
        out[code] = {"config": {**config, **settings}, "docs": docs[code]}
    return out


def _with_page_entries(docs: list[dict], default_heads: dict[str, dict]) -> list[dict]:
    """The entries of a language, each page's own entry back before its sections where
    mkdocs-static-i18n dropped it (`reconfigure_search` removes an entry whose title and text
    equal the default language's at the same place: a French "Introduction" page). Without it
    the theme ranks the page's first section as the page, boosted above other pages' sections."""
    out: list[dict] = []
    present = {doc["location"] for doc in docs}
    for doc in docs:
        page = doc["location"].split("#", 1)[0]
        if page not in present and page in default_heads:
            out.append(dict(default_heads[page]))
            present.add(page)
        out.append(doc)
    return out


def _emptied(doc: dict, page_titles: dict[str, str]) -> bool:
    """A section whose heading and text were left out of the index (`data-search-exclude`:
    the original of a fallback page, in another language; the notes): the theme keeps it,
    empty, under the page's title."""
    location = doc.get("location", "")
    page = location.split("#", 1)[0]
    return ("#" in location and not doc.get("text", "").strip()
            and doc.get("title") == page_titles.get(page))


def compact(docs: list[dict]) -> list:
    """The theme's entries, grouped by page in their order: `[path, [entry, …]]`, each entry
    `[anchor, title, text]` ("" anchor: the page itself; title `0`: the page's title; an empty
    text left off). An entry with more than location, title and text (tags, boost) stays whole."""
    pages: list = []
    for doc in docs:
        path, _, anchor = doc["location"].partition("#")
        if not pages or pages[-1][0] != path:
            pages.append([path, []])
        entries = pages[-1][1]
        if set(doc) - {"location", "title", "text"} or ("#" in doc["location"] and not anchor):
            entries.append(doc)
            continue
        first = entries[0] if entries else None
        page_title = first[1] if isinstance(first, list) else first.get("title") if first else None
        entry = [anchor, 0 if entries and doc["title"] == page_title else doc["title"]]
        if doc.get("text"):
            entry.append(doc["text"])
        entries.append(entry)
    return pages


def expand(pages: list) -> list[dict]:
    """The theme's entries from `compact`'s (the worker does the same in JavaScript)."""
    docs = []
    for path, entries in pages:
        page_title = None
        for entry in entries:
            if isinstance(entry, dict):
                doc = entry
            else:
                anchor, title, *text = entry
                doc = {"location": f"{path}#{anchor}" if anchor else path,
                       "title": page_title if title == 0 else title, "text": text[0] if text else ""}
            if page_title is None:
                page_title = doc.get("title")
            docs.append(doc)
    return docs


def read_entries(data: str) -> list[dict]:
    """The theme's entries of a written index (`search_index.json`, or the offline
    `search_index.js`)."""
    return expand(json.loads(data[data.index("{"):])["docs"])


def write_language_indexes(site: Path, roots: dict[str, str], offline: bool) -> list[Path]:
    """Replace the merged index under `site` by one index per language. Returns the files
    written; nothing when the site has no index."""
    merged = site / INDEX
    if not merged.is_file():
        return []
    written = []
    for code, index in split_documents(json.loads(merged.read_text(encoding="utf-8")), roots).items():
        data = json.dumps({**index, "docs": compact(index["docs"])}, ensure_ascii=False,
                          separators=(",", ":"))
        target = site / roots[code] / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data, encoding="utf-8")
        written.append(target)
        if offline:
            script = site / roots[code] / OFFLINE_INDEX
            script.write_text(f"var __index = {data}", encoding="utf-8")
            written.append(script)
    return written
