"""Decide: compiled program + provider facts -> clingo -> typed, explained decisions.

Takes: a `compiler.Program` and the validated `provider.ProviderFile`s.
Returns: one `Decision` per (provider, zorgsoort) the policy applies to, each carrying the
evaluation of every clause (which held, which failed, with the provider's values), the factors
counted, the tier and what is missing for the next one.

One clingo call decides all providers at once: the program is stratified, so the grounder
settles every atom and the single model is the decision. The explanation is read from that same
model (`holds` of every condition node; in a clause's scope, a node that does not hold fails),
and mapped back to clauses through the compiler's node table, never by parsing strings. The
deciding values are the provider's own validated facts, which is what the leaves read.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from dataclasses import dataclass, field
import clingo

from ..language import nodes as n
from ..language.kinds import ClauseKind, Outcome
from ..language import printer
from ..asp.compiler import NodeRef, Program
from ..diagnostics import Failed, Span, diag
from ..providers.model import ProviderFile
from ..language.conditions import refs
from ..language.reserved import LEVERT
from . import atoms, bounded
from .results import ClauseResult, Decision, NodeResult, ReadingNote, TierResult, Value


# Wall-clock seconds for a whole command (--tijdslimiet): a safety net, not a tuning knob. The real
# policies decide and check in a few seconds; a market file at the size limit needs about a minute.
DEFAULT_TIME_LIMIT = 300.0
# Condition nodes to ground (provider x delivered zorgsoort x node). The language has no
# recursion, so this count bounds grounding; 10,000 physiotherapy practices need ~400,000.
DEFAULT_GROUND_LIMIT = 20_000_000


@dataclass
class _Model:
    """The shown atoms of the one model, indexed by (provider, zorgsoort)."""

    decision: dict[tuple, Outcome] = field(default_factory=dict)
    tier: dict[tuple, str] = field(default_factory=dict)
    holds: set[tuple] = field(default_factory=set)
    tier_holds: set[tuple] = field(default_factory=set)
    inactive: set[tuple] = field(default_factory=set)
    excepted: set[tuple] = field(default_factory=set)
    factor: dict[tuple, set[str]] = field(default_factory=dict)
    factor_via: dict[tuple, dict[str, list[str]]] = field(default_factory=dict)
    nfactors: dict[tuple, int] = field(default_factory=dict)
    start_date: dict[tuple, dict[str, int]] = field(default_factory=dict)


# ---- solving ------------------------------------------------------------------------------------


def ground_size(program: Program, providers: list[ProviderFile]) -> int:
    """How many condition nodes grounding will instantiate: exact for this encoding."""
    per_care_type: dict[str, int] = {}
    for _tier, care_type, _owner, _number in program.keys:
        per_care_type[care_type] = per_care_type.get(care_type, 0) + 1
    return sum(
        per_care_type.get(str(f.args[1].value), 0)
        for provider_file in providers for f in provider_file.facts if f.predicate == LEVERT
    )


def solve(program: Program, providers: list[ProviderFile], time_limit: float = DEFAULT_TIME_LIMIT,
          ground_limit: int = DEFAULT_GROUND_LIMIT) -> list[Decision]:
    size = ground_size(program, providers)
    if size > ground_limit:   # refuse before grounding: clingo's grounder cannot be interrupted
        raise Failed([diag("S003", Span(program.policy.path, 1, 1), size=size, limit=ground_limit)])
    # Providers reach clingo as numbers 0..N-1, one per (file, id): facts of different files never
    # mix, and an id comes back as one cheap `.number`.
    index: dict[tuple[str, str], int] = {}
    facts = []
    for provider_file in providers:
        for fact in provider_file.facts_for(program.policy.features):
            number = index.setdefault((provider_file.path, fact.provider), len(index))
            facts.append(fact.asp(str(number)))
    control = clingo.Control(["--warn=none"])
    where, bound = Span(program.policy.path, 1, 1), bounded.until(time_limit)
    try:   # in a thread of its own, within --tijdslimiet: clingo's grounder cannot be interrupted
        bounded.ground(control, where, (program.text, "\n".join(facts)), bound)
    except RuntimeError as error:  # clingo reports grounding errors this way
        raise Failed([diag("S002", where, reason=str(error))]) from None
    model = _Model()
    ids = list(index)
    bounded.solve(control, where, bound, on_model=lambda m: _collect(m, model, ids, program.keys))
    return _Decoder(program, model, providers).decisions()


def _collect(m: clingo.Model, model: _Model, ids: list[tuple[str, str]], keys: list[tuple[bool, str, str, int]]) -> None:
    # The hot loop of a large batch: condition nodes arrive as _h(P,K)/_th(P,K), two numbers each,
    # and are read here directly. Every other shown atom is decoded to its type in `atoms`.
    holds, tier_holds = model.holds.add, model.tier_holds.add
    for symbol in m.symbols(shown=True):
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
                model.decision[key] = atom.outcome
            case atoms.TierGot():
                model.tier[key] = atom.label
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


def date_of(number: int) -> dt.date | None:
    try:
        return dt.date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        return None


def _readings_read(outcome: Outcome, clauses: tuple[ClauseResult, ...], term: n.Term | None, starts: list,
                   has_tiers: bool) -> tuple[ReadingNote, ...]:
    """The flagged readings of the clauses whose result this outcome was read from (the rules of
    `prelude`): another policy's turn reads only `ander beleid`; a continuing contract only
    `doorlopend`; otherwise the conditions, and unless one failed the exclusions and (with tiers)
    the factors; the approach only for a zorgsoort that could be offered; the routes only when
    there is no contract. Plus the looptijd and ingangsdatum shown."""
    K = ClauseKind
    blocked = any(c.active and not c.met for c in clauses if c.clause.kind.required)
    if outcome is Outcome.ELSEWHERE:
        read = {K.ELSEWHERE}
    elif outcome is Outcome.CONTINUING_CONTRACT:
        read = {K.CONTINUING}
    else:
        read = {K.CONTINUING} | {k for k in K if k.required}
        if not blocked:
            read |= {K.EXCLUSION} | ({K.FACTOR} if has_tiers else set())
        if outcome in (Outcome.CONTRACT, Outcome.NOT_APPROACHED):
            read |= {K.APPROACHED, K.NOT_APPROACHED}
        if not outcome.contracted:
            read.add(K.ROUTE)
    items = [c.clause for c in clauses if c.clause.kind in read]
    if term is not None and outcome is Outcome.CONTRACT:
        items.append(term)
    items.extend(rule for rule, _date, _value in starts)
    return tuple(ReadingNote(i.id, i.citation, i.reading, i.span) for i in items if i.reading is not None)


# ---- decoding ------------------------------------------------------------------------------------


class _Decoder:
    def __init__(self, program: Program, model: _Model, providers: list[ProviderFile]):
        self.program = program
        self.policy = program.policy
        self.model = model
        self.names: dict[tuple[str, str], str] = {}
        self.facts: dict[tuple[tuple[str, str], str], list] = {}   # ((file, provider), kenmerk) -> facts
        for provider_file in providers:
            path = provider_file.path
            self.names.update({(path, p): name for p, name in provider_file.names.items()})
            for fact in provider_file.facts_for(self.policy.features):
                self.facts.setdefault(((path, fact.provider), fact.predicate), []).append(fact)

    def decisions(self) -> list[Decision]:
        result = []
        for (provider, care_type), outcome in sorted(self.model.decision.items()):
            result.append(self.decision(provider, care_type, outcome))
        return result

    def decision(self, p: tuple[str, str], z: str, outcome: Outcome) -> Decision:
        """`p` is (file, provider id)."""
        policy = self.policy
        clauses = tuple(
            self.clause(p, z, c) for c in policy.clauses.values() if policy.applies_to(c, z)
        )
        tiers = tuple(self.tier(p, z, t) for t in policy.tiers.get(z, ()))
        tier = self.model.tier.get((p, z))
        next_tier = None
        if tiers:
            labels = [t.tier.label for t in tiers]
            position = labels.index(tier) if tier in labels else len(labels)
            next_tier = tiers[position - 1] if position > 0 else None
        term = next((t for t in policy.terms if policy.applies_to(t, z)), None)
        starts = []
        for rule in policy.start_rules:
            number = self.model.start_date.get((p, z), {}).get(rule.id)
            if number is not None and date_of(number):
                starts.append((rule, date_of(number), self.value(p, z, rule.ref)))
        milestones = tuple(m for m in policy.milestones if not policy.scope(m) or policy.applies_to(m, z))
        parents = tuple(
            (parent, self.model.decision[(p, parent)], self.model.tier.get((p, parent)))
            for parent in policy.care_types[z].parents if (p, parent) in self.model.decision
        )
        return Decision(
            file=p[0],
            provider=p[1],
            provider_name=self.names.get(p),
            care_type=policy.care_types[z],
            outcome=outcome,
            tier=tier,
            clauses=clauses,
            factors=tuple(sorted(self.model.factor.get((p, z), ()))),
            factor_count=self.model.nfactors.get((p, z), 0),
            tiers=tiers,
            next_tier=next_tier,
            term=term,
            start_dates=tuple(starts),
            milestones=milestones,
            parents=parents,
            contract_year=self.program.contract_year,
            readings=_readings_read(outcome, clauses, term, starts, bool(tiers)),
        )

    def clause(self, p: tuple[str, str], z: str, clause: n.Clause) -> ClauseResult:
        roots = self.program.roots
        condition = self.node(p, z, clause.id, roots[(clause.id, "condition")], tier=False)
        guard = exception = None
        if (clause.id, "guard") in roots:
            guard = self.node(p, z, clause.id, roots[(clause.id, "guard")], tier=False)
        if (clause.id, "exception") in roots:
            exception = self.node(p, z, clause.id, roots[(clause.id, "exception")], tier=False)
        via = tuple(sorted(self.model.factor_via.get((p, z), {}).get(clause.id, ())))
        return ClauseResult(
            clause=clause,
            active=(p, z, clause.id) not in self.model.inactive,
            met=condition.holds,
            condition=condition,
            guard=guard,
            exception=exception,
            excepted=(p, z, clause.id) in self.model.excepted,
            via=via,
        )

    def tier(self, p: tuple[str, str], z: str, tier: n.Tier) -> TierResult:
        ident = self.program.tier_ids[(z, tier.label)]
        condition = self.node(p, z, ident, 0, tier=True)
        return TierResult(tier, condition.holds, condition)

    def node(self, p: tuple[str, str], z: str, owner: str, number: int, tier: bool) -> NodeResult:
        ref: NodeRef = self.program.nodes[(owner, number)]
        condition = ref.node
        holds = (p, z, owner, number) in (self.model.tier_holds if tier else self.model.holds)
        children: tuple[NodeResult, ...] = ()
        values: tuple[Value, ...] = ()
        if isinstance(condition, n.Not) and isinstance(condition.operand, n.LEAVES):
            # `niet x` reads best as one line with x's values, not as x with a flipped mark.
            values = tuple(self.value(p, z, r) for r in refs(condition.operand))
        elif ref.children:
            children = tuple(self.node(p, z, owner, child, tier) for child in ref.children)
        else:
            values = tuple(self.value(p, z, r) for r in refs(condition))
        return NodeResult(ref.text, holds, values, children, condition.span, condition)

    def value(self, p: tuple[str, str], z: str, ref: n.Ref) -> Value:
        return provider_value(self.policy, self.facts, p, z, ref)


def provider_value(policy, facts_by_kenmerk: dict, p, z: str, ref: n.Ref) -> Value:
    """What the provider's file says for `ref` (for this zorgsoort, for that year);
    `facts_by_kenmerk` maps (p, kenmerk) to that provider's facts. Shared with `batch`, which
    gives every member of a profile its own values."""
    feature = policy.features[ref.name]
    facts = facts_by_kenmerk.get((p, ref.name), [])
    if feature.per == "jaar":
        facts = [f for f in facts if f.args[1].value == ref.year]
    elif feature.per == "zorgsoort":
        facts = [f for f in facts if f.args[1].value == z]
    if feature.type.kind == "bool":
        values: list[object] = ["ja" if facts else "nee"]
    else:
        values = sorted({f.args[-1].value for f in facts}, key=str)
        if feature.type.kind == "date":
            values = [date_of(v) for v in values]
        elif feature.type.decimals:
            values = [printer.number(Decimal(v) / feature.type.scale) for v in values]
    return Value(printer.ref(ref), feature.type.kind, tuple(values))
