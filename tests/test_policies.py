"""The shipped policies: they check (their quotes: test_quotes.py and `make test`), and the compiled
program is stratified (clingo's grounder alone settles every decision)."""

from __future__ import annotations

import re

import clingo
import pytest

from caresq_logic import passes as load, resources
from caresq_logic.asp import compiler
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from caresq_logic.language import printer
from conftest import EXAMPLES, REPO, run

POLICIES = load.load(None)


def test_default_policies_check():
    assert POLICIES.diagnostics == []
    assert {p.header.domain for p in POLICIES.policies} >= {"paramedische_zorg"}


@pytest.mark.parametrize("policy", POLICIES.policies, ids=lambda p: p.path)
def test_every_clause_cites_a_paragraph(policy):
    for clause in policy.clauses.values():
        assert re.fullmatch(r"§[0-9]+(\.[0-9]+)*|§wijzigingen", clause.citation.section), clause.id


def test_grounding_decides_everything():
    """No atom is left for the solver: the program is stratified, as DESIGN.md requires."""
    policies = load.in_force(POLICIES.policies)
    catalog = Catalog.of(policies)
    facts = []
    for path in sorted(EXAMPLES.rglob("*.lp")):
        facts.extend(read(path.read_bytes(), path.name, catalog).facts)
    for policy in policies:
        program = compiler.compile_policy(policy)
        control = clingo.Control(["--warn=none"])
        control.add("base", [], program.text)
        control.add("base", [], "\n".join(f.asp() for f in facts if f.predicate in policy.features
                                          or f.predicate in ("levert", "aanbieder")))
        control.ground([("base", [])])
        undecided = [str(a.symbol) for a in control.symbolic_atoms if not a.is_fact]
        assert undecided == []


def test_installed_package_carries_grammar_and_policies():
    """`make test` installs the wheel: the grammar and default policies must come from inside it."""
    import caresq_logic

    package = resources._PACKAGE
    if package == REPO / "caresq_logic":  # imported from the source tree (editable): nothing to check
        pytest.skip("caresq_logic is imported from the source tree, not from an installed wheel")
    assert resources.grammar_path() == package / "data" / "caresq.lark"
    assert resources.default_policies() == package / "data" / "policies"
    assert (package / "data" / "policies" / "paramedische_zorg" / "2026.beleid").is_file()
    assert caresq_logic.__file__.startswith(str(package))


def test_compile_command_prints_commented_program():
    result = run("compile", "policies/paramedische_zorg/2026.beleid")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("% caresq-logic: compiled from policies/paramedische_zorg/2026.beleid\n")
    assert ('% ---- uitsluiting hoge_behandelindex "Landelijke behandelindex hoger dan 150" (§2.3)\n'
            "%      policies/paramedische_zorg/2026.beleid:") in out
    assert "_leaf(P,Z,hoge_behandelindex,0) :- _scope(P,Z,hoge_behandelindex), behandelindex(P,2024,V), V > 150." in out


def test_earlier_years_are_derived_marked_and_never_in_force_by_default():
    policies = POLICIES.policies
    derived = sorted((p.header.domain, p.header.year, p.header.version or "")
                     for p in policies if p.header.derived_from)
    assert derived == [("geboortezorg", 2025, ""), ("hulpmiddelen", 2026, ""),
                       ("paramedische_zorg", 2025, ""), ("paramedische_zorg", 2026, "2026-04"),
                       ("stoppen_met_roken", 2025, ""),
                       ("wijkverpleging", 2023, ""), ("wijkverpleging", 2024, "2023-04")]
    current = load.in_force(policies)
    assert sorted((p.header.domain, p.header.year) for p in current) == [
        ("geboortezorg", 2026), ("hulpmiddelen", 2027), ("paramedische_zorg", 2026),
        ("stoppen_met_roken", 2026), ("wijkverpleging", 2024)]
    assert not any(p.header.derived_from for p in current)


def test_a_derived_year_has_the_same_kenmerken_and_marks_what_the_list_leaves_unknown():
    by = {(p.header.domain, p.header.year, p.header.version): p for p in POLICIES.policies}
    later, earlier = by[("geboortezorg", 2026, None)], by[("geboortezorg", 2025, None)]
    assert set(earlier.features) == set(later.features)   # no renamed kenmerk (knov_inschrijving)
    assert "knov" in earlier.clauses and "versie_iud" not in earlier.clauses   # vervangen undone
    assert "bemiddeling_zzp" not in earlier.care_types                          # toegevoegd undone
    assert printer.condition(earlier.clauses["opleiden"].condition).endswith(" of onbekend")   # aangescherpt
    assert printer.condition(earlier.clauses["certificaat"].condition) == "onbekend"   # onbekend
    wijk = by[("wijkverpleging", 2024, "2023-04")]
    assert [m.when.date.text for m in wijk.milestones if m.id == "tekendatum_zonder_onderhandeling"] == [
        "12 november 2023"]                                                       # waarde undone
    assert "digitaal_in_kaart" in wijk.clauses and "digitaal_in_kaart" not in by[("wijkverpleging", 2023, None)].clauses


def test_explaining_an_earlier_year_says_it_is_derived():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_a.lp", "--jaar", "2025")
    assert result.exit_code == 0
    assert "  let op: afgeleid uit paramedische_zorg 2026 versie 2026-10 en zijn wijzigingenlijst" in result.stdout
    assert "[policies/paramedische_zorg/2026.beleid@2025]" in result.stdout
    assert "? prem (§wijzigingen)" in result.stdout   # the factor the list says was replaced: unknown
    # What the change list leaves open decides, so the year's decision is onbeslist, not "geen".
    assert "Fysiotherapie: Onbeslist" in result.stdout
    assert "wat de tekst niet noemt bij 'Registratie in een kwaliteitsregister'" in result.stdout
