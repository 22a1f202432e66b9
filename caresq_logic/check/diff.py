"""`caresq-logic diff OLD NEW`: the semantic difference of two policy publications.

Clauses are matched by id, tiers by zorgsoort and label, zorgsoorten by name; a clause is
changed when its condition, guard, exception or scope differs as policy text. For each added,
removed or changed clause, clingo searches both programs at once (`twoyears`) for a witness
provider whose decision for some zorgsoort differs between the two and for whom that clause is
met in one and failed in the other: the change is what changes that provider's outcome. A
change with no such witness never changes any decision on its own (it is still listed)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..language import nodes as n
from ..language import printer
from ..language.kinds import Outcome
from ..language.resolve import Policy
from ..messages import Phrase, ui
from .space import witness_text
from .twoyears import TwoYears, assumed_unknowns


@dataclass
class Change:
    what: str                  # zorgsoort, clausule, zorgovereenkomst (the JSON constants)
    ident: str
    how: str                   # toegevoegd, vervallen, gewijzigd
    old: str | None = None
    new: str | None = None
    care_type: str | None = None
    outcomes: dict[str, str] = field(default_factory=dict)   # old/new decision of the witness
    witness: str | None = None


def _text(clause: n.Clause | None, policy: Policy) -> str | None:
    if clause is None:
        return None
    parts = [f"{clause.kind.words} voor {', '.join(clause.care_types)}: "
             f"{printer.condition(clause.condition)}"]
    if clause.guard is not None:
        parts.append(f"indien {printer.condition(clause.guard)}")
    if clause.exception is not None:
        parts.append(f"tenzij {printer.condition(clause.exception)}")
    return " ".join(parts)


def diff(old: Policy, new: Policy) -> list[Change]:
    changes: list[Change] = []
    for z in sorted(set(old.care_types) ^ set(new.care_types)):
        changes.append(Change("zorgsoort", z, "toegevoegd" if z in new.care_types else "vervallen"))
    clause_changes = []
    for ident in sorted(set(old.clauses) | set(new.clauses)):
        before, after = _text(old.clauses.get(ident), old), _text(new.clauses.get(ident), new)
        if before != after:
            how = "toegevoegd" if before is None else "vervallen" if after is None else "gewijzigd"
            clause_changes.append(Change("clausule", ident, how, before, after))
    for z in sorted(set(old.tiers) | set(new.tiers)):
        labels = [t.label for t in old.tiers.get(z, ())] + [t.label for t in new.tiers.get(z, ())]
        for label in dict.fromkeys(labels):
            before = next((printer.condition(t.condition) for t in old.tiers.get(z, ()) if t.label == label), None)
            after = next((printer.condition(t.condition) for t in new.tiers.get(z, ()) if t.label == label), None)
            if before != after:
                how = "toegevoegd" if before is None else "vervallen" if after is None else "gewijzigd"
                changes.append(Change("zorgovereenkomst", f"{label}@{z}", how, before, after, z))
    goals = []
    for change in clause_changes:
        scope = set()
        for policy in (old, new):
            if change.ident in policy.clauses:
                scope |= set(policy.clauses[change.ident].care_types)
        goals += [f"outcome({z},{change.ident})" for z in sorted(scope)]
    if goals:
        years = TwoYears.build(old, new, goals, [])
        for change in clause_changes:
            for goal in [g for g in goals if g.endswith(f",{change.ident})")]:
                found = years.witness(goal)
                if found is None:
                    continue
                change.care_type = goal[len("outcome("):].split(",")[0]
                change.outcomes = {("old" if s.name == "_a_decision" else "new"): str(s.arguments[2])
                                   for s in found if s.name in ("_a_decision", "_b_decision")
                                   and str(s.arguments[1]) == change.care_type}
                change.witness = witness_text(new, [s for s in found if not s.name.startswith("_")], also=(old,)) + \
                    "".join(line + "\n" for line in assumed_unknowns(found, old, new))
                break
    return changes + clause_changes


# The words of the text output, by the JSON constants of `what` and `how`.
WORDS = {"zorgsoort": "diff.care_type", "clausule": "diff.clause", "zorgovereenkomst": "diff.tier",
         "toegevoegd": "delta.toegevoegd", "vervallen": "delta.vervallen", "gewijzigd": "diff.changed"}


def _outcome(value: str | None) -> Phrase | str:
    known = {o.value for o in Outcome}
    return Phrase("outcome." + value) if value in known else str(value)


def as_text(old: Policy, new: Policy, changes: list[Change], lang: str = "nl") -> str:
    out = [ui("diff.header", lang, old=old.path, new=new.path, count=len(changes))]
    for c in changes:
        out.append(f"{ui(WORDS[c.how], lang)}: {ui(WORDS[c.what], lang)} {c.ident}")
        if c.old:
            out.append("  " + ui("diff.old", lang, text=c.old))
        if c.new:
            out.append("  " + ui("diff.new", lang, text=c.new))
        if c.witness:
            out.append("  " + ui("diff.decision", lang, care_type=c.care_type,
                                 old=_outcome(c.outcomes.get("old")), new=_outcome(c.outcomes.get("new"))))
            out.append("  " + ui("check.witness", lang) + ":")
            out.extend("    " + line for line in c.witness.splitlines())
        elif c.what == "clausule":
            out.append("  " + ui("diff.no_effect", lang))
    return "\n".join(out) + "\n"


def as_json(old: Policy, new: Policy, changes: list[Change]) -> str:
    return json.dumps({
        "old": {"file": old.path, "year": old.header.year, "version": old.header.version,
                "derived_from": old.header.derived_from},
        "new": {"file": new.path, "year": new.header.year, "version": new.header.version,
                "derived_from": new.header.derived_from},
        "changes": [{"what": c.what, "id": c.ident, "how": c.how, "old": c.old, "new": c.new,
                     "care_type": c.care_type, "outcomes": c.outcomes or None, "witness": c.witness}
                    for c in changes],
    }, ensure_ascii=False, indent=1) + "\n"
