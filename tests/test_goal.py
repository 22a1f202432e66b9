"""explain --doel: why not (clingo's cores over the clause switches) and what must change (clingo's
optimisation over the kenmerken), every proposal decided again by the normal path."""

from __future__ import annotations

import pytest

from caresq_logic import passes
from caresq_logic.language.kinds import Outcome
from conftest import REPO, run

EXAMPLES = REPO / "examples" / "providers"
FILES = sorted(EXAMPLES.rglob("*.lp"))


def test_fysio_b_needs_the_skf_keurmerk_for_a(tmp_path):
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--doel", "A")
    assert result.exit_code == 0
    goal = result.stdout.split("Doel: Zorgovereenkomst A")[1].split("    Voorwaarden")[0]
    blocking, changes = goal.split("Wat moet veranderen: 1 kenmerk(en)")
    assert "✘ Praktijkregistratie SKF (label Keurmerk) (§3.2)" in blocking
    assert "✔ Mogelijkheid 1 (gecontroleerd: geeft Zorgovereenkomst A)" in changes
    assert "Praktijkregistratie in het kwaliteitsregister van SKF (label Keurmerk): nee → ja" in changes
    assert "Mogelijkheid 2" not in changes   # the keurmerk is the only single change that reaches A

    # The changed provider, decided as any provider is, gets A.
    answer = passes.explain([str(EXAMPLES / "paramedische_zorg" / "fysio_b.lp")], None, target="A")
    proposal = answer.reports[0].goals[("policies/paramedische_zorg/2026.beleid", "fysiotherapie")].proposals[0]
    changed = tmp_path / "fysio_b_a.lp"
    changed.write_text(proposal.file_text, encoding="utf-8")
    again = run("explain", str(changed))
    assert again.exit_code == 0
    assert "Fysiotherapie: Zorgovereenkomst A" in again.stdout


def test_several_equally_small_changes_are_all_offered():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_d.lp", "--doel", "C").stdout
    options = out.split("Wat moet veranderen: 1 kenmerk(en)")[1].split("    Voorwaarden")[0]
    assert options.count("Mogelijkheid") >= 3
    assert "Fysiotherapeuten met een verbijzondering (Vektis), ten minste 24 uur per week werkzaam: 2 → 3" in options


def test_what_cannot_change_is_never_proposed():
    out = run("explain", "examples/providers/paramedische_zorg/fysio_hoge_behandelindex.lp", "--doel", "A").stdout
    goal = out.split("Doel: Zorgovereenkomst A")[1].split("    Voorwaarden")[0]
    assert "Landelijke behandelindex hoger dan 150 (§2.3)" in goal
    assert "✘ geen wijziging van kenmerken die de zorgaanbieder kan veranderen bereikt dit doel" in goal


def test_an_unknown_target_is_an_error():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--doel", "Z")
    assert result.exit_code == 2
    assert "--doel:1:1: C009" in result.stderr


def _better_tiers(path):
    explained = passes.explain([str(path)], None)
    labels = set()
    for report in explained.reports:
        for _, decisions in report.policies:
            for d in decisions:
                tiers = [t.tier.label for t in d.tiers]
                current = tiers.index(d.tier) if d.tier in tiers and d.outcome is Outcome.CONTRACT else len(tiers)
                labels.update(tiers[:current])
    return sorted(labels)


CASES = [(path, label) for path in FILES for label in _better_tiers(path)]


@pytest.mark.parametrize("path,label", CASES, ids=lambda v: v if isinstance(v, str) else v.name)
def test_every_proposal_reaches_the_target_when_decided_again(path, label, tmp_path):
    explained = passes.explain([str(path)], None, target=label)
    assert not [d for d in explained.diagnostics if d.severity == "error"]
    answers = [a for r in explained.reports for a in r.goals.values() if not a.reached]
    assert answers
    for answer in answers:
        # Something always stands in the way of a target not reached: a clause or the tier itself.
        assert answer.blocking or answer.tier_blocks is not None
        for number, proposal in enumerate(answer.proposals):
            assert len(proposal.changes) == answer.changes_needed
            assert not [c for c in proposal.changes if c.feature.immutable]
            changed = tmp_path / f"{number}.lp"
            changed.write_text(proposal.file_text, encoding="utf-8")
            again = passes.explain([str(changed)], None)
            decisions = [d for r in again.reports for _, ds in r.policies for d in ds
                         if d.care_type.name == answer.care_type]
            tiers = [t.tier.label for t in decisions[0].tiers]
            assert decisions[0].outcome is Outcome.CONTRACT
            assert tiers.index(decisions[0].tier) <= tiers.index(label)


def test_a_provider_no_benadert_alle_clause_names_is_told_which_ones():
    # It meets every condition, but neither 'benadert alle' clause of §2.5 names it: not approached.
    out = run("explain", "examples/providers/hulpmiddelen/orthopedische_schoenen_aanvraag.lp",
              "--doel", "zorgovereenkomst").stdout
    goal = out.split("Doel: Zorgovereenkomst")[1].split("    Voorwaarden")[0]
    assert "✘ Gecontracteerd in 2026, met Vektis-registratie en VECOZO-certificaten (§2.5)" in goal
    assert "✘ Geselecteerd voor het contracteerproces met onderhandeling (§2.5)" in goal
    assert "geen clausule staat in de weg" not in goal


WIJK_ZONDER = EXAMPLES / "wijkverpleging" / "geen_enkele_voorwaarde.lp"


def test_only_what_stands_in_the_way_is_named():
    answers = passes.explain([str(WIJK_ZONDER)], None, target="zorgovereenkomst").reports[0].goals
    elv = {c.id for c in answers[("policies/wijkverpleging/2024.beleid", "elv")].blocking}
    assert {"vecozo", "wtza", "elv_spoed", "twijfel_integriteit"} <= elv   # not named; unmet; excluded
    # Contracted in 2023: the clauses for a provider without that contract do not apply to it.
    assert not elv & {"aanvraag_uiterlijk_1_september", "aanvraag_voor_1_september", "geen_nieuwe_in_inkoopjaar"}
    assert not elv & {"dementie_afspraken", "grz_bedden", "nachtzorg"}   # other zorgsoorten' clauses


def test_one_grounding_and_a_few_solves_per_provider_and_policy(monkeypatch):
    from caresq_logic.check.session import Session
    from caresq_logic.decide import bounded
    builds, solves = [], []
    build, solve = Session.build.__func__, bounded.solve
    monkeypatch.setattr(Session, "build", classmethod(lambda cls, *a, **k: builds.append(1) or build(cls, *a, **k)))
    monkeypatch.setattr(bounded, "solve", lambda *a, **k: solves.append(1) or solve(*a, **k))
    answers = passes.explain([str(WIJK_ZONDER)], None, target="zorgovereenkomst").reports[0].goals
    assert len(answers) == 12 and len(builds) == 1
    # Why not is one optimisation per zorgsoort (it was 300 solves each, one disjoint core at a time).
    assert len(solves) <= 3 * len(answers)
