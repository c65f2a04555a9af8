"""The offline archive: a reproducible zip of a built site, and file sizes written into pages.

Engine-neutral: it works on folders and HTML text. Pages carry an empty size slot
(`size_slot`) where the size of a download belongs; once the file exists, `fill_sizes`
writes its size, formatted for the page's locale, into every slot. The zip never contains the
pages that state its own size, so the size is exact and nothing is circular.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from babel.units import format_unit

# Every entry gets this timestamp (the earliest a zip can hold) and these permissions: the
# same tree always gives the same bytes, whatever the files' times or the umask.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644 << 16

_SLOT = re.compile(r'<span class="download-size" data-size-of="([^"]+)" data-locale="([^"]+)"></span>')


def make_zip(tree: Path, target: Path, root_name: str, exclude: tuple[str, ...] = ()) -> Path:
    """Zip every file under `tree` into `target`, inside a folder `root_name`: sorted paths,
    fixed dates and modes, so the bytes depend only on the files' paths and contents.
    `exclude`: path prefixes (relative to `tree`, POSIX) left out."""
    # Sorted as the paths are written ("print.html" before "print/2.html"), not by parts.
    files = sorted((p for p in tree.rglob("*") if p.is_file()), key=lambda p: p.relative_to(tree).as_posix())
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for file in files:
            relative = file.relative_to(tree).as_posix()
            if relative.startswith(exclude):
                continue
            info = zipfile.ZipInfo(f"{root_name}/{relative}", date_time=ZIP_DATE)
            info.external_attr = FILE_MODE
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            archive.writestr(info, file.read_bytes(), compresslevel=9)
    partial.replace(target)  # never a half-written archive under the real name
    return target


def human_size(size: int, locale: str) -> str:
    """A file size as a reader of `locale` writes it: "5.8 MB", "5,8 Mo", "580 kB"."""
    if size < 1_000_000:
        return format_unit(max(1, round(size / 1000)), "digital-kilobyte", length="short", locale=locale)
    return format_unit(size / 1_000_000, "digital-megabyte", length="short", locale=locale,
                       format="#,##0.0")


def size_slot(file_name: str, locale: str) -> str:
    """The empty element a page holds where the size of `file_name` goes."""
    return (f'<span class="download-size" data-size-of="{html.escape(file_name)}" '
            f'data-locale="{html.escape(locale)}"></span>')


def fill_sizes(site: Path, files: dict[str, Path]) -> int:
    """Write the size of each file of `files` (name -> path) into every slot naming it, in
    every HTML page under `site`. Slots of files that do not exist stay empty. Returns the
    number of pages changed."""
    sizes = {name: path.stat().st_size for name, path in files.items() if path.is_file()}

    def filled(match: re.Match) -> str:
        name, locale = html.unescape(match.group(1)), html.unescape(match.group(2))
        if name not in sizes:
            return match.group(0)
        return match.group(0).replace("></span>", f">{html.escape(human_size(sizes[name], locale))}</span>")

    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = _SLOT.sub(filled, text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    return changed
