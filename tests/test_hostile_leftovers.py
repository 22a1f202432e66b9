"""Hostile input, round two: the failures the last attack run left (issue 14), one test each."""

from __future__ import annotations

import os

from conftest import EXAMPLES, REPO, run
from test_hostile import CSV, FYSIO_A, explain

DECIMALS = """beleid d 2026 "D".
zorgsoort fysiotherapie "F".
kenmerk fte: getal met 2 decimalen.
randvoorwaarde r (§1 "Ten minste 0,8 fte.") voor fysiotherapie: fte ten minste {threshold}.
"""


def test_a_fifo_is_not_a_regular_file_and_the_others_are_decided(tmp_path):
    fifo = tmp_path / "markt.lp"
    os.mkfifo(fifo)
    good = tmp_path / "good.lp"
    good.write_text(FYSIO_A)
    code, decided, codes, result = explain(str(fifo), str(good))
    assert (code, codes) == (2, ["C060"])
    assert f"{fifo}:1:1: C060: geen gewoon bestand" in result.stderr
    assert decided[(str(good), "de_loop", "fysiotherapie")] == "zorgovereenkomst"


def test_a_raw_nul_in_one_csv_row_rejects_that_row_only(tmp_path):
    lines = CSV.splitlines()
    csv = tmp_path / "p.csv"
    csv.write_text("\n".join([lines[0], lines[1].replace("De Loop", "De\x00Loop"), *lines[2:]]) + "\n")
    code, decided, codes, result = explain(str(csv))
    assert (code, codes) == (2, ["A109"])
    assert f"{csv}:2:" in result.stderr and "U+0000" in result.stderr
    assert {key[1] for key in decided} == {line.split(",")[0] for line in lines[1:]} - {"de_loop"}


def test_a_raw_control_character_in_one_jsonl_row_rejects_that_row_only(tmp_path):
    jsonl = tmp_path / "p.jsonl"
    good = (REPO / "examples" / "markt" / "praktijken.jsonl").read_text(encoding="utf-8")
    jsonl.write_text('{"id": "bad", "naam": "X\x7f", "levert": "fysiotherapie"}\n' + good)
    code, decided, codes, _ = explain(str(jsonl))
    assert (code, codes) == (2, ["A109"])
    assert decided[(str(jsonl), "de_loop", "fysiotherapie")] == "zorgovereenkomst"


def test_check_with_error_findings_exits_non_zero_also_with_a_bom(tmp_path):
    policy = tmp_path / "bom.beleid"
    policy.write_bytes(b"\xef\xbb\xbf" + DECIMALS.format(threshold="0,8").encode()
                       + "randvoorwaarde s (§2 \"Minder dan 0,5 fte.\") voor fysiotherapie: fte kleiner dan 0,5.\n".encode())
    result = run("check", str(policy))
    assert ": K100: fout: " in result.stdout
    assert result.exit_code == 1


def test_a_decimal_that_overflows_once_scaled_is_rejected_in_provider_and_policy(tmp_path):
    policy = tmp_path / "d.beleid"
    policy.write_text(DECIMALS.format(threshold="0,8"))
    lp = tmp_path / "p.lp"
    # 214748,36 fte is counted as 21474836 hundredths, the largest clingo may multiply by 100
    lp.write_text('levert(p, fysiotherapie).\nfte(p, "214748,37").\nlevert(q, fysiotherapie).\n')
    code, decided, codes, result = explain(str(lp), "--beleid", str(policy))
    assert (code, codes, decided) == (2, ["A220"], {})
    assert "-214748,36 tot 214748,36" in result.stderr
    lp.write_text('levert(p, fysiotherapie).\nfte(p, "214748,36").\n')
    code, decided, codes, _ = explain(str(lp), "--beleid", str(policy))
    assert (code, codes) == (0, []) and decided[(str(lp), "p", "fysiotherapie")] == "zorgovereenkomst"
    policy.write_text(DECIMALS.format(threshold="300000"))
    result = run("check", str(policy))
    assert result.exit_code == 2 and f"{policy}:4:80: B240" in result.stderr


def test_check_findings_are_shown_terminal_safe(tmp_path):
    policy = tmp_path / "t\x1b[2J\u202e.beleid"   # the file name is in every finding's location
    policy.write_text('beleid t 2026 "T".\nzorgsoort fysiotherapie "F".\nkenmerk a: aantal.\n'
                      'randvoorwaarde a1 (§1 "x") voor fysiotherapie: a ten minste 5.\n'
                      'randvoorwaarde a2 (§2 "y") voor fysiotherapie: a kleiner dan 3.\n')
    for form in ("text", "github"):
        result = run("check", str(policy), "--format", form)
        assert result.exit_code == 1
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        assert "t\\x1b[2J\\u202e.beleid" in result.stdout


def test_c022_shows_no_source_line_of_the_file_it_names(tmp_path):
    lp = tmp_path / "in.lp"
    lp.write_text(FYSIO_A)
    result = run("explain", str(lp), "-o", str(lp))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and ": C022: " in result.stderr
    assert FYSIO_A.splitlines()[0] not in result.stderr


def test_output_to_a_device_or_dev_stdout_is_written_not_replaced(tmp_path):
    """Two of the -o cases the first round fixed without a test (issue 14, files and output)."""
    import stat
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))   # a /dev/null of our own (the tests run as root)
    lp = str(EXAMPLES / "paramedische_zorg" / "fysio_a.lp")
    assert run("explain", lp, "-o", str(device)).exit_code == 0
    assert stat.S_ISCHR(device.stat().st_mode)
    import subprocess
    import sys
    cli = os.path.join(os.path.dirname(sys.executable), "caresq-logic")
    result = subprocess.run([cli, "explain", lp, "-o", "/dev/stdout"], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0 and "de_loop" in result.stdout


# ---- the third attack run (issue 14): what failed, as regression tests ------------------------


def test_a_number_of_thousands_of_digits_is_out_of_range_not_a_crash(tmp_path):
    """Python refuses to convert more than 4,300 digits: a ValueError ended the run (exit 3)."""
    digits = "1" * 5000
    lp = tmp_path / "p.lp"
    lp.write_text(f"levert(p, fysiotherapie).\nbehandelindex(p, 2024, {digits}).\n")
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text(f'{{"id": "p", "levert": "fysiotherapie", "behandelindex": {{"2024": {digits}}}}}\n'
                     + (REPO / "examples" / "markt" / "praktijken.jsonl").read_text(encoding="utf-8"))
    lines = CSV.splitlines()
    csv = tmp_path / "p.csv"
    csv.write_text("\n".join([lines[0], lines[1].replace(",118,", f",{digits},"), lines[2]]) + "\n")
    code, decided, codes, result = explain(str(lp), str(jsonl), str(csv))
    assert (code, codes) == (2, ["A220"] * 3)
    assert "waarde 111111111111111111… van kenmerk 'behandelindex' is te groot" in result.stderr
    assert decided[(str(jsonl), "de_loop", "fysiotherapie")] == "zorgovereenkomst"
    assert (str(csv), "het_anker", "fysiotherapie") in decided
    policy = tmp_path / "n.beleid"
    policy.write_text(DECIMALS.format(threshold=digits))
    result = run("check", str(policy))
    assert result.exit_code == 2 and f"{policy}:4:80: B240: getal 111111111111… is te groot" in result.stderr


def test_an_unreadable_csv_record_is_reported_and_the_others_decided(tmp_path):
    lines = CSV.splitlines()
    csv = tmp_path / "p.csv"   # a lone CR (old Mac line ending) inside one record; a field over 128 KiB
    csv.write_text("\n".join([lines[0], lines[1].replace("De Loop", "De\rLoop"),
                              lines[2].replace("Het Anker", "x" * 200_000), lines[3]]) + "\n")
    code, decided, codes, result = explain(str(csv))
    assert (code, codes) == (2, ["A230"]) and f"{csv}:2:1: A230" in result.stderr
    assert {key[1] for key in decided} == {lines[2].split(",")[0], lines[3].split(",")[0]}


def test_csv_output_never_starts_a_cell_from_input_with_a_formula(tmp_path):
    jsonl = tmp_path / "p.jsonl"
    jsonl.write_text('{"id": "=cmd", "naam": "=HYPERLINK(\\"http://x\\")", "levert": "fysiotherapie"}\n')
    result = run("explain", str(jsonl), "--format", "csv")
    assert result.stdout.splitlines()[1].startswith("'=cmd,\"'=HYPERLINK(")


def test_a_fifo_in_a_provider_folder_is_said_not_skipped(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "a.lp").write_text(FYSIO_A)
    os.mkfifo(tmp_path / "m" / "f.lp")
    code, decided, codes, _ = explain(str(tmp_path / "m"))
    assert (code, codes) == (2, ["C060"]) and len(decided) == 1


def test_a_name_of_a_megabyte_is_not_echoed_whole(tmp_path):
    lp = tmp_path / "u.lp"
    lp.write_text("levert(p, fysiotherapie).\n" + "a" * 1_000_000 + "(p).\n")
    result = run("explain", str(lp))
    assert result.exit_code == 2 and ": A200: " in result.stderr and len(result.stderr) < 2000


def test_a_closed_stdout_is_a_diagnostic_not_an_internal_error(tmp_path):
    import subprocess
    import sys
    cli = os.path.join(os.path.dirname(sys.executable), "caresq-logic")
    lp = str(EXAMPLES / "paramedische_zorg" / "fysio_a.lp")
    result = subprocess.run(f'"{cli}" explain "{lp}" >&-', shell=True, capture_output=True, text=True)
    assert result.returncode == 2 and ": C022: " in result.stderr and "interne fout" not in result.stderr


def test_a_policy_of_more_clauses_than_check_can_compare_is_refused_before_parsing(tmp_path):
    """1,000 clauses took `check` 3 minutes and 350 MB (pairwise); 4 MiB of them, gigabytes."""
    policy = tmp_path / "veel.beleid"
    policy.write_text('beleid t 2026 "T".\nzorgsoort fysiotherapie "F".\nkenmerk a: ja/nee.\n' + "".join(
        f'randvoorwaarde r{i} (§1 "Zin {i}.") voor fysiotherapie: a.\n' for i in range(501)))
    result = run("check", str(policy))
    assert result.exit_code == 2 and f"{policy}:504:1: B250" in result.stderr
