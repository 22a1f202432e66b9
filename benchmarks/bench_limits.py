"""Time and peak memory of `caresq-logic explain` / `check` on a worst case of each input kind at
its size limit (docs/security.md gives the numbers; the machine is shared, so they are noisy).

    .venv/bin/python benchmarks/bench_limits.py [--mib 32] [--only lp_string csv ...]

Each case runs in a fresh process; peak memory is that process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "caresq-logic")
FYSIO = (REPO / "examples" / "providers" / "paramedische_zorg" / "fysio_a.lp").read_text(encoding="utf-8")
CSV = (REPO / "examples" / "markt" / "praktijken.csv").read_text(encoding="utf-8").splitlines()
JSONL = (REPO / "examples" / "markt" / "praktijken.jsonl").read_text(encoding="utf-8").splitlines()[0]


def fill(unit, size: int) -> str:
    """Repeat `unit(i)` until `size` bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        part = unit(i)
        parts.append(part)
        total += len(part.encode())
        i += 1
    return "".join(parts)


def cases(size: int) -> dict[str, tuple[str, str]]:
    """name -> (file name, content), each just under `size` bytes."""
    row = CSV[1].split(",", 1)[1]
    record = json.loads(JSONL)
    return {
        "lp_facts": ("m.lp", fill(lambda i: FYSIO.replace("de_loop", f"p{i}"), size - 1000)),
        "lp_string": ("s.lp", 'levert(p, fysiotherapie).\naanbieder(p, "' + "x" * (size - 100) + '").\n'),
        "lp_unclosed_block": ("b.lp", "levert(p, fysiotherapie).\n" + "%*\n" * ((size - 100) // 3)),
        "lp_unknown_names": ("u.lp", fill(lambda i: f"onbekend_{i}(p).\n", size - 100)),
        "csv_rows": ("m.csv", CSV[0] + "\n" + fill(lambda i: f"p{i},{row}\n", size - 2000)),
        "jsonl_rows": ("m.jsonl", fill(lambda i: json.dumps({**record, "id": f"p{i}"}) + "\n", size - 2000)),
        "jsonl_string": ("s.jsonl", json.dumps({"id": "p", "levert": "fysiotherapie", "naam": "x" * (size - 100)}) + "\n"),
        "csv_string": ("s.csv", "id,levert,naam\np,fysiotherapie,\"" + "x" * (size - 100) + "\"\n"),
        "jsonl_deep": ("d.jsonl", '{"id": "p", "a": ' + "[" * ((size - 100) // 2) + "]" * ((size - 100) // 2) + "}\n"),
        # A line per byte, and an error on the last one: every line start is needed to place it.
        "lp_newlines": ("n.lp", "\n" * (size - 100) + "x\n"),
        "jsonl_newlines": ("n.jsonl", "\n" * (size - 100) + "x\n"),
        "csv_newlines": ("n.csv", "id,levert\n" + "\n" * (size - 100) + "p,onbekend\n"),
    }


def policy_cases(size: int) -> dict[str, tuple[str, str]]:
    head = 'beleid t 2026 "T".\nzorgsoort fysiotherapie "F".\nkenmerk a: ja/nee.\n'
    clause = 'randvoorwaarde r{i} (§1 "Zin {i}.") voor fysiotherapie: a en niet (a of a).\n'
    return {
        "policy_quotes": ("q.beleid", head + "randvoorwaarde r \"" + '\\"' * ((size - 200) // 2) + "\n"),
        "policy_string": ("s.beleid", head + 'randvoorwaarde r "' + "x" * (size - 200) + '" (§1) voor fysiotherapie: a.\n'),
        "policy_clauses": ("c.beleid", head + fill(lambda i: clause.format(i=i), size - 200)),
    }


# A fresh wrapper per case, so that RUSAGE_CHILDREN is that one run's peak and no other's.
WRAPPER = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def measure(args: list[str]) -> tuple[float, float, int]:
    started = time.monotonic()
    out = subprocess.run([sys.executable, "-c", WRAPPER, CLI, *args], capture_output=True, text=True).stdout.split()
    return time.monotonic() - started, int(out[0]) / 1024, int(out[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=float, default=32)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--format", default="json", help="explain's format (jsonl streams a market)")
    options = parser.parse_args()
    size = int(options.mib * 1024 * 1024)
    print(f"{'case':20} {'MiB':>6} {'seconds':>8} {'peak MiB':>9} exit")
    with tempfile.TemporaryDirectory() as folder:
        runs = {name: (file, text, ["explain", "-f", options.format]) for name, (file, text) in cases(size).items()}
        for name, (file, text) in policy_cases(min(size, 4 * 1024 * 1024 - 1)).items():
            runs[name] = (file, text, ["check"])
        for name, (file, text, command) in runs.items():
            if options.only and name not in options.only:
                continue
            path = Path(folder) / file
            path.write_text(text, encoding="utf-8")
            seconds, peak, code = measure([*command, str(path)])
            print(f"{name:20} {path.stat().st_size / 2**20:6.1f} {seconds:8.1f} {peak:9.0f} {code}", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
