"""One multi-year contract, a condition per contract year: `in contractjaar N` on a clause and
`explain --contractjaar N` (paramedische zorg §2.3: the behandelindex over 2024 for 2026, over 2025
for 2027)."""

from __future__ import annotations

import json

from caresq_logic import passes
from caresq_logic.diagnostics import Failed
from caresq_logic.language import contract_years, parser, resolve

from conftest import EXAMPLES, run

EXAMPLE = str(EXAMPLES / "paramedische_zorg" / "fysio_index_2025_hoog.lp")


def _decision(*args):
    result = run("explain", EXAMPLE, "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    policies = json.loads(result.stdout)["providers"][0]["policies"]
    decision = next(p for p in policies if p["domain"] == "paramedische_zorg")["decisions"][0]
    return decision["outcome"], decision["contract_year"], [c["id"] for c in decision["clauses"]]


def test_the_policy_year_is_the_default_contract_year():
    outcome, year, clauses = _decision()
    assert (outcome, year) == ("zorgovereenkomst", 2026)
    assert "hoge_behandelindex" in clauses and "hoge_behandelindex_2027" not in clauses


def test_contract_year_2027_reads_the_index_over_2025():
    outcome, year, clauses = _decision("--contractjaar", "2027")
    assert (outcome, year) == ("uitzondering_aan_te_vragen", 2027)
    assert "hoge_behandelindex_2027" in clauses and "hoge_behandelindex" not in clauses
    text = run("explain", EXAMPLE, "--contractjaar", "2027").stdout
    assert "(paramedische_zorg 2026, versie 2026-10, contractjaar 2027)" in text
    assert "✘ Landelijke behandelindex over 2025 hoger dan 150 (contractjaar 2027) (§2.3): sluit uit" in text


def test_a_contract_year_outside_the_looptijd_is_an_error():
    text = '''beleid p 2026 "P".
zorgsoort z "Z".
kenmerk k "K": ja/nee.
looptijd twee (§4) voor z: 2026 tot en met 2027.
randvoorwaarde r (§3 "q") voor z in contractjaar 2028: k.
'''
    try:
        resolve.resolve(parser.parse(text, "p.beleid"))
    except Failed as failed:
        assert [d.code for d in failed.diagnostics] == ["B231"]
        assert "2026, 2027" in failed.diagnostics[0].message("nl")
    else:
        raise AssertionError("a contract year outside the looptijd was accepted")


def test_check_checks_every_contract_year():
    policy = next(p for p in passes.load(None).policies if p.header.domain == "paramedische_zorg"
                  and p.header.year == 2026 and p.header.version == "2026-10")
    years = {y: set(contract_years.for_contract_year(policy, y).clauses) for y in (2026, 2027)}
    assert years[2026] - years[2027] == {"hoge_behandelindex"}
    assert years[2027] - years[2026] == {"hoge_behandelindex_2027"}
