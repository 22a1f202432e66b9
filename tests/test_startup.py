"""A single `explain` starts near the import floor (issue 12): it imports only what it uses. Once
the policies are in the content-hash cache, explaining one .lp file must not import Lark (the
parser), `check`, `testing`, the language server, or pydantic (typer 0.29 validates every
parameter with it; pyproject.toml keeps typer below that)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import EXAMPLES, REPO

# Runs the console entry point in a fresh interpreter, then writes how many cyclic collections
# ran meanwhile, the policies it unpickled in full (a derived one's path has "@") and the modules
# it imported.
PROGRAM = """
import gc, pickle, sys
from caresq_logic import main
modules_file, sys.argv = sys.argv[1], ["caresq-logic", "explain", *sys.argv[2:]]
unpickled, loads = [], pickle.loads
def recording(payload):
    value = loads(payload)
    unpickled.extend(p.path for p in (value if isinstance(value, list) else [value]) if type(p).__name__ == "Policy")
    return value
pickle.loads = recording
before = sum(generation["collections"] for generation in gc.get_stats())
try:
    main()
except SystemExit as done:
    code = done.code
collections = sum(generation["collections"] for generation in gc.get_stats()) - before
with open(modules_file, "w", encoding="utf-8") as handle:
    handle.write("\\n".join([str(code), str(collections), ";".join(unpickled), *sorted(sys.modules)]))
"""

NOT_FOR_EXPLAIN = ("lark", "caresq_logic.check", "caresq_logic.testing", "caresq_logic.editor.server",
                   "caresq_logic.language.parser", "pygls", "lsprotocol", "pydantic")


def _explain(tmp_path, cache, *args: str) -> tuple[subprocess.CompletedProcess, set[str], int, list[str]]:
    listing = tmp_path / "modules.txt"
    done = subprocess.run([sys.executable, "-c", PROGRAM, str(listing), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "CARESQ_CACHE": str(cache)})
    code, collections, unpickled, *modules = listing.read_text(encoding="utf-8").splitlines()
    done.returncode = int(code)
    return done, set(modules), int(collections), unpickled.split(";") if unpickled else []


def _explain_modules(tmp_path, cache) -> tuple[str, set[str], int]:
    done, modules, collections, _ = _explain(tmp_path, cache, str(EXAMPLES / "paramedische_zorg" / "fysio_b.lp"))
    assert done.returncode == 0, done.stderr
    assert "Zorgovereenkomst B" in done.stdout
    return done.stdout, modules, collections


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


FYSIO_B = (EXAMPLES / "paramedische_zorg" / "fysio_b.lp").read_text(encoding="utf-8")


def test_explain_unpickles_only_the_policies_the_provider_file_delivers_to(tmp_path):
    """The other domains' policies are read as outlines (`language.outline`): they still check the
    file and head the report, but are not unpickled in full."""
    cache = tmp_path / "cache"
    cold, _, _, _ = _explain(tmp_path, cache, "examples/providers/paramedische_zorg/fysio_b.lp")
    warm, _, _, unpickled = _explain(tmp_path, cache, "examples/providers/paramedische_zorg/fysio_b.lp")
    assert warm.stdout == cold.stdout and warm.returncode == 0
    assert "policies/geboortezorg/2026.beleid" in warm.stdout.splitlines()[1]   # the policies in force, all named
    assert unpickled == ["policies/paramedische_zorg/2026.beleid"]
    # one provider delivering nothing: its report stands under the first policy in force, so that one too
    nothing = tmp_path / "niets.lp"
    nothing.write_text('aanbieder(leeg, "Levert niets").\n', encoding="utf-8")
    done, _, _, unpickled = _explain(tmp_path, cache, "examples/providers/paramedische_zorg/fysio_b.lp", str(nothing))
    assert done.returncode == 0, done.stderr
    assert unpickled == ["policies/geboortezorg/2026.beleid", "policies/paramedische_zorg/2026.beleid"]


def test_a_kenmerk_of_another_domain_is_still_valid_and_a_misspelt_one_still_guessed(tmp_path):
    cache = tmp_path / "cache"
    _explain(tmp_path, cache, "examples/providers/paramedische_zorg/fysio_b.lp")   # the outlines cached
    other = tmp_path / "ander_domein.lp"
    other.write_text(FYSIO_B + "perined(het_anker).\n", encoding="utf-8")   # a geboortezorg kenmerk
    done, _, _, unpickled = _explain(tmp_path, cache, str(other))
    assert (done.returncode, done.stderr) == (0, "")
    assert "Zorgovereenkomst B" in done.stdout and unpickled == ["policies/paramedische_zorg/2026.beleid"]
    misspelt = tmp_path / "verschreven.lp"
    misspelt.write_text(FYSIO_B + "perinet(het_anker).\n", encoding="utf-8")
    done, _, _, _ = _explain(tmp_path, cache, str(misspelt))
    assert done.returncode == 2
    assert "perinet" in done.stderr and "bedoelde u 'perined'" in done.stderr


@pytest.mark.parametrize("year", [None, 2025])
def test_outlines_check_and_decide_as_the_whole_policies_do(tmp_path, year):
    """Every example, a file with a misspelt kenmerk, and one whose provider delivers nothing or an
    unknown zorgsoort: explained from the outlines, the same catalogue, diagnostics, policies in
    force, receipt and reports as from every policy loaded in full (other years: derived ones)."""
    from caresq_logic import passes
    from caresq_logic.report import text

    odd = {"verschreven": FYSIO_B + "perinet(het_anker).\n", "levert_niets": FYSIO_B + 'aanbieder(leeg, "Leeg").\n',
           "onbekende_zorgsoort": 'aanbieder(ander, "Ander").\nlevert(ander, tandheelkunde).\n'}
    for name, content in odd.items():
        (tmp_path / f"{name}.lp").write_text(content, encoding="utf-8")
    files = sorted(str(p.relative_to(REPO)) for p in EXAMPLES.rglob("*.lp")) + [str(tmp_path / f"{n}.lp") for n in odd]
    for paths in [[f] for f in files] + [["examples/providers"]]:
        seen = []
        for outlined in (False, True):
            market = passes.decide_market(paths, None, year, outlined=outlined)
            explained = passes.explain(paths, None, year, outlined=outlined)
            seen.append((market.catalog, market.policy_set, market.policy_digests,
                         [d.render("nl") for d in explained.diagnostics], explained.receipt,
                         "".join(text.chunks(explained.reports, "nl", False, True))))
        assert seen[0] == seen[1], paths
