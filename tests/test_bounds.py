"""Bounded time and memory as a contract (issue 14, round two; docs/security.md): --tijdslimiet
bounds grounding and `check` too, Ctrl-C stops any command within a second, and no input under
the size limits needs more than about 1 GiB. Each runs the installed command in a subprocess,
as a user would."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CLI = str(Path(sys.executable).parent / "caresq-logic")

# 10,000 operands of one `en`: clingo grounds the rule in quadratic time (about 30 s), and its
# grounder cannot be interrupted from Python.
SLOW = ('beleid t 2026 "T".\nzorgsoort fysiotherapie "F".\nkenmerk a: ja/nee.\n'
        'randvoorwaarde r (§1 "Alles.") voor fysiotherapie: ' + " en ".join(["a"] * 10_000) + ".\n")


@pytest.fixture
def slow(tmp_path):
    policy = tmp_path / "traag.beleid"
    policy.write_text(SLOW)
    provider = tmp_path / "p.lp"
    provider.write_text("levert(p, fysiotherapie).\na(p).\n")
    return {"explain": [str(provider), "--beleid", str(policy)], "check": [str(policy)]}


@pytest.mark.parametrize("command", ["explain", "check"])
def test_the_time_limit_bounds_grounding_and_check(slow, command):
    started = time.monotonic()
    result = subprocess.run([CLI, command, *slow[command], "--tijdslimiet", "1"], capture_output=True, text=True)
    seconds = time.monotonic() - started
    assert result.returncode == 2
    assert ": S001: " in result.stderr and "Traceback" not in result.stderr
    # 1 s, plus starting Python and parsing the policy (seconds when the 2 cores run other suites too);
    # unbounded, grounding alone takes 30 s on a quiet machine
    assert seconds < 15


@pytest.mark.parametrize("command", ["explain", "check"])
def test_ctrl_c_stops_a_command_within_a_second(slow, command):
    # SIGINT as a terminal sends it (a test runner may have it ignored; the child must not).
    process = subprocess.Popen([CLI, command, *slow[command]], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(3)   # well into grounding
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, stderr = process.communicate(timeout=30)
    assert time.monotonic() - sent < 3   # 0.1-0.2 s on a quiet machine; the suite shares 2 cores with others
    assert process.returncode == 130
    assert stderr.decode() == "Ctrl-C:1:1: S010: onderbroken (Ctrl-C); de uitvoer is niet compleet\n"


# ---- memory: about 1 GiB for any input under the size limits -----------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_limits  # noqa: E402  (the worst cases of each input kind, shared with the benchmark)

GIB = 1 << 30
MIB = 1 << 20
LIMITS = {".lp": 32 * MIB, ".jsonl": 32 * MIB, ".csv": 16 * MIB}   # providers.read.max_bytes; a policy: 4 MiB
# Runs in a fresh interpreter whose address space is capped: it prints its child's peak RSS and exit code.
CAPPED = ("import resource, subprocess, sys; cap = int(sys.argv[1]); "
          "r = subprocess.run(sys.argv[2:], capture_output=True, text=True, "
          "preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap))); "
          "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024, r.returncode); "
          "print(r.stderr[-2000:], file=sys.stderr)")


def _capped(args: list[str]) -> tuple[int, int, str]:
    result = subprocess.run([sys.executable, "-c", CAPPED, str(GIB), CLI, *args], capture_output=True, text=True)
    peak, code = map(int, result.stdout.split())
    return peak, code, result.stderr


@pytest.mark.parametrize("case", ["lp_string", "jsonl_string", "csv_string", "lp_unclosed_block", "jsonl_deep",
                                  "lp_newlines", "jsonl_newlines", "csv_newlines"])
def test_one_provider_file_at_the_size_limit_stays_within_a_gib(tmp_path, case):
    limit = LIMITS["." + case.split("_")[0]]
    name, content = bench_limits.cases(limit)[case]
    path = tmp_path / name
    path.write_text(content)
    assert limit - 2 * MIB < path.stat().st_size <= limit
    peak, code, stderr = _capped(["explain", str(path), "-f", "json"])
    assert code in (0, 2) and "interne fout" not in stderr, stderr
    assert peak < GIB


@pytest.mark.parametrize("case", ["lp_facts", "csv_rows", "jsonl_rows"])
def test_a_market_file_costs_memory_in_proportion(tmp_path, case):
    """Many providers: a sixteenth of the size limit within a sixteenth of the GiB (plus the ~128
    MiB the interpreter, clingo and the policies take), so the whole limit stays within about
    1 GiB (the full size: the test after this one)."""
    name, content = bench_limits.cases(LIMITS["." + case.split("_")[0]] // 16)[case]
    path = tmp_path / name
    path.write_text(content)
    peak, code, stderr = _capped(["explain", str(path), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl")])
    assert code == 0, stderr
    assert peak < GIB // 16 + 128 * MIB


@pytest.mark.parametrize("case", ["lp_facts", "csv_rows", "jsonl_rows"])
def test_a_market_file_at_the_size_limit_is_decided_within_a_gib(tmp_path, case):
    """Issue 12: a market at the size limit (165,000 CSV rows, 35,000 `.lp` or 27,000 JSONL
    practices) is decided whole under a 1 GiB address-space cap: no size error, no time limit
    for the file as a whole, every provider written."""
    name, content = bench_limits.cases(LIMITS["." + case.split("_")[0]])[case]
    path = tmp_path / name
    path.write_text(content)
    out = tmp_path / "out.jsonl"
    peak, code, stderr = _capped(["explain", str(path), "-f", "jsonl", "-o", str(out)])
    assert code == 0, stderr
    assert peak < GIB
    providers = content.count("\n") - (case == "csv_rows")   # a line per provider (and the header)
    if case == "lp_facts":
        providers = content.count("aanbieder(")
    with out.open(encoding="utf-8") as written:
        assert sum(1 for _ in written) == providers > 20_000


@pytest.mark.parametrize("form", ["text", "json", "html"])
def test_a_whole_report_of_a_market_costs_memory_in_proportion(tmp_path, form):
    """The whole reports as jsonl above: each provider's explanation is built, written and let go.
    CSV rows are the most providers per byte (10,000 in a sixteenth of the limit); they used to
    stay until the end (13 KB each, a recursive closure's cycle kept their facts with the
    collector off): 251 MiB for text and JSON and 729 MiB for HTML at this size, now about 90."""
    name, content = bench_limits.cases(LIMITS[".csv"] // 16)["csv_rows"]
    path = tmp_path / name
    path.write_text(content)
    peak, code, stderr = _capped(["explain", str(path), "-f", form, "-o", str(tmp_path / f"out.{form}")])
    assert code == 0, stderr
    assert peak < GIB // 16 + 128 * MIB
    last = content.rstrip("\n").rsplit("\n", 1)[1].split(",")[0]
    assert last in (tmp_path / f"out.{form}").read_text(encoding="utf-8")   # every row was written


@pytest.mark.parametrize("case", ["policy_string", "policy_quotes", "policy_clauses"])
def test_a_policy_at_the_size_limit_stays_within_a_gib(tmp_path, case):
    name, content = bench_limits.policy_cases(4 * MIB - 1)[case]
    path = tmp_path / name
    path.write_text(content)
    peak, code, stderr = _capped(["check", str(path)])
    assert code in (0, 1, 2) and "interne fout" not in stderr, stderr
    assert peak < GIB


def test_a_commands_time_limit_ends_with_it():
    """The deadline is the command's: a library call after it is not bounded by it."""
    from caresq_logic import decide
    from conftest import run
    from test_limits import PROGRAM, market
    run("explain", "examples/providers/paramedische_zorg/fysio_a.lp", "--tijdslimiet", "0.001")
    assert len(decide.solve(PROGRAM, [market(2)])) == 2
