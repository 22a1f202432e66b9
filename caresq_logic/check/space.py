"""The witness space: choice rules for the facts of one witness provider `w`.

Numeric kenmerken are reduced to the values around every threshold the policy names (c-1, c,
c+1; for a ratio p% the part p-1, p, p+1 of a whole of 100), which is complete for the
comparisons the language has. A found witness is printed as a provider file `explain` accepts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import clingo

from ..asp.compiler import choice_term, scaled
from ..language.reserved import LEVERT
from ..language import nodes as n
from ..language import printer
from ..language.conditions import refs, walk
from ..language.resolve import Policy


WITNESS = "w"


def _shift_date(number: int, days: int) -> int:
    date = dt.date(number // 10000, number // 100 % 100, number % 100) + dt.timedelta(days=days)
    return date.year * 10000 + date.month * 100 + date.day


def _conditions(policy: Policy):
    """Every condition of a policy: of clauses (with guards and exceptions), tiers, start rules."""
    for clause in policy.clauses.values():
        yield from (c for c in (clause.condition, clause.guard, clause.exception) if c is not None)
    for tiers in policy.tiers.values():
        yield from (t.condition for t in tiers)
    yield from (r.guard for r in policy.start_rules if r.guard is not None)


def _candidates(policy: Policy) -> dict[tuple[str, int | None], set[int]]:
    """Per (numeric kenmerk, year): the values around every threshold the policy compares it with."""
    values: dict[tuple[str, int | None], set[int]] = {}
    for condition in _conditions(policy):
        for node in walk(condition):
            if isinstance(node, n.Comparison):
                key = (node.ref.name, node.ref.year)
                if isinstance(node.value, n.DateValue):
                    c = node.value.value.year * 10000 + node.value.value.month * 100 + node.value.value.day
                    values.setdefault(key, set()).update({_shift_date(c, -1), c, _shift_date(c, 1)})
                else:   # in the program's units: one step of the last declared decimal
                    c = scaled(node.value.value, policy.features[node.ref.name].type.scale)
                    values.setdefault(key, set()).update({c - 1, c, c + 1})
            elif isinstance(node, n.Ratio):
                # A whole of 100*sp (in its units) puts the edge on a whole part P*sa; and a whole of 0.
                sa = policy.features[node.part.name].type.scale
                sb = policy.features[node.whole.name].type.scale
                sp = 10 ** n.decimals_of(node.percent.value)
                p = scaled(node.percent.value, sp) * sa
                values.setdefault((node.whole.name, node.whole.year), set()).update({0, 100 * sp * sb})
                values.setdefault((node.part.name, node.part.year), set()).update({p - 1, p, p + 1})
    year = policy.header.year
    for rule in policy.start_rules:   # a date before and one inside the contract year to start from
        values.setdefault((rule.ref.name, None), set()).update({(year - 1) * 10000 + 515, year * 10000 + 515})
    return values


def unscaled(number: int, scale: int) -> str:
    """The program's integer for a kenmerk with decimals, as the language writes it (`0,8`)."""
    return printer.number(Decimal(number) / scale) if scale > 1 else str(number)


def _in_range(feature: n.Feature, value: int) -> bool:
    kind = feature.type.kind
    if kind == "count":
        return value >= 0
    if kind == "percentage":
        return 0 <= value <= 100 * feature.type.scale
    return True


def witness_space(policy: Policy) -> list[str]:
    """Choice rules: which facts the witness provider may have."""
    # Every choice has a matching #minimize element: a printed witness is a smallest one.
    rules = [f"{{ levert({WITNESS},Z) : _zorgsoort(Z) }}.", f"#minimize {{ 1,levert,Z : levert({WITNESS},Z) }}."]
    candidates = _candidates(policy)
    referenced = {(r.name, r.year) for r in _all_refs(policy)}
    for (name, year) in sorted(referenced, key=lambda k: (k[0], k[1] or 0)):
        rules += _feature_space(policy.features[name], year, candidates)
    return rules


def _feature_space(feature: n.Feature, year: int | None, candidates: dict) -> list[str]:
    """The choice (and its #minimize element) of one kenmerk, for one year if per year."""
    name, kind = feature.name, feature.type.kind
    first = [WITNESS] + ([str(year)] if feature.per == "jaar" else [])
    per_z = feature.per == "zorgsoort"
    in_z = ", _zorgsoort(Z)" if per_z else ""
    args = ",".join(first + (["Z"] if per_z else []))
    variables = (["Z"] if per_z else []) + ([] if kind == "bool" else ["V"])
    atom = f"{name}({','.join(first + variables)})"
    rules = [f"#minimize {{ 1,{name},{year or 0}{''.join(',' + v for v in variables)} : {atom} }}."]
    if kind == "bool":
        rules.append(f"{{ {name}({args}){' : _zorgsoort(Z)' if per_z else ''} }}.")
    elif kind in ("choice", "multi"):
        domain = ";".join(choice_term(c) for c in feature.type.choices)
        bound = " 1" if kind == "choice" else ""
        rules.append(f"{{ {name}({args},V) : _witness_value({name},V){in_z} }}{bound}.")
        rules.append(f"_witness_value({name},({domain})).")
    else:
        values = sorted(v for v in candidates.get((name, year), {0}) if _in_range(feature, v))
        rules.append(f"_witness_value({name},{year or 0},({';'.join(map(str, values or [0]))})).")
        rules.append(f"{{ {name}({args},V) : _witness_value({name},{year or 0},V){in_z} }} 1.")
    return rules


def _all_refs(policy: Policy):
    for condition in _conditions(policy):
        yield from refs(condition)
    yield from (rule.ref for rule in policy.start_rules)


def witness_text(policy: Policy, facts: list[clingo.Symbol]) -> str:
    """A witness as a provider file `explain` accepts (dates back to "JJJJ-MM-DD")."""
    lines = [f'% Getuige gevonden door caresq-logic check ({policy.path})']
    for symbol in sorted(facts, key=str):
        name = symbol.name
        if name not in policy.features and name != LEVERT:
            continue
        args = [str(a) for a in symbol.arguments]
        feature = policy.features.get(name)
        if feature is not None and feature.type.kind == "date" and symbol.arguments[-1].type == clingo.SymbolType.Number:
            number = symbol.arguments[-1].number
            args[-1] = f'"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"'
        elif feature is not None and feature.type.decimals and symbol.arguments[-1].type == clingo.SymbolType.Number:
            args[-1] = f'"{unscaled(symbol.arguments[-1].number, feature.type.scale)}"'
        lines.append(f"{name}({', '.join(args)}).")
    return "\n".join(lines) + "\n"
