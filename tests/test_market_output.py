"""A market's output (issue 12): JSON Lines and CSV records, --samenvatting, --aanbieder, and the
cache of checked policies behind a fast single `explain`."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from caresq_logic import passes
from caresq_logic.language import cache

from conftest import EXAMPLES, run

FYSIO = str(EXAMPLES / "paramedische_zorg")


def _full(provider: str) -> dict:
    document = json.loads(run("explain", FYSIO, "--format", "json", "--aanbieder", provider).stdout)
    (entry,) = document["providers"]
    return entry


def _failing(decision: dict) -> list[str]:
    """The full explanation's clauses that stand in the way: a required condition not met, an
    exclusion in force."""
    return [c["id"] for c in decision["clauses"] if c["active"] and (
        (c["kind"] in ("randvoorwaarde", "aanvullende_voorwaarde", "selectie") and not c["met"])
        or (c["kind"] == "uitsluiting" and c["met"] and not c["excepted"]))]


def _depends_on_unknown(clause: dict) -> bool:
    nodes = [n for n in (clause["condition"], clause["guard"]) if n]
    while nodes:
        node = nodes.pop()
        if node["unknown"]:
            return True
        nodes.extend(node.get("children", ()))
    return False


def test_jsonl_is_one_record_per_provider_and_zorgsoort_matching_the_full_explanation():
    result = run("explain", FYSIO, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    full = json.loads(run("explain", FYSIO, "--format", "json").stdout)
    expected = [(p["file"], p["id"], p["name"], pol["domain"], pol["year"], d) for p in full["providers"]
                for pol in p["policies"] for d in pol["decisions"]]
    assert len(records) == len(expected) > 3
    seen = set()
    for record, (file, provider, name, domain, year, decision) in zip(records, expected):
        assert list(record) == ["file", "id", "name", "domain", "year", "zorgsoort", "outcome", "tier", "factors",
                                "unknown", "deciding", "failing", "clauses"]
        assert (record["file"], record["id"], record["name"], record["domain"], record["year"]) == \
            (file, provider, name, domain, year)
        for key in ("zorgsoort", "outcome", "tier", "factors", "unknown", "deciding"):
            assert record[key] == decision[key], key
        assert record["failing"] == _failing(decision)
        # every clause, in the policy's order, by id
        assert list(record["clauses"]) == [c["id"] for c in decision["clauses"]]
        for c in decision["clauses"]:
            status = record["clauses"][c["id"]]
            seen.add(status)
            if status == "unknown":   # met in some completions of what the provider did not state
                assert _depends_on_unknown(c), c["id"]
                continue
            assert status == ("inactive" if not c["active"] else "failed" if not c["met"]
                              else "excepted" if c["kind"] == "uitsluiting" and c["excepted"] else "met"), c["id"]
    assert {"met", "failed", "inactive", "unknown"} <= seen


def test_jsonl_follows_the_documented_schema():
    import jsonschema

    from conftest import REPO

    schema = json.loads((REPO / "docs" / "records.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    result = run("explain", str(EXAMPLES), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    statuses = set()
    for line in result.stdout.splitlines():
        record = json.loads(line)
        jsonschema.validate(record, schema)
        statuses.update(record["clauses"].values())
    assert statuses == set(schema["properties"]["clauses"]["additionalProperties"]["enum"])   # each one seen


def test_an_exclusion_lifted_by_its_tenzij_is_excepted(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,levert,behandelindex[2024],uitzondering_behandelindex_toegekend\n"
                    "a,fysiotherapie,160,ja\nb,fysiotherapie,160,nee\nc,fysiotherapie,140,ja\n", encoding="utf-8")
    result = run("explain", str(path), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    by_id = {r["id"]: r for r in map(json.loads, result.stdout.splitlines())}
    assert {p: r["clauses"]["hoge_behandelindex"] for p, r in by_id.items()} == \
        {"a": "excepted", "b": "met", "c": "failed"}
    assert ["hoge_behandelindex" in r["failing"] for r in by_id.values()] == [False, True, False]


def test_a_clause_not_met_for_want_of_a_value_is_unknown(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("id,levert,behandelindex[2024]\nx,fysiotherapie,\ny,fysiotherapie,120\nz,fysiotherapie,200\n",
                    encoding="utf-8")
    lines = run("explain", str(path), "--format", "jsonl").stdout.splitlines()
    by_id = {json.loads(line)["id"]: json.loads(line) for line in lines}
    status = {p: r["clauses"] for p, r in by_id.items()}
    assert status["x"]["hoge_behandelindex"] == "unknown"
    assert status["y"]["hoge_behandelindex"] == "failed"
    assert status["z"]["hoge_behandelindex"] == "met"
    assert status["x"]["richtlijnen"] == status["y"]["richtlijnen"] == "unknown"   # ja/nee: absent is onbekend


def test_csv_summary_lists_the_failing_clauses():
    result = run("explain", FYSIO, "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["id", "naam", "domein", "zorgsoort", "uitkomst", "niveau", "niet_voldaan"]
    records = [json.loads(line) for line in run("explain", FYSIO, "--format", "jsonl").stdout.splitlines()]
    assert len(rows) - 1 == len(records)
    for row, record in zip(rows[1:], records):
        assert row[0] == record["id"] and row[3] == record["zorgsoort"] and row[4] == record["outcome"]
        assert row[5] == (record["tier"] or "")
        assert row[6] == ";".join(record["failing"])
    assert any(row[6] for row in rows[1:]) and any(row[5] for row in rows[1:])


def test_samenvatting_counts_every_decision():
    records = [json.loads(line) for line in run("explain", FYSIO, "--format", "jsonl").stdout.splitlines()]
    result = run("explain", FYSIO, "--samenvatting")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Beleidsset: ") and lines[1].startswith("Bestanden: ") and not lines[2]
    counted = {}
    for line in lines[4:-1]:   # after the policy-set header and the table's own header
        domain, care_type, outcome, count = line.split()
        counted[(domain, care_type, outcome)] = int(count)
    expected = {}
    for r in records:
        key = (r["domain"], r["zorgsoort"], r["outcome"])
        expected[key] = expected.get(key, 0) + 1
    assert counted == expected
    assert result.stdout.splitlines()[-1].startswith(f"aanbieders: {len({(r['file'], r['id']) for r in records})};")


def test_aanbieder_explains_one_provider_and_names_one_that_is_missing():
    whole = json.loads(run("explain", FYSIO, "--format", "json").stdout)
    first = whole["providers"][0]
    assert _full(first["id"]) == first
    result = run("explain", FYSIO, "--aanbieder", "niemand")
    assert result.exit_code == 2
    assert "--aanbieder:1:1: C012: aanbieder 'niemand'" in result.stderr


def test_no_progress_bar_when_not_on_a_terminal():
    result = run("explain", FYSIO, "--format", "jsonl")
    assert result.stderr == ""


# ---- the cache of checked policies --------------------------------------------------------------

POLICY = "policies/paramedische_zorg/2026.beleid"


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("CARESQ_CACHE", str(folder))
    return folder


def _policy_entry(cache_dir):
    """The entry of the parsed policy (beside it: `.derived`, the publications its change lists describe)."""
    (entry,) = [e for e in cache_dir.iterdir() if e.suffix == ".policy"]
    return entry


def test_a_cached_policy_equals_the_parsed_one(cache_dir):
    loaded = passes.load([POLICY])
    parsed = loaded.policies[0]
    entry = _policy_entry(cache_dir)
    assert oct(cache_dir.stat().st_mode & 0o777) == "0o700"
    cached = passes.load([POLICY]).policies[0]
    assert cached is not parsed and cached.file == parsed.file
    for clause in parsed.clauses.values():
        assert cached.scope(cached.clauses[clause.id]) == parsed.scope(clause)
    assert passes.compile_all([cached])[0].text == passes.compile_all([parsed])[0].text
    assert entry.suffix == ".policy"
    # The derived publications come from the cache too, equal to the ones derived the first time.
    assert sorted(e.suffix for e in cache_dir.iterdir()) == [".derived", ".policy"]
    again = passes.load([POLICY])
    assert [p.path for p in again.policies] == [p.path for p in loaded.policies]
    for first, cached_derived in zip(loaded.policies[1:], again.policies[1:]):
        assert cached_derived is not first
        assert passes.compile_all([cached_derived])[0].text == passes.compile_all([first])[0].text


def test_a_tampered_or_foreign_entry_is_not_loaded(cache_dir):
    passes.load([POLICY])
    entry = _policy_entry(cache_dir)
    data = bytearray(entry.read_bytes())
    data[-5] ^= 1
    entry.write_bytes(bytes(data))
    raw = open(POLICY, "rb").read()
    assert cache.load(raw, POLICY) is None                 # the stored digest no longer matches
    passes.load([POLICY])                                  # rewritten on the next parse
    assert cache.load(raw, POLICY) is not None
    os.chmod(entry, 0o666)
    assert cache.load(raw, POLICY) is None                 # anyone may write it: not trusted


def test_the_cache_keeps_only_its_newest_entries(cache_dir, monkeypatch):
    """Every new caresq-logic and every edited policy writes new keys: without a bound the folder
    only grows (a shared machine had 5,428 entries, 425 MB)."""
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    cache_dir.mkdir(mode=0o700)
    for age in range(5):
        stale = cache_dir / f"stale{age}.policy"
        stale.write_bytes(b"old")
        os.utime(stale, (1_000_000 + age, 1_000_000 + age))
    (cache_dir / "notes.txt").write_text("not ours")
    passes.load([POLICY])   # writes the policy and its derived publications
    left = sorted(p.name for p in cache_dir.iterdir() if not p.name.startswith(("stale", "notes")))
    assert sorted(name.rsplit(".")[-1] for name in left) == ["derived", "policy"]   # the new ones stay
    assert sorted(p.name for p in cache_dir.glob("[sn]*")) == ["notes.txt", "stale4.policy"]


def test_an_unwritable_cache_falls_back_silently(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CARESQ_CACHE", str(blocker / "cache"))
    result = run("explain", FYSIO + "/fysio_b.lp")
    assert result.exit_code == 0 and result.stderr == ""
    monkeypatch.setenv("CARESQ_CACHE", "off")
    assert cache.folder() is None
    assert run("explain", FYSIO + "/fysio_b.lp").stdout == result.stdout


def test_several_files_stream_one_after_another(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,levert,behandelindex[2024]\nx,fysiotherapie,120\n", encoding="utf-8")
    second.write_text("id,levert,behandelindex[2024]\nx,fysiotherapie,200\n", encoding="utf-8")
    together = run("explain", str(first), str(second), "--format", "jsonl").stdout.splitlines()
    apart = [line for path in (first, second) for line in run("explain", str(path), "--format", "jsonl").stdout.splitlines()]
    assert together == apart and len(together) == 2
    assert json.loads(together[0])["clauses"] != json.loads(together[1])["clauses"]   # not one shared profile
