"""Every name a `wijziging` delta gives must exist (called by `resolve`). Apart from the Lark
transformer in `deltas`, so that resolving a cached policy does not import Lark."""

from __future__ import annotations


def check_deltas(checker, changes, clauses, terms, milestones, start_rules) -> None:
    """A delta names items of this year (its new side) and, for what is gone, either items
    still here (the body contradicts the list: a finding of `check`) or their kind."""
    known = set(clauses) | set(checker.care_types) | {t.id for t in terms} | \
        {m.id for m in milestones} | {r.id for r in start_rules}
    for change in changes:
        for delta in change.deltas:
            for name in delta.names:
                if name not in known:
                    checker.error("B232", delta.span, name=name)
            for name in delta.old:
                if name not in known and delta.old_kind is None:
                    checker.error("B233", delta.span, name=name)
