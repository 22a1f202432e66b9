"""Load the grammar (grammar/caresq.lark, shipped in the wheel) into a Lark LALR parser, once.

This package's `parser`, `delta_nodes` and `syntax_errors` are the only modules that touch Lark."""

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
