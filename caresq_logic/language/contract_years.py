"""One year of a multi-year contract: the clauses written `in contractjaar N` hold only then."""

from __future__ import annotations

from dataclasses import replace

from .resolve import Policy


def for_contract_year(policy: Policy, year: int | None = None) -> Policy:
    """The policy as it holds in one contract year (default: the policy's own year): a clause
    written `in contractjaar N` for another year N is left out."""
    year = year or policy.header.year
    kept = {k: c for k, c in policy.clauses.items() if c.contract_year in (None, year)}
    factors = {z: tuple(c for c in fs if c.id in kept) for z, fs in policy.factors.items()}
    return replace(policy, clauses=kept, factors=factors, contract_year=year)
