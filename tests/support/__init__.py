"""What the tests share, and nothing a test module defines: a test module imports helpers from
here (or fixtures from tests/conftest.py), never from another test module.

- `project`: copies of the project (the real one, or the small fixture content) for a build or a
  `python -m scripts …` run; no pytest here, the benchmarks use it too.
- `pages`: the real site built once per session, and each built page parsed.
- `serving`: a folder served over HTTP on a free local port.
- `hostile`: the hostile corpus and its one build (issue 10).
- `markdown`: the site's Markdown converter, as mkdocs.yml configures it.

The browser (one headless Chromium per session) is `tests/browser_support.py`.
"""
