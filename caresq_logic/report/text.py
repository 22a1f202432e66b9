"""Render decisions for people: text, in Dutch or English.

Takes: `Report`s (per provider, the decisions under every applicable policy).
Returns: a string. Every rendering is a pure function of its input, sorted, so the same input
always gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt

from ..diagnostics import visible
from ..decide import ClauseResult, Decision, NodeResult, TierResult, Value
from ..language import nodes as n
from ..messages import ui
from .common import Report, when_text


CONTRACTED = ("zorgovereenkomst", "doorlopende_overeenkomst")


# ---- shared wording -----------------------------------------------------------------------------


def fmt_value(value: object, lang: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if value == "ja":
        return ui("yes", lang)
    if value == "nee":
        return ui("no", lang)
    return visible(str(value))


def fmt_values(values: tuple[Value, ...], lang: str) -> str:
    parts = []
    for value in values:
        shown = ", ".join(fmt_value(v, lang) for v in value.values) if value.values else ui("unknown", lang)
        parts.append(f"{value.label} = {shown}")
    return "; ".join(parts)


def citation(c: n.Citation) -> str:
    return c.section


def headline(d: Decision, lang: str) -> str:
    label = ui("outcome." + d.outcome, lang)
    if d.outcome == "zorgovereenkomst" and d.tier:
        return f"{label} {d.tier}"
    return label


def leaves(node: NodeResult) -> list[NodeResult]:
    if not node.children:
        return [node]
    return [leaf for child in node.children for leaf in leaves(child)]


# ---- text ---------------------------------------------------------------------------------------


def text(reports: list[Report], lang: str = "nl") -> str:
    out: list[str] = []
    for report in reports:
        # Every string from an input is made visible: a report line cannot be spoofed.
        name = f"{report.name} ({report.provider})" if report.name else report.provider
        out.append(f"{ui('provider', lang)}: {visible(name)}  [{visible(report.file)}]")
        for policy, decisions in report.policies:
            h = policy.header
            version = f", versie {h.version}" if h.version else ""
            out.append(f"{ui('policy', lang)}: {h.title} ({h.domain} {h.year}{version})  [{visible(policy.path)}]")
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
    out = [f"  {d.care_type.title}: {headline(d, lang)}"]
    if d.outcome == "niet_benaderd":   # it does meet the conditions: say for what
        tier = f"{ui('outcome.zorgovereenkomst', lang)} {d.tier}" if d.tier else ui("outcome.zorgovereenkomst", lang)
        out.append("    " + ui("would_get", lang, tier=tier))

    required = d.by_kind("randvoorwaarde", "aanvullende_voorwaarde", "selectie")
    if required or d.parents or d.care_type.parents:
        out.append(f"    {ui('section.required', lang)}")
    if d.care_type.parents:
        ok = any(outcome in CONTRACTED for _, outcome, _ in d.parents)
        delivered = ", ".join(
            f"{p} ({ui('outcome.' + o, lang)}{' ' + t if t and o == 'zorgovereenkomst' else ''})"
            for p, o, t in d.parents
        ) or ui("unknown", lang)
        out.append(f"      {_mark(ok)} {ui('parent_contract', lang, parents=' of '.join(d.care_type.parents))}"
                   f": {delivered}")
    for c in required:
        if not c.active:
            out.append(_clause_line(c, True, ui("status.not_applicable", lang)))
            if c.guard:
                out.extend(_leaf_lines(c.guard, lang))
            continue
        out.append(_clause_line(c, c.met))
        out.extend(_leaf_lines(c.condition, lang))

    exclusions = d.by_kind("uitsluiting")
    if exclusions:
        out.append(f"    {ui('section.exclusions', lang)}")
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

    factors = d.by_kind("differentiatiefactor")
    if factors:
        out.append(f"    {ui('section.factors', lang, count=d.factor_count)}")
    for c in factors:
        counted = c.clause.id in d.factors
        via = [other.clause.id for other in factors if c.clause.id in other.via]
        status = ui("via", lang, factor=", ".join(via)) if counted and not c.met and via else None
        out.append(_clause_line(c, counted, status))
        out.extend(_leaf_lines(c.condition, lang))

    if d.next_tier is not None and d.outcome in ("zorgovereenkomst", "niet_benaderd", "geen_overeenkomst"):
        out.extend(_next_tier_text(d, d.next_tier, lang))

    approach = d.by_kind("benaderd", "niet_benaderd")
    blocking = [c for c in approach if c.active and (c.met == (c.clause.kind == "niet_benaderd"))]
    if blocking:
        out.append(f"    {ui('not_approached_by', lang)}")
        for c in blocking:
            out.append(_clause_line(c, False))
            out.extend(_leaf_lines(c.condition, lang))

    continuing = [c for c in d.by_kind("doorlopend") if c.active and c.met]
    for c in continuing:
        out.append(f"    {ui('section.continuing', lang)}")
        out.append(_clause_line(c, True))

    if d.outcome not in CONTRACTED:
        routes = [c for c in d.by_kind("route") if c.active and c.met]
        if routes:
            out.append(f"    {ui('section.routes', lang)}")
            for c in routes:
                out.append(_clause_line(c, True))

    if d.term is not None and d.outcome == "zorgovereenkomst":
        out.append(f"    {ui('term', lang, start=d.term.start, end=d.term.end)} ({citation(d.term.citation)})")
    for rule, date, value in d.start_dates:
        shown = ", ".join(fmt_value(v, lang) for v in value.values)
        out.append("    " + ui("start_date", lang, date=date.isoformat(), feature=value.label, value=shown)
                   + f" ({citation(rule.citation)})")
    if d.milestones and d.outcome in ("zorgovereenkomst", "niet_benaderd"):
        out.append(f"    {ui('section.dates', lang)}")
        for m in d.milestones:
            out.append(f"      {when_text(m.when)}: {m.title or m.id} ({citation(m.citation)})")
    return out


def _next_tier_text(d: Decision, tier: TierResult, lang: str) -> list[str]:
    out = [f"    {ui('section.next', lang, tier=ui('outcome.zorgovereenkomst', lang) + ' ' + tier.tier.label)}"]
    for leaf in leaves(tier.condition):
        if leaf.holds:
            continue
        if isinstance(leaf.syntax, n.FactorCount):
            out.append("      ✘ " + ui("factor_count", lang, needed=leaf.syntax.minimum, count=d.factor_count))
            for c in d.by_kind("differentiatiefactor"):
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


