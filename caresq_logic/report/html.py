"""Render decisions as one self-contained HTML page (inline CSS, no scripts, no network,
printable): per provider and policy the decision, the conditions as a collapsible tree
(`<details>`), citations with the quoted sentence, and with --doel why not and what must change.

The page is filled by `string.Template`; every string from a policy or provider file passes
through `shown` (html.escape of `visible`). Draws the same `outline` as the text renderer."""

from __future__ import annotations

from html import escape
from string import Template
from typing import Iterable

from ..diagnostics import visible
from ..messages import ui
from .common import Report, policy_set_header
from .outline import Item, Options, Outliner
from .text import MARKS, policy_line
from .wording import derived_source

PAGE = Template("""<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.4; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
.policy { color: #555; font-size: .9rem; margin: .2rem 0 1rem; }
.decision { border: 1px solid #ccc; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
.outcome { font-size: 1.15rem; font-weight: 600; }
.mark { display: inline-block; width: 1.3em; font-weight: bold; }
.holds > summary .mark, .holds > .mark { color: #1a7f37; }
.fails > summary .mark, .fails > .mark { color: #c62828; }
.unknown > summary .mark, .unknown > .mark { color: #9a6700; }
.na > summary .mark, .na > .mark { color: #777; }
ul { list-style: none; padding-left: 1.3rem; margin: .1rem 0; }
details > summary { cursor: pointer; }
.section > summary, .goal > summary { font-weight: 600; }
.goal { background: #f3f6fb; border-radius: 4px; padding: .3rem .5rem; }
blockquote { margin: .2rem 0 .2rem 1.5rem; color: #444; font-style: italic; }
.details { color: #777; font-family: monospace; font-size: .85em; }
footer { color: #666; font-size: .8rem; margin-top: 2rem; border-top: 1px solid #ccc; }
@media print { details > * { display: block; } details > summary { list-style: none; } .decision { break-inside: avoid; } }
</style>
</head>
<body>
<h1>$title</h1>
$body
<footer>$receipt</footer>
</body>
</html>
""")


def on_page(text: str) -> str:
    """Text on the page: escaped for HTML, and every control, line-breaking or direction-changing
    character written as an escape as in text output (a U+202E in a name reversed the rest of its
    heading, the provider id with it)."""
    return escape(visible(text))


def item_html(item: Item) -> str:
    state = item.state or ""
    mark = f'<span class="mark">{MARKS[item.state]}</span>' if item.state in MARKS else ""
    details = f' <span class="details">[{on_page(item.details)}]</span>' if item.details else ""
    quote = f"<blockquote>{on_page(item.quote)}</blockquote>" if item.quote else ""
    line = f"{mark}{on_page(item.text)}{details}"
    classes = f"{state} {item.kind}".strip()
    if not item.children:
        return f'<li class="{classes}">{line}{quote}</li>'
    # Sections and whatever fails stay open; a condition tree that holds is folded until asked for.
    opened = " open" if item.kind in ("section", "goal", "change") or item.state == "fails" else ""
    children = "".join(item_html(c) for c in item.children)
    return f'<li><details class="{classes}"{opened}><summary>{line}</summary>{quote}<ul>{children}</ul></details></li>'


def chunks(reports: Iterable[Report], lang: str = "nl", details: bool = False, receipt: dict | None = None, policy_set=None):
    """The page a provider at a time: its head, a card per provider, then its tail (a market's page
    is never held whole)."""
    options = Options(lang, details, quotes=True)
    title = on_page(ui("html.title", lang))
    head, tail = (Template(part).substitute(lang=lang, title=title, receipt=receipt_footer(receipt, lang))
                  for part in PAGE.template.split("$body"))
    body = [f'<p class="policy">{on_page(line)}</p>' for line in policy_set_header(policy_set, lang).splitlines()]
    yield head + "\n".join(body)
    started = bool(body)
    for report in reports:
        body, started = ([""] if started else []), True   # the body's parts are joined by "\n"
        name = f"{report.name} ({report.provider})" if report.name else report.provider
        body.append(f"<h2>{on_page(ui('provider', lang))}: {on_page(name)}</h2>")
        body.append(f'<p class="policy">{on_page(report.file)}</p>')
        for policy, decisions in report.policies:
            body.append(f'<p class="policy">{on_page(policy_line(policy, lang, decisions))}</p>')
            if policy.header.derived_from:
                body.append(f'<p class="policy">{on_page(ui("derived", lang, source=derived_source(policy.header.derived_from, lang)))}</p>')
            if not decisions:
                body.append(f"<p>{on_page(ui('no_care_types', lang))}</p>")
            outliner = Outliner(policy, options)
            for decision in decisions:
                top = outliner.decision(decision, report.goals.get((policy.path, decision.care_type.name)))
                sections = "".join(item_html(c) for c in top.children)
                body.append(f'<section class="decision"><div class="outcome">{on_page(top.text)}</div>'
                            f"<ul>{sections}</ul></section>")
        yield "\n".join(body)
    yield tail


def receipt_footer(receipt: dict | None, lang: str) -> str:
    if not receipt:
        return ""
    files = "; ".join(f"{on_page(f['file'])} sha256 {f['sha256'][:16]}…"
                      for f in receipt.get("policies", []) + receipt.get("inputs", []))
    return (f"{on_page(ui('receipt', lang))}: caresq-logic {on_page(receipt['caresq_logic'])}, "
            f"clingo {on_page(receipt['clingo'])}; {files}")
