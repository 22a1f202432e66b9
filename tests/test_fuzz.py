"""Property-based tests (hypothesis): random and mutated policies and provider files never crash.

Whatever the input, the pipeline either succeeds or raises `Failed` with diagnostics that point
inside the input; nothing else escapes (an escape is what the CLI would have to report as an
internal error, exit 3). `make test` runs a few hundred examples per target, `make fuzz`
10,000 (CARESQ_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caresq_logic import check, decide
from caresq_logic import passes as load
from caresq_logic.asp import compiler
from caresq_logic.language import parser, resolve
from caresq_logic.report import as_json, common
from caresq_logic.report import text as text_report
from caresq_logic.diagnostics import Failed
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from conftest import EXAMPLES, POLICIES

EXAMPLES_PER_TARGET = int(os.environ.get("CARESQ_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES_PER_TARGET,
    deadline=None,
    derandomize=os.environ.get("CARESQ_FUZZ_EXAMPLES") is None,   # make test: the same examples every run
    suppress_health_check=list(HealthCheck),
    database=None,
)

POLICY_TEXT = (POLICIES / "paramedische_zorg" / "2026.beleid").read_text(encoding="utf-8")
SMALL_POLICY = (POLICIES.parent / "tests" / "golden" / "ok" / "alles.beleid").read_text(encoding="utf-8")
PROVIDER_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.rglob("*.lp"))]
IN_FORCE = load.in_force(load.load(None).policies)
PROGRAMS = [compiler.compile_policy(p) for p in IN_FORCE]
CATALOG = Catalog.of(IN_FORCE)

DSL_WORDS = ["beleid", "zorgsoort", "kenmerk", "randvoorwaarde", "uitsluiting", "tenzij", "differentiatiefactor",
             "zorgovereenkomst", "voor", "indien", "niet", "en", "of", "is", "ten minste", "groter dan", "(", ")",
             ".", ":", ",", '"', "§3.1", "30%", "2024", "24 oktober 2025", "alle randvoorwaarden", "#", "\n",
             "per jaar", "ja/nee", "keuze uit", "telt ook als", "aan te vragen via", "onderdeel van", "ë", "\x00"]
LP_WORDS = ["(", ")", ",", ".", ":-", "#script", "#include", "#const", "{", "}", ";", "X", "_", '"', "%", "%*",
            "*%", "-", "2024", "levert", "fysiotherapie", "decision", "behandelindex", "registratie", "kfir",
            "\n", " ", "\\", "ë", "\x00", "9" * 30]


def mutated(text: str, words: list[str]):
    """A strategy: `text` with a few random edits (delete, insert a word or character, duplicate)."""

    @st.composite
    def build(draw):
        result = text
        for _ in range(draw(st.integers(1, 6))):
            at = draw(st.integers(0, len(result)))
            action = draw(st.sampled_from(["delete", "word", "char", "duplicate"]))
            if action == "delete":
                result = result[:at] + result[at + draw(st.integers(1, 40)):]
            elif action == "word":
                result = result[:at] + draw(st.sampled_from(words)) + result[at:]
            elif action == "char":
                result = result[:at] + draw(st.characters()) + result[at:]
            else:
                end = at + draw(st.integers(1, 200))
                result = result[:end] + result[at:end] + result[end:]
        return result

    return build()


def assert_positions_inside(failed: Failed, text: str, path: str) -> None:
    lines = text.split("\n")
    for d in failed.diagnostics:
        assert d.span.file == path
        assert 1 <= d.span.line <= len(lines), d.format()
        assert 1 <= d.span.col <= len(lines[d.span.line - 1]) + 1, d.format()


def check_policy(text: str, consistency: bool = False) -> None:
    try:
        policy = resolve.resolve(parser.parse(text, "f.beleid"))
    except Failed as failed:
        assert_positions_inside(failed, text, "f.beleid")
        return
    compiler.compile_policy(policy)
    if consistency:   # `check` must survive whatever resolves, too
        check.check([policy])


def check_provider(data: bytes, name: str = "p.lp") -> None:
    try:
        provider_file = read(data, name, CATALOG)
    except Failed as failed:
        text = data.decode("utf-8", errors="replace")
        if not any(d.code == "C003" for d in failed.diagnostics):
            assert_positions_inside(failed, text, name)
        return
    for program in PROGRAMS:
        decisions = decide.solve(program, [provider_file])
        report = common.Report(name, "x", None, [(program.policy, decisions)])
        text_report.text([report])
        as_json.to_json([report], [])


@FUZZ
@given(st.text(max_size=400))
def test_random_policy_text(text):
    check_policy(text)


@FUZZ
@given(mutated(POLICY_TEXT, DSL_WORDS))
def test_mutated_real_policy(text):
    check_policy(text)


@FUZZ
@given(mutated(SMALL_POLICY, DSL_WORDS))
def test_mutated_small_policy(text):
    check_policy(text, consistency=True)


@FUZZ
@given(st.binary(max_size=300))
def test_random_provider_bytes(data):
    check_provider(data)


@FUZZ
@given(st.sampled_from(PROVIDER_TEXTS).flatmap(lambda t: mutated(t, LP_WORDS)))
def test_mutated_provider_files(text):
    check_provider(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(st.text(max_size=300), st.sampled_from(["p.csv", "p.jsonl"]))
def test_random_tables(text, name):
    check_provider(text.encode("utf-8", errors="surrogatepass"), name)


NASTY = [
    b"#script (python)\nimport os\nos.system('touch /tmp/caresq-pwned')\n#end.\n",
    b"levert(p, fysiotherapie).\n" + b"(" * 5000,
    b"\xff\xfe\x00",
    b'levert(p, fysiotherapie).\naantal_fysiotherapeuten(p, 99999999999999999999999999999).\n',
]


@pytest.mark.parametrize("data", NASTY, ids=["script", "brackets", "utf16", "huge_int"])
def test_cli_process_never_prints_a_traceback(tmp_path, data):
    path = tmp_path / "p.lp"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-m", "caresq_logic.cli", "explain", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode in (0, 1, 2)
    assert "Traceback" not in done.stderr
    assert not os.path.exists("/tmp/caresq-pwned")
