"""Walking a condition: every node (parents first) and the kenmerk references of its leaves; every
condition of a policy."""

from __future__ import annotations

from . import nodes as n


def walk(condition: n.Condition):
    """Every node of a condition, parents before children."""
    yield condition
    match condition:
        case n.Not(operand=operand):
            yield from walk(operand)
        case n.And(operands=operands) | n.Or(operands=operands):
            for operand in operands:
                yield from walk(operand)
        case n.Truth() | n.Comparison() | n.Ratio() | n.Membership() | n.AllRequired() | n.FactorCount() | n.Unknown():
            pass
        case _:
            raise TypeError(f"not a condition: {type(condition).__name__}")


def refs(condition: n.Condition):
    """The kenmerk references of every leaf of a condition, in order."""
    for node in walk(condition):
        match node:
            case n.Truth() | n.Comparison() | n.Membership():
                yield node.ref
            case n.Ratio():
                yield node.part
                yield node.whole


def conditions(policy):
    """Every condition of a policy: of clauses (with guards and exceptions), tiers, start rules."""
    for clause in policy.clauses.values():
        yield from (c for c in (clause.condition, clause.guard, clause.exception) if c is not None)
    for tiers in policy.tiers.values():
        yield from (t.condition for t in tiers)
    yield from (r.guard for r in policy.start_rules if r.guard is not None)
