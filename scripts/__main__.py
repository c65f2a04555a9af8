"""One entry point: `python -m scripts <command>`.

  check          validate every content file and compare the languages; exit 1 on any error
  status         translation status per language and per file
  translate      create content/<lang>/<file>.yml, a copy of the original ready to translate
  new-language   create content/<code>/ from the reference language and declare the language
  coverage       show how much of each source edition the YAML holds, and what is missing
  render         write the site's Markdown (every page of every language) without MkDocs
"""

from __future__ import annotations

import argparse
import sys

from scripts import config


def run_check(args: argparse.Namespace) -> int:
    from scripts.checks.gate import gate

    problems = gate(config.ROOT).problems
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)" if problems else "content OK: no problems found",
          file=sys.stderr)
    return 1 if errors else 0


def run_status(args: argparse.Namespace) -> int:
    from scripts.content.load import read_content
    from scripts.translation.status import format_changes, format_table, status

    loaded = read_content(config.ROOT)
    if loaded.content is None or loaded.errors:
        for problem in loaded.errors:
            print(problem)
        print("fix these errors first (python -m scripts check)", file=sys.stderr)
        return 1
    names = {language.code: language.name for language in loaded.content.languages}
    if args.lang and args.lang not in names:
        print(f"error: '{args.lang}' is not declared in content/languages.yml "
              f"({', '.join(names)})", file=sys.stderr)
        return 1
    rows = [row for row in status(loaded.content, loaded.files) if args.lang in (None, row.lang)]
    print(format_table(rows, names))
    changes = format_changes(loaded.content, loaded.files, only=args.lang)
    if changes:
        print("\n" + changes)
    return 0


def run_new_language(args: argparse.Namespace) -> int:
    from scripts.editors.newlang import NewLanguageError, new_language

    try:
        written = new_language(config.ROOT, args.code)
    except NewLanguageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path in written[:-1]:
        print(f"created {path.relative_to(config.ROOT).as_posix()}")
    print(f"declared '{args.code}' in {written[-1].relative_to(config.ROOT).as_posix()} "
          "(check its name there)")
    print(f"\nEvery page of the site now exists in '{args.code}', showing the original text until it "
          "is translated.\nTranslate the files one by one (delete each `untranslated: true` line "
          "you translate);\n`python -m scripts status` shows what is left.")
    return 0


def run_translate(args: argparse.Namespace) -> int:
    from scripts.editors.newlang import NewLanguageError, translate_file

    try:
        written = translate_file(config.ROOT, args.lang, args.file.removesuffix(".yml"))
    except NewLanguageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    relative = written.relative_to(config.ROOT).as_posix()
    print(f"created {relative}: every part is marked `untranslated: true` and shows the original "
          "text until you translate it.\nTranslate a part, delete its `untranslated: true` line, "
          "then run `python -m scripts check`.")
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    from scripts.content.load import read_content
    from scripts.editors.coverage import council_note_report, edition_report, seed_lines

    loaded = read_content(config.ROOT)  # coverage needs readable files, not a clean check
    for problem in loaded.errors:
        print(problem, file=sys.stderr)
    content = loaded.content
    if content is None:
        return 1
    seeds = seed_lines(config.PUBLICATION_SEED)
    reports = []
    for language in content.languages:
        edition = content.editions.get(language.code)
        if edition is None or language.code not in config.EDITION_LINES:
            continue
        if args.lang and language.code != args.lang:
            continue
        reports.append(edition_report(edition, language.locale, seeds))
        if edition.council_note:
            reports.append(council_note_report(edition, seed_lines(config.COUNCIL_NOTE_SEED)))
    failed = False
    for report in reports:
        missing_words = report.total - report.held
        print(f"{report.name}: {report.share:.2%} of {report.total:,} source words held "
              f"({missing_words} missing in {len(report.missing)} places; "
              f"{len(report.extra)} YAML passages not in the source)")
        if args.details:
            for line, text in report.missing:
                print(f"  missing, source line {line}: {text}")
            for text in report.extra:
                print(f"  not in the source: {text}")
        failed |= report.share < config.COVERAGE_TARGET
    return 1 if failed else 0


def run_render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from scripts.plan.markdown_tree import render

    out = Path(args.out).resolve()
    errors, written = render(config.ROOT, out)
    for error in errors:
        print(error)
    if errors:
        print(f"{len(errors)} error(s): nothing written; fix them (python -m scripts check)", file=sys.stderr)
        return 1
    print(f"{len(written)} file(s) written under {out} (unchanged files left as they were)", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the content; exit 1 on any error")
    status = commands.add_parser("status", help="translation status per language and per file, "
                                 "and what changed in the original of each outdated part")
    status.add_argument("lang", nargs="?", help="only this language, such as fr")
    translate = commands.add_parser("translate", help="create content/<lang>/<file>.yml ready to translate")
    translate.add_argument("lang", help="the language code, such as fr")
    translate.add_argument("file", help="the file, such as series (content/<lang>/series.yml)")
    new = commands.add_parser("new-language", help="create content/<code>/ ready to translate")
    new.add_argument("code", help="the language code (ISO 639-1), such as pt")
    coverage = commands.add_parser("coverage", help="share of each source edition the YAML holds")
    coverage.add_argument("--lang", help="only this language")
    coverage.add_argument("--details", action="store_true", help="list what is missing")
    render = commands.add_parser("render", help="write every page's Markdown and languages.yml "
                                 "(what any engine needs), without MkDocs")
    # Not docs/: MkDocs would copy languages.yml into the site and serve would watch the files.
    render.add_argument("--out", default=str(config.ROOT / "build" / "markdown"),
                        help="the folder to write into (default: build/markdown/)")
    args = parser.parse_args(argv)
    handlers = {"check": run_check, "status": run_status, "new-language": run_new_language,
                "translate": run_translate, "coverage": run_coverage, "render": run_render}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
