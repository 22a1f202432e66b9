"""The explanation of one decision as an outline: headed items, each with a state, nested.

Both people's renderers (text and HTML) draw this one outline, so they say the same thing. An
item's `state` is what its mark shows: "holds", "fails", "unknown" or "na" (does not apply);
None for a heading. Titles and plain words throughout; ids and policy syntax only in `details`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..decide import ClauseResult, Decision, NodeResult, TierResult
from ..decide.results import Unstated, label
from ..language import nodes as n
from ..language.kinds import OUTCOMES, ClauseKind, Outcome
from ..language.resolve import Policy
from ..messages import ui
from . import wording
from .common import when_text

if TYPE_CHECKING:   # `check` (and its clingo search) is imported only by explain --doel
    from ..check.goal import GoalAnswer

@dataclass
class Item:
    """One line of the outline, with its nested items."""
    text: str
    state: str | None = None
    children: list["Item"] = field(default_factory=list)
    quote: str | None = None       # the sentence of the source text (--citaten)
    details: str | None = None     # ids and policy syntax (--details)
    kind: str = "line"             # line, section, decision, goal, change


@dataclass
class Options:
    """How the outline is written: language, ids and policy text, quotes."""
    lang: str = "nl"
    details: bool = False
    quotes: bool = False


def state_of(holds: bool, unknown: bool = False) -> str:
    """`unknown`: holds in some completions of the facts the provider did not state, not in all."""
    return "unknown" if unknown else "holds" if holds else "fails"


def contract(tier: str | None, lang: str) -> str:
    label = Outcome.CONTRACT.localize(lang)
    return f"{label} {tier}" if tier else label


def outcome_text(outcome: Outcome, tier: str | None, lang: str) -> str:
    return contract(tier, lang) if outcome is Outcome.CONTRACT else outcome.localize(lang)


def headline(d: Decision, lang: str) -> str:
    return outcome_text(d.outcome, d.tier, lang)


def condition_text(text: str, holds: bool, lang: str) -> str:
    if " en " in text or " of " in text:
        text = f"({text})"
    return text if holds else f"{'niet' if lang == 'nl' else 'not'} {text if text[0] == '(' else f'({text})'}"


def possible_lines(outliner: "Outliner", d: Decision, lang: str) -> list[str]:
    """"met behandelindex 2024 groter dan 150: Uitzondering aan te vragen", and for the last of
    two whose conditions are each other's opposite: "anders: ..."."""
    lines = []
    for i, p in enumerate(d.possible):
        outcome = outcome_text(p.outcome, p.tier, lang)
        opposite = {(t, not h) for t, h in d.possible[0].conditions}
        last = i == len(d.possible) - 1 and i > 0
        if last and (not p.conditions or (len(d.possible) == 2 and set(p.conditions) == opposite)):
            lines.append(ui("possible_otherwise", lang, outcome=outcome))
            continue
        conditions = (" en " if lang == "nl" else " and ").join(
            condition_text(outliner.unknown_text(c) if isinstance(c, Unstated) else
                           wording.condition(outliner.policy, c, lang), h, lang) for c, h in p.conditions)
        lines.append(ui("possible_if", lang, conditions=conditions, outcome=outcome) if conditions else outcome)
    return lines


class Outliner:
    def __init__(self, policy: Policy, options: Options):
        self.policy = policy
        self.o = options
        self.lang = options.lang

    # ---- pieces ----------------------------------------------------------------------------

    def clause_text(self, clause: n.Clause, status: str | None = None) -> str:
        text = f"{wording.titled(clause.title, clause.id, self.lang)} ({clause.citation.section})"
        return text + (f": {status}" if status else "")

    def clause_item(self, c: ClauseResult, state: str, status: str | None = None, tree: bool = True) -> Item:
        item = Item(self.clause_text(c.clause, status), state,
                    quote=ui("quote", self.lang, quote=c.clause.citation.quote)
                    if self.o.quotes and c.clause.citation.quote else None,
                    details=c.clause.id if self.o.details else None)
        if tree:
            item.children = self.tree(c.condition)
        return item

    def leaf_text(self, node: NodeResult) -> str:
        text = wording.leaf(self.policy, node.syntax, self.lang) if node.syntax is not None else node.text
        now = wording.values_text(self.policy, node.values, node.syntax, self.lang)
        return text + (f"  ({now})" if now else "")

    def tree(self, node: NodeResult) -> list[Item]:
        """A condition as items: a leaf is one line; `en`/`of`/`niet` a heading over its parts.
        A clause's own top-level `en` is shown as its lines directly (they must all hold)."""
        if not node.children:
            return [Item(self.leaf_text(node), state_of(node.holds, node.unknown), details=node.text if self.o.details else None)]
        if isinstance(node.syntax, n.And):
            return [item for child in node.children for item in self._sub(child)]
        return self._sub(node)

    def _sub(self, node: NodeResult) -> list[Item]:
        if not node.children:
            return self.tree(node)
        return [Item(wording.group_word(node.syntax, self.lang), state_of(node.holds, node.unknown),
                     [item for child in node.children for item in self._sub(child)],
                     details=node.text if self.o.details else None)]

    def failing(self, node: NodeResult) -> list[Item]:
        """Only the parts of a condition that fail (for "why no contract" and the next tier)."""
        if node.holds:
            return []
        if not node.children:
            return self.tree(node)
        if isinstance(node.syntax, n.And):
            return [item for child in node.children for item in self.failing(child)]
        return self._sub(node)

    # ---- a decision -------------------------------------------------------------------------

    def titles(self, items: tuple["n.Ref | Unstated", ...]) -> str:
        return "; ".join(self.unknown_text(item) for item in items)

    def unknown_text(self, item: "n.Ref | Unstated") -> str:
        if isinstance(item, n.Ref):
            return wording.feature_title(self.policy, item, self.lang)
        clause = self.policy.clauses.get(item.owner)
        owner = outcome_text(Outcome.CONTRACT, item.tier, self.lang) if item.tier is not None else \
            wording.titled(clause.title if clause is not None else None, item.owner, self.lang)
        return ui("unknown_in_clause", self.lang, clause=owner)

    def decision(self, d: Decision, goal: GoalAnswer | None = None) -> Item:
        lang = self.lang
        top = Item(f"{wording.shown(d.care_type.title, lang)}: {headline(d, lang)}", None, kind="decision",
                   details=d.care_type.name if self.o.details else None)
        add = top.children.append
        if d.outcome is Outcome.UNDECIDED:   # what is not known, and what each completion gives
            add(Item(ui("undecided_by", lang, features=self.titles(d.deciding)), "unknown",
                     details=", ".join(map(label, d.deciding)) if self.o.details else None))
            add(Item(ui("possible", lang), kind="section", children=[Item(line) for line in possible_lines(self, d, lang)]))
        elif d.unknown:
            add(Item(ui("unknown_irrelevant", lang, features=self.titles(d.unknown)),
                     details=", ".join(map(label, d.unknown)) if self.o.details else None))
        if d.outcome is Outcome.ELSEWHERE:   # this policy decides nothing more: say which one does, and why
            for c in d.by_kind(ClauseKind.ELSEWHERE):
                if c.active and c.met:
                    add(self.clause_item(c, "holds"))
            top.children += self.readings(d)
            return top
        if d.outcome is Outcome.NOT_APPROACHED:   # it does meet the conditions: say for what
            add(Item(ui("would_get", lang, tier=contract(d.tier, lang))))
        if d.outcome in (Outcome.NO_CONTRACT, Outcome.EXCEPTION_REQUESTABLE):
            add(self.why_none(d))
        if goal is not None:
            add(self.goal(d, goal))
        add(self.required(d))
        for section in (self.exclusions(d), self.factors(d)):
            if section.children:
                add(section)
        if d.next_tier is not None and d.outcome in (Outcome.CONTRACT, Outcome.NOT_APPROACHED, Outcome.NO_CONTRACT):
            add(self.next_tier(d, d.next_tier, "section.next"))
        approach = d.by_kind(ClauseKind.APPROACHED, ClauseKind.NOT_APPROACHED)
        blocking = [c for c in approach if c.active and (c.met == (c.clause.kind is ClauseKind.NOT_APPROACHED))]
        naming = [c for c in d.by_kind(ClauseKind.APPROACHES_ALL) if c.active]
        if not any(c.met for c in naming):   # approached only if one of them names the provider
            blocking += naming
        if blocking:
            add(Item(ui("not_approached_by", lang), kind="section",
                     children=[self.clause_item(c, "fails") for c in blocking]))
        for c in d.by_kind(ClauseKind.CONTINUING):
            if c.active and c.met:
                add(Item(ui("section.continuing", lang), kind="section", children=[self.clause_item(c, "holds")]))
        if not d.outcome.contracted:
            routes = [self.clause_item(c, "holds", tree=False) for c in d.by_kind(ClauseKind.ROUTE) if c.active and c.met]
            if routes:
                add(Item(ui("section.routes", lang), kind="section", children=routes))
        if d.term is not None and d.outcome is Outcome.CONTRACT:
            add(Item(f"{ui('term', lang, start=d.term.start, end=d.term.end)} ({d.term.citation.section})"))
        for rule, date, value in d.start_dates:
            feature = self.policy.features[rule.ref.name]
            shown = ", ".join(wording.fmt_value(v, lang, feature) for v in value.values)
            add(Item(ui("start_date", lang, date=wording.date_text(date, lang),
                        feature=wording.titled(feature.title, feature.name, lang),
                        value=shown) + f" ({rule.citation.section})"))
        if d.milestones and d.outcome in (Outcome.CONTRACT, Outcome.NOT_APPROACHED):
            add(Item(ui("section.dates", lang), kind="section", children=[
                Item(f"{when_text(m.when, lang)}: {wording.titled(m.title, m.id, lang)} ({m.citation.section})")
                for m in d.milestones]))
        top.children += self.readings(d)
        return top

    def readings(self, d: Decision) -> list[Item]:
        """The flagged readings this decision rests on, with the reading not taken."""
        items = []
        for note in d.readings:
            carrier = self.policy.clauses.get(note.id) or next(
                (i for i in (*self.policy.terms, *self.policy.start_rules) if i.id == note.id), None)
            line = ui("reading", self.lang, section=note.citation.section,
                      clause=wording.titled(carrier.title if carrier is not None else None, note.id, self.lang),
                      reading=wording.shown(note.reading.taken, self.lang))
            if note.reading.alternative:
                line += "; " + ui("reading_alternative", self.lang,
                                  alternative=wording.shown(note.reading.alternative, self.lang))
            items.append(Item(line, kind="reading", details=note.id if self.o.details else None))
        return items

    def why_none(self, d: Decision) -> Item:
        """Every condition that stands in the way, with the provider's value and its §."""
        lang = self.lang
        section = Item(ui("section.why_none", lang), kind="section")
        if d.care_type.parents and not any(o.contracted for _, o, _ in d.parents):
            section.children.append(self.parent_item(d))
        for c in d.clauses:
            if c.clause.kind.required and c.active and not c.met:
                item = self.clause_item(c, "fails", tree=False)
                item.children = self.failing(c.condition)
                section.children.append(item)
        for c in d.by_kind(ClauseKind.EXCLUSION):
            if c.active and c.met and not c.excepted:
                section.children.append(self.exclusion(c))
        if not section.children:
            failing_tiers = [t for t in d.tiers if not t.holds]
            if failing_tiers:   # eligible, but no tier's condition holds
                section.children.append(self.next_tier(d, failing_tiers[-1], "section.no_tier"))
        return section

    def parent_item(self, d: Decision) -> Item:
        lang = self.lang
        ok = any(outcome.contracted for _, outcome, _ in d.parents)
        titles = [wording.shown(self.policy.care_types[p].title, lang) if p in self.policy.care_types else p
                  for p in d.care_type.parents]
        delivered = ", ".join(
            f"{wording.shown(self.policy.care_types[p].title, lang)} ({outcome_text(o, t, lang)})"
            for p, o, t in d.parents) or ui("unknown", lang)
        return Item(f"{ui('parent_contract', lang, parents=wording.listing(titles, lang))}: {delivered}", state_of(ok))

    def required(self, d: Decision) -> Item:
        lang = self.lang
        section = Item(ui("section.required", lang), kind="section")
        if d.care_type.parents:
            section.children.append(self.parent_item(d))
        for c in (c for c in d.clauses if c.clause.kind.required):
            if not c.active:
                guard = wording.condition(self.policy, c.guard.syntax, lang) if c.guard else ""
                now = ""
                if c.guard is not None and not c.guard.children:
                    now = wording.values_text(self.policy, c.guard.values, c.guard.syntax, lang)
                status = ui("status.applies_only_if", lang, guard=guard) + (f" ({now})" if now else "")
                section.children.append(self.clause_item(c, "na", status, tree=False))
            else:
                section.children.append(self.clause_item(c, state_of(c.met, c.unknown)))
        return section

    def exclusion(self, c: ClauseResult) -> Item:
        status = ui("status.excluded", self.lang)
        if c.clause.request:
            status += "; " + ui("status.request_via", self.lang, via=wording.shown(c.clause.request, self.lang))
        return self.clause_item(c, "fails", status)

    def exclusions(self, d: Decision) -> Item:
        lang = self.lang
        section = Item(ui("section.exclusions", lang), kind="section")
        for c in d.by_kind(ClauseKind.EXCLUSION):
            if not c.active:
                section.children.append(self.clause_item(c, "na", ui("status.na", lang), tree=False))
            elif c.unknown:   # occurs in some completions of the unknown facts
                section.children.append(self.clause_item(c, "unknown"))
            elif not c.met:
                section.children.append(self.clause_item(c, "holds", ui("status.does_not_occur", lang)))
            elif c.excepted:
                exception = wording.condition(self.policy, c.exception.syntax, lang)
                section.children.append(self.clause_item(c, "holds", ui("status.excepted", lang, condition=exception)))
            else:
                section.children.append(self.exclusion(c))
        return section

    def factors(self, d: Decision) -> Item:
        lang = self.lang
        section = Item(ui("section.factors", lang, count=d.factor_count), kind="section")
        factors = d.by_kind(ClauseKind.FACTOR)
        for c in factors:
            counted = c.clause.id in d.factors
            via = [other for other in factors if c.clause.id in other.via]
            status = None
            if counted and not c.met and via:
                status = ui("via", lang, factor=", ".join(wording.titled(o.clause.title, o.clause.id, lang) for o in via))
            section.children.append(self.clause_item(c, state_of(counted, c.unknown and not counted), status))
        return section

    def next_tier(self, d: Decision, tier: TierResult, key: str) -> Item:
        lang = self.lang
        section = Item(ui(key, lang, tier=contract(tier.tier.label, lang)), kind="section")
        for leaf in self._failing_leaves(tier.condition):
            if isinstance(leaf.syntax, n.FactorCount):
                item = Item(ui("factor_count", lang, needed=leaf.syntax.minimum, count=d.factor_count), "fails")
                for c in d.by_kind(ClauseKind.FACTOR):
                    if c.clause.id not in d.factors:
                        item.children.append(self.clause_item(c, "fails"))
                section.children.append(item)
            elif isinstance(leaf.syntax, n.AllRequired):
                section.children.append(Item(ui("all_required", lang), "fails"))
            else:
                section.children.extend(self.tree(leaf))
        return section

    def _failing_leaves(self, node: NodeResult) -> list[NodeResult]:
        if node.holds:
            return []
        if not node.children:
            return [node]
        return [leaf for child in node.children for leaf in self._failing_leaves(child)]

    # ---- --doel ---------------------------------------------------------------------------------

    def goal(self, d: Decision, goal: GoalAnswer) -> Item:
        lang = self.lang
        target = goal.target
        if any(t.tier.label.lower() == target.lower() for t in d.tiers):
            target = contract(target.upper(), lang)
        elif target in self.policy.care_types:
            target = wording.shown(self.policy.care_types[target].title, lang)
        elif target in OUTCOMES:
            target = Outcome(target).localize(lang)
        item = Item(ui("goal.heading", lang, target=target), kind="goal")
        if goal.reached:
            item.text += f": {ui('goal.reached', lang)}"
            item.state = "holds"
            return item
        blocking = Item(ui("goal.blocking", lang), kind="section")
        for clause in goal.blocking:
            result = next((c for c in d.clauses if c.clause.id == clause.id), None)
            if result is None:
                continue
            if clause.kind is ClauseKind.EXCLUSION:
                blocking.children.append(self.exclusion(result))
            else:
                line = self.clause_item(result, "fails", tree=False)
                line.children = self.failing(result.condition) or self.tree(result.condition)
                blocking.children.append(line)
        if goal.tier_blocks is not None:
            tier = next((t for t in d.tiers if t.tier is goal.tier_blocks or t.tier.label == goal.tier_blocks.label), None)
            if tier is not None:
                blocking.children.append(self.next_tier(d, tier, "section.next"))
        if not blocking.children:
            blocking.children.append(Item(ui("goal.nothing_blocks", lang)))
        item.children.append(blocking)
        if goal.changes_needed is None or not goal.proposals:
            item.children.append(Item(ui("goal.impossible", lang), "fails"))
            return item
        changes = Item(ui("goal.changes", lang, count=goal.changes_needed), kind="section")
        for number, proposal in enumerate(goal.proposals, 1):
            outcome = outcome_text(proposal.outcome, proposal.tier, lang)
            option = Item(ui("goal.option", lang, number=number, outcome=outcome), "holds", kind="change")
            for change in proposal.changes:
                title = wording.titled(change.feature.title, change.feature.name, lang)
                if change.year is not None:
                    title = ui("word.for_year", lang, what=title, year=change.year)
                if change.care_type is not None:
                    title += f" ({wording.shown(self.policy.care_types[change.care_type].title, lang)})"

                def shown(values, feature=change.feature):
                    return (", ".join(wording.fmt_value(v, lang, feature) for v in values) if values
                            else ui("goal.not_stated", lang))

                option.children.append(Item(ui("goal.change", lang, what=title, before=shown(change.before),
                                               after=shown(change.after)),
                                            details=change.feature.name if self.o.details else None))
            changes.children.append(option)
        item.children.append(changes)
        return item
