"""What `decide` returns: typed, explained decisions (one per provider and zorgsoort), read by
the renderers in `report` and by `check` to confirm a cross-year witness."""

from __future__ import annotations

import datetime as dt

from ..diagnostics import Span
from ..language import nodes as n
from ..language import printer
from ..language.frozen import record
from ..language.kinds import ClauseKind, Outcome


# ---- results ----------------------------------------------------------------------------------


@record
class Unstated:
    """A condition a derived year's text leaves unknown (`onbekend`), by its clause or tier label."""

    owner: str
    tier: str | None = None   # the tier's label ("A") when it is a tier's condition


def label(item: "n.Ref | Unstated") -> str:
    """An unknown kenmerk or condition as JSON names it: `behandelindex 2024`, `onbekend(prem)`."""
    return printer.ref(item) if isinstance(item, n.Ref) else f"onbekend({item.owner})"


@record
class Value:
    """A provider's value for a kenmerk as a condition read it; `values` empty means unknown."""

    label: str                # "behandelindex 2024"
    kind: str                 # the kenmerk's type
    values: tuple[object, ...]
    default: bool = False     # the value is the policy's `standaard`, not stated by the provider
    empty: bool = False       # a meerkeuze stated empty (`-k(Id).`): none of the choices, not unknown


@record
class NodeResult:
    """One node of a condition: its text, whether it held, and (for a leaf) the values read."""

    text: str
    holds: bool
    values: tuple[Value, ...] = ()
    children: tuple["NodeResult", ...] = ()
    span: Span | None = None
    syntax: n.Condition | None = None   # the syntax node, for renderers that need its kind
    unknown: bool = False               # holds in some completions of the unknown facts, not in all


@record
class ClauseResult:
    clause: n.Clause
    active: bool                      # in scope and its `indien` guard held
    met: bool                         # its condition held
    condition: NodeResult
    guard: NodeResult | None = None
    exception: NodeResult | None = None
    excepted: bool = False
    via: tuple[str, ...] = ()          # factors this one counts for ("telt ook als")
    unknown: bool = False              # its guard or condition depends on unknown facts


@record
class Possibility:
    """One outcome an undecided decision may have, and the conditions on unknown facts that
    hold (True) or fail (False) in every completion giving it."""

    outcome: Outcome
    tier: str | None
    conditions: tuple[tuple["n.Condition | Unstated", bool], ...]


@record
class TierResult:
    tier: n.Tier
    holds: bool
    condition: NodeResult


@record
class ReadingNote:
    """A flagged reading a decision rests on: the clause (or looptijd, ingangsdatum) that
    carries it, its citation and the reading taken with its alternative."""

    id: str
    citation: n.Citation
    reading: n.Reading
    span: Span


@record
class Decision:
    file: str                # the provider file: the same id in two files is two providers
    provider: str
    provider_name: str | None
    care_type: n.CareType
    outcome: Outcome
    tier: str | None
    clauses: tuple[ClauseResult, ...]
    factors: tuple[str, ...]
    factor_count: int
    tiers: tuple[TierResult, ...]
    next_tier: TierResult | None
    term: n.Term | None
    start_dates: tuple[tuple[n.StartRule, dt.date, Value], ...] = ()
    milestones: tuple[n.Milestone, ...] = ()
    parents: tuple[tuple[str, Outcome, str | None], ...] = ()   # onderdeel: delivered (parent, outcome, tier)
    contract_year: int | None = None         # the year of a multi-year contract this decision is for
    readings: tuple[ReadingNote, ...] = ()   # flagged readings of clauses whose result this decision read
    # kenmerken it reads that the provider did not state, and in a derived year the conditions
    # its text leaves unknown
    unknown: tuple["n.Ref | Unstated", ...] = ()
    possible: tuple[Possibility, ...] = ()    # outcome "onbeslist": what it may become, and when
    deciding: tuple["n.Ref | Unstated", ...] = ()   # of `unknown`, those the possible outcomes turn on

    def by_kind(self, *kinds: ClauseKind) -> list[ClauseResult]:
        return [c for c in self.clauses if c.clause.kind in kinds]
