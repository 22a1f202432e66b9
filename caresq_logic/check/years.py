"""Across years (K500, K600): a continuing contract whose conditions changed between
consecutive publications, and a change list that disagrees with the real difference.

The identity of a condition across years is its printed text; a cross-year conflict comes with
a witness found in clingo on the later year and confirmed by deciding it under the earlier one."""

from __future__ import annotations

from .. import decide
from ..asp.compiler import compile_policy
from ..language import nodes as n
from ..language import printer
from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from ..providers.model import Catalog
from ..providers.read import read
from .findings import Finding, Involved, involved
from .session import Session
from .space import witness_text


def _required(policy: Policy, z: str) -> dict[n.Condition, str]:
    """Required clauses of `z` by their condition. Conditions compare by structure (spans take
    no part), which is the identity of a condition across years."""
    return {c.condition: c.id for c in policy.clauses.values() if c.kind.required and policy.applies_to(c, z)}


def _pairs(policies: list[Policy]) -> list[tuple[Policy, Policy]]:
    """(earlier, later) publications of one domain, in order."""
    by_domain: dict[str, list[Policy]] = {}
    for policy in policies:
        by_domain.setdefault(policy.header.domain, []).append(policy)
    pairs = []
    for domain in sorted(by_domain):
        ordered = sorted(by_domain[domain], key=lambda p: (p.header.year, p.header.version or "9999"))
        pairs += list(zip(ordered, ordered[1:], strict=False))   # consecutive publications
    return pairs


def _cross_year_witness(earlier: Policy, later: Policy, z: str, gone: list[str]) -> str | None:
    """A provider that gets the contract under `later` but fails a condition only `earlier` had:
    compliant in one year, not in the other. Found in clingo on the later year, then confirmed
    by deciding it under the earlier year exactly as `explain` would."""
    if not gone:
        return None
    tiers = later.tiers.get(z, ())
    goal = f'reach({z},"{tiers[-1].label}")' if tiers else f"reach({z},none)"
    facts = Session.build(later, [goal]).witness(goal)
    if facts is None:
        return None
    text = witness_text(later, facts)
    provider_file = read(text.encode(), "getuige.lp", Catalog.of([earlier, later]))
    for decision in decide.solve(compile_policy(earlier), [provider_file]):
        if decision.care_type.name == z and any(c.clause.id in gone and c.active and not c.met
                                                for c in decision.clauses):
            return text
    return None


def check_years(policies: list[Policy]) -> list[Finding]:
    findings = []
    for earlier, later in _pairs(policies):
        for z in sorted(set(earlier.care_types) & set(later.care_types)):
            findings += _changed_conditions(earlier, later, z)
        if earlier.header.reconstructed_from is None:
            findings += _changes_without_difference(earlier, later)
    return findings


def _continues(earlier: Policy, later: Policy, z: str) -> bool:
    """Does a contract for `z` run on from `earlier` into `later`?"""
    return any(c.kind is ClauseKind.CONTINUING and later.applies_to(c, z) for c in later.clauses.values()) or \
        any(t.end >= later.header.year for t in earlier.terms if earlier.applies_to(t, z))


def _changed_conditions(earlier: Policy, later: Policy, z: str) -> list[Finding]:
    """K500 when a continuing contract's required conditions changed; K600 when the change list
    of `later` does not mention `z` although they did."""
    partial = earlier.header.reconstructed_from is not None
    before, after = _required(earlier, z), _required(later, z)
    gone = sorted(set(before) - set(after), key=printer.condition)
    new = [] if partial else sorted(set(after) - set(before), key=printer.condition)   # a partial year may have had them
    if not gone and not new:
        return []
    findings = []
    clauses = [involved(earlier, before[t]) for t in gone] + [involved(later, after[t]) for t in new]
    if _continues(earlier, later, z):
        findings.append(Finding(
            "jaaroverschrijdend", later.path, "check.cross_year",
            {"care_type": z, "earlier": earlier.path, "later": later.path,
             "gone": ", ".join(before[t] for t in gone) or "-", "new": ", ".join(after[t] for t in new) or "-"},
            involved=clauses, witness=_cross_year_witness(earlier, later, z, [before[t] for t in gone])))
    if not any(not later.scope(ch) or later.applies_to(ch, z) for ch in later.changes):
        findings.append(Finding(
            "wijzigingenlijst", later.path, "check.change_unstated",
            {"care_type": z, "earlier": earlier.path, "later": later.path}, involved=clauses))
    return findings


def _changes_without_difference(earlier: Policy, later: Policy) -> list[Finding]:
    """K600: a change-list item whose zorgsoorten have the same required conditions as before."""
    findings = []
    for change in later.changes:
        scope = later.scope(change)
        known = [z for z in scope if z in earlier.care_types]
        if known and all(_required(earlier, z) == _required(later, z) for z in known):
            findings.append(Finding(
                "wijzigingenlijst", later.path, "check.change_no_difference",
                {"clause": change.id, "care_type": ", ".join(scope)},
                involved=[Involved(change.id, change.title, change.citation.section, change.span)]))
    return findings
