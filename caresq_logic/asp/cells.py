"""Threshold cells: the few values of a numeric kenmerk that every comparison of a policy can
tell apart (c-1, c, c+1 around each threshold; dates a day either side). Any other value
behaves like one of these, so choosing among them covers every completion of an unknown fact.

Used by `check` (the witness space) and by `decide` (the completions of an unknown kenmerk).
"""

from __future__ import annotations

import datetime as dt

from ..language import nodes as n
from ..language.resolve import Policy, walk
from .compiler import asp_date


def shift_date(number: int, days: int) -> int:
    date = dt.date(number // 10000, number // 100 % 100, number % 100) + dt.timedelta(days=days)
    return asp_date(date)


def conditions(policy: Policy):
    """Every condition of a policy: of clauses (with guards and exceptions), tiers, start rules."""
    for clause in policy.clauses.values():
        yield from (c for c in (clause.condition, clause.guard, clause.exception) if c is not None)
    for tiers in policy.tiers.values():
        yield from (t.condition for t in tiers)
    yield from (r.guard for r in policy.start_rules if r.guard is not None)


def ratios(policy: Policy) -> list[n.Ratio]:
    return [node for condition in conditions(policy) for node in walk(condition) if isinstance(node, n.Ratio)]


def threshold_cells(policy: Policy) -> dict[tuple[str, int | None], set[int]]:
    """Per (numeric kenmerk, year): the values around every threshold the policy compares it
    with; for a ratio p% with both sides free, a whole of 100 and a part of p-1, p, p+1."""
    values: dict[tuple[str, int | None], set[int]] = {}
    for condition in conditions(policy):
        for node in walk(condition):
            if isinstance(node, n.Comparison):
                key = (node.ref.name, node.ref.year)
                if isinstance(node.value, n.DateValue):
                    c = asp_date(node.value.value)
                    values.setdefault(key, set()).update({shift_date(c, -1), c, shift_date(c, 1)})
                else:
                    c = node.value.value
                    values.setdefault(key, set()).update({c - 1, c, c + 1})
            elif isinstance(node, n.Ratio):
                p = node.percent.value
                values.setdefault((node.whole.name, node.whole.year), set()).add(100)
                values.setdefault((node.part.name, node.part.year), set()).update({p - 1, p, p + 1})
    return values


def part_cells(percent: int, whole: int) -> set[int]:
    """Parts around the flip point of `100*part vs percent*whole` for a known whole."""
    low, high = (percent * whole) // 100, -((-percent * whole) // 100)   # floor and ceiling
    return {low - 1, low, high, high + 1}


def whole_cells(percent: int, part: int) -> set[int]:
    """Wholes around the flip point of `100*part vs percent*whole` for a known part (and 0)."""
    if percent == 0:
        return {0, 1}
    low, high = (100 * part) // percent, -((-100 * part) // percent)
    return {0, low - 1, low, high, high + 1}


def in_range(feature: n.Feature, value: int) -> bool:
    kind = feature.type.kind
    if kind == "count":
        return value >= 0
    if kind == "percentage":
        return 0 <= value <= 100
    return True
