"""Every example provider gets the decision its `% verwacht:` lines state, and the demo works."""

from __future__ import annotations

import json
from xml.etree import ElementTree

from caresq_logic.check import examples
from conftest import EXAMPLES, run

FILES = sorted(EXAMPLES.rglob("*.lp"))


def test_there_are_enough_examples():
    assert len(FILES) >= 10


def test_every_example_gets_its_expected_decision():
    """`caresq-logic test` compares every example's decisions with its `% verwacht:` lines (the
    comparison itself is tested in test_test_command.py)."""
    result = run("test", "examples/providers", "--format", "junit")
    assert result.exit_code == 0, result.stdout + result.stderr
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert (suite.get("tests"), suite.get("failures")) == (str(len(FILES)), "0")


def _expected(path):
    text = path.read_text(encoding="utf-8")
    found, problems = examples.expectations(text, path.name)
    assert found and not problems, path.name
    return found


def test_every_outcome_is_covered_by_an_example():
    stated = [e for path in FILES for e in _expected(path)]
    assert {e.outcome for e in stated} >= {"zorgovereenkomst", "geen_overeenkomst", "niet_benaderd",
                                           "uitzondering_aan_te_vragen", "doorlopende_overeenkomst"}
    tiers = {e.tier for e in stated if e.care_type == "fysiotherapie" and e.outcome == "zorgovereenkomst"}
    assert tiers == {"A", "B", "C", "D"}


def test_demo_explains_with_titles_and_values():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp")
    assert result.exit_code == 0
    out = result.stdout
    assert "Fysiotherapie: Zorgovereenkomst B" in out
    assert "✔ Registratie in een kwaliteitsregister (§3.1)" in out
    # choice values by the titles the kenmerk declares for them
    assert ("✔ Registratie in een kwaliteitsregister: Kwaliteitsregister Paramedici, IRF, SKF (oude regeling) of KFIR"
            "  (nu: KFIR)") in out
    assert "Voor Zorgovereenkomst A ontbreekt" in out
    assert "✘ ten minste 3 differentiatiefactoren (nu 2)" in out
    assert "✘ Praktijkregistratie SKF (label Keurmerk) (§3.2)" in out
    assert "Looptijd 2026 t/m 2027 (§4)" in out
    # A clause that does not apply says so, with its guard, instead of a ✔ over a ✘.
    assert "– Registratie voor verbijzonderde zorg (§3.1): n.v.t.: geldt alleen indien Verleent verbijzonderde zorg (nu: nee)" in out
    assert "skf_keurmerk" not in out and "kwaliteitsregister_paramedici" not in out   # ids only with --details


def test_details_show_ids_and_citations_show_the_sentence():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--details", "--citaten").stdout
    assert "✘ Praktijkregistratie SKF (label Keurmerk) (§3.2)  [skf_keurmerk]" in out
    assert "[registratie is kwaliteitsregister_paramedici of irf of skf_oude_regeling of kfir]" in out
    assert "“Voor fysiotherapie geldt dat de zorgaanbieder structureel de PREM" in out


def test_nested_conditions_are_a_tree():
    out = run("explain", "examples/providers/wijkverpleging/elv_met_wtzi.lp").stdout
    assert ("        ✔ een van:\n          ✘ Gemeld op grond van de Wtza  (nu: nee)\n"
            "          ✔ Beschikking over een toelating (WTZi)  (nu: ja)\n") in out


def test_no_contract_names_every_failing_condition():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_geen_registratie.lp").stdout
    why = out.split("Waarom geen zorgovereenkomst")[1].split("    Voorwaarden")[0]
    assert "✘ Registratie in een kwaliteitsregister (§3.1)" in why
    assert "(nu: onbekend)" in why
    assert "✘ PREM via een extern meetbureau (basiseis fysiotherapie) (§3.1)" in why
    assert "(nu: nee)" in why


def test_counts_as_is_explained():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_skf_b.lp").stdout
    assert "✔ Praktijkregistratie Basisregister KNGF (§3.2): geldt via Praktijkregistratie SKF (label Keurmerk)" in out
    assert "Differentiatiefactoren: 2 voldaan" in out


def test_exclusion_with_request_route_is_explained():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_hoge_behandelindex.lp").stdout
    assert "Fysiotherapie: Uitzondering aan te vragen" in out
    assert ("✘ Landelijke behandelindex hoger dan 150 (§2.3): sluit uit; "
            "uitzondering aan te vragen via zorginkoop@caresq.nl") in out
    assert "✔ Landelijke behandelindex fysiotherapie (Vektis) over 2024: meer dan 150  (nu: 162)" in out


def test_start_date_is_first_of_next_month():
    out = run("explain", "examples/providers/paramedische_zorg/logopedie_nieuw.lp").stdout
    assert ("Ingangsdatum 1 mei 2026 (eerste van de maand na Datum van de aanvraag van een zorgovereenkomst "
            "20 april 2026) (§4)") in out


def test_english_output():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--taal", "en").stdout
    assert "Physiotherapy: Contract B" in out
    assert "Missing for Contract A" in out
    assert "mid September 2025" in out and "from 2025-11-12" in out
    # The words are the catalogue's, the titles the policy's English (test_english_output: every example).
    for dutch in ("half ", "vanaf ", "versie", " nu:", "n.v.t.", "t/m", "ontbreekt"):
        assert dutch not in out, dutch


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
