"""A single `explain` starts near the import floor (issue 12): it imports only what it uses. Once
the policies are in the content-hash cache, explaining one .lp file must not import Lark (the
parser), `check`, `testing`, the language server, or pydantic (typer 0.29 validates every
parameter with it; pyproject.toml keeps typer below that)."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import EXAMPLES, REPO

# Runs the console entry point in a fresh interpreter, then writes how many cyclic collections
# ran meanwhile and the modules it imported.
PROGRAM = """
import gc, sys
from caresq_logic import main
modules_file, sys.argv = sys.argv[1], ["caresq-logic", "explain", *sys.argv[2:]]
before = sum(generation["collections"] for generation in gc.get_stats())
try:
    main()
except SystemExit as done:
    code = done.code
collections = sum(generation["collections"] for generation in gc.get_stats()) - before
with open(modules_file, "w", encoding="utf-8") as handle:
    handle.write("\\n".join([str(code), str(collections), *sorted(sys.modules)]))
"""

NOT_FOR_EXPLAIN = ("lark", "caresq_logic.check", "caresq_logic.testing", "caresq_logic.editor.server",
                   "caresq_logic.language.parser", "pygls", "lsprotocol", "pydantic")


def _explain_modules(tmp_path, cache) -> tuple[str, set[str], int]:
    listing = tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(listing), str(EXAMPLES / "paramedische_zorg" / "fysio_b.lp")],
                          cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "CARESQ_CACHE": str(cache)})
    code, collections, *modules = listing.read_text(encoding="utf-8").splitlines()
    assert code == "0", done.stderr
    assert "Zorgovereenkomst B" in done.stdout
    return done.stdout, set(modules), int(collections)


def _unwanted(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_FOR_EXPLAIN))


def test_explain_of_one_file_imports_neither_the_parser_nor_other_commands(tmp_path):
    cache = tmp_path / "cache"
    cold_output, cold, _ = _explain_modules(tmp_path, cache)   # fills the cache: the policies are parsed
    assert "lark" in cold   # so the check below would see Lark if the cache were not used
    warm_output, warm, collections = _explain_modules(tmp_path, cache)
    assert warm_output == cold_output
    assert _unwanted(warm) == []
    # The entry point turns the cyclic collector off before importing the commands: creating their
    # classes and functions set off some sixty collections, for a process that holds no cycles.
    assert collections == 0


def test_the_syntax_tree_shows_itself_as_dataclasses_did():
    """`@node` writes one `__repr__` for every class (cheaper to create): the same text as before."""
    from caresq_logic.diagnostics import Span
    from caresq_logic.language import nodes as n

    span = Span("a.beleid", 3, 7)
    choice = n.ChoiceValue("kfir", False, span, title=None)
    assert repr(n.IntValue(3, span)) == f"IntValue(value=3, span={span!r})"
    assert repr(choice) == f"ChoiceValue(value='kfir', quoted=False, span={span!r}, title=None)"
    truth = n.Truth(n.Ref("x", None, span), span)
    assert repr(n.Not(truth, span)) == f"Not(operand=Truth(ref=Ref(name='x', year=None, span={span!r}), span={span!r}), span={span!r})"
