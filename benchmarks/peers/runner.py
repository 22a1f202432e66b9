"""Runs one engine variant once on N practices in this (fresh) process and prints one JSON line:
phase times, end-to-end wall and CPU seconds (after imports), import time, peak RSS (own and
of any child process; CPU seconds include finished children), and a digest of the canonical
output (computed after the clock stops).

usage: python runner.py VARIANT N
Set PEERS_GC=off to run with Python's cyclic garbage collector disabled (a diagnostic only:
the published numbers keep the default).
"""
from __future__ import annotations

import gc
import json
import os
import resource
import sys
import time


def cpu_s() -> float:
    """CPU seconds of this process and of its finished children (caresq-logic runs as one)."""
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + child.ru_utime + child.ru_stime


def main() -> None:
    variant, n = sys.argv[1], int(sys.argv[2])
    t0 = time.perf_counter()
    import common
    import engines
    run = engines.get(variant)                       # imports the engine's module
    import_s = time.perf_counter() - t0

    if os.environ.get("PEERS_GC") == "off":
        gc.disable()
    c0, w0 = cpu_s(), time.perf_counter()
    records, phases = run(n)
    wall, cpu = time.perf_counter() - w0, cpu_s() - c0

    canon = common.canonical_all(records)
    print(json.dumps({
        "variant": variant, "n": n, "count": len(canon), "wall_s": wall, "cpu_s": cpu,
        "phases": phases, "import_s": import_s,
        "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        # a variant that runs a command (caresq-logic) has its peak in the child process
        "child_maxrss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "digest": common.digest(canon),
    }))


if __name__ == "__main__":
    main()
