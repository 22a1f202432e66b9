"""Check policies for contradictions, overlaps, gaps, dead clauses and cross-year problems.

Takes: checked `Policy` values (all years).
Returns: `findings.Finding`s, with severities applied and suppressions marked.

The search happens in clingo (`session`); each finding family has its own module. Only the
comparisons between years, between milestone dates, and of the change lists are plain Python
over clause texts and dates; no provider combination is ever enumerated in Python."""

from __future__ import annotations

from ..language.contract_years import for_contract_year
from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from .classes import approach_goals, approach_vs_purchase, intentions_as_fact, without_route
from .dead import dead_clauses
from .findings import Finding
from .overlap import opposite_bounds
from .overlap import overlaps as overlap_findings
from .reach import unreachable_and_gaps, useless_exceptions
from .session import Session
from .severities import apply_policy_settings
from .timeline import milestone_order, retroactive_starts
from .translations import partial_english
from .years import check_years


def goals(policy: Policy, overlaps: list[tuple[str, str, str]]) -> list[str]:
    """Every question the checks below may ask, so the program is grounded once."""
    goals: list[str] = []
    for z in policy.care_types:
        tiers = policy.tiers.get(z, ())
        goals += [f'reach({z},"{t.label}")' for t in tiers] or [f"reach({z},none)"]
        goals.append(f"gap({z})")
        for clause in policy.clauses.values():
            if not policy.applies_to(clause, z):
                continue
            if clause.kind is ClauseKind.FACTOR:
                goals += [f"met({z},{clause.id})", f"unmet({z},{clause.id})"]
            elif clause.kind.decides and clause.kind is not ClauseKind.ELSEWHERE:   # not a restriction
                goals.append(f"alone({z},{clause.id})")
                if clause.kind is ClauseKind.EXCLUSION and clause.exception is not None:
                    goals.append(f"excepted_contract({z},{clause.id})")
        for rule in policy.start_rules:
            if policy.applies_to(rule, z) or not policy.scope(rule):
                goals.append(f"retroactive({z},{rule.id},{policy.header.year})")
    return goals + [f"both({z1},{z2})" for z1, z2, _ in overlaps] + approach_goals(policy)


def check_policy(policy: Policy) -> list[Finding]:
    if not policy.care_types:
        return []
    overlaps = opposite_bounds(policy)
    session = Session.build(policy, goals(policy, overlaps))
    findings, unreachable = unreachable_and_gaps(policy, session)
    findings += dead_clauses(policy, session, unreachable)
    findings += useless_exceptions(policy, session)
    findings += overlap_findings(policy, session, overlaps)
    findings += retroactive_starts(policy, session)
    findings += approach_vs_purchase(policy, session)
    return findings + milestone_order(policy) + without_route(policy) + intentions_as_fact(policy) + partial_english(policy)


def check(policies: list[Policy], severities: dict[str, str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for policy in policies:
        # A derived year is year N with its deltas undone: its own findings are N's, or rest on
        # what the change list leaves unknown; it is checked against N (check_years) only.
        if policy.header.derived_from is not None:
            continue
        # Each contract year a clause names (`in contractjaar N`) is a policy of its own to check;
        # a finding that holds in several years is reported once.
        seen: set[str] = set()
        for year in sorted({policy.header.year} | {c.contract_year for c in policy.clauses.values() if c.contract_year}):
            for finding in check_policy(for_contract_year(policy, year)):
                key = repr((finding.kind, finding.key, sorted(finding.args.items()), [i.id for i in finding.involved]))
                if key not in seen:
                    seen.add(key)
                    findings.append(finding)
    findings += check_years(policies)
    return apply_policy_settings(findings, policies, severities)
