"""The witness space: choice rules for the facts of one witness provider `w`.

Numeric kenmerken are reduced to the values around every threshold the policy names (c-1, c,
c+1; for a ratio p% the part p-1, p, p+1 of a whole of 100), which is complete for the
comparisons the language has. A found witness is printed as a provider file `explain` accepts."""

from __future__ import annotations

from decimal import Decimal

import clingo

from ..asp.cells import in_range, threshold_cells
from ..asp.compiler import choice_term
from ..language.reserved import LEVERT
from ..language import nodes as n
from ..language import printer
from ..language.conditions import conditions, refs
from ..language.resolve import Policy


WITNESS = "w"


def _candidates(policy: Policy) -> dict[tuple[str, int | None], set[int]]:
    """The threshold cells, plus a date before and one inside the contract year to start from."""
    values = threshold_cells(policy)
    year = policy.header.year
    for rule in policy.start_rules:
        values.setdefault((rule.ref.name, None), set()).update({(year - 1) * 10000 + 515, year * 10000 + 515})
    return values


def unscaled(number: int, scale: int) -> str:
    """The program's integer for a kenmerk with decimals, as the language writes it (`0,8`)."""
    return printer.number(Decimal(number) / scale) if scale > 1 else str(number)


UNKNOWN_CHOICE = f"""\
% A condition the text leaves unknown may go either way for the witness (rather not).
{{ _onbekend({WITNESS},C,N) : _onbekend_node(C,N) }}.
"""
UNKNOWN_MINIMIZE = f"#minimize {{ 1,_onbekend,C,N : _onbekend({WITNESS},C,N) }}."


def witness_space(policy: Policy, *more: Policy, unknowns: bool = True, smallest: bool = True) -> list[str]:
    """Choice rules: which facts the witness provider may have; with `more` policies, one
    space over the kenmerken of all (the same witness feeds each of their programs).
    `smallest`: minimise the facts (explain --doel minimises changes to a provider instead)."""
    # Every choice has a matching #minimize element: a printed witness is a smallest one.
    # Two years in one control (check.twoyears): their zorgsoorten are _a_zorgsoort, _b_zorgsoort.
    zorgsoort = "_zorgsoort(Z)" if not more else "_w_zorgsoort(Z)"
    rules = ["_w_zorgsoort(Z) :- _a_zorgsoort(Z).", "_w_zorgsoort(Z) :- _b_zorgsoort(Z)."] if more else []
    rules.append(f"{{ levert({WITNESS},Z) : {zorgsoort} }}.")
    if smallest:
        rules.append(f"#minimize {{ 1,levert,Z : levert({WITNESS},Z) }}.")
    if unknowns:
        rules += [UNKNOWN_CHOICE] + ([UNKNOWN_MINIMIZE] if smallest else [])
    policies = (policy, *more)
    candidates: dict[tuple[str, int | None], set[int]] = {}
    for each in policies:
        for key, values in _candidates(each).items():
            candidates.setdefault(key, set()).update(values)
    features = {name: f for each in reversed(policies) for name, f in each.features.items()}
    for (name, year) in sorted({key for each in policies for key in referenced(each)}, key=lambda k: (k[0], k[1] or 0)):
        rules += _feature_space(features[name], year, candidates, zorgsoort, smallest)
    return rules


def _feature_space(feature: n.Feature, year: int | None, candidates: dict, zorgsoort: str,
                   smallest: bool = True) -> list[str]:
    """The choice (and its #minimize element) of one kenmerk, for one year if per year;
    `zorgsoort` is the atom that ranges Z over the zorgsoorten of the program(s)."""
    name, kind = feature.name, feature.type.kind
    first = [WITNESS] + ([str(year)] if feature.per == "jaar" else [])
    per_z = feature.per == "zorgsoort"
    in_z = f", {zorgsoort}" if per_z else ""
    args = ",".join(first + (["Z"] if per_z else []))
    variables = (["Z"] if per_z else []) + ([] if kind == "bool" else ["V"])
    atom = f"{name}({','.join(first + variables)})"
    rules = [f"#minimize {{ 1,{name},{year or 0}{''.join(',' + v for v in variables)} : {atom} }}."] if smallest else []
    if kind == "bool":
        rules.append(f"{{ {name}({args}){' : ' + zorgsoort if per_z else ''} }}.")
    elif kind in ("choice", "multi"):
        domain = ";".join(choice_term(c) for c in feature.type.choices)
        bound = " 1" if kind == "choice" else ""
        rules.append(f"{{ {name}({args},V) : _witness_value({name},V){in_z} }}{bound}.")
        rules.append(f"_witness_value({name},({domain})).")
    else:
        values = sorted(v for v in candidates.get((name, year), {0}) if in_range(feature, v))
        rules.append(f"_witness_value({name},{year or 0},({';'.join(map(str, values or [0]))})).")
        rules.append(f"{{ {name}({args},V) : _witness_value({name},{year or 0},V){in_z} }} 1.")
    return rules


def _refs_for(policy: Policy, care_types: list[str]):
    """The kenmerken the clauses and tiers for these zorgsoorten read."""
    for clause in policy.clauses.values():
        if any(z in policy.care_types and policy.applies_to(clause, z) for z in care_types):
            for condition in (clause.condition, clause.guard, clause.exception):
                yield from refs(condition) if condition is not None else ()
    for z in care_types:
        for tier in policy.tiers.get(z, ()):
            yield from refs(tier.condition)


def referenced(policy: Policy) -> list[tuple[str, int | None]]:
    """Every (kenmerk, year) a condition or start rule of the policy reads."""
    return sorted({(r.name, r.year) for r in _all_refs(policy)}, key=lambda k: (k[0], k[1] or 0))


def _all_refs(policy: Policy):
    for condition in conditions(policy):
        yield from refs(condition)
    yield from (rule.ref for rule in policy.start_rules)


def witness_text(policy: Policy, facts: list[clingo.Symbol], also: tuple[Policy, ...] = ()) -> str:
    """A witness as a provider file `explain` accepts (dates back to "JJJJ-MM-DD"). A ja/nee
    kenmerk the witness does not have is written as nee (`-k(w).`): `explain` reads an absent
    fact as unknown. `also`: other policies whose ja/nee kenmerken it must state too."""
    lines = [f'% Getuige gevonden door caresq-logic check ({policy.path})']
    delivered = [str(s.arguments[1]) for s in facts if s.name == LEVERT]
    stated = {str(s) for s in facts}
    negated = []
    for source in (policy, *also):
        for ref in _refs_for(source, delivered):
            feature = source.features[ref.name]
            if feature.type.kind != "bool" or feature.type.default is not None:
                continue
            for qualifier in ([str(ref.year)] if feature.per == "jaar" else delivered if feature.per == "zorgsoort" else [None]):
                atom = f"{ref.name}({WITNESS}{',' + qualifier if qualifier else ''})"
                if atom not in stated and atom not in negated:
                    negated.append(atom)
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
    lines += [f"-{atom.replace(',', ', ')}." for atom in sorted(negated)]
    return "\n".join(lines) + "\n"
