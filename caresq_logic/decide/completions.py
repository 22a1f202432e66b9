"""Solving with clingo: the shown atoms of a model (`Model`), one solve under the time limit
(`run`), the one model of the complete providers (`complete_model`: a market's halves on two
cores), the brave and cautious consequences of the providers with unknown facts, enumerated
together, `CONSEQUENCES_GROUP` per control (`consequences`), and for the undecided ones, grounded again in small groups
(`Completions`), which condition nodes an assumed outcome forces."""

from __future__ import annotations

from dataclasses import dataclass, field
import math

import clingo

from ..asp.compiler import Program
from ..diagnostics import Failed, Span, diag
from ..language.kinds import Outcome
from . import atoms, bounded, forked


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



# Incomplete providers per control whose consequences are enumerated together. clingo reports
# a model per step of its enumeration, each one over the whole control, and the steps needed grow
# with the providers' unknowns; each control also parses the program again. Measured (CPU s, the
# paramedische_zorg part of tests/test_batch.py's market / the peers' 10k with two unknowns
# each): 16 -> 10.9 / 1.0; 64 -> 8.0 / 0.8; 128 -> 8.0 / 1.0; 256 -> 8.8 / 0.9; all in one -> 13.0 / 0.8.
CONSEQUENCES_GROUP = 128

# Why an assumed outcome is possible (`forced`) is two enumerations per (provider, zorgsoort,
# outcome), and each one walks its whole control: the providers it is asked for (only the
# undecided ones) are grounded again in groups of this size, apart from the rest of the market.
GROUP = 16


def ground(program: Program, facts: list[str], time_limit: float = math.inf) -> clingo.Control:
    control = clingo.Control(["--warn=none"])
    where = Span(program.policy.path, 1, 1)
    try:   # in a thread of its own, within --tijdslimiet: clingo's grounder cannot be interrupted
        bounded.ground(control, where, (program.text, "\n".join(facts)), bounded.until(time_limit))
    except RuntimeError as error:  # clingo reports grounding errors this way
        raise Failed([diag("S002", where, reason=str(error))]) from None
    return control


def consequences(control: clingo.Control, program: Program, ids: list, time_limit: float) -> tuple[Model, Model]:
    """What holds in some (brave) and in every (cautious) completion of a control's choices. The
    providers of one control are independent (no rule relates two), so one enumeration over all
    of them gives each one's consequences: complete ones are facts, in both."""
    control.configuration.solve.models = 0
    possible, certain = Model(), Model()
    seen: dict = {}
    for mode, model in (("brave", possible), ("cautious", certain)):
        symbols = _consequence(control, program, time_limit, mode, lambda m: m.symbols(shown=True))
        if symbols is not None:
            collect(symbols, model, ids, program.keys, seen)
    return possible, certain


def _consequence(control: clingo.Control, program: Program, time_limit: float, mode: str, read, assumptions=()):
    """`read` of the brave or cautious consequences (clingo's last model in these enumeration
    modes is the consequence set); None if there is no completion."""
    control.configuration.solve.enum_mode = mode
    last: list = [None]
    found = run(control, program, time_limit, lambda m: last.__setitem__(0, read(m)), assumptions)
    return last[0] if found else None


# Complete providers from which one half is solved in a forked child (`forked`): the fork and the
# pickled model cost ~10 ms, grounding and solving a market's profile ~0.3 ms.
FORK_FROM = 256


def complete_model(program: Program, complete: list[list[str]], ids: list, time_limit: float) -> Model:
    """The one model of the complete providers (their facts, per provider). Many of them (a
    market's profiles) are split in two halves, grounded and solved at once on two cores."""
    def model_of(part: list[list[str]]) -> Model:
        model = Model()
        control = ground(program, [fact for facts in part for fact in facts], time_limit)
        run(control, program, time_limit, lambda m: collect(m.symbols(shown=True), model, ids, program.keys))
        return model

    if len(complete) < FORK_FROM:
        return model_of(complete)
    half = len(complete) // 2
    return merge(*forked.beside(lambda: model_of(complete[:half]), lambda: model_of(complete[half:])))


def merge(model: Model, other: Model) -> Model:
    """The union of two models over disjoint providers (complete and incomplete ones, two halves)."""
    for name in model.__dataclass_fields__:
        mine, theirs = getattr(model, name), getattr(other, name)
        if isinstance(mine, set):
            mine |= theirs
        else:
            mine.update(theirs)
    return model


class Completions:
    """The providers with unknown facts (their facts with their choice rules), grounded in groups
    of `GROUP` when asked (`prepare`) for what forces an outcome."""

    def __init__(self, program: Program, facts: dict[int, list[str]], time_limit: float):
        self.program = program
        self.facts = facts
        self.time_limit = time_limit
        self.control_of: dict[int, clingo.Control] = {}

    def prepare(self, numbers: list[int]) -> None:
        """Ground the given providers (undecided ones) in groups, for `forced`."""
        numbers = [k for k in dict.fromkeys(numbers) if k not in self.control_of]
        for start in range(0, len(numbers), GROUP):
            group = numbers[start:start + GROUP]
            control = ground(self.program, [fact for number in group for fact in self.facts[number]], self.time_limit)
            control.configuration.solve.models = 0
            self.control_of.update(dict.fromkeys(group, control))

    def forced(self, number: int, z: str, outcome: Outcome, tier: str | None, nodes: list[tuple]) -> dict | None:
        """`outcome` (with `tier`) assumed: of the given nodes ((tier?, model key)), those that
        hold in every such completion (True) and those that hold in none (False); None if the
        outcome has no completion."""
        p = clingo.Number(number)
        assumptions = [(clingo.Function("_decision", [p, clingo.Function(z), clingo.Function(outcome.value)]), True)]
        if tier is not None:
            assumptions.append((clingo.Function("_tier", [p, clingo.Function(z), clingo.String(tier)]), True))
        self.prepare([number])
        control = self.control_of[number]
        # Only these nodes' atoms are read from the consequences, not the group's whole model
        # (the shown _h/_th are terms, not atoms: `contains` needs the atoms they show).
        atoms = [clingo.parse_term(f"{'_tier_holds' if tier_node else '_holds'}({number},{z},{owner},{node})")
                 for tier_node, (_p, z, owner, node) in nodes]

        def holding(model: clingo.Model) -> list[bool]:
            return [model.contains(a) for a in atoms]

        brave = _consequence(control, self.program, self.time_limit, "brave", holding, assumptions)
        if brave is None:
            return None
        cautious = _consequence(control, self.program, self.time_limit, "cautious", holding, assumptions)
        forced = {}
        for node, in_brave, in_cautious in zip(nodes, brave, cautious):
            if in_cautious:
                forced[node] = True
            elif not in_brave:
                forced[node] = False
        return forced


def collect(symbols, model: Model, ids: list[tuple[str, str]], keys: list[tuple[bool, str, str, int]],
            seen: dict | None = None) -> None:
    # The hot loop of a large batch. Reading a symbol from clingo costs foreign calls, so each
    # distinct symbol is read once: `seen` (Symbol -> what it says) is shared by the reads of one
    # control (its brave and cautious consequences). Condition nodes arrive as _h(P,K)/_th(P,K),
    # two numbers each; every other shown atom is decoded to its type in `atoms`.
    seen = {} if seen is None else seen
    holds, tier_holds = model.holds.add, model.tier_holds.add
    for symbol in symbols:
        atom = seen.get(symbol)
        if atom is None:
            atom = seen[symbol] = _read(symbol, ids, keys)
        if type(atom) is tuple:
            (tier_holds if atom[0] else holds)(atom[1])
            continue
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


def _read(symbol, ids: list, keys: list):
    """(tier?, model key) of a condition node's _h/_th, else the typed atom: from the symbol's
    text, one foreign call (its name and two numbers would be five)."""
    text = str(symbol)
    if text.startswith("_h(") or text.startswith("_th("):
        provider, key = text[text.index("(") + 1:-1].split(",")
        tier, z, owner, number = keys[int(key)]
        return tier, (ids[int(provider)], z, owner, number)
    return atoms.decode_text(text, symbol)
