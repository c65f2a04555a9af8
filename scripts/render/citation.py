"""How to cite the publication: the reference shown on each language's home page, and the same
reference as files for reference managers (BibTeX, RIS, CSL-JSON).

Pure functions from one language's front matter (title, series, number, publisher, year) and
the address of that language's home page: nothing is added that the edition does not print
(no author: the book names none).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from scripts.content.inline import plain_text
from scripts.content.models import Front

NAME = "return-migration-idm15"  # the downloads' common stem (scripts/publish/downloads.py)
FORMATS = ("bib", "ris", "json")  # BibTeX, RIS, CSL-JSON
LABELS = {"bib": "BibTeX", "ris": "RIS", "json": "CSL-JSON"}


@dataclass(frozen=True)
class Reference:
    lang: str
    title: str
    series: str
    number: int
    publisher: str
    year: int
    url: str  # the home page of this language's edition ("" when unknown)

    @classmethod
    def of(cls, front: Front, lang: str, url: str) -> "Reference":
        return cls(lang, plain_text(front.title), plain_text(front.series), front.number,
                   plain_text(front.publisher), front.year, url)

    @property
    def key(self) -> str:
        return f"idm{self.number}-{self.year}-{self.lang}"


def file_name(lang: str, extension: str) -> str:
    return f"{NAME}-{lang}.{extension}"


_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_~^])")


def _bib(text: str) -> str:
    def escaped(match: re.Match) -> str:
        char = match.group(1)
        return {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}.get(
            char, "\\" + char)

    return _BIBTEX_SPECIAL.sub(escaped, text)


def bibtex(ref: Reference) -> str:
    fields = [("title", "{" + _bib(ref.title) + "}"), ("series", _bib(ref.series)),
              ("number", str(ref.number)), ("publisher", _bib(ref.publisher)),
              ("year", str(ref.year)), ("language", ref.lang)]
    if ref.url:
        fields.append(("url", _bib(ref.url)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@book{{{ref.key},\n{body}\n}}\n"


def _ris(text: str) -> str:
    return " ".join(text.split())  # one line per tag


def ris(ref: Reference) -> str:
    lines = [("TY", "BOOK"), ("TI", ref.title), ("T3", ref.series), ("VL", str(ref.number)),
             ("PB", ref.publisher), ("PY", str(ref.year)), ("LA", ref.lang)]
    if ref.url:
        lines.append(("UR", ref.url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {_ris(value)}\r\n" for tag, value in lines)


def csl_json(ref: Reference) -> str:
    item = {"id": ref.key, "type": "book", "title": ref.title, "collection-title": ref.series,
            "collection-number": str(ref.number), "publisher": ref.publisher,
            "issued": {"date-parts": [[ref.year]]}, "language": ref.lang}
    if ref.url:
        item["URL"] = ref.url
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


WRITERS = {"bib": bibtex, "ris": ris, "json": csl_json}


def files(ref: Reference) -> dict[str, str]:
    """File name -> text, for each format."""
    return {file_name(ref.lang, extension): WRITERS[extension](ref) for extension in FORMATS}
