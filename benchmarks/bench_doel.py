"""Wall time of `caresq-logic explain FILE --doel TARGET` for every example provider and target,
so that the slowest one can be held to issue 11's bound (under 1 s wall).

    .venv/bin/python benchmarks/bench_doel.py [--scan-runs 1] [--runs 5] [--top 10] [--cli PATH]

Every pair (each examples/providers/**/*.lp with each of A B C D and every outcome name) is run
--scan-runs times as a fresh process, one at a time; the --top slowest of that scan are run
--runs times more, and their median is what is printed, with the median CPU time (user+sys of
the process) beside it: on a shared machine the wall time is noisy, the CPU time much less so.
A pair that is slow only in its median and fast in the scan is missed: raise --scan-runs to
look harder. --cli times another installation (e.g. a checkout before a change); --pair FILE
TARGET (repeatable) times only the pairs given, without a scan.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "caresq-logic")
TIERS = ("A", "B", "C", "D")
OUTCOMES = ("zorgovereenkomst", "geen_overeenkomst", "niet_benaderd", "uitzondering_aan_te_vragen",
            "doorlopende_overeenkomst", "ander_beleid", "onbeslist")


def timed(command: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one fresh process; exits when the command fails."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = os.times()
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[:500]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def median(command: list[str], runs: int) -> tuple[float, float]:
    walls, cpus = zip(*(timed(command) for _ in range(runs)))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scan-runs", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--cli", default=CLI)
    parser.add_argument("--pair", nargs=2, action="append", metavar=("FILE", "TARGET"))
    args = parser.parse_args()
    files = sorted(str(p.relative_to(REPO)) for p in (REPO / "examples" / "providers").rglob("*.lp"))
    pairs = [tuple(p) for p in args.pair] if args.pair else [(f, t) for f in files for t in TIERS + OUTCOMES]
    if args.pair:
        args.scan_runs, args.top, files = 0, len(pairs), sorted({f for f, _ in pairs})
    scan = {pair: (0.0, 0.0) for pair in pairs}
    for number, (file, target) in enumerate(pairs if args.scan_runs else (), 1):
        scan[(file, target)] = median([args.cli, "explain", file, "--doel", target], args.scan_runs)
        print(f"\rscan {number}/{len(pairs)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    slowest = sorted(scan, key=lambda pair: scan[pair][0], reverse=True)[:args.top]
    rows = sorted(((median([args.cli, "explain", f, "--doel", t], args.runs), f, t) for f, t in slowest), reverse=True)
    print(f"{len(pairs)} pairs from {len(files)} files, scanned {args.scan_runs}x;"
          f" the {len(rows)} slowest, median of {args.runs} fresh processes:\n")
    print("| wall s | cpu s | command |\n| --- | --- | --- |")
    for (wall, cpu), file, target in rows:
        print(f"| {wall:.3f} | {cpu:.3f} | caresq-logic explain {file} --doel {target} |")
    (wall, cpu), file, target = rows[0]
    print(f"\nmax: {wall:.3f} s wall ({cpu:.3f} s cpu): caresq-logic explain {file} --doel {target}")
    if args.scan_runs:
        print(f"scan: median {statistics.median(w for w, _ in scan.values()):.3f} s wall over all pairs")


if __name__ == "__main__":
    main()
