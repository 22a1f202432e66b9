"""`explain --jaar A --jaar B`: one provider across policy years, side by side, and every change
of outcome attributed to the clause that changed between the years (check.diff's structural
diff), with its citation in both years and the change-list item that announces it."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, run

HEAD = 'beleid t 2026 "T".\nzorgsoort a "A".\nkenmerk k: ja/nee.\nkenmerk m: ja/nee.\nkenmerk n: aantal.\n'
BODY = ("randvoorwaarde oud (§3.1 \"Wie m heeft.\") voor a: m.\n"
        "randvoorwaarde nieuw (§3.2 \"Wie k heeft.\") voor a: k.\n"
        "randvoorwaarde drempel (§3.3 \"Ten minste 3.\") voor a: n ten minste 3.\n"
        "wijziging w_nieuw (§wijzigingen \"k is nieuw.\") voor a: \"k nieuw\"; toegevoegd nieuw.\n"
        "wijziging w_drempel (§wijzigingen \"Van 2 naar 3.\") voor a: \"drempel 2 -> 3\"; waarde drempel van 2 naar 3.\n")


def _policy(tmp_path) -> str:
    path = tmp_path / "t.beleid"
    path.write_text(HEAD + BODY, encoding="utf-8")
    return str(path)


def _provider(tmp_path, facts: str) -> str:
    path = tmp_path / "p.lp"
    path.write_text("levert(p, a).\nm(p).\n" + facts, encoding="utf-8")
    return str(path)


def _years(tmp_path, facts: str, *args: str) -> dict:
    result = run("explain", _provider(tmp_path, facts), "--beleid", _policy(tmp_path), "--jaar", "2025",
                 "--jaar", "2026", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_an_added_clause_is_named_as_the_cause_with_both_years_and_the_change_list(tmp_path):
    # Fails k (new in 2026: states nee), meets the threshold in both years: 2025 contract, 2026 none.
    document = _years(tmp_path, "-k(p).\nn(p, 3).\n")
    [row] = document["providers"][0]["years"]
    assert [(y["year"], y["outcome"], y["derived_from"]) for y in row["years"]] == [
        (2025, "zorgovereenkomst", "t 2026"), (2026, "geen_overeenkomst", None)]
    [change] = row["changes"]
    assert (change["from"], change["to"]) == (2025, 2026)
    assert [c["id"] for c in change["clauses"]] == ["nieuw"]
    [clause] = change["clauses"]
    assert clause["how"] == "toegevoegd"
    assert clause["before"] == {"state": "afwezig", "effect": None, "citation": None, "location": None}
    assert clause["after"]["state"] == "niet_voldaan" and clause["after"]["effect"] == "blocks"
    assert clause["after"]["citation"] == {"section": "§3.2", "quote": "Wie k heeft."}
    assert [(a["id"], a["citation"]["quote"]) for a in clause["announced"]] == [("w_nieuw", "k is nieuw.")]
    # The whole document still follows the schema, years included.
    import jsonschema
    jsonschema.validate(document, json.loads((REPO / "docs" / "explain.schema.json").read_text(encoding="utf-8")))


def test_a_changed_value_is_named_and_an_unchanged_failing_clause_is_not(tmp_path):
    # n = 2: meets the 2025 threshold (2), fails the 2026 one (3); has k, so `nieuw` plays no part.
    document = _years(tmp_path, "k(p).\nn(p, 2).\n")
    [change] = document["providers"][0]["years"][0]["changes"]
    [clause] = change["clauses"]
    assert clause["id"] == "drempel" and clause["how"] == "gewijzigd"
    assert (clause["before"]["state"], clause["after"]["state"]) == ("voldaan", "niet_voldaan")
    assert clause["before"]["citation"] == clause["after"]["citation"] == {"section": "§3.3", "quote": "Ten minste 3."}
    assert [a["id"] for a in clause["announced"]] == ["w_drempel"]


def test_an_unstated_kenmerk_only_the_new_year_reads_makes_that_year_onbeslist(tmp_path):
    # k not stated: 2025 does not read it (contract), 2026 does (onbeslist), and `nieuw` is the cause.
    document = _years(tmp_path, "n(p, 3).\n")
    [row] = document["providers"][0]["years"]
    assert [y["outcome"] for y in row["years"]] == ["zorgovereenkomst", "onbeslist"]
    [clause] = row["changes"][0]["clauses"]
    assert clause["id"] == "nieuw"
    assert clause["after"]["state"] == "onbekend" and clause["after"]["effect"] == "unknown"
    lines = run("explain", _provider(tmp_path, "n(p, 3).\n"), "--beleid", _policy(tmp_path),
                "--jaren", "2025-2026").stdout.splitlines()
    assert "    2025 -> 2026: Zorgovereenkomst -> Onbeslist, doordat:" in lines
    assert "        ? 2026: onbekend (§3.2)" in lines


def test_the_same_outcome_in_both_years_names_no_change(tmp_path):
    document = _years(tmp_path, "k(p).\nn(p, 5).\n")
    [row] = document["providers"][0]["years"]
    assert [y["outcome"] for y in row["years"]] == ["zorgovereenkomst", "zorgovereenkomst"]
    assert row["changes"] == []


def test_text_shows_the_years_side_by_side_with_both_citations(tmp_path):
    result = run("explain", _provider(tmp_path, "-k(p).\nn(p, 3).\n"), "--beleid", _policy(tmp_path),
                 "--jaren", "2025-2026")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "    2025: Zorgovereenkomst (afgeleid uit t 2026)" in [line.split("  [")[0] for line in lines]
    assert "    2025 -> 2026: Zorgovereenkomst -> Geen zorgovereenkomst, doordat:" in lines
    at = lines.index("      toegevoegd: nieuw (randvoorwaarde)")
    assert lines[at + 1:at + 6] == ["        – 2025: bestaat niet in dit jaar", "        ✘ 2026: niet voldaan (§3.2)",
                                    "            “Wie k heeft.”", "        wijzigingenlijst (§wijzigingen): k nieuw",
                                    "            “k is nieuw.”"]


def test_one_year_is_the_single_year_explanation(tmp_path):
    provider, policy = _provider(tmp_path, "k(p).\nn(p, 5).\n"), _policy(tmp_path)
    once = run("explain", provider, "--beleid", policy, "--jaar", "2026")
    assert once.exit_code == 0 and "Beleidsjaren naast elkaar" not in once.stdout
    assert once.stdout == run("explain", provider, "--beleid", policy, "--jaren", "2026-2026").stdout


@pytest.mark.parametrize("args, code", [
    (("--jaren", "2026-2025"), "C071"), (("--jaren", "twee"), "C071"),
    (("--jaren", "2025-2026", "--doel", "A"), "C070"), (("--jaar", "2025", "--jaar", "2026", "--samenvatting"), "C070"),
    (("--jaren", "2025-2026", "--format", "csv"), "C070"), (("--jaren", "2020-2026"), "C020"),
])
def test_bad_year_options_are_said_not_guessed(tmp_path, args, code):
    result = run("explain", _provider(tmp_path, "k(p).\n"), "--beleid", _policy(tmp_path), *args)
    assert result.exit_code == 2 and f": {code}: " in result.stderr and "Traceback" not in result.stderr


def test_a_real_change_of_outcome_is_attributed_to_the_changed_registers():
    """fysio_b under the shipped paramedische zorg policy: contract B in 2026; the 2025 year is
    derived, and the change list says the kwaliteitsregisters changed without saying from what,
    so the 2025 outcome rests on that clause (among others): it is named, with the change-list item."""
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--jaren", "2025-2026",
                 "--format", "json")
    [row] = json.loads(result.stdout)["providers"][0]["years"]
    assert [(y["year"], y["derived_from"] is not None) for y in row["years"]] == [(2025, True), (2026, False)]
    assert (row["years"][1]["outcome"], row["years"][1]["tier"]) == ("zorgovereenkomst", "B")
    [change] = row["changes"]
    named = {c["id"]: c for c in change["clauses"]}
    assert "kwaliteitsregister" in named
    assert named["kwaliteitsregister"]["after"]["state"] == "voldaan"
    assert named["kwaliteitsregister"]["before"]["state"] != "voldaan"
    assert "w_kwaliteitsregisters" in [a["id"] for a in named["kwaliteitsregister"]["announced"]]
    # What the change list leaves unknown is unknown in the derived year: 2025 is Onbeslist, and
    # only clauses whose effect on the decision differs between the years are named.
    assert row["years"][0]["outcome"] == "onbeslist"
    assert "richtlijnen" not in named
    assert all(c["before"]["effect"] != c["after"]["effect"] for c in change["clauses"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_details_of_a_derived_year_name_what_the_text_leaves_unknown(lang):
    """`--details` lists the unknowns by name; in a derived year one of them can be what the
    text leaves unknown (`onbekend(clause)`), not a kenmerk: that was an internal error (exit 3)."""
    result = run("explain", "examples/providers/geboortezorg/alle_voorwaarden_voldaan.lp", "--jaar", "2025",
                 "--details", "--taal", lang)
    assert result.exit_code == 0, result.stderr
    assert "onbekend(" in result.stdout
