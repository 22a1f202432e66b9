"""Unknown is not nee (issue 9): a kenmerk the provider did not state is onbekend, and a decision
that turns on it is "Onbeslist", naming what decides it; one that does not says so."""

from __future__ import annotations

import json

from conftest import EXAMPLES, run

FYSIO_B = EXAMPLES / "paramedische_zorg" / "fysio_b.lp"


def _without(tmp_path, predicate: str):
    lines = [line for line in FYSIO_B.read_text(encoding="utf-8").splitlines() if not line.startswith(predicate + "(")]
    path = tmp_path / "fysio_b_zonder.lp"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _decision(path, *extra):
    result = run("explain", str(path), "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    provider = json.loads(result.stdout)["providers"][0]
    return provider["policies"][0]["decisions"][0]


def test_missing_behandelindex_is_undecided_and_named(tmp_path):
    path = _without(tmp_path, "behandelindex")
    result = run("explain", str(path))
    assert result.exit_code == 0   # a decision about the data, not an input error
    assert "Fysiotherapie: Onbeslist" in result.stdout
    # titles, as the provider knows them; the ids with --details and in JSON
    assert "Hangt af van wat niet bekend is: Landelijke behandelindex fysiotherapie (Vektis) over 2024" in result.stdout
    assert ("met Landelijke behandelindex fysiotherapie (Vektis) over 2024: meer dan 150: Uitzondering aan te vragen"
            in result.stdout)
    assert "anders: Zorgovereenkomst B" in result.stdout
    assert "Undecided" in run("explain", str(path), "--taal", "en").stdout
    decision = _decision(path)
    assert decision["outcome"] == "onbeslist" and decision["tier"] is None
    assert decision["deciding"] == ["behandelindex 2024"]
    assert [(p["outcome"], p["tier"], p["conditions"]) for p in decision["possible"]] == [
        ("uitzondering_aan_te_vragen", None, [{"text": "behandelindex 2024 groter dan 150", "holds": True}]),
        ("zorgovereenkomst", "B", [{"text": "behandelindex 2024 groter dan 150", "holds": False}]),
    ]


def test_the_complete_file_is_decided_without_unknowns():
    decision = _decision(FYSIO_B)
    assert (decision["outcome"], decision["tier"], decision["unknown"], decision["possible"]) == \
        ("zorgovereenkomst", "B", [], [])


def test_an_unknown_that_does_not_matter_is_said_and_decided(tmp_path):
    # Without a PREM the practice gets no contract whatever its register: the register is unknown.
    path = _without(tmp_path, "registratie")
    path.write_text(path.read_text(encoding="utf-8").replace("prem_extern_meetbureau(het_anker).",
                                                             "-prem_extern_meetbureau(het_anker)."), encoding="utf-8")
    decision = _decision(path)
    assert decision["outcome"] == "geen_overeenkomst"
    assert "registratie" in decision["unknown"] and decision["possible"] == []
    assert "Onbekend, maar zonder invloed op de uitkomst: Registratie" in run("explain", str(path)).stdout


def test_a_stated_nee_decides_what_an_absent_fact_leaves_open(tmp_path):
    path = _without(tmp_path, "-skf_keurmerk")
    assert _decision(path)["outcome"] == "onbeslist"   # SKF could make it A
    assert _decision(FYSIO_B)["outcome"] == "zorgovereenkomst"


def test_a_default_is_shown_as_such():
    out = run("explain", str(FYSIO_B)).stdout
    assert "(vermoeden van fraude)  (nu: nee (standaard))" in out   # the outline words the kenmerk by its title


def _values(decision, kenmerk):
    for clause in decision["clauses"]:
        stack = [clause["condition"]]
        while stack:
            node = stack.pop()
            stack += node.get("children", [])
            for value in node.get("values", []):
                if value["kenmerk"] == kenmerk:
                    return value["values"]
    raise AssertionError(kenmerk)


def test_empty_csv_cell_is_unknown_and_nee_is_nee(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,levert,skf_keurmerk,kngf_basisregister\nx,fysiotherapie,,nee\n", encoding="utf-8")
    decision = _decision(path)
    assert _values(decision, "skf_keurmerk") == []
    assert _values(decision, "kngf_basisregister") == ["nee"]


def test_missing_or_null_jsonl_key_is_unknown_and_false_is_nee(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"id": "x", "levert": ["fysiotherapie"], "skf_keurmerk": null, "kngf_basisregister": false}\n',
                    encoding="utf-8")
    decision = _decision(path)
    assert _values(decision, "skf_keurmerk") == []
    assert _values(decision, "kngf_basisregister") == ["nee"]
    assert _values(decision, "handelt_volgens_richtlijnen") == []


def test_nee_on_a_kenmerk_that_is_not_ja_nee_is_an_error(tmp_path):
    path = tmp_path / "p.lp"
    path.write_text("levert(x, fysiotherapie).\n-behandelindex(x, 2024).\n", encoding="utf-8")
    result = run("explain", str(path))
    assert result.exit_code != 0
    assert f"{path}:2:1: A210: '-behandelindex' zegt nee" in result.stderr


def _registers(tmp_path, fact: str):
    lines = [line for line in FYSIO_B.read_text(encoding="utf-8").splitlines() if not line.startswith("registratie(")]
    path = tmp_path / "registers.lp"
    path.write_text("\n".join(lines + [fact]) + "\n", encoding="utf-8")
    return path


def test_a_meerkeuze_stated_empty_is_none_of_the_choices_not_unknown(tmp_path):
    """fysio_b in no quality register: with the list left out the decision hangs on it; stated
    empty (`-registratie(Id).`) it fails the register condition for certain."""
    assert _decision(_registers(tmp_path, ""))["outcome"] == "onbeslist"
    decision = _decision(_registers(tmp_path, "-registratie(het_anker)."))
    assert decision["outcome"] == "geen_overeenkomst"
    register = next(c for c in decision["clauses"] if c["id"] == "kwaliteitsregister")
    assert (register["met"], register["condition"]["unknown"]) == (False, False)
    assert register["condition"]["values"] == [
        {"kenmerk": "registratie", "type": "multi", "values": [], "default": False, "empty": True}]
    text = run("explain", str(_registers(tmp_path, "-registratie(het_anker)."))).stdout
    assert "(nu: geen)" in text and "onbekend" not in text.split("Registratie in een kwaliteitsregister:")[1].splitlines()[0]


def test_a_meerkeuze_stated_empty_in_csv_and_jsonl(tmp_path):
    header = "id,levert,registratie\n"
    (tmp_path / "m.csv").write_text(header + "leeg,fysiotherapie,-\nonbekend,fysiotherapie,\nkfir,fysiotherapie,kfir\n",
                                    encoding="utf-8")
    (tmp_path / "m.jsonl").write_text(
        '{"id": "leeg", "levert": "fysiotherapie", "registratie": []}\n'
        '{"id": "onbekend", "levert": "fysiotherapie"}\n', encoding="utf-8")
    for name in ("m.csv", "m.jsonl"):
        result = run("explain", str(tmp_path / name), "--format", "jsonl")
        assert result.exit_code == 0, result.stderr
        records = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
        register = {pid: r["clauses"]["kwaliteitsregister"] for pid, r in records.items()}
        assert register["leeg"] == "failed" and register["onbekend"] == "unknown", name
        if name == "m.csv":
            assert register["kfir"] == "met"


def test_a_meerkeuze_empty_and_with_a_value_conflict(tmp_path):
    path = tmp_path / "p.lp"
    path.write_text("levert(x, fysiotherapie).\n-registratie(x).\nregistratie(x, kfir).\n-registratie(x, irf).\n",
                    encoding="utf-8")
    result = run("explain", str(path))
    assert result.exit_code == 2
    assert f"{path}:3:1: A212: meerkeuze 'registratie' van 'x' heeft hier de waarde kfir, maar is op regel 2 leeg" \
        in result.stderr
    assert f"{path}:4:1: A213: '-registratie(…, irf)': een meerkeuze kan alleen als geheel leeg verklaard" in result.stderr


def test_ja_and_nee_together_conflict(tmp_path):
    path = tmp_path / "p.lp"
    path.write_text("levert(x, fysiotherapie).\nskf_keurmerk(x).\n-skf_keurmerk(x).\n", encoding="utf-8")
    result = run("explain", str(path))
    assert result.exit_code != 0
    assert f"{path}:3:1: A211: kenmerk 'skf_keurmerk' van 'x' is hier nee, maar op regel 2 ja" in result.stderr
