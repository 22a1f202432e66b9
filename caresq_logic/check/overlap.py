"""Overlap (K200): two zorgsoorten whose required clauses bound one kenmerk from opposite
sides (the text means them to partition providers), yet one provider can get both."""

from __future__ import annotations

from ..language import nodes as n
from ..language.conditions import walk
from ..language.resolve import Policy
from .findings import Finding, involved
from .session import Session
from .space import witness_text


def opposite_bounds(policy: Policy) -> list[tuple[str, str, str]]:
    """Pairs of zorgsoorten whose required clauses bound the same kenmerk from opposite sides
    (one 'ten minste', the other 'hoogstens'): the text means them to partition providers."""
    bounds: dict[str, dict[str, set[str]]] = {}
    for clause in policy.clauses.values():
        if not clause.kind.required:
            continue
        for node in walk(clause.condition):
            if isinstance(node, n.Comparison) and not isinstance(node.value, n.DateValue):
                side = "lower" if node.op in ("gt", "ge") else "upper" if node.op in ("lt", "le") else None
                if side:
                    for z in policy.scope(clause):
                        bounds.setdefault(z, {}).setdefault(node.ref.name, set()).add(side)
    pairs = []
    zs = sorted(bounds)
    for i, z1 in enumerate(zs):
        for z2 in zs[i + 1:]:
            for name in sorted(set(bounds[z1]) & set(bounds[z2])):
                if ("lower" in bounds[z1][name] and "upper" in bounds[z2][name]) or \
                   ("upper" in bounds[z1][name] and "lower" in bounds[z2][name]):
                    pairs.append((z1, z2, name))
    return pairs


def overlaps(policy: Policy, session: Session, overlaps: list[tuple[str, str, str]]) -> list[Finding]:
    """Two zorgsoorten meant to exclude each other, both open to one provider."""
    findings = []
    for z1, z2, name in overlaps:
        facts = session.witness(f"both({z1},{z2})")
        if facts is None:
            continue
        bounding = [c.id for c in policy.clauses.values() if c.kind.required
                    and any(isinstance(x, n.Comparison) and x.ref.name == name for x in walk(c.condition))
                    and (policy.applies_to(c, z1) or policy.applies_to(c, z2))]
        findings.append(Finding("overlap", policy.path, "check.overlap", {"first": z1, "second": z2, "feature": name},
                                involved=[involved(policy, c) for c in bounding], witness=witness_text(policy, facts)))
    return findings
