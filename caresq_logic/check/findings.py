"""Findings of `check`: what is wrong with a policy (not with its input), as data.

A finding has a kind, a severity, a message (a catalogue key and its arguments, so it reads in
Dutch or English), the clauses involved (each with its span and citation) and evidence: a
minimal set of clauses that cannot hold together, or a witness provider printed as a provider
file that `explain` accepts. Rendered by `report.check`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import messages
from ..diagnostics import Span
from ..language.kinds import KINDS
from ..language.resolve import Policy


@dataclass(frozen=True)
class Involved:
    """A clause (or tier, milestone, start rule) a finding is about."""

    id: str
    title: str | None
    section: str
    span: Span


@dataclass
class Finding:
    kind: str
    policy: str                 # the policy file
    key: str                    # message catalogue key, "check.*"
    args: dict[str, Any] = field(default_factory=dict)
    involved: list[Involved] = field(default_factory=list)
    core: list[Involved] = field(default_factory=list)      # clauses that together cannot hold
    witness: str | None = None                              # a provider file
    severity: str = ""
    suppressed: str | None = None                           # the stated reason, if suppressed

    @property
    def code(self) -> str:
        return KINDS[self.kind][0]

    def message(self, lang: str = "nl") -> str:
        return messages.render(self.key, lang, self.args)

    @property
    def span(self) -> Span:
        first = self.core or self.involved
        return first[0].span if first else Span(self.policy, 1, 1)

    @property
    def counts(self) -> bool:
        """Does this finding fail the check (an unsuppressed error)?"""
        return self.severity == "error" and self.suppressed is None

    def sort_key(self) -> tuple:
        return (self.span.file, self.span.line, self.span.col, self.code, self.message("nl"))



def involved(policy: Policy, ident: str) -> Involved:
    clause = policy.clauses[ident]
    return Involved(ident, clause.title, clause.citation.section, clause.span)
