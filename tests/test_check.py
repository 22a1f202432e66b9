"""`caresq-logic check`: every kind of finding on a small policy with the problem planted (the
exact finding), the same policy without it (clean), and the evidence a user acts on."""

from __future__ import annotations

import json

import pytest

from caresq_logic.language.kinds import KINDS
from conftest import run

HEAD = 'beleid t {year} "T"{extra}.\nzorgsoort a "A".\nzorgsoort b "B".\n' \
       "kenmerk k: ja/nee.\nkenmerk m: ja/nee.\nkenmerk n: getal.\nkenmerk d: datum.\n"


def policy(tmp_path, body: str, year: int = 2026, name: str = "t.beleid", extra: str = "") -> str:
    path = tmp_path / name
    path.write_text(HEAD.format(year=year, extra=extra) + body, encoding="utf-8")
    return str(path)


def findings(*paths: str, args=()):
    result = run("check", *paths, *args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)["findings"]


CASES = {
    # kind: (planted body, clean body, expected message of the one finding)
    "onvervulbaar": (
        "randvoorwaarde r1 (§1) voor a: n groter dan 10.\nrandvoorwaarde r2 (§1) voor a: n kleiner dan 5.\n"
        "randvoorwaarde r3 (§1) voor a: k.\n",
        "randvoorwaarde r1 (§1) voor a: n groter dan 10.\nrandvoorwaarde r3 (§1) voor a: k.\n",
        "geen enkele zorgaanbieder kan een zorgovereenkomst voor a krijgen"),
    "overlap": (
        "randvoorwaarde boven (§1) voor a: n ten minste 50.\nrandvoorwaarde onder (§1) voor b: n hoogstens 50.\n",
        "randvoorwaarde boven (§1) voor a: n groter dan 50.\nrandvoorwaarde onder (§1) voor b: n hoogstens 50.\n",
        "a en b begrenzen 'n' van tegengestelde kanten, maar een zorgaanbieder kan aan beide voldoen"),
    "gat": (
        "differentiatiefactor f (§2) voor a: k.\n"
        "zorgovereenkomst A (§2) voor a: alle randvoorwaarden en ten minste 1 differentiatiefactor.\n",
        "differentiatiefactor f (§2) voor a: k.\n"
        "zorgovereenkomst A (§2) voor a: alle randvoorwaarden en ten minste 1 differentiatiefactor.\n"
        "zorgovereenkomst B (§2) voor a: alle randvoorwaarden.\n",
        "een zorgaanbieder die aan alle voorwaarden voor a voldoet, past in geen enkele zorgovereenkomst"),
    "dode_clausule": (
        "randvoorwaarde ruim (§1) voor a: n groter dan 5.\nrandvoorwaarde streng (§1) voor a: n groter dan 10.\n",
        "randvoorwaarde ruim (§1) voor a: n groter dan 5.\nrandvoorwaarde streng (§1) voor a: k.\n",
        "randvoorwaarde ruim verandert voor geen enkele zorgaanbieder het besluit: telkens als deze geldt, beslist "
        "een andere clausule al hetzelfde (of de voorwaarde is altijd of nooit waar)"),
    "wijziging_romp": (
        "randvoorwaarde r (§3) voor a: k.\nrandvoorwaarde r2 (§3) voor a: m.\n"
        "wijziging w (§wijzigingen) voor a: \"r vervangen door r2\"; vervangen r door r2.\n",
        "randvoorwaarde r2 (§3) voor a: m.\n"
        "wijziging w (§wijzigingen) voor a: \"r vervangen door r2\"; vervangen randvoorwaarde r door r2.\n",
        "wijziging w zegt vervangen: r, maar de tekst van hetzelfde jaar eist r nog"),
    "benaderd_inkoop": (
        "benaderd x (§3) voor a: k.\nbenaderd y (§4) voor a: m.\n",
        "benaderd x (§3) voor a: k.\nbenaderd y (§3) voor a: m.\n",
        "x en y (verschillende paragrafen) kiezen voor a niet dezelfde zorgaanbieders: een aanbieder die aan alle "
        "voorwaarden voldoet, voldoet aan de ene en niet aan de andere (getuige)"),
    "geen_route": (
        "randvoorwaarde r (§3) voor a: k.\nroute aanvraag (§4) voor b: m.\n",
        "randvoorwaarde r (§3) voor a: k.\nroute aanvraag (§4) voor a, b: m.\n",
        "a heeft eigen voorwaarden, maar de tekst noemt er geen benaderd/route voor"),
    "voornemen_als_feit": (
        "looptijd l (§4) voor a: 2026 tot en met 2027.\n"
        "wijziging w (§wijzigingen) voor a: \"wil a inkopen\"; toegevoegd a; voornemen.\n",
        "looptijd l (§4) voor a: 2026 tot en met 2027.\n"
        "wijziging w (§wijzigingen) voor a: \"koopt a in\"; toegevoegd a.\n",
        "wijziging w is een voornemen, maar de tekst past het toe als feit: l"),
    "tijdlijn": (
        "ingangsdatum s (§4): eerste van de maand na d.\n",
        "ingangsdatum s (§4): eerste van de maand na d indien d na 1 januari 2026.\n",
        "ingangsdatum s kan voor 1 januari 2026 liggen, voor het contractjaar"),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_planted_problem_gives_exactly_that_finding(tmp_path, kind):
    planted, _, message = CASES[kind]
    code, found = findings(policy(tmp_path, planted))
    assert [(f["kind"], f["message"]) for f in found] == [(kind, message)]
    assert code == (1 if found[0]["severity"] == "error" else 0)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_policy_without_the_problem_is_clean(tmp_path, kind):
    _, clean, _ = CASES[kind]
    assert findings(policy(tmp_path, clean)) == (0, [])


def test_unsatisfiable_evidence_is_a_minimal_core(tmp_path):
    _, found = findings(policy(tmp_path, CASES["onvervulbaar"][0]))
    assert [c["id"] for c in found[0]["core"]] == ["r1", "r2"]   # r3 is not part of the conflict
    assert found[0]["core"][0]["location"].endswith("t.beleid:8:1")


def test_an_exception_that_never_leads_to_a_contract(tmp_path):
    body = ("uitsluiting hoog (§2) voor a: n groter dan 150 tenzij k, aan te vragen via \"mail\".\n"
            "niet benaderd nooit (§4) voor a: n groter dan 150.\n")
    _, found = findings(policy(tmp_path, body))
    assert [(f["kind"], f["message"], [c["id"] for c in f["core"]]) for f in found] == [
        ("onvervulbaar", "de uitzondering op hoog leidt voor a nooit tot een zorgovereenkomst; dat komt door: nooit",
         ["nooit"])]


def test_overlap_witness_is_a_provider_file_that_explain_accepts(tmp_path):
    path = policy(tmp_path, CASES["overlap"][0])
    _, found = findings(path)
    witness = tmp_path / "getuige.lp"
    witness.write_text(found[0]["witness"], encoding="utf-8")
    result = run("explain", str(witness), "--beleid", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    outcomes = {d["zorgsoort"]: d["outcome"] for d in json.loads(result.stdout)["providers"][0]["policies"][0]["decisions"]}
    assert outcomes == {"a": "zorgovereenkomst", "b": "zorgovereenkomst"}
    assert "n(w, 50)." in found[0]["witness"]   # the boundary value itself


def test_witness_is_minimal(tmp_path):
    _, found = findings(policy(tmp_path, CASES["overlap"][0]))
    facts = [line for line in found[0]["witness"].splitlines() if not line.startswith("%")]
    assert facts == ["levert(w, a).", "levert(w, b).", "n(w, 50)."]


def test_offer_after_signing_and_deadline_in_contract_year(tmp_path):
    body = ("aanbieding aanbod (§5): 10 november 2025.\ntekendatum teken (§5): 7 november 2025.\n"
            "deadline laat (§5): 3 januari 2026.\n")
    _, found = findings(policy(tmp_path, body))
    assert [f["message"] for f in found] == [
        "aanbieding aanbod (2025-11-10) valt na tekendatum teken (2025-11-07)",
        "deadline laat (2026-01-03) valt in of na het contractjaar 2026",
    ]


def test_cross_year_witness_names_the_delta_and_is_decided_by_both_years(tmp_path):
    """One policy with a change list: its earlier year is derived, and the continuing contract's
    witness met the derived year, fails the new clause, and keeps its contract."""
    body = ("randvoorwaarde r (§3) voor a: k.\ndoorlopend d (§4) voor a: m.\n"
            "wijziging w (§wijzigingen) voor a: \"r is nieuw\"; toegevoegd r.\n")
    path = policy(tmp_path, body)
    _, found = findings(path)
    assert [(f["kind"], [i["id"] for i in f["involved"]]) for f in found] == [("jaaroverschrijdend", ["w", "r"])]
    assert found[0]["message"] == (f"a loopt door van {path}@2025 naar {path} (doorlopend), maar door wijziging w "
                                   f"voldoet een zorgaanbieder die in {path}@2025 voldeed, in {path} niet aan r")
    witness = tmp_path / "getuige.lp"
    witness.write_text(found[0]["witness"], encoding="utf-8")
    # 2026: fails r, keeps its contract; 2025 (derived: who continued into 2025 is unknown): met
    # it, so it may have had a contract then, as the finding says, but that rests on the unknown.
    for year, outcomes in (("2026", ["doorlopende_overeenkomst"]), ("2025", ["doorlopende_overeenkomst", "zorgovereenkomst"])):
        result = run("explain", str(witness), "--beleid", path, "--jaar", year, "--format", "json")
        decision = json.loads(result.stdout)["providers"][0]["policies"][0]["decisions"][0]
        possible = sorted(p["outcome"] for p in decision["possible"]) or [decision["outcome"]]
        assert possible == outcomes, decision
    assert "k(w)." not in found[0]["witness"].splitlines()   # fails r in 2026


def test_no_cross_year_finding_rests_on_a_renamed_kenmerk(tmp_path):
    """Regression: 2025 (own text) said knov_inschrijving, 2026 knov_kwaliteitsregister for the
    same registration. The renaming is reported as such, never as a provider who met one year."""
    head = "kenmerk {name}: ja/nee.\nrandvoorwaarde knov (§3) voor a: {name}.\n"
    earlier = policy(tmp_path, head.format(name="knov_inschrijving") + "looptijd l (§4) voor a: 2025 tot en met 2026.\n",
                     year=2025, name="2025.beleid")
    later = policy(tmp_path, head.format(name="knov_kwaliteitsregister")
                   + "wijziging w (§wijzigingen) voor a: \"thema\"; onbekend.\n", name="2026.beleid")
    _, found = findings(earlier, later)
    assert [f["kind"] for f in found] == ["wijzigingenlijst"] * 3
    assert not any(f["kind"] == "jaaroverschrijdend" for f in found)
    assert {f["message"].split(" staat")[0] for f in found if "kenmerk" in f["message"]} == {
        "kenmerk knov_inschrijving", "kenmerk knov_kwaliteitsregister"}
    # On the shipped texts: the verloskunde finding rests on the aantekeningen, not on KNOV.
    result = run("check", "--format", "json")
    shipped = [f for f in json.loads(result.stdout)["findings"] if f["kind"] == "jaaroverschrijdend"
               and "verloskundige_zorg" in f["message"]]
    assert len(shipped) == 1 and "w_knov_aantekeningen" in shipped[0]["message"]
    assert "knov_kwaliteitsregister(w)." in shipped[0]["witness"]   # met in both years
    assert "knov_inschrijving" not in result.stdout


def test_change_list_between_own_texts(tmp_path):
    earlier = policy(tmp_path, "randvoorwaarde oud (§1) voor a: k.\nrandvoorwaarde blijft (§1) voor b: k.\n",
                     year=2025, name="2025.beleid")
    later = policy(tmp_path, "randvoorwaarde nieuw (§1) voor a: m.\nrandvoorwaarde blijft (§1) voor b: k.\n"
                             "wijziging w1 (§wijzigingen) voor a: \"oud vervangen door nieuw\"; vervangen randvoorwaarde oud door nieuw.\n",
                   year=2026, name="2026.beleid")
    _, found = findings(earlier, later)
    assert found == []
    later_unstated = policy(tmp_path, "randvoorwaarde nieuw (§1) voor a: m.\nrandvoorwaarde blijft (§1) voor b: k.\n"
                                      "wijziging w1 (§wijzigingen) voor b: \"b\"; onbekend.\n",
                            year=2026, name="2026.beleid")
    _, found = findings(earlier, later_unstated)
    assert sorted(f["message"].split(" is ")[0] for f in found) == ["nieuw", "oud"]


def test_suppression_keeps_ci_green_and_says_why(tmp_path):
    body = CASES["tijdlijn"][0] + 'onderdruk tijdlijn s: "Bekend; voorgelegd aan de auteurs".\n'
    result = run("check", policy(tmp_path, body))
    assert result.exit_code == 0
    assert "    onderdrukt: Bekend; voorgelegd aan de auteurs" in result.stdout
    assert result.stdout.endswith("1 bevinding(en): 0 fout, 0 waarschuwing, 0 opmerking, 1 onderdrukt\n")


def test_suppression_of_an_unknown_kind_is_a_policy_error(tmp_path):
    result = run("check", policy(tmp_path, 'onderdruk tijdlyn: "x".\n'))
    assert result.exit_code == 2
    assert "B226: 'tijdlyn' is geen soort bevinding" in result.stderr
    assert "= hulp: bedoelde u 'tijdlijn'?" in result.stderr


def test_severity_per_kind(tmp_path):
    path = policy(tmp_path, CASES["overlap"][0])
    assert run("check", path).exit_code == 0
    assert run("check", path, "--ernst", "overlap=error").exit_code == 1
    assert findings(path, args=("--ernst", "overlap=off")) == (0, [])
    assert run("check", path, "--ernst", "overlap=ernstig").exit_code == 2


def test_github_and_sarif_formats(tmp_path):
    path = policy(tmp_path, CASES["tijdlijn"][0])
    github = run("check", path, "--format", "github").stdout.splitlines()
    assert github[0].startswith(f"::error file={path},line=8,col=1,title=K700 tijdlijn::ingangsdatum s kan voor")
    sarif = json.loads(run("check", path, "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0" and sarif["$schema"].endswith("sarif-2.1.0.json")
    run_ = sarif["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} == {code for code, _ in KINDS.values()}
    result = run_["results"][0]
    assert result["ruleId"] == "K700" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 8, "startColumn": 1}


def test_english_findings(tmp_path):
    out = run("check", policy(tmp_path, CASES["tijdlijn"][0]), "--taal", "en").stdout
    assert "start date s can fall before 1 January 2026, before the contract year" in out


def test_shipped_policies_check_without_unsuppressed_errors():
    result = run("check", "policies/", "--format", "json")
    assert result.exit_code == 0
    kinds = sorted(f["kind"] for f in json.loads(result.stdout)["findings"])
    assert kinds == ["benaderd_inkoop", "dode_clausule"] + ["geen_route"] * 4 + ["jaaroverschrijdend"] * 5 + \
        ["onvervulbaar", "overlap", "overlap", "tijdlijn", "tijdlijn"] + ["voornemen_als_feit"] * 4 + \
        ["wijziging_romp"] * 2


# Every predicate name the engine used before it moved to its own `_` namespace (issue 8).
FORMER_INTERNAL_NAMES = """
provider zorgsoort onderdeel_van ctx clause applies requestable counts_as scope root has_guard
is_leaf leaf holds fails met unmet guarded active excepted required_kind failed excluded eligible
own_factor factor factor_via nfactors not_approached approached continuing continues route_open
tier_scope tier_is_leaf tier_leaf tier_holds tier_fails tier_met better_tier tier has_tier
has_tiers tier_rank is_part blocked offerable top outcome contracted parent_ok part_outcome
decision start_rule start_date term milestone inactive node_key tier_node_key
goal goal_id reached witness_value x_other_failed x_other_blocked x_excluded x_by x_other_excluded on h th
""".split()


def test_a_kenmerk_named_goal_gives_no_false_finding(tmp_path):
    """Regression: `kenmerk goal` clashed with check's own goal/1 and gave a false K100."""
    path = policy(tmp_path, "kenmerk goal: ja/nee.\nrandvoorwaarde r (§1) voor a, b: goal.\n")
    assert findings(path) == (0, [])


def test_every_former_internal_name_is_a_usable_kenmerk(tmp_path):
    body = "".join(f"kenmerk {name}: ja/nee.\nrandvoorwaarde r_{name} (§1) voor a, b: {name}.\n"
                   for name in FORMER_INTERNAL_NAMES)
    path = policy(tmp_path, body)
    assert findings(path) == (0, [])
    provider = tmp_path / "p.lp"
    provider.write_text("levert(p, a).\n" + "".join(f"{name}(p).\n" for name in FORMER_INTERNAL_NAMES))
    result = run("explain", str(provider), "--beleid", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    decision = json.loads(result.stdout)["providers"][0]["policies"][0]["decisions"][0]
    assert decision["outcome"] == "zorgovereenkomst"


def test_diff_lists_each_change_with_a_witness_whose_outcome_it_changes(tmp_path):
    old = policy(tmp_path, "randvoorwaarde r (§3) voor a: k.\nrandvoorwaarde s (§3) voor b: k.\n",
                 year=2025, name="2025.beleid")
    new = policy(tmp_path, "randvoorwaarde r (§3) voor a: k en m.\nrandvoorwaarde s (§3) voor b: k.\n"
                           "randvoorwaarde t (§3) voor b: m.\n", name="2026.beleid")
    result = run("diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.stderr
    changes = {c["id"]: c for c in json.loads(result.stdout)["changes"]}
    assert sorted(changes) == ["r", "t"]   # s is the same in both
    assert changes["r"]["how"] == "gewijzigd" and changes["t"]["how"] == "toegevoegd"
    assert changes["r"]["outcomes"] == {"old": "zorgovereenkomst", "new": "geen_overeenkomst"}
    lines = changes["r"]["witness"].splitlines()
    assert "k(w)." in lines and "m(w)." not in lines
    text = run("diff", old, new).stdout
    assert "gewijzigd: clausule r\n  oud:   randvoorwaarde voor a: k\n  nieuw: randvoorwaarde voor a: k en m\n" in text
    # a derived year by file@year; a publication that does not exist is unusable input
    assert run("diff", "policies/geboortezorg/2026.beleid@2025", "policies/geboortezorg/2026.beleid").exit_code == 0
    assert run("diff", "policies/geboortezorg/2026.beleid@2019", "policies/geboortezorg/2026.beleid").exit_code == 2
