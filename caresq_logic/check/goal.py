"""explain --doel: why a provider does not reach a target, and the smallest changes that would.

Takes: a policy, its compiled `Program`, one provider's validated facts and its `Decision`, and
a target (a tier label, an outcome, or a zorgsoort).
Returns: a `GoalAnswer`. Both questions are clingo's, through the check `Session`:

- why not: the provider's own facts as the witness, every clause and the target tier's own
  condition a switch; the goal is unsatisfiable with all of them on, and the fewest switches
  that must go off to reach it (clingo's core-guided optimisation) are the clauses that block it;
- what must change: the witness space around the provider's stated values (plus the values the
  policy's thresholds need given the others), one unit of cost per changed kenmerk, optimised;
  every optimal set of changes is enumerated (projected on the changes), `onveranderlijk`
  kenmerken never change. Each proposal is decided again by the normal path (`decide.solve`)
  and kept only when it reaches the target.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import clingo

from ..asp.compiler import Program
from ..decide import Decision
from ..decide import solve as decide
from ..language import nodes as n
from ..language.reserved import AANBIEDER, LEVERT
from ..language.conditions import conditions, walk
from ..language.kinds import OUTCOMES, ClauseKind, Outcome
from ..language.resolve import Policy
from ..providers.model import Catalog, Fact, ProviderFile
from ..providers.read import read
from .session import Session
from .space import WITNESS, referenced, witness_space

MAX_PROPOSALS = 5

# The changed cells leave clingo too (the session shows the witness's kenmerken).
SHOW_CHANGED = "#show _diff/1.\n"
GOAL_RULES = f"""
% ---- explain --doel: a tier (or better) with a contract, an outcome, or any contract --------
_reached(doel(Z,tier,L)) :- _goal_id(doel(Z,tier,L)), _decision({WITNESS},Z,zorgovereenkomst),
    _tier({WITNESS},Z,L2), _tier_rank(Z,_,L2,R2), _tier_rank(Z,_,L,R), R2 <= R.
_reached(doel(Z,outcome,O)) :- _goal_id(doel(Z,outcome,O)), _decision({WITNESS},Z,O).
_reached(doel(Z,contract,any)) :- _goal_id(doel(Z,contract,any)), _decision({WITNESS},Z,O), _contract_outcome(O).
_contract_outcome(zorgovereenkomst;doorlopende_overeenkomst).
% Why not: as few clauses switched off as reach the goal (only where switches are left free; the
% lowest priority, so the cost of changes, @2 and @1, is read as before).
#minimize {{ 1@0,C : _switch(C), not _on(C) }}.
"""


@dataclass(frozen=True)
class Change:
    feature: n.Feature
    year: int | None
    care_type: str | None
    before: tuple[object, ...]     # empty: the provider did not state it
    after: tuple[object, ...]      # empty: no longer stated (a ja/nee kenmerk: nee)


@dataclass(frozen=True)
class Proposal:
    changes: tuple[Change, ...]
    file_text: str                 # the changed provider as a .lp file
    outcome: str                   # decided again by the normal path
    tier: str | None


@dataclass(frozen=True)
class GoalAnswer:
    target: str
    care_type: str
    reached: bool                          # the provider already has it
    blocking: tuple[n.Clause, ...]         # a minimal set of clauses that together block it
    tier_blocks: n.Tier | None             # the target tier's own condition is part of that set
    proposals: tuple[Proposal, ...]        # the smallest changes that reach it, each verified
    changes_needed: int | None             # their size; None: no change the provider can make reaches it


@dataclass
class Shared:
    """What the questions for one provider's zorgsoorten share (explain --doel asks them one
    zorgsoort at a time): one grounded session per policy, and every changed provider file already
    decided again (several zorgsoorten often propose the same change)."""
    sessions: dict[tuple, Session] = field(default_factory=dict)
    decided: dict[tuple[str, str], dict[str, Decision]] = field(default_factory=dict)   # (policy, file text) -> per zorgsoort


def goal_term(target: str, policy: Policy, care_type: str) -> str | None:
    """The goal for `target` on `care_type`, or None when the target does not concern it."""
    labels = {t.label.lower(): t.label for t in policy.tiers.get(care_type, ())}
    if target.lower() in labels:
        return f'doel({care_type},tier,"{labels[target.lower()]}")'
    if target in OUTCOMES:
        return f"doel({care_type},outcome,{target})"
    if target == care_type:
        return f"doel({care_type},contract,any)"
    return None


def target_known(target: str, policy: Policy) -> bool:
    return (target in OUTCOMES or target in policy.care_types
            or any(target.lower() == t.label.lower() for ts in policy.tiers.values() for t in ts))


def reaches(decision: Decision, target: str) -> bool:
    """Does a decision (of the normal path) meet the target?"""
    if target in OUTCOMES:
        return decision.outcome is Outcome(target)
    if target == decision.care_type.name:
        return decision.outcome.contracted
    if decision.outcome is not Outcome.CONTRACT or decision.tier is None:
        return False
    labels = [t.tier.label.lower() for t in decision.tiers]
    return target.lower() in labels and labels.index(decision.tier.lower()) <= labels.index(target.lower())


# ---- the question --------------------------------------------------------------------------------


def answer(policy: Policy, program: Program, provider_file: ProviderFile, decision: Decision,
           target: str, catalog: Catalog, shared: Shared | None = None) -> GoalAnswer | None:
    """`shared`: kept between the calls for one provider's zorgsoorten (one grounding serves
    them all: only the goal asked differs)."""
    shared = shared or Shared()
    z = decision.care_type.name
    goal = goal_term(target, policy, z)
    if goal is None:
        return None
    if reaches(decision, target):
        return GoalAnswer(target, z, True, (), None, (), 0)
    facts = [f for f in provider_file.facts_for(policy.features)
             if f.provider == decision.provider and f.predicate != AANBIEDER]
    # Why not names the clauses to switch off: that explains a contract, not the lack of one.
    positive = target not in OUTCOMES or Outcome(target).contracted
    key = (policy.path, provider_file.path, decision.provider, target)
    session = shared.sessions.get(key)
    if session is None:
        session = shared.sessions[key] = _session(policy, facts, target, positive)
    blocking, tier = _why_not(policy, program, goal, session, z) if positive else ((), None)
    proposals, size = _what_must_change(policy, program, goal, session, facts, provider_file, decision, target,
                                        catalog, shared.decided)
    return GoalAnswer(target, z, False, blocking, tier, proposals, size)


def _session(policy: Policy, facts: list[Fact], target: str, positive: bool) -> Session:
    """One program grounded once answers both questions for every zorgsoort of the policy: the
    space around the provider's values, every clause and tier a switch (all on: the policy as it
    is). A continuing contract stands in the way of a new tier, not of a contract as such."""
    goals = [g for g in (goal_term(target, policy, z) for z in policy.care_types) if g is not None]
    also = (ClauseKind.CONTINUING,) if any(",tier," in g for g in goals) or target == Outcome.CONTRACT.value else ()
    # Named by no `benadert alle` clause, a provider is not approached whatever else it meets:
    # those clauses are switches too, so that they can be named as what stands in the way.
    also += (ClauseKind.APPROACHES_ALL,) if positive else ()
    return Session.build(policy, goals, space=_change_space(policy, facts), extra=GOAL_RULES + SHOW_CHANGED,
                         tier_switches=positive, also=also)


def _why_not(policy: Policy, program: Program, goal: str, session: Session, z: str) -> tuple[tuple[n.Clause, ...], n.Tier | None]:
    """The fewest clauses that, switched off together, let the provider as it is reach the goal:
    a minimum correction set, found by clingo's core-guided optimisation (usc) over the clause
    switches left free. Each of them blocks the goal on its own: with any one of them switched
    back on, the goal is out of reach again. The other tiers' own conditions stay as they are."""
    tier_ids = {ident: t for ident, t in program.tier_by_id.items() if ident.startswith("zorgovereenkomst_")}
    target_tier = next((program.tier_ids[(z, t.label)] for t in policy.tiers.get(z, ())
                        if goal == f'doel({z},tier,"{t.label}")'), None)
    kept = {ident for ident in tier_ids if ident != target_tier}
    free = {session.switch_literals[s] for s in session.switches if s not in kept}
    atoms = session.control.symbolic_atoms
    # The provider's facts as they are: no cell changed, no unknown condition assumed met.
    unchanged = [-a.literal for sig in (("_diff", 1), ("_onbekend", 3)) for a in atoms.by_signature(*sig)]
    assumptions = [lit for lit in session.assumptions(goal) if lit not in free and -lit not in free] + unchanged
    off: list[str] = []

    def keep(model: clingo.Model) -> None:   # each model improves on the last; keep the best
        off[:] = [s for s in session.switches if s not in kept and not model.is_true(session.switch_literals[s])]

    config = session.control.configuration.solve
    config.opt_mode, config.project, config.models = "opt", "no", 0
    if not session.solve(assumptions=assumptions, on_model=keep).satisfiable:
        return (), None   # not even with every clause switched off: nothing a clause does
    clauses = tuple(policy.clauses[c] for c in sorted(off) if c in policy.clauses)
    tiers = [tier_ids[c] for c in off if c in tier_ids]
    return clauses, (tiers[0] if tiers else None)


# ---- what must change ----------------------------------------------------------------------------


def _cell(feature: n.Feature, fact_args: list[str]) -> str:
    """The cell a fact fills: kenmerk, year (0: none) and zorgsoort (none), as an ASP term."""
    year = fact_args[0] if feature.per == "jaar" else "0"
    z = fact_args[0] if feature.per == "zorgsoort" else "none"
    return f"c({feature.name},{year},{z})"


def _change_space(policy: Policy, facts: list[Fact]) -> list[str]:
    rules = witness_space(policy, smallest=False)
    rules += [f"_was({f.asp(WITNESS)[:-1]})." for f in facts]
    rules.append(f":- {LEVERT}({WITNESS},Z), not _was({LEVERT}({WITNESS},Z)).")
    stated: dict[tuple[str, int | None], set[int]] = {}
    for f in facts:
        feature = policy.features.get(f.predicate)
        if feature is None or feature.type.kind in ("bool", "choice", "multi"):
            continue
        year = f.args[1].value if feature.per == "jaar" else None
        stated.setdefault((f.predicate, year), set()).add(f.args[-1].value)
    extra = {key: set(values) for key, values in stated.items()}
    # A ratio compares two stated values: the part the stated whole needs, the whole the stated part allows.
    for condition in conditions(policy):
        for node in walk(condition):
            # (an integer percentage only: decimal kenmerken keep the thresholds the policy names)
            if not isinstance(node, n.Ratio) or not isinstance(node.percent.value, int) or node.percent.value == 0:
                continue
            p = node.percent.value
            for whole in stated.get((node.whole.name, node.whole.year), ()):
                c = math.ceil(p * whole / 100)
                extra.setdefault((node.part.name, node.part.year), set()).update({c - 1, c, c + 1})
            for part in stated.get((node.part.name, node.part.year), ()):
                c = 100 * part // p
                extra.setdefault((node.whole.name, node.whole.year), set()).update({c - 1, c, c + 1})
    for (name, year), values in sorted(extra.items(), key=lambda kv: (kv[0][0], kv[0][1] or 0)):
        rules += [f"_witness_value({name},{year or 0},{v})." for v in sorted(values) if isinstance(v, int) and v >= 0]
    for name, year in referenced(policy):
        feature = policy.features[name]
        args = [WITNESS] + ([str(year)] if feature.per == "jaar" else []) + (["Z"] if feature.per == "zorgsoort" else [])
        value = [] if feature.type.kind == "bool" else ["V"]
        atom = f"{name}({','.join(args + value)})"
        cell = f"c({name},{year or 0},{'Z' if feature.per == 'zorgsoort' else 'none'})"
        rules.append(f"_diff({cell}) :- {atom}, not _was({atom}).")
        rules.append(f"_diff({cell}) :- _was({atom}), not {atom}.")
        if feature.immutable:
            rules.append(f":- _diff({cell}).")
        if feature.type.kind in ("int", "count", "percentage", "date"):
            old = f"{name}({','.join(args + ['S'])})"
            rules.append(f"_dist({cell},|V-S|) :- {atom}, _was({old}).")
            rules.append(f"_stated({cell}) :- _was({old}).")
            rules.append(f"_dist({cell},|V|) :- {atom}, not _stated({cell}).")
    rules += [
        "#minimize { 1@2,K : _diff(K) }.",
        # Only once a set of changes is chosen: the values nearest the provider's own.
        "#external _tune. [free]",
        "#minimize { D@1,K : _dist(K,D), _tune }.",
        "#project _diff/1.",
    ]
    return rules


def _what_must_change(policy, program, goal, session, facts, provider_file, decision, target, catalog, decided):
    control = session.control
    base = session.assumptions(goal)
    # Every optimal set of changed kenmerken (projected: one model per set).
    sets: list[frozenset[clingo.Symbol]] = []
    control.configuration.solve.opt_mode = "optN"
    control.configuration.solve.project = "auto"
    control.configuration.solve.models = 0
    cost: list[int] = []

    def keep(model: clingo.Model) -> None:
        if model.optimality_proven:
            changed = frozenset(s for s in model.symbols(shown=True) if s.name == "_diff")
            if changed not in sets:
                sets.append(changed)
            cost[:] = model.cost[:1]

    result = session.solve(assumptions=base, on_model=keep)
    if not result.satisfiable:
        return (), None
    atoms = control.symbolic_atoms
    diffs = [a for a in atoms.by_signature("_diff", 1)]
    tune = atoms[clingo.Function("_tune")].literal
    control.configuration.solve.opt_mode = "opt"
    control.configuration.solve.project = "no"
    control.configuration.solve.models = 0
    candidates = []
    me = clingo.Function(WITNESS)
    for number, changed in enumerate(sorted(sets, key=lambda s: sorted(map(str, s)))[:MAX_PROPOSALS], 1):
        best: list[clingo.Symbol] = []

        def last(model: clingo.Model) -> None:
            best[:] = [s for s in model.symbols(shown=True) if s.arguments and s.arguments[0] == me]

        fixed = [a.literal if a.symbol in changed else -a.literal for a in diffs]
        session.solve(assumptions=base + fixed + [tune], on_model=last)
        candidates.append(_candidate(policy, facts, provider_file, decision, changed, best, target, catalog, number))
    # Every proposal decided again by the normal path, all in one run (one file each); a file
    # proposed for another zorgsoort before is not decided twice.
    new = {changed_file.path: text for _, text, changed_file in candidates if (policy.path, text) not in decided}
    for d in decide(program, [c[2] for c in candidates if c[2].path in new]) if new else ():
        decided.setdefault((policy.path, new[d.file]), {})[d.care_type.name] = d
    proposals = []
    for changes, text, changed_file in candidates:
        result = decided.get((policy.path, text), {}).get(decision.care_type.name)
        if result is not None and reaches(result, target):   # never propose what does not work
            proposals.append(Proposal(changes, text, result.outcome, result.tier))
    return tuple(proposals), (cost[0] if cost else None)


def _candidate(policy, facts, provider_file, decision, changed, model_facts, target, catalog, number):
    """A proposal before it is checked: its changes, the changed provider file and its reading."""
    cells = {str(s.arguments[0]) for s in changed}

    def cell_of(predicate: str, args: list[str]) -> str | None:
        feature = policy.features.get(predicate)
        return None if feature is None else _cell(feature, args)

    kept = [f for f in facts if cell_of(f.predicate, [a.asp() for a in f.args[1:]]) not in cells]
    new = [s for s in model_facts if s.name in policy.features and cell_of(s.name, [str(a) for a in s.arguments[1:]]) in cells]
    changes = []
    for cell in sorted(cells):
        symbol = clingo.parse_term(cell)
        feature = policy.features[symbol.arguments[0].name]
        year = symbol.arguments[1].number or None
        z = None if symbol.arguments[2].name == "none" else symbol.arguments[2].name
        before = tuple(_value(feature, f.args[-1].value) for f in facts if f.predicate == feature.name
                       and not f.negated and cell_of(f.predicate, [a.asp() for a in f.args[1:]]) == cell)
        after = tuple(_value(feature, s.arguments[-1]) for s in new if s.name == feature.name
                      and cell_of(s.name, [str(a) for a in s.arguments[1:]]) == cell)
        if feature.type.kind == "bool":   # stated ja, stated nee, or not stated (unknown: empty)
            said = [f for f in facts if f.predicate == feature.name
                    and cell_of(f.predicate, [a.asp() for a in f.args[1:]]) == cell]
            before = ("ja",) if before else ("nee",) if said else ()
            after = ("ja",) if after else ("nee",)
        changes.append(Change(feature, year, z, before, after))
    provider = decision.provider
    name = provider_file.names.get(provider)
    lines = [f"% {decision.provider}: voorgesteld door caresq-logic explain --doel {target}"]
    if name is not None:
        lines.append(f"{AANBIEDER}({provider}, {_string(name)}).")
    lines += [("-" if f.negated else "") + _fact_text(policy, f.predicate, provider, [a.asp() for a in f.args[1:]])
              for f in kept]
    lines += [_fact_text(policy, s.name, provider, [str(a) for a in s.arguments[1:]]) for s in new]
    # A ja/nee changed to nee is stated as nee, a meerkeuze emptied as empty: left out, it would be unknown.
    lines += [f"-{c.feature.name}({', '.join([provider] + [str(a) for a in (c.year, c.care_type) if a])})."
              for c in changes if (c.feature.type.kind, c.after) in (("bool", ("nee",)), ("multi", ()))]
    text = "\n".join(lines) + "\n"
    changed_file = read(text.encode("utf-8"), f"{provider_file.path} (--doel {target}, {number})", catalog)
    return tuple(changes), text, changed_file


def _value(feature: n.Feature, value) -> object:
    if isinstance(value, clingo.Symbol):
        value = value.number if value.type == clingo.SymbolType.Number else (
            value.string if value.type == clingo.SymbolType.String else str(value))
    if feature.type.kind == "date" and isinstance(value, int):
        return f"{value // 10000:04d}-{value // 100 % 100:02d}-{value % 100:02d}"
    return value


def _string(text: str) -> str:
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _fact_text(policy: Policy, predicate: str, provider: str, args: list[str]) -> str:
    """A fact as a provider file states it (a date as "JJJJ-MM-DD")."""
    feature = policy.features.get(predicate)
    if feature is not None and feature.type.kind == "date" and args:
        number = int(args[-1])
        args[-1] = f'"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"'
    return f"{predicate}({', '.join([provider, *args])})."
