"""Golden files: good policies and their compiled program and syntax tree, bad policies and
their exact diagnostics. Regenerate with CARESQ_REGENERATE=1."""

from __future__ import annotations

import dataclasses
import json

import pytest

from caresq_logic.asp import compiler
from caresq_logic.language import parser, resolve
from caresq_logic.diagnostics import Failed

from conftest import TESTS, golden, run

OK = sorted((TESTS / "golden" / "ok").glob("*.beleid"))
BAD = sorted((TESTS / "golden" / "bad").glob("*.beleid"))


def _rel(path):
    return path.relative_to(TESTS.parent).as_posix()


def _tree_dump(value):
    """The syntax tree as JSON: node class names, spans as line:col."""
    if dataclasses.is_dataclass(value):
        name = type(value).__name__
        if name == "Span":
            return f"{value.line}:{value.col}"
        return {"node": name, **{f.name: _tree_dump(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, (list, tuple)):
        return [_tree_dump(v) for v in value]
    return value if isinstance(value, (int, str, type(None))) else str(value)


@pytest.mark.parametrize("path", OK, ids=lambda p: p.stem)
def test_good_policy_parses_to_golden_tree(path):
    tree = parser.parse(path.read_text(encoding="utf-8"), _rel(path))
    dump = json.dumps(_tree_dump(tree), indent=1, ensure_ascii=False) + "\n"
    golden(path.with_suffix(".ast.json"), dump)


@pytest.mark.parametrize("path", OK, ids=lambda p: p.stem)
def test_good_policy_compiles_to_golden_program(path):
    result = run("compile", _rel(path))
    assert result.exit_code == 0, result.stderr
    golden(path.with_suffix(".lp"), result.stdout)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_policy_gives_golden_diagnostic(path):
    result = run("compile", _rel(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    golden(path.with_suffix(".err"), result.stderr)


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem)
def test_bad_policy_has_exactly_one_diagnostic(path):
    with pytest.raises(Failed) as failed:
        resolve.resolve(parser.parse(path.read_text(encoding="utf-8"), _rel(path)))
    assert len(failed.value.diagnostics) == 1


def test_english_diagnostics():
    result = run("compile", "tests/golden/bad/undeclared_kenmerk.beleid", "--taal", "en")
    lines = result.stderr.splitlines()
    assert lines[0] == "tests/golden/bad/undeclared_kenmerk.beleid:8:43: B200: undeclared kenmerk 'prm'"
    assert lines[-1].split() == ["=", "help:", "did", "you", "mean", "'prem'?"]


def test_compiled_program_names_only_known_predicates():
    """Every predicate the compiler emits is a kenmerk, a built-in, or reserved (so that a
    provider can never state it and a kenmerk can never clash with it)."""
    import re

    from caresq_logic.passes import load
    from caresq_logic.language.reserved import BUILTIN_PROVIDER_PREDICATES, DERIVED_PREDICATES

    for policy in load(None).policies:
        text = compiler.compile_policy(policy).text
        code = "\n".join(line.split("%")[0] for line in text.splitlines() if not line.startswith("#"))
        used = set(re.findall(r"\b([a-z][a-z0-9_]*)\(", code))
        unknown = used - DERIVED_PREDICATES - set(BUILTIN_PROVIDER_PREDICATES) - set(policy.features)
        assert not unknown, unknown
