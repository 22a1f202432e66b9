"""Solving with clingo: the shown atoms of a model (`Model`), one solve under the time limit
(`run`), and the providers with unknown facts grounded in small groups (`Completions`): their brave and
cautious consequences, and which condition nodes an assumed outcome forces."""

from __future__ import annotations

from dataclasses import dataclass, field
import time

import clingo

from ..asp.compiler import Program
from ..diagnostics import Failed, Span, diag
from ..language.kinds import Outcome
from . import atoms


@dataclass
class Model:
    """The shown atoms of the one model, indexed by (provider, zorgsoort)."""

    decision: dict[tuple, set[Outcome]] = field(default_factory=dict)   # brave: several per key
    tier: dict[tuple, set[str]] = field(default_factory=dict)
    holds: set[tuple] = field(default_factory=set)
    tier_holds: set[tuple] = field(default_factory=set)
    inactive: set[tuple] = field(default_factory=set)
    excepted: set[tuple] = field(default_factory=set)
    factor: dict[tuple, set[str]] = field(default_factory=dict)
    factor_via: dict[tuple, dict[str, list[str]]] = field(default_factory=dict)
    nfactors: dict[tuple, int] = field(default_factory=dict)
    start_date: dict[tuple, dict[str, int]] = field(default_factory=dict)


def run(control: clingo.Control, program: Program, time_limit: float, on_model, assumptions=()) -> bool:
    deadline = time.monotonic() + time_limit   # inf and 1e18 are fine: "no limit"
    with control.solve(on_model=on_model, assumptions=list(assumptions), async_=True) as handle:
        # Short waits: Python sees Ctrl-C between them, so an interrupt stops the solver at once.
        while not handle.wait(max(0.0, min(0.1, deadline - time.monotonic()))):
            if time.monotonic() >= deadline:
                handle.cancel()
                raise Failed([diag("S001", Span(program.policy.path, 1, 1), seconds=time_limit)])
        return handle.get().satisfiable



# Providers with unknown facts per clingo control. Why an assumed outcome is possible (`forced`)
# is two enumerations per (provider, zorgsoort, outcome), and each one walks its whole control:
# one control for every incomplete provider of a market would make that quadratic, one control
# per provider would ground the policy again for each. Groups of this size keep both small.
GROUP = 16


def ground(program: Program, facts: list[str]) -> clingo.Control:
    control = clingo.Control(["--warn=none"])
    control.add("base", [], program.text)
    control.add("base", [], "\n".join(facts))
    try:
        control.ground([("base", [])])
    except RuntimeError as error:  # clingo reports grounding errors this way
        raise Failed([diag("S002", Span(program.policy.path, 1, 1), reason=str(error))]) from None
    return control


class Completions:
    """The providers with unknown facts, grounded in groups of `GROUP` with their choice rules."""

    def __init__(self, program: Program, facts: dict[int, list[str]], ids: list, time_limit: float):
        self.program = program
        self.ids = ids
        self.time_limit = time_limit
        numbers = list(facts)
        self.controls: list[clingo.Control] = []
        self.control_of: dict[int, clingo.Control] = {}
        for start in range(0, len(numbers), GROUP):
            group = numbers[start:start + GROUP]
            control = ground(program, [fact for number in group for fact in facts[number]])
            control.configuration.solve.models = 0
            self.controls.append(control)
            self.control_of.update(dict.fromkeys(group, control))

    def consequences(self, mode: str) -> Model:
        """What holds in some ("brave") or every ("cautious") completion, over every group."""
        model = Model()
        for control in self.controls:
            self._consequences(control, mode, model)
        return model

    def _consequences(self, control: clingo.Control, mode: str, model: Model, assumptions=()) -> bool:
        """Adds to `model`; False if there is no completion. clingo's last model of these
        enumeration modes is the consequence set."""
        control.configuration.solve.enum_mode = mode
        last: list = [[]]
        found = run(control, self.program, self.time_limit,
                    lambda m: last.__setitem__(0, m.symbols(shown=True)), assumptions)
        if found:
            collect(last[0], model, self.ids, self.program.keys)
        return found

    def forced(self, number: int, z: str, outcome: Outcome, tier: str | None, nodes: list[tuple]) -> dict | None:
        """`outcome` (with `tier`) assumed: of the given nodes ((tier?, model key)), those that
        hold in every such completion (True) and those that hold in none (False); None if the
        outcome has no completion."""
        p = clingo.Number(number)
        assumptions = [(clingo.Function("_decision", [p, clingo.Function(z), clingo.Function(outcome.value)]), True)]
        if tier is not None:
            assumptions.append((clingo.Function("_tier", [p, clingo.Function(z), clingo.String(tier)]), True))
        control = self.control_of[number]
        # Only these nodes' atoms are read from the consequences, not the group's whole model
        # (the shown _h/_th are terms, not atoms: `contains` needs the atoms they show).
        atoms = [clingo.parse_term(f"{'_tier_holds' if tier_node else '_holds'}({number},{z},{owner},{node})")
                 for tier_node, (_p, z, owner, node) in nodes]
        brave = self._holding(control, "brave", atoms, assumptions)
        if brave is None:
            return None
        cautious = self._holding(control, "cautious", atoms, assumptions)
        forced = {}
        for node, in_brave, in_cautious in zip(nodes, brave, cautious):
            if in_cautious:
                forced[node] = True
            elif not in_brave:
                forced[node] = False
        return forced

    def _holding(self, control: clingo.Control, mode: str, atoms: list, assumptions) -> list[bool] | None:
        """Which of `atoms` are brave or cautious consequences; None if there is no completion."""
        control.configuration.solve.enum_mode = mode
        last: list = [[]]
        found = run(control, self.program, self.time_limit,
                    lambda m: last.__setitem__(0, [m.contains(a) for a in atoms]), assumptions)
        return last[0] if found else None


def collect(symbols, model: Model, ids: list[tuple[str, str]], keys: list[tuple[bool, str, str, int]]) -> None:
    # The hot loop of a large batch: condition nodes arrive as _h(P,K)/_th(P,K), two numbers each,
    # and are read here directly. Every other shown atom is decoded to its type in `atoms`.
    holds, tier_holds = model.holds.add, model.tier_holds.add
    for symbol in symbols:
        name = symbol.name
        if name == "_h" or name == "_th":
            args = symbol.arguments
            tier, z, owner, number = keys[args[1].number]
            (tier_holds if tier else holds)((ids[args[0].number], z, owner, number))
            continue
        atom = atoms.decode(symbol)
        key = (ids[atom.provider], atom.care_type)
        match atom:
            case atoms.Decided():
                model.decision.setdefault(key, set()).add(atom.outcome)
            case atoms.TierGot():
                model.tier.setdefault(key, set()).add(atom.label)
            case atoms.Inactive():
                model.inactive.add((*key, atom.clause))
            case atoms.Excepted():
                model.excepted.add((*key, atom.clause))
            case atoms.FactorMet():
                model.factor.setdefault(key, set()).add(atom.factor)
            case atoms.FactorVia():
                model.factor_via.setdefault(key, {}).setdefault(atom.via, []).append(atom.factor)
            case atoms.FactorCount():
                model.nfactors[key] = atom.count
            case atoms.StartDate():
                model.start_date.setdefault(key, {})[atom.rule] = atom.date
            case _:
                raise TypeError(f"no place in the model for {atom}")
