"""Bounded work, deterministic output, nothing half-written (issue 5, points 4-6)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import typer

from caresq_logic import atomic, cli_common, decide
from caresq_logic import passes as load
from caresq_logic.asp import compiler
from caresq_logic.diagnostics import Failed
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from conftest import REPO, run

POLICY = next(p for p in load.in_force(load.load(None).policies) if p.header.domain == "paramedische_zorg")
PROGRAM = compiler.compile_policy(POLICY)
CATALOG = Catalog.of([POLICY])


def market(n: int):
    text = "".join(f"levert(p{i}, fysiotherapie).\nprem_extern_meetbureau(p{i}).\n" for i in range(n))
    return read(text.encode(), "markt.lp", CATALOG)


def test_ground_size_is_counted_exactly_and_limited():
    providers = [market(10)]
    size = decide.ground_size(PROGRAM, providers)
    per_practice = sum(1 for _, z, _, _ in PROGRAM.keys if z == "fysiotherapie")
    assert size == 10 * per_practice
    with pytest.raises(Failed) as failed:
        decide.solve(PROGRAM, providers, ground_limit=size - 1)
    assert failed.value.diagnostics[0].format() == (
        f"{POLICY.path}:1:1: S003: de invoer zou {size} voorwaardeknopen gronden, "
        f"meer dan de grens {size - 1}; verhoog --grondlimiet of splits de invoer"
    )
    assert len(decide.solve(PROGRAM, providers, ground_limit=size)) == 10


def test_ground_limit_on_the_command_line():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_a.lp", "--grondlimiet", "5")
    assert result.exit_code == 2
    assert "S003" in result.stderr and result.stdout == ""


def test_solver_time_limit():
    with pytest.raises(Failed) as failed:
        decide.solve(PROGRAM, [market(2000)], time_limit=0.000001)
    assert failed.value.diagnostics[0].code == "S001"


@pytest.mark.parametrize("form", ["text", "json"])
def test_output_is_byte_identical_across_hash_seeds(form):
    outputs = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run(
            [sys.executable, "-m", "caresq_logic.cli", "explain", "examples/providers", "examples/markt",
             "--format", form],
            cwd=REPO, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_report_file_is_written_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "rapport.json"
    target.write_text("vorige versie\n")

    def broken(*args, **kwargs):
        raise OSError("schijf vol")

    # The write itself fails half-way: the previous report stays, no temporary file is left,
    # and the user gets exit 2 with a one-line C022.
    monkeypatch.setattr(atomic.os, "replace", broken)   # the module -o writes through
    with pytest.raises(typer.Exit) as exited:
        cli_common.write(target, "nieuw\n", "nl")
    assert exited.value.exit_code == 2
    assert target.read_text() == "vorige versie\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.json"]
    monkeypatch.undo()
    cli_common.write(target, "nieuw\n", "nl")
    assert target.read_text() == "nieuw\n"
    assert oct(target.stat().st_mode & 0o777) != "0o600"
