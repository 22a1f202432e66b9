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
from dataclasses import dataclass, field, replace
from pathlib import Path

import clingo

from . import __version__, decide
from .asp import compiler
from .diagnostics import Diagnostic, Failed, Span, diag, remember_source
from .inputs import expand, policy_files, read_bounded
from .language import cache as policy_cache, contract_years, derive, outline, ranges, resolve
from .language.reserved import LEVERT
from .providers.model import Catalog, ProviderFile
from .providers.read import decode, max_bytes, read
from .report.common import Report
from .resources import MAX_POLICY_BYTES, PolicySet, default_set

CASCADE = ("A200", "A206", "A108")   # unknown kenmerk / zorgsoort (and "too many" of them): a policy that did not load


@dataclass
class Loaded:
    """The policies read, with what went wrong reading them."""
    policies: list[resolve.Policy] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    policy_set: PolicySet = PolicySet("embedded", "policies")
    digests: dict[str, str] = field(default_factory=dict)    # policy file as shown -> SHA-256


def parse_file(path: Path, shown: str, digests: dict[str, str] | None = None) -> resolve.Policy:
    try:
        data = read_bounded(path, shown, MAX_POLICY_BYTES)
    except OSError as error:
        raise Failed([diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error))]) from None
    remember_source(shown, path)
    if digests is not None:
        digests[shown] = hashlib.sha256(data).hexdigest()
    text = decode(data, shown, MAX_POLICY_BYTES)
    cached = policy_cache.load(data, shown)
    if cached is not None:
        return cached
    from .language import parser   # Lark: only when a policy is not in the cache
    policy = resolve.resolve(parser.parse(text, shown))
    policy_cache.store(data, shown, policy)
    return policy


def _files(paths: list[str] | None) -> tuple[list[tuple[Path, str]], list[Diagnostic], PolicySet]:
    """The policy files of `paths` (none: the default set), what went wrong finding them, the set named."""
    if paths:
        files, problems = policy_files(paths)
        policy_set = PolicySet("given", ", ".join(paths))
    else:
        (policy_set, files), problems = default_set(), []
    return files, problems, replace(policy_set, files=tuple(shown for _, shown in files))


def load(paths: list[str] | None) -> Loaded:
    files, problems, policy_set = _files(paths)
    loaded = Loaded(diagnostics=problems, policy_set=policy_set)
    for path, shown in files:
        try:
            loaded.policies.append(parse_file(path, shown, loaded.digests))
        except Failed as failed:
            loaded.diagnostics.extend(failed.diagnostics)
    loaded.diagnostics.extend(rival_publications(loaded.policies))
    loaded.policies += with_derived(loaded.policies, loaded.diagnostics, loaded.digests)
    return loaded


def unknown_years(loaded: Loaded, years: list[int]) -> list[Diagnostic]:
    """A --jaar no loaded policy has is an error: otherwise the run passes with nothing checked."""
    known = sorted({p.header.year for p in loaded.policies})
    return [diag("C020", Span("--jaar", 1, 1), year=year, years=", ".join(map(str, known)) or "-")
            for year in years if year not in known]


def _publication(policy: resolve.Policy) -> tuple[str, int, str | None]:
    return policy.header.domain, policy.header.year, policy.header.version


def with_derived(policies: list[resolve.Policy], diagnostics: list[Diagnostic], digests: dict,
                 earlier_of=None) -> list[resolve.Policy]:
    """The earlier publications each policy's change lists describe, where no file of their own
    exists (a file of its own is the text; `check` compares it with the change list). `earlier_of`:
    those of a policy, when the policies are outlines (`outline.Outlined`)."""
    own = {_publication(p) for p in policies}
    derived: list[resolve.Policy] = []
    for policy in policies:
        try:
            earlier_ones = (earlier_of(policy) if earlier_of else
                            policy_cache.derived(policy, digests.get(policy.path), derive.derive_all))
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
    """What `explain` shows: the reports, the diagnostics, the policy set and the receipt."""
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
        provider_files += read_provider_file(path, shown, catalog, diagnostics, digests)
    return provider_files, diagnostics


def read_provider_file(path: Path, shown: str, catalog: Catalog, diagnostics: list[Diagnostic],
                       digests: dict[str, str] | None = None) -> list[ProviderFile]:
    """The file read and checked (a list of one), or nothing with its problems in `diagnostics`; its SHA-256 in `digests`."""
    remember_source(shown, path)   # for the source line under a diagnostic
    try:
        data = read_bounded(path, shown, max_bytes(shown))
        if digests is not None:
            digests[shown] = hashlib.sha256(data).hexdigest()
        provider_file = read(data, shown, catalog)
    except Failed as failed:
        diagnostics.extend(failed.diagnostics)
        return []
    except OSError as error:
        diagnostics.append(diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error)))
        return []
    diagnostics.extend(provider_file.warnings + provider_file.errors)
    return [provider_file]


@dataclass
class Market:
    """Every provider of the files, decided by profile under each policy in force (decide.batch)."""

    provider_files: list[ProviderFile] = field(default_factory=list)
    batches: list[decide.batch.Batch] = field(default_factory=list)
    unsolved: int = 0                      # policies whose decisions failed (the diagnostics say why)
    policies: list[resolve.Policy] = field(default_factory=list)   # every policy in force
    diagnostics: list[Diagnostic] = field(default_factory=list)
    catalog: Catalog | None = None
    policy_digests: dict[str, str] = field(default_factory=dict)   # in force: file -> SHA-256
    input_digests: dict[str, str] = field(default_factory=dict)
    policy_set: PolicySet | None = None   # with the files in force, the ones decided with
    policy_failed: bool = False           # a policy file did not load (see `without_cascade`)

    def without_cascade(self, problems: list[Diagnostic]) -> list[Diagnostic]:
        """A policy that did not load declares nothing, so every provider fact about its kenmerken
        and zorgsoorten would be "unknown": one root cause, reported once, not a cascade."""
        return [d for d in problems if d.code not in CASCADE] if self.policy_failed else problems


class _Programs:
    """Compiled on first use: a policy no provider delivers a zorgsoort of is never compiled."""

    def __init__(self, policies: list[resolve.Policy], contract_year: int | None = None):
        self.policies = [contract_years.for_contract_year(p, contract_year) for p in policies]
        self.compiled: dict[int, compiler.Program] = {}
        self.solved: dict[str, dict] = {}   # policy -> profile -> decisions, for every file of a run

    def delivered(self, provider_files: list[ProviderFile]) -> list[compiler.Program]:
        care_types = set().union(*(p.care_types() for p in provider_files))
        wanted = [i for i, policy in enumerate(self.policies) if care_types & set(policy.care_types)]
        for i in wanted:
            if i not in self.compiled:
                self.compiled[i] = compiler.compile_policy(self.policies[i])
        return [self.compiled[i] for i in wanted]


def _setup(policy_paths: list[str] | None, year: int | None, contract_year: int | None):
    """The policies, those in force (compiled on demand), the catalog provider files are checked
    against, and the market that carries the diagnostics so far."""
    market, current = _market(load(policy_paths), year)
    programs = _Programs(current, contract_year)
    market.policies = programs.policies
    return programs, market


def _market(loaded: Loaded, year: int | None, limits=None) -> tuple[Market, list]:
    """The market so far and the policies in force; `loaded` may hold outlines (then with their `limits`)."""
    market = Market(diagnostics=list(loaded.diagnostics) + unknown_years(loaded, [year] if year is not None else []))
    current = in_force(loaded.policies, year)
    market.policy_set = loaded.policy_set.using(current)
    market.policy_failed = bool(set(loaded.policy_set.files) - {p.path for p in loaded.policies})
    market.policy_digests = {p.path: loaded.digests[p.path] for p in current if p.path in loaded.digests}
    # A provider file describes the provider, whatever the year: check it against every loaded
    # policy's kenmerken (a kenmerk the policies in force declare: against their declaration),
    # decide it with the ones in force.
    market.catalog = Catalog.of(loaded.policies, current, limits)
    return market, current


def _outlined_setup(policy_paths: list[str] | None, year: int | None):
    """`_setup` from the policies' outlines (`outline.Outlined`); None where they cannot be had."""
    files, problems, policy_set = _files(policy_paths)
    outlined = outline.Outlined(parse_file)
    if problems or not all(outlined.add(path, shown) for path, shown in files):
        return None
    loaded = Loaded(list(outlined.own), rival_publications(outlined.own), policy_set, outlined.digests)
    loaded.policies += with_derived(loaded.policies, loaded.diagnostics, loaded.digests, outlined.earlier)
    limits = ranges.merged([o.ratio_limits for o in in_force(loaded.policies, year)])
    return (outlined, *_market(loaded, year, limits))


def _in_full(outlined: outline.Outlined, current: list, provider_files: list[ProviderFile], contract_year: int | None):
    """The policies in force that the provider files deliver to, loaded in full; and the first in
    force if a provider delivers nothing, as its report is shown under it (`_report`)."""
    care_types = set().union(*(f.care_types() for f in provider_files))
    wanted = [i for i, o in enumerate(current) if care_types & set(o.care_types)]
    if current and 0 not in wanted and any(f.table is not None or set(f.providers) - {
            fact.provider for fact in f.facts if fact.predicate == LEVERT} for f in provider_files):
        wanted.insert(0, 0)
    return _Programs([outlined.full(current[i]) for i in wanted], contract_year)


def _decide(market: Market, programs: _Programs, time_limit: float, ground_limit: int,
            keep_facts: bool, progress) -> None:
    for program in programs.delivered(market.provider_files):
        try:
            market.batches.append(decide.batch.decide(program, market.provider_files, time_limit, ground_limit, keep_facts,
                                                      progress, programs.solved.setdefault(program.policy.path, {})))
        except Failed as failed:   # reported; this policy's decisions are left out, not guessed
            market.diagnostics.extend(failed.diagnostics)
            market.unsolved += 1


def decide_market(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
                  time_limit: float = decide.DEFAULT_TIME_LIMIT,
                  ground_limit: int = decide.DEFAULT_GROUND_LIMIT, keep_facts: bool = True,
                  progress=None, contract_year: int | None = None, outlined: bool = False) -> Market:
    """`outlined`: only the policies the provider files deliver to are loaded in full, the others'
    outlines check the files (`outline.Outlined`); then `market.policies` holds just those."""
    setup = _outlined_setup(policy_paths, year) if outlined else None
    if setup is None:
        programs, market = _setup(policy_paths, year, contract_year)
    else:
        loader, market, current = setup
    market.provider_files, problems = read_providers(provider_paths, market.catalog, market.input_digests)
    market.diagnostics.extend(market.without_cascade(problems))
    if setup is not None:
        programs = _in_full(loader, current, market.provider_files, contract_year)
        market.policies = programs.policies
    _decide(market, programs, time_limit, ground_limit, keep_facts, progress)
    return market


def markets_by_file(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
                    time_limit: float = decide.DEFAULT_TIME_LIMIT,
                    ground_limit: int = decide.DEFAULT_GROUND_LIMIT, keep_facts: bool = False,
                    progress=None, contract_year: int | None = None):
    """`decide_market` one provider file at a time, for output that streams: only one file's
    facts are in memory at once. The first market carries the diagnostics of the policies."""
    programs, first = _setup(policy_paths, year, contract_year)
    files, missing = expand(provider_paths, (".lp", ".csv", ".jsonl"))
    first.diagnostics += missing
    yield first
    for path, shown in files:
        market = Market(policies=first.policies, catalog=first.catalog, policy_failed=first.policy_failed)
        problems: list[Diagnostic] = []
        market.provider_files = read_provider_file(path, shown, first.catalog, problems)
        market.diagnostics += market.without_cascade(problems)
        _decide(market, programs, time_limit, ground_limit, keep_facts, progress)
        yield market


def explain(provider_paths: list[str], policy_paths: list[str] | None, year: int | None = None,
            time_limit: float = decide.DEFAULT_TIME_LIMIT,
            ground_limit: int = decide.DEFAULT_GROUND_LIMIT, only: set[str] | None = None,
            contract_year: int | None = None, target: str | None = None, streamed: bool = False,
            outlined: bool = False) -> Explained:
    """Every provider (or those in `only`) decided under the policies in force, with every diagnostic
    on the way; with a `target` (explain --doel) also why not, and what must change. `streamed`: the
    reports built one by one as they are read (a market's are never all held; diagnostics complete after)."""
    market = decide_market(provider_paths, policy_paths, year, time_limit, ground_limit,
                           contract_year=contract_year, outlined=outlined and target is None)
    reports = (report for provider_file in market.provider_files for provider in provider_file.providers
               if (only is None or provider in only) and (report := _report(market, provider_file, provider)))
    if target is not None:
        reports = map(_goals(market, target), reports)   # each answered as it is built
    return Explained(reports if streamed else list(reports), market.diagnostics,
                     receipt=receipt(market.policy_digests, market.input_digests), policy_set=market.policy_set)


def _report(market: Market, provider_file: ProviderFile, provider: str) -> Report | None:
    """One provider's decisions under every policy in force, or None when there is nothing to show."""
    member = (provider_file.path, provider)
    report = Report(provider_file.path, provider, provider_file.names.get(provider))
    for batch in market.batches:
        decisions = batch.decisions(member)
        if decisions:
            report.policies.append((batch.program.policy, decisions))
    if report.policies:
        return report
    if market.unsolved:
        return None   # its policy could not be decided: the diagnostic says why
    # Nothing decided: shown under a policy about one of its zorgsoorten (A222 says when there
    # is none), under the first one only if it delivers nothing at all.
    delivered = {f.args[1].value for f in provider_file.facts_of(provider) if f.predicate == LEVERT}
    related = [p for p in market.policies if delivered & set(p.care_types)]
    if delivered and not related:
        return None
    report.policies = [(p, []) for p in (related or market.policies)[:1]]
    return report


def _goals(market: Market, target: str):
    """explain --doel: adds to a report, per decision, what blocks `target` and what must change."""
    from .check import goal   # clingo search: imported only when asked for
    if not any(goal.target_known(target, p) for p in market.policies):
        market.diagnostics.append(diag("C009", Span("--doel", 1, 1), target=target))
    programs, files = {b.program.policy.path: b.program for b in market.batches}, {f.path: f for f in market.provider_files}
    past_deadline = []   # a Failed: past --tijdslimiet, no more goals are answered
    def answer_goals(report: Report) -> Report:
        asked = [(p, d) for p, decisions in report.policies for d in decisions] if not past_deadline else []
        shared = goal.Shared()   # one grounding per provider and policy, shared by its zorgsoorten
        try:
            for policy, decision in asked:
                answer = goal.answer(policy, programs[policy.path], files[report.file], decision, target, market.catalog,
                                     shared)
                if answer is not None:
                    report.goals[(policy.path, decision.care_type.name)] = answer
        except Failed as failed:   # the goals answered so far are kept
            market.diagnostics.extend(failed.diagnostics)
            past_deadline.append(failed)
        return report
    return answer_goals
