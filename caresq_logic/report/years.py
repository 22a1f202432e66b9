"""One provider across policy years (`explain --jaar 2025 --jaar 2026`): per domain and
zorgsoort the decision under each year whose policy covers the provider, side by side, and for
every change of outcome between two consecutive years the clauses that changed between them.

What changed between two years is `check.diff.structural` (the same clause-by-clause comparison
as `caresq-logic diff`); a change is named for a provider only where its result for this
provider differs between the years (it stands in the way, counts as a factor, continues a contract
or is unknown in one year and not in the other), so it is a cause of the change of outcome, not
just a difference in the text. Each named clause
carries its citation in both years and the change-list items (`wijziging`) whose deltas name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.diff import Change, structural
from ..decide import ClauseResult, Decision
from ..language import nodes as n
from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from .common import Report

# A clause's result for one provider in one year: the JSON constants of `state`.
ABSENT, NOT_APPLICABLE, UNKNOWN, MET, NOT_MET, EXCEPTED = \
    "afwezig", "nvt", "onbekend", "voldaan", "niet_voldaan", "uitgezonderd"


@dataclass(frozen=True)
class Cell:
    """One year of one zorgsoort: the policy in force that year, and its decision (None: this
    year's policy covers the domain but not the zorgsoort)."""

    year: int
    policy: Policy
    decision: Decision | None


@dataclass(frozen=True)
class ClauseStep:
    """A clause that changed between two years and whose result for the provider changed."""

    ident: str
    how: str                          # toegevoegd, vervallen, gewijzigd (diff's words)
    older: n.Clause | None
    newer: n.Clause | None
    older_state: str
    newer_state: str
    older_effect: str | None          # what it did to the decision that year (`_effect`)
    newer_effect: str | None
    announced: tuple[n.Change, ...]   # the change-list items whose deltas name it


@dataclass(frozen=True)
class TierStep:
    label: str
    how: str
    older: n.Tier | None
    newer: n.Tier | None
    older_holds: bool | None          # None: the tier does not exist that year
    newer_holds: bool | None


@dataclass
class Step:
    """A change of outcome between two consecutive years, and what changed to cause it."""

    older: Cell
    newer: Cell
    care_type: Change | None = None   # the zorgsoort itself added or removed
    clauses: list[ClauseStep] = field(default_factory=list)
    tiers: list[TierStep] = field(default_factory=list)


@dataclass
class Row:
    domain: str
    care_type: str
    title: str
    cells: list[Cell] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


@dataclass
class ProviderYears:
    file: str
    provider: str
    name: str | None
    rows: list[Row] = field(default_factory=list)


def across(per_year: dict[int, list[Report]]) -> list[ProviderYears]:
    """The years side by side for every provider in the reports (one list of reports a year)."""
    providers: dict[tuple[str, str], ProviderYears] = {}
    covered: dict[tuple[str, str], list[tuple[int, Policy, dict[str, Decision]]]] = {}
    for year in sorted(per_year):
        for report in per_year[year]:
            key = (report.file, report.provider)
            providers.setdefault(key, ProviderYears(report.file, report.provider, report.name))
            covered.setdefault(key, []).extend(
                (year, policy, {d.care_type.name: d for d in decisions}) for policy, decisions in report.policies)
    diffs: dict[tuple[str, str], tuple[list[Change], list[Change]]] = {}
    for key, result in providers.items():
        titles = {(policy.header.domain, name): d.care_type.title
                  for _, policy, decided in covered[key] for name, d in decided.items()}
        for domain, name in sorted(titles):
            row = Row(domain, name, titles[(domain, name)])
            row.cells = [Cell(year, policy, decided.get(name)) for year, policy, decided in covered[key]
                         if policy.header.domain == domain]
            row.steps = [_step(a, b, name, diffs) for a, b in zip(row.cells, row.cells[1:]) if _differs(a, b)]
            result.rows.append(row)
    return list(providers.values())


def _outcome(cell: Cell) -> tuple[str, str | None] | None:
    return (cell.decision.outcome.value, cell.decision.tier) if cell.decision else None


def _differs(a: Cell, b: Cell) -> bool:
    return _outcome(a) != _outcome(b)


def _step(older: Cell, newer: Cell, care_type: str, diffs: dict) -> Step:
    pair = (older.policy.path, newer.policy.path)
    if pair not in diffs:
        diffs[pair] = structural(older.policy, newer.policy)
    changes, clause_changes = diffs[pair]
    step = Step(older, newer)
    step.care_type = next((c for c in changes if c.what == "zorgsoort" and c.ident == care_type), None)
    for change in clause_changes:
        old_clause, new_clause = older.policy.clauses.get(change.ident), newer.policy.clauses.get(change.ident)
        if not any(c is not None and care_type in c.care_types for c in (old_clause, new_clause)):
            continue
        before, after = _result(older.decision, change.ident), _result(newer.decision, change.ident)
        if _effect(before) != _effect(after):   # a cause of the change, not only a different text
            step.clauses.append(ClauseStep(change.ident, change.how, old_clause, new_clause, _state(before),
                                           _state(after), _effect(before), _effect(after),
                                           _announcing(newer.policy, change.ident)))
    for change in changes:
        if change.what == "zorgovereenkomst" and change.care_type == care_type:
            label = change.ident.split("@")[0]
            held = (_tier_holds(older.decision, label), _tier_holds(newer.decision, label))
            if held[0] != held[1]:
                step.tiers.append(TierStep(label, change.how, _tier(older.policy, care_type, label),
                                           _tier(newer.policy, care_type, label), *held))
    return step


def _result(decision: Decision | None, ident: str) -> ClauseResult | None:
    if decision is None:
        return None
    return next((c for c in decision.clauses if c.clause.id == ident), None)


def _state(result: ClauseResult | None) -> str:
    if result is None:
        return ABSENT
    if not result.active:
        return NOT_APPLICABLE
    if result.unknown:   # depends on what the provider did not state (three-valued facts)
        return UNKNOWN
    if result.excepted:
        return EXCEPTED
    return MET if result.met else NOT_MET


def _effect(result: ClauseResult | None) -> str | None:
    """What the clause did to the provider's decision that year: stood in the way ("blocks"),
    counted as a factor ("counts"), continued a contract ("continues"), sent it to another
    policy ("elsewhere"), depended on what the provider did not state ("unknown"), or nothing."""
    if result is None or not result.active:
        return None
    if result.unknown:   # depends on what the provider did not state
        return "unknown"
    kind, met = result.clause.kind, result.met
    if kind.required or kind is ClauseKind.APPROACHED:
        return None if met else "blocks"
    if kind is ClauseKind.EXCLUSION:
        return "blocks" if met and not result.excepted else None
    effects = {ClauseKind.NOT_APPROACHED: "blocks", ClauseKind.FACTOR: "counts",
               ClauseKind.CONTINUING: "continues", ClauseKind.ELSEWHERE: "elsewhere"}
    return effects.get(kind) if met else None   # a route only informs


def _announcing(policy: Policy, ident: str) -> tuple[n.Change, ...]:
    """The change-list items of the later year whose deltas name the clause (new or old side)."""
    return tuple(c for c in policy.changes if any(ident in d.names or ident in d.old for d in c.deltas))


def _tier(policy: Policy, care_type: str, label: str) -> n.Tier | None:
    return next((t for t in policy.tiers.get(care_type, ()) if t.label == label), None)


def _tier_holds(decision: Decision | None, label: str) -> bool | None:
    if decision is None:
        return None
    return next((t.holds for t in decision.tiers if t.tier.label == label), None)
