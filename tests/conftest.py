"""Shared helpers. The tests import the installed caresq_logic (make test installs the wheel),
and read fixtures from the source tree next to them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from caresq_logic.cli import app

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
EXAMPLES = REPO / "examples" / "providers"
POLICIES = REPO / "policies"

# Regenerate golden files instead of comparing: CARESQ_REGENERATE=1 make test
REGENERATE = os.environ.get("CARESQ_REGENERATE") == "1"


def golden(path: Path, actual: str) -> None:
    """Compare `actual` with the golden file `path` (or rewrite it when regenerating)."""
    if REGENERATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not REGENERATE:
            pytest.fail(f"golden file {path.name} did not exist; written, check it and commit it")
    assert actual == path.read_text(encoding="utf-8")


def run(*args: str):
    """Run the CLI in-process; returns click's Result (exit_code, stdout, stderr)."""
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    # Paths in diagnostics and golden files are relative to the repository root.
    monkeypatch.chdir(REPO)
