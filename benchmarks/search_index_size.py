"""The size of each language's search index (scripts/publish/search_index.py), raw and gzipped (as
a host serves it), with its number of entries; their sum is about what the one index that
mkdocs-static-i18n merges from every language would weigh, fetched by every page. The offline
copy's `search_index.js` holds the same index as a script.

The next column is the same index with the HTML markup taken out of its texts (what the
markup costs; the theme cuts snippets by it, so it stays). Then a floor: the gzip of the
index's words alone (titles and texts, markup and JSON removed, whitespace collapsed, gzip
-9): no index served as gzipped text that finds the same pages and shows the same snippets
weighs less. The last column is what a format of its own would reach, one a worker would
have to decode: every string of the index (locations, titles, texts with their markup) cut
into words, spaces and tags, each numbered against a vocabulary sorted by frequency (one
byte for the 192 commonest, two for the others; the space between two words implied),
vocabulary and numbers gzipped -9 together. Goal (issue 12): at most 45 kB gzip per language.

    python benchmarks/search_index_size.py               # builds the pages into a temporary folder
    python benchmarks/search_index_size.py --site site/  # a site already built
"""

from __future__ import annotations

import argparse
import collections
import gzip
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts import config  # noqa: E402
from scripts.content.load import read_content  # noqa: E402
from scripts.publish.search_index import INDEX, compact, read_entries  # noqa: E402


_TOKEN = re.compile(r"\w+|<[^>]+>|\s+|[^\w\s<]|<")


def recoded_size(pages: list) -> int:
    """Every string of a compact index numbered against a vocabulary, gzipped (see above)."""
    strings: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            strings.append(value)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(pages)
    streams = []
    for text in strings:
        tokens = _TOKEN.findall(text)
        streams.append([t for i, t in enumerate(tokens)  # a single space between two words: implied
                        if not (t == " " and 0 < i < len(tokens) - 1 and tokens[i - 1][0].isalnum()
                                and tokens[i + 1][0].isalnum())])
    counts = collections.Counter(t for stream in streams for t in stream)
    number = {token: n for n, (token, _) in enumerate(counts.most_common())}

    def code(n: int) -> bytes:
        return bytes([n]) if n < 192 else bytes([192 + (n - 192) // 256, (n - 192) % 256])

    body = b"\xff".join(b"".join(code(number[t]) for t in stream) for stream in streams)
    vocabulary = "\x00".join(token for token, _ in counts.most_common()).encode()
    return len(gzip.compress(vocabulary + b"\x00\x00" + body, 9, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    content = read_content(config.ROOT).content
    with tempfile.TemporaryDirectory(prefix="index-size-") as temp:
        site = args.site
        if site is None:  # the offline copy's build: the same pages, no PDFs (faster)
            site = Path(temp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_OFFLINE": "true"}
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
                           cwd=config.ROOT, env=env, check=True)
        total_raw = total_docs = 0
        print(f"{'language':<10}{'entries':>9}{'bytes':>12}{'gzip':>10}{'no markup, gzip':>18}"
              f"{'words alone, gzip':>20}{'recoded, gzip':>16}")
        heaviest = 0
        for language in content.languages:
            root = "" if language.code == content.reference else f"{language.code}/"
            data = (site / root / INDEX).read_bytes()
            entries = read_entries(data.decode("utf-8"))
            docs = len(entries)
            words = re.sub(r"\s+", " ", " ".join(html.unescape(re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}"))
                                                  for doc in entries))
            total_raw += len(data)
            total_docs += docs
            floor = len(gzip.compress(words.encode(), 9, mtime=0))
            bare = [{**doc, "text": re.sub(r"<[^>]+>", " ", doc["text"])} for doc in entries]
            unmarked = json.dumps({**json.loads(data), "docs": compact(bare)}, ensure_ascii=False,
                                  separators=(",", ":")).encode()
            size = len(gzip.compress(data, 6, mtime=0))
            heaviest = max(heaviest, size)
            print(f"{language.code:<10}{docs:>9}{len(data):>12,}{size:>10,}"
                  f"{len(gzip.compress(unmarked, 6, mtime=0)):>18,}{floor:>20,}"
                  f"{recoded_size(json.loads(data)['docs']):>16,}")
        print(f"{'all (sum)':<10}{total_docs:>9}{total_raw:>12,}   (what one merged index would weigh, about)")
        print(f"heaviest index {heaviest:,} bytes gzip: goal (45,000) {'met' if heaviest <= 45_000 else 'NOT met'}")


if __name__ == "__main__":
    main()
