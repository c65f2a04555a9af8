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


def _emptied(doc: dict, page_titles: dict[str, str]) -> bool:
    """A section whose text was left out of the index (`data-search-exclude`: the original of
    a fallback page, in another language): the theme keeps it, empty, under the page's title."""
    location = doc.get("location", "")
    page = location.split("#", 1)[0]
    return ("#" in location and not doc.get("text", "").strip()
            and doc.get("title") == page_titles.get(page))


def write_language_indexes(site: Path, roots: dict[str, str], offline: bool) -> list[Path]:
    """Replace the merged index under `site` by one index per language. Returns the files
    written; nothing when the site has no index."""
    merged = site / INDEX
    if not merged.is_file():
        return []
    written = []
    for code, index in split_documents(json.loads(merged.read_text(encoding="utf-8")), roots).items():
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        target = site / roots[code] / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(data, encoding="utf-8")
        written.append(target)
        if offline:
            script = site / roots[code] / OFFLINE_INDEX
            script.write_text(f"var __index = {data}", encoding="utf-8")
            written.append(script)
    return written
