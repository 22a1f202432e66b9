"""docs/traceability/*.md name clause ids (and tiers, kenmerken, zorgsoorten) that must exist."""

from __future__ import annotations

import re

import pytest

from caresq_logic import passes as load

from conftest import REPO

TABLES = sorted((REPO / "docs" / "traceability").glob("*.md"))
POLICIES = {f"{p.header.domain}-{p.header.year}": p for p in load.load(None).policies if not p.header.derived_from}


def known_ids(policy) -> set[str]:
    ids = set(policy.clauses) | {m.id for m in (*policy.terms, *policy.milestones, *policy.start_rules,
                                               *policy.changes)}
    ids |= {f"{tier.label}@{care_type}" for care_type, tiers in policy.tiers.items() for tier in tiers}
    ids |= {f"kenmerk:{name}" for name in policy.features}
    ids |= {f"zorgsoort:{name}" for name in policy.care_types}
    return ids


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.stem)
def test_every_id_in_the_table_exists(table):
    policy = POLICIES[table.stem]
    known = known_ids(policy)
    named = []
    for line in table.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or set(cells[1]) <= set("-: ") or cells[1] in ("encoded as",):
            continue
        if cells[1].startswith("—"):
            continue
        named.extend(re.split(r",\s*", cells[1]))
    assert named, "the table names no clause"
    assert [n for n in named if n not in known] == []


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.stem)
def test_every_clause_is_traced(table):
    """The other direction: a clause nobody can find in the table is undocumented."""
    policy = POLICIES[table.stem]
    text = table.read_text(encoding="utf-8")
    untraced = [c for c in policy.clauses if not re.search(rf"\b{re.escape(c)}\b", text)]
    assert untraced == []
