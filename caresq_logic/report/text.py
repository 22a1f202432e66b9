"""Render decisions for people: text, in Dutch or English.

Takes: `Report`s (per provider, the decisions under every applicable policy).
Returns: a string: the outline of each decision (`outline`), indented, one mark per line (✔ holds,
✘ fails, ? unknown, – does not apply). Every rendering is a pure function of its input, so the
same input always gives byte-identical output.
"""

from __future__ import annotations

from ..diagnostics import visible
from ..messages import ui
from .common import Report
from .outline import Item, Options, Outliner
from .wording import derived_source, shown

MARKS = {"holds": "✔", "fails": "✘", "unknown": "?", "na": "–"}


def policy_line(policy, lang: str, decisions=()) -> str:
    h = policy.header
    version = f", {ui('version', lang, version=h.version)}" if h.version else ""
    if decisions and decisions[0].contract_year not in (None, h.year):
        version += ", " + ui("contract_year", lang, year=decisions[0].contract_year)
    return f"{ui('policy', lang)}: {shown(h.title, lang)} ({h.domain} {h.year}{version})  [{policy.path}]"


def item_lines(item: Item, depth: int, out: list[str]) -> None:
    mark = MARKS.get(item.state, "") if item.state else ""
    details = f"  [{item.details}]" if item.details else ""
    out.append("  " * depth + (f"{mark} " if mark else "") + item.text + details)
    if item.quote:
        out.append("  " * (depth + 2) + item.quote)
    for child in item.children:
        item_lines(child, depth + 1, out)


def text(reports: list[Report], lang: str = "nl", details: bool = False, quotes: bool = False) -> str:
    return "".join(chunks(reports, lang, details, quotes)) or "\n"


def chunks(reports: list[Report], lang: str = "nl", details: bool = False, quotes: bool = False):
    """`text` one provider at a time, a blank line between them: a market's report is never
    held whole."""
    options = Options(lang, details, quotes)
    for number, report in enumerate(reports):
        out: list[str] = [""] if number else []
        name = f"{report.name} ({report.provider})" if report.name else report.provider
        out.append(f"{ui('provider', lang)}: {name}  [{report.file}]")
        for policy, decisions in report.policies:
            out.append(policy_line(policy, lang, decisions))
            if policy.header.reconstructed_from:
                out.append("  " + ui("reconstructed", lang, source=policy.header.reconstructed_from))
            if policy.header.derived_from:
                out.append("  " + ui("derived", lang, source=derived_source(policy.header.derived_from, lang)))
            if not decisions:
                out.append("  " + ui("no_care_types", lang))
            outliner = Outliner(policy, options)
            for decision in decisions:
                goal = report.goals.get((policy.path, decision.care_type.name))
                item_lines(outliner.decision(decision, goal), 1, out)
        # Every line is made visible as a whole: no string from an input (a name, a value, a path)
        # can move the cursor, colour the screen or start a line of its own.
        yield "\n".join(visible(line) for line in out) + "\n"
