"""The stages chained: find and read policy files, parse and resolve them, compile, read the
provider files, decide, and assemble one `Report` per provider.

This is the `Passes` of caresq-logic: each step calls the one before it, and the CLI only
chooses where to stop (`compile` stops after compiling, `explain` goes on to decide, `check`
hands the resolved policies to `check`). The stages, in order:

    language (parse, resolve) -> asp (compile) -> providers (read) -> decide -> report
                                                +-> check -> report.check
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import clingo

from . import __version__, decide
from .asp import compiler
from .check import goal
from .diagnostics import Diagnostic, Failed, Span, diag, remember_source
from .language import contract_years, derive, parser, resolve
from .language.reserved import LEVERT
from .providers.model import Catalog, ProviderFile
from .providers.read import MAX_BYTES, decode, read
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
    digests: dict[str, str] = field(default_factory=dict)    # policy file as shown -> SHA-256


def expand(paths: list[str], suffixes: tuple[str, ...]) -> tuple[list[tuple[Path, str]], list[Diagnostic]]:
    """(file, name as given) for every file among `paths`, folders searched for `suffixes` in
    sorted order, so the order of the output never depends on the file system."""
    found: list[tuple[Path, str]] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            def unreadable(error: OSError) -> None:   # a subfolder that cannot be listed is said, not skipped
                shown = Path(error.filename).as_posix() if error.filename else given
                problems.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))

            in_folder = []
            for folder, subfolders, names in os.walk(path, onerror=unreadable):
                subfolders.sort()
                in_folder += [Path(folder) / name for name in names if Path(name).suffix.lower() in suffixes]
            files = [(f, f.as_posix()) for f in sorted(in_folder) if f.is_file()]
            if not files and suffixes != (".beleid",):
                problems.append(diag("C021", Span(given, 1, 1), path=given, suffixes=", ".join(suffixes)))
            found.extend(files)
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


def read_bounded(path: Path, shown: str, limit: int) -> bytes:
    """At most limit + 1 bytes: a file over the limit (an 8 GB sparse file) is refused by its
    size, never read whole into memory."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
        if len(data) > limit:
            size = max(os.fstat(handle.fileno()).st_size, len(data))
            raise Failed([diag("C004", Span(shown, 1, 1), size=size, limit=limit)])
    return data


def parse_file(path: Path, shown: str, digests: dict[str, str] | None = None) -> resolve.Policy:
    try:
        data = read_bounded(path, shown, MAX_POLICY_BYTES)
    except OSError as error:
        raise Failed([diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error))]) from None
    remember_source(shown, path)
    if digests is not None:
        digests[shown] = hashlib.sha256(data).hexdigest()
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
            loaded.policies.append(parse_file(path, shown, loaded.digests))
        except Failed as failed:
            loaded.diagnostics.extend(failed.diagnostics)
    loaded.diagnostics.extend(rival_publications(loaded.policies))
    loaded.policies += with_derived(loaded.policies, loaded.diagnostics)
    return loaded


def unknown_years(loaded: Loaded, years: list[int]) -> list[Diagnostic]:
    """A --jaar no loaded policy has is an error: otherwise the run passes with nothing checked."""
    known = sorted({p.header.year for p in loaded.policies})
    return [diag("C020", Span("--jaar", 1, 1), year=year, years=", ".join(map(str, known)) or "-")
            for year in years if year not in known]
def _publication(policy: resolve.Policy) -> tuple[str, int, str | None]:
    return policy.header.domain, policy.header.year, policy.header.version


def with_derived(policies: list[resolve.Policy], diagnostics: list[Diagnostic]) -> list[resolve.Policy]:
    """The earlier publications each policy's change lists describe, where no file of their own
    exists (a file of its own is the text; `check` compares it with the change list)."""
    own = {_publication(p) for p in policies}
    derived: list[resolve.Policy] = []
    for policy in policies:
        try:
            earlier_ones = derive.derive_all(policy)
        except Failed as failed:
            diagnostics.extend(failed.diagnostics)
            continue
        for earlier in earlier_ones:
            if _publication(earlier) in own:
                break   # from here back, the own text is the earlier year
            own.add(_publication(earlier))
            derived.append(earlier)
    return derived


def _current(same_year: list[resolve.Policy]) -> list[resolve.Policy]:
    """The publications of one domain and year that no other one replaces (`vervangt`)."""
    replaced = {p.header.replaces for p in same_year if p.header.replaces}
    return [p for p in same_year if p.header.version not in replaced] or same_year[-1:]


def _by_domain_year(policies: list[resolve.Policy]) -> dict[tuple[str, int], list[resolve.Policy]]:
    groups: dict[tuple[str, int], list[resolve.Policy]] = {}
    for policy in policies:
        groups.setdefault((policy.header.domain, policy.header.year), []).append(policy)
    return groups


def rival_publications(policies: list[resolve.Policy]) -> list[Diagnostic]:
    """Two publications of one domain and year, neither replacing the other: which one decides
    would depend on file names, so neither does (B241, and `in_force` leaves the domain out)."""
    found = []
    for (domain, year), same_year in _by_domain_year(policies).items():
        current = _current(same_year)
        found += [diag("B241", p.header.span, domain=domain, year=year, other=current[0].path)
                  for p in current[1:]]
    return found


def in_force(policies: list[resolve.Policy], year: int | None = None) -> list[resolve.Policy]:
    """Per domain, the policy of `year` (default: the latest year), leaving out a publication
    that another one of the same year replaces (`vervangt`); none where two rival (B241)."""
    groups = _by_domain_year(policies)
    chosen = []
    for domain in sorted({d for d, _ in groups}):
        wanted = year if year is not None else max(y for d, y in groups if d == domain)
        current = _current(groups.get((domain, wanted), []))
        if len(current) == 1:
            chosen.extend(current)
    return chosen


def compile_all(policies: list[resolve.Policy], contract_year: int | None = None) -> list[compiler.Program]:
    return [compiler.compile_policy(contract_years.for_contract_year(p, contract_year)) for p in policies]


@dataclass
class Explained:
    reports: list[Report] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    policy_set: PolicySet | None = None   # with the files in force, the ones decided with
    receipt: dict = field(default_factory=dict)


def receipt(policy_digests: dict[str, str], input_digests: dict[str, str]) -> dict:
    """What a decision can be reproduced and audited from later: the versions and every input's hash."""
    return {
        "caresq_logic": __version__,
        "clingo": clingo.__version__,
        "policies": [{"file": f, "sha256": h} for f, h in sorted(policy_digests.items())],
        "inputs": [{"file": f, "sha256": h} for f, h in sorted(input_digests.items())],
    }


def read_providers(paths: list[str], catalog: Catalog,
                   digests: dict[str, str] | None = None) -> tuple[list[ProviderFile], list[Diagnostic]]:
    files, diagnostics = expand(paths, (".lp", ".csv", ".jsonl"))
    provider_files: list[ProviderFile] = []
    for path, shown in files:
        remember_source(shown, path)
        try:
            data = read_bounded(path, shown, MAX_BYTES)
            if digests is not None:
                digests[shown] = hashlib.sha256(data).hexdigest()
            provider_files.append(read(data, shown, catalog))
            diagnostics.extend(provider_files[-1].warnings + provider_files[-1].errors)
        except Failed as failed:
            diagnostics.extend(failed.diagnostics)
        except OSError as error:
            diagnostics.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))
    return provider_files, diagnostics


def explain(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
            time_limit: float = decide.DEFAULT_TIME_LIMIT,
            ground_limit: int = decide.DEFAULT_GROUND_LIMIT, contract_year: int | None = None,
            target: str | None = None) -> Explained:
    """Every provider decided under the policies in force, with every diagnostic on the way;
    with a `target` (explain --doel) also why not, and what must change to reach it."""
    loaded = load(policy_paths)
    diagnostics = list(loaded.diagnostics) + unknown_years(loaded, [year] if year is not None else [])
    policies = in_force(loaded.policies, year)
    programs = compile_all(policies, contract_year)
    # A provider file describes the provider, whatever the year: check it against every loaded
    # policy's kenmerken (a kenmerk the policies in force declare: against their declaration),
    # decide it with the ones in force.
    catalog = Catalog.of(loaded.policies, policies)
    input_digests: dict[str, str] = {}
    provider_files, problems = read_providers(provider_paths, catalog, input_digests)
    if set(loaded.policy_set.files) - {p.path for p in loaded.policies}:
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
                # Nothing decided: shown under a policy about one of its zorgsoorten (A222 says
                # when there is none), under the first one only if it delivers nothing at all.
                delivered = {f.args[1].value for f in provider_file.facts if f.predicate == LEVERT and f.provider == provider}
                related = [p for p in programs if delivered & set(p.policy.care_types)]
                if delivered and not related:
                    continue
                report.policies = [(p.policy, []) for p in (related or programs)[:1]]
            if target is not None:
                by_path = {program.policy.path: program for program in solved}
                for policy, decisions in report.policies:
                    for decision in decisions:
                        answer = goal.answer(policy, by_path[policy.path], provider_file, decision, target, catalog)
                        if answer is not None:
                            report.goals[(policy.path, decision.care_type.name)] = answer
            reports.append(report)
    if target is not None and not any(goal.target_known(target, p.policy) for p in programs):
        diagnostics.append(diag("C009", Span("--doel", 1, 1), target=target))
    used = {p.policy.path: loaded.digests[p.policy.path] for p in programs if p.policy.path in loaded.digests}
    return Explained(reports, diagnostics, receipt=receipt(used, input_digests),
                     policy_set=loaded.policy_set.using(policies))
