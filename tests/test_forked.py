"""Half of a market's profiles solved in a forked child (`decide.forked`, issue 12): the same
decisions as one process, and nothing lost when the child fails."""

from __future__ import annotations

import os
import signal

import pytest

from caresq_logic import decide
from caresq_logic.decide import completions, forked
from caresq_logic.diagnostics import Failed, Span, diag

from caresq_logic.providers.read import read

from conftest import REPO
from test_limits import CATALOG, PROGRAM

COMPLETE = (REPO / "examples/providers/paramedische_zorg/fysio_b.lp").read_text(encoding="utf-8")


def market(n: int):
    """n practices with every fact stated (one model, no completions), each behandelindex its own."""
    text = "".join(COMPLETE.replace("het_anker", f"p{i}").replace("2024, 131", f"2024, {100 + i % 90}")
                   + f"behandelindex(p{i}, 2025, {100 + i % 70}).\n"
                   for i in range(n))
    return read(text.encode(), "markt.lp", CATALOG)


def test_the_other_piece_runs_in_a_child_process():
    here, there = forked.beside(os.getpid, os.getpid)
    assert here == os.getpid() and there != here


def test_an_error_in_the_child_is_raised_here():
    def fails():
        raise Failed([diag("S001", Span("p.beleid", 1, 1), seconds="1")])

    with pytest.raises(Failed) as failed:
        forked.beside(lambda: None, fails)
    assert failed.value.diagnostics[0].code == "S001"


def test_a_child_killed_from_outside_loses_nothing():
    parent = os.getpid()

    def dies_in_the_child():
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return "done here"

    assert forked.beside(lambda: 1, dies_in_the_child) == (1, "done here")


def test_a_split_market_decides_as_one_process(monkeypatch):
    n = completions.FORK_FROM + 50
    providers = [market(n)]
    calls = []
    beside = forked.beside
    monkeypatch.setattr(forked, "beside", lambda here, there: calls.append(1) or beside(here, there))
    split = decide.solve(PROGRAM, providers)
    assert calls == [1]   # the market was split
    monkeypatch.setattr(completions, "FORK_FROM", n + 1)
    whole = decide.solve(PROGRAM, providers)
    assert calls == [1] and len(split) == n
    assert split == whole
    assert len({d.outcome for d in whole}) > 1   # a threshold on either side: not one decision n times
