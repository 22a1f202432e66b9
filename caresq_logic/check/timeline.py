"""Timeline findings (K700): a start date before the contract year, an offer after its
signing deadline, a deadline in or after the contract year."""

from __future__ import annotations

import datetime as dt

from ..language import nodes as n
from ..language.resolve import Policy
from .findings import Finding, Involved
from .session import Session
from .space import witness_text


def retroactive_starts(policy: Policy, session: Session) -> list[Finding]:
    """A start date that can fall before the contract year."""
    findings = []
    for rule in policy.start_rules:
        z = (policy.scope(rule) or tuple(policy.care_types))[0]
        facts = session.witness(f"retroactive({z},{rule.id},{policy.header.year})")
        if facts is not None:
            findings.append(Finding("tijdlijn", policy.path, "check.retroactive",
                                    {"clause": rule.id, "year": policy.header.year},
                                    involved=[Involved(rule.id, rule.title, rule.citation.section, rule.span)],
                                    witness=witness_text(policy, facts)))
    return findings


def _earliest_latest(w: n.When) -> tuple[dt.date, dt.date] | None:
    if w.kind in ("on", "from") and w.date and w.date.value:
        return w.date.value, w.date.value if w.kind == "on" else dt.date(9999, 12, 31)
    if w.kind in ("early", "mid", "end"):
        first = dt.date(w.year, w.month, 1)
        last = (dt.date(w.year + (w.month == 12), w.month % 12 + 1, 1) - dt.timedelta(days=1))
        return {"early": (first, first.replace(day=10)), "mid": (first.replace(day=10), first.replace(day=20)),
                "end": (first.replace(day=20), last)}[w.kind]
    return None


def milestone_order(policy: Policy) -> list[Finding]:
    """An offer that can only come after its signing deadline; a deadline in or after the contract year."""
    findings = []
    dated = [(m, _earliest_latest(m.when)) for m in policy.milestones]
    dated = [(m, d) for m, d in dated if d is not None]
    for offer, (offer_first, _) in [(m, d) for m, d in dated if m.kind == "aanbieding"]:
        for signing, (_, signing_last) in [(m, d) for m, d in dated if m.kind == "tekendatum"]:
            overlap = not policy.scope(offer) or not policy.scope(signing) or \
                set(policy.scope(offer)) & set(policy.scope(signing))
            if overlap and offer_first > signing_last:
                findings.append(Finding("tijdlijn", policy.path, "check.offer_after_signing",
                                        {"offer": offer.id, "offer_date": offer_first.isoformat(),
                                         "signing": signing.id, "signing_date": signing_last.isoformat()},
                                        involved=[_milestone(offer), _milestone(signing)]))
    contract_year = dt.date(policy.header.year, 1, 1)
    for m, (first, _) in dated:
        if m.kind in ("deadline", "tekendatum", "aanbieding") and first >= contract_year:
            findings.append(Finding("tijdlijn", policy.path, "check.date_in_year",
                                    {"kind": m.kind, "clause": m.id, "date": first.isoformat(),
                                     "year": policy.header.year}, involved=[_milestone(m)]))
    return findings


def _milestone(m: n.Milestone) -> Involved:
    return Involved(m.id, m.title, m.citation.section, m.span)
