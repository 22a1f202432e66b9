"""Every user-facing sentence goes through the catalogue: no key is unused, and English output
carries none of the Dutch sentences (policy text that is quoted, such as titles, stays Dutch)."""

from __future__ import annotations

import ast
import re

from caresq_logic.language.kinds import ClauseKind, DeltaKind, Outcome
from caresq_logic.messages import CATALOGUE

from conftest import run
from test_architecture import PACKAGE


def _string_constants() -> set[str]:
    return {node.value for path in PACKAGE.rglob("*.py") if path.name != "messages.py"
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_no_catalogue_key_is_unused():
    used = _string_constants()
    # The enums name their own keys ("kind." + value, "outcome." + value, "delta." + value).
    used |= {f"kind.{k.value}" for k in ClauseKind} | {f"outcome.{o.value}" for o in Outcome}
    used |= {f"delta.{d.value}" for d in DeltaKind}
    unused = [key for key in CATALOGUE if key not in used and key.removeprefix("ui.") not in used]
    assert unused == []


def test_every_enum_member_has_words_in_both_languages():
    for member in [*ClauseKind, *Outcome, *DeltaKind]:
        assert member.localize("nl") and member.localize("en")


def _dutch_fragments() -> set[str]:
    """Pieces of Dutch catalogue text (between the {placeholders}) that English text never has."""
    fragments = set()
    for _, nl, en in CATALOGUE.values():
        if nl == en:
            continue
        for piece in re.split(r"\{[^}]*\}", nl):
            piece = piece.strip(" :;,.()'\"")
            if len(piece) >= 12 and " " in piece and piece not in en:   # a phrase, not a keyword
                fragments.add(piece)
    return fragments


def _english(*args: str) -> str:
    result = run(*args, "--taal", "en")
    return result.stdout + result.stderr


def _policy_words() -> list[str]:
    """Text the policies' authors wrote (titles, reasons, quotes, requests), which output quotes
    as it stands; longest first, so that it is cut out whole."""
    from caresq_logic import passes

    words = set()
    for policy in passes.load(None).policies:
        words.add(policy.header.title)
        for item in policy.file.items:
            for name in ("title", "reason", "request", "text"):
                value = getattr(item, name, None)
                if isinstance(value, str):
                    words.add(value)
            citation = getattr(item, "citation", None)
            if citation is not None and citation.quote:
                words.add(citation.quote)
            reading = getattr(item, "reading", None)   # a flagged reading is the author's words too
            if reading is not None:
                words.update(w for w in (reading.taken, reading.alternative) if w)
    return sorted((w for w in words if len(w) >= 3), key=len, reverse=True)


def test_english_output_has_no_dutch_catalogue_text():
    outputs = {
        "explain examples": _english("explain", "examples/providers", "examples/markt"),
        "check policies": _english("check", "policies"),
        "bad policy": _english("compile", "tests/golden/bad/misspelt_keyword.beleid"),
    }
    for quoted in _policy_words():
        outputs = {name: out.replace(quoted, "") for name, out in outputs.items()}
    fragments = _dutch_fragments()
    assert len(fragments) > 50   # the comparison has something to compare with
    found = {(name, f) for name, out in outputs.items() for f in fragments if f in out}
    assert found == set()


def test_english_output_names_dates_and_versions_in_english():
    out = _english("explain", "examples/providers/paramedische_zorg/fysio_b.lp")
    assert "version 2026-10" in out and "versie" not in out
    assert "mid September 2025" in out and "september" not in out


def test_no_code_or_key_is_defined_twice():
    """A dict literal keeps the last of two equal keys without a word: two features that picked
    the same code would silently share one message (it happened to B229 and B230)."""
    import collections
    from pathlib import Path

    from caresq_logic import messages, ui_text

    keys = []
    for module in (messages, ui_text):
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        keys += [k.value for node in ast.walk(tree) if isinstance(node, ast.Dict)
                 for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)
                 and (k.value.startswith("ui.") or k.value[:1] in "ABCHKST" and k.value[1:].isdigit())]
    assert [k for k, count in collections.Counter(keys).items() if count > 1] == []
