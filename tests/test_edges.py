"""The edge-case suite: every threshold, ratio and date of the policies in force, with a provider
just below, exactly at and just above the edge, and one without the fact, each checked against
what the text says (tests/edges.csv: one row per threshold, the words of the text that decide the
edge, and whether the condition holds below / at / above it).

The cases are generated from the threshold cells `check` searches (`check.space`: c-1, c, c+1 in
the program's units, one day either side of a date, a whole of 100 for a ratio) and decided in one
clingo call per policy. A threshold without a row, or a row without a threshold, fails the suite."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from caresq_logic import decide, passes
from caresq_logic.asp import compiler
from caresq_logic.asp.compiler import scaled
from caresq_logic.check.space import unscaled
from caresq_logic.language import nodes as n
from caresq_logic.language import printer
from caresq_logic.language.resolve import walk
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from conftest import TESTS

CURRENT = passes.in_force(passes.load(None).policies)
with open(TESTS / "edges.csv", encoding="utf-8", newline="") as handle:
    ROWS = {(r["beleid"], r["clausule"], r["voorwaarde"]): r for r in csv.DictReader(handle)}

# Without the fact, the condition is onbekend: it holds in some completions of what the provider
# did not state, not in all (issue 9, must-have 1).
MISSING = "onbekend"


def thresholds(policy):
    """(owner, role, leaf) for every comparison and ratio: the edges of the policy."""
    for clause in policy.clauses.values():
        for role in ("condition", "guard", "exception"):
            condition = getattr(clause, role)
            for node in walk(condition) if condition is not None else ():
                if isinstance(node, (n.Comparison, n.Ratio)):
                    yield clause, role, node
    for rule in policy.start_rules:
        for node in walk(rule.guard) if rule.guard is not None else ():
            if isinstance(node, (n.Comparison, n.Ratio)):
                yield rule, "guard", node


def _fact(policy, ref: n.Ref, provider: str, care_type: str, number: int) -> str:
    feature = policy.features[ref.name]
    if feature.type.kind == "date":
        value = f'"{dt.date(number // 10000, number // 100 % 100, number % 100).isoformat()}"'
    else:
        value = f'"{unscaled(number, feature.type.scale)}"' if feature.type.decimals else str(number)
    qualifier = {"jaar": f"{ref.year}, ", "zorgsoort": f"{care_type}, "}.get(feature.per, "")
    return f"{ref.name}({provider}, {qualifier}{value})."


def _day(number: int, days: int) -> int:
    date = dt.date(number // 10000, number // 100 % 100, number % 100) + dt.timedelta(days=days)
    return date.year * 10000 + date.month * 100 + date.day


def cases(policy, leaf):
    """(name, expected row column, {ref: value in program units}) around the edge of `leaf`."""
    if isinstance(leaf, n.Ratio):
        sa = policy.features[leaf.part.name].type.scale
        sb = policy.features[leaf.whole.name].type.scale
        sp = 10 ** n.decimals_of(leaf.percent.value)
        edge, whole = scaled(leaf.percent.value, sp) * sa, 100 * sp * sb
        yield "onder", "onder", {leaf.part: edge - 1, leaf.whole: whole}
        yield "op", "op", {leaf.part: edge, leaf.whole: whole}
        yield "boven", "boven", {leaf.part: edge + 1, leaf.whole: whole}
        yield "nul_van_nul", None, {leaf.part: 0, leaf.whole: 0}   # no share of nothing (audit defect 10)
        yield "ontbreekt", None, {}
        return
    value = leaf.value
    if isinstance(value, n.DateValue):
        edge = compiler.asp_date(value.value)
        below, above = _day(edge, -1), _day(edge, 1)
    else:
        edge = scaled(value.value, policy.features[leaf.ref.name].type.scale)
        below, above = edge - 1, edge + 1
    yield "onder", "onder", {leaf.ref: below}
    yield "op", "op", {leaf.ref: edge}
    yield "boven", "boven", {leaf.ref: above}
    yield "ontbreekt", None, {}


def _find(node: decide.NodeResult, leaf) -> decide.NodeResult | None:
    if node.syntax is leaf:
        return node
    return next((found for c in node.children if (found := _find(c, leaf)) is not None), None)


def _truth(decision: decide.Decision, owner, role: str, leaf, stated: bool) -> str:
    """ja, nee or onbekend, as the explanation shows the condition."""
    if isinstance(owner, n.StartRule):   # its guard decides whether a start date is given
        given = any(rule is owner for rule, _, _ in decision.start_dates)
        return "ja" if given else "nee" if stated else "onbekend"
    result = next(c for c in decision.clauses if c.clause is owner)
    node = _find(getattr(result, role), leaf)
    assert node is not None, f"{owner.id}: {printer.condition(leaf)} is not in the explanation"
    return "onbekend" if node.unknown else "ja" if node.holds else "nee"


@pytest.mark.parametrize("policy", CURRENT, ids=lambda p: p.header.domain)
def test_every_edge_gets_what_the_text_says(policy, tmp_path):
    lines, checks = [], []
    for owner, role, leaf in thresholds(policy):
        row = ROWS.get((policy.header.domain, owner.id, printer.condition(leaf)))
        if row is None:
            continue   # reported by test_every_threshold_has_a_row
        care_type = (policy.scope(owner) or tuple(policy.care_types))[0]
        for name, column, facts in cases(policy, leaf):
            provider = f"e{len(checks)}"
            lines.append(f"levert({provider}, {care_type}).")
            lines += [_fact(policy, ref, provider, care_type, value) for ref, value in facts.items()]
            expected = row[column] if column else "nee" if name == "nul_van_nul" else MISSING
            checks.append((provider, care_type, owner, role, leaf, name, expected, row["tekst"], bool(facts)))
    path = tmp_path / "randen.lp"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    providers = [read(path.read_bytes(), path.name, Catalog.of([policy]))]
    decided = {(d.provider, d.care_type.name): d for d in decide.solve(compiler.compile_policy(policy), providers)}
    wrong = []
    for provider, care_type, owner, role, leaf, name, expected, text, stated in checks:
        truth = _truth(decided[(provider, care_type)], owner, role, leaf, stated)
        if truth != expected:
            wrong.append(f"{owner.id}: {printer.condition(leaf)} [{name}] gives {truth}, the text says {expected}: {text}")
    assert checks, "no edges"
    assert wrong == []


def test_every_threshold_has_a_row():
    found = {(p.header.domain, owner.id, printer.condition(leaf)) for p in CURRENT for owner, _, leaf in thresholds(p)}
    assert sorted(found - set(ROWS)) == [], "a threshold without an expectation from the text in tests/edges.csv"
    assert sorted(set(ROWS) - found) == [], "a row of tests/edges.csv names no threshold of the policies"

