"""A market's decisions for pipelines and people: JSON Lines, a CSV summary, counts.

One record per provider and zorgsoort. Every member of a profile shares its stand-in's decision,
so the part of a record after the provider (outcome, tier, clauses, factors) is rendered once per
profile and zorgsoort and reused: the cost per provider is a string join. A record is what a
machine needs (docs/records.md): each clause's status, not its condition tree, texts or the values
the provider stated; the full explanation (`--format json`, for one: `--aanbieder ID`) has those.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from ..decide import ClauseResult, Decision
from ..decide.results import label
from ..language.kinds import ClauseKind

CSV_COLUMNS = ("id", "naam", "domein", "zorgsoort", "uitkomst", "niveau", "niet_voldaan")


def status(c: ClauseResult) -> str:
    """`unknown`: met in some completions of the facts the provider did not state, not in all
    (a missing fact that cannot change the clause leaves it met, failed or inactive);
    `excepted`: an uitsluiting in force whose `tenzij` held, so it excludes no one."""
    if c.unknown:
        return "unknown"
    if not c.active:
        return "inactive"
    if not c.met:
        return "failed"
    return "excepted" if c.excepted and c.clause.kind is ClauseKind.EXCLUSION else "met"


def failing(d: Decision) -> list[str]:
    """The clauses that stand in the way: a required condition not met, an exclusion in force."""
    return [c.clause.id for c in d.clauses if c.active and (
        (c.clause.kind.required and not c.met)
        or (c.clause.kind is ClauseKind.EXCLUSION and c.met and not c.excepted))]


def decision_record(d: Decision) -> dict:
    """What a pipeline needs of a decision: no condition trees and texts (`--format json` has
    them); the clauses as {id: status} in the policy's order, and the ones that stand in the way."""
    return {
        "zorgsoort": d.care_type.name,
        "outcome": d.outcome.value,
        "tier": d.tier,
        "factors": {"count": d.factor_count, "met": list(d.factors)},
        "unknown": [label(r) for r in d.unknown],
        "deciding": [label(r) for r in d.deciding],
        "failing": failing(d),
        "clauses": {c.clause.id: status(c) for c in d.clauses},
    }


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_string = json.encoder.encode_basestring   # what `_dumps` writes for a string


class JsonLines:
    """`--format jsonl`: {"file","id","name","domain","year", then the decision} per line."""

    def __init__(self):
        self.cache: dict[tuple[int, int], list[str]] = {}
        self.files: dict[str, str] = {}   # file -> '{"file":...,"id":' (the start of a head)
        self.domains: dict[str, str] = {}   # policy file -> ',"domain":...,"year":...,'

    def lines(self, file: str, provider: str, name: str | None, policy, key: tuple[int, int],
              decisions: list[Decision]) -> list[str]:
        tails = self.cache.get(key)
        if tails is None:   # each ends its line: '"zorgsoort":...}\n'
            tails = self.cache[key] = [_dumps(decision_record(d))[1:] + "\n" for d in decisions]
        if not tails:
            return tails
        # The head as `_dumps` writes it, from the strings json would write: once per provider.
        start = self.files.get(file)
        if start is None:
            start = self.files[file] = f'{{"file":{_string(file)},"id":'
        domain = self.domains.get(policy.path)
        if domain is None:
            domain = self.domains[policy.path] = \
                f',"domain":{_string(policy.header.domain)},"year":{_dumps(policy.header.year)},'
        head = start + _string(provider) + (',"name":null' if name is None else ',"name":' + _string(name)) + domain
        return [head + tail for tail in tails]


def _inert(cell: str) -> str:
    """A cell from input that a spreadsheet would run as a formula (=, +, -, @, tab, CR first:
    `=HYPERLINK(...)`) gets a leading apostrophe, which shows it as text (OWASP's advice)."""
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


class Csv:
    """`--format csv`: id, naam, domein, zorgsoort, uitkomst, niveau, niet_voldaan (a;b)."""

    def __init__(self):
        self.cache: dict[tuple[int, int], list[tuple]] = {}
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def header(self) -> str:
        self.writer.writerow(CSV_COLUMNS)
        return self._take()

    def _take(self) -> str:
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def lines(self, file: str, provider: str, name: str | None, policy, key: tuple[int, int],
              decisions: list[Decision]) -> Iterator[str]:
        tails = self.cache.get(key)
        if tails is None:
            tails = self.cache[key] = [(d.care_type.name, d.outcome.value, d.tier or "", ";".join(failing(d)))
                                       for d in decisions]
        for tail in tails:
            self.writer.writerow((_inert(provider), _inert(name or ""), policy.header.domain, *tail))
        yield self._take()


class Summary:
    """`--samenvatting`: how many decisions per domain, zorgsoort and outcome."""

    def __init__(self):
        self.counts: dict[tuple[str, str, str], int] = {}
        self.providers = 0

    def add(self, policy, decisions: list[Decision]) -> None:
        for d in decisions:
            key = (policy.header.domain, d.care_type.name, d.outcome.value)
            self.counts[key] = self.counts.get(key, 0) + 1

    def text(self, lang: str) -> str:
        heading = ("domein", "zorgsoort", "uitkomst", "aantal") if lang == "nl" else \
            ("domain", "care type", "outcome", "count")
        rows = [heading] + [(*key, str(count)) for key, count in sorted(self.counts.items())]
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = ["  ".join(cell.ljust(w) if i < 3 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths)))
                 for r in rows]
        per_domain: dict[str, int] = {}
        for (domain, _z, _o), count in self.counts.items():
            per_domain[domain] = per_domain.get(domain, 0) + count
        total = ("aanbieders" if lang == "nl" else "providers") + f": {self.providers}; " + "; ".join(
            f"{domain}: {count}" for domain, count in sorted(per_domain.items()))
        return "\n".join(lines + [total]) + "\n"
