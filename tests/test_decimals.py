"""Decimal values (issue 9): `getal met N decimalen`, written `0,8`, compiled exactly as integers
in units of the last decimal; every wrong way of writing one is an error that says why."""

from __future__ import annotations

import json

from caresq_logic.asp import compiler
from caresq_logic.diagnostics import Failed
from caresq_logic.language import parser, resolve

from conftest import run

POLICY = '''beleid proef 2026 "Proef".
zorgsoort thuis "Thuiszorg".
kenmerk fte "FTE hbo": getal met 2 decimalen.
kenmerk plekken "Opleidingsplekken": aantal.
randvoorwaarde fte_genoeg (§3 "minimaal 0,8 fte") voor thuis: fte ten minste 0,8.
randvoorwaarde opleiden (§3 "12,5% van de fte") voor thuis: plekken ten minste 12,5% van fte.
'''


def _errors(text: str) -> list[str]:
    try:
        resolve.resolve(parser.parse(text, "p.beleid"))
    except Failed as failed:
        return [d.format("nl") for d in failed.diagnostics]
    return []


def test_decimals_compile_to_scaled_integers():
    program = compiler.compile_policy(resolve.resolve(parser.parse(POLICY, "p.beleid"))).text
    assert "V >= 80." in program                      # 0,8 fte in hundredths
    assert "B > 0, 100000*A >= 125*B" in program     # a >= 12,5% of b: b in hundredths, 12,5 in tenths
    assert "0.8" not in program and "12.5" not in program


def test_values_around_the_edge(tmp_path):
    (tmp_path / "p.beleid").write_text(POLICY, encoding="utf-8")
    (tmp_path / "p.lp").write_text(
        'levert(onder, thuis). fte(onder, "0,79"). plekken(onder, 1).\n'
        'levert(op, thuis). fte(op, "0,8"). plekken(op, 1).\n'
        'levert(boven, thuis). fte(boven, "0.81"). plekken(boven, 1).\n'
        'levert(acht, thuis). fte(acht, 8). plekken(acht, 1).\n'
        'levert(negen, thuis). fte(negen, 9). plekken(negen, 1).\n', encoding="utf-8")
    result = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "p.beleid"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    met = {p["id"]: {c["id"]: c["met"] for c in p["policies"][0]["decisions"][0]["clauses"]}
           for p in json.loads(result.stdout)["providers"]}
    assert {p: m["fte_genoeg"] for p, m in met.items()} == {
        "onder": False, "op": True, "boven": True, "acht": True, "negen": True}
    # 1 place is 12,5% of 8 fte exactly, and less than 12,5% of 9.
    assert (met["acht"]["opleiden"], met["negen"]["opleiden"]) == (True, False)
    text = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "p.beleid")).stdout
    assert "(nu: 0,79)" in text


def test_a_decimal_point_in_a_policy_says_to_use_a_comma():
    assert _errors(POLICY.replace("ten minste 0,8", "ten minste 0.8")) == [
        "p.beleid:5:78: B106: '0.8' is geen getal van de beleidstaal: een punt sluit een clausule af; schrijf een "
        "decimaal getal met een komma: 0,8 (en declareer het kenmerk als 'getal met N decimalen')"]


def test_more_decimals_than_declared_is_an_error():
    errors = _errors(POLICY.replace("ten minste 0,8", "ten minste 0,805"))
    assert len(errors) == 1 and ": B230: 0,805 heeft 3 decimale(n)" in errors[0]
    assert ": B218: " in _errors(POLICY.replace("plekken ten minste 12,5%", "plekken ten minste 1,5 en plekken ten minste 12,5%"))[0]


def test_provider_decimals_in_every_format(tmp_path):
    (tmp_path / "p.beleid").write_text(POLICY, encoding="utf-8")
    (tmp_path / "bad.lp").write_text("levert(p, thuis).\nfte(p, 0.8).\nfte(q, \"0,805\").\n", encoding="utf-8")
    result = run("explain", str(tmp_path / "bad.lp"), "--beleid", str(tmp_path / "p.beleid"))
    assert result.exit_code == 2
    assert f"{tmp_path / 'bad.lp'}:2:9: A114: 0.8 is geen waarde van een feit" in result.stderr
    assert "A204: waarde \"0,805\" van kenmerk 'fte' ligt buiten het bereik: 2 decimale(n)" in result.stderr
    (tmp_path / "p.csv").write_text("id,levert,fte,plekken\nc,thuis,\"0,8\",1\n", encoding="utf-8")
    (tmp_path / "p.jsonl").write_text('{"id": "j", "levert": "thuis", "fte": 0.8, "plekken": 1}\n', encoding="utf-8")
    for name in ("p.csv", "p.jsonl"):
        result = run("explain", str(tmp_path / name), "--beleid", str(tmp_path / "p.beleid"), "-f", "json")
        assert result.exit_code == 0, result.stderr
        clauses = json.loads(result.stdout)["providers"][0]["policies"][0]["decisions"][0]["clauses"]
        assert clauses[0]["met"] is True and clauses[0]["condition"]["values"][0]["values"] == ["0,8"]
