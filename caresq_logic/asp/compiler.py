"""Compile a checked `Policy` to an Answer Set Program.

Takes: a `resolve.Policy`.
Returns: a `Program`: the ASP text (readable, each rule commented with the clause and the
`file:line:col` it comes from) and the table that maps every condition node the program
names back to its syntax node, so that the decoder never parses strings.

The encoding, in three strata so that clingo's grounder alone decides everything:

1. per clause `C` and condition node `N`: `_leaf/4` from the provider's facts only, then
   `_holds/4` and `_fails/4`, both positive (negation only ever applies to input facts or to
   `leaf`), then per clause `met`, `unmet`, `guarded`, `excepted`; from those `failed`,
   `excluded`, `eligible`, `factor`, `approached`, `continuing`.
2. tiers: the same over `_tier_leaf/4`, `_tier_holds/4`, `_tier_fails/4`, which may use
   `eligible` and `nfactors` from stratum 1; the best tier whose condition holds.
3. `_outcome/3` per zorgsoort, then `_part_outcome/3` for an onderdeel, which needs the
   outcome of its parent zorgsoort; `_decision/3` is their union.

The policy-independent rules are in `PRELUDE`; everything emitted per policy is facts plus
the condition rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..language import nodes as n
from ..language import printer, ranges
from ..language.resolve import Policy
from .prelude import PRELUDE


def comment_safe(outside: str) -> str:
    """Outside text (a file name) as it may appear in a comment of the program: anything that is
    not a printable character (a line break above all, which would end the comment and make the
    rest program text) is written as an escape."""
    return "".join(c if c.isprintable() and c != "\\" else c.encode("unicode_escape").decode("ascii")
                   for c in outside)


@dataclass(frozen=True)
class NodeRef:
    """What a numbered condition node of the program stands for."""

    owner: str          # clause id, start rule id, or tier id
    role: str           # condition, guard, exception
    node: n.Condition
    text: str           # the node as policy text (printed once, here)
    children: tuple[int, ...] = ()   # the numbers of its operands, in order


@dataclass
class Program:
    """A policy compiled: the ASP text, and the tables `decide` reads a model back through."""
    policy: Policy
    text: str
    nodes: dict[tuple[str, int], NodeRef] = field(default_factory=dict)        # (owner, N) -> node
    roots: dict[tuple[str, str], int] = field(default_factory=dict)            # (owner, role) -> N
    tier_ids: dict[tuple[str, str], str] = field(default_factory=dict)         # (zorgsoort, label) -> tier id
    tier_by_id: dict[str, n.Tier] = field(default_factory=dict)
    keys: list[tuple[bool, str, str, int]] = field(default_factory=list)       # K -> (tier?, zorgsoort, owner, N)
    owner_scope: dict[str, tuple[str, ...]] = field(default_factory=dict)      # owner -> zorgsoorten
    contract_year: int = 0                                                     # the year of the contract decided


def compile_policy(policy: Policy, switchable: frozenset[str] = frozenset()) -> Program:
    """`switchable` clause ids apply only while the external atom `_on(C)` holds: `check` uses
    them as assumptions, so that an unsatisfiable goal yields a core of clauses. A policy with
    clauses `in contractjaar N` is compiled per year: see `contract_years.for_contract_year`."""
    program = _Compiler(policy, switchable).run()
    program.contract_year = policy.contract_year or policy.header.year
    return program


def asp_date(value) -> int:
    return value.year * 10000 + value.month * 100 + value.day


def scaled(value, scale: int) -> int:
    """A number written with decimals as the integer the program compares: exact, never a float."""
    result = value * scale
    assert result == int(result), "resolve rejects more decimals than the kenmerk declares"
    return int(result)


def asp_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def choice_term(choice: n.ChoiceValue) -> str:
    return asp_string(choice.value) if choice.quoted else choice.value


class _Compiler:
    def __init__(self, policy: Policy, switchable: frozenset[str] = frozenset()):
        self.policy = policy
        self.switchable = switchable
        self.out: list[str] = []
        self.program = Program(policy, "")
        self.owner_scope = self.program.owner_scope   # clause, start rule or tier id -> zorgsoorten

    def emit(self, line: str = "") -> None:
        self.out.append(line)

    def where(self, span) -> str:
        return f"{comment_safe(span.file)}:{span.line}:{span.col}"

    def run(self) -> Program:
        policy = self.policy
        header = policy.header
        self.emit(f"% caresq-logic: compiled from {comment_safe(policy.path)}")
        line = f'% beleid {header.domain} {header.year} "{comment_safe(header.title)}"'
        if header.version:
            line += f' versie "{header.version}"'
        if header.replaces:
            line += f' vervangt "{header.replaces}"'
        self.emit(line)
        self.emit()
        self.emit(PRELUDE)
        self.emit("% ---- zorgsoorten ------------------------------------------------------------------------")
        for care_type in policy.care_types.values():
            self.emit(f"_zorgsoort({care_type.name}).  % {comment_safe(care_type.title)} ({self.where(care_type.span)})")
            for parent in care_type.parents:
                self.emit(f"_onderdeel_van({care_type.name},{parent}).")
        self.emit()
        for clause in policy.clauses.values():
            self.clause(clause)
        for rule in policy.start_rules:
            self.start_rule(rule)
        for tier in dict.fromkeys(t for tiers in policy.tiers.values() for t in tiers):
            self.tier(tier)
        self.static_dates()
        self.node_keys()
        self.program.text = "\n".join(self.out) + "\n"
        return self.program

    # ---- clauses ---------------------------------------------------------------------------

    def heading(self, kind: str, ident: str, title: str | None, citation: n.Citation, span) -> None:
        self.emit(f"% ---- {kind} {ident}" + (f' "{comment_safe(title)}"' if title else "") + f" ({comment_safe(citation.section)})")
        self.emit(f"%      {self.where(span)}")

    def applies_facts(self, ident: str, scope: tuple[str, ...]) -> None:
        if not scope:
            return
        if ident in self.switchable:
            self.emit(f"#external _on({ident}). [free]")   # its value comes from the assumptions
            self.emit(f"_applies({ident},({';'.join(scope)})) :- _on({ident}).")
        else:
            self.emit(f"_applies({ident},({';'.join(scope)})).")

    def clause(self, clause: n.Clause) -> None:
        self.heading(clause.kind.words, clause.id, clause.title, clause.citation, clause.span)
        self.emit(f"_clause({clause.id},{clause.kind.value}).")
        self.owner_scope[clause.id] = self.policy.scope(clause)
        self.applies_facts(clause.id, self.owner_scope[clause.id])
        if clause.exception is not None and clause.request:
            self.emit(f"_requestable({clause.id}).")
        if clause.counts_as:
            self.emit(f"_counts_as({clause.id},{clause.counts_as}).")
        self.owner_conditions(clause.id, [("condition", clause.condition), ("guard", clause.guard),
                                          ("exception", clause.exception)])
        self.emit()

    def start_rule(self, rule: n.StartRule) -> None:
        self.heading("ingangsdatum", rule.id, rule.title, rule.citation, rule.span)
        scope = self.policy.scope(rule) or tuple(self.policy.care_types)   # no `voor`: every zorgsoort
        self.owner_scope[rule.id] = scope
        self.emit(f"_start_rule({rule.id}).")
        self.applies_facts(rule.id, scope)
        self.owner_conditions(rule.id, [("guard", rule.guard)])
        # The first of the next month, on dates written as YYYYMMDD integers.
        date = self.fact(rule.ref, "D")
        self.emit(f"_start_date(P,Z,{rule.id},(D/100)*100+101) :- _active(P,Z,{rule.id}), {date}, (D/100)\\100 < 12.")
        self.emit(f"_start_date(P,Z,{rule.id},(D/10000+1)*10000+101) :- _active(P,Z,{rule.id}), {date}, "
                  f"(D/100)\\100 = 12.")
        self.emit()

    def owner_conditions(self, owner: str, parts, tier: bool = False) -> None:
        counter = [0]
        for role, condition in parts:
            if condition is None:
                continue
            root = counter[0]
            self.program.roots[(owner, role)] = root
            if not tier:
                self.emit(f"_root({owner},{role},{root}).")
                if role == "guard":
                    self.emit(f"_has_guard({owner}).")
            self.emit(f"%   {role}: {printer.condition(condition)}")
            self.node(owner, role, condition, counter, tier)

    def node(self, owner: str, role: str, condition: n.Condition, counter: list[int], tier: bool) -> int:
        """Number `condition` and its operands (parents first: the order of the node keys) and
        emit their rules; the node's entry records its children's numbers for the decoder."""
        number = counter[0]
        counter[0] += 1
        text = printer.condition(condition)
        self.program.nodes[(owner, number)] = NodeRef(owner, role, condition, text)
        pre = "_tier_" if tier else "_"
        head = f"(P,Z,{owner},{number})"
        match condition:
            case n.Unknown():
                # No provider fact decides it: only `check` chooses _onbekend (either way).
                scope = f"_tier_scope(P,Z,{owner})" if tier else f"_scope(P,Z,{owner})"
                self.emit(f"{pre}is_leaf({owner},{number}).  % {text}")
                self.emit(f"_onbekend_node({owner},{number}).")
                self.emit(f"{pre}leaf{head} :- {scope}, _onbekend(P,{owner},{number}).")
                return number
            case n.Truth() | n.Comparison() | n.Ratio() | n.Membership() | n.AllRequired() | n.FactorCount():
                scope = f"_tier_scope(P,Z,{owner})" if tier else f"_scope(P,Z,{owner})"
                self.emit(f"{pre}is_leaf({owner},{number}).  % {text}")
                for body in self.leaf_bodies(condition):
                    self.emit(f"{pre}leaf{head} :- {scope}, {body}.")
                return number
            case n.Not(operand=operand):
                child = self.node(owner, role, operand, counter, tier)
                self.program.nodes[(owner, number)] = NodeRef(owner, role, condition, text, (child,))
                self.emit(f"{pre}holds{head} :- {pre}fails(P,Z,{owner},{child}).")
                self.emit(f"{pre}fails{head} :- {pre}holds(P,Z,{owner},{child}).")
                return number
            case n.And(operands=operands) | n.Or(operands=operands):
                children = tuple(self.node(owner, role, operand, counter, tier) for operand in operands)
                self.program.nodes[(owner, number)] = NodeRef(owner, role, condition, text, children)
                each = [f"{pre}holds(P,Z,{owner},{c})" for c in children]
                some = [f"{pre}fails(P,Z,{owner},{c})" for c in children]
                if isinstance(condition, n.And):
                    self.emit(f"{pre}holds{head} :- {', '.join(each)}.  % en")
                    for body in some:
                        self.emit(f"{pre}fails{head} :- {body}.")
                else:
                    for body in each:
                        self.emit(f"{pre}holds{head} :- {body}.  % of")
                    self.emit(f"{pre}fails{head} :- {', '.join(some)}.")
                return number
            case _:
                raise TypeError(f"no rules for condition node {type(condition).__name__}")

    # ---- leaves: the only place provider facts are read -----------------------------------

    def fact(self, ref: n.Ref, value: str | None = None) -> str:
        """The provider fact behind a reference, with `value` as its last argument."""
        feature = self.policy.features[ref.name]
        args = ["P"]
        if feature.per == "jaar":
            args.append(str(ref.year))
        elif feature.per == "zorgsoort":
            args.append("Z")
        if value is not None:
            args.append(value)
        return f"{ref.name}({','.join(args)})"

    def leaf_bodies(self, c: n.Condition) -> list[str]:
        ops = {"gt": ">", "ge": ">=", "lt": "<", "le": "<=", "eq": "="}
        match c:
            case n.Truth():
                return [self.fact(c.ref)]
            case n.Comparison(value=n.DateValue(value=date)):
                return [f"{self.fact(c.ref, 'V')}, V {ops[c.op]} {asp_date(date)}"]
            case n.Comparison(value=value):   # in the kenmerk's units: 0,8 with 2 decimals is 80
                scale = self.policy.features[c.ref.name].type.scale
                return [f"{self.fact(c.ref, 'V')}, V {ops[c.op]} {scaled(value.value, scale)}"]
            case n.Ratio():
                # a op p% of b, in integers: the facts are A = a*sa and B = b*sb, and p = P/sp, so
                # 100*sp*sb*A op P*sa*B. A whole of 0 has no share at all: 0 of 0 is not "30% of" it.
                left, right = ranges.factors(c, self.policy.features)   # each side bounded there
                return [f"{self.fact(c.part, 'A')}, {self.fact(c.whole, 'B')}, B > 0, "
                        f"{left}*A {ops[c.op]} {right}*B"]
            case n.Membership():
                return [self.fact(c.ref, choice_term(v)) for v in c.values]
            case n.AllRequired():
                return ["_eligible(P,Z)"]
            case n.FactorCount():
                return [f"_nfactors(P,Z,K), K >= {c.minimum}"]
            case _:
                raise TypeError(f"not a leaf condition: {type(c).__name__}")

    # ---- tiers -------------------------------------------------------------------------------

    def tier(self, tier: n.Tier) -> None:
        """One tier item (possibly for several zorgsoorten); its rank per zorgsoort is its
        place among that zorgsoort's tiers, best first."""
        scope = [z for z in self.policy.scope(tier) if tier in self.policy.tiers.get(z, ())]
        if not scope:
            return
        ident = f"zorgovereenkomst_{tier.label.lower()}_{scope[0]}"
        self.program.tier_by_id[ident] = tier
        self.owner_scope[ident] = tuple(scope)
        self.heading("zorgovereenkomst", tier.label, tier.title, tier.citation, tier.span)
        self.owner_conditions(ident, [("condition", tier.condition)], tier=True)
        for care_type in scope:
            self.program.tier_ids[(care_type, tier.label)] = ident
            rank = self.policy.tiers[care_type].index(tier) + 1
            self.emit(f"_tier_rank({care_type},{ident},{asp_string(tier.label)},{rank}).")
        self.emit()

    # ---- dates and values ----------------------------------------------------------------------

    def static_dates(self) -> None:
        if self.policy.terms:
            self.emit("% ---- looptijden")
        for term in self.policy.terms:
            for care_type in self.policy.scope(term):
                self.emit(f"_term({term.id},{care_type},{term.start},{term.end}).  % {term.citation.section}")
        exact = [m for m in self.policy.milestones if m.when.kind in ("on", "from") and m.when.date.value]
        if exact:
            self.emit("% ---- planning (exacte data)")
        for milestone in exact:
            self.emit(f"_milestone({milestone.id},{milestone.kind},{asp_date(milestone.when.date.value)}).  "
                      f"% {milestone.citation.section}")
        self.emit()

    def node_keys(self) -> None:
        """One integer per (zorgsoort, owner, node) the decoder may need, for the #show above."""
        self.emit("% ---- sleutels van de voorwaardeknopen (voor #show) ---------------------------------------")
        for owner, number in self.program.nodes:
            tier = owner in self.program.tier_by_id
            for care_type in self.owner_scope[owner]:
                key = len(self.program.keys)
                self.program.keys.append((tier, care_type, owner, number))
                self.emit(f"{'_tier_' if tier else '_'}node_key({care_type},{owner},{number},{key}).")
