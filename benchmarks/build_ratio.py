"""The cost of our own pipeline: a full clean `mkdocs build --strict` of the site (in a copy
of the project with an empty download cache), against a plain Material + mkdocs-static-i18n
build of the very Markdown our hook generates (written out by this script: the hook keeps it
in memory), measured in the same run. The plain build has the same theme, plugins (search, i18n) and
Markdown extensions, and no hook: no loading or checking of the YAML, no rendering, no
per-language search indexes, print editions, PDFs or offline archive.

    python benchmarks/build_ratio.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.support.project import project_copy  # noqa: E402  (also the tests')




def timed(command: list[str], cwd: Path, env_extra: dict[str, str] | None = None) -> float:
    env = {key: value for key, value in os.environ.items() if key != "SITE_OFFLINE"}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(env_extra or {})})  # after: SITE_OFFLINE stays when asked
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start



def generated_markdown(docs: Path) -> None:
    """The Markdown the hook renders, written out as docs/<lang>/<path>."""
    sys.path.insert(0, str(ROOT))
    from scripts.checks.gate import gate
    from scripts.plan.markdown_tree import pages_markdown
    from scripts.plan.site import plan
    from scripts.plan.write import write_site
    from scripts.translation.status import translation_of

    gated = gate(ROOT)
    content = gated.content()
    site = plan(content, translation_of(content, gated.loaded.files))
    write_site(pages_markdown(site), docs)


def plain_project(target: Path) -> Path:
    """The generated Markdown with an mkdocs.yml of the same theme, plugins and extensions,
    the languages written out, and no hook."""
    languages = yaml.safe_load((ROOT / "content" / "languages.yml").read_text(encoding="utf-8"))
    entries, reference = languages["languages"], languages["reference"]
    generated_markdown(target / "docs")
    config = {
        "site_name": "Plain", "docs_dir": "docs", "use_directory_urls": True,
        "theme": {"name": "material", "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "folder", "fallback_to_default": False,
                                        "languages": [{"locale": e["code"], "name": e.get("name", e["code"]),
                                                       "default": e["code"] == reference, "build": True}
                                                      for e in entries]}}],
        "markdown_extensions": ["attr_list", "md_in_html", "footnotes", "abbr", "admonition",
                                "sane_lists", "tables", "pymdownx.details", {"toc": {"permalink": True}}],
    }
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ours, plain, pages_only = [], [], []
    with tempfile.TemporaryDirectory(prefix="build-ratio-") as temp:
        for run in range(args.runs):
            project = project_copy(Path(temp) / f"ours-{run}")  # an empty download cache
            site = Path(temp) / f"site-{run}"
            ours.append(timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                               "--site-dir", str(site)], project))
            # Ours without the downloads (the offline copy's build: pages, indexes, print editions).
            pages_only.append(timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                                     "--site-dir", str(site) + "-pages"], project, {"SITE_OFFLINE": "true"}))
            assert not (Path(str(site) + "-pages") / "downloads").exists(), "the pages-only build made downloads"
            project = plain_project(Path(temp) / f"plain-{run}")
            plain.append(timed([sys.executable, "-m", "mkdocs", "build", "--quiet"], project))
    ours_m, plain_m, pages_m = (statistics.median(x) for x in (ours, plain, pages_only))
    print(f"our full build (pages, PDFs, offline archive): median {ours_m:.1f} s  {[round(x, 1) for x in ours]}")
    print(f"our pages only (no PDFs, no archive):          median {pages_m:.1f} s  {[round(x, 1) for x in pages_only]}")
    print(f"plain Material + i18n, same Markdown:          median {plain_m:.1f} s  {[round(x, 1) for x in plain]}")
    print(f"ratio full / plain: {ours_m / plain_m:.1f}x; pages only / plain: {pages_m / plain_m:.1f}x")


if __name__ == "__main__":
    main()
