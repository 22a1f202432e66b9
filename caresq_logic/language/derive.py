"""Derive the earlier publication of a policy from its text and its change list.

Takes: a checked `Policy` whose `wijziging` items carry deltas.
Returns: the `Policy` of the publication before it (an earlier version of the same year, for the
items said `ten opzichte van versie "..."`, then the previous year), marked `derived_from`.

Year N-1 is year N with every delta undone, nothing more: the same kenmerken and zorgsoorten,
every clause the change list does not touch copied (the list's completeness is the text's own
claim; `check` holds the list to the body). What the list leaves unknown becomes `onbekend`:

- toegevoegd X          X is not in N-1;
- vervallen X           X was in N-1, its condition `onbekend` (or as in N's body, if it is still there);
- vervangen X door Y    Y is not in N-1, X was (as for vervallen);
- aangescherpt X        X in N-1 is weaker: `(its condition in N) of onbekend`;
- waarde X van A naar B X in N-1 has A where N has B (a date of a mijlpaal, a value in a condition);
- onbekend X            X's condition in N-1 is `onbekend` (for a zorgsoort: its tiers).

The derived tree keeps the spans of year N's file, so every derived clause still cites the
sentence it comes from; an item that exists only in N-1 cites the change-list item.
"""

from __future__ import annotations

from dataclasses import replace

from ..diagnostics import Failed
from . import nodes as n
from .conditions import walk
from .kinds import ClauseKind, DeltaKind
from .resolve import Policy, resolve
from .texts import Text


def derive_all(policy: Policy) -> list[Policy]:
    """The publications before `policy` that its change lists describe, latest first."""
    changes = [c for c in policy.changes if c.deltas or c.text]
    if not changes:
        return []
    derived: list[Policy] = []
    current = policy
    replaced = policy.header.replaces
    against_version = [c for c in changes if replaced and c.against == replaced]
    if against_version:
        current = _derive(current, against_version, policy.header.year, replaced)
        derived.append(current)
    rest = [c for c in current.changes if c.against is None]
    if rest:
        derived.append(_derive(current, rest, policy.header.year - 1, None))
    return derived


def _label(header: n.Header) -> str:
    return f"{header.domain} {header.year}" + (f" versie {header.version}" if header.version else "")


def _derived_title(title: str | None, derived: str, version_word: str, year: int, version: str | None) -> str | None:
    """`Title (afgeleid: 2024 versie 2024-01)`: the title of a year derived from a later one."""
    if title is None:
        return None
    return f"{title.split(f' ({derived}:')[0]} ({derived}: {year}" + (f" {version_word} {version}" if version else "") + ")"


def _derive(policy: Policy, changes: list[n.Change], year: int, version: str | None) -> Policy:
    items = list(policy.file.items)
    undone = {c.id for c in changes}   # by id: resolve's items are copies carrying their scope
    # The change list of N describes N; the derived year keeps only lists about its own past.
    items = [i for i in items if not (isinstance(i, n.Change) and (i.id in undone or version is None))]
    for change in changes:
        for delta in change.deltas:
            items = _undo(policy, change, delta, items)
    if version is None:
        items = [_planning_unknown(i) for i in items if not isinstance(i, n.Term)]
    header = policy.header
    origin = policy.header.derived_from or _label(header)
    new_header = replace(header, year=year, version=version, replaces=None, derived_from=origin,
                         title=Text(_derived_title(header.title, "afgeleid", "versie", year, version),
                                    _derived_title(header.title.en, "derived", "version", year, version)))
    path = policy.path.split("@")[0] + "@" + (version or str(year))
    tree = n.PolicyFile(path, new_header, tuple(items))
    try:
        return resolve(tree)
    except Failed as failed:   # a delta that cannot be undone is the encoding's error: say where
        raise Failed([replace(d, span=replace(d.span, file=policy.path)) for d in failed.diagnostics]) from None


def _ids(item) -> str | None:
    if isinstance(item, (n.Clause, n.Term, n.Milestone, n.StartRule, n.Change)):
        return item.id
    if isinstance(item, n.CareType):
        return item.name
    return None


def _without(items: list, names: set[str]) -> list:
    """Drop the items named (clauses, terms, milestones, zorgsoorten) and every mention of a
    dropped zorgsoort in scopes, groups and `onderdeel van`; an item left without scope goes too."""
    kept = []
    for item in items:
        if _ids(item) in names:
            continue
        if isinstance(item, n.Suppression) and item.clause in names:
            continue
        if isinstance(item, n.Group):
            members = tuple(m for m in item.members if m not in names)
            if not members:
                names = names | {item.name}
                continue
            item = replace(item, members=members)
        elif isinstance(item, n.CareType) and set(item.parents) & names:
            item = replace(item, parents=tuple(p for p in item.parents if p not in names))
        elif getattr(item, "scope", None) and not isinstance(item, n.CareType):
            scope = tuple(z for z in item.scope if z not in names)
            if not scope:
                continue
            item = replace(item, scope=scope)
        if isinstance(item, n.Clause) and item.counts_as in names:
            item = replace(item, counts_as=None)
        kept.append(item)
    return kept


def _scope_of(policy: Policy, change: n.Change, delta: n.Delta) -> tuple[str, ...]:
    if change.scope:
        return policy.scope(change)
    scope: list[str] = []
    for name in delta.names:
        if name in policy.care_types:
            scope.append(name)
        for item in list(policy.clauses.values()) + list(policy.terms):
            if item.id == name:
                scope += [z for z in policy.scope(item) if z not in scope]
    return tuple(scope) or tuple(policy.care_types)


def _unknown_clause(kind: ClauseKind, ident: str, change: n.Change, delta: n.Delta, scope: tuple[str, ...]) -> n.Clause:
    return n.Clause(kind, ident, None, change.citation, scope, None, n.Unknown(delta.span), None, None, None,
                    delta.span, delta.span)


def _undo(policy: Policy, change: n.Change, delta: n.Delta, items: list) -> list:
    present = {_ids(i) for i in items}
    if delta.kind in (DeltaKind.ADDED, DeltaKind.REPLACED):
        scope = _scope_of(policy, change, delta)
        items = _without(items, set(delta.names) - set(delta.old))
    if delta.kind.gone:
        scope = _scope_of(policy, change, delta) if delta.kind is DeltaKind.REMOVED else scope
        scope = tuple(z for z in scope if z not in delta.names) or scope
        for old in delta.old:
            if old in present:
                continue   # still in N's body (a finding of `check`): N-1 had it as it stands
            if delta.old_kind == "zorgsoort":
                items.insert(0, n.CareType(old, old, (), delta.span))
                items.append(_unknown_clause(ClauseKind.REQUIREMENT, f"onbekend_{old}", change, delta, (old,)))
            else:
                kept = tuple(z for z in scope if any(isinstance(i, n.CareType) and i.name == z for i in items))
                items.append(_unknown_clause(delta.old_kind, old, change, delta, kept or scope))
    if delta.kind is DeltaKind.TIGHTENED:
        items = [replace(i, condition=n.Or((i.condition, n.Unknown(delta.span)), delta.span))
                 if isinstance(i, n.Clause) and i.id in delta.names else i for i in items]
    if delta.kind is DeltaKind.UNKNOWN:
        names = set(delta.names)
        result = []
        for item in items:
            if isinstance(item, n.Clause) and item.id in names:
                item = replace(item, condition=n.Unknown(delta.span))
            elif isinstance(item, n.Tier) and item.scope and set(item.scope) <= names:
                item = replace(item, condition=n.Unknown(delta.span))
            elif isinstance(item, n.Milestone) and item.id in names:
                item = replace(item, when=n.When("text", None, None, None, "onbekend", delta.span))
            result.append(item)
        items = result
    if delta.kind is DeltaKind.VALUE and delta.names:
        items = [_old_value(i, delta) if _ids(i) in delta.names else i for i in items]
    return items


def _planning_unknown(item):
    """The planning of year N is not that of N-1: its dates, its looptijden, its contract years
    and whose contract continues into N-1 are unknown (the change list compares the texts, not the procedures)."""
    if isinstance(item, n.Milestone):
        return replace(item, when=n.When("text", None, None, None, "onbekend", item.when.span))
    # A clause `in contractjaar N` is about a year of N's contract, which N-1 does not have.
    if isinstance(item, n.Clause) and (item.kind is ClauseKind.CONTINUING or _dated(item.condition)
                                       or (item.guard is not None and _dated(item.guard))
                                       or item.contract_year is not None):
        return replace(item, condition=n.Unknown(item.condition.span), guard=None, contract_year=None)
    return item


def _dated(condition: n.Condition) -> bool:
    return any(isinstance(x, n.Comparison) and isinstance(x.value, n.DateValue) for x in walk(condition))


def _old_value(item, delta: n.Delta):
    old, new = delta.old_value, delta.new_value
    if isinstance(item, n.Milestone) and isinstance(old, n.DateValue):
        return replace(item, when=n.When("on", old, None, None, None, delta.span))
    if isinstance(item, n.Clause) and not isinstance(old, str):
        return replace(item, condition=_swap(item.condition, new, old))
    return item


def _swap(condition: n.Condition, new, old) -> n.Condition:
    """The condition with every compared value equal to `new` replaced by `old`."""
    match condition:
        case n.Comparison() if type(condition.value) is type(new) and \
                getattr(condition.value, "value", None) == getattr(new, "value", None):
            return replace(condition, value=old)
        case n.Not():
            return replace(condition, operand=_swap(condition.operand, new, old))
        case n.And() | n.Or():
            return replace(condition, operands=tuple(_swap(o, new, old) for o in condition.operands))
        case n.Comparison() | n.Truth() | n.Ratio() | n.Membership() | n.AllRequired() | n.FactorCount() | n.Unknown():
            return condition
        case _:
            raise TypeError(f"cannot swap values in condition {type(condition).__name__}")
