"""Solving with clingo: the shown atoms of a model (`Model`), one solve under the time limit
(`run`), and the providers with unknown facts grounded in small groups (`Completions`): their brave and
cautious consequences, and which condition nodes an assumed outcome forces."""

from __future__ import annotations

from dataclasses import dataclass, field
import math

import clingo

from ..asp.compiler import Program
from ..diagnostics import Failed, Span, diag
from ..language.kinds import Outcome
from . import atoms, bounded


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
    """One solve within `time_limit` and the command's --tijdslimiet (S001), stoppable by Ctrl-C."""
    return bounded.solve(control, Span(program.policy.path, 1, 1), bounded.until(time_limit),
                         on_model=on_model, assumptions=list(assumptions)).satisfiable



# Providers with unknown facts per clingo control. Why an assumed outcome is possible (`forced`)
# is two enumerations per (provider, zorgsoort, outcome), and each one walks its whole control:
# one control for every incomplete provider of a market would make that quadratic, one control
# per provider would ground the policy again for each. Groups of this size keep both small.
GROUP = 16


def ground(program: Program, facts: list[str], time_limit: float = math.inf) -> clingo.Control:
    control = clingo.Control(["--warn=none"])
    where = Span(program.policy.path, 1, 1)
    try:   # in a thread of its own, within --tijdslimiet: clingo's grounder cannot be interrupted
        bounded.ground(control, where, (program.text, "\n".join(facts)), bounded.until(time_limit))
    except RuntimeError as error:  # clingo reports grounding errors this way
        raise Failed([diag("S002", where, reason=str(error))]) from None
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
            control = ground(program, [fact for number in group for fact in facts[number]], time_limit)
            control.configuration.solve.models = 0
            self.controls.append(control)
            self.control_of.update(dict.fromkeys(group, control))

    def consequences(self, mode: str) -> Model:
        """What holds in some ("brave") or every ("cautious") completion, over every group."""
        model = Model()
        for control in self.controls:
            symbols = self._consequence(control, mode, lambda m: m.symbols(shown=True))
            if symbols is not None:
                collect(symbols, model, self.ids, self.program.keys)
        return model

    def _consequence(self, control: clingo.Control, mode: str, read, assumptions=()):
        """`read` of the brave or cautious consequences (clingo's last model in these enumeration
        modes is the consequence set); None if there is no completion."""
        control.configuration.solve.enum_mode = mode
        last: list = [None]
        found = run(control, self.program, self.time_limit, lambda m: last.__setitem__(0, read(m)), assumptions)
        return last[0] if found else None

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

        def holding(model: clingo.Model) -> list[bool]:
            return [model.contains(a) for a in atoms]

        brave = self._consequence(control, "brave", holding, assumptions)
        if brave is None:
            return None
        cautious = self._consequence(control, "cautious", holding, assumptions)
        forced = {}
        for node, in_brave, in_cautious in zip(nodes, brave, cautious):
            if in_cautious:
                forced[node] = True
            elif not in_brave:
                forced[node] = False
        return forced


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
