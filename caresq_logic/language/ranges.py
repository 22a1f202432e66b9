"""What clingo multiplies must fit in its 32-bit integers: they wrap silently, and a comparison
of a wrapped product gives a wrong answer without a word.

A comparison `k groter dan c` multiplies nothing: every value is kept within `nodes.MAX_INTEGER`
where it enters (B240, A220). A ratio `a ten minste p% van b` is compiled (asp.compiler) as
`L*A op R*B` over the stored integers A = a*sa and B = b*sb (a kenmerk `met N decimalen` is
counted in 10**-N), with p = P/sp: L = 100*sp*sb and R = P*sa. Two decimals on the whole make
L = 10,000, so MAX_INTEGER alone does not bound L*A. Hence each side's own bound, from the
policies in force: A at most (2**31 - 1) // L and B at most (2**31 - 1) // R, checked where a
provider value enters (A250). A policy whose ratio cannot even hold its own edge (a whole of
100*sp units and a part one above it, the values `check` tries: asp.cells) is B240.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, diag
from . import nodes as n
from .conditions import conditions, walk

MAX_32 = 2**31 - 1   # clingo's largest integer


def factors(ratio: n.Ratio, features: dict[str, n.Feature]) -> tuple[int, int]:
    """(L, R) of `L*A op R*B`, the integers a ratio is compiled to."""
    sa = features[ratio.part.name].type.scale
    sb = features[ratio.whole.name].type.scale
    sp = 10 ** n.decimals_of(ratio.percent.value)
    return 100 * sp * sb, int(ratio.percent.value * sp) * sa


def ratios(policy) -> list[n.Ratio]:
    return [node for condition in conditions(policy) for node in walk(condition) if isinstance(node, n.Ratio)]


def limits(policies) -> dict[str, tuple[int, n.Ratio]]:
    """Per kenmerk a ratio multiplies: the largest magnitude its stored integer may have, and
    the ratio that bounds it most."""
    found: dict[str, tuple[int, n.Ratio]] = {}
    for policy in policies:
        for ratio in ratios(policy):
            for ref, factor in zip((ratio.part, ratio.whole), factors(ratio, policy.features)):
                if factor:
                    _keep(found, ref.name, MAX_32 // factor, ratio)
    return found


def merged(each: list[dict[str, tuple[int, n.Ratio]]]) -> dict[str, tuple[int, n.Ratio]]:
    """`limits` of several policies from each one's own `limits` (outlines keep those): the same."""
    found: dict[str, tuple[int, n.Ratio]] = {}
    for own in each:
        for name, (bound, ratio) in own.items():
            _keep(found, name, bound, ratio)
    return found


def _keep(found: dict, name: str, bound: int, ratio: n.Ratio) -> None:
    """The smallest bound wins; of equal ones the first."""
    if name not in found or bound < found[name][0]:
        found[name] = (bound, ratio)


def too_large(policy) -> list[Diagnostic]:
    """B240 for every ratio whose edge does not fit, with the product as shown."""
    found = []
    for ratio in ratios(policy):
        left, right = factors(ratio, policy.features)
        if left * (right + 1) > MAX_32:
            found.append(diag("B240", ratio.percent.span, value=f"{left} × {right + 1}", limit=MAX_32))
    return found
