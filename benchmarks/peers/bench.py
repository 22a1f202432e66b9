"""Times every engine variant, one fresh process per run, one run at a time.

usage: python bench.py [--n 10000 100000] [--reps 3] [--floor-reps 5] [--variants V ...]
                       [--out results]

For each N, repetitions are taken round-robin (rep 1 of every variant, then rep 2, ...), so a
slow drift of the machine spreads over all variants. Every run's output digest must equal the
reference's for that N, or the run is reported as wrong. Writes OUT/raw.jsonl (every run),
OUT/summary.json and OUT/RESULTS.md (the tables).
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from importlib import metadata

import common
import engines
from engine_caresq import CARESQ_BIN

HERE = os.path.dirname(os.path.abspath(__file__))
PY = sys.executable

FLOOR = {
    "interpreter (python -c pass)": "pass",
    "import clingo": "import clingo",
    "import zen": "import zen",
    "import numpy": "import numpy",
    "import openfisca_core (as engine_openfisca does)":
        "import openfisca_core.entities, openfisca_core.indexed_enums, openfisca_core.periods, "
        "openfisca_core.simulations, openfisca_core.taxbenefitsystems, openfisca_core.variables",
}
# caresq-logic runs as its own command in the repo's .venv: its import floor (issue 12) and a
# whole run that does nothing but print the help.
FLOOR_COMMANDS = {
    "caresq-logic venv: import clingo, lark, typer":
        [os.path.join(os.path.dirname(CARESQ_BIN), "python"), "-c", "import clingo, lark, typer"],
    "caresq-logic --help": [CARESQ_BIN, "--help"],
}


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    cp = subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, timeout=600,
                        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    return time.perf_counter() - t0, cp


def measure_floor(reps: int) -> dict:
    out = {}
    commands = {label: [PY, "-c", code] for label, code in FLOOR.items()} | FLOOR_COMMANDS
    for label, cmd in commands.items():
        times = []
        for _ in range(reps):
            dt, cp = timed(cmd)
            if cp.returncode:
                raise RuntimeError(f"{label}: {cp.stderr}")
            times.append(dt)
        out[label] = {"median_s": statistics.median(times), "runs_s": times}
        print(f"floor  {label:50s} {statistics.median(times) * 1000:8.1f} ms", flush=True)
    return out


def run_once(variant: str, n: int) -> dict:
    dt, cp = timed([PY, "runner.py", variant, str(n)])
    if cp.returncode:
        return {"variant": variant, "n": n, "error": cp.stderr.strip()[-2000:], "process_s": dt}
    rec = json.loads(cp.stdout.strip().splitlines()[-1])
    rec["process_s"] = dt
    return rec


@functools.lru_cache(maxsize=None)
def reference(n: int) -> list[tuple]:
    return common.canonical_all(engines.get("python-reference")(n)[0])


def expected_digest(variant: str, n: int, ref_digest: str | None) -> str | None:
    """The reference's digest, or for a variant with a documented reading (engines.expected)
    the digest of the reference mapped by it, computed here from the reference's records."""
    ref = reference(n)
    want = common.canonical_all(engines.expected(variant, n, ref))
    return ref_digest if want == ref else common.digest(want)


def summarise(runs: list[dict], ns: list[int], variants: list[str]) -> dict:
    summary = {}
    for n in ns:
        ref_digest = next((r["digest"] for r in runs if r["n"] == n
                           and r["variant"] == "python-reference" and "digest" in r), None)
        for v in variants:
            want_digest = expected_digest(v, n, ref_digest)
            rs = [r for r in runs if r["n"] == n and r["variant"] == v]
            ok = [r for r in rs if "error" not in r]
            s = {"runs": len(rs), "errors": [r["error"] for r in rs if "error" in r]}
            if ok:
                med = lambda key: statistics.median(r[key] for r in ok)
                phases = {}
                for r in ok:
                    for p in r["phases"]:
                        phases.setdefault(p, []).append(r["phases"][p])
                s.update({
                    "wall_s": med("wall_s"), "cpu_s": med("cpu_s"), "process_s": med("process_s"),
                    "import_s": med("import_s"), "maxrss_mb": med("maxrss_mb"),
                    "wall_runs_s": [r["wall_s"] for r in ok],
                    "phases_s": {p: statistics.median(t) for p, t in phases.items()},
                    "per_second": n / med("wall_s"),
                    "child_maxrss_mb": med("child_maxrss_mb"),
                    "digests_match_reference": all(r["digest"] == want_digest for r in ok),
                    "count_ok": all(r["count"] == n for r in ok),
                })
            summary[f"{v}@{n}"] = s
    return summary


def fmt_s(x: float) -> str:
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def markdown(summary: dict, floor: dict, ns: list[int], variants: list[str], meta: dict) -> str:
    L = ["# Peer engines: results", "",
         f"Machine: {meta['machine']}; Python {meta['python']}; "
         + ", ".join(f"{k} {v}" for k, v in meta["packages"].items()) + ".",
         f"Median of {meta['reps']} runs, each in a fresh process, one at a time. "
         "End-to-end = from opening the input file to all per-practice results as Python objects, "
         "after imports (engine setup such as compiling rules or loading the graph included). "
         "load = reading the input file into the engine's input form only.", ""]
    head = "| engine variant | " + " | ".join(
        f"N={n:,} e2e s | N={n:,} practices/s | N={n:,} load s" for n in ns) + " | correct |"
    L += [head, "|" + "---|" * (1 + 3 * len(ns) + 1)]
    for v in variants:
        cells, correct = [], True
        for n in ns:
            s = summary.get(f"{v}@{n}", {})
            if "wall_s" not in s:
                cells += ["error", "", ""]
                correct = False
                continue
            correct &= s["digests_match_reference"] and s["count_ok"] and not s["errors"]
            cells += [fmt_s(s["wall_s"]), f"{s['per_second']:,.0f}", fmt_s(s["phases_s"].get("load", 0.0))]
        L.append(f"| {v} | " + " | ".join(cells) + f" | {'yes' if correct else 'NO'} |")
    L += ["", "## Where the time goes (median seconds per phase; CPU s = process CPU time, all threads)", ""]
    for n in ns:
        L += [f"### N = {n:,}", "", "| engine variant | phases | e2e wall s | CPU s | import s | peak RSS MB (own or child's) | process wall s |",
              "|---|---|---|---|---|---|---|"]
        for v in variants:
            s = summary.get(f"{v}@{n}", {})
            if "wall_s" not in s:
                L.append(f"| {v} | error: {s.get('errors', ['?'])[0][:200]} | | | | | |")
                continue
            ph = ", ".join(f"{p} {fmt_s(t)}" for p, t in s["phases_s"].items())
            L.append(f"| {v} | {ph} | {fmt_s(s['wall_s'])} | {fmt_s(s['cpu_s'])} | "
                     f"{s['import_s']:.3f} | {max(s['maxrss_mb'], s['child_maxrss_mb']):.0f} | "
                     f"{fmt_s(s['process_s'])} |")
        L.append("")
    L += ["## Floor (fresh process, median wall)", "", "| command | ms |", "|---|---|"]
    for label, f in floor.items():
        L.append(f"| {label} | {f['median_s'] * 1000:.1f} |")
    L.append("")
    return "\n".join(L)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--floor-reps", type=int, default=5)
    ap.add_argument("--variants", nargs="+", default=list(engines.VARIANT_MODULES))
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    args = ap.parse_args()
    variants = args.variants
    if "python-reference" not in variants:
        variants = ["python-reference"] + variants     # needed for the correctness digest
    os.makedirs(args.out, exist_ok=True)

    meta = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, "
                   + next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                           if l.startswith("model name")), "?"),
        "python": platform.python_version(),
        "packages": {p: metadata.version(p) for p in ("clingo", "zen-engine", "OpenFisca-Core", "numpy")},
        "reps": args.reps,
    }
    floor = measure_floor(args.floor_reps)
    runs = []
    with open(os.path.join(args.out, "raw.jsonl"), "w") as raw:
        for n in args.n:
            for rep in range(args.reps):
                for v in variants:
                    rec = run_once(v, n)
                    rec["rep"] = rep + 1
                    runs.append(rec)
                    raw.write(json.dumps(rec) + "\n")
                    raw.flush()
                    msg = rec.get("error", "").splitlines()[-1:] if "error" in rec else None
                    print(f"N={n:<7} rep {rep + 1} {v:26s} " + (f"ERROR {msg}" if msg else
                          f"{rec['wall_s']:8.3f} s  ({rec['digest']})"), flush=True)
    summary = summarise(runs, args.n, variants)
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump({"meta": meta, "floor": floor, "summary": summary}, f, indent=1)
    md = markdown(summary, floor, args.n, variants, meta)
    with open(os.path.join(args.out, "RESULTS.md"), "w") as f:
        f.write(md)
    print(md)
    bad = [k for k, s in summary.items() if s.get("errors") or not s.get("digests_match_reference")]
    if bad:
        print("WRONG OR FAILED RUNS:", ", ".join(bad))
        sys.exit(1)


if __name__ == "__main__":
    main()
