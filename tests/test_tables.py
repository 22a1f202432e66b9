"""The batch forms (CSV, JSON Lines): same decisions and same checks as .lp provider files."""

from __future__ import annotations

import json

import pytest

from caresq_logic import passes as load
from caresq_logic.diagnostics import Failed
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from conftest import TESTS, run


@pytest.fixture(scope="module")
def catalog():
    return Catalog.of(load.load([str(TESTS / "fixtures" / "test.beleid")]).policies)


def decisions(*paths):
    result = run("explain", *paths, "--format", "json")
    document = json.loads(result.stdout)
    return result.exit_code, {
        (p["file"], p["id"], d["zorgsoort"]): (d["outcome"], d["tier"])
        for p in document["providers"] for policy in p["policies"] for d in policy["decisions"]
    }


def test_market_files_decide_like_the_lp_examples():
    code, decided = decisions("examples/markt")
    assert code == 0
    csv, jsonl = "examples/markt/praktijken.csv", "examples/markt/praktijken.jsonl"
    assert decided == {
        (csv, "de_loop", "fysiotherapie"): ("zorgovereenkomst", "A"),
        (csv, "het_anker", "fysiotherapie"): ("zorgovereenkomst", "B"),
        (csv, "hoogland", "fysiotherapie"): ("uitzondering_aan_te_vragen", None),
        (csv, "nieuwlicht", "fysiotherapie"): ("geen_overeenkomst", None),
        (jsonl, "de_loop", "fysiotherapie"): ("zorgovereenkomst", "A"),
        (jsonl, "mensendieck_west", "oefentherapie"): ("doorlopende_overeenkomst", "B"),
    }
    _, lp = decisions("examples/providers/paramedische_zorg/fysio_a.lp", "examples/providers/paramedische_zorg/oefentherapie_doorlopend.lp")
    assert lp[("examples/providers/paramedische_zorg/fysio_a.lp", "de_loop", "fysiotherapie")] == ("zorgovereenkomst", "A")


def test_the_same_id_in_two_files_is_two_providers(tmp_path):
    """Facts of different files never mix: a second file cannot complete (or spoil) the first."""
    good = tmp_path / "a.lp"
    good.write_text((TESTS.parent / "examples/providers/paramedische_zorg/fysio_a.lp").read_text())
    partial = tmp_path / "b.lp"
    partial.write_text("levert(de_loop, fysiotherapie).\ntwijfel_integriteit(de_loop).\n")
    code, decided = decisions(str(good), str(partial))
    assert decided[(str(good), "de_loop", "fysiotherapie")] == ("zorgovereenkomst", "A")
    assert decided[(str(partial), "de_loop", "fysiotherapie")] == ("geen_overeenkomst", None)


def rejected(text: str, name: str, catalog) -> list[str]:
    with pytest.raises(Failed) as failed:
        read(text.encode(), name, catalog)
    return [d.format() for d in failed.value.diagnostics]


CSV_CASES = {
    "no_id_column": ("naam,levert\nx,fysiotherapie\n",
                     "p.csv:1:1: A111: elke regel noemt de aanbieder: een eerste kolom 'id' (CSV) of een sleutel "
                     "\"id\" met een tekst (JSONL)"),
    "unknown_column": ("id,levert,prm\np,fysiotherapie,ja\n",
                       "p.csv:1:11: A200: onbekend kenmerk 'prm' (geen van de beleidsregels declareert het) "
                       "(bedoelde u 'prem'?)"),
    "bad_column_name": ("id,levert,prem!\np,fysiotherapie,ja\n",
                        "p.csv:1:11: A112: kolomnaam 'prem!' is geen kenmerk; schrijf 'kenmerk' of 'kenmerk[2024]' "
                        "/ 'kenmerk[zorgsoort]'"),
    "ragged_row": ("id,levert,prem\np,fysiotherapie\n", "p.csv:2:1: A113: deze regel heeft 2 velden, de kopregel 3"),
    "percentage_range": ("id,levert,aandeel\np,fysiotherapie,140\n",
                         "p.csv:2:17: A204: waarde 140 van kenmerk 'aandeel' ligt buiten het bereik: 0..100"),
    "not_a_number": ("id,levert,aantal_fysio\np,fysiotherapie,veel\n",
                     "p.csv:2:17: A203: kenmerk 'aantal_fysio' verwacht een geheel getal, gekregen: \"veel\""),
    "bad_bool": ("id,levert,prem\np,fysiotherapie,misschien\n",
                 "p.csv:2:17: A203: kenmerk 'prem' verwacht ja/nee, gekregen: \"misschien\""),
    "per_year_without_year": ("id,levert,behandelindex\np,fysiotherapie,120\n",
                              "p.csv:2:17: A202: kenmerk 'behandelindex' heeft 3 argumenten, hier staan er 2"),
    "impossible_date": ("id,levert,aanvraagdatum\np,fysiotherapie,2026-02-30\n",
                        "p.csv:2:17: A204: waarde \"2026-02-30\" van kenmerk 'aanvraagdatum' ligt buiten het bereik: "
                        "een bestaande datum"),
    "unknown_zorgsoort": ("id,levert\np,tandarts\n",
                          "p.csv:2:3: A206: onbekende zorgsoort 'tandarts' (bekend: fysiotherapie, logopedie)"),
    "forged_column": ("id,levert,decision\np,fysiotherapie,zorgovereenkomst\n",
                      "p.csv:1:11: A200: onbekend kenmerk 'decision' (geen van de beleidsregels declareert het)"),
}

JSONL_CASES = {
    "invalid_json": ('{"id": "p", "levert": ["fysiotherapie"]\n',
                     "p.jsonl:1:40: A110: ongeldige JSON: Expecting ',' delimiter"),
    "no_id": ('{"levert": ["fysiotherapie"]}\n',
              "p.jsonl:1:1: A111: elke regel noemt de aanbieder: een eerste kolom 'id' (CSV) of een sleutel \"id\" met "
              "een tekst (JSONL)"),
    "forged_decision": ('{"id": "p", "levert": ["fysiotherapie"], "decision": "zorgovereenkomst"}\n',
                        "p.jsonl:1:42: A200: onbekend kenmerk 'decision' (geen van de beleidsregels declareert het)"),
    "float_count": ('{"id": "p", "levert": ["fysiotherapie"], "aantal_fysio": 2.5}\n',
                    "p.jsonl:1:42: A203: kenmerk 'aantal_fysio' verwacht een geheel getal, gekregen: 2.5"),
    "bool_as_number": ('{"id": "p", "levert": ["fysiotherapie"], "aandeel": true}\n',
                       "p.jsonl:1:42: A203: kenmerk 'aandeel' verwacht een geheel getal, gekregen: true"),
    "conflicting_years": ('{"id": "p", "levert": ["fysiotherapie"], "behandelindex": {"2024": 1}}\n'
                          '{"id": "p", "behandelindex": {"2024": 2}}\n',
                          "p.jsonl:2:13: A205: kenmerk 'behandelindex' van 'p' heeft al een andere waarde (1) op regel 1"),
    "per_year_not_object": ('{"id": "p", "levert": ["fysiotherapie"], "behandelindex": 120}\n',
                            "p.jsonl:1:42: A203: kenmerk 'behandelindex' verwacht {\"jaar of zorgsoort\": waarde}, "
                            "gekregen: 120"),
}


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_csv_rejected(name, catalog):
    text, expected = CSV_CASES[name]
    assert rejected(text, "p.csv", catalog) == [expected]


@pytest.mark.parametrize("name", sorted(JSONL_CASES))
def test_jsonl_rejected(name, catalog):
    text, expected = JSONL_CASES[name]
    assert rejected(text, "p.jsonl", catalog) == [expected]


def test_csv_quoted_fields_and_multiple_values(catalog):
    text = 'id,naam,levert,registratie,agb,lopend[logopedie]\n"p","Naam, met komma",fysiotherapie;logopedie,irf;kfir,04,ja\n'
    facts = [f.asp() for f in read(text.encode(), "p.csv", catalog).facts]
    assert facts == ['aanbieder(p,"Naam, met komma").', "levert(p,fysiotherapie).", "levert(p,logopedie).",
                     "registratie(p,irf).", "registratie(p,kfir).", 'agb(p,"04").', "lopend(p,logopedie)."]


def test_csv_quoted_newline_is_one_field(catalog):
    """Regression: a quoted field may hold a newline (RFC 4180); the row is still one record."""
    text = 'id,naam,levert,prem\np,"Praktijk\nDe Loop",fysiotherapie,ja\nq,Q,fysiotherapie,"ja"\n'
    provider_file = read(text.encode(), "p.csv", catalog)
    assert [f.asp() for f in provider_file.facts] == [
        'aanbieder(p,"Praktijk\\nDe Loop").', "levert(p,fysiotherapie).", "prem(p).",
        'aanbieder(q,"Q").', "levert(q,fysiotherapie).", "prem(q).",
    ]


def test_csv_cell_positions_after_a_quoted_newline(catalog):
    text = 'id,naam,aandeel\np,"a\n""b""",140\n'
    assert rejected(text, "p.csv", catalog) == [
        "p.csv:3:8: A204: waarde 140 van kenmerk 'aandeel' ligt buiten het bereik: 0..100"]
