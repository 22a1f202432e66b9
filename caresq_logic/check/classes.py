"""Findings about how a text's parts fit together, beyond one clause's conditions:

- K800 (benaderd_inkoop): two approach clauses from different paragraphs that select different
  providers for one zorgsoort (a witness meets one, fails the other). A provider who meets every
  condition and is neither approached nor has a route is not reported: approach asks for
  formalities such as a Vektis registration, so one always exists;
- K900 (geen_route): a zorgsoort with conditions of its own but no way in (benaderd, route,
  doorlopend), or no looptijd where the text gives other zorgsoorten one;
- K950 (voornemen_als_feit): a change the text states only as an intention (`voornemen`) whose
  items the body applies as fact (a looptijd, a continuing contract, a hard condition).

K800 is decided in clingo (`session` goals); K900 and K950 compare declarations only."""

from __future__ import annotations

from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from ..messages import Listing, Phrase
from .findings import Finding, Involved, involved
from .session import Session
from .space import witness_text

WAYS_IN = (ClauseKind.APPROACHED, ClauseKind.APPROACHES_ALL, ClauseKind.ROUTE, ClauseKind.CONTINUING)


def _top_level(policy: Policy) -> list[str]:
    return [z for z, c in policy.care_types.items() if not c.parents]


def approach_goals(policy: Policy) -> list[str]:
    goals = []
    for z in _top_level(policy):
        approach = [c for c in policy.clauses.values()
                    if c.kind in (ClauseKind.APPROACHED, ClauseKind.APPROACHES_ALL) and policy.applies_to(c, z)]
        # Approach criteria from different paragraphs: does each select the same providers? (Two
        # `benadert alle` clauses name different providers on purpose: together they are whom
        # Caresq approaches.)
        for first in approach:
            for second in approach:
                both_naming = first.kind is second.kind is ClauseKind.APPROACHES_ALL
                if first.id < second.id and first.citation.section != second.citation.section and not both_naming:
                    goals.append(f"approach_split({z},{first.id},{second.id})")
    return goals


def approach_vs_purchase(policy: Policy, session: Session) -> list[Finding]:
    findings = []
    for z in _top_level(policy):
        for goal in [g for g in approach_goals(policy) if g.startswith(f"approach_split({z},")]:
            first, second = goal[:-1].split(",")[1:]
            facts = session.witness(goal)
            if facts is not None:
                findings.append(Finding("benaderd_inkoop", policy.path, "check.approach_split",
                                        {"care_type": z, "first": first, "second": second},
                                        involved=[involved(policy, first), involved(policy, second)],
                                        witness=witness_text(policy, facts)))
    return findings


def without_route(policy: Policy) -> list[Finding]:
    findings = []
    # Only where the text gives other zorgsoorten a way in or a term is its absence a finding.
    has_terms = bool(policy.terms)
    has_ways = any(c.kind in WAYS_IN for c in policy.clauses.values())
    for z in _top_level(policy):
        own = [c for c in policy.clauses.values() if c.kind.required and policy.applies_to(c, z)
               and len(c.care_types) < len(policy.care_types)]
        if not own:
            continue
        way_in = any(c.kind in WAYS_IN and policy.applies_to(c, z) for c in policy.clauses.values())
        term = any(policy.applies_to(t, z) for t in policy.terms) or \
            any(c.kind is ClauseKind.CONTINUING and policy.applies_to(c, z) for c in policy.clauses.values())
        missing = ([] if way_in or not has_ways else [Phrase("missing.way_in")]) + \
            ([] if term or not has_terms else [Phrase("term_word")])
        if missing:
            findings.append(Finding("geen_route", policy.path, "check.no_route",
                                    {"care_type": z, "missing": Listing(tuple(missing))},
                                    involved=[involved(policy, c.id) for c in own[:3]]))
    return findings


def _applied(kind: ClauseKind) -> bool:
    """A clause of this kind applies what it says as fact (a hard condition, a continuing contract)."""
    return kind.restrictive or kind is ClauseKind.CONTINUING


def intentions_as_fact(policy: Policy) -> list[Finding]:
    findings = []
    for change in policy.changes:
        if not change.intention:
            continue
        facts: list[Involved] = []
        for delta in change.deltas:
            for name in delta.names:
                if name in policy.clauses and _applied(policy.clauses[name].kind):
                    facts.append(involved(policy, name))
                elif name in policy.care_types:
                    facts += [Involved(t.id, t.title, t.citation.section, t.span) for t in policy.terms
                              if policy.applies_to(t, name)]
        if facts:
            findings.append(Finding("voornemen_als_feit", policy.path, "check.intention_as_fact",
                                    {"change": change.id, "items": ", ".join(f.id for f in facts)},
                                    involved=[Involved(change.id, change.title, change.citation.section, change.span)]
                                    + facts))
    return findings
