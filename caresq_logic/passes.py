"""The stages chained: find and read policy files, parse and resolve them, compile, read the
provider files, decide, and assemble one `Report` per provider.

This is the `Passes` of caresq-logic: each step calls the one before it, and the CLI only
chooses where to stop (`compile` stops after compiling, `explain` goes on to decide, `check`
hands the resolved policies to `check`). The stages, in order:

    language (parse, resolve) -> asp (compile) -> providers (read) -> decide -> report
                                                +-> check -> report.check
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import decide
from .asp import compiler
from .diagnostics import Diagnostic, Failed, Span, diag, remember_source
from .language import contract_years, parser, resolve
from .providers.model import Catalog, ProviderFile
from .providers.read import decode, read
from .report.common import Report
from .resources import default_policies, find_policies

MAX_POLICY_BYTES = 4 * 1024 * 1024
CASCADE = ("A200", "A206")   # unknown kenmerk / zorgsoort: the consequence of a policy that did not load


@dataclass(frozen=True)
class PolicySet:
    """Which policies a run used, named in the header of every output.

    `origin` is "given" (paths on the command line), "found" (the nearest `policies/` folder
    from the working directory upwards) or "embedded" (the copy inside the package)."""

    origin: str
    root: str
    files: tuple[str, ...] = ()

    def using(self, policies: list[resolve.Policy]) -> "PolicySet":
        return replace(self, files=tuple(p.path for p in policies))

    def to_json(self) -> dict:
        return {"origin": self.origin, "root": self.root, "files": list(self.files)}


@dataclass
class Loaded:
    policies: list[resolve.Policy] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    policy_set: PolicySet = PolicySet("embedded", "policies")


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


def policy_files(paths: list[str]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """Every `.beleid` file under `paths`."""
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
    remember_source(shown, path)
    text = decode(data, shown, MAX_POLICY_BYTES)
    return resolve.resolve(parser.parse(text, shown))


def load(paths: list[str] | None) -> Loaded:
    if paths:
        files, problems = policy_files(paths)
        policy_set = PolicySet("given", ", ".join(paths))
    else:
        (policy_set, files), problems = default_set(), []
    loaded = Loaded(diagnostics=problems, policy_set=replace(policy_set, files=tuple(shown for _, shown in files)))
    for path, shown in files:
        try:
            loaded.policies.append(parse_file(path, shown))
        except Failed as failed:
            loaded.diagnostics.extend(failed.diagnostics)
    return loaded


def unknown_years(loaded: Loaded, years: list[int]) -> list[Diagnostic]:
    """A --jaar no loaded policy has is an error: otherwise the run passes with nothing checked."""
    known = sorted({p.header.year for p in loaded.policies})
    return [diag("C010", Span("--jaar", 1, 1), year=year, years=", ".join(map(str, known)) or "-")
            for year in years if year not in known]


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


def compile_all(policies: list[resolve.Policy], contract_year: int | None = None) -> list[compiler.Program]:
    return [compiler.compile_policy(contract_years.for_contract_year(p, contract_year)) for p in policies]


@dataclass
class Explained:
    reports: list[Report] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    policy_set: PolicySet | None = None   # with the files in force, the ones decided with


def read_providers(paths: list[str], catalog: Catalog) -> tuple[list[ProviderFile], list[Diagnostic]]:
    files, diagnostics = expand(paths, (".lp", ".csv", ".jsonl"))
    for given in paths:   # an empty folder is an error, not a clean run with nothing decided
        if Path(given).is_dir() and not expand([given], (".lp", ".csv", ".jsonl"))[0]:
            diagnostics.append(diag("C011", Span(given, 1, 1), path=given))
    provider_files: list[ProviderFile] = []
    for path, shown in files:
        remember_source(shown, path)
        try:
            provider_files.append(read(path.read_bytes(), shown, catalog))
            diagnostics.extend(provider_files[-1].warnings)
        except Failed as failed:
            diagnostics.extend(failed.diagnostics)
        except OSError as error:
            diagnostics.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))
    return provider_files, diagnostics


def explain(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
            time_limit: float = decide.DEFAULT_TIME_LIMIT,
            ground_limit: int = decide.DEFAULT_GROUND_LIMIT, contract_year: int | None = None) -> Explained:
    """Every provider decided under the policies in force, with every diagnostic on the way."""
    loaded = load(policy_paths)
    diagnostics = list(loaded.diagnostics) + unknown_years(loaded, [year] if year is not None else [])
    policies = in_force(loaded.policies, year)
    programs = compile_all(policies, contract_year)
    # A provider file describes the provider, whatever the year: check it against every loaded
    # policy's kenmerken, decide it with the ones in force.
    provider_files, problems = read_providers(provider_paths, Catalog.of(loaded.policies))
    if len(loaded.policies) < len(loaded.policy_set.files):
        # A policy that did not load declares nothing, so every provider fact about its kenmerken
        # and zorgsoorten would be "unknown": one root cause, reported once, not a cascade.
        problems = [d for d in problems if d.code not in CASCADE]
    diagnostics.extend(problems)

    decided: dict[tuple[str, str, str], list[decide.Decision]] = {}   # (policy, file, provider) -> decisions
    solved = []
    for program in programs:
        try:
            for decision in decide.solve(program, provider_files, time_limit, ground_limit):
                decided.setdefault((program.policy.path, decision.file, decision.provider), []).append(decision)
            solved.append(program)
        except Failed as failed:   # reported; this policy's decisions are left out, not guessed
            diagnostics.extend(failed.diagnostics)

    reports = []
    for provider_file in provider_files:
        for provider in provider_file.providers:
            report = Report(provider_file.path, provider, provider_file.names.get(provider))
            for program in solved:
                decisions = decided.get((program.policy.path, provider_file.path, provider))
                if decisions:
                    report.policies.append((program.policy, decisions))
            if not report.policies and len(solved) < len(programs):
                continue   # its policy could not be decided: the diagnostic says why
            if not report.policies:
                report.policies = [(p.policy, []) for p in programs[:1]]
            reports.append(report)
    return Explained(reports, diagnostics, loaded.policy_set.using(policies))
