"""`explain --jaar A --jaar B` for people and programs: the years of `report.years` as an outline
(drawn by the text and HTML renderers, like every explanation) and as the `years` of each
provider in the JSON document (docs/explain.schema.json)."""

from __future__ import annotations


from ..diagnostics import visible
from ..language import nodes as n
from ..language.kinds import ClauseKind
from ..language.texts import english
from ..messages import ui
from . import html as page
from . import text as plain
from . import wording
from .outline import Item, outcome_text
from .years import ABSENT, EXCEPTED, MET, NOT_APPLICABLE, NOT_MET, UNKNOWN, Cell, ClauseStep, ProviderYears, Row, \
    Step, TierStep

STATE_WORDS = {ABSENT: "years.state.afwezig", NOT_APPLICABLE: "years.state.nvt", UNKNOWN: "years.state.onbekend",
               MET: "years.state.voldaan", NOT_MET: "years.state.niet_voldaan", EXCEPTED: "years.state.uitgezonderd"}
HOW_WORDS = {"toegevoegd": "delta.toegevoegd", "vervallen": "delta.vervallen", "gewijzigd": "diff.changed"}


def _cell_outcome(cell: Cell, lang: str) -> str:
    if cell.decision is None:
        return ui("years.not_covered", lang)
    return outcome_text(cell.decision.outcome, cell.decision.tier, lang)


def _derived(cell: Cell, lang: str) -> str:
    source = cell.policy.header.derived_from
    return f" ({ui('years.derived', lang, source=wording.derived_source(source, lang))})" if source else ""


def outline(provider: ProviderYears, years: list[int], lang: str, details: bool = False) -> list[Item]:
    """Per zorgsoort: each year's outcome, then each change of outcome with its causes."""
    items = [Item(ui("years.header", lang, years=", ".join(map(str, years))), kind="section")]
    for row in provider.rows:
        head = Item(f"{wording.shown(row.title, lang)} ({row.domain})", kind="section", details=row.care_type if details else None)
        for cell in row.cells:
            head.children.append(Item(f"{cell.year}: {_cell_outcome(cell, lang)}{_derived(cell, lang)}",
                                      details=cell.policy.path))
        if not row.steps and len(row.cells) > 1:
            head.children.append(Item(ui("years.same", lang)))
        head.children += [_step_item(step, lang, details) for step in row.steps]
        items.append(head)
    return items


def _step_item(step: Step, lang: str, details: bool) -> Item:
    item = Item(ui("years.step", lang, old_year=step.older.year, new_year=step.newer.year,
                   old=_cell_outcome(step.older, lang), new=_cell_outcome(step.newer, lang)), kind="change")
    if step.care_type is not None:
        item.children.append(Item(f"{ui(HOW_WORDS[step.care_type.how], lang)}: {ui('diff.care_type', lang)}"))
    item.children += [_clause_item(c, step, lang, details) for c in step.clauses]
    item.children += [_tier_item(t, step, lang) for t in step.tiers]
    if len(item.children) == 0:
        item.children.append(Item(ui("years.no_cause", lang)))
    return item


def _mark(kind: ClauseKind, state: str, effect: str | None) -> str:
    """As in every explanation: ✘ where the clause stands in the way (a factor: where it does not
    count), ? unknown, – absent or not applicable, ✔ otherwise."""
    if state in (ABSENT, NOT_APPLICABLE):
        return "na"
    if effect == "unknown":
        return "unknown"
    if kind is ClauseKind.FACTOR:
        return "holds" if effect == "counts" else "fails"
    return "fails" if effect == "blocks" else "holds"


def _state_words(kind: ClauseKind, state: str, lang: str) -> str:
    """An exclusion or a reason not to approach occurs or not; any other clause is met or not."""
    if kind in (ClauseKind.EXCLUSION, ClauseKind.NOT_APPROACHED) and state in (MET, NOT_MET):
        return ui("years.state.occurs" if state == MET else "status.does_not_occur", lang)
    return ui(STATE_WORDS[state], lang)


def _clause_item(c: ClauseStep, step: Step, lang: str, details: bool) -> Item:
    clause = c.newer or c.older
    title = wording.titled(clause.title, clause.id, lang)
    item = Item(f"{ui(HOW_WORDS[c.how], lang)}: {title} "
                f"({clause.kind.localize(lang)})", kind="change", details=c.ident if details else None)
    for year, version, state, effect in ((step.older.year, c.older, c.older_state, c.older_effect),
                                         (step.newer.year, c.newer, c.newer_state, c.newer_effect)):
        cited = f" ({version.citation.section})" if version is not None else ""
        item.children.append(Item(f"{year}: {_state_words(clause.kind, state, lang)}{cited}",
                                  _mark(clause.kind, state, effect),
                                  quote=_quote(version, lang)))
    for change in c.announced:
        item.children.append(Item(f"{ui('years.announced', lang)} ({change.citation.section}): "
                                  f"{wording.shown(change.text, lang)}",
                                  quote=_quote(change, lang), details=change.id if details else None))
    return item


def _quote(item, lang: str) -> str | None:
    """The quoted source sentence of a clause or change, as the text renderers show it."""
    quote = item.citation.quote if item is not None else None
    return ui("quote", lang, quote=quote) if quote else None


def _tier_item(t: TierStep, step: Step, lang: str) -> Item:
    item = Item(f"{ui(HOW_WORDS[t.how], lang)}: "
                f"{ui('diff.tier', lang)} {t.label}", kind="change")
    for year, tier, holds in ((step.older.year, t.older, t.older_holds), (step.newer.year, t.newer, t.newer_holds)):
        state = ABSENT if holds is None else MET if holds else NOT_MET
        cited = f" ({tier.citation.section})" if tier is not None else ""
        item.children.append(Item(f"{year}: {ui(STATE_WORDS[state], lang)}{cited}",
                                  "na" if holds is None else "holds" if holds else "fails"))
    return item


# ---- JSON -------------------------------------------------------------------------------------


def _citation(item) -> dict | None:
    return {"section": item.citation.section, "quote": item.citation.quote} if item is not None else None


def _location(item) -> str | None:
    return f"{item.span.file}:{item.span.line}:{item.span.col}" if item is not None else None


def _cell_json(cell: Cell) -> dict:
    h = cell.policy.header
    return {"year": cell.year, "file": cell.policy.path, "version": h.version, "derived_from": h.derived_from,
            "outcome": cell.decision.outcome.value if cell.decision else None,
            "tier": cell.decision.tier if cell.decision else None}


def _side(item: n.Clause | None, state: str, effect: str | None) -> dict:
    return {"state": state, "effect": effect, "citation": _citation(item), "location": _location(item)}


def _clause_json(c: ClauseStep) -> dict:
    clause = c.newer or c.older
    return {"id": c.ident, "how": c.how, "kind": clause.kind.value, "title": clause.title, "title_en": english(clause.title),
            "before": _side(c.older, c.older_state, c.older_effect),
            "after": _side(c.newer, c.newer_state, c.newer_effect),
            "announced": [{"id": a.id, "text": a.text, "text_en": english(a.text), "citation": _citation(a),
                           "location": _location(a)}
                          for a in c.announced]}


def _tier_json(t: TierStep) -> dict:
    return {"tier": t.label, "how": t.how,
            "before": {"holds": t.older_holds, "citation": _citation(t.older), "location": _location(t.older)},
            "after": {"holds": t.newer_holds, "citation": _citation(t.newer), "location": _location(t.newer)}}


def _step_json(step: Step) -> dict:
    return {"from": _cell_json(step.older)["year"], "to": step.newer.year,
            "zorgsoort_change": step.care_type.how if step.care_type else None,
            "clauses": [_clause_json(c) for c in step.clauses], "tiers": [_tier_json(t) for t in step.tiers]}


def row_json(row: Row) -> dict:
    return {"domain": row.domain, "zorgsoort": row.care_type, "title": row.title, "title_en": english(row.title),
            "years": [_cell_json(c) for c in row.cells], "changes": [_step_json(s) for s in row.steps]}


def json_years(providers: list[ProviderYears], years: list[int]) -> dict:
    """(file, provider) -> its rows, for `as_json.to_json`."""
    return {(p.file, p.provider): [row_json(r) for r in p.rows] for p in providers}


# ---- text and HTML ----------------------------------------------------------------------------


def _provider_line(provider: ProviderYears, lang: str) -> str:
    name = f"{provider.name} ({provider.provider})" if provider.name else provider.provider
    return f"{ui('provider', lang)}: {name}  [{provider.file}]"


def text(providers: list[ProviderYears], years: list[int], lang: str = "nl", details: bool = False) -> str:
    out: list[str] = []
    for provider in providers:
        out.append(_provider_line(provider, lang))
        for item in outline(provider, years, lang, details):
            plain.item_lines(item, 1, out)
        out.append("")
    return "\n".join(visible(line) for line in out).rstrip("\n") + "\n"


def html(providers: list[ProviderYears], years: list[int], lang: str = "nl", details: bool = False,
         receipt: dict | None = None) -> str:
    body = []
    for provider in providers:
        body.append(f"<h2>{page.on_page(_provider_line(provider, lang))}</h2>")
        items = "".join(page.item_html(i) for i in outline(provider, years, lang, details))
        body.append(f'<section class="decision"><ul>{items}</ul></section>')
    return page.PAGE.substitute(lang=lang, title=page.on_page(ui("html.title", lang)), body="\n".join(body),
                                receipt=page.receipt_footer(receipt, lang))
