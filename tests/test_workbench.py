"""The author's workbench (issue 13): the policies you stand in, CLI basics, policy errors in
every CI format. Run as a user does: the installed command in a real working directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from caresq_logic.language.kinds import KINDS
from conftest import EXAMPLES, POLICIES, REPO

FYSIO_B = EXAMPLES / "paramedische_zorg" / "fysio_b.lp"


def cli(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "caresq_logic.cli", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", env=env)


@pytest.fixture
def clone(tmp_path) -> Path:
    """A copy of the policies and one example, as in a fresh clone, with a subfolder to stand in."""
    shutil.copytree(POLICIES, tmp_path / "policies")
    shutil.copy(FYSIO_B, tmp_path / "fysio_b.lp")
    (tmp_path / "werk" / "dieper").mkdir(parents=True)
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_policy_takes_effect_without_beleid(clone):
    before = cli("explain", "../../fysio_b.lp", cwd=clone / "werk" / "dieper")
    assert before.returncode == 0, before.stderr
    assert "Fysiotherapie: Zorgovereenkomst B" in before.stdout
    assert before.stdout.startswith("Beleidsset: ../../policies (de dichtstbijzijnde map policies/")
    # fysio_b's behandelindex is 131: lowering the exclusion's bound to 100 excludes it.
    _edit(clone / "policies" / "paramedische_zorg" / "2026.beleid",
          "  behandelindex 2024 groter dan 150\n", "  behandelindex 2024 groter dan 100\n")
    after = cli("explain", "../../fysio_b.lp", cwd=clone / "werk" / "dieper")
    assert "Fysiotherapie: Zorgovereenkomst B" not in after.stdout
    assert "Fysiotherapie: Uitzondering aan te vragen" in after.stdout


def test_check_without_a_path_checks_the_set_you_stand_in(clone):
    _edit(clone / "policies" / "stoppen_met_roken" / "2026.beleid", "zorgsoort ", "zorgsoort zorgsoort ")
    result = cli("check", "--format", "json", cwd=clone / "werk")
    assert result.returncode == 2
    document = json.loads(result.stdout)
    assert document["policy_set"]["origin"] == "found"
    assert document["policy_set"]["root"] == "../policies"
    assert "../policies/stoppen_met_roken/2026.beleid" in document["policy_set"]["files"]
    assert [d["file"] for d in document["diagnostics"]] == ["../policies/stoppen_met_roken/2026.beleid"]


def test_without_a_policies_folder_the_embedded_set_is_named(tmp_path):
    result = cli("explain", str(FYSIO_B), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    policy_set = json.loads(result.stdout)["policy_set"]
    assert policy_set["origin"] == "embedded"
    assert "policies/paramedische_zorg/2026.beleid" in policy_set["files"]
    sarif = json.loads(cli("check", "--format", "sarif", "--jaar", "2026", cwd=tmp_path).stdout)
    run = sarif["runs"][0]
    assert run["properties"]["policy_set"]["origin"] == "embedded"
    assert {"location": {"uri": "policies/paramedische_zorg/2026.beleid"}} in run["artifacts"]


BROKEN = """beleid proef 2026 "Proef".
zorgsoort fysio "Fysio".
kenmerk registratie "Registratie": ja/nee.
kenmerk prem: ja/nee.
randvoorwaarde geregistreerd "Geregistreerd" (§1 "Staat geregistreerd.") voor fysio:
  registratie
  and prem.
"""


@pytest.fixture
def broken(tmp_path) -> Path:
    (tmp_path / "policies").mkdir()
    (tmp_path / "policies" / "proef.beleid").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_a_policy_error_appears_in_every_format(broken):
    where = ("policies/proef.beleid", 7)
    github = cli("check", "--format", "github", cwd=broken)
    assert github.returncode == 2
    assert f"::error file={where[0]},line={where[1]}," in github.stdout
    sarif = json.loads(cli("check", "--format", "sarif", cwd=broken).stdout)
    [result] = sarif["runs"][0]["results"]
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == where[1]
    document = json.loads(cli("check", "--format", "json", cwd=broken).stdout)
    assert [(d["file"], d["line"]) for d in document["diagnostics"]] == [where]
    junit = ET.fromstring(cli("check", "--format", "junit", cwd=broken).stdout)
    [failure] = junit.iter("failure")
    assert failure.get("message").startswith(f"{where[0]}:{where[1]}:")
    text = cli("check", cwd=broken)
    assert text.returncode == 2 and f"{where[0]}:{where[1]}:" in text.stderr
    assert "geen bevindingen" not in text.stdout


@pytest.mark.parametrize("fmt", ["json", "github", "sarif", "junit", "text"])
def test_every_check_format_names_the_policy_set(fmt):
    result = cli("check", "--format", fmt, "--jaar", "2026", cwd=REPO)
    assert result.returncode == 0   # the shipped policies pass (their known errors are suppressed)
    assert "policies/paramedische_zorg/2026.beleid" in result.stdout


def test_check_json_follows_its_schema(broken):
    schema = json.loads((REPO / "docs" / "check.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    for args, cwd in ((("--jaar", "2026"), REPO), ((), broken)):
        document = json.loads(cli("check", "--format", "json", *args, cwd=cwd).stdout)
        jsonschema.validate(document, schema)
    assert document["diagnostics"], "the broken set must show its diagnostic"
    finding = schema["$defs"]["finding"]["properties"]
    assert finding["kind"]["enum"] == list(KINDS), "a new kind of finding belongs in docs/check.schema.json"


# ---- CLI basics -------------------------------------------------------------------------------


def test_version_and_short_help():
    assert cli("--version", cwd=REPO).stdout.strip().startswith("caresq-logic ")
    assert "Usage" in cli("-h", cwd=REPO).stdout
    assert "--beleid" in cli("explain", "-h", cwd=REPO).stdout


@pytest.mark.parametrize("args, code", [
    (("check", "--jaar", "2030"), "C020"),
    (("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--jaar", "2030"), "C020"),
    (("explain", "{tmp}"), "C021"),
    (("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "-o", "no/such/folder/out.txt"), "C022"),
    (("check", "-o", "no/such/folder/out.txt", "--jaar", "2026"), "C022"),
])
def test_user_errors_exit_2_with_one_line(args, code, tmp_path):
    result = cli(*(a.replace("{tmp}", str(tmp_path)) for a in args), cwd=REPO)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if code in line]
    assert len(lines) == 1 and "Traceback" not in result.stderr and "interne fout" not in result.stderr


def test_output_survives_a_console_that_cannot_encode_it():
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    result = subprocess.run([sys.executable, "-m", "caresq_logic.cli", "explain", str(FYSIO_B), "--taal", "en"],
                            cwd=REPO, capture_output=True, env=env)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr


def test_a_dutch_run_says_no_english_severity():
    result = cli("check", "--jaar", "2026", cwd=REPO)
    assert ": waarschuwing:" in result.stdout or ": fout:" in result.stdout
    assert ": warning:" not in result.stdout and ": error:" not in result.stdout
    english = cli("check", "--jaar", "2026", "--taal", "en", cwd=REPO)
    assert ": fout:" not in english.stdout and ": waarschuwing:" not in english.stdout


# ---- diagnostics a newcomer can act on ----------------------------------------------------------

HEADER = 'beleid proef 2026 "Proef".\nzorgsoort fysio "Fysio".\nkenmerk prem: ja/nee.\nkenmerk n: getal.\n' \
         'kenmerk d: datum.\n'


@pytest.mark.parametrize("clause, help_line", [
    ("randvoorwaarde r (§1) voor fysio: prem and prem.", "= hulp: schrijf 'en' in plaats van 'and'"),
    ("randvoorwaarde r (§1) voor fysio: prem or prem.", "= hulp: schrijf 'of' in plaats van 'or'"),
    ("randvoorwaarde r (§1) voor fysio: not prem.", "= hulp: schrijf 'niet' in plaats van 'not'"),
    ("randvoorwaarde r voor fysio: prem.", "= hulp: elke clausule citeert de paragraaf"),
    ("randvoorwaarde r (§1) voor fysio: n <= 3.", "= hulp: schrijf 'hoogstens' in plaats van '<='"),
    ("randvoorwaarde r (§1) voor fysio: n >= 3.", "= hulp: schrijf 'ten minste' in plaats van '>='"),
    ("randvoorwaarde r (§1) voor fysio: d voor 01-11-2026.", "= hulp: schrijf een datum als 2026-11-01 of 1 november 2026"),
    ("randvoorwaarde r (§1) voor fysio: prem is ja.", "= hulp: een ja/nee-kenmerk is zelf een voorwaarde: schrijf 'prem'"),
    ("randvoorwaarde r (§1) voor fysio: prem\nrandvoorwaarde s (§1) voor fysio: prem.",
     "= hulp: vergeet de punt aan het eind van de vorige clausule niet"),
])
def test_the_help_line_names_the_fix(tmp_path, clause, help_line):
    (tmp_path / "p.beleid").write_text(HEADER + clause + "\n", encoding="utf-8")
    result = cli("check", "p.beleid", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len([line for line in lines if line.startswith("p.beleid:")]) == 1, result.stderr
    assert lines[-1].strip().startswith(help_line), result.stderr
    if "vergeet de punt" not in help_line:   # the B100 for the full stop is about the next statement
        assert "vergeet de punt" not in result.stderr


def test_the_source_line_and_a_caret_under_the_span(tmp_path):
    (tmp_path / "p.beleid").write_text(HEADER + "randvoorwaarde r (§1) voor fysio: prem and prem.\n", encoding="utf-8")
    lines = cli("check", "p.beleid", cwd=tmp_path).stderr.splitlines()
    assert lines[0].startswith("p.beleid:6:40: B100: onverwacht 'and'")
    source, caret = lines[2], lines[3]
    assert source.endswith("| randvoorwaarde r (§1) voor fysio: prem and prem.")
    assert caret.index("^^^") == source.index(" and ") + 1 and caret.count("^") == 3


def test_a_duplicate_points_at_the_first_definition(tmp_path):
    clauses = "randvoorwaarde r (§1) voor fysio: prem.\nrandvoorwaarde r (§2) voor fysio: prem.\n"
    (tmp_path / "p.beleid").write_text(HEADER + clauses, encoding="utf-8")
    result = cli("check", "p.beleid", "--taal", "en", cwd=tmp_path).stderr
    assert "p.beleid:7:1: B202: 'r' is already declared on line 6" in result
    assert "--> p.beleid:6:1: first defined here" in result


def test_one_broken_policy_is_one_error_not_a_cascade(clone):
    _edit(clone / "policies" / "paramedische_zorg" / "2026.beleid",
          'zorgsoort fysiotherapie "Fysiotherapie" / "Physiotherapy".',
          'zorgsoort fysiotherapie "Fysiotherapie" / "Physiotherapy"')
    result = cli("explain", str(EXAMPLES), cwd=clone)
    assert result.returncode == 2
    located = [line for line in result.stderr.splitlines() if ": " in line and line[:1] not in " "]
    assert len(located) == 1 and "policies/paramedische_zorg/2026.beleid:" in located[0], result.stderr
    assert "Zorgaanbieder:" in result.stdout   # the other domains are still decided


# ---- uitleg and docs/codes.md ------------------------------------------------------------------

from string import Formatter  # noqa: E402

from caresq_logic import messages  # noqa: E402
from caresq_logic.report import codes as explanations  # noqa: E402


def test_every_code_has_an_explanation_and_no_explanation_is_stale():
    assert set(explanations.codes()) == set(explanations.EXPLANATIONS)


@pytest.mark.parametrize("code", explanations.codes())
@pytest.mark.parametrize("lang", messages.LANGUAGES)
def test_every_code_renders_in_both_languages(code, lang):
    if code in messages.CATALOGUE:
        _, nl, en = messages.CATALOGUE[code]
        fields = {name for _, name, _, _ in Formatter().parse(nl if lang == "nl" else en) if name}
        assert fields == {name for _, name, _, _ in Formatter().parse(en if lang == "nl" else nl) if name}
        rendered = messages.render(code, lang, {name: f"<{name}>" for name in fields})
        assert "{" not in rendered.replace("{'", "")
    page = explanations.explain(code, lang)
    assert page.startswith(f"## {code}: ") and ("Voorbeeld:" if lang == "nl" else "Example:") in page
    nl_text, en_text, example = explanations.EXPLANATIONS[code]
    assert nl_text != en_text and example.strip()


def test_uitleg_prints_the_page_and_rejects_an_unknown_code():
    result = cli("uitleg", "b203", cwd=REPO)
    assert result.returncode == 0 and result.stdout.startswith("## B203: kenmerk '{name}' is {actual}")
    assert "prem is ja" in result.stdout
    unknown = cli("uitleg", "B1000", cwd=REPO)
    assert unknown.returncode == 2 and "C023" in unknown.stderr and "bedoelde u 'B100'?" in unknown.stderr


def test_docs_codes_md_is_generated_from_the_catalogue():
    assert (REPO / "docs" / "codes.md").read_text(encoding="utf-8") == explanations.markdown("nl"), \
        "regenerate: caresq-logic uitleg --alle > docs/codes.md"
