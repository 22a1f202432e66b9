"""The engine's own predicates, read from the programs it emits with clingo's AST.

Every predicate the engine defines starts with `_`, which a user's name cannot (names match
`^[a-z][a-z0-9_]*$`): a kenmerk can never clash with the engine, and a provider fact can never
state (forge) part of a decision. The only names the two share are the documented provider
format, `levert` and `aanbieder` (`language.reserved`). `predicates` lists what a program uses,
so a test can hold every emitted program to this rule instead of a hand-kept list.
"""

from __future__ import annotations

import functools

from clingo import ast

ENGINE_PREFIX = "_"


def predicates(program: str) -> set[tuple[str, int]]:
    """(name, arity) of every predicate an ASP program mentions: in rules, `#external`,
    `#show name/arity` and the terms of `#show term : body`."""
    found: set[tuple[str, int]] = set()

    def term(t) -> None:
        if t.ast_type == ast.ASTType.Function:
            found.add((t.name, len(t.arguments)))
        elif t.ast_type == ast.ASTType.SymbolicTerm:
            found.add((str(t.symbol), 0))

    class Collect(ast.Transformer):
        def visit_SymbolicAtom(self, atom):
            term(atom.symbol)
            return atom

        def visit_ShowTerm(self, show):
            term(show.term)
            return show.update(**self.visit_children(show))

        def visit_ShowSignature(self, show):
            if show.name:   # `#show.` (show nothing by default) names no predicate
                found.add((show.name, show.arity))
            return show

    collect = Collect()
    ast.parse_string(program, lambda statement: collect(statement))
    return found


@functools.cache
def engine_predicates() -> frozenset[str]:
    """The predicates of the prelude: the semantics every compiled program shares."""
    from .prelude import PRELUDE

    return frozenset(name for name, _ in predicates(PRELUDE))
