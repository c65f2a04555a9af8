"""The layout of scripts/ as ARCHITECTURE.md draws it: each package imports only the packages
of the stages below it (no cycle, no stage reaching up), and only the engine knows MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

from scripts import config

SCRIPTS = config.ROOT / "scripts"
# From the bottom up; a package may import its own modules and those of lower layers only.
LAYERS = (
    {"catalogue", "config", "problems"},
    {"content"},
    {"translation"},
    {"render"},
    {"checks", "editors"},
    {"plan"},
    {"publish", "__main__"},
    {"engine"},
)
ENGINE_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n", "jinja2"}


def _layer(unit: str) -> int:
    return next(i for i, names in enumerate(LAYERS) if unit in names)


def _unit(path: Path) -> str:
    """The package (or top-level module) a file of scripts/ belongs to."""
    relative = path.relative_to(SCRIPTS)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}:{node.lineno}: a relative import; import from scripts.…"
            if node.module == "scripts":
                found += [(node.lineno, f"scripts.{alias.name}") for alias in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in SCRIPTS.rglob("*.py") if p.name != "__init__.py")


def test_every_module_is_in_a_layer():
    units = {_unit(path) for path in _modules()}
    assert units <= set().union(*LAYERS), f"not placed in a layer: {units - set().union(*LAYERS)}"


def test_imports_run_downward_only():
    wrong = []
    for path in _modules():
        mine = _unit(path)
        for line, module in _imports(path):
            parts = module.split(".")
            if parts[0] != "scripts" or len(parts) < 2:
                continue
            theirs = parts[1]
            if theirs != mine and _layer(theirs) >= _layer(mine):
                wrong.append(f"{path.relative_to(config.ROOT)}:{line}: {mine} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_only_the_engine_knows_mkdocs_and_the_theme():
    wrong = [f"{path.relative_to(config.ROOT)}:{line}: imports {module}"
             for path in _modules() if _unit(path) != "engine"
             for line, module in _imports(path) if module.split(".")[0] in ENGINE_PACKAGES]
    assert not wrong, "\n".join(wrong)
