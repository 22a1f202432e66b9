"""`caresq-logic test`: an example provider file states the decisions it expects in
`% verwacht:` lines; here they are read, compared with the decisions, and the decisions' clause
results are counted as decision-point coverage per policy (like line and branch coverage, but
over the policy's clauses, tiers and exceptions).

    % verwacht: fysiotherapie = zorgovereenkomst B
    % verwacht: het_anker fysiotherapie = geen_overeenkomst     (a file with several providers)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..decide import Decision
from ..diagnostics import Diagnostic, Span, diag
from ..language import nodes as n
from ..language.kinds import OUTCOMES, ClauseKind, Outcome
from ..language.resolve import Policy

EXPECT = re.compile(r"^%\s*verwacht\s*:\s*(?:(\w+)\s+)?(\w+)\s*=\s*(\w+)(?:\s+(\w+))?\s*$")
MARKER = re.compile(r"^%\s*verwacht\b")


@dataclass(frozen=True)
class Expectation:
    span: Span                # the `% verwacht:` line
    provider: str | None      # None: the file's only provider
    care_type: str
    outcome: str
    tier: str | None


def expectations(text: str, shown: str) -> tuple[list[Expectation], list[Diagnostic]]:
    """The `% verwacht:` lines of a provider file; a line that starts so but cannot be read is an
    error (C040), never silently no expectation."""
    found: list[Expectation] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not MARKER.match(line):
            continue
        match = EXPECT.match(line)
        if match is None or match.group(3) not in OUTCOMES:
            problems.append(diag("C040", Span(shown, number, 1), line=line.strip(), outcomes=", ".join(OUTCOMES)))
            continue
        provider, care_type, outcome, tier = match.groups()
        found.append(Expectation(Span(shown, number, 1), provider, care_type, outcome, tier))
    return found, problems


@dataclass(frozen=True)
class Mismatch:
    expected: Expectation
    got: Decision | None      # None: no decision for this provider and zorgsoort


@dataclass
class FileResult:
    """One example file: its expectations, the ones that did not come true, and the decisions
    they name (the decisions coverage counts)."""

    file: str
    expected: list[Expectation] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    checked: list[tuple[Policy, Decision]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.expected) and not self.mismatches


def judge(file: str, expected: list[Expectation], decisions: list[tuple[Policy, Decision]],
          providers: tuple[str, ...]) -> tuple[FileResult, list[Diagnostic]]:
    """Each expectation against the file's decisions. An expectation without a provider in a file
    with several providers names no decision: C041."""
    result = FileResult(file, expected)
    problems: list[Diagnostic] = []
    by_key = {(d.provider, d.care_type.name): (policy, d) for policy, d in decisions}
    for expectation in expected:
        provider = expectation.provider
        if provider is None:
            if len(providers) != 1:
                problems.append(diag("C041", expectation.span, count=len(providers),
                                     providers=", ".join(providers) or "-"))
                continue
            provider = providers[0]
        pair = by_key.get((provider, expectation.care_type))
        if pair is None:
            result.mismatches.append(Mismatch(expectation, None))
            continue
        result.checked.append(pair)
        decision = pair[1]
        if (decision.outcome.value, decision.tier) != (expectation.outcome, expectation.tier):
            result.mismatches.append(Mismatch(expectation, decision))
    return result, problems


# ---- decision-point coverage ------------------------------------------------------------------


@dataclass
class Coverage:
    """One policy's decision points and what the examples' decisions did with them. A clause is
    covered both ways when some decision has it hold (for an uitsluiting: it occurs) and some has
    it fail, both with known facts; an inactive clause (out of scope, `indien` not met) counts for
    neither. A tier is reached when a decision lands in it; an exception (`tenzij`) is used when
    it lifts its uitsluiting for some decision."""

    policy: Policy
    held: set[str] = field(default_factory=set)        # clause ids
    failed: set[str] = field(default_factory=set)
    reached: set[tuple[str, str]] = field(default_factory=set)   # (zorgsoort, tier label)
    excepted: set[str] = field(default_factory=set)    # clause ids whose `tenzij` lifted it
    decisions: int = 0

    @property
    def clauses(self) -> list[n.Clause]:
        return list(self.policy.clauses.values())

    @property
    def tiers(self) -> list[tuple[str, n.Tier]]:
        return [(care_type, tier) for care_type, tiers in self.policy.tiers.items() for tier in tiers]

    @property
    def exceptions(self) -> list[n.Clause]:
        return [c for c in self.clauses if c.exception is not None]

    def both_ways(self) -> list[n.Clause]:
        return [c for c in self.clauses if c.id in self.held and c.id in self.failed]

    def tiers_reached(self) -> list[tuple[str, n.Tier]]:
        return [(z, t) for z, t in self.tiers if (z, t.label) in self.reached]

    def exceptions_used(self) -> list[n.Clause]:
        return [c for c in self.exceptions if c.id in self.excepted]

    @property
    def points(self) -> tuple[int, int]:
        """(covered, total) decision points: clauses both ways, tiers reached, exceptions used."""
        covered = len(self.both_ways()) + len(self.tiers_reached()) + len(self.exceptions_used())
        return covered, len(self.clauses) + len(self.tiers) + len(self.exceptions)

    @property
    def percent(self) -> float:
        covered, total = self.points
        return 100.0 * covered / total if total else 100.0

    def add(self, decision: Decision) -> None:
        self.decisions += 1
        for result in decision.clauses:
            if result.clause.id not in self.policy.clauses or not result.active or result.unknown:
                continue
            (self.held if result.met else self.failed).add(result.clause.id)
            if result.excepted:
                self.excepted.add(result.clause.id)
        if decision.tier is not None and decision.outcome is not Outcome.UNDECIDED:
            self.reached.add((decision.care_type.name, decision.tier))


def coverage(decided: list[tuple[Policy, Decision]]) -> list[Coverage]:
    """Per policy (in the order first met), the coverage of the decisions given."""
    found: dict[str, Coverage] = {}
    for policy, decision in decided:
        found.setdefault(policy.path, Coverage(policy)).add(decision)
    return list(found.values())


def kind_words(clause: n.Clause) -> tuple[str, str]:
    """The catalogue keys for a clause's two ways: held/failed, or for an uitsluiting occurs/not."""
    if clause.kind is ClauseKind.EXCLUSION:
        return "test.occurs", "test.not_occurs"
    return "test.held", "test.failed"
