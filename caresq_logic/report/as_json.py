"""Decisions for programs: the JSON document described by docs/explain.schema.json.

A pure function of its input, sorted, so the same input always gives byte-identical output."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from ..decide import ClauseResult, Decision, NodeResult, Value
from ..decide.results import Unstated, label
from ..diagnostics import Diagnostic, sort_key
from ..language import printer
from ..language.texts import english
from .common import Report, when_text

if TYPE_CHECKING:   # check (clingo's search) is imported only for --doel
    from ..check.goal import GoalAnswer


JSON_SCHEMA_VERSION = "1"


def _span(span) -> str | None:
    return f"{span.file}:{span.line}:{span.col}" if span else None


def _value_json(value: Value) -> dict:
    result = {
        "kenmerk": value.label,
        "type": value.kind,
        "values": [v.isoformat() if isinstance(v, dt.date) else v for v in value.values],
        "default": value.default,
    }
    if value.empty:
        result["empty"] = True
    return result


def _node_json(node: NodeResult) -> dict:
    result = {"text": node.text, "holds": node.holds, "unknown": node.unknown, "location": _span(node.span)}
    if node.children:
        result["children"] = [_node_json(c) for c in node.children]
    else:
        result["values"] = [_value_json(v) for v in node.values]
    return result


def _clause_json(c: ClauseResult) -> dict:
    clause = c.clause
    return {
        "id": clause.id,
        "kind": clause.kind.value,
        "title": clause.title,
        "title_en": english(clause.title),
        "citation": {"section": clause.citation.section, "quote": clause.citation.quote},
        "location": _span(clause.span),
        "active": c.active,
        "met": c.met,
        "excepted": c.excepted,
        "counts_for": list(c.via),
        "condition": _node_json(c.condition),
        "guard": _node_json(c.guard) if c.guard else None,
        "exception": _node_json(c.exception) if c.exception else None,
        "request": clause.request,
        "request_en": english(clause.request),
    }


def reading_json(note) -> dict:
    return {"id": note.id, "section": note.citation.section, "quote": note.citation.quote,
            "reading": note.reading.taken, "reading_en": english(note.reading.taken),
            "alternative": note.reading.alternative, "alternative_en": english(note.reading.alternative),
            "location": _span(note.span)}


def _decision_json(d: Decision, lang: str) -> dict:
    return {
        "zorgsoort": d.care_type.name,
        "title": d.care_type.title,
        "title_en": english(d.care_type.title),
        "outcome": d.outcome.value,
        "contract_year": d.contract_year,
        "tier": d.tier,
        "parents": [{"zorgsoort": p, "outcome": o.value, "tier": t} for p, o, t in d.parents],
        "factors": {"count": d.factor_count, "met": list(d.factors)},
        "clauses": [_clause_json(c) for c in d.clauses],
        "tiers": [
            {"tier": t.tier.label, "holds": t.holds, "citation": t.tier.citation.section,
             "location": _span(t.tier.span), "condition": _node_json(t.condition)}
            for t in d.tiers
        ],
        "next_tier": d.next_tier.tier.label if d.next_tier else None,
        "term": {"from": d.term.start, "to": d.term.end, "id": d.term.id} if d.term else None,
        "start_dates": [{"rule": r.id, "date": date.isoformat()} for r, date, _ in d.start_dates],
        "planning": [
            {"id": m.id, "kind": m.kind, "title": m.title, "title_en": english(m.title), "when": when_text(m.when, lang),
             "date": m.when.date.value.isoformat() if m.when.date and m.when.date.value else None}
            for m in d.milestones
        ],
        "readings": [reading_json(r) for r in d.readings],
        "unknown": [label(r) for r in d.unknown],
        "deciding": [label(r) for r in d.deciding],
        "possible": [
            {"outcome": p.outcome.value, "tier": p.tier,
             "conditions": [{"text": label(c) if isinstance(c, Unstated) else printer.condition(c), "holds": holds}
                            for c, holds in p.conditions]}
            for p in d.possible
        ],
    }


def _goal_json(goal: GoalAnswer) -> dict:
    """explain --doel: the blocking clauses (clingo's cores) and the verified smallest changes."""
    def values(vs):
        return [v.isoformat() if isinstance(v, dt.date) else v for v in vs]

    return {
        "target": goal.target,
        "reached": goal.reached,
        "blocking": [{"id": c.id, "kind": c.kind.value, "title": c.title, "title_en": english(c.title),
                      "citation": c.citation.section}
                     for c in goal.blocking],
        "tier_condition_blocks": goal.tier_blocks.label if goal.tier_blocks else None,
        "changes_needed": goal.changes_needed,
        "proposals": [
            {"outcome": p.outcome.value, "tier": p.tier,
             "changes": [{"kenmerk": c.feature.name, "title": c.feature.title, "title_en": english(c.feature.title),
                          "year": c.year,
                          "zorgsoort": c.care_type, "before": values(c.before), "after": values(c.after)}
                         for c in p.changes]}
            for p in goal.proposals
        ],
    }


def _with_goal(decision: dict, goal: GoalAnswer | None) -> dict:
    if goal is not None:
        decision["goal"] = _goal_json(goal)
    return decision


def to_json(reports: list[Report], diagnostics: list[Diagnostic], lang: str = "nl", receipt: dict | None = None,
            policy_set=None, years: dict | None = None) -> str:
    return "".join(chunks(reports, diagnostics, lang, receipt, policy_set, years))


def chunks(reports: list[Report], diagnostics: list[Diagnostic], lang: str = "nl", receipt: dict | None = None,
           policy_set=None, years: dict | None = None):
    """`to_json` one provider at a time: the document of a market is never held whole (its
    dictionaries took ten times the memory of the decisions). Compact on purpose: json's C
    encoder only runs without `indent`, and a market of providers is large; `jq .` pretty-prints it.
    `years`: for explain over several policy years, (file, provider) -> the provider's `years`."""
    head = {
        "schema": JSON_SCHEMA_VERSION,
        **({"policy_set": policy_set.to_json()} if policy_set is not None else {}),
        "receipt": receipt or {},
    }
    yield _dumps(head)[:-1] + ',"providers":['
    for number, r in enumerate(reports):
        yield ("," if number else "") + _dumps(_provider_json(r, lang, years))
    # sorted only now: a streamed run's diagnostics are complete once its reports are
    yield '],"diagnostics":' + _dumps([d.to_json(lang) for d in sorted(diagnostics, key=sort_key)]) + "}\n"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _provider_json(r: Report, lang: str, years: dict | None = None) -> dict:
    return {
        "file": r.file,
        "id": r.provider,
        "name": r.name,
        **({"years": years.get((r.file, r.provider), [])} if years is not None else {}),
        "policies": [
            {
                "domain": p.header.domain,
                "year": p.header.year,
                "version": p.header.version,
                "title": p.header.title,
                "title_en": english(p.header.title),
                "file": p.path,
                "reconstructed_from": p.header.reconstructed_from,
                "derived_from": p.header.derived_from,
                "decisions": [_with_goal(_decision_json(d, lang), r.goals.get((p.path, d.care_type.name)))
                              for d in decisions],
            }
            for p, decisions in r.policies
        ],
    }
