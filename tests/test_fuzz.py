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
             "per jaar", "ja/nee", "keuze uit", "telt ook als", "aan te vragen via", "onderdeel van", "/", "ë", "\x00"]
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


# ---- round two (issue 14): JSON structure, integer ranges, file names, CSV dialects, policy shapes


@pytest.fixture(autouse=True)
def _time_and_memory(request):
    """`make fuzz` reports the time and the process's peak memory after every target."""
    import resource
    import time
    started = time.monotonic()
    yield
    if os.environ.get("CARESQ_FUZZ_EXAMPLES"):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        sys.__stderr__.write(f"\n{request.node.name}: {time.monotonic() - started:.1f} s, peak {peak:.0f} MiB\n")


JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2**40, 2**40), st.text(max_size=12),
                         st.sampled_from(["fysiotherapie", "kfir", "2024", "\x00", "\x1b[31m", "\u2028", "ja"]))
JSON_KEYS = st.sampled_from(["id", "naam", "levert", "behandelindex", "registratie", "aantal_fysiotherapeuten",
                             "2024", "skf_keurmerk", "x"])
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.lists(st.tuples(JSON_KEYS, inner), max_size=4)), max_leaves=12)


def _json(value) -> str:
    """JSON text of `value`, where a list of pairs is an object that may repeat a key."""
    import json
    if isinstance(value, list) and value and all(isinstance(v, tuple) for v in value):
        return "{" + ", ".join(f"{json.dumps(k)}: {_json(v)}" for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_json(v) for v in value) + "]"
    return json.dumps(value)


@FUZZ
@given(st.lists(st.tuples(JSON_KEYS, JSON_VALUES), max_size=6), st.integers(0, 3))
def test_json_structure(pairs, depth):
    row = _json([("id", "p"), ("levert", "fysiotherapie"), *pairs])
    row = "[" * depth + row + "]" * depth
    check_provider((row + "\n").encode("utf-8", errors="surrogatepass"), "p.jsonl")


@FUZZ
@given(st.integers(-2**63, 2**63), st.sampled_from(["p.lp", "p.csv", "p.jsonl"]))
def test_integer_ranges(value, name):
    """An integer is accepted exactly when clingo can compute with it (and 100 times it)."""
    from caresq_logic.language.nodes import MAX_INTEGER
    data = {"p.lp": f"levert(p, fysiotherapie).\nbehandelindex(p, 2024, {value}).\n",
            "p.csv": f"id,levert,behandelindex[2024]\np,fysiotherapie,{value}\n",
            "p.jsonl": f'{{"id": "p", "levert": "fysiotherapie", "behandelindex": {{"2024": {value}}}}}\n'}[name]
    try:
        provider_file = read(data.encode(), name, CATALOG)
        accepted = any(f.predicate == "behandelindex" for f in provider_file.facts)
    except Failed as failed:
        accepted = False
        assert [d.code for d in failed.diagnostics] == ["A220"]
    assert accepted == (abs(value) <= MAX_INTEGER)


@FUZZ
@given(st.text(min_size=1, max_size=40))
def test_file_names_never_reach_program_text(name):
    """The program compiled from a file named `name` is the program from `f.beleid` line for
    line, but for the comments: the name never reaches program text."""
    program = compiler.compile_policy(resolve.resolve(parser.parse(SMALL_POLICY, name))).text.split("\n")
    reference = compiler.compile_policy(resolve.resolve(parser.parse(SMALL_POLICY, "f.beleid"))).text.split("\n")
    assert len(program) == len(reference)
    for line, expected in zip(program, reference):
        assert line.partition("%")[0] == expected.partition("%")[0]


CSV_LINES = (POLICIES.parent / "examples" / "markt" / "praktijken.csv").read_text(encoding="utf-8").splitlines()
CSV_DECIDED = None


@FUZZ
@given(st.booleans(), st.sampled_from(["\n", "\r\n"]), st.lists(st.sampled_from([",", '"', "\n", "\r\n", "é", "\u2028", " "]), max_size=4))
def test_csv_dialects(bom, newline, extra):
    """A BOM, CRLF and a quoted name holding commas, quotes and line breaks: the same decisions."""
    import csv as csv_module
    import io
    global CSV_DECIDED
    rows = list(csv_module.reader(CSV_LINES))
    rows[1][1] += "".join(extra)
    out = io.StringIO(newline="")
    csv_module.writer(out, lineterminator=newline, quoting=csv_module.QUOTE_MINIMAL).writerows(rows)
    data = ("\ufeff" if bom else "") + out.getvalue()
    provider_file = read(data.encode("utf-8"), "p.csv", CATALOG)
    assert provider_file.providers == ("de_loop", "het_anker", "hoogland", "nieuwlicht")
    assert provider_file.names["de_loop"] == rows[1][1].replace("\r\n", "\n").strip() or "\r" in rows[1][1]
    decided = sorted((d.provider, d.care_type, d.outcome, d.tier) for program in PROGRAMS
                     for d in decide.solve(program, [provider_file]))
    CSV_DECIDED = CSV_DECIDED or decided
    assert decided == CSV_DECIDED


@st.composite
def policy_shapes(draw):
    """A policy grown in conditions (en/of/niet, up to depth 4) and clause count (up to 30)."""
    features = ["a", "b", "c", "d"]

    def condition(depth):
        kind = draw(st.sampled_from(["leaf", "leaf", "niet", "en", "of"] if depth < 4 else ["leaf"]))
        if kind == "leaf":
            return draw(st.sampled_from([*features, "n groter dan 3", "n ten minste 30% van m"]))
        if kind == "niet":
            return f"niet ({condition(depth + 1)})"
        parts = [condition(depth + 1) for _ in range(draw(st.integers(2, 4)))]
        return "(" + f" {kind} ".join(parts) + ")"

    lines = ['beleid t 2026 "T".', 'zorgsoort z "Z".',
             *(f"kenmerk {f}: ja/nee." for f in features), "kenmerk n: getal.", "kenmerk m: aantal."]
    for i in range(draw(st.integers(1, 30))):
        kind = draw(st.sampled_from(["randvoorwaarde", "uitsluiting", "differentiatiefactor"]))
        lines.append(f'{kind} k{i} "K{i}" (§{i + 1}) voor z: {condition(0)}.')
    lines.append('zorgovereenkomst A "A" (§99) voor z: alle randvoorwaarden en ten minste 1 differentiatiefactor.')
    return "\n".join(lines) + "\n"


@settings(FUZZ, max_examples=max(EXAMPLES_PER_TARGET // 10, 20))
@given(policy_shapes())
def test_policy_shapes(text):
    check_policy(text, consistency=True)
