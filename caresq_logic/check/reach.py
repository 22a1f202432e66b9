"""Findings about what nobody can get: an unreachable contract or tier (K100), a provider
meeting every condition who fits no tier (K300), an exception that never leads to a contract (K100)."""

from __future__ import annotations

from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from .findings import Finding, Involved, involved
from .session import Session
from .space import witness_text


def unreachable_and_gaps(policy: Policy, session: Session) -> tuple[list[Finding], set[str]]:
    """A tier (or, without tiers, any contract) nobody can get; a provider meeting every
    condition who fits no tier. Also returns the zorgsoorten nobody can get at all."""
    findings: list[Finding] = []
    unreachable: set[str] = set()
    for z in policy.care_types:
        tiers = policy.tiers.get(z, ())
        for label in [t.label for t in tiers] or [None]:
            goal = f'reach({z},"{label}")' if label else f"reach({z},none)"
            if session.satisfiable(goal):
                continue
            if label is None or label == tiers[-1].label:
                unreachable.add(z)
            core = session.core(goal)
            extra = [] if core else [Involved(f"{label}@{z}", None, t.citation.section, t.span)
                                     for t in tiers if t.label == label]
            key = "check.unreachable_tier" if label else "check.unreachable"
            if label and not core:
                key = "check.structural"   # no clause to blame: the tier asks too much on its own
            findings.append(Finding("onvervulbaar", policy.path, key, {"tier": label, "care_type": z},
                                    involved=extra, core=[involved(policy, c) for c in core]))
        if tiers:
            facts = session.witness(f"gap({z})")
            if facts is not None:
                findings.append(Finding("gat", policy.path, "check.gap", {"care_type": z},
                                        witness=witness_text(policy, facts),
                                        involved=[Involved(f"{t.label}@{z}", None, t.citation.section, t.span)
                                                  for t in tiers]))
    return findings, unreachable


def useless_exceptions(policy: Policy, session: Session) -> list[Finding]:
    """A `tenzij` that never leads to a contract, with the clauses that stop it."""
    findings = []
    for clause in policy.clauses.values():
        if clause.kind is not ClauseKind.EXCLUSION or clause.exception is None:
            continue
        for z in policy.scope(clause):
            goal = f"excepted_contract({z},{clause.id})"
            if not session.satisfiable(goal):
                core = session.core(goal, keep=frozenset({clause.id}))
                findings.append(Finding("onvervulbaar", policy.path, "check.exception",
                                        {"clause": clause.id, "care_type": z, "core": ", ".join(core)},
                                        involved=[involved(policy, clause.id)],
                                        core=[involved(policy, c) for c in core]))
    return findings
