"""The typed model: enums for the closed vocabularies, items that carry their own scope, and
nodes that compare by structure (spans take no part)."""

from __future__ import annotations

import ast

from caresq_logic.language import parser, resolve
from caresq_logic.language.kinds import ClauseKind, Outcome

from test_architecture import PACKAGE

POLICY = """beleid t 2026 "T".
zorgsoort a "A".
zorgsoort b "B".
groep beide "Beide": a, b.
kenmerk k: ja/nee.
kenmerk n: getal.
randvoorwaarde r (§1) voor beide: k en n groter dan 3.
uitsluiting u (§2) voor a: niet k.
"""


def test_clauses_compare_by_structure_not_by_place():
    first = resolve.resolve(parser.parse(POLICY, "2025.beleid"))
    moved = resolve.resolve(parser.parse(POLICY.replace("kenmerk k", "\n\nkenmerk k"), "2026.beleid"))
    assert first.clauses == moved.clauses
    assert first.clauses["r"].span != moved.clauses["r"].span
    assert hash(first.clauses["r"].condition) == hash(moved.clauses["r"].condition)


def test_resolved_items_carry_their_expanded_scope():
    policy = resolve.resolve(parser.parse(POLICY, "t.beleid"))
    assert policy.clauses["r"].scope == ("beide",)
    assert policy.clauses["r"].care_types == ("a", "b")
    assert policy.clauses["u"].kind is ClauseKind.EXCLUSION


def test_kinds_are_listed_once_with_their_properties():
    assert {k for k in ClauseKind if k.required} == {
        ClauseKind.REQUIREMENT, ClauseKind.ADDITIONAL_REQUIREMENT, ClauseKind.SELECTION}
    assert {k for k in ClauseKind if not k.decides} == {ClauseKind.CONTINUING, ClauseKind.ROUTE}
    assert {o for o in Outcome if o.contracted} == {Outcome.CONTRACT, Outcome.CONTINUING_CONTRACT}
    assert ClauseKind.ADDITIONAL_REQUIREMENT.localize("en") == "additional condition"
    assert Outcome.NOT_APPROACHED.localize("nl") == "Niet benaderd"


def test_nothing_is_looked_up_by_object_identity():
    calls = [f"{path.name}:{node.lineno}" for path in PACKAGE.rglob("*.py")
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "id"]
    assert calls == []
