"""Golden files for what a user reads: `explain` of every example provider (text in nl and en,
and JSON) and `check policies/` (text and SARIF). A refactor must leave these byte-identical.
Regenerate with CARESQ_REGENERATE=1 and explain every changed line."""

from __future__ import annotations

import hashlib
import json
import re

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


# The receipt names the versions and the SHA-256 of every policy and input: real in the output,
# but a golden compares what a person reads, so an edit of a policy (or a new clingo) does not
# rewrite every golden file. Only the receipt's values are replaced (JSON and the HTML footer).
_RECEIPT_JSON = re.compile(r'"caresq_logic":"[^"]*","clingo":"[^"]*"')
_SHA_JSON = re.compile(r'"sha256":"[0-9a-f]{64}"')
_RECEIPT_HTML = re.compile(r"^<footer>[^<]*", re.M)


def _footer(match: re.Match) -> str:
    footer = re.sub(r"sha256 [0-9a-f]{16}…", "sha256 <sha256>…", match.group(0))
    return re.sub(r"caresq-logic [^,]*, clingo [^;<]*", "caresq-logic <versie>, clingo <versie>", footer)


def normalise_receipt(output: str) -> str:
    output = _RECEIPT_JSON.sub('"caresq_logic":"<versie>","clingo":"<versie>"', output)
    output = _SHA_JSON.sub('"sha256":"<sha256>"', output)
    return _RECEIPT_HTML.sub(_footer, output)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_explain_output_is_golden(path, suffix):
    result = run("explain", path.relative_to(REPO).as_posix(), *FORMATS[suffix])
    assert "Traceback" not in result.stderr
    golden(_golden_path(path, suffix),
           normalise_receipt(f"exit {result.exit_code}\n{result.stdout}--- stderr\n{result.stderr}"))


def test_the_output_keeps_the_real_receipt():
    """The goldens normalise the receipt; the output itself carries the real hashes and versions."""
    import clingo

    from caresq_logic import __version__

    provider = "examples/providers/paramedische_zorg/fysio_b.lp"
    result = run("explain", provider, "--format", "json")
    receipt = json.loads(result.stdout)["receipt"]
    assert (receipt["caresq_logic"], receipt["clingo"]) == (__version__, clingo.__version__)
    for entry in receipt["policies"] + receipt["inputs"]:
        assert entry["sha256"] == hashlib.sha256((REPO / entry["file"]).read_bytes()).hexdigest()
    assert [e["file"] for e in receipt["inputs"]] == [provider]
    page = run("explain", provider, "--format", "html").stdout
    policy = receipt["policies"][0]
    assert f"{policy['file']} sha256 {policy['sha256'][:16]}…" in page
    assert normalise_receipt(page).count("sha256 <sha256>…") == len(receipt["policies"]) + 1


@pytest.mark.parametrize("fmt", ["text", "sarif", "json"])
@pytest.mark.parametrize("taal", ["nl", "en"])
def test_check_output_is_golden(fmt, taal):
    result = run("check", "policies", "--format", fmt, "--taal", taal)
    assert "Traceback" not in result.stderr
    golden(OUT / "check" / f"policies.{taal}.{fmt}",
           f"exit {result.exit_code}\n{result.stdout}--- stderr\n{result.stderr}")


# One provider across policy years (explain --jaren): a derived year beside the year of the text.
ACROSS_YEARS = {"paramedische_zorg/fysio_b.lp": "2025-2026", "wijkverpleging/helpenden_1_fte_hbo.lp": "2023-2024"}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("example", ACROSS_YEARS)
def test_explain_across_years_is_golden(example, suffix):
    path = EXAMPLES / "providers" / example
    result = run("explain", path.relative_to(REPO).as_posix(), "--jaren", ACROSS_YEARS[example], *FORMATS[suffix])
    assert "Traceback" not in result.stderr
    relative = path.relative_to(EXAMPLES).as_posix().replace("/", "__")
    golden(OUT / "explain" / f"years__{relative}.{suffix}",
           normalise_receipt(f"exit {result.exit_code}\n{result.stdout}--- stderr\n{result.stderr}"))
