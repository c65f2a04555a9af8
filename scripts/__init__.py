"""Build scripts: the YAML content made into the site, in stages, one package each.

    content/      read content/ into typed, frozen models (YAML with positions, schema messages)
    checks/       every problem of the content, with file:line:column and what to do (`gate`)
    translation/  what each language has translated, what is outdated or missing (typed units)
    plan/         which pages exist in which language (the catalogue of document kinds), the
                  reading aids that join them, and the Markdown tree
    render/       pure functions from models to Markdown pages
    publish/      what follows the HTML: sanitizing, search indexes, print editions, books,
                  downloads, the offline archive
    engine/       the only code that knows MkDocs, Material and mkdocs-static-i18n
    editors/      tools for editors and translators (new languages, coverage of the sources)

`config.py` is the one home of every setting; `problems.py` the shape of every message;
`__main__.py` the command line (`python -m scripts …`).
"""
