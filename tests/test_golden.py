"""Golden files: good policies and their compiled program and syntax tree, bad policies and
their exact diagnostics. Regenerate with CARESQ_REGENERATE=1."""

from __future__ import annotations

import dataclasses
import enum
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
    """The syntax tree as JSON: node class names, spans as line:col, enums by their policy word.
    `care_types` is left out: resolve fills it in, the parser leaves it empty."""
    if dataclasses.is_dataclass(value):
        name = type(value).__name__
        if name == "Span":
            return f"{value.line}:{value.col}"
        return {"node": name, **{f.name: _tree_dump(getattr(value, f.name))
                                 for f in dataclasses.fields(value) if f.name != "care_types"}}
    if isinstance(value, enum.Enum):
        return value.value
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


def test_every_emitted_program_keeps_to_its_namespace():
    """Every predicate the engine emits (prelude, compiled policy with switches, check's witness
    space and goals) starts with `_`; the rest are the policy's kenmerken and the two built-in
    provider predicates. Read with clingo's AST, not with a pattern."""
    from caresq_logic.asp.names import ENGINE_PREFIX, predicates
    from caresq_logic.check.session import GOALS
    from caresq_logic.check.space import witness_space
    from caresq_logic.language.reserved import BUILTIN_PROVIDER_PREDICATES
    from caresq_logic.passes import load

    for policy in load(None).policies:
        program = compiler.compile_policy(policy, frozenset(policy.clauses)).text
        used = predicates(program + "\n".join(witness_space(policy)) + GOALS)
        user = {name for name, _ in used if not name.startswith(ENGINE_PREFIX)}
        assert user <= set(policy.features) | set(BUILTIN_PROVIDER_PREDICATES), (policy.path, user)
        assert any(name.startswith(ENGINE_PREFIX) for name, _ in used)
