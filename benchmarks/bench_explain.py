"""Wall time of one `caresq-logic explain` next to the import floor, and batch throughput.

    .venv/bin/python benchmarks/bench_explain.py [--runs 5] [--market 1000 10000]

Every figure is the median of --runs fresh processes (one at a time), so it includes
interpreter start-up and imports, which is what a user waiting on the command sees. The
market sizes generate a provider file of N fysiotherapy practices (seeded, in a temporary
folder) and time `explain --format json` over it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CLI = str(BIN / "caresq-logic")


def wall(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0,):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}: {done.stderr.decode()[:500]}")
    return statistics.median(times)


def market(n: int, path: Path, seed: int = 2026) -> None:
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        p = f"p{i}"
        lines.append(f"levert({p}, fysiotherapie).")
        for feature in ("handelt_volgens_richtlijnen", "declareert_digitaal_vecozo", "prem_extern_meetbureau",
                        "telefonisch_bereikbaar", "start_binnen_vijf_werkdagen", "inspanning_digitalisering",
                        "digitale_zorg_ingezet", "kngf_basisregister", "skf_keurmerk", "vecozo_certificaten",
                        "overeenkomst_afgelopen_3_jaar"):
            # A complete batch: what a practice lacks is stated as nee (absent would be unknown).
            lines.append(f"{feature}({p})." if rng.random() < 0.9 else f"-{feature}({p}).")
        lines.append(f"registratie({p}, {rng.choice(['kfir', 'irf', 'kwaliteitsregister_paramedici'])}).")
        lines.append(f"behandelindex({p}, 2024, {rng.randint(60, 200)}).")
        total = rng.randint(1, 20)
        lines.append(f"aantal_fysiotherapeuten({p}, {total}).")
        lines.append(f"aantal_verbijzonderd_24u({p}, {rng.randint(0, total)}).")
        lines.append(f'agb_onderneming({p}, "04").')
        lines.append(f"verbonden_zorgverleners({p}, fysiotherapeut).")
        lines += [f"-levert_verbijzonderde_zorg({p}).", f"-deelregistratie_verbijzonderd({p}).",
                  f"-lopende_overeenkomst({p}, fysiotherapie)."]
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--market", type=int, nargs="*", default=[1000, 10000])
    args = parser.parse_args()
    py = sys.executable
    rows = [
        ("python -c pass", wall([py, "-c", "pass"], args.runs)),
        ('python -c "import clingo, lark, typer"', wall([py, "-c", "import clingo, lark, typer"], args.runs)),
        ("caresq-logic --help", wall([CLI, "--help"], args.runs)),
        ("caresq-logic explain examples/providers/paramedische_zorg/fysio_b.lp",
         wall([CLI, "explain", "examples/providers/paramedische_zorg/fysio_b.lp"], args.runs)),
        ("caresq-logic explain examples/providers/ (all example files, every domain)",
         wall([CLI, "explain", "examples/providers/"], args.runs)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.market:
            path = Path(tmp) / f"markt_{n}.lp"
            market(n, path)
            rows.append((f"caresq-logic explain markt_{n}.lp --format json ({n} practices)",
                         wall([CLI, "explain", str(path), "--format", "json", "-o", str(Path(tmp) / "out.json")],
                              max(1, min(args.runs, 3)))))
    print(f"median wall time of {args.runs} fresh processes (market rows: of up to 3)\n")
    print("| command | seconds |\n| --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} |")


if __name__ == "__main__":
    main()
