"""The stages chained: find and read policy files, parse and resolve them, compile, read the
provider files, decide, and assemble one `Report` per provider.

This is the `Passes` of caresq-logic: each step calls the one before it, and the CLI only
chooses where to stop (`compile` stops after compiling, `explain` goes on to decide, `check`
hands the resolved policies to `check`). The stages, in order:

    language (parse, resolve) -> asp (compile) -> providers (read) -> decide -> report
                                                +-> check -> report.check
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import decide
from .asp import compiler
from .diagnostics import Diagnostic, Failed, Span, diag
from .language import cache as policy_cache
from .language import contract_years, resolve
from .language.reserved import LEVERT
from .providers.model import Catalog, ProviderFile
from .providers.read import decode, read
from .report.common import Report
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
    cached = policy_cache.load(data, shown)
    if cached is not None:
        return cached
    from .language import parser   # Lark: only when a policy is not in the cache
    policy = resolve.resolve(parser.parse(text, shown))
    policy_cache.store(data, shown, policy)
    return policy


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


def compile_all(policies: list[resolve.Policy], contract_year: int | None = None) -> list[compiler.Program]:
    return [compiler.compile_policy(contract_years.for_contract_year(p, contract_year)) for p in policies]


@dataclass
class Explained:
    reports: list[Report] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_providers(paths: list[str], catalog: Catalog) -> tuple[list[ProviderFile], list[Diagnostic]]:
    files, diagnostics = expand(paths, (".lp", ".csv", ".jsonl"))
    provider_files: list[ProviderFile] = []
    for path, shown in files:
        provider_files += read_provider_file(path, shown, catalog, diagnostics)
    return provider_files, diagnostics


def read_provider_file(path: Path, shown: str, catalog: Catalog, diagnostics: list[Diagnostic]) -> list[ProviderFile]:
    """The file read and checked (a list of one), or nothing with its problems in `diagnostics`."""
    try:
        provider_file = read(path.read_bytes(), shown, catalog)
    except Failed as failed:
        diagnostics.extend(failed.diagnostics)
        return []
    except OSError as error:
        diagnostics.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))
        return []
    diagnostics.extend(provider_file.warnings)
    return [provider_file]


@dataclass
class Market:
    """Every provider of the files, decided by profile under each policy in force (decide.batch)."""

    provider_files: list[ProviderFile] = field(default_factory=list)
    batches: list[decide.batch.Batch] = field(default_factory=list)
    unsolved: int = 0                      # policies whose decisions failed (the diagnostics say why)
    policies: list[resolve.Policy] = field(default_factory=list)   # every policy in force
    diagnostics: list[Diagnostic] = field(default_factory=list)


class _Programs:
    """Compiled on first use: a policy no provider delivers a zorgsoort of is never compiled."""

    def __init__(self, policies: list[resolve.Policy], contract_year: int | None = None):
        self.policies = [contract_years.for_contract_year(p, contract_year) for p in policies]
        self.compiled: dict[int, compiler.Program] = {}

    def delivered(self, provider_files: list[ProviderFile]) -> list[compiler.Program]:
        care_types = {f.args[1].value for p in provider_files for f in p.facts if f.predicate == LEVERT}
        wanted = [i for i, policy in enumerate(self.policies) if care_types & set(policy.care_types)]
        for i in wanted:
            if i not in self.compiled:
                self.compiled[i] = compiler.compile_policy(self.policies[i])
        return [self.compiled[i] for i in wanted]


def decide_market(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
                  time_limit: float = decide.DEFAULT_TIME_LIMIT,
                  ground_limit: int = decide.DEFAULT_GROUND_LIMIT, keep_facts: bool = True,
                  progress=None, contract_year: int | None = None) -> Market:
    loaded = load(policy_paths)
    market = Market(diagnostics=list(loaded.diagnostics))
    programs = _Programs(in_force(loaded.policies, year), contract_year)
    # A provider file describes the provider, whatever the year: check it against every loaded
    # policy's kenmerken, decide it with the ones in force.
    market.provider_files, problems = read_providers(provider_paths, Catalog.of(loaded.policies))
    market.diagnostics.extend(problems)
    market.policies = programs.policies
    for program in programs.delivered(market.provider_files):
        try:
            market.batches.append(decide.batch.decide(program, market.provider_files, time_limit, ground_limit,
                                                      keep_facts, progress))
        except Failed as failed:   # reported; this policy's decisions are left out, not guessed
            market.diagnostics.extend(failed.diagnostics)
            market.unsolved += 1
    return market


def markets_by_file(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
                    time_limit: float = decide.DEFAULT_TIME_LIMIT,
                    ground_limit: int = decide.DEFAULT_GROUND_LIMIT, keep_facts: bool = False,
                    progress=None, contract_year: int | None = None):
    """`decide_market` one provider file at a time, for output that streams: only one file's
    facts are in memory at once. The first market carries the diagnostics of the policies."""
    loaded = load(policy_paths)
    programs = _Programs(in_force(loaded.policies, year), contract_year)
    catalog = Catalog.of(loaded.policies)
    files, missing = expand(provider_paths, (".lp", ".csv", ".jsonl"))
    yield Market(diagnostics=list(loaded.diagnostics) + missing)
    for path, shown in files:
        market = Market()
        market.provider_files = read_provider_file(path, shown, catalog, market.diagnostics)
        market.policies = programs.policies
        for program in programs.delivered(market.provider_files):
            try:
                market.batches.append(decide.batch.decide(program, market.provider_files, time_limit,
                                                          ground_limit, keep_facts, progress))
            except Failed as failed:
                market.diagnostics.extend(failed.diagnostics)
                market.unsolved += 1
        yield market


def explain(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
            time_limit: float = decide.DEFAULT_TIME_LIMIT,
            ground_limit: int = decide.DEFAULT_GROUND_LIMIT, only: set[str] | None = None,
            contract_year: int | None = None) -> Explained:
    """Every provider (or those in `only`) decided under the policies in force, with every
    diagnostic on the way."""
    market = decide_market(provider_paths, policy_paths, year, time_limit, ground_limit,
                           contract_year=contract_year)
    reports = []
    for provider_file in market.provider_files:
        for provider in provider_file.providers:
            if only is not None and provider not in only:
                continue
            member = (provider_file.path, provider)
            report = Report(provider_file.path, provider, provider_file.names.get(provider))
            for batch in market.batches:
                decisions = batch.decisions(member)
                if decisions:
                    report.policies.append((batch.program.policy, decisions))
            if not report.policies and market.unsolved:
                continue   # its policy could not be decided: the diagnostic says why
            if not report.policies and market.policies:
                report.policies = [(market.policies[0], [])]
            reports.append(report)
    return Explained(reports, market.diagnostics)
