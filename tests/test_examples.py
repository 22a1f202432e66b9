"""Every example provider gets the decision its `% verwacht:` lines state, and the demo works."""

from __future__ import annotations

import json
import re

import pytest

from conftest import EXAMPLES, run

FILES = sorted(EXAMPLES.rglob("*.lp"))
EXPECT = re.compile(r"^% verwacht: (?:(\w+) )?(\w+) = (\w+)(?: (\w+))?$", re.M)


def expectations(path):
    found = EXPECT.findall(path.read_text(encoding="utf-8"))
    assert found, f"{path.name} states no '% verwacht:' line"
    return found


def test_there_are_enough_examples():
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_example_gets_its_expected_decision(path):
    result = run("explain", str(path.relative_to(EXAMPLES.parent.parent)), "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    decided = {
        (provider["id"], d["zorgsoort"]): (d["outcome"], d["tier"])
        for provider in document["providers"]
        for policy in provider["policies"]
        for d in policy["decisions"]
    }
    only = {p for p, _ in decided}
    for provider, care_type, outcome, tier in expectations(path):
        if not provider:
            assert len(only) == 1
            provider = next(iter(only))
        assert decided[(provider, care_type)] == (outcome, tier or None), (provider, care_type)


def test_every_outcome_is_covered_by_an_example():
    outcomes = {o for path in FILES for _, _, o, _ in expectations(path)}
    assert outcomes >= {"zorgovereenkomst", "geen_overeenkomst", "niet_benaderd",
                        "uitzondering_aan_te_vragen", "doorlopende_overeenkomst"}
    tiers = {t for path in FILES for _, z, o, t in expectations(path) if z == "fysiotherapie" and o == "zorgovereenkomst"}
    assert tiers == {"A", "B", "C", "D"}


def test_demo_explains_with_citations():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp")
    assert result.exit_code == 0
    out = result.stdout
    assert "Fysiotherapie: Zorgovereenkomst B" in out
    assert "✔ kwaliteitsregister — Registratie in een kwaliteitsregister (§3.1)" in out
    assert "[registratie = kfir]" in out
    assert "Voor Zorgovereenkomst A ontbreekt" in out
    assert "✘ ten minste 3 differentiatiefactoren (nu 2)" in out
    assert "✘ skf_keurmerk — Praktijkregistratie SKF (label Keurmerk) (§3.2)" in out
    assert "Looptijd 2026 t/m 2027 (§4)" in out


def test_counts_as_is_explained():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_skf_b.lp").stdout
    assert "✔ kngf_basisregister — Praktijkregistratie Basisregister KNGF (§3.2): geldt via skf_keurmerk" in out
    assert "Differentiatiefactoren: 2 voldaan" in out


def test_exclusion_with_request_route_is_explained():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_hoge_behandelindex.lp").stdout
    assert "Fysiotherapie: Uitzondering aan te vragen" in out
    assert ("✘ hoge_behandelindex — Landelijke behandelindex hoger dan 150 (§2.3): sluit uit; "
            "uitzondering aan te vragen via zorginkoop@caresq.nl") in out
    assert "✔ behandelindex 2024 groter dan 150  [behandelindex 2024 = 162]" in out


def test_start_date_is_first_of_next_month():
    out = run("explain", "examples/providers/paramedische_zorg/logopedie_nieuw.lp").stdout
    assert "Ingangsdatum 2026-05-01 (eerste van de maand na aanvraagdatum 2026-04-20) (§4)" in out


def test_english_output():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--taal", "en").stdout
    assert "Fysiotherapie: Contract B" in out
    assert "Missing for Contract A" in out


def test_several_files_and_a_folder_at_once():
    result = run("explain", "examples/providers", "--format", "json")
    assert result.exit_code == 0
    ids = [p["id"] for p in json.loads(result.stdout)["providers"]]
    assert len(ids) == len(set(ids)) >= 15


def test_json_output_follows_the_documented_schema(tmp_path):
    import jsonschema

    from conftest import REPO

    schema = json.loads((REPO / "docs" / "explain.schema.json").read_text(encoding="utf-8"))
    broken = tmp_path / "broken.lp"
    broken.write_text("levert(x, fysiotherapie).\nprm(x).\n")
    result = run("explain", "examples/providers", str(broken), "--format", "json")
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    jsonschema.validate(document, schema)
    assert [d["code"] for d in document["diagnostics"]] == ["A200"]
