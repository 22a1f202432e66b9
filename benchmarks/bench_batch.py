"""A whole market as JSON Lines, and one explain against the import floor (issue 12).

    .venv/bin/python benchmarks/bench_batch.py [--n 10000 100000 1000000] [--runs 3]

Data: the peers' generated practices (benchmarks/peers: gen_data.py, seed 2026, converted by
to_caresq.py) in $PEERS_DATA (default /tmp/peersbench/data), written there if missing with this
interpreter. The batch holds one provider file in memory at a time, so N above 100,000 is split
into files of 100,000 practices (about 11 MiB), all given to one command.

Market: `explain FILES --format jsonl --uitvoer OUT --stil` inside a fresh process, timed from
after the imports to the last record written ("wall after imports", the peers' clock), with the
CPU time of the same span (a steadier figure on a shared machine) and the process's peak
resident memory (ru_maxrss; with the forked child's peak added, see `child`). Median of --runs.
Single explain: `caresq-logic explain examples/providers/paramedische_zorg/fysio_b.lp` against
`python -c "import clingo, lark, typer"`, whole processes, median of 2 * --runs + 1.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEERS = REPO / "benchmarks" / "peers"
DATA = Path(os.environ.get("PEERS_DATA", "/tmp/peersbench/data"))
CLI = str(Path(sys.executable).parent / "caresq-logic")
PER_FILE = 100_000


def _current(path: Path) -> bool:
    """Written after the last change of to_caresq.py: an older conversion states less (no
    `lopende_overeenkomst`, no `-` for a practice in no register) and decides differently."""
    return path.stat().st_mtime >= (PEERS / "to_caresq.py").stat().st_mtime


def files_for(n: int) -> list[str]:
    whole = DATA / f"caresq_{n}.csv"
    if not whole.exists() or not _current(whole):
        for old in DATA.glob(f"caresq_{n}_part*.csv"):
            old.unlink()
        env = dict(os.environ, PEERS_DATA=str(DATA), PYTHONDONTWRITEBYTECODE="1")
        for script in ("gen_data.py", "to_caresq.py"):
            subprocess.run([sys.executable, script, str(n)], cwd=PEERS, env=env, check=True)
    if n <= PER_FILE:
        return [str(whole)]
    parts = [DATA / f"caresq_{n}_part{i}.csv" for i in range((n + PER_FILE - 1) // PER_FILE)]
    if not all(p.exists() for p in parts):
        with open(whole, encoding="utf-8") as source:
            header = source.readline()
            for part in parts:
                with open(part, "w", encoding="utf-8") as out:
                    out.write(header)
                    for _ in range(PER_FILE):
                        line = source.readline()
                        if not line:
                            break
                        out.write(line)
    return [str(p) for p in parts]


def child(files: list[str], out: str) -> None:
    """One timed run, in this fresh process: imports first, then the command's work."""
    import resource

    started = time.perf_counter()
    from caresq_logic import cli
    import caresq_logic.report.records  # noqa: F401  (imported lazily by the command)
    import numpy  # noqa: F401  (imported by the command for a CSV of 64 KiB and more)
    import pyarrow.csv  # noqa: F401
    imported = time.perf_counter()
    at_import = resource.getrusage(resource.RUSAGE_SELF)
    cpu_at_import = at_import.ru_utime + at_import.ru_stime
    # The console entry point itself (`cli.main`: it turns the cyclic garbage collector off, as
    # the installed command does), with the arguments a user types.
    sys.argv = ["caresq-logic", "explain", *files, "--format", "jsonl", "--uitvoer", out, "--stil"]
    try:
        cli.main()
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    # The forked child that solves half of the profiles (`decide.forked`) counts too: its CPU,
    # and its peak added to ours (an upper bound: the pages it shares with us count twice).
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"imports": imported - started, "wall": done - imported, "exit": code or 0,
                      "cpu": usage.ru_utime + usage.ru_stime - cpu_at_import + children.ru_utime + children.ru_stime,
                      "rss_mb": (usage.ru_maxrss + children.ru_maxrss) / 1024}))


def market(n: int, runs: int) -> dict:
    files = files_for(n)
    results = []
    with tempfile.TemporaryDirectory(prefix="caresq-bench-") as tmp:
        out = os.path.join(tmp, "out.jsonl")
        for _ in range(runs):
            if os.path.exists(out):   # replacing last run's file would free its blocks inside the timed span
                os.unlink(out)
            done = subprocess.run([sys.executable, __file__, "--child", out, *files],
                                  capture_output=True, text=True, cwd=REPO)
            if done.returncode:
                raise SystemExit(f"N={n}: exit {done.returncode}: {done.stderr[-1000:]}")
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        with open(out, encoding="utf-8") as f:
            records = sum(1 for _ in f)
    if records != n:
        raise SystemExit(f"N={n}: {records} records")
    return {"n": n, "files": len(files), "wall_s": statistics.median(r["wall"] for r in results),
            "walls": [round(r["wall"], 3) for r in results],
            "cpu_s": statistics.median(r["cpu"] for r in results),
            "peak_rss_mb": max(r["rss_mb"] for r in results), "records": records}


def whole(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[3:], sys.argv[2])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, nargs="*", default=[10_000, 100_000, 1_000_000],
                        help="market sizes; none (a bare --n): only the single explain")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.n:
        print("caresq-logic explain --format jsonl, wall after imports (median of %d), peak RSS" % args.runs)
    for n in args.n:
        m = market(n, args.runs)
        print(f"  N={n:>9,}  {m['wall_s']:7.2f} s (CPU {m['cpu_s']:.2f} s)  {m['peak_rss_mb']:7.0f} MB  runs {m['walls']}  "
              f"files {m['files']}  records {m['records']:,}", flush=True)
    runs = 2 * args.runs + 1
    floor = whole([sys.executable, "-c", "import clingo, lark, typer"], runs)
    single = whole([CLI, "explain", "examples/providers/paramedische_zorg/fysio_b.lp"], runs)
    print(f"single explain {single * 1000:.0f} ms, import floor {floor * 1000:.0f} ms: "
          f"{single / floor:.2f}x (median of {runs})")


if __name__ == "__main__":
    main()
