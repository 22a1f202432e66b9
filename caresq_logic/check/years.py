"""Across years: what a change list says against what the two years decide.

- K500 (jaaroverschrijdend): a contract continues from N-1 into N, and a witness provider met it
  in N-1 but fails a clause of N that a change names (or the reverse); proven by clingo over
  both years at once (`twoyears`), the same provider facts feeding each.
- K510 (doorloop_trede): a continuing provider whose tier in N differs from its tier in N-1: the
  tier it now fits is out of its reach while the contract continues.
- K610 (wijziging_romp): a delta not visible in the body of its own year (a replaced clause still
  required, a changed value not changed, a scope that differs from the clause's).
- K600 (wijzigingenlijst): where N-1 has a text of its own, a difference between the bodies that
  no change announces.

Clauses are the same across years by id and kenmerk: a derived year has N's names by
construction; between two own texts, a witness that uses a kenmerk only one year declares rests
on a renaming, not on the text, and is not reported (the renaming is reported as K600)."""

from __future__ import annotations

from ..language import nodes as n
from ..language import printer
from ..language.kinds import ClauseKind, DeltaKind
from ..language.resolve import Policy
from ..messages import Phrase
from .findings import Finding, Involved
from .space import witness_text
from .twoyears import TwoYears, assumed_unknowns


def _pairs(policies: list[Policy]) -> list[tuple[Policy, Policy]]:
    """(earlier, later) publications of one domain, in order."""
    by_domain: dict[str, list[Policy]] = {}
    for policy in policies:
        by_domain.setdefault(policy.header.domain, []).append(policy)
    pairs = []
    for domain in sorted(by_domain):
        ordered = sorted(by_domain[domain], key=lambda p: (p.header.year, p.header.version or "0000"))
        pairs += list(zip(ordered, ordered[1:], strict=False))   # consecutive publications
    return pairs


def changes_between(earlier: Policy, later: Policy) -> list[n.Change]:
    """The change-list items of `later` that describe the step from `earlier`."""
    if earlier.header.year == later.header.year:
        return [c for c in later.changes if c.against == earlier.header.version]
    return [c for c in later.changes if c.against is None]


def _item(policy: Policy, ident: str) -> Involved | None:
    for item in list(policy.clauses.values()) + list(policy.terms) + list(policy.milestones) + list(policy.start_rules):
        if item.id == ident:
            return Involved(item.id, item.title, item.citation.section, item.span)
    if ident in policy.care_types:
        return Involved(ident, policy.care_types[ident].title, "", policy.care_types[ident].span)
    return None


def _change(change: n.Change) -> Involved:
    return Involved(change.id, change.title, change.citation.section, change.span)


def _delta_clauses(earlier: Policy, later: Policy, changes: list[n.Change]) -> dict[str, set[str]]:
    named: dict[str, set[str]] = {}
    for change in changes:
        for delta in change.deltas:
            for name in delta.names + delta.old:
                if name in later.clauses or name in earlier.clauses:
                    named.setdefault(change.id, set()).add(name)
    return named


WHY = {"doorlopend": ClauseKind.CONTINUING, "looptijd": Phrase("term_word")}   # words in the reader's language


def _continuing(earlier: Policy, later: Policy) -> dict[str, str]:
    """Zorgsoorten whose contract runs from `earlier` into `later`, and why."""
    found = {}
    for clause in later.clauses.values():
        if clause.kind is ClauseKind.CONTINUING:
            found.update({z: "doorlopend" for z in later.scope(clause)})
    for term in earlier.terms:
        if term.end >= later.header.year:
            found.update({z: "looptijd" for z in earlier.scope(term) if z not in found})
    return {z: k for z, k in found.items() if z in earlier.care_types and z in later.care_types}


def _renamed(earlier: Policy, later: Policy, facts) -> bool:
    """Does the witness use a kenmerk that only one of two own texts declares?"""
    if earlier.header.derived_from:
        return False
    only = set(earlier.features) ^ set(later.features)
    return any(s.name in only for s in facts)


def cross_year(earlier: Policy, later: Policy) -> list[Finding]:
    changes = changes_between(earlier, later)
    named = _delta_clauses(earlier, later, changes)
    continuing = _continuing(earlier, later)
    by_id = {c.id: c for c in changes}
    goals, facts = [], [f"_continuing_kind({z},{k})." for z, k in continuing.items()]
    for change_id, clauses in named.items():
        facts += [f"_delta_clause({change_id},{c})." for c in sorted(clauses)]
        for z in continuing:
            if any(c in later.clauses and later.applies_to(later.clauses[c], z) for c in clauses):
                goals.append(f"changed({z},{change_id})")
            # Only a clause that is gone can let someone in who was out; an unknown old form
            # would make every such change "relaxed" as well as "changed".
            gone = {name for d in by_id[change_id].deltas if d.kind.gone for name in d.old}
            if any(c in earlier.clauses and earlier.applies_to(earlier.clauses[c], z) for c in clauses & gone):
                goals.append(f"relaxed({z},{change_id})")
    goals += [f"tier_shift({z})" for z in continuing if z in earlier.tiers and z in later.tiers]
    if not goals:
        return []
    years = TwoYears.build(earlier, later, goals, facts)
    findings: list[Finding] = []
    merged: dict[tuple, Finding] = {}   # one finding per change and direction, listing the zorgsoorten
    for goal in goals:
        found = years.witness(goal)
        if found is None or _renamed(earlier, later, found):
            continue
        kind_of_goal, args = goal.split("(", 1)
        z, *rest = args.rstrip(")").split(",")
        text = witness_text(later, found, also=(earlier,))
        text += "".join(line + "\n" for line in assumed_unknowns(found, earlier, later))
        if kind_of_goal == "tier_shift":
            tiers = {s.name: str(s.arguments[2]).strip('"') for s in found if s.name in ("_a_tier", "_b_tier")}
            findings.append(Finding(
                "doorloop_trede", later.path, "check.tier_shift",
                {"care_type": z, "earlier": earlier.path, "later": later.path,
                 "before": tiers.get("_a_tier", "?"), "after": tiers.get("_b_tier", "?")},
                involved=[Involved(f"{t.label}@{z}", t.title, t.citation.section, t.span) for t in later.tiers[z]],
                witness=text))
            continue
        change = by_id[rest[0]]
        side = "_b_" if kind_of_goal == "changed" else "_a_"
        failing = sorted({str(s.arguments[2]) for s in found
                          if s.name in (side + "failed", side + "excluded") and str(s.arguments[1]) == z}
                         & named[change.id])
        policy = later if kind_of_goal == "changed" else earlier
        key = (kind_of_goal, change.id, tuple(failing))
        if key in merged:
            merged[key].args["care_type"] += f", {z}"
            continue
        merged[key] = Finding(
            "jaaroverschrijdend", later.path, "check.cross_year_changed" if kind_of_goal == "changed" else "check.cross_year_relaxed",
            {"care_type": z, "earlier": earlier.path, "later": later.path, "change": change.id,
             "clauses": ", ".join(failing), "why": WHY[continuing[z]]},
            involved=[_change(change)] + [i for i in (_item(policy, c) for c in failing) if i],
            witness=text)
        findings.append(merged[key])
    return findings


def change_vs_body(earlier: Policy, later: Policy) -> list[Finding]:
    """Every delta visible in the body of its own year."""
    findings = []
    for change in changes_between(earlier, later):
        for delta in change.deltas:
            for old in delta.old:
                if old in later.clauses or old in later.care_types:
                    findings.append(Finding(
                        "wijziging_romp", later.path, "check.delta_still_there",
                        {"change": change.id, "kind": delta.kind, "clause": old},
                        involved=[_change(change), _item(later, old)]))
            if delta.kind is DeltaKind.VALUE and isinstance(delta.new_value, n.DateValue):
                for name in delta.names:
                    for m in later.milestones:
                        if m.id == name and m.when.date is not None and m.when.date.value != delta.new_value.value:
                            findings.append(Finding(
                                "wijziging_romp", later.path, "check.delta_value",
                                {"change": change.id, "clause": name, "stated": printer.value(delta.new_value),
                                 "body": m.when.date.text}, involved=[_change(change), _item(later, name)]))
            if change.scope and delta.kind in (DeltaKind.ADDED, DeltaKind.TIGHTENED, DeltaKind.REPLACED):
                stated = set(later.scope(change))
                # an onderdeel of only the stated zorgsoorten is part of what the change is about
                stated |= {z for z, c in later.care_types.items() if c.parents and set(c.parents) <= stated}
                for name in delta.names:
                    clause = later.clauses.get(name)
                    if clause is not None and set(later.scope(clause)) - stated:
                        findings.append(Finding(
                            "wijziging_romp", later.path, "check.delta_scope",
                            {"change": change.id, "clause": name, "stated": ", ".join(sorted(stated)),
                             "body": ", ".join(later.scope(clause))},
                            involved=[_change(change), _item(later, name)]))
    return findings


def unannounced(earlier: Policy, later: Policy) -> list[Finding]:
    """Between two own texts: every body difference needs a change that names it."""
    if earlier.header.derived_from is not None:
        return []
    named = {name for c in changes_between(earlier, later) for d in c.deltas for name in d.names + d.old}
    findings = []
    ids = sorted(set(earlier.clauses) | set(later.clauses))
    for ident in ids:
        before, after = earlier.clauses.get(ident), later.clauses.get(ident)
        # Conditions compare by structure (spans take no part): the identity of a condition across years.
        same = before is not None and after is not None and before.condition == after.condition and \
            before.care_types == after.care_types
        if same or ident in named:
            continue
        findings.append(Finding(
            "wijzigingenlijst", later.path, "check.change_unstated_clause",
            {"clause": ident, "earlier": earlier.path, "later": later.path,
             "how": Phrase("delta.toegevoegd" if before is None else "delta.vervallen" if after is None else "diff.changed")},
            involved=[i for i in (_item(earlier, ident) if before else None,
                                  _item(later, ident) if after else None) if i]))
    for name in sorted(set(earlier.features) ^ set(later.features)):
        where = earlier if name in earlier.features else later
        findings.append(Finding(
            "wijzigingenlijst", later.path, "check.feature_one_year",
            {"feature": name, "policy": where.path, "earlier": earlier.path, "later": later.path},
            involved=[Involved(name, where.features[name].title, "", where.features[name].span)]))
    return findings


def check_years(policies: list[Policy]) -> list[Finding]:
    findings = []
    for earlier, later in _pairs(policies):
        findings += change_vs_body(earlier, later)
        findings += unannounced(earlier, later)
        findings += cross_year(earlier, later)
    return findings
