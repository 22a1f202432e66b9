"""Golden files for what a user reads: `explain` of every example provider (text in nl and en,
and JSON) and `check policies/` (text and SARIF). A refactor must leave these byte-identical.
Regenerate with CARESQ_REGENERATE=1 and explain every changed line."""

from __future__ import annotations

import pytest

from conftest import REPO, TESTS, golden, run

EXAMPLES = REPO / "examples"
FILES = sorted(p for p in EXAMPLES.rglob("*") if p.suffix in (".lp", ".csv", ".jsonl"))
OUT = TESTS / "golden" / "output"
FORMATS = {"nl.txt": ("--taal", "nl"), "en.txt": ("--taal", "en"), "json": ("--format", "json"),
           "html": ("--format", "html")}


def _golden_path(path, suffix):
    relative = path.relative_to(EXAMPLES).as_posix().replace("/", "__")
    return OUT / "explain" / f"{relative}.{suffix}"


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_explain_output_is_golden(path, suffix):
    result = run("explain", path.relative_to(REPO).as_posix(), *FORMATS[suffix])
    assert "Traceback" not in result.stderr
    golden(_golden_path(path, suffix), f"exit {result.exit_code}\n{result.stdout}--- stderr\n{result.stderr}")


@pytest.mark.parametrize("fmt", ["text", "sarif", "json"])
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_check_output_is_golden(fmt, taal):
    result = run("check", "policies", "--format", fmt, "--taal", taal)
    assert "Traceback" not in result.stderr
    golden(OUT / "check" / f"policies.{taal}.{fmt}",
           f"exit {result.exit_code}\n{result.stdout}--- stderr\n{result.stderr}")
