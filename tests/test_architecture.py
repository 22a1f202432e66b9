"""The layout is the architecture: each stage package imports only the stages before it
(docs/architecture.md), and no module imports itself back through another."""

from __future__ import annotations

import ast
from pathlib import Path

import caresq_logic

PACKAGE = Path(caresq_logic.__file__).resolve().parent
BASE = {"diagnostics", "messages", "ui_text", "resources", "atomic", "inputs", "__init__"}

# What each stage may import besides the shared base modules (diagnostics, messages, resources).
ALLOWED = {
    "language": set(),
    "asp": {"language"},
    "providers": {"language", "asp"},
    "decide": {"language", "asp", "providers"},
    "check": {"language", "asp", "providers", "decide"},
    "report": {"language", "decide", "check"},
    "passes": {"language", "asp", "providers", "decide", "check", "report"},
    "across": {"language", "asp", "providers", "decide", "check", "report", "passes"},
    "editor": {"language", "check"},
    "fmt": {"language", "providers", "passes"},
    "testing": {"language", "asp", "providers", "decide", "check", "report", "passes"},
    "cli_common": {"decide"},
    "cli_tools": {"language", "check", "report", "passes", "across", "fmt", "editor", "testing", "cli_common"},
    "cli": {"language", "asp", "providers", "decide", "check", "report", "passes", "across", "fmt", "editor",
            "testing", "cli_common", "cli_tools"},
}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        yield ".".join(parts), path


def _imports(name: str, path: Path) -> set[str]:
    """Modules of the package that `name` imports, as dotted names relative to the package."""
    here = name.split(".")[:-1]   # the package the module is in ("check.__init__" is in check)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("caresq_logic"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                found.add(".".join([*target, alias.name]) if target else alias.name)
                if target:
                    found.add(".".join(target))
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".", 1)[1] for a in node.names if a.name.startswith("caresq_logic."))
    return found


def _stage(dotted: str) -> str:
    return dotted.split(".")[0]


def test_every_stage_imports_only_earlier_stages():
    wrong = []
    for name, path in _modules():
        stage = _stage(name)
        if stage in BASE:
            continue
        for target in _imports(name, path):
            other = _stage(target)
            if other in BASE or other == stage or other not in ALLOWED:   # e.g. __version__
                continue
            if other not in ALLOWED[stage]:
                wrong.append(f"{name} imports {target}")
    assert not wrong


def test_the_base_modules_import_no_stage():
    for name in ("diagnostics", "messages", "ui_text", "resources", "atomic"):
        targets = {_stage(t) for t in _imports(name, PACKAGE / f"{name}.py")}
        assert targets <= BASE, (name, targets)


def test_no_module_is_over_400_lines():
    long = {name: n for name, path in _modules() if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long
