"""One grounded check program per policy, answering goals with a witness or a minimal core.

The compiled decision program (with the restrictive clauses switchable by `on(C)`), the witness
space and the goal rules are grounded once; every question is then one `solve` with an
assumption selecting its goal:

- a goal that is satisfiable gives a witness (a list of facts about `w`);
- an unsatisfiable goal gives an unsat core over `on(C)`, reduced to a minimal core by deletion."""

from __future__ import annotations

from dataclasses import dataclass

import clingo

from ..asp.compiler import compile_policy
from ..language.reserved import LEVERT
from ..language.resolve import Policy
from .space import WITNESS, witness_space


RESTRICTIVE = ("randvoorwaarde", "aanvullende_voorwaarde", "selectie", "uitsluiting")


SWITCHABLE = RESTRICTIVE + ("benaderd", "niet_benaderd")


GOALS = f"""
% ---- check: goals, each selected by an assumption on goal(G) --------------------------------
#external goal(G) : goal_id(G). [free]
x_other_failed(Z,C) :- failed({WITNESS},Z,C), failed({WITNESS},Z,C2), C2 != C.
x_other_blocked(Z,C) :- not_approached({WITNESS},Z,C), not_approached({WITNESS},Z,C2), C2 != C.
x_excluded(Z) :- excluded({WITNESS},Z,_).
x_by(Z,C) :- excluded({WITNESS},Z,C).
x_other_excluded(Z,C) :- x_by(Z,C), x_by(Z,C2), C2 != C.

reached(reach(Z,T)) :- tier({WITNESS},Z,T).
reached(reach(Z,none)) :- eligible({WITNESS},Z).
reached(gap(Z)) :- eligible({WITNESS},Z), has_tiers(Z), not has_tier({WITNESS},Z).
reached(alone(Z,C)) :- failed({WITNESS},Z,C), not x_other_failed(Z,C), not x_excluded(Z).
reached(alone(Z,C)) :- x_by(Z,C), not x_other_excluded(Z,C), not failed({WITNESS},Z,_).
reached(alone(Z,C)) :- not_approached({WITNESS},Z,C), not x_other_blocked(Z,C), eligible({WITNESS},Z).
reached(met(Z,C)) :- met({WITNESS},Z,C), active({WITNESS},Z,C).
reached(unmet(Z,C)) :- unmet({WITNESS},Z,C), active({WITNESS},Z,C).
reached(both(Z1,Z2)) :- eligible({WITNESS},Z1), eligible({WITNESS},Z2), goal_id(both(Z1,Z2)).
reached(excepted_contract(Z,C)) :- excepted({WITNESS},Z,C), met({WITNESS},Z,C), decision({WITNESS},Z,zorgovereenkomst).
reached(retroactive(Z,R,Y)) :- start_date({WITNESS},Z,R,S), goal_id(retroactive(Z,R,Y)), S < Y*10000+101.
:- goal(G), not reached(G).
#show.
"""


@dataclass
class Session:
    """One grounded check program for one policy; answers goals with a witness or a core."""

    policy: Policy
    control: clingo.Control
    switches: list[str]
    switch_literals: dict[str, int]     # clause id -> literal of on(C)
    delivers: dict[str, int]            # zorgsoort -> literal of levert(w,Z)

    @classmethod
    def build(cls, policy: Policy, goals: list[str]) -> "Session":
        # Clauses that narrow who gets (or is offered) a contract can be switched off: cores name them.
        switches = sorted(c.id for c in policy.clauses.values() if c.kind in SWITCHABLE)
        program = compile_policy(policy, frozenset(switches))
        # Core-guided optimisation finds the smallest witness far faster than branch-and-bound here.
        control = clingo.Control(["--warn=none", "--opt-strategy=usc"])
        control.add("base", [], program.text)
        control.add("base", [], "\n".join(witness_space(policy)))
        control.add("base", [], GOALS + "\n".join(f"goal_id({g})." for g in goals))
        control.ground([("base", [])])
        atoms = control.symbolic_atoms
        # Assumptions go to clingo as literals, looked up once here rather than on every solve.
        switch_literals = {s: atoms[clingo.Function("on", [clingo.Function(s)])].literal for s in switches}
        me = clingo.Function(WITNESS)
        delivers = {}
        for z in policy.care_types:
            atom = atoms[clingo.Function(LEVERT, [me, clingo.Function(z)])]
            if atom is not None:
                delivers[z] = atom.literal
        return cls(policy, control, switches, switch_literals, delivers)

    def _assumptions(self, goal: str, on: set[str] | None = None) -> list[int]:
        on = set(self.switches) if on is None else on
        term = clingo.parse_term(goal)
        goal_atom = self.control.symbolic_atoms[clingo.Function("goal", [term])]
        # Focus: the witness delivers only the zorgsoorten the goal is about (and their parents),
        # so each solve touches one corner of the program instead of all of it.
        focus = {str(a) for a in term.arguments if str(a) in self.policy.care_types}
        for z in list(focus):
            focus.update(self.policy.care_types[z].parents)
        others = [-lit for z, lit in self.delivers.items() if z not in focus] if focus else []
        switches = [lit if s in on else -lit for s, lit in self.switch_literals.items()]
        return [goal_atom.literal] + others + switches

    def satisfiable(self, goal: str, on: set[str] | None = None) -> bool:
        """Is there a provider for which `goal` holds? (No model is copied, nothing optimised.)"""
        self.control.configuration.solve.opt_mode = "ignore"
        return bool(self.control.solve(assumptions=self._assumptions(goal, on)).satisfiable)

    def witness(self, goal: str, on: set[str] | None = None) -> list[clingo.Symbol] | None:
        """The facts of a witness for `goal`, or None when there is none."""
        found: list[clingo.Symbol] = []
        me = clingo.Function(WITNESS)

        def keep(model: clingo.Model) -> None:   # each model improves on the last; keep the best
            found[:] = [s for s in model.symbols(atoms=True) if s.arguments and s.arguments[0] == me]

        self.control.configuration.solve.opt_mode = "opt"
        result = self.control.solve(assumptions=self._assumptions(goal, on), on_model=keep)
        return found if result.satisfiable else None

    def core(self, goal: str, keep: frozenset[str] = frozenset()) -> list[str]:
        """A minimal set of clauses under which `goal` is unsatisfiable. `keep` stays switched on
        throughout (a goal about a clause needs that clause), and is not part of the answer."""
        core_atoms: list[int] = []
        self.control.solve(assumptions=self._assumptions(goal), on_core=lambda c: core_atoms.extend(c))
        by_literal = {lit: s for s, lit in self.switch_literals.items()}
        core = {by_literal[lit] for lit in core_atoms if lit in by_literal} - keep
        # Deletion: drop every clause whose removal keeps the goal unsatisfiable. Sound because,
        # with `keep` fixed, switching more clauses on can only make the goal harder to reach.
        for clause in sorted(core):
            if not self.satisfiable(goal, (core - {clause}) | keep):
                core -= {clause}
        return sorted(core)
