"""Render decisions for people: text, in Dutch or English.

Takes: `Report`s (per provider, the decisions under every applicable policy).
Returns: a string. Every rendering is a pure function of its input, sorted, so the same input
always gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt

from ..decide import ClauseResult, Decision, NodeResult, TierResult, Value
from ..language import nodes as n
from ..language.kinds import ClauseKind, Outcome
from ..messages import ui
from .common import Report, when_text


# ---- shared wording -----------------------------------------------------------------------------


def fmt_value(value: object, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value == "ja":
        return ui("yes", lang)
    if value == "nee":
        return ui("no", lang)
    return str(value)


def fmt_values(values: tuple[Value, ...], lang: str) -> str:
    parts = []
    for value in values:
        shown = ", ".join(fmt_value(v, lang) for v in value.values) if value.values else ui("unknown", lang)
        parts.append(f"{value.label} = {shown}")
    return "; ".join(parts)


def citation(c: n.Citation) -> str:
    return c.section


def headline(d: Decision, lang: str) -> str:
    return _contract(d.tier, lang) if d.outcome is Outcome.CONTRACT else d.outcome.localize(lang)


def leaves(node: NodeResult) -> list[NodeResult]:
    if not node.children:
        return [node]
    return [leaf for child in node.children for leaf in leaves(child)]


# ---- text ---------------------------------------------------------------------------------------


def text(reports: list[Report], lang: str = "nl") -> str:
    out: list[str] = []
    for report in reports:
        name = f"{report.name} ({report.provider})" if report.name else report.provider
        out.append(f"{ui('provider', lang)}: {name}  [{report.file}]")
        for policy, decisions in report.policies:
            h = policy.header
            version = ", " + ui("version", lang, version=h.version) if h.version else ""
            if decisions and decisions[0].contract_year not in (None, h.year):
                version += ", " + ui("contract_year", lang, year=decisions[0].contract_year)
            out.append(f"{ui('policy', lang)}: {h.title} ({h.domain} {h.year}{version})  [{policy.path}]")
            if h.reconstructed_from:
                out.append("  " + ui("reconstructed", lang, source=h.reconstructed_from))
            if not decisions:
                out.append("  " + ui("no_care_types", lang))
            for decision in decisions:
                out.extend(_decision_text(decision, lang))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _mark(ok: bool) -> str:
    return "✔" if ok else "✘"


def _clause_line(c: ClauseResult, ok: bool, status: str | None = None) -> str:
    title = f" — {c.clause.title}" if c.clause.title else ""
    line = f"      {_mark(ok)} {c.clause.id}{title} ({citation(c.clause.citation)})"
    return line + (f": {status}" if status else "")


def _leaf_lines(node: NodeResult, lang: str, indent: str = "          ") -> list[str]:
    lines = []
    for leaf in leaves(node):
        values = fmt_values(leaf.values, lang)
        lines.append(f"{indent}{_mark(leaf.holds)} {leaf.text}" + (f"  [{values}]" if values else ""))
    return lines


def _decision_text(d: Decision, lang: str) -> list[str]:
    """One decision: the headline, then a section per kind of clause, each only when it says something."""
    out = [f"  {d.care_type.title}: {headline(d, lang)}"]
    if d.outcome is Outcome.ELSEWHERE:   # this policy decides nothing more: say which one does, and why
        for c in d.by_kind(ClauseKind.ELSEWHERE):
            if c.active and c.met:
                out.append(_clause_line(c, True))
                out.extend(_leaf_lines(c.condition, lang))
        return out + ["    " + reading_line(note, lang) for note in d.readings]
    if d.outcome is Outcome.NOT_APPROACHED:   # it does meet the conditions: say for what
        out.append("    " + ui("would_get", lang, tier=_contract(d.tier, lang)))
    out += _required_text(d, lang)
    out += _exclusions_text(d, lang)
    out += _factors_text(d, lang)
    if d.next_tier is not None and d.outcome in (Outcome.CONTRACT, Outcome.NOT_APPROACHED, Outcome.NO_CONTRACT):
        out += _next_tier_text(d, d.next_tier, lang)
    out += _approach_text(d, lang)
    out += _continuing_and_routes_text(d, lang)
    out += _dates_text(d, lang)
    return out + ["    " + reading_line(note, lang) for note in d.readings]


def _contract(tier: str | None, lang: str) -> str:
    label = Outcome.CONTRACT.localize(lang)
    return f"{label} {tier}" if tier else label


def _required_text(d: Decision, lang: str) -> list[str]:
    out = []
    required = [c for c in d.clauses if c.clause.kind.required]
    if required or d.parents or d.care_type.parents:
        out.append(f"    {ui('section.required', lang)}")
    if d.care_type.parents:
        ok = any(outcome.contracted for _, outcome, _ in d.parents)
        delivered = ", ".join(
            f"{p} ({_contract(t, lang) if o is Outcome.CONTRACT else o.localize(lang)})" for p, o, t in d.parents
        ) or ui("unknown", lang)
        parents = f" {ui('or', lang)} ".join(d.care_type.parents)
        out.append(f"      {_mark(ok)} {ui('parent_contract', lang, parents=parents)}: {delivered}")
    for c in required:
        if not c.active:
            out.append(_clause_line(c, True, ui("status.not_applicable", lang)))
            if c.guard:
                out.extend(_leaf_lines(c.guard, lang))
            continue
        out.append(_clause_line(c, c.met))
        out.extend(_leaf_lines(c.condition, lang))
    return out


def _exclusions_text(d: Decision, lang: str) -> list[str]:
    exclusions = d.by_kind(ClauseKind.EXCLUSION)
    out = [f"    {ui('section.exclusions', lang)}"] if exclusions else []
    for c in exclusions:
        if not (c.active and c.met):
            out.append(_clause_line(c, True, ui("status.not_applicable", lang)))
        elif c.excepted:
            out.append(_clause_line(c, True, ui("status.excepted", lang, condition=c.exception.text)))
        else:
            status = ui("status.excluded", lang)
            if c.clause.request:
                status += "; " + ui("status.request_via", lang, via=c.clause.request)
            out.append(_clause_line(c, False, status))
        out.extend(_leaf_lines(c.condition, lang))
        if c.exception and c.active and c.met:
            out.extend(_leaf_lines(c.exception, lang))
    return out


def _factors_text(d: Decision, lang: str) -> list[str]:
    factors = d.by_kind(ClauseKind.FACTOR)
    out = [f"    {ui('section.factors', lang, count=d.factor_count)}"] if factors else []
    for c in factors:
        counted = c.clause.id in d.factors
        via = [other.clause.id for other in factors if c.clause.id in other.via]
        status = ui("via", lang, factor=", ".join(via)) if counted and not c.met and via else None
        out.append(_clause_line(c, counted, status))
        out.extend(_leaf_lines(c.condition, lang))
    return out


def _approach_text(d: Decision, lang: str) -> list[str]:
    approach = d.by_kind(ClauseKind.APPROACHED, ClauseKind.NOT_APPROACHED)
    blocking = [c for c in approach if c.active and (c.met == (c.clause.kind is ClauseKind.NOT_APPROACHED))]
    out = [f"    {ui('not_approached_by', lang)}"] if blocking else []
    for c in blocking:
        out.append(_clause_line(c, False))
        out.extend(_leaf_lines(c.condition, lang))
    return out


def _continuing_and_routes_text(d: Decision, lang: str) -> list[str]:
    out = []
    for c in d.by_kind(ClauseKind.CONTINUING):
        if c.active and c.met:
            out.append(f"    {ui('section.continuing', lang)}")
            out.append(_clause_line(c, True))
    routes = [c for c in d.by_kind(ClauseKind.ROUTE) if c.active and c.met]
    if routes and not d.outcome.contracted:
        out.append(f"    {ui('section.routes', lang)}")
        out.extend(_clause_line(c, True) for c in routes)
    return out


def _dates_text(d: Decision, lang: str) -> list[str]:
    out = []
    if d.term is not None and d.outcome is Outcome.CONTRACT:
        out.append(f"    {ui('term', lang, start=d.term.start, end=d.term.end)} ({citation(d.term.citation)})")
    for rule, date, value in d.start_dates:
        shown = ", ".join(fmt_value(v, lang) for v in value.values)
        out.append("    " + ui("start_date", lang, date=date.isoformat(), feature=value.label, value=shown)
                   + f" ({citation(rule.citation)})")
    if d.milestones and d.outcome in (Outcome.CONTRACT, Outcome.NOT_APPROACHED):
        out.append(f"    {ui('section.dates', lang)}")
        for m in d.milestones:
            out.append(f"      {when_text(m.when, lang)}: {m.title or m.id} ({citation(m.citation)})")
    return out


def reading_line(note, lang: str) -> str:
    line = ui("reading", lang, section=citation(note.citation), clause=note.id, reading=note.reading.taken)
    if note.reading.alternative:
        line += "; " + ui("reading_alternative", lang, alternative=note.reading.alternative)
    return line


def _next_tier_text(d: Decision, tier: TierResult, lang: str) -> list[str]:
    out = [f"    {ui('section.next', lang, tier=_contract(tier.tier.label, lang))}"]
    for leaf in leaves(tier.condition):
        if leaf.holds:
            continue
        if isinstance(leaf.syntax, n.FactorCount):
            out.append("      ✘ " + ui("factor_count", lang, needed=leaf.syntax.minimum, count=d.factor_count))
            for c in d.by_kind(ClauseKind.FACTOR):
                if c.clause.id not in d.factors:
                    title = f" — {c.clause.title}" if c.clause.title else ""
                    out.append(f"          ✘ {c.clause.id}{title} ({citation(c.clause.citation)})")
                    out.extend(_leaf_lines(c.condition, lang, indent="              "))
        elif isinstance(leaf.syntax, n.AllRequired):
            out.append("      ✘ " + ui("all_required", lang))
        else:
            values = fmt_values(leaf.values, lang)
            out.append(f"      ✘ {leaf.text}" + (f"  [{values}]" if values else ""))
    return out


