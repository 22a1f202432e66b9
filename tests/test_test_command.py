"""`caresq-logic test`: example files against their `% verwacht:` lines, JUnit output, and
decision-point coverage counted exactly on a small policy."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from conftest import run

POLICY = """\
beleid proef 2026 "Proefbeleid".
zorgsoort fysiotherapie "Fysiotherapie".
kenmerk prem: ja/nee.
kenmerk index: getal.
kenmerk uitzondering: ja/nee.
kenmerk keurmerk: ja/nee.
randvoorwaarde r (§1) voor fysiotherapie: prem.
uitsluiting u (§2) voor fysiotherapie: index groter dan 150 tenzij uitzondering, aan te vragen via "x@y.nl".
differentiatiefactor f (§3) voor fysiotherapie: keurmerk.
zorgovereenkomst A (§3) voor fysiotherapie: alle randvoorwaarden en ten minste 1 differentiatiefactor.
zorgovereenkomst B (§3) voor fysiotherapie: alle randvoorwaarden.
"""

CONTRACT_A = """\
% verwacht: fysiotherapie = zorgovereenkomst A
levert(p, fysiotherapie).
prem(p).
index(p, 100).
-uitzondering(p).
keurmerk(p).
"""

NO_CONTRACT = """\
% verwacht: fysiotherapie = geen_overeenkomst
levert(q, fysiotherapie).
-prem(q).
index(q, 100).
-uitzondering(q).
-keurmerk(q).
"""

# Excluded but excepted (the tenzij is used), and without a factor: tier B.
EXCEPTED_B = """\
% verwacht: fysiotherapie = zorgovereenkomst B
levert(s, fysiotherapie).
prem(s).
index(s, 200).
uitzondering(s).
-keurmerk(s).
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "proef.beleid").write_text(POLICY, encoding="utf-8")
    examples = tmp_path / "voorbeelden"
    examples.mkdir()
    (examples / "a.lp").write_text(CONTRACT_A, encoding="utf-8")
    (examples / "b.lp").write_text(NO_CONTRACT, encoding="utf-8")
    return tmp_path


def _run(project, *args):
    return run("test", str(project / "voorbeelden"), "--beleid", str(project / "proef.beleid"), *args)


def test_a_passing_set_exits_0_with_a_line_per_file(project):
    result = _run(project)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"✔ {project}/voorbeelden/a.lp" in result.stdout
    assert f"✔ {project}/voorbeelden/b.lp" in result.stdout
    assert "2 voorbeeldbestand(en): 2 geslaagd, 0 mislukt" in result.stdout


def test_a_failing_example_exits_1_with_expected_got_and_the_line(project):
    wrong = project / "voorbeelden" / "c.lp"
    wrong.write_text("% Verkeerd verwacht.\n" + CONTRACT_A.replace("zorgovereenkomst A", "zorgovereenkomst B"),
                     encoding="utf-8")
    result = _run(project)
    assert result.exit_code == 1
    assert f"✘ {wrong}" in result.stdout
    assert f"{wrong}:2: fysiotherapie (p): verwacht zorgovereenkomst B, kreeg zorgovereenkomst A" in result.stdout
    assert "3 voorbeeldbestand(en): 2 geslaagd, 1 mislukt" in result.stdout
    english = _run(project, "--taal", "en")
    assert "fysiotherapie (p): expected zorgovereenkomst B, got zorgovereenkomst A" in english.stdout


def test_no_decision_and_no_expectation_fail(project):
    (project / "voorbeelden" / "c.lp").write_text(CONTRACT_A.replace("= zorgovereenkomst A", "= zorgovereenkomst A\n"
                                                  "% verwacht: logopedie = geen_overeenkomst"), encoding="utf-8")
    (project / "voorbeelden" / "d.lp").write_text(CONTRACT_A.replace("% verwacht", "% zegt niets"), encoding="utf-8")
    result = _run(project)
    assert result.exit_code == 1
    assert "c.lp:2: logopedie (-): verwacht geen_overeenkomst, maar er is geen besluit" in result.stdout
    assert "d.lp: geen '% verwacht:'-regel, dus niets te toetsen" in result.stdout


def test_an_unreadable_expectation_is_an_input_error(project):
    (project / "voorbeelden" / "c.lp").write_text("% verwacht: fysiotherapie = contract A\n" + CONTRACT_A[47:],
                                                  encoding="utf-8")
    result = _run(project)
    assert result.exit_code == 2
    assert "c.lp:1:1: C040: onleesbare verwacht-regel '% verwacht: fysiotherapie = contract A'" in result.stderr


def test_junit_parses_and_counts_failures(project):
    (project / "voorbeelden" / "c.lp").write_text(NO_CONTRACT.replace("geen_overeenkomst", "niet_benaderd"),
                                                  encoding="utf-8")
    result = _run(project, "--format", "junit")
    assert result.exit_code == 1
    suite = ElementTree.fromstring(result.stdout).find("testsuite")
    assert (suite.get("name"), suite.get("tests"), suite.get("failures")) == ("caresq-logic test", "3", "1")
    failing = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert [c.get("name") for c in failing] == [str(project / "voorbeelden" / "c.lp")]
    assert "verwacht niet_benaderd, kreeg geen_overeenkomst" in failing[0].find("failure").get("message")


def test_coverage_is_exact(project):
    # a and b: r holds and fails, u never occurs (fails only), f holds and fails; tier A reached,
    # B not; the tenzij unused. 2 clauses both ways + 1 tier + 0 exceptions = 3 of 3 + 2 + 1 = 50%.
    result = _run(project, "--dekking")
    assert "proef 2026        2/3     1/2             0/1      50%" in result.stdout
    assert "proef.beleid:8:1: uitsluiting u (§2): treedt nooit op" in result.stdout
    assert "proef.beleid:11:1: zorgovereenkomst B voor fysiotherapie: nooit bereikt" in result.stdout
    assert "proef.beleid:8:1: tenzij van u: nooit gebruikt" in result.stdout
    assert "Niet gedekt in proef 2026 (3):" in result.stdout
    # With the excepted tier-B example every decision point is covered.
    (project / "voorbeelden" / "e.lp").write_text(EXCEPTED_B, encoding="utf-8")
    full = _run(project, "--dekking", "--min-dekking", "100")
    assert full.exit_code == 0, full.stdout + full.stderr
    assert "proef 2026        3/3     2/2             1/1     100%" in full.stdout
    assert "Niet gedekt in proef 2026 (0):" in full.stdout


def test_min_dekking_fails_below(project):
    assert _run(project, "--min-dekking", "50").exit_code == 0
    below = _run(project, "--min-dekking", "51")
    assert below.exit_code == 1
    assert "C044: de voorbeelden dekken 50% van de beslispunten van" in below.stderr
    assert "minder dan --min-dekking 51%" in below.stderr


def test_only_lp_files_carry_expectations(project):
    market = project / "markt.csv"
    market.write_text("aanbieder,levert\nx,fysiotherapie\n", encoding="utf-8")
    result = run("test", str(market), "--beleid", str(project / "proef.beleid"))
    assert result.exit_code == 2
    assert "C042" in result.stderr


def test_without_a_path_the_nearest_examples_folder(project, monkeypatch):
    (project / "voorbeelden").rename(project / "examples")
    (project / "policies").mkdir()
    (project / "proef.beleid").rename(project / "policies" / "proef.beleid")
    monkeypatch.chdir(project / "policies")
    result = run("test")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "✔ ../examples/a.lp" in result.stdout
    assert "Bestanden: proef.beleid" in result.stdout


def test_without_examples_folder_it_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("test", "--beleid", "/nonexistent-is-not-reached")
    assert result.exit_code == 2
    assert "C043" in result.stderr
