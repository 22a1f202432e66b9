"""Load the grammar (grammar/caresq.lark, shipped in the wheel) into a Lark LALR parser, once.

This package's `parser`, `syntax_errors` and `format` are the only modules that touch Lark."""

from __future__ import annotations

import functools

from lark import Lark

from ..resources import grammar_path


@functools.lru_cache(maxsize=1)
def lark() -> Lark:
    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        propagate_positions=True,
        maybe_placeholders=False,
        cache=True,  # the LALR tables, keyed by grammar and options; saves ~0.3 s a run
    )


@functools.lru_cache(maxsize=1)
def lark_with_every_token() -> Lark:
    """The same grammar, keeping every keyword and punctuation mark in the tree: `format` lays out
    the tokens as written."""
    return Lark(
        grammar_path().read_text(encoding="utf-8"),
        parser="lalr",
        keep_all_tokens=True,
        maybe_placeholders=False,
        cache=True,
    )
