"""Two publications of one domain in one clingo control, fed by the same witness provider.

Each year's compiled program keeps its own engine predicates under a prefix (`_a_` for the
earlier, `_b_` for the later: `_a_eligible`, `_b_failed`, ...); the provider facts (kenmerken,
`levert`) carry no prefix, so one choice of facts is decided by both years at once. A question
is a goal selected by an assumption, as in `session`; a satisfiable goal gives a witness.

Goals (the atoms `_goal_id/1` lists):

- changed(Z,D)   a provider whose contract Z continues, who met Z in the earlier year and fails
                 a clause of the later year that delta-bearing change D names;
- relaxed(Z,D)   the reverse: fails the earlier year on a clause D names, meets the later one;
- tier_shift(Z)  a provider whose contract continues at the earlier year's tier, who meets a
                 different tier of the later year;
- outcome(Z,C)   the decision for Z differs between the years because clause C (met or failed
                 in only one of them) differs: `caresq-logic diff`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import clingo

from ..asp.compiler import compile_policy
from ..decide import bounded
from ..diagnostics import Span
from ..language.resolve import Policy
from .space import UNKNOWN_CHOICE, UNKNOWN_MINIMIZE, WITNESS, witness_space

# An engine predicate (it starts with `_`) not inside a longer name or a string's word.
_ENGINE_ATOM = re.compile(r'(?<![A-Za-z0-9_"])_([a-z][A-Za-z0-9_]*)(?=\()')
_SHOW = re.compile(r"^#show.*$", re.M)


def prefixed(text: str, prefix: str) -> str:
    """The program with every engine predicate renamed `_<prefix>_name`, its #show dropped."""
    return _ENGINE_ATOM.sub(lambda m: f"_{prefix}_{m.group(1)}", _SHOW.sub("", text))


GOALS = f"""
% ---- two years: goals, each selected by an assumption on _goal(G) ----------------------------
#external _goal(G) : _goal_id(G). [free]
_x_cont(Z) :- _continuing_kind(Z,doorlopend), _b_continues({WITNESS},Z).
_x_cont(Z) :- _continuing_kind(Z,looptijd), _b_ctx({WITNESS},Z).
_reached(changed(Z,D)) :- _goal_id(changed(Z,D)), _x_cont(Z), _a_eligible({WITNESS},Z),
    _b_failed({WITNESS},Z,C), _delta_clause(D,C).
_reached(changed(Z,D)) :- _goal_id(changed(Z,D)), _x_cont(Z), _a_eligible({WITNESS},Z),
    _b_excluded({WITNESS},Z,C), _delta_clause(D,C).
_reached(relaxed(Z,D)) :- _goal_id(relaxed(Z,D)), _x_cont(Z), _b_eligible({WITNESS},Z),
    _a_failed({WITNESS},Z,C), _delta_clause(D,C).
_reached(tier_shift(Z)) :- _goal_id(tier_shift(Z)), _x_cont(Z), _a_tier({WITNESS},Z,T1), _b_tier({WITNESS},Z,T2), T1 != T2.
_x_differs(Z,C) :- _a_failed({WITNESS},Z,C), not _b_failed({WITNESS},Z,C).
_x_differs(Z,C) :- _b_failed({WITNESS},Z,C), not _a_failed({WITNESS},Z,C).
_x_differs(Z,C) :- _a_excluded({WITNESS},Z,C), not _b_excluded({WITNESS},Z,C).
_x_differs(Z,C) :- _b_excluded({WITNESS},Z,C), not _a_excluded({WITNESS},Z,C).
_x_differs(Z,C) :- _a_not_approached({WITNESS},Z,C), not _b_not_approached({WITNESS},Z,C).
_x_differs(Z,C) :- _b_not_approached({WITNESS},Z,C), not _a_not_approached({WITNESS},Z,C).
_reached(outcome(Z,C)) :- _goal_id(outcome(Z,C)), _x_differs(Z,C),
    _a_decision({WITNESS},Z,O1), _b_decision({WITNESS},Z,O2), O1 != O2.
:- _goal(G), not _reached(G).
#show.
"""


@dataclass
class TwoYears:
    earlier: Policy
    later: Policy
    control: clingo.Control

    @classmethod
    def build(cls, earlier: Policy, later: Policy, goals: list[str], facts: list[str]) -> "TwoYears":
        control = clingo.Control(["--warn=none", "--opt-strategy=usc"])
        programs = tuple(prefixed(compile_policy(policy).text + UNKNOWN_CHOICE + UNKNOWN_MINIMIZE, prefix)
                         for prefix, policy in (("a", earlier), ("b", later)))
        bounded.ground(control, Span(later.path, 1, 1), programs + (   # within --tijdslimiet
            "\n".join(witness_space(earlier, later, unknowns=False)),
            GOALS + "\n".join(f"_goal_id({g})." for g in goals) + "\n" + "\n".join(facts)))
        return cls(earlier, later, control)

    def witness(self, goal: str) -> list[clingo.Symbol] | None:
        """The witness facts for `goal` (with `_a_onbekend`/`_b_onbekend`: the unknown
        conditions it assumes met), or None when no provider reaches it."""
        atom = self.control.symbolic_atoms[clingo.Function("_goal", [clingo.parse_term(goal)])]
        if atom is None:
            return None
        found: list[clingo.Symbol] = []
        me = clingo.Function(WITNESS)

        def keep(model: clingo.Model) -> None:
            found[:] = [s for s in model.symbols(atoms=True) if s.arguments and s.arguments[0] == me]

        result = bounded.solve(self.control, Span(self.later.path, 1, 1), assumptions=[atom.literal], on_model=keep)
        return found if result.satisfiable else None


def assumed_unknowns(facts: list[clingo.Symbol], earlier: Policy, later: Policy) -> list[str]:
    """Comment lines for the unknown conditions a witness assumes met, per year."""
    lines = []
    for symbol in sorted(facts, key=str):
        if symbol.name in ("_a_onbekend", "_b_onbekend"):
            policy = earlier if symbol.name == "_a_onbekend" else later
            lines.append(f"% aangenomen: in {policy.path} is de onbekende voorwaarde van "
                         f"{symbol.arguments[1]} voldaan")
    return lines
