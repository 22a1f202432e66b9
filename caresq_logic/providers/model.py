"""What a provider file becomes: facts (`Fact` of `Term`s, each with its offset), the
`ProviderFile` that holds them, and the `Catalog` of what the loaded policies declare.

Shared by the three readers (`lp`, `tables`) and the `validate` stage; nothing here reads text.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Span
from ..language import nodes as n, ranges
from ..language.reserved import AANBIEDER, LEVERT


# slots: a market file holds millions of terms and facts; without a __dict__ each they take a
# third of the memory (a 32 MiB CSV of 330,000 rows peaked at 2.3 GB).
@dataclass(frozen=True, slots=True)
class Term:
    """One argument of a provider fact."""
    kind: str      # name, int, string
    value: object
    pos: int       # offset in the file; turned into line:col only for a diagnostic

    def asp(self) -> str:
        if self.kind == "string":
            return '"' + str(self.value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        return str(self.value)

    def shown(self) -> str:
        return f'"{self.value}"' if self.kind == "string" else str(self.value)


@dataclass(frozen=True, slots=True)
class Fact:
    """One provider fact, `predicate(args).`, or a stated nee `-predicate(args).`."""
    predicate: str
    args: tuple[Term, ...]
    pos: int
    negated: bool = False   # `-k(Id).`: the provider states nee (only for a ja/nee kenmerk)

    @property
    def provider(self) -> str:
        return str(self.args[0].value)

    def asp(self, provider: str | None = None) -> str:
        """The fact as ASP text; `provider` replaces the provider id (decide sends numbers).
        A stated nee is written with classical negation, as in the provider file."""
        if not self.args:
            return f"{self.predicate}."
        first = self.args[0].asp() if provider is None else provider
        sign = "-" if self.negated else ""
        return f"{sign}{self.predicate}({','.join([first, *(a.asp() for a in self.args[1:])])})."


class Locator:
    """Turns offsets into `Span`s; built once per file, used only when something is reported."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self._starts: array | None = None

    def span(self, pos: int) -> Span:
        # The line starts are only needed once something is reported, and a file of nothing but
        # line breaks has one per byte: 8 bytes each in an array, not a Python int (~36) in a list.
        if self._starts is None:
            self._starts = array("q", [0])
            self._starts.extend(m.end() for m in re.finditer("\n", self.text))
        line = bisect.bisect_right(self._starts, pos)
        return Span(self.path, line, pos - self._starts[line - 1] + 1)


@dataclass(frozen=True)
class ProviderFile:
    """A provider file read and checked: its facts and providers, and what was wrong with it."""
    path: str
    facts: Sequence[Fact]   # a tuple, or `columns.TableFacts` (read when first iterated)
    providers: tuple[str, ...]           # in order of first appearance
    names: dict[str, str] = field(default_factory=dict)   # provider -> display name
    warnings: tuple[Diagnostic, ...] = ()
    errors: tuple[Diagnostic, ...] = ()   # rows left out (CSV/JSONL); the other rows are decided
    table: object | None = None   # a CSV read column-wise (`columns.Table`): facts read per provider asked

    def facts_of(self, provider: str) -> list[Fact]:
        if self.table is not None:
            return self.table.facts_of(provider)
        return [f for f in self.facts if f.provider == provider]

    def care_types(self) -> set[str]:
        """Every zorgsoort a provider of the file delivers."""
        if self.table is not None:
            return self.table.care_types()
        return {str(f.args[1].value) for f in self.facts if f.predicate == LEVERT}

    def facts_for(self, features: dict[str, n.Feature]) -> list[Fact]:
        """The facts a policy with these kenmerken reads (plus levert/aanbieder)."""
        return [f for f in self.facts if f.predicate in features or f.predicate in (LEVERT, AANBIEDER)]


@dataclass(frozen=True)
class Catalog:
    """What the loaded policies declare: kenmerk name -> declarations, and all zorgsoorten."""

    features: dict[str, tuple[n.Feature, ...]]
    care_types: tuple[str, ...]
    covered: tuple[str, ...] | None = None   # zorgsoorten of the policies in force (None: not known)
    # kenmerk -> the largest magnitude a ratio of the policies in force can multiply it by (A250)
    ratio_limits: dict[str, tuple[int, n.Ratio]] = field(default_factory=dict)

    @classmethod
    def of(cls, policies, in_force=None, limits=None) -> "Catalog":
        """`in_force`: the policies that decide. A kenmerk one of them declares must fit that
        declaration (a value valid under last year's declaration is not valid under this year's);
        a kenmerk only other years declare is checked against those. `policies` may be outlines
        (`language.outline`), which give their `limits` (`ranges.merged`) instead of their rules."""
        features: dict[str, list[n.Feature]] = {}
        care_types: dict[str, None] = {}
        for policy in policies:
            for feature in policy.features.values():
                features.setdefault(feature.name, []).append(feature)
            care_types.update(dict.fromkeys(policy.care_types))
        covered = None
        if in_force is not None:
            current: dict[str, list[n.Feature]] = {}
            for policy in in_force:
                for feature in policy.features.values():
                    current.setdefault(feature.name, []).append(feature)
            features = {k: current.get(k) or v for k, v in features.items()}
            covered = tuple(dict.fromkeys(z for policy in in_force for z in policy.care_types))
        return cls({k: tuple(v) for k, v in features.items()}, tuple(care_types), covered,
                   ranges.limits(policies if in_force is None else in_force) if limits is None else limits)


def arity(feature: n.Feature) -> int:
    """Arguments of a kenmerk's fact: the provider, the year or zorgsoort if per, the value if not ja/nee."""
    return 1 + (feature.per is not None) + (feature.type.kind != "bool")

