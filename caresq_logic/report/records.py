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
        self.cache: dict[tuple[int, int], list[str]] = {}   # (policy number, profile) -> line ends

    def rows(self, file: str, providers: list[str], names: list[str | None], parts: list) -> Iterator[str]:
        """Per provider of one file, in order, its lines under every policy of `parts`
        ((number, policy, profile per provider, decisions per profile)). A line is the head as
        `_dumps` writes it, from the strings json would write, and an end rendered once per
        profile and zorgsoort."""
        start = f'{{"file":{_string(file)},"id":'
        heads = [start + _string(p) + (',"name":null' if name is None else ',"name":' + _string(name))
                 for p, name in zip(providers, names)]
        ends = []
        for number, policy, profiles, shared in parts:
            of_profile = {profile: self._ends(number, policy, profile, shared) for profile in set(profiles)}
            ends.append(list(map(of_profile.__getitem__, profiles)))
        if len(ends) == 1 and all(len(e) == 1 for e in ends[0]):   # one line each: the common case
            return (head + end[0] for head, end in zip(heads, ends[0]))
        return ("".join(head + end for part in ends for end in part[k]) for k, head in enumerate(heads))

    def _ends(self, number: int, policy, profile: int, shared: list[list[Decision]]) -> list[str]:
        ends = self.cache.get((number, profile))
        if ends is None:   # each ends its line: ',"domain":...,"year":...,"zorgsoort":...}\n'
            domain = f',"domain":{_string(policy.header.domain)},"year":{_dumps(policy.header.year)},'
            ends = self.cache[(number, profile)] = [domain + _dumps(decision_record(d))[1:] + "\n"
                                                    for d in shared[profile]]
        return ends


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

    def rows(self, file: str, providers: list[str], names: list[str | None], parts: list) -> Iterator[str]:
        """`JsonLines.rows` as CSV rows (the csv module quotes what needs it)."""
        for k, provider in enumerate(providers):
            for number, policy, profiles, shared in parts:
                tails = self.cache.get((number, profiles[k]))
                if tails is None:
                    tails = self.cache[(number, profiles[k])] = [
                        (policy.header.domain, d.care_type.name, d.outcome.value, d.tier or "", ";".join(failing(d)))
                        for d in shared[profiles[k]]]
                for tail in tails:
                    self.writer.writerow((_inert(provider), _inert(names[k] or ""), *tail))
            yield self._take()


class Summary:
    """`--samenvatting`: how many decisions per domain, zorgsoort and outcome."""

    def __init__(self):
        self.counts: dict[tuple[str, str, str], int] = {}
        self.providers = 0

    def add(self, policy, decisions: list[Decision], times: int = 1) -> None:
        for d in decisions:
            key = (policy.header.domain, d.care_type.name, d.outcome.value)
            self.counts[key] = self.counts.get(key, 0) + times

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
