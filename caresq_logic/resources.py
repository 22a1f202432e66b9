"""Where the grammar and the embedded default policies are.

In an installed wheel they live in `caresq_logic/data/` (see pyproject.toml); in a source
checkout (an editable install, or running the tests from the tree) at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.exists():
            return candidate
    return candidates[-1]


def grammar_path() -> Path:
    return _first_existing(_PACKAGE / "data" / "caresq.lark", _REPO / "grammar" / "caresq.lark")


def default_policies() -> Path:
    return _first_existing(_PACKAGE / "data" / "policies", _REPO / "policies")


def find_policies(start: Path) -> Path | None:
    """The nearest `policies/` folder holding a `.beleid` file, from `start` upwards (the way
    ruff finds its configuration), or None: then the embedded default applies."""
    for folder in (start, *start.parents):
        candidate = folder / "policies"
        try:
            if candidate.is_dir() and next(candidate.rglob("*.beleid"), None) is not None:
                return candidate
        except OSError:   # an unreadable folder on the way up is not ours to report
            continue
    return None
