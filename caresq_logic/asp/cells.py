"""Threshold cells: the few values of a numeric kenmerk that every comparison of a policy can
tell apart (c-1, c, c+1 around each threshold; dates a day either side). Any other value
behaves like one of these, so choosing among them covers every completion of an unknown fact.

Used by `check` (the witness space) and by `decide` (the completions of an unknown kenmerk).
"""

from __future__ import annotations

import datetime as dt

from ..language import nodes as n
from ..language.conditions import conditions, walk
from ..language.ranges import factors
from ..language.resolve import Policy
from .compiler import asp_date, scaled


def shift_date(number: int, days: int) -> int:
    date = dt.date(number // 10000, number // 100 % 100, number % 100) + dt.timedelta(days=days)
    return asp_date(date)


def threshold_cells(policy: Policy) -> dict[tuple[str, int | None], set[int]]:
    """Per (numeric kenmerk, year): the values around every threshold the policy compares it
    with, in the program's units (one step of the last declared decimal); for a ratio p% with
    both sides free, a whole of 100 (and of 0) and the parts around its edge."""
    values: dict[tuple[str, int | None], set[int]] = {}
    for condition in conditions(policy):
        for node in walk(condition):
            if isinstance(node, n.Comparison):
                key = (node.ref.name, node.ref.year)
                if isinstance(node.value, n.DateValue):
                    c = asp_date(node.value.value)
                    values.setdefault(key, set()).update({shift_date(c, -1), c, shift_date(c, 1)})
                else:
                    c = scaled(node.value.value, policy.features[node.ref.name].type.scale)
                    values.setdefault(key, set()).update({c - 1, c, c + 1})
            elif isinstance(node, n.Ratio):
                whole, p = factors(node, policy.features)   # the edge: a part of p% of a whole of 100
                values.setdefault((node.whole.name, node.whole.year), set()).update({0, whole})
                values.setdefault((node.part.name, node.part.year), set()).update({p - 1, p, p + 1})
    return values


def part_cells(percent, whole: int) -> set[int]:
    """Parts around the flip point of `100*part vs percent*whole` for a known whole (units of
    the same scale on both sides; a decimal percent is rounded to the cells around it)."""
    low, high = int(percent * whole // 100), -int(-percent * whole // 100)   # floor and ceiling
    return {low - 1, low, high, high + 1}


def whole_cells(percent, part: int) -> set[int]:
    """Wholes around the flip point of `100*part vs percent*whole` for a known part (and 0)."""
    if percent == 0:
        return {0, 1}
    low, high = int(100 * part // percent), -int(-100 * part // percent)
    return {0, low - 1, low, high, high + 1}


def in_range(feature: n.Feature, value: int) -> bool:
    kind = feature.type.kind
    if kind == "count":
        return value >= 0
    if kind == "percentage":
        return 0 <= value <= 100 * feature.type.scale
    return True
