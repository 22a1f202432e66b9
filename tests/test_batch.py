"""Deciding a market by profiles (decide.batch) gives every provider exactly the decisions and
explanations it gets when decided on its own (issue 12, must-have 2).

The market is generated from the shipped policies themselves: MARKET = 10,000 providers over four
domains (DOMAINS), each delivering one or two zorgsoorten of one or two domains, with every
kenmerk of those domains, values below, exactly at and above each threshold of a number or date
(`test_the_market_has_edges_unknowns_and_several_domains` checks it), and unknown (absent)
values. Every provider is decided alone, by its own `solve` call for each policy whose zorgsoorten
it delivers, and its full decisions (values included) must equal the batch's
(`test_every_provider_decided_alone_equals_the_batch`, spread over the cores).
Measured on this market (seed 12): 17,744 decisions (provider x zorgsoort) of 10,000 providers,
1,709 of them onbeslist, 6,216 reading an unknown kenmerk; providers whose decision reads an
unknown, per domain: geboortezorg 1,494, hulpmiddelen 1,206, paramedische_zorg 1,445,
wijkverpleging 792; about a third of the providers deliver two domains.

The same market is also written as CSV, which `providers.columns` reads column by column (each
distinct cell checked once, a row's facts read again only when asked for), with a few rows the
full reader must take over (a bad value, no zorgsoort): its reading must equal the full reader's,
provider by provider, and its batch the JSON Lines batch, record by record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import pytest

from caresq_logic import decide, passes
from caresq_logic.decide import batch
from caresq_logic.providers import read, tables
from caresq_logic.providers.model import Locator
from caresq_logic.language.kinds import Outcome
from caresq_logic.asp.compiler import asp_date, scaled
from caresq_logic.report.records import decision_record
from caresq_logic.language import nodes as n
from caresq_logic.language.conditions import refs, walk
from caresq_logic.providers.model import Catalog, ProviderFile

MARKET = 10_000
# One base practice in UNSTATED_EVERY leaves a share UNSTATED of its kenmerken out: each one is
# unknown (a ja/nee as well, never nee), so clingo weighs every completion of those profiles.
UNSTATED = 0.15
UNSTATED_EVERY = 3
DOMAINS = ("paramedische_zorg", "wijkverpleging", "geboortezorg", "hulpmiddelen")


def _thresholds(policy) -> tuple[dict, dict]:
    """Per kenmerk, the numbers its comparisons use (with their neighbours) and the years read."""
    numbers: dict[str, set] = {}
    years: dict[str, set] = {}
    for condition in batch.conditions(policy):
        for node in walk(condition):
            for ref in refs(node) if isinstance(node, n.LEAVES) else ():
                if ref.year is not None:
                    years.setdefault(ref.name, set()).add(ref.year)
            if isinstance(node, n.Comparison):
                value = node.value.value
                if isinstance(value, dt.date):
                    near = {value + dt.timedelta(days=d) for d in (-1, 0, 1)}
                else:
                    near = {value - 1, value, value + 1}
                numbers.setdefault(node.ref.name, set()).update(near)
    for rule in policy.start_rules:
        years.setdefault(rule.ref.name, set())
    return numbers, years


def _value(rng: random.Random, feature: n.Feature, near: set):
    kind = feature.type.kind
    if kind == "bool":
        return rng.choice(["ja", "nee"])
    if kind == "date":
        if near and rng.random() < 0.7:
            return rng.choice(sorted(near)).isoformat()
        return (dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(730))).isoformat()
    if kind in ("int", "count", "percentage"):
        candidates = [v for v in near if v >= 0] or [0]
        value = rng.choice(sorted(candidates)) if rng.random() < 0.6 else rng.randrange(0, 12)
        return min(value, 100) if kind == "percentage" else value
    choices = [c.value for c in feature.type.choices]
    if kind == "multi":
        return rng.sample(choices, rng.randint(1, min(2, len(choices))))
    return rng.choice(choices)


def _record(rng: random.Random, policy, analysed, chosen: list[str], unstated: float = 0.0) -> dict:
    numbers, years = analysed
    record: dict = {}
    for name, feature in policy.features.items():
        if rng.random() < unstated:
            continue   # unknown: the file does not say
        near = numbers.get(name, set())
        if feature.per == "jaar":
            record[name] = {str(y): _value(rng, feature, near) for y in sorted(years.get(name) or {2024})}
        elif feature.per == "zorgsoort":
            record[name] = {z: _value(rng, feature, near) for z in chosen}
        else:
            record[name] = _value(rng, feature, near)
    return record


def market(policies, size: int, seed: int = 12) -> str:
    """JSON Lines of `size` providers, each delivering one or two zorgsoorten of one or two
    domains. A real market repeats itself: each provider starts from one of a few hundred
    practices of its domain, draws its numbers anew (so members of one profile differ in their
    values) and now and then one other kenmerk."""
    rng = random.Random(seed)
    by_domain = {p.header.domain: p for p in policies if p.header.domain in DOMAINS}
    analysed = {d: _thresholds(p) for d, p in by_domain.items()}
    bases = {}
    for domain, policy in by_domain.items():
        care_types = list(policy.care_types)
        bases[domain] = []
        for number in range(300):
            chosen = rng.sample(care_types, rng.choice([1, 1, 2]) if len(care_types) > 1 else 1)
            unstated = UNSTATED if number % UNSTATED_EVERY == 0 else 0.0
            bases[domain].append((chosen, _record(rng, policy, analysed[domain], chosen, unstated)))
    lines = []
    for i in range(size):
        record: dict = {"id": f"p{i}", "naam": f"Praktijk {i}"}
        delivered = []
        for domain in rng.sample(sorted(by_domain), rng.choice([1, 1, 2])):
            policy = by_domain[domain]
            chosen, base = rng.choice(bases[domain])
            fresh = _record(rng, policy, analysed[domain], chosen)
            own = dict(base)
            for name, feature in policy.features.items():
                numeric = feature.type.kind in ("int", "count", "percentage")
                if name in fresh and name in base and (numeric or rng.random() < 0.03):
                    own[name] = fresh[name]
            record.update(own)
            delivered += chosen
        record["levert"] = sorted(set(delivered))
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def as_csv(lines: str) -> str:
    """The JSON Lines market as a CSV table: `kenmerk[jaar]` columns, `a;b` lists, empty = unknown;
    plus rows the full reader must read (a bad number, a row without zorgsoort)."""
    records = [json.loads(line) for line in lines.splitlines()]
    columns: dict[str, None] = {"id": None, "naam": None}
    for record in records:
        for key, value in record.items():
            columns.update(dict.fromkeys([f"{key}[{q}]" for q in value] if isinstance(value, dict) else [key]))

    def cell(record: dict, column: str) -> str:
        name, _, qualifier = column.rstrip("]").partition("[")
        value = record.get(name)
        value = value.get(qualifier) if qualifier and isinstance(value, dict) else value
        return "" if value is None else ";".join(value) if isinstance(value, list) else str(value)

    rows = [",".join(columns)] + [",".join(cell(r, c) for c in columns) for r in records]
    bad_number = next(c for c in columns if c.startswith("behandelindex"))
    rows.append(",".join({"id": "slecht_getal", "naam": "Slecht", "levert": "fysiotherapie",
                          bad_number: "veel"}.get(c, "") for c in columns))
    rows.append(",".join({"id": "levert_niets", "naam": "Niets"}.get(c, "") for c in columns))
    return "\n".join(rows) + "\n"


@pytest.fixture(scope="module")
def decided(tmp_path_factory):
    loaded = passes.load(None)
    policies = passes.in_force(loaded.policies)
    folder = tmp_path_factory.mktemp("market")
    lines = market(policies, MARKET)
    (folder / "market.jsonl").write_text(lines, encoding="utf-8")
    (folder / "market.csv").write_text(as_csv(lines), encoding="utf-8")
    catalog = Catalog.of(loaded.policies)
    files, problems = passes.read_providers([str(folder / "market.jsonl")], catalog)
    assert not [d for d in problems if d.severity == "error"], problems[:5]
    programs = [p for p in passes.compile_all(policies) if p.policy.header.domain in DOMAINS]
    return files[0], [(program, batch.decide(program, files)) for program in programs], folder, catalog


@pytest.fixture(scope="module")
def table(decided):
    _, _, folder, catalog = decided
    files, problems = passes.read_providers([str(folder / "market.csv")], catalog)
    return files[0], problems


def test_a_table_read_column_wise_equals_the_full_reader(table, decided):
    _, _, folder, catalog = decided
    column_wise, problems = table
    assert column_wise.table is not None   # the fast path was taken
    path = str(folder / "market.csv")
    text = (folder / "market.csv").read_text(encoding="utf-8")
    locator = Locator(path, text)
    full = read.finish(path, locator, catalog, *tables.read_csv(text, locator, catalog))
    assert column_wise.providers == full.providers and len(full.providers) == MARKET + 1
    assert column_wise.names == full.names
    assert column_wise.warnings == full.warnings and [d.code for d in full.warnings] == ["A208"]
    assert column_wise.errors == full.errors and [d.code for d in full.errors] == ["A203"]
    assert sorted(d.code for d in problems) == ["A203", "A208"]
    by_provider: dict[str, list] = {}
    for fact in full.facts:
        by_provider.setdefault(fact.provider, []).append(fact)
    for provider in full.providers:
        assert column_wise.facts_of(provider) == by_provider[provider], provider
    assert list(column_wise.facts) == list(full.facts)


def _delivered(provider_file) -> dict[str, set]:
    delivered: dict[str, set] = {}
    for fact in provider_file.facts:
        if fact.predicate == "levert":
            delivered.setdefault(fact.provider, set()).add(fact.args[1].value)
    return delivered


def test_the_market_has_edges_unknowns_and_several_domains(decided):
    provider_file, programs, _, _ = decided
    assert len(provider_file.providers) == MARKET
    delivered = {f.args[1].value for f in provider_file.facts if f.predicate == "levert"}
    for program, grouped in programs:   # every domain's zorgsoorten are delivered, and profiles are shared
        assert delivered & set(program.policy.care_types)
        assert 1 < len(grouped.shared) < MARKET * 0.9
    delivered_by = _delivered(provider_file)   # domains per provider: one or two
    several = Counter(sum(bool(delivered_by[p] & set(program.policy.care_types)) for program, _ in programs)
                      for p in provider_file.providers)
    assert several[2] > MARKET / 10 and several[1] > MARKET / 2 and not several[0]
    # every threshold of a number or date has values below, at and above it (where the type has them)
    for program, _ in programs:
        policy = program.policy
        for node in {node for c in batch.conditions(policy) for node in walk(c) if isinstance(node, n.Comparison)}:
            feature = policy.features[node.ref.name]
            if feature.type.kind not in ("int", "count", "percentage", "date"):
                continue
            value = node.value.value
            bound = asp_date(value) if isinstance(value, dt.date) else scaled(value, feature.type.scale)
            sides = Counter((v > bound) - (v < bound) for f in provider_file.facts if f.predicate == node.ref.name
                            and (feature.per != "jaar" or f.args[1].value == node.ref.year)
                            for v in [f.args[-1].value])
            possible = {0, 1} if bound <= 0 else {-1, 0} if feature.type.kind == "percentage" and value >= 100 else {-1, 0, 1}
            assert possible <= set(sides), (policy.header.domain, node.ref.name, node.ref.year, bound, sides)


def _holds(node) -> tuple:
    return node.text, node.holds, [_holds(c) for c in node.children]


def _shared(d) -> tuple:
    """What every member of a profile shares with its stand-in: the record, and which nodes of each
    clause's condition hold (the record has only the clause's status)."""
    return decision_record(d), [_holds(c.condition) for c in d.clauses]


def test_a_table_decided_column_wise_gives_the_same_records(decided, table):
    """Every provider of the whole market: the records (outcome, tier, every clause, factors) of
    the CSV market decided from its columns equal those of the JSON Lines market."""
    provider_file, programs, _, _ = decided
    column_wise, _ = table
    for program, grouped in programs:
        from_table = batch.decide(program, [column_wise], keep_facts=False)
        assert len(from_table.shared) <= len(grouped.shared)
        for provider in provider_file.providers:
            records = [_shared(d) for d in grouped.shared_decisions((provider_file.path, provider))]
            assert [_shared(d) for d in from_table.shared_decisions((column_wise.path, provider))] == records


def _difference(batched: list, alone: list) -> str:
    """What tells the batch's decisions of one provider from its own solve's: per zorgsoort, the
    fields of `Decision` that differ (for a clause, tier or start date: which one)."""
    if [d.care_type.name for d in batched] != [d.care_type.name for d in alone]:
        return f"zorgsoorten: batch {[d.care_type.name for d in batched]}, alone {[d.care_type.name for d in alone]}"
    lines = []
    for mine, own in zip(batched, alone):
        for name in (f.name for f in dataclasses.fields(own)):
            ours, theirs = getattr(mine, name), getattr(own, name)
            if ours == theirs:
                continue
            if isinstance(theirs, tuple) and len(ours) == len(theirs):
                which = next(i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b)
                item = theirs[which]
                label = getattr(getattr(item, "clause", None), "id", None) or getattr(getattr(item, "tier", None), "label", which)
                lines.append(f"{own.care_type.name}: {name}[{label}]: batch {ours[which]!r}, alone {item!r}")
            else:
                lines.append(f"{own.care_type.name}: {name}: batch {ours!r}, alone {theirs!r}")
    return "; ".join(lines)


# What the workers of `test_every_provider_decided_alone_equals_the_batch` read: set before the
# pool forks them, so each inherits the compiled programs, the batches and each provider's facts
# instead of building them again (the solving is theirs alone).
_SHARED: dict = {}


def _decide_alone(job: tuple[int, list[str]]) -> tuple[list[str], Counter]:
    """In a worker: each provider of `job` decided by its own `solve` (its own clingo control, its
    facts only) and compared with the batch; the differences, and what the decisions were."""
    number, providers = job
    path, names, facts = _SHARED["path"], _SHARED["names"], _SHARED["facts"]
    program, grouped = _SHARED["programs"][number]
    domain = program.policy.header.domain
    differences, seen = [], Counter()
    care_types = set(program.policy.care_types)
    for provider in providers:
        batched = grouped.decisions((path, provider))
        if not any(f.predicate == "levert" and f.args[1].value in care_types for f in facts.get(provider, ())):
            # none of this policy's zorgsoorten: no decision (solve derives none without `levert`)
            if batched:
                differences.append(f"{provider} ({domain}): decided in the batch, but delivers none of its zorgsoorten")
            continue
        alone = decide.solve(program, [ProviderFile(path, facts.get(provider, ()), (provider,), {provider: names[provider]})])
        if batched != alone:
            differences.append(f"{provider} ({domain}): {_difference(batched, alone)}")
        seen["decisions"] += len(alone)
        seen["onbeslist"] += sum(d.outcome is Outcome.UNDECIDED for d in alone)
        seen["reading an unknown"] += sum(bool(d.unknown) for d in alone)
        if any(d.unknown for d in alone):
            seen[f"providers with unknowns ({domain})"] += 1
    return differences, seen


def test_every_provider_decided_alone_equals_the_batch(decided):
    """All MARKET providers, each with every policy: its own `solve` call (one clingo control,
    nothing but its own facts) gives exactly the batch's decisions, values included. The solving
    is spread over the cores (ProcessPoolExecutor); what is shared is only what was built once."""
    provider_file, programs, _, _ = decided
    facts: dict[str, list] = {}
    for fact in provider_file.facts:
        facts.setdefault(fact.provider, []).append(fact)
    _SHARED.update(path=provider_file.path, names=provider_file.names, programs=programs,
                   facts={p: tuple(f) for p, f in facts.items()})
    chunk = 250
    jobs = [(number, list(provider_file.providers[start:start + chunk]))
            for number in range(len(programs)) for start in range(0, MARKET, chunk)]
    differences, seen = [], Counter()
    try:
        with ProcessPoolExecutor(os.cpu_count() or 1, mp_context=multiprocessing.get_context("fork")) as pool:
            for found, counted in pool.map(_decide_alone, jobs):
                differences += found
                seen += counted
    finally:
        _SHARED.clear()
    assert not differences, f"{len(differences)} providers decided alone differ from the batch:\n" + "\n".join(differences[:10])
    print(dict(seen))
    # the market has what the equality is about: undecided outcomes, unknowns read
    assert seen["onbeslist"] > 0 and seen["reading an unknown"] > seen["onbeslist"]


def test_a_profile_tells_stated_nee_ja_and_unknown_apart():
    """Absent is unknown, not nee: a profile that merged them would share a wrong decision."""
    loaded = passes.load(None)
    policy = next(p for p in passes.in_force(loaded.policies) if p.header.domain == "paramedische_zorg")
    catalog = Catalog.of(loaded.policies)
    observation = batch.Observation(policy)
    keys = []
    for line in ("skf_keurmerk(x).", "-skf_keurmerk(x).", ""):
        text = f"levert(x, fysiotherapie).\n{line}\n".encode()
        from caresq_logic.providers.read import read
        keys.append(observation.key(read(text, "p.lp", catalog).facts))
    assert len(set(keys)) == 3


def test_a_profile_holds_of_a_keuze_only_which_lists_it_meets():
    """`registratie is kwaliteitsregister_paramedici of irf of skf_oude_regeling of kfir` is all
    the program reads of registratie: two registers or one of them is one profile (one solve),
    while stated empty and unknown stay apart from it and from each other."""
    loaded = passes.load(None)
    policy = next(p for p in passes.in_force(loaded.policies) if p.header.domain == "paramedische_zorg")
    catalog = Catalog.of(loaded.policies)
    observation = batch.Observation(policy)
    from caresq_logic.providers.read import read

    def key(lines: str):
        return observation.key(read(f"levert(x, fysiotherapie).\n{lines}\n".encode(), "p.lp", catalog).facts)

    both, one = key("registratie(x, irf).\nregistratie(x, kfir)."), key("registratie(x, kfir).")
    assert both == one
    assert len({one, key("-registratie(x)."), key("")}) == 3
