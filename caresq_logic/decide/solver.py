"""Decide: compiled program + provider facts -> clingo -> typed, explained decisions.

Takes: a `compiler.Program` and the validated `provider.ProviderFile`s.
Returns: one `Decision` per (provider, zorgsoort) the policy applies to, each carrying the
evaluation of every clause (which held, which failed, with the provider's values), the factors
counted, the tier and what is missing for the next one.

One clingo call decides all providers whose facts are complete: the program is stratified, so
the grounder settles every atom and the single model is the decision (the fast path; a market's
profiles in two halves at once, one in a forked child: `completions.complete_model`). Providers
with unknown facts (`unknowns`) go to further calls, up to CONSEQUENCES_GROUP providers each,
whose choice rules range over every completion: its cautious consequences are what holds in all
completions, its brave ones what holds in some (no rule relates two providers, so one
enumeration serves them all). A decision
that differs between completions is "onbeslist"; for each possible outcome one more pair of
calls, with that outcome assumed, on a small group of undecided providers, says which unknown
facts decide it. The explanation is read from that same
model (`holds` of every condition node; in a clause's scope, a node that does not hold fails),
and mapped back to clauses through the compiler's node table, never by parsing strings. The
deciding values are the provider's own validated facts, which is what the leaves read.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..language import nodes as n
from ..language.kinds import ClauseKind, Outcome
from ..language import printer
from ..asp.compiler import NodeRef, Program
from ..diagnostics import Failed, Span, diag
from ..providers.model import ProviderFile
from ..language.conditions import refs
from ..language.reserved import LEVERT
from .results import ClauseResult, Decision, NodeResult, Possibility, ReadingNote, TierResult, Unstated, Value
from .completions import CONSEQUENCES_GROUP, Completions, Model, complete_model, consequences, ground, merge
from .unknowns import UNSTATED_BY_TEXT, Unknowns


# Outcomes whose tier is part of what is decided (the contract offered, or the one it would be).
WITH_TIER = (Outcome.CONTRACT, Outcome.NOT_APPROACHED)
# Wall-clock seconds for a whole command (--tijdslimiet): a safety net, not a tuning knob. The real
# policies decide and check in a few seconds; a market file at the size limit needs a few minutes.
DEFAULT_TIME_LIMIT = 300.0
# Condition nodes to ground (provider x delivered zorgsoort x node). The language has no
# recursion, so this count bounds grounding; 10,000 physiotherapy practices need ~400,000.
DEFAULT_GROUND_LIMIT = 20_000_000


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
          ground_limit: int = DEFAULT_GROUND_LIMIT, values: bool = True) -> list[Decision]:
    """`values=False`: the leaves and start dates carry no provider values (`Value`s): for the
    stand-ins of `batch`, whose members' values are read per member asked."""
    size = ground_size(program, providers)
    if size > ground_limit:   # refuse before grounding: clingo's grounder cannot be interrupted
        raise Failed([diag("S003", Span(program.policy.path, 1, 1), size=size, limit=ground_limit)])
    # Providers reach clingo as numbers 0..N-1, one per (file, id): facts of different files never
    # mix, and an id comes back as one cheap `.number`.
    index: dict[tuple[str, str], int] = {}
    by_provider: dict[int, list] = {}
    for provider_file in providers:
        for fact in provider_file.facts_for(program.policy.features):
            number = index.setdefault((provider_file.path, fact.provider), len(index))
            by_provider.setdefault(number, []).append(fact)
    unknowns = Unknowns.of(program.policy)
    complete: list[list[str]] = []
    incomplete: dict[int, list[str]] = {}
    unknown: dict[int, list] = {}
    for number, provider_facts in by_provider.items():
        choices, missing = unknowns.completions(str(number), provider_facts)
        stated = [f.asp(str(number)) for f in provider_facts if not f.negated]   # nee is the absence of the atom
        if choices:
            incomplete[number] = stated + choices
            unknown[number] = missing
        else:
            complete.append(stated)
    ids = list(index)
    # Complete providers: one model. Incomplete ones: controls of CONSEQUENCES_GROUP with their
    # choice rules, whose brave and cautious consequences are enumerated apart from the complete
    # ones' facts.
    certain = possible = Model()
    if complete or not incomplete:
        certain = possible = complete_model(program, complete, ids, time_limit)
    numbers = list(incomplete)
    for start in range(0, len(numbers), CONSEQUENCES_GROUP):
        group = numbers[start:start + CONSEQUENCES_GROUP]
        control = ground(program, [fact for number in group for fact in incomplete[number]], time_limit)
        some, every = consequences(control, program, ids, time_limit)
        possible, certain = merge(some, possible), merge(every, certain)
    completions = Completions(program, incomplete, time_limit) if incomplete else None
    return _Decoder(program, certain, possible, providers, ids, unknown, completions, values).decisions()


def date_of(number: int) -> dt.date | None:
    try:
        return dt.date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        return None


# ---- decoding ------------------------------------------------------------------------------------


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
            read |= {K.APPROACHED, K.APPROACHES_ALL, K.NOT_APPROACHED}
        if not outcome.contracted:
            read.add(K.ROUTE)
    items = [c.clause for c in clauses if c.clause.kind in read]
    if term is not None and outcome is Outcome.CONTRACT:
        items.append(term)
    items.extend(rule for rule, _date, _value in starts)
    return tuple(ReadingNote(i.id, i.citation, i.reading, i.span) for i in items if i.reading is not None)


class _Decoder:
    def __init__(self, program: Program, certain: Model, possible: Model, providers: list[ProviderFile],
                 ids: list[tuple[str, str]], unknown: dict[int, list], completions: "Completions | None",
                 values: bool = True):
        self.program = program
        self.values = values
        self.shared: dict[tuple, NodeResult] = {}   # without values: node results by their shape
        self.shared_clauses: dict[tuple, ClauseResult] = {}   # and clause results
        self.policy = program.policy
        self.model = certain          # what holds in every completion (for complete data: the model)
        self.possible = possible      # what holds in some completion
        self.completions = completions
        self.numbers = {p: number for number, p in enumerate(ids)}
        self.unknown = {ids[number]: set(keys) for number, keys in unknown.items()}
        self.names: dict[tuple[str, str], str] = {}
        self.facts: dict[tuple[tuple[str, str], str], list] = {}   # ((file, provider), kenmerk) -> facts
        for provider_file in providers:
            path = provider_file.path
            self.names.update({(path, p): name for p, name in provider_file.names.items()})
            for fact in provider_file.facts_for(self.policy.features) if values else ():
                self.facts.setdefault(((path, fact.provider), fact.predicate), []).append(fact)

    def decisions(self) -> list[Decision]:
        keys = sorted(self.possible.decision)
        if self.completions is not None:   # the undecided ones' groups, for what forces each outcome
            self.completions.prepare([self.numbers[p] for p, z in keys if self.outcome(p, z)[0] is Outcome.UNDECIDED])
        return [self.decision(provider, care_type) for provider, care_type in keys]

    def outcome(self, p: tuple[str, str], z: str) -> tuple[Outcome, str | None]:
        """The outcome and tier every completion agrees on, or (UNDECIDED, None)."""
        outcomes = self.possible.decision.get((p, z), set())
        tiers = self.possible.tier.get((p, z), set())
        certain_tier = next(iter(self.model.tier.get((p, z), ())), None)
        if len(outcomes) != 1:
            return Outcome.UNDECIDED, None
        outcome = next(iter(outcomes))
        if outcome in WITH_TIER and len(tiers) > 1:
            return Outcome.UNDECIDED, None
        return outcome, certain_tier if len(tiers) == 1 else None

    def decision(self, p: tuple[str, str], z: str) -> Decision:
        """`p` is (file, provider id)."""
        policy = self.policy
        outcome, tier = self.outcome(p, z)
        clauses = tuple(
            self.clause(p, z, c) for c in policy.clauses.values() if policy.applies_to(c, z)
        )
        tiers = tuple(self.tier(p, z, t) for t in policy.tiers.get(z, ()))
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
            (parent, *self.outcome(p, parent))
            for parent in policy.care_types[z].parents if (p, parent) in self.possible.decision
        )
        read = self.read(p, z)
        possible = self.possibilities(p, z, read) if outcome is Outcome.UNDECIDED else ()
        turning = {text for option in possible for text, _ in option.conditions}
        deciding = tuple(dict.fromkeys(ref for ref, (_, key) in read if self.program.nodes[key[2:]].text in turning))
        unknown = tuple(dict.fromkeys(ref for ref, _ in read))
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
            unknown=unknown,
            possible=possible,
            deciding=deciding or (unknown if possible else ()),
            contract_year=self.program.contract_year,
            readings=_readings_read(outcome, clauses, term, starts, bool(tiers)),
        )

    def read(self, p: tuple[str, str], z: str) -> list[tuple[n.Ref, tuple]]:
        """The unknown kenmerken the conditions for `z` read, each with a condition node (leaf or
        not) whose subtree reads it: (ref, (tier?, model key))."""
        missing = self.unknown.get(p)
        if not missing:
            return []
        found = []
        for (owner, number), ref in self.program.nodes.items():
            tier = owner in self.program.tier_by_id
            if z not in self.program.owner_scope.get(owner, ()):
                continue
            if isinstance(ref.node, n.Unknown) and UNSTATED_BY_TEXT in missing:
                found.append((self.unstated(owner), (tier, (p, z, owner, number))))
                continue
            for r in dict.fromkeys(refs(ref.node)):
                feature = self.policy.features[r.name]
                key = (r.name, z if feature.per == "zorgsoort" else r.year if feature.per == "jaar" else None)
                if key in missing:
                    found.append((r, (tier, (p, z, owner, number))))
        return found

    def unstated(self, owner: str) -> Unstated:
        """What the text leaves unknown, named by the clause or tier it belongs to."""
        tier = self.program.tier_by_id.get(owner)
        return Unstated(owner, tier.label if tier is not None else None)

    def possibilities(self, p: tuple[str, str], z: str, read) -> tuple[Possibility, ...]:
        # Only nodes the unknown facts can flip: the others say nothing about what decides.
        nodes = [(tier, key) for tier, key in dict.fromkeys(key for _, key in read)
                 if (key in (self.possible.tier_holds if tier else self.possible.holds))
                 and key not in (self.model.tier_holds if tier else self.model.holds)]
        outcomes = sorted(self.possible.decision.get((p, z), ()), key=lambda o: o.value)
        tiers = sorted(self.possible.tier.get((p, z), ())) or [None]
        found = []
        for outcome in outcomes:
            for tier in (tiers if outcome in WITH_TIER else [None]):
                forced = self.completions.forced(self.numbers[p], z, outcome, tier, nodes)
                if forced is None:
                    continue
                conditions = []
                for (tier_node, key), holds in forced.items():   # the lowest forced nodes only
                    owner, number = key[2], key[3]
                    below = self.below(owner, number)
                    if not any((tier_node, (*key[:3], b)) in forced for b in below):
                        node = self.program.nodes[(owner, number)].node
                        conditions.append((self.unstated(owner) if isinstance(node, n.Unknown) else node, holds))
                found.append(Possibility(outcome, tier, tuple(dict.fromkeys(conditions))))
        # The outcome that needs no particular condition reads best last ("anders: ...").
        return tuple(sorted(found, key=lambda option: not option.conditions))

    def below(self, owner: str, number: int) -> set[int]:
        """The numbers of the nodes under a condition node."""
        found = set()
        for child in self.program.nodes[(owner, number)].children:
            found |= {child} | self.below(owner, child)
        return found

    def clause(self, p: tuple[str, str], z: str, clause: n.Clause) -> ClauseResult:
        roots = self.program.roots
        condition, shape = self._node(p, z, clause.id, roots[(clause.id, "condition")], tier=False)
        guard = exception = None
        shapes = [shape]
        if (clause.id, "guard") in roots:
            guard, shape = self._node(p, z, clause.id, roots[(clause.id, "guard")], tier=False)
            shapes.append(shape)
        if (clause.id, "exception") in roots:
            exception, shape = self._node(p, z, clause.id, roots[(clause.id, "exception")], tier=False)
            shapes.append(shape)
        via = tuple(sorted(self.model.factor_via.get((p, z), {}).get(clause.id, ())))
        active = (p, z, clause.id) not in self.model.inactive
        excepted = (p, z, clause.id) in self.model.excepted
        shape = (clause.id, active, excepted, via, *shapes)
        if not self.values and shape in self.shared_clauses:   # as `node`: one object per shape
            return self.shared_clauses[shape]
        result = ClauseResult(
            clause=clause,
            active=active,
            met=condition.holds,
            condition=condition,
            guard=guard,
            exception=exception,
            excepted=excepted,
            via=via,
            unknown=condition.unknown or (guard is not None and guard.unknown),
        )
        if not self.values:
            self.shared_clauses[shape] = result
        return result

    def tier(self, p: tuple[str, str], z: str, tier: n.Tier) -> TierResult:
        ident = self.program.tier_ids[(z, tier.label)]
        condition = self.node(p, z, ident, 0, tier=True)
        return TierResult(tier, condition.holds, condition)

    def node(self, p: tuple[str, str], z: str, owner: str, number: int, tier: bool) -> NodeResult:
        return self._node(p, z, owner, number, tier)[0]

    def _node(self, p: tuple[str, str], z: str, owner: str, number: int, tier: bool) -> tuple[NodeResult, tuple]:
        """The node's result and its shape: (number, holds, unknown, the children's shapes)."""
        ref: NodeRef = self.program.nodes[(owner, number)]
        condition = ref.node
        key = (p, z, owner, number)
        holds = key in (self.model.tier_holds if tier else self.model.holds)
        unknown = not holds and key in (self.possible.tier_holds if tier else self.possible.holds)
        children: tuple[NodeResult, ...] = ()
        shapes: tuple[tuple, ...] = ()
        values: tuple[Value, ...] = ()
        leaf = condition.operand if isinstance(condition, n.Not) and isinstance(condition.operand, n.LEAVES) else None
        if leaf is None and ref.children:
            children, shapes = zip(*(self._node(p, z, owner, child, tier) for child in ref.children))
        elif self.values:   # `niet x` reads best as one line with x's values, not as x with a flipped mark
            values = tuple(self.value(p, z, r) for r in refs(leaf or condition))
        shape = (number, holds, unknown, *shapes)
        if not self.values:   # a node is its shape: equal results are one object, for every provider
            shared = self.shared.get((owner, shape))
            if shared is None:
                shared = self.shared[(owner, shape)] = NodeResult(ref.text, holds, (), children, condition.span,
                                                                  condition, unknown)
            return shared, shape
        return NodeResult(ref.text, holds, values, children, condition.span, condition, unknown), shape

    def value(self, p: tuple[str, str], z: str, ref: n.Ref) -> Value:
        return provider_value(self.policy, self.facts, p, z, ref)


def provider_value(policy, facts_by_kenmerk: dict, p, z: str, ref: n.Ref) -> Value:
    """What the provider's file says for `ref` (for this zorgsoort, for that year);
    `facts_by_kenmerk` maps (p, kenmerk) to that provider's facts. Shared with `batch`, which
    gives every member of a profile its own values. An unstated ja/nee kenmerk is the policy's
    default, else unknown (no value), never nee."""
    feature = policy.features[ref.name]
    facts = facts_by_kenmerk.get((p, ref.name), [])
    if feature.per == "jaar":
        facts = [f for f in facts if f.args[1].value == ref.year]
    elif feature.per == "zorgsoort":
        facts = [f for f in facts if f.args[1].value == z]
    if feature.type.kind == "bool":
        if not facts:
            default = feature.type.default
            return Value(printer.ref(ref), "bool", (default,) if default else (), default is not None)
        values: list[object] = ["nee" if facts[0].negated else "ja"]
    elif facts and facts[0].negated:   # a meerkeuze stated empty
        return Value(printer.ref(ref), feature.type.kind, (), empty=True)
    else:
        values = sorted({f.args[-1].value for f in facts}, key=str)
        if feature.type.kind == "date":
            values = [date_of(v) for v in values]
        elif feature.type.decimals:
            values = [printer.number(Decimal(v) / feature.type.scale) for v in values]
    return Value(printer.ref(ref), feature.type.kind, tuple(values))
