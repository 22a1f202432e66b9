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
