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
    assert seconds < 6   # 1 s, plus starting Python and reading on a loaded machine; unbounded: ~30 s


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
    assert time.monotonic() - sent < 1
    assert process.returncode == 130
    assert stderr.decode() == "Ctrl-C:1:1: S010: onderbroken (Ctrl-C); de uitvoer is niet compleet\n"
