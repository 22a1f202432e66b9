"""Where the grammar and the policies are: the embedded default, or the nearest `policies/` folder
(the `PolicySet` a run names in the header of its output).

In an installed wheel they live in `caresq_logic/data/` (see pyproject.toml); in a source
checkout (an editable install, or running the tests from the tree) at the repository root.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

# The largest policy file read (check, explain, fmt, the language server): a policy is text an
# author writes; more than this is a mistake or an attack.
MAX_POLICY_BYTES = 4 * 1024 * 1024
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


@dataclass(frozen=True)
class PolicySet:
    """Which policies a run used, named in the header of every output.

    `origin` is "given" (paths on the command line), "found" (the nearest `policies/` folder
    from the working directory upwards) or "embedded" (the copy inside the package)."""

    origin: str
    root: str
    files: tuple[str, ...] = ()

    def using(self, policies) -> "PolicySet":   # resolve.Policy values
        return replace(self, files=tuple(p.path for p in policies))

    def to_json(self) -> dict:
        return {"origin": self.origin, "root": self.root, "files": list(self.files)}


def _shown(path: Path) -> str:
    """A path as the user would type it from the working directory."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:   # another drive (Windows)
        return path.as_posix()


def default_set() -> tuple[PolicySet, list[tuple[Path, str]]]:
    """The policies a command uses without paths: the nearest `policies/` folder from the working
    directory upwards, else the embedded default (shown as `policies/...` wherever installed)."""
    found = find_policies(Path.cwd())
    if found is not None:
        root = _shown(found)
        return PolicySet("found", root), [(f, _shown(f)) for f in sorted(found.rglob("*.beleid")) if f.is_file()]
    root = default_policies()
    return PolicySet("embedded", "policies"), [
        (f, "policies/" + f.relative_to(root).as_posix()) for f in sorted(root.rglob("*.beleid"))]
