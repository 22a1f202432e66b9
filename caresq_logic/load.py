"""Find, read, parse and resolve policy files; pick the ones in force.

Takes: paths (files or folders) given on the command line, or none for the embedded default.
Returns: the checked `Policy` values and the diagnostics of the files that did not check.
This is the `Passes` of caresq-logic: each step calls the one before it, and the CLI only
chooses where to stop (`compile` stops after compiling, `explain` goes on to decide).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import compiler, parser, resolve
from .diagnostics import Diagnostic, Failed, Span, diag
from .provider import decode
from .resources import default_policies

MAX_POLICY_BYTES = 4 * 1024 * 1024


@dataclass
class Loaded:
    policies: list[resolve.Policy] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def expand(paths: list[str], suffixes: tuple[str, ...]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(file, name as given) for every file among `paths`, folders searched for `suffixes` in
    sorted order, so the order of the output never depends on the file system."""
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.extend((f, f.as_posix()) for f in sorted(path.rglob("*")) if f.suffix in suffixes and f.is_file())
        elif path.is_file():
            found.append((path, given))
        else:
            problems.append(diag("C001", Span(given, 1, 1), path=given))
    return found, problems


def policy_files(paths: list[str] | None) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Every `.beleid` file under `paths`. The embedded default is shown as `policies/...`,
    wherever it is installed."""
    if not paths:
        root = default_policies()
        return [(f, "policies/" + f.relative_to(root).as_posix()) for f in sorted(root.rglob("*.beleid"))], []
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for given in paths:
        files, missing = expand([given], (".beleid",))
        if Path(given).is_dir() and not files:
            problems.append(diag("C005", Span(given, 1, 1), path=given))
        found += files
        problems += missing
    return found, problems


def parse_file(path: Path, shown: str) -> resolve.Policy:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise Failed([diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error))]) from None
    text = decode(data, shown, MAX_POLICY_BYTES)
    return resolve.resolve(parser.parse(text, shown))


def load(paths: list[str] | None) -> Loaded:
    files, problems = policy_files(paths)
    loaded = Loaded(diagnostics=problems)
    for path, shown in files:
        try:
            loaded.policies.append(parse_file(path, shown))
        except Failed as failed:
            loaded.diagnostics.extend(failed.diagnostics)
    return loaded


def in_force(policies: list[resolve.Policy], year: int | None = None) -> list[resolve.Policy]:
    """Per domain, the policy of `year` (default: the latest year), leaving out a publication
    that another one of the same year replaces (`vervangt`)."""
    by_domain: dict[str, list[resolve.Policy]] = {}
    for policy in policies:
        by_domain.setdefault(policy.header.domain, []).append(policy)
    chosen = []
    for domain in sorted(by_domain):
        candidates = by_domain[domain]
        wanted = year if year is not None else max(p.header.year for p in candidates)
        same_year = [p for p in candidates if p.header.year == wanted]
        replaced = {p.header.replaces for p in same_year if p.header.replaces}
        current = [p for p in same_year if p.header.version not in replaced]
        chosen.extend(current[-1:] or same_year[-1:])
    return chosen


def compile_all(policies: list[resolve.Policy]) -> list[compiler.Program]:
    return [compiler.compile_policy(p) for p in policies]
