"""Wall time of `caresq-logic check` on the real policies and on generated policies 2x and 10x
larger, to see how the check grows with the number of clauses.

    .venv/bin/python benchmarks/bench_check.py [--runs 3] [--scales 2 10]

The defaults finish in about a minute and a half on a shared 2-core machine (10x: about 28 s a
run). 100x is a question of its own: `--scales 100` runs for well over ten minutes.

A generated policy is made of blocks shaped like the physiotherapy part of the real policy
(eight randvoorwaarden, an uitsluiting with tenzij, three differentiatiefactoren, four tiers,
two approach rules: 14 clauses and 4 tiers per block). Every figure is the median of --runs
fresh processes, so it includes start-up and parsing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "caresq-logic")
sys.path.insert(0, str(REPO))


def block(i: int) -> str:
    z = f"z{i}"
    lines = [f'zorgsoort {z} "Zorgsoort {i}".']
    for j in range(8):
        lines.append(f"kenmerk r{i}_{j}: ja/nee.")
        lines.append(f"randvoorwaarde rv{i}_{j} (§3.1) voor {z}: r{i}_{j}.")
    lines += [f"kenmerk bi{i} per jaar: getal.", f"kenmerk ok{i}: ja/nee.",
              f'uitsluiting hoog{i} (§2.3) voor {z}: bi{i} 2024 groter dan 150 tenzij ok{i}, aan te vragen via "mail".',
              f"kenmerk n{i}: aantal.", f"kenmerk v{i}: aantal.", f"kenmerk f{i}_a: ja/nee.", f"kenmerk f{i}_b: ja/nee.",
              f"differentiatiefactor fv{i} (§3.2) voor {z}: v{i} ten minste 30% van n{i}.",
              f"differentiatiefactor fa{i} (§3.2) voor {z}: f{i}_a.",
              f"differentiatiefactor fb{i} (§3.2) voor {z}: f{i}_b telt ook als fa{i}.",
              f"zorgovereenkomst A (§3.2) voor {z}: alle randvoorwaarden en ten minste 3 differentiatiefactoren.",
              f"zorgovereenkomst B (§3.2) voor {z}: alle randvoorwaarden en ten minste 2 differentiatiefactoren.",
              f"zorgovereenkomst C (§3.2) voor {z}: alle randvoorwaarden en ten minste 1 differentiatiefactor.",
              f"zorgovereenkomst D (§3.2) voor {z}: alle randvoorwaarden.",
              f"kenmerk vec{i}: ja/nee.", f"benaderd vektis{i} (§4) voor {z}: vec{i}.",
              f"niet benaderd geen{i} (§4) voor {z}: bi{i} 2024 groter dan 150."]
    return "\n".join(lines) + "\n"


def generated(blocks: int, folder: Path) -> int:
    """Write policies of `blocks` blocks in total (at most 20 blocks per policy file, as a real
    policy is about that size); return the number of clauses."""
    written, n = 0, 0
    while written < blocks:
        size = min(20, blocks - written)
        text = f'beleid gen{n} 2026 "Gegenereerd {n}".\n' + "".join(block(written + i) for i in range(size))
        (folder / f"gen{n}.beleid").write_text(text)
        written += size
        n += 1
    return blocks * 14


def clause_count(path: Path) -> int:
    from caresq_logic import passes as load

    return sum(len(p.clauses) for p in load.load([str(path)]).policies)


def wall(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([CLI, "check", *args], cwd=REPO, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(done.stderr.decode()[:500])
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="*", default=[2, 10],
                        help="sizes of the generated policies, as multiples of the real ones")
    args = parser.parse_args()
    real = clause_count(REPO / "policies")
    rows = [("policies/ (the real policies, all years)", real, wall(["policies/"], args.runs))]
    with tempfile.TemporaryDirectory() as tmp:
        for scale in args.scales:
            folder = Path(tmp) / f"x{scale}"
            folder.mkdir()
            clauses = generated(round(real * scale / 14), folder)
            rows.append((f"generated, {scale}x", clauses, wall([str(folder)], max(1, min(args.runs, 2)))))
    print("| input | clauses | check wall s | ms per clause |\n| --- | --- | --- | --- |")
    for name, clauses, seconds in rows:
        print(f"| {name} | {clauses} | {seconds:.2f} | {1000 * seconds / clauses:.2f} |")


if __name__ == "__main__":
    main()
