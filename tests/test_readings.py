"""Flagged readings (`lezing ... alternatief ...`): they need a quote, every decision that
reads a flagged clause says so, `check --lezingen` lists them, docs/readings.md is current."""

from __future__ import annotations

import json

from caresq_logic import passes
from caresq_logic.diagnostics import Failed
from caresq_logic.language import parser, resolve
from caresq_logic.report import readings

from conftest import EXAMPLES, REPO, run

POLICY = '''beleid proef 2026 "Proef".
zorgsoort fysio "Fysiotherapie".
kenmerk index "Index": getal.
kenmerk register "Register": ja/nee.
uitsluiting hoog (§2 "een index hoger dan 150") voor fysio
  lezing "150 zelf is niet hoog" alternatief "150 telt mee":
  index groter dan 150.
randvoorwaarde ingeschreven (§3 "staat ingeschreven") voor fysio
  lezing "een register volstaat":
  register.
route aanvraag (§4 "een aanvraag") voor fysio
  lezing "alleen zonder aanbod":
  register.
'''


def test_a_reading_needs_the_quote_it_reads():
    bad = POLICY.replace('(§3 "staat ingeschreven")', "(§3)")
    try:
        resolve.resolve(parser.parse(bad, "proef.beleid"))
    except Failed as failed:
        assert [(d.code, d.span.line) for d in failed.diagnostics] == [("B229", 9)]
    else:
        raise AssertionError("a reading without a quote was accepted")


def test_explain_names_the_readings_the_decision_read(tmp_path):
    (tmp_path / "proef.beleid").write_text(POLICY, encoding="utf-8")
    (tmp_path / "p.lp").write_text("levert(p, fysio). index(p, 150). register(p).\n"
                                   "levert(q, fysio). index(q, 151).\n", encoding="utf-8")
    result = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "proef.beleid"), "-f", "json")
    decisions = {p["id"]: p["policies"][0]["decisions"][0] for p in json.loads(result.stdout)["providers"]}
    # p is contracted: the route was not read; q fails the register, so the exclusion was not read either.
    assert [r["id"] for r in decisions["p"]["readings"]] == ["hoog", "ingeschreven"]
    assert [r["id"] for r in decisions["q"]["readings"]] == ["ingeschreven", "aanvraag"]
    assert decisions["p"]["readings"][0] == {
        "id": "hoog", "section": "§2", "quote": "een index hoger dan 150", "reading": "150 zelf is niet hoog",
        "reading_en": None, "alternative": "150 telt mee", "alternative_en": None,
        "location": f"{tmp_path / 'proef.beleid'}:5:1"}
    text = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "proef.beleid")).stdout
    assert "Let op: berust op een lezing van §2 (hoog): 150 zelf is niet hoog; andere lezing: 150 telt mee" in text
    english = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "proef.beleid"), "--taal", "en").stdout
    assert "Note: rests on a reading of §2 (hoog)" in english


def test_check_lists_every_reading(tmp_path):
    (tmp_path / "proef.beleid").write_text(POLICY, encoding="utf-8")
    result = run("check", str(tmp_path), "--lezingen")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 lezing(en)"
    assert lines[0].endswith("proef.beleid:6:3: lezing: §2 hoog: 150 zelf is niet hoog (andere lezing: 150 telt mee)")
    assert run("check", str(tmp_path), "--lezingen", "-f", "sarif").exit_code == 2


def test_the_shipped_policies_flag_their_readings():
    loaded = passes.load(None)
    current = passes.in_force(loaded.policies)
    assert sum(len(readings.readings(p)) for p in current) >= 50
    assert all(readings.readings(p) for p in current), "every current policy has a reading flagged"


def test_docs_readings_is_up_to_date():
    """Regenerate with: caresq-logic check --lezingen --format markdown -o docs/readings.md"""
    expected = readings.markdown(passes.load(None).policies)
    assert (REPO / "docs" / "readings.md").read_text(encoding="utf-8") == expected


def test_an_example_decision_rests_on_its_reading():
    result = run("explain", str(EXAMPLES / "paramedische_zorg" / "fysio_b.lp"))
    assert "Let op: berust op een lezing van §2.3 (Landelijke behandelindex hoger dan 150)" in result.stdout
