"""caresq-logic as a peer: the real CLI, `caresq-logic explain caresq_N.csv`, on the peers' data.

The run is one child process of the installed command (the repo's .venv, or $CARESQ_BIN), so its
phase `cli` is that process's whole wall time: interpreter start, imports, parsing the policies,
reading the CSV, deciding, writing the explanations. `collect` then reads the output file and
turns each decision into the peers' record. The input is written beforehand by to_caresq.py.

Against policies/paramedische_zorg/2026.beleid. Its reading of §4 (documented in the policy's
`onderdruk onvervulbaar hoge_behandelindex` and in docs/findings.md): a practice above 150 is not
approached, even when Caresq granted the §2.3 exception; `explain` says "niet benaderd". The
peers' reference offers those practices their tier. The record carries that outcome as the
contract "NIET_BENADERD", and `documented_reading` maps the reference the same way, so the
verifier checks that it happens for exactly those practices and nowhere else.
"""
from __future__ import annotations

import json
import os
import subprocess
import tempfile

import common
from common import FACTORS, FIELDS, NO_CONTRACT, Phases
from to_caresq import caresq_path

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
CARESQ_BIN = os.environ.get("CARESQ_BIN", os.path.join(REPO, ".venv", "bin", "caresq-logic"))

# JSON Lines: one record per provider and zorgsoort, streamed, decided by profile (issue 12).
FORMAT = "jsonl"

NOT_APPROACHED = "NIET_BENADERD"
# caresq randvoorwaarde id -> the peers' required condition (the policy gives §3.1's two
# sentences on bereikbaarheid and the start within five working days a clause each).
REQUIRED_BY_CLAUSE = {
    "bereikbaarheid": "bereikbaar_werkdagen",
    "start_vijf_werkdagen": "start_binnen_5_werkdagen",
    "kwaliteitsregister": "registratie",
    "prem_fysiotherapie": "prem_extern",
    "digitaal_declareren": "vecozo_declaraties",
    "digitalisering": "digitalisering_inspanning",
    "digitale_zorg": "digitale_zorg",
}
FACTOR_BY_ID = dict(zip(["verbijzonderd", "kngf_basisregister", "skf_keurmerk"], FACTORS))
REQUIRED_ORDER = {name: i for i, name in enumerate(common.REQUIRED)}
FACTOR_ORDER = {name: i for i, name in enumerate(FACTORS)}


def decisions_json(path: str):
    """(provider id, decision) for every decision in one `--format json` document."""
    with open(path) as f:
        doc = json.load(f)
    if doc["diagnostics"]:
        raise RuntimeError(f"caresq-logic reported: {doc['diagnostics'][:3]}")
    for provider in doc["providers"]:
        for policy in provider["policies"]:
            for decision in policy["decisions"]:
                yield provider["id"], decision


def decisions_jsonl(path: str):
    """(provider id, decision) per line of `--format jsonl` (issue 12: one record per provider
    and zorgsoort): the provider's `id` next to zorgsoort, outcome, tier, factors, the clauses
    that stand in the way (`failing`) and every clause's status (docs/records.md)."""
    with open(path) as f:
        for line in f:
            record = json.loads(line)
            yield record["id"], record


def failing_json(decision: dict) -> list[str]:
    """The json form's clauses that stand in the way, as a record's `failing` names them: a
    required condition not met, an exclusion in force (met, its `tenzij` not held)."""
    required = ("randvoorwaarde", "aanvullende_voorwaarde", "selectie")
    return [c["id"] for c in decision["clauses"] if c["active"] and (
        (c["kind"] in required and not c["met"]) or (c["kind"] == "uitsluiting" and c["met"] and not c["excepted"]))]


READERS = {"json": decisions_json, "jsonl": decisions_jsonl}


def record(pid: str, decision: dict) -> tuple:
    """The peers' record (id, contract, failed, excluded, factors) of one caresq decision."""
    if decision["zorgsoort"] != "fysiotherapie":
        raise RuntimeError(f"{pid}: unexpected zorgsoort {decision['zorgsoort']}")
    outcome = decision["outcome"]
    contract = (decision["tier"] if outcome == "zorgovereenkomst"
                else NOT_APPROACHED if outcome == "niet_benaderd" else NO_CONTRACT)
    failing = decision["failing"] if "failing" in decision else failing_json(decision)
    failed, excluded = [], False
    for cid in failing:
        if cid == "hoge_behandelindex":
            excluded = True
        elif cid in REQUIRED_BY_CLAUSE:
            failed.append(REQUIRED_BY_CLAUSE[cid])
        else:   # any other clause standing in the way means the conversion is wrong: say so, loudly
            failed.append(f"unexpected:{cid}")
    failed.sort(key=REQUIRED_ORDER.get)
    factors = sorted((FACTOR_BY_ID[f] for f in decision["factors"]["met"]), key=FACTOR_ORDER.get)
    return (int(pid), contract, failed, excluded, factors)


def run_cli(n: int):
    ph = Phases()
    with tempfile.TemporaryDirectory(prefix="caresq-bench-") as tmp:
        out = os.path.join(tmp, f"explain.{FORMAT}")
        cp = subprocess.run([CARESQ_BIN, "explain", caresq_path(n), "--format", FORMAT,
                             "--uitvoer", out, "--stil"], capture_output=True, text=True)
        if cp.returncode:
            raise RuntimeError(f"caresq-logic exit {cp.returncode}: {cp.stderr.strip()[-1000:]}")
        ph.mark("cli")
        records = [record(pid, d) for pid, d in READERS[FORMAT](out)]
        ph.mark("collect")
    return records, ph.times


def documented_reading(n: int, reference: list) -> list:
    """The reference as caresq-logic's reading of §4 predicts it: a practice above behandelindex
    150 whose exception was granted, and that the reference offers a contract, is not approached."""
    col = {f: i for i, f in enumerate(FIELDS)}
    rows = {r[col["id"]]: r for r in common.read_csv_rows(common.data_path(n, "csv"))}
    mapped = []
    for rec in reference:
        pid, contract, failed, excluded, factors = common.canonical(rec)
        row = rows[pid]
        if (contract != NO_CONTRACT and row[col["uitzondering_toegekend"]]
                and row[col["behandelindex_2024"]] > common.BEHANDELINDEX_MAX):
            contract = NOT_APPROACHED
        mapped.append((pid, contract, failed, excluded, factors))
    return mapped


VARIANTS = {"caresq-logic-explain": run_cli}
EXPECTED = {name: documented_reading for name in VARIANTS}
