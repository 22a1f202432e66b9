"""Resolve names and check types: `nodes.PolicyFile` -> `Policy`.

Takes: one parsed policy file.
Returns: a `Policy` in which every name is known to exist and every comparison fits its
kenmerk's type, and every name a change-list delta gives exists (`deltas.check_deltas`); scopes are
expanded (`voor alle zorgsoorten`), tiers grouped per zorgsoort best-first, factors per zorgsoort.
Raises `Failed` with every problem found (not just the first), each at the offending span.
Nothing is dropped; this stage adds the indexes the compiler and renderers need, never to scan."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import nodes as n, printer, ranges
from ..diagnostics import Diagnostic, Failed, Span, closest, diag
from .conditions import walk
from .deltas import check_deltas
from .kinds import KINDS, ClauseKind
from ..messages import TypeName
from .reserved import RESERVED_NAMES

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
NUMERIC = ("int", "count", "percentage", "date")


@dataclass(frozen=True)
class Policy:
    """A checked policy. Dicts keep declaration order (the order of the source text)."""

    file: n.PolicyFile
    care_types: dict[str, n.CareType]
    features: dict[str, n.Feature]
    clauses: dict[str, n.Clause]
    tiers: dict[str, tuple[n.Tier, ...]]          # per zorgsoort, best tier first
    factors: dict[str, tuple[n.Clause, ...]]      # differentiatiefactoren per zorgsoort
    terms: tuple[n.Term, ...]
    milestones: tuple[n.Milestone, ...]
    start_rules: tuple[n.StartRule, ...]
    changes: tuple[n.Change, ...]
    suppressions: tuple[n.Suppression, ...] = ()
    contract_year: int | None = None   # set by `for_contract_year`: the clauses of that year only

    @property
    def header(self) -> n.Header:
        return self.file.header

    @property
    def path(self) -> str:
        return self.file.path

    @staticmethod
    def scope(item) -> tuple[str, ...]:
        return item.care_types

    @staticmethod
    def applies_to(item, care_type: str) -> bool:
        return care_type in item.care_types


@dataclass
class _Found:
    """The rules of one file as `resolve` files them, in source order."""

    clauses: dict[str, n.Clause] = field(default_factory=dict)
    tiers: dict[str, list[n.Tier]] = field(default_factory=dict)         # per zorgsoort, best first
    tier_lines: dict[tuple[str, str], int] = field(default_factory=dict)  # (zorgsoort, label) -> line
    terms: list[n.Term] = field(default_factory=list)
    milestones: list[n.Milestone] = field(default_factory=list)
    start_rules: list[n.StartRule] = field(default_factory=list)
    changes: list[n.Change] = field(default_factory=list)
    suppressions: list[n.Suppression] = field(default_factory=list)


def resolve(tree: n.PolicyFile) -> Policy:
    policy = (checker := _Checker(tree)).run()
    errors = checker.errors or ranges.too_large(policy)   # once the rest is sound
    if errors:
        raise Failed(sorted(errors, key=lambda d: (d.span.line, d.span.col, d.code)))
    return policy


class _Checker:
    def __init__(self, tree: n.PolicyFile):
        self.tree = tree
        self.errors: list[Diagnostic] = []
        self.care_types: dict[str, n.CareType] = {}
        self.groups: dict[str, n.Group] = {}
        self.features: dict[str, n.Feature] = {}
        self.ids: dict[str, Span] = {}

    def error(self, code: str, span: Span, hint=None, related: Span | None = None, **args) -> None:
        self.errors.append(diag(code, span, hint, (related, "defined_here") if related else None, **args))

    # ---- declarations ----------------------------------------------------------------------

    def check_name(self, name: str, span: Span) -> bool:
        if not NAME_RE.match(name):
            self.error("B217", span, name=name)
            return False
        if name in RESERVED_NAMES:
            self.error("B216", span, name=name)
            return False
        return True

    def declare(self, table: dict, name: str, item, span: Span) -> None:
        if name in table:
            self.error("B202", span, related=table[name].span, name=name, line=table[name].span.line)
            return
        if self.check_name(name, span):
            table[name] = item

    def declare_id(self, name: str, span: Span) -> None:
        # Clause ids have a namespace of their own: in the program they are constants in the
        # clause position, never predicates, so a factor may share its kenmerk's name.
        if name in self.ids:
            self.error("B202", span, related=self.ids[name], name=name, line=self.ids[name].line)
            return
        if self.check_name(name, span):
            self.ids[name] = span

    def run(self) -> Policy:
        header = self.tree.header
        if not 1900 <= header.year <= 2100:
            self.error("B225", header.span, year=header.year)
        self.declarations(self.tree.items)
        found = _Found()
        for item in self.tree.items:
            self.rule(item, found)
        clauses = found.clauses
        factors = {
            care_type: tuple(c for c in clauses.values() if c.kind is ClauseKind.FACTOR and care_type in c.care_types)
            for care_type in self.care_types
        }
        for clause in clauses.values():   # `in contractjaar N`: N is a year of the clause's contract
            years = {y for t in found.terms if set(t.care_types) & set(clause.care_types) for y in range(t.start, t.end + 1)}
            if clause.contract_year is not None and clause.contract_year not in years:
                self.error("B231", clause.span, year=clause.contract_year, years=", ".join(map(str, sorted(years))) or "-")
        self.check_suppressions(found.suppressions, clauses)
        check_deltas(self, found.changes, clauses, found.terms, found.milestones, found.start_rules)
        self.check_counts_as(clauses, factors)
        self.check_tiers(found.tiers, factors)
        return Policy(
            file=self.tree,
            care_types=self.care_types,
            features=self.features,
            clauses=clauses,
            tiers={k: tuple(v) for k, v in found.tiers.items()},
            factors={k: v for k, v in factors.items() if v},
            terms=tuple(found.terms),
            milestones=tuple(found.milestones),
            start_rules=tuple(found.start_rules),
            changes=tuple(found.changes),
            suppressions=tuple(found.suppressions),
        )

    def declarations(self, items: tuple[n.Item, ...]) -> None:
        """Zorgsoorten, groups and kenmerken first: every rule may name any of them."""
        for item in items:
            match item:
                case n.CareType():
                    self.declare(self.care_types, item.name, item, item.span)
                case n.Group() if item.name in self.care_types:
                    self.error("B202", item.span, name=item.name, line=self.care_types[item.name].span.line)
                case n.Group():
                    self.declare(self.groups, item.name, item, item.span)
                case n.Feature():
                    self.declare(self.features, item.name, item, item.span)
                    self.check_choices(item.type.choices)
        self.check_parents()
        for group in self.groups.values():
            for member in group.members:
                if member not in self.care_types:
                    self.unknown_care_type(member, group.span)

    def rule(self, item: n.Item, found: "_Found") -> None:
        """Check one rule-like item and file it, its scope expanded to zorgsoorten."""
        if isinstance(item, (n.Clause, n.Tier, n.Term, n.Milestone, n.StartRule, n.Change)):
            item = replace(item, care_types=self.expand_scope(item.scope, item.scope_span))
        if isinstance(item, (n.Clause, n.Term, n.Milestone, n.StartRule, n.Change)):
            self.declare_id(item.id, item.span)
        if getattr(item, "reading", None) is not None and not item.citation.quote:
            self.error("B229", item.reading.span)   # a reading is of a sentence: the citation quotes it
        match item:
            case n.Clause():
                found.clauses.setdefault(item.id, item)
                self.check_clause(item)
            case n.Tier():
                self.tier(item, found)
            case n.Term():
                if item.end < item.start:
                    self.error("B219", item.span, start=item.start, end=item.end)
                found.terms.append(item)
            case n.Milestone():
                if item.when.date is not None and item.when.date.value is None:
                    self.error("B208", item.when.date.span, value=item.when.date.text)
                found.milestones.append(item)
            case n.StartRule():
                self.check_start_rule(item)
                found.start_rules.append(item)
            case n.Change():
                found.changes.append(item)
            case n.Suppression():
                found.suppressions.append(item)
            case n.CareType() | n.Group() | n.Feature():
                pass   # declarations, done first
            case _:
                raise TypeError(f"resolve does not know item {type(item).__name__}")

    def tier(self, item: n.Tier, found: "_Found") -> None:
        for care_type in item.care_types:
            key = (care_type, item.label)
            if key in found.tier_lines:
                first = Span(item.span.file, found.tier_lines[key], 1)
                self.error("B224", item.span, related=first, tier=item.label, care_type=care_type, line=first.line)
                continue
            found.tier_lines[key] = item.span.line
            found.tiers.setdefault(care_type, []).append(item)
        self.check_condition(item.condition, in_tier=True)

    def check_choices(self, choices: tuple[n.ChoiceValue, ...]) -> None:
        seen: set[str] = set()
        for choice in choices:
            if choice.value in seen:
                self.error("B220", choice.span, value=choice.value)
            seen.add(choice.value)
            if not choice.quoted:
                self.check_name(choice.value, choice.span)

    def check_parents(self) -> None:
        for care_type in self.care_types.values():
            for parent in care_type.parents:
                if parent not in self.care_types:
                    self.unknown_care_type(parent, care_type.span)
        in_reported_cycle: set[str] = set()
        for name in self.care_types:
            seen, todo = set(), list(self.care_types[name].parents)
            while todo:
                parent = todo.pop()
                if parent == name:
                    if name not in in_reported_cycle:   # one diagnostic per cycle, at its first member
                        self.error("B215", self.care_types[name].span, name=name)
                    in_reported_cycle.update(seen | {name})
                    break
                if parent in seen or parent not in self.care_types:
                    continue
                seen.add(parent)
                todo.extend(self.care_types[parent].parents)

    def unknown_care_type(self, name: str, span: Span) -> None:
        guess = closest(name, [*self.care_types, *self.groups])
        self.error("B201", span, hint=("H001", {"name": guess}) if guess else None, name=name)

    def expand_scope(self, scope: tuple[str, ...], span: Span | None) -> tuple[str, ...]:
        if scope == n.ALL_CARE_TYPES:
            expanded = tuple(self.care_types)
        else:
            seen: list[str] = []
            for name in scope:
                members = self.groups[name].members if name in self.groups else (name,)
                for member in members:
                    if member in seen:
                        self.error("B221", span, name=member)
                    elif member not in self.care_types:
                        if name == member:   # a group's unknown members are reported at the group
                            self.unknown_care_type(member, span)
                    else:
                        seen.append(member)
            expanded = tuple(seen)
        return expanded

    # ---- clauses ---------------------------------------------------------------------------

    def check_clause(self, clause: n.Clause) -> None:
        if clause.guard is not None:
            self.check_condition(clause.guard)
        self.check_condition(clause.condition)
        if clause.exception is not None:
            if clause.kind is not ClauseKind.EXCLUSION:
                self.error("B212", clause.exception.span)
            self.check_condition(clause.exception)
        if clause.counts_as is not None and clause.kind is not ClauseKind.FACTOR:
            self.error("B213", clause.span)

    def check_suppressions(self, suppressions, clauses) -> None:
        for item in suppressions:
            if item.kind not in KINDS:
                guess = closest(item.kind, list(KINDS))
                self.error("B226", item.span, hint=("H001", {"name": guess}) if guess else None,
                           name=item.kind, choices=", ".join(KINDS))
            if item.clause is not None and item.clause not in self.ids:
                self.error("B227", item.span, name=item.clause)
            if not item.reason.strip():
                self.error("B228", item.span)

    def check_counts_as(self, clauses: dict[str, n.Clause], factors: dict[str, tuple[n.Clause, ...]]) -> None:
        for clause in clauses.values():
            if clause.counts_as is None or clause.kind is not ClauseKind.FACTOR:
                continue
            for care_type in clause.care_types:
                if clause.counts_as not in {f.id for f in factors.get(care_type, ())}:
                    self.error("B214", clause.span, name=clause.counts_as, care_type=care_type)

    def check_tiers(self, tiers: dict[str, list[n.Tier]], factors: dict[str, tuple[n.Clause, ...]]) -> None:
        for care_type, ranked in tiers.items():
            available = len(factors.get(care_type, ()))
            previous: tuple[n.Tier, int] | None = None
            for tier in ranked:
                needed = max((c.minimum for c in walk(tier.condition) if isinstance(c, n.FactorCount)), default=0)
                for count in (c for c in walk(tier.condition) if isinstance(c, n.FactorCount)):
                    if count.minimum > available:
                        self.error("B209", count.span, tier=tier.label, care_type=care_type,
                                   count=count.minimum, available=available)
                if previous is not None and needed > previous[1]:
                    self.error("B210", tier.span, tier=previous[0].label, care_type=care_type, lower=tier.label)
                previous = (tier, needed)

    def check_start_rule(self, rule: n.StartRule) -> None:
        feature = self.check_ref(rule.ref)
        if feature is not None:
            if feature.per == "zorgsoort":
                self.error("B223", rule.ref.span, name=feature.name)
            elif feature.type.kind != "date":
                self.error("B203", rule.ref.span, name=feature.name,
                           actual=TypeName(feature.type.kind), expected=TypeName("date"))
        if rule.guard is not None:
            self.check_condition(rule.guard)

    # ---- conditions ------------------------------------------------------------------------

    def check_ref(self, ref: n.Ref) -> n.Feature | None:
        feature = self.features.get(ref.name)
        if feature is None:
            guess = closest(ref.name, list(self.features))
            self.error("B200", ref.span, hint=("H001", {"name": guess}) if guess else None, name=ref.name)
            return None
        if feature.per == "jaar" and ref.year is None:
            self.error("B205", ref.span, name=ref.name, year=self.tree.header.year)
        elif feature.per != "jaar" and ref.year is not None:
            self.error("B206", ref.span, name=ref.name, year=ref.year)
        elif ref.year is not None and not 1900 <= ref.year <= 2100:
            self.error("B225", ref.span, year=ref.year)
        return feature

    def expect(self, feature: n.Feature, ref: n.Ref, kinds: tuple[str, ...], expected: str) -> bool:
        if feature.type.kind in kinds:
            return True
        self.error("B203", ref.span, name=feature.name, actual=TypeName(feature.type.kind), expected=TypeName(expected),
                   hint=("H006", {"name": ref.name}) if feature.type.kind == "bool" and expected == "choice" else None)
        return False

    def check_condition(self, condition: n.Condition, in_tier: bool = False) -> None:
        for node in walk(condition):
            if isinstance(node, (n.AllRequired, n.FactorCount)) and not in_tier:
                construct = "alle randvoorwaarden" if isinstance(node, n.AllRequired) else "differentiatiefactoren"
                self.error("B211", node.span, construct=construct)
            elif isinstance(node, n.Truth):
                feature = self.check_ref(node.ref)
                if feature:
                    self.expect(feature, node.ref, ("bool",), "bool")
            elif isinstance(node, n.Comparison):
                self.check_comparison(node)
            elif isinstance(node, n.Ratio):
                for ref in (node.part, node.whole):
                    feature = self.check_ref(ref)
                    if feature:
                        self.expect(feature, ref, ("int", "count"), "count")
                if not 0 <= node.percent.value <= 100:
                    self.error("B207", node.percent.span, value=node.percent.value)
            elif isinstance(node, n.Membership):
                feature = self.check_ref(node.ref)
                if feature and self.expect(feature, node.ref, ("choice", "multi"), "choice"):
                    choices = [c.value for c in feature.type.choices]
                    for value in node.values:
                        if value.value not in choices:
                            guess = closest(value.value, choices)
                            self.error("B204", value.span, hint=("H001", {"name": guess}) if guess else None,
                                       value=value.value, name=feature.name, choices=", ".join(choices))

    def check_comparison(self, node: n.Comparison) -> None:
        feature = self.check_ref(node.ref)
        if feature is None:
            return
        if not self.expect(feature, node.ref, NUMERIC, "int"):
            return
        value = node.value
        wanted = {"int": (n.IntValue, n.DecimalValue), "count": (n.IntValue,), "percentage": (n.PercentValue,),
                  "date": (n.DateValue,)}[feature.type.kind]
        if not isinstance(value, wanted):
            self.error("B218", value.span, name=feature.name, actual=TypeName(feature.type.kind), expected=TypeName(feature.type.kind))
        elif isinstance(value, (n.DecimalValue, n.PercentValue)) and n.decimals_of(value.value) > feature.type.decimals:
            self.error("B230", value.span, value=printer.value(value), count=n.decimals_of(value.value),
                       name=feature.name, declared=feature.type.decimals)
        elif isinstance(value, n.PercentValue) and not 0 <= value.value <= 100:
            self.error("B207", value.span, value=value.value)
        elif not isinstance(value, n.DateValue) and abs(value.value * feature.type.scale) > n.MAX_INTEGER:   # would wrap
            self.error("B240", value.span, value=printer.value(value), limit=printer.integer_limit(feature.type.scale))
        elif isinstance(value, n.DateValue) and value.value is None:
            self.error("B208", value.span, value=value.text)
