"""Hostile input, the last items of issue 14: a ratio's products bounded per side, a closed pipe
is a normal end, an input given twice is decided once; and the fourth attack run's failures."""

from __future__ import annotations

import pytest

from conftest import run
from test_hostile import explain

# A ratio is compiled as L*A op R*B (language.ranges): plekken (aantal) >= 5% of fte (2 decimals)
# is 10000*A >= 5*B, so plekken may be at most 2147483647 // 10000 = 214748; uren (2 decimals)
# >= 30% of medewerkers (aantal) is 100*A >= 3000*B, so medewerkers at most 715827.
RATIOS = """beleid r 2026 "R".
zorgsoort fysiotherapie "F".
kenmerk plekken: aantal.
kenmerk fte: getal met 2 decimalen.
kenmerk uren: getal met 2 decimalen.
kenmerk medewerkers: aantal.
randvoorwaarde r1 (§1 "Plekken.") voor fysiotherapie: plekken ten minste 5% van fte.
randvoorwaarde r2 (§2 "Uren.") voor fysiotherapie: uren ten minste {percent}% van medewerkers.
"""


@pytest.mark.parametrize("facts, outcome", [
    # the part's side: at the bound it holds, one over it wrapped to a negative product (fails)
    ('plekken(p, 214748).\nfte(p, "1").\nuren(p, "1").\nmedewerkers(p, 1).\n', "zorgovereenkomst"),
    ('plekken(p, 214749).\nfte(p, "1").\nuren(p, "1").\nmedewerkers(p, 1).\n', "A250 plekken"),
    # the whole's side: 100 * 21474810 = 3000 * 715827 holds, one hundredth less does not;
    # one more medewerker wrapped 3000*B negative, so 0 uren passed "ten minste 30%"
    ('plekken(p, 1).\nfte(p, "1").\nuren(p, "214748,10").\nmedewerkers(p, 715827).\n', "zorgovereenkomst"),
    ('plekken(p, 1).\nfte(p, "1").\nuren(p, "214748,09").\nmedewerkers(p, 715827).\n', "geen_overeenkomst"),
    ('plekken(p, 1).\nfte(p, "1").\nuren(p, "0").\nmedewerkers(p, 715828).\n', "A250 medewerkers"),
])
def test_each_side_of_a_ratio_is_bounded_so_its_product_fits(tmp_path, facts, outcome):
    policy = tmp_path / "r.beleid"
    policy.write_text(RATIOS.format(percent=30))
    lp = tmp_path / "p.lp"
    lp.write_text("levert(p, fysiotherapie).\n" + facts)
    code, decided, codes, result = explain(str(lp), "--beleid", str(policy))
    if outcome.startswith("A250"):
        name = outcome.split()[1]
        assert (code, codes, decided) == (2, ["A250"], {})
        line = next(i for i, text in enumerate(lp.read_text().splitlines(), 1) if text.startswith(name))
        assert f"{lp}:{line}:" in result.stderr and f"kenmerk '{name}' is te groot voor de verhouding" in result.stderr
    else:
        assert (code, codes) == (0, [])
        assert decided[(str(lp), "p", "fysiotherapie")] == outcome


def test_the_bound_holds_in_csv_and_jsonl_rows_too(tmp_path):
    policy = tmp_path / "r.beleid"
    policy.write_text(RATIOS.format(percent=30))
    csv = tmp_path / "p.csv"
    csv.write_text("id,levert,plekken,fte,uren,medewerkers\n"
                   "good,fysiotherapie,1,1,214748.10,715827\nbad,fysiotherapie,1,1,0,715828\n")
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text('{"id": "bad", "levert": "fysiotherapie", "plekken": 214749, "fte": "1"}\n')
    code, decided, codes, _ = explain(str(csv), str(jsonl), "--beleid", str(policy))
    assert (code, codes) == (2, ["A250", "A250"])
    assert decided == {(str(csv), "good", "fysiotherapie"): "zorgovereenkomst"}


def test_a_policy_whose_ratio_cannot_hold_its_own_edge_is_b240(tmp_path):
    """uren with 6 decimals against an aantal: 21% is 100*A >= 21000000*B, whose edge (a whole of
    100, a part one over 21%) is 100 * 21000001; at 22% that no longer fits in 32 bits."""
    policy = tmp_path / "r.beleid"
    text = RATIOS.replace("uren: getal met 2 decimalen", "uren: getal met 6 decimalen")
    policy.write_text(text.format(percent=21))
    assert run("check", str(policy)).exit_code == 0
    policy.write_text(text.format(percent=22))
    result = run("check", str(policy))
    assert result.exit_code == 2
    assert f"{policy}:8:68: B240: getal 100 × 22000001 is te groot" in result.stderr


# ---- a reader that stops reading (`| head -1`) --------------------------------------------------

FYSIO_A_PATH = "examples/providers/paramedische_zorg/fysio_a.lp"
PARAMEDIE = "policies/paramedische_zorg/2026.beleid"
WRITING = [
    *(["explain", FYSIO_A_PATH, "-f", form] for form in ("text", "json", "html", "jsonl", "csv")),
    ["explain", FYSIO_A_PATH, "-o", "/dev/stdout"],
    ["explain", FYSIO_A_PATH, "--jaar", "2025", "--jaar", "2026"],
    *(["check", "policies/", "-f", form] for form in ("text", "json", "github", "sarif", "junit")),
    ["check", "--lezingen", "policies/"],
    ["compile", PARAMEDIE],
    ["diff", PARAMEDIE + "@2025", PARAMEDIE],
    ["fmt", "--diff", "{messy}"],
    ["uitleg", "--alle"],
    ["test", "examples/providers/paramedische_zorg/"],
    ["--help"],
    ["--version"],
]


@pytest.mark.parametrize("args", WRITING, ids=" ".join)
def test_a_closed_pipe_ends_every_command_quietly_with_0(tmp_path, args):
    """As ripgrep: the reader has what it wants. It used to be exit 1 without a word (typer's
    handling), and `-o /dev/stdout` a C022. The pipe is closed before the command writes, so
    every write meets it, however short the output."""
    import os
    import subprocess
    import sys
    from conftest import REPO
    cli = os.path.join(os.path.dirname(sys.executable), "caresq-logic")
    messy = tmp_path / "messy.beleid"   # a policy fmt would change: it prints the difference
    messy.write_text((REPO / PARAMEDIE).read_text(encoding="utf-8").replace("\n\n", "\n\n\n"))
    args = [arg.format(messy=messy) for arg in args]
    read, write = os.pipe()
    os.close(read)
    try:
        result = subprocess.run([cli, *args], stdout=write, stderr=subprocess.PIPE, text=True, cwd=REPO, timeout=300)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (0, "")


# ---- an input given twice -----------------------------------------------------------------------


def test_an_input_given_twice_is_decided_once_with_a_warning(tmp_path):
    import json
    import os
    from test_hostile import FYSIO_A
    folder = tmp_path / "markt"
    folder.mkdir()
    lp = folder / "a.lp"
    lp.write_text(FYSIO_A)
    os.symlink(lp, tmp_path / "link.lp")
    for given, again in [([str(lp)], str(lp)),                                    # the same path
                         ([str(folder)], str(lp)),                                # a folder, then a file in it
                         ([str(folder)], str(folder)),                            # the folder twice
                         ([str(lp)], str(tmp_path / "link.lp"))]:                 # a second name of the file
        for form in ("json", "jsonl"):
            result = run("explain", *given, again, "--format", form)
            assert result.exit_code == 0
            if form == "json":
                assert [p["file"] for p in json.loads(result.stdout)["providers"]] == [str(lp)]
            else:
                assert {json.loads(line)["file"] for line in result.stdout.splitlines()} == {str(lp)}
                assert len(result.stdout.splitlines()) == 1
            shown = str(lp) if again == str(folder) else again
            assert f"{shown}:1:1: C098: {shown} is hetzelfde bestand als {lp}, dat al gegeven is" in result.stderr


# ---- the fourth attack run (issue 14): what failed, as regression tests -------------------------


def test_a_kenmerk_of_a_hundred_million_decimals_is_refused_before_parsing(tmp_path):
    """10 to that power took minutes (the command hung); with 8 decimals not even 1 fits."""
    import time
    policy = tmp_path / "d.beleid"
    text = ('beleid t 2026 "T".\nzorgsoort fysiotherapie "F".\nkenmerk a: getal met {n} decimalen.\n'
            'randvoorwaarde r (§1 "x") voor fysiotherapie: a ten minste 1.\n')
    policy.write_text(text.format(n=100_000_000))
    started = time.monotonic()
    result = run("check", str(policy))
    assert time.monotonic() - started < 10
    assert result.exit_code == 2 and f"{policy}:3:22: B240: getal 100000000 is te groot" in result.stderr
    policy.write_text(text.format(n=8))
    assert ": B240: getal 8 is te groot" in run("check", str(policy)).stderr
    policy.write_text(text.format(n=7))
    assert run("check", str(policy)).exit_code == 0


def test_the_report_never_overwrites_a_file_the_command_reads(tmp_path):
    """-o onto a policy file (given, or in a folder given) or a provider file in a folder given
    replaced it with the report, exit 0; only the input file itself was refused."""
    import shutil
    from conftest import POLICIES
    from test_hostile import FYSIO_A
    shutil.copytree(POLICIES / "paramedische_zorg", tmp_path / "pz")
    (tmp_path / "markt").mkdir()
    lp = tmp_path / "markt" / "a.lp"
    lp.write_text(FYSIO_A)
    policy = tmp_path / "pz" / "2026.beleid"
    before = policy.read_text(encoding="utf-8")
    for given, output in [([str(lp), "-b", str(tmp_path / "pz")], policy), ([str(lp), "-b", str(policy)], policy),
                          ([str(tmp_path / "markt"), "-b", str(policy)], lp)]:
        result = run("explain", *given, "-o", str(output))
        assert result.exit_code == 2 and ": C022: " in result.stderr, (given, output)
    assert policy.read_text(encoding="utf-8") == before and lp.read_text() == FYSIO_A
    assert run("explain", str(lp), "-b", str(tmp_path / "pz"), "-o", str(tmp_path / "pz" / "rapport.txt")).exit_code == 0


def test_a_direction_override_in_a_name_is_shown_escaped_in_html(tmp_path):
    """The terminal rule held for text; in HTML a U+202E in a name reversed the rest of its heading."""
    lp = tmp_path / "p.lp"
    lp.write_text('levert(p, fysiotherapie).\naanbieder(p, "\u202elive\u2066x").\n')
    for years in ([], ["--jaar", "2025", "--jaar", "2026"]):
        page = run("explain", str(lp), "--format", "html", *years).stdout
        assert "\u202e" not in page and "\u2066" not in page
        assert "\\u202elive\\u2066x (p)" in page


def test_a_csv_header_of_many_unknown_columns_is_read_in_linear_time(tmp_path):
    """Every unknown column got a "bedoelde u" lookup (difflib), the 50-error cap only after:
    100,000 columns took 17 s of CPU, a header at the 16 MiB limit minutes."""
    import time
    columns = 100_000
    csv = tmp_path / "w.csv"
    csv.write_text("id,levert," + ",".join(f"k{i}" for i in range(columns)) + "\np,fysiotherapie" + "," * columns + "\n")
    started = time.process_time()
    result = run("explain", str(csv), "--format", "jsonl")
    assert time.process_time() - started < 5   # about 1 s
    assert result.exit_code == 2 and result.stderr.count(": A200: ") == 50 and ": A108: " in result.stderr
