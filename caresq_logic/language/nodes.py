"""The syntax tree of a policy file: frozen dataclasses, each with the `Span` it came from.

Spans take no part in equality or hashing, so two nodes (two years' clauses) compare by
structure. An item with a `voor` scope gets `care_types` from `resolve`: the scope as written
(`scope`, with groups and `alle zorgsoorten`) expanded to the zorgsoorten it names.

Produced by `parser`, read by `resolve`, `compiler` and the renderers. Nothing here knows
Lark: the parser turns Lark's trees and positions into these values at its boundary.
Names in the tree are as written; `resolve` checks that they exist and fit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

from ..diagnostics import Span
from .kinds import ClauseKind

# ---- values and references -------------------------------------------------------------------


@dataclass(frozen=True)
class IntValue:
    value: int
    span: Span = field(compare=False)


@dataclass(frozen=True)
class DecimalValue:
    """A number with a decimal comma as written, `0,8`: exact, never a float."""

    value: Decimal
    span: Span = field(compare=False)


@dataclass(frozen=True)
class PercentValue:
    """A percentage as written, `30%` or `12,5%`: from 0 to 100 (an int unless it has decimals)."""

    value: int | Decimal
    span: Span = field(compare=False)


@dataclass(frozen=True)
class DateValue:
    value: dt.date | None  # None: the text did not name a real date (reported by resolve)
    text: str
    span: Span = field(compare=False)


@dataclass(frozen=True)
class ChoiceValue:
    """A value of a `keuze uit` kenmerk: a name (`kfir`) or a string (`"04"`)."""

    value: str
    quoted: bool
    span: Span = field(compare=False)


Value = Union[IntValue, DecimalValue, PercentValue, DateValue, ChoiceValue]


def decimals_of(value: int | Decimal) -> int:
    """How many decimals a written number has (`0,80` has 2)."""
    return max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0


@dataclass(frozen=True)
class Ref:
    """A kenmerk named in a condition; `year` for a per-year kenmerk (`behandelindex 2024`)."""

    name: str
    year: int | None
    span: Span = field(compare=False)


# ---- conditions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Truth:
    """A ja/nee kenmerk that must be ja."""

    ref: Ref
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Comparison:
    """`ref op value`; op is one of gt, ge, lt, le, eq."""

    ref: Ref
    op: str
    value: Value
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Ratio:
    """`part op P% van whole`: e.g. at least 30% of the physiotherapists."""

    part: Ref
    op: str
    percent: PercentValue
    whole: Ref
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Membership:
    """`ref is a of b`: the kenmerk has (one of) these values."""

    ref: Ref
    values: tuple[ChoiceValue, ...]
    span: Span = field(compare=False)


@dataclass(frozen=True)
class AllRequired:
    """`alle randvoorwaarden`: every required condition of the zorgsoort holds (tiers only)."""

    span: Span = field(compare=False)


@dataclass(frozen=True)
class FactorCount:
    """`ten minste N differentiatiefactoren` (tiers only)."""

    minimum: int
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Not:
    operand: "Condition"
    span: Span = field(compare=False)


@dataclass(frozen=True)
class And:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Or:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)


Condition = Union[Truth, Comparison, Ratio, Membership, AllRequired, FactorCount, Not, And, Or]
LEAVES = (Truth, Comparison, Ratio, Membership, AllRequired, FactorCount)

# ---- declarations and clauses ----------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """Where in the source text a clause comes from: `§3.1`, optionally a verbatim quote."""

    section: str
    quote: str | None
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Reading:
    """`lezing "taken" alternatief "other"`: the cited sentence allows more than one reading;
    the encoding follows `taken`, and says so wherever a decision depends on it."""

    taken: str
    alternative: str | None
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Header:
    domain: str
    year: int
    title: str
    version: str | None
    replaces: str | None
    source: str | None
    span: Span = field(compare=False)
    reconstructed_from: str | None = None   # set: a partial policy rebuilt from a change list


@dataclass(frozen=True)
class CareType:
    """`zorgsoort`: a kind of care with its own contract; `parents` for an onderdeel."""

    name: str
    title: str
    parents: tuple[str, ...]
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Group:
    """`groep`: a named list of zorgsoorten, to write in a `voor` instead of the list."""

    name: str
    title: str | None
    members: tuple[str, ...]
    span: Span = field(compare=False)


@dataclass(frozen=True)
class FeatureType:
    """kind: bool, int, count, percentage, date, choice, multi; `choices` for the last two;
    `decimals` for a getal or percentage with decimals (the program counts in 10**-decimals)."""

    kind: str
    choices: tuple[ChoiceValue, ...] = ()
    decimals: int = 0

    @property
    def scale(self) -> int:
        return 10 ** self.decimals


@dataclass(frozen=True)
class Feature:
    """`kenmerk`: one fact a provider file may state. `per` is None, "jaar" or "zorgsoort"."""

    name: str
    title: str | None
    per: str | None
    type: FeatureType
    span: Span = field(compare=False)


ALL_CARE_TYPES = ("*",)  # scope of `voor alle zorgsoorten`



@dataclass(frozen=True)
class Clause:
    """One condition-bearing clause. `guard` limits when it applies (`indien`), `exception`
    lifts an uitsluiting (`tenzij`), `request` says how to ask for that exception, and
    `counts_as` names another differentiatiefactor this one also satisfies."""

    kind: ClauseKind
    id: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    guard: Condition | None
    condition: Condition
    exception: Condition | None
    request: str | None
    counts_as: str | None
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None
    contract_year: int | None = None   # `in contractjaar 2027`: only for that year of the contract


@dataclass(frozen=True)
class Tier:
    """`zorgovereenkomst A ...`: a contract tier; earlier in the file is better."""

    label: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    condition: Condition
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)


@dataclass(frozen=True)
class Term:
    """`looptijd`: the contract period, in calendar years, inclusive."""

    id: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    start: int
    end: int
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None


@dataclass(frozen=True)
class When:
    """A date as a policy states it: exact (`on`), approximate (`early`, `mid`, `end` of a
    month), open-ended (`from`), relative to an event (`after`, with a text), or only as
    words (`text`) where the source gives no calendar date."""

    kind: str
    date: DateValue | None
    month: int | None
    year: int | None
    text: str | None
    span: Span = field(compare=False)


@dataclass(frozen=True)
class Milestone:
    """A dated step of the planning; kind: aanbieding, deadline, tekendatum, publicatie, mijlpaal."""

    kind: str
    id: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    when: When
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)


@dataclass(frozen=True)
class StartRule:
    """`ingangsdatum`: a contract starts on the first of the month after a date kenmerk."""

    id: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    ref: Ref
    guard: Condition | None
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None


@dataclass(frozen=True)
class Change:
    """`wijziging`: one item of the change list against the previous publication."""

    id: str
    title: str | None
    citation: Citation
    scope: tuple[str, ...]
    text: str
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)


@dataclass(frozen=True)
class Suppression:
    """`onderdruk`: a finding of `check` (of `kind`, about clause `clause` or any) that the
    authors know of and accept, with their reason; it no longer counts as an error."""

    kind: str
    clause: str | None
    reason: str
    span: Span = field(compare=False)


Item = Union[CareType, Group, Suppression, Feature, Clause, Tier, Term, Milestone, StartRule, Change]


@dataclass(frozen=True)
class PolicyFile:
    path: str
    header: Header
    items: tuple[Item, ...]
