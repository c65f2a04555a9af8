"""The hostile corpus (issue 10) and its one build per session, shared by tests/test_safety.py
and tests/test_safety_browser.py: every payload of PAYLOADS in every kind of text field of
every kind of content file (the fields found by walking each file along its schema), each
payload checked alone, then the accepted ones, all together, built once."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scripts import config
from scripts.catalogue import BY_STEM
from scripts.checks.gate import gate
from scripts.content.text import CODE, kinds
from scripts.content.yaml_source import read_yaml

MARK = "pwned"
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    "<img src=x onerror=window.__pwned=1 ",  # a tag with no closing >
    "<svg/onload=window.__pwned=1",
    '" onmouseover="window.__pwned=1" data-pwned="',  # attribute breakouts
    "' onmouseover='window.__pwned=1' data-pwned='",
    "[entity](javascript&colon;window.__pwned=1)",  # encoded and mixed-case schemes
    "[percent](javascript%3Awindow.__pwned=1)",
    "[mixed](JaVaScRiPt:window.__pwned=1)",
    "[tab](java&#x09;script:window.__pwned=1)",
    "[data](data:text/html;base64,PHNjcmlwdD4=)",
    "<javascript:window.__pwned=1>",  # autolinks
    "<https://evil.example/pwned>",
    "https://evil.example/pwned\"onmouseover=\"window.__pwned=1",
    "x\n[r]: javascript:window.__pwned=1\n*[HTML]: pwned\n",  # newlines with definitions
    "<!-- pwned comment",  # an unclosed comment
    "![pwned](https://evil.example/pwned.png)",  # an external image
    "{{ config.site_name }}{% if true %}pwned{% endif %}",  # template syntax
    '{: onclick="window.__pwned=1" }',
    "</title><script>window.__pwned=1</script>",
    "&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;",
    '<a href="javascript:window.__pwned=1">pwned</a>',
    "<style>body{background:url(https://evil.example/pwned.png)}</style>",
)


# --- the fields: every kind of text field of every kind of file, from the schemas ---------------


def schema_kind(path: str) -> str:
    name = Path(path).stem
    if name in ("languages", "resolutions", "divergences"):
        return name
    return BY_STEM[name].schema


def field_pattern(path: tuple) -> tuple:
    """A field's place without list positions and the keys of free-form mappings (footnote
    numbers, language codes, interface-word keys): ("sections", "*", "blocks", "*", "text")."""
    out = []
    for i, part in enumerate(path):
        free = (isinstance(part, int) or part.isdigit() or (i and path[i - 1] in ("shown", "why", "editions", "explanation", "supplied")))
        out.append("*" if free else part)
    return tuple(out)


def text_fields(root: Path) -> dict[str, list[tuple[tuple, str]]]:
    """File -> the first occurrence of each text field (path into its data, kind), for every
    content file: each field of each schema that the content uses."""
    out: dict[str, list[tuple[tuple, str]]] = {}
    for file in sorted((root / "content").rglob("*.yml")):
        located, problems = read_yaml(file, root)
        assert located is not None and not problems
        seen: set[tuple] = set()
        fields = []
        for path, kind in kinds(located.data, schema_kind(located.path)):
            pattern = field_pattern(path) if not located.path.endswith("/ui.yml") else path
            if kind == CODE or pattern in seen:
                continue
            seen.add(pattern)
            fields.append((path, kind))
        out[located.path] = fields
    return out


def value_at(data, path):
    for part in path:
        data = data[part]
    return data


def _set(data, path, value):
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def write_content(root: Path, target: Path, values: dict[str, dict[tuple, str]]) -> dict[str, dict[tuple, int]]:
    """A copy of the content in which the given fields hold the given text; returns the line
    of each such field in the written files."""
    shutil.copytree(root / "content", target / "content")
    lines: dict[str, dict[tuple, int]] = {}
    for rel, fields in values.items():
        file = target / rel
        located, _ = read_yaml(file, target)
        data = copy.deepcopy(located.data)
        for path, text in fields.items():
            _set(data, path, text)
        header = f"# yaml-language-server: $schema={_schema_ref(rel)}\n"
        file.write_text(header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                                                width=10**9), encoding="utf-8")
        written, problems = read_yaml(file, target)
        assert written is not None and not problems, problems
        lines[rel] = {path: written.line(path) for path in fields}
    return lines


def _schema_ref(rel: str) -> str:
    depth = rel.count("/")
    return "../" * depth + f"schemas/{schema_kind(rel)}.schema.json"


@dataclass
class Hostile:
    root: Path  # the project copy that was built
    site: Path
    accepted: dict[str, dict[tuple, list[str]]]  # file -> field -> payloads accepted there
    refused: int


def _errors_by_line(root: Path) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for problem in gate(root).problems:
        if problem.severity == "error":
            out.setdefault(problem.path, set()).add(problem.line)
    return out


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Hostile:
    """Each payload in every text field (one content copy per payload, checked), then the
    accepted ones, all together, built once."""
    fields = text_fields(config.ROOT)
    accepted: dict[str, dict[tuple, list[str]]] = {rel: {p: [] for p, _ in f} for rel, f in fields.items()}
    refused = 0
    for n, payload in enumerate(PAYLOADS):
        target = tmp_path_factory.mktemp(f"payload{n}")
        originals = {rel: {p: value_at(read_yaml(config.ROOT / rel, config.ROOT)[0].data, p) for p, _ in f}
                     for rel, f in fields.items()}
        values = {rel: {p: f"{text} {payload}" for p, text in f.items()} for rel, f in originals.items()}
        lines = write_content(config.ROOT, target, values)
        errors = _errors_by_line(target)
        field_lines = {(rel, line) for rel, by_path in lines.items() for line in by_path.values()}
        for rel, found in errors.items():
            for line in found:
                assert (rel, line) in field_lines, (
                    f"payload {payload!r}: an error at {rel}:{line}, which holds no payload "
                    "(a refusal must name the field's line)")
        for rel, by_path in lines.items():
            for path, line in by_path.items():
                if line in errors.get(rel, set()):
                    refused += 1
                else:
                    accepted[rel][path].append(payload)
    # Everything accepted, in one build of a copy of the project.
    project = tmp_path_factory.mktemp("hostile-project")
    values = {}
    for rel, by_path in accepted.items():
        data = read_yaml(config.ROOT / rel, config.ROOT)[0].data
        values[rel] = {p: " ".join([value_at(data, p), *payloads]) for p, payloads in by_path.items()}
    write_content(config.ROOT, project, values)
    assert not _errors_by_line(project), "the payloads check accepted one by one are refused together"
    for name in ("mkdocs.yml",):
        shutil.copy(config.ROOT / name, project / name)
    for name in ("scripts", "overrides", "schemas"):
        (project / name).symlink_to(config.ROOT / name, target_is_directory=True)
    (project / "docs").mkdir()
    site = project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "http://127.0.0.1:8000/"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"the hostile build failed:\n{result.stderr[-6000:]}"
    return Hostile(project, site, accepted, refused)
