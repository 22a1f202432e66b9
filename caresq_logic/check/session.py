"""One grounded check program per policy, answering goals with a witness or a minimal core.

The compiled decision program (with the restrictive clauses switchable by `_on(C)`), the witness
space and the goal rules are grounded once; every question is then one `solve` with an
assumption selecting its goal:

- a goal that is satisfiable gives a witness (a list of facts about `w`);
- an unsatisfiable goal gives an unsat core over `_on(C)`, reduced to a minimal core by deletion."""

from __future__ import annotations

from dataclasses import dataclass

import clingo

from ..asp.compiler import compile_policy
from ..decide import bounded
from ..diagnostics import Span
from ..language.kinds import ClauseKind
from ..language.reserved import LEVERT
from ..language.resolve import Policy
from .space import WITNESS, witness_space


GOALS = f"""
% ---- check: goals, each selected by an assumption on _goal(G) --------------------------------
#external _goal(G) : _goal_id(G). [free]
_x_other_failed(Z,C) :- _failed({WITNESS},Z,C), _failed({WITNESS},Z,C2), C2 != C.
_x_other_blocked(Z,C) :- _not_approached({WITNESS},Z,C), _not_approached({WITNESS},Z,C2), C2 != C.
_x_other_blocked(Z,C) :- _not_approached({WITNESS},Z,C), _names_approached({WITNESS},Z), not _named({WITNESS},Z).
_x_excluded(Z) :- _excluded({WITNESS},Z,_).
_x_by(Z,C) :- _excluded({WITNESS},Z,C).
_x_other_excluded(Z,C) :- _x_by(Z,C), _x_by(Z,C2), C2 != C.

_reached(reach(Z,T)) :- _tier({WITNESS},Z,T).
_reached(reach(Z,none)) :- _eligible({WITNESS},Z).
_reached(gap(Z)) :- _eligible({WITNESS},Z), _has_tiers(Z), not _has_tier({WITNESS},Z).
_reached(alone(Z,C)) :- _failed({WITNESS},Z,C), not _x_other_failed(Z,C), not _x_excluded(Z).
_reached(alone(Z,C)) :- _x_by(Z,C), not _x_other_excluded(Z,C), not _failed({WITNESS},Z,_).
_reached(alone(Z,C)) :- _not_approached({WITNESS},Z,C), not _x_other_blocked(Z,C), _eligible({WITNESS},Z).
% A `benadert alle` clause decides when it is the only one that names an approached provider.
_x_other_named(Z,C) :- _clause(C,benadert_alle), _active({WITNESS},Z,C2), _clause(C2,benadert_alle), _met({WITNESS},Z,C2), C2 != C.
_reached(alone(Z,C)) :- _clause(C,benadert_alle), _active({WITNESS},Z,C), _met({WITNESS},Z,C), not _x_other_named(Z,C),
    _approached({WITNESS},Z), _eligible({WITNESS},Z).
_reached(met(Z,C)) :- _met({WITNESS},Z,C), _active({WITNESS},Z,C).
_reached(unmet(Z,C)) :- _unmet({WITNESS},Z,C), _active({WITNESS},Z,C).
_reached(both(Z1,Z2)) :- _eligible({WITNESS},Z1), _eligible({WITNESS},Z2), _goal_id(both(Z1,Z2)).
_reached(excepted_contract(Z,C)) :- _excepted({WITNESS},Z,C), _met({WITNESS},Z,C), _decision({WITNESS},Z,zorgovereenkomst).
_reached(retroactive(Z,R,Y)) :- _start_date({WITNESS},Z,R,S), _goal_id(retroactive(Z,R,Y)), S < Y*10000+101.
_reached(approach_split(Z,C1,C2)) :- _goal_id(approach_split(Z,C1,C2)), _met({WITNESS},Z,C1), _active({WITNESS},Z,C1),
    _unmet({WITNESS},Z,C2), _active({WITNESS},Z,C2), _eligible({WITNESS},Z).
_reached(approach_split(Z,C1,C2)) :- _goal_id(approach_split(Z,C1,C2)), _met({WITNESS},Z,C2), _active({WITNESS},Z,C2),
    _unmet({WITNESS},Z,C1), _active({WITNESS},Z,C1), _eligible({WITNESS},Z).
:- _goal(G), not _reached(G).
#show.
"""


def shown_facts(*policies: Policy) -> str:
    """#show for the witness's facts (its kenmerken and zorgsoorten): a model hands over these
    instead of every atom of the grounded program, which costs time on every improving model."""
    names = dict.fromkeys(name for policy in policies for name in policy.features)
    return "\n" + "".join(f"#show {name}/{k}." for name in names for k in range(1, 5)) + f"#show {LEVERT}/2.\n"


TIER_SWITCHES = """
#external _on(T) : _tier_rank(_,T,_,_). [free]
_tier_met(P,Z,T) :- _tier_scope(P,Z,T), not _on(T).
"""


@dataclass
class Session:
    """One grounded check program for one policy; answers goals with a witness or a core."""

    policy: Policy
    control: clingo.Control
    switches: list[str]
    switch_literals: dict[str, int]     # clause id -> literal of _on(C)
    delivers: dict[str, int]            # zorgsoort -> literal of levert(w,Z)

    @classmethod
    def build(cls, policy: Policy, goals: list[str], space: list[str] | None = None, extra: str = "",
              tier_switches: bool = False, also: tuple[ClauseKind, ...] = ()) -> "Session":
        """`space` replaces the witness space (explain --doel: a provider's own facts, or the
        space around them); `extra` adds rules (more goals, costs) grounded with the rest;
        `tier_switches` makes each tier's own condition a switch too (a tier switched off is met);
        `also` makes clauses of these kinds switches too."""
        # Clauses that narrow who gets (or is offered) a contract can be switched off: cores name them.
        switches = sorted(c.id for c in policy.clauses.values() if c.kind.switchable or c.kind in also)
        program = compile_policy(policy, frozenset(switches))
        if tier_switches:
            extra += TIER_SWITCHES
            switches += sorted(program.tier_by_id)
        # Core-guided optimisation finds the smallest witness far faster than branch-and-bound here.
        control = clingo.Control(["--warn=none", "--opt-strategy=usc"])
        bounded.ground(control, Span(policy.path, 1, 1), (   # within --tijdslimiet, as every solve below
            program.text, "\n".join(witness_space(policy) if space is None else space),
            GOALS + extra + "\n".join(f"_goal_id({g})." for g in goals) + shown_facts(policy)
            + "".join(f"_switch({s})." for s in switches)))   # what `extra` may count or minimise
        atoms = control.symbolic_atoms
        # Assumptions go to clingo as literals, looked up once here rather than on every solve.
        switch_literals = {s: atoms[clingo.Function("_on", [clingo.Function(s)])].literal for s in switches}
        me = clingo.Function(WITNESS)
        delivers = {}
        for z in policy.care_types:
            atom = atoms[clingo.Function(LEVERT, [me, clingo.Function(z)])]
            if atom is not None:
                delivers[z] = atom.literal
        return cls(policy, control, switches, switch_literals, delivers)

    def assumptions(self, goal: str, on: set[str] | None = None) -> list[int]:
        """The literals that ask `goal` with the clauses `on` switched on (default: all)."""
        on = set(self.switches) if on is None else on
        term = clingo.parse_term(goal)
        goal_atom = self.control.symbolic_atoms[clingo.Function("_goal", [term])]
        # Focus: the witness delivers only the zorgsoorten the goal is about (and their parents),
        # so each solve touches one corner of the program instead of all of it.
        focus = {str(a) for a in term.arguments if str(a) in self.policy.care_types}
        for z in list(focus):
            focus.update(self.policy.care_types[z].parents)
        others = [-lit for z, lit in self.delivers.items() if z not in focus] if focus else []
        switches = [lit if s in on else -lit for s, lit in self.switch_literals.items()]
        return [goal_atom.literal] + others + switches

    def solve(self, **options) -> clingo.SolveResult:
        """Every solve of a check: within --tijdslimiet, stoppable by Ctrl-C."""
        return bounded.solve(self.control, Span(self.policy.path, 1, 1), **options)

    def satisfiable(self, goal: str, on: set[str] | None = None) -> bool:
        """Is there a provider for which `goal` holds? (No model is copied, nothing optimised.)"""
        self.control.configuration.solve.opt_mode = "ignore"
        return bool(self.solve(assumptions=self.assumptions(goal, on)).satisfiable)

    def witness(self, goal: str, on: set[str] | None = None) -> list[clingo.Symbol] | None:
        """The facts of a witness for `goal`, or None when there is none."""
        found: list[clingo.Symbol] = []
        me = clingo.Function(WITNESS)

        def keep(model: clingo.Model) -> None:   # each model improves on the last; keep the best
            found[:] = [s for s in model.symbols(shown=True) if s.arguments and s.arguments[0] == me]

        self.control.configuration.solve.opt_mode = "opt"
        result = self.solve(assumptions=self.assumptions(goal, on), on_model=keep)
        return found if result.satisfiable else None

    def core(self, goal: str, keep: frozenset[str] = frozenset(), on: set[str] | None = None) -> list[str]:
        """A minimal set of clauses under which `goal` is unsatisfiable. `keep` stays switched on
        throughout (a goal about a clause needs that clause), and is not part of the answer;
        `on` (default: all) are the switches the first core may draw from."""
        core = self._unsat_core(goal, on)
        if core is None:
            return []

        def unsat(switched_on: set[str]) -> bool:
            return not self.satisfiable(goal, switched_on | keep)

        # QuickXplain (Junker 2004): a minimal subset of clingo's core in O(k log n) solves for a
        # core of k clauses, where deletion needs one solve per clause. Sound because, with `keep`
        # fixed, switching more clauses on can only make the goal harder to reach.
        def explain(background: set[str], changed: bool, candidates: list[str]) -> list[str]:
            if changed and unsat(background):
                return []
            if len(candidates) == 1:
                return candidates
            half = len(candidates) // 2
            first, second = candidates[:half], candidates[half:]
            needed_second = explain(background | set(first), True, second)
            needed_first = explain(background | set(needed_second), bool(needed_second), first)
            return needed_first + needed_second

        # Junker's top level: when `keep` alone already blocks the goal, no switch is to blame (QX
        # assumes the empty set reaches it, and would name one clause of clingo's core at random).
        return sorted(explain(set(), True, sorted(core - keep))) if core - keep else []

    def _unsat_core(self, goal: str, on: set[str] | None) -> set[str] | None:
        """The switches (on) in clingo's unsat core of `goal` with `on` switched on; None if the
        goal is satisfiable."""
        self.control.configuration.solve.opt_mode = "ignore"
        core_atoms: list[int] = []
        result = self.solve(assumptions=self.assumptions(goal, on), on_core=lambda c: core_atoms.extend(c))
        if result.satisfiable:
            return None
        found = set(core_atoms)
        return {s for s, lit in self.switch_literals.items() if lit in found}
