"""The syntax tree of a policy file: frozen dataclasses (`@node`), each with the `Span` it came from.

Spans take no part in equality, so two years' clauses compare by structure; `resolve` gives
scoped items `care_types` (their `voor` expanded). Made by `parser` (nothing here knows Lark),
read by `resolve`, `compiler` and the renderers; names are as written until `resolve`."""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from typing import Union

from ..diagnostics import Span
from .frozen import node
from .kinds import ClauseKind, DeltaKind
from .texts import Text

# ---- values and references -------------------------------------------------------------------
# clingo's integers are signed 32-bit and wrap silently. A ratio compares 100 * part with p * whole
# (p <= 100), so every stated integer must stay within (2**31 - 1) // 100 for those products to
# fit: checked where a value enters (resolve, providers.validate), never left to the solver.
MAX_INTEGER = (2**31 - 1) // 100   # 21,474,836


@node
class IntValue:
    value: int
    span: Span = field(compare=False)


@node
class DecimalValue:
    """A number with a decimal comma as written, `0,8`: exact, never a float."""

    value: Decimal
    span: Span = field(compare=False)


@node
class PercentValue:
    """A percentage as written, `30%` or `12,5%`: from 0 to 100 (an int unless it has decimals)."""

    value: int | Decimal
    span: Span = field(compare=False)


@node
class DateValue:
    value: dt.date | None  # None: the text did not name a real date (reported by resolve)
    text: str
    span: Span = field(compare=False)


@node
class ChoiceValue:
    """A value of a `keuze uit` kenmerk: a name (`kfir`) or a string (`"04"`); declared with an
    optional title for people (`kfir "KFIR" / "KFIR"`), which takes no part in equality."""
    value: str
    quoted: bool
    span: Span = field(compare=False)
    title: Text | None = field(default=None, compare=False)


Value = Union[IntValue, DecimalValue, PercentValue, DateValue, ChoiceValue]


def decimals_of(value: int | Decimal) -> int:
    """How many decimals a written number has (`0,80` has 2)."""
    return max(0, -value.as_tuple().exponent) if isinstance(value, Decimal) else 0


@node
class Ref:
    """A kenmerk named in a condition; `year` for a per-year kenmerk (`behandelindex 2024`)."""

    name: str
    year: int | None
    span: Span = field(compare=False)


# ---- conditions ------------------------------------------------------------------------------


@node
class Truth:
    """A ja/nee kenmerk that must be ja."""

    ref: Ref
    span: Span = field(compare=False)


@node
class Comparison:
    """`ref op value`; op is one of gt, ge, lt, le, eq."""

    ref: Ref
    op: str
    value: Value
    span: Span = field(compare=False)


@node
class Ratio:
    """`part op P% van whole`: e.g. at least 30% of the physiotherapists."""

    part: Ref
    op: str
    percent: PercentValue
    whole: Ref
    span: Span = field(compare=False)


@node
class Membership:
    """`ref is a of b`: the kenmerk has (one of) these values."""

    ref: Ref
    values: tuple[ChoiceValue, ...]
    span: Span = field(compare=False)


@node
class AllRequired:
    """`alle randvoorwaarden`: every required condition of the zorgsoort holds (tiers only)."""

    span: Span = field(compare=False)


@node
class FactorCount:
    """`ten minste N differentiatiefactoren` (tiers only)."""

    minimum: int
    span: Span = field(compare=False)


@node
class Unknown:
    """`onbekend`: a condition the text does not state (a changed clause's old form in a derived year)."""

    span: Span = field(compare=False)


@node
class Not:
    operand: "Condition"
    span: Span = field(compare=False)


@node
class And:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)


@node
class Or:
    operands: tuple["Condition", ...]
    span: Span = field(compare=False)


Condition = Union[Truth, Comparison, Ratio, Membership, AllRequired, FactorCount, Unknown, Not, And, Or]
LEAVES = (Truth, Comparison, Ratio, Membership, AllRequired, FactorCount, Unknown)

# ---- declarations and clauses ----------------------------------------------------------------

@node
class Citation:
    """Where in the source text a clause comes from: `§3.1`, optionally a verbatim quote."""

    section: str
    quote: str | None
    span: Span = field(compare=False)


@node
class Reading:
    """`lezing "taken" alternatief "other"`: the cited sentence allows more than one reading;
    the encoding follows `taken`, and says so wherever a decision depends on it."""
    taken: Text
    alternative: Text | None
    span: Span = field(compare=False)


@node
class Header:
    domain: str
    year: int
    title: Text
    version: str | None
    replaces: str | None
    source: str | None
    span: Span = field(compare=False)
    reconstructed_from: str | None = None   # set: a partial policy rebuilt from a change list
    derived_from: str | None = None         # set: derived from this later publication and its deltas


@node
class CareType:
    """`zorgsoort`: a kind of care with its own contract; `parents` for an onderdeel."""

    name: str
    title: Text
    parents: tuple[str, ...]
    span: Span = field(compare=False)


@node
class Group:
    """`groep`: a named list of zorgsoorten, to write in a `voor` instead of the list."""

    name: str
    title: Text | None
    members: tuple[str, ...]
    span: Span = field(compare=False)


@node
class FeatureType:
    """kind: bool, int, count, percentage, date, choice, multi; `choices` for the last two;
    `decimals` for a getal or percentage with decimals (the program counts in 10**-decimals)."""

    kind: str
    choices: tuple[ChoiceValue, ...] = ()
    default: str | None = None   # ja/nee only: "ja" or "nee" when unstated (`standaard nee`), else onbekend
    decimals: int = 0

    @property
    def scale(self) -> int:
        return 10 ** self.decimals


@node
class Feature:
    """`kenmerk`: one fact a provider file may state. `per` is None, "jaar" or "zorgsoort"."""

    name: str
    title: Text | None
    per: str | None
    type: FeatureType
    span: Span = field(compare=False)
    immutable: bool = False   # `onveranderlijk`: not the provider's to change (explain --doel)


ALL_CARE_TYPES = ("*",)  # scope of `voor alle zorgsoorten`



@node
class Clause:
    """One condition-bearing clause. `guard` limits when it applies (`indien`), `exception`
    lifts an uitsluiting (`tenzij`), `request` says how to ask for that exception, and
    `counts_as` names another differentiatiefactor this one also satisfies."""

    kind: ClauseKind
    id: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    guard: Condition | None
    condition: Condition
    exception: Condition | None
    request: Text | None
    counts_as: str | None
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None
    contract_year: int | None = None   # `in contractjaar 2027`: only for that year of the contract


@node
class Tier:
    """`zorgovereenkomst A ...`: a contract tier; earlier in the file is better."""

    label: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    condition: Condition
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)


@node
class Term:
    """`looptijd`: the contract period, in calendar years, inclusive."""

    id: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    start: int
    end: int
    span: Span = field(compare=False)
    scope_span: Span = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None


@node
class When:
    """A date as a policy states it: exact (`on`), approximate (`early`/`mid`/`end` of a month),
    open-ended (`from`), relative (`after` an event), or only as words (`text`)."""

    kind: str
    date: DateValue | None
    month: int | None
    year: int | None
    text: Text | None
    span: Span = field(compare=False)


@node
class Milestone:
    """A dated step of the planning; kind: aanbieding, deadline, tekendatum, publicatie, mijlpaal."""

    kind: str
    id: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    when: When
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)


@node
class StartRule:
    """`ingangsdatum`: a contract starts on the first of the month after a date kenmerk."""

    id: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    ref: Ref
    guard: Condition | None
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    reading: Reading | None = None


@node
class Delta:
    """What one change-list item says changed. `names`: the items of this year it concerns; `old`:
    for vervallen/vervangen, the earlier year's items that are gone (`old_kind` when they are not
    in this year's body); `old_value`/`new_value`: for waarde, and the old form aangescherpt states."""

    kind: DeltaKind
    names: tuple[str, ...]
    old: tuple[str, ...]
    old_kind: "ClauseKind | str | None"     # a clause kind, or "zorgsoort"
    old_value: "Value | str | None"
    new_value: "Value | str | None"
    target: str | None          # waarde about something that is no item (a tariff): its words
    span: Span = field(compare=False)


@node
class Change:
    """`wijziging`: one item of the change list against the previous publication (`against`:
    an earlier version of the same year; None: the previous year), with its deltas and
    whether the text states it only as an intention (`voornemen`)."""

    id: str
    title: Text | None
    citation: Citation
    scope: tuple[str, ...]
    text: Text
    span: Span = field(compare=False)
    scope_span: Span | None = field(compare=False)
    care_types: tuple[str, ...] = ()   # the scope expanded to zorgsoorten (set by resolve)
    deltas: tuple[Delta, ...] = ()
    intention: bool = False
    against: str | None = None


@node
class Suppression:
    """`onderdruk`: a finding of `check` (of `kind`, about clause `clause` or any) that the
    authors know of and accept, with their reason; it no longer counts as an error."""

    kind: str
    clause: str | None
    reason: Text
    span: Span = field(compare=False)


Item = Union[CareType, Group, Suppression, Feature, Clause, Tier, Term, Milestone, StartRule, Change]


@node
class PolicyFile:
    path: str
    header: Header
    items: tuple[Item, ...]
