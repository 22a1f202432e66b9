"""`benadert alle` ("wij benaderen alle zorgaanbieders die ..."): each such sentence names whom
Caresq approaches, so it is encoded as it stands, beside a `benaderd` clause from another
paragraph instead of being joined with it; `check` then shows where the two pull apart (K800)."""

from __future__ import annotations

import json

from conftest import run

POLICY = ('beleid t 2026 "T".\nzorgsoort a "A".\n'
          "kenmerk k: ja/nee.\nkenmerk m: ja/nee.\nkenmerk l: ja/nee.\n"
          "randvoorwaarde r (§1) voor a: k.\n"
          "benadert alle vorig_jaar (§4) voor a: m.\n"
          "benadert alle geselecteerd (§4) voor a: l.\n")


def _outcome(tmp_path, policy: str, facts: str) -> str:
    (tmp_path / "t.beleid").write_text(policy, encoding="utf-8")
    (tmp_path / "p.lp").write_text(f"levert(p, a).\nk(p).\n{facts}\n", encoding="utf-8")
    result = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "t.beleid"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["providers"][0]["policies"][0]["decisions"][0]["outcome"]


def test_a_provider_either_clause_names_is_approached_and_one_neither_names_is_not(tmp_path):
    assert _outcome(tmp_path, POLICY, "m(p).\n-l(p).") == "zorgovereenkomst"
    assert _outcome(tmp_path, POLICY, "-m(p).\nl(p).") == "zorgovereenkomst"
    assert _outcome(tmp_path, POLICY, "-m(p).\n-l(p).") == "niet_benaderd"
    assert _outcome(tmp_path, POLICY, "-m(p).") == "onbeslist"   # l unknown: it may name p


def test_not_approached_names_the_clauses_that_would_have_named_the_provider(tmp_path):
    (tmp_path / "t.beleid").write_text(POLICY, encoding="utf-8")
    (tmp_path / "p.lp").write_text("levert(p, a).\nk(p).\n-m(p).\n-l(p).\n", encoding="utf-8")
    out = run("explain", str(tmp_path / "p.lp"), "--beleid", str(tmp_path / "t.beleid"), "--details").stdout
    blocking = out.split("Niet benaderd vanwege")[1]
    assert "vorig_jaar" in blocking and "geselecteerd" in blocking


def test_a_benaderd_clause_still_has_to_hold(tmp_path):
    policy = POLICY + "kenmerk j: ja/nee.\nbenaderd landelijk (§3) voor a: j.\n"
    assert _outcome(tmp_path, policy, "-j(p).\nm(p).\n-l(p).") == "niet_benaderd"
    assert _outcome(tmp_path, policy, "j(p).\nm(p).\n-l(p).") == "zorgovereenkomst"


def test_check_reports_a_named_provider_that_another_paragraph_does_not_approach(tmp_path):
    path = tmp_path / "t.beleid"
    path.write_text(POLICY + "kenmerk j: ja/nee.\nbenaderd landelijk (§3) voor a: j.\n", encoding="utf-8")
    found = json.loads(run("check", str(path), "--format", "json").stdout)["findings"]
    assert [(f["kind"], sorted(i["id"] for i in f["involved"])) for f in found if f["kind"] == "benaderd_inkoop"] \
        == [("benaderd_inkoop", ["geselecteerd", "landelijk"]), ("benaderd_inkoop", ["landelijk", "vorig_jaar"])]
    # Two `benadert alle` clauses name different providers on purpose, and each one decides.
    path.write_text(POLICY, encoding="utf-8")
    found = json.loads(run("check", str(path), "--format", "json").stdout)["findings"]
    assert found == []
