"""Walking a condition: its nodes, and the kenmerk references of its leaves."""

from __future__ import annotations

from . import nodes as n


def walk(condition: n.Condition):
    """Every node of a condition, parents before children."""
    yield condition
    if isinstance(condition, n.Not):
        yield from walk(condition.operand)
    elif isinstance(condition, (n.And, n.Or)):
        for operand in condition.operands:
            yield from walk(operand)


def refs(condition: n.Condition):
    """The kenmerk references of every leaf of a condition, in order."""
    for node in walk(condition):
        if isinstance(node, (n.Truth, n.Comparison, n.Membership)):
            yield node.ref
        elif isinstance(node, n.Ratio):
            yield node.part
            yield node.whole
