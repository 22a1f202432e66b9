"""Checks that every engine variant gives exactly the reference output for every practice.

usage: python verify.py [N [VARIANT ...]]   (default 10000 and every variant; the input must have
been generated, and for caresq-logic converted by to_caresq.py)
A variant whose module declares a documented reading of the policy (EXPECTED) is compared with
the reference mapped by that reading; the number of practices the mapping changes is printed.
Prints the mix of the data (so one can see the boundaries are exercised), then per variant the
number of mismatching practices and the first few differences; exits 1 if any variant differs.
"""
from __future__ import annotations

import collections
import sys

import common
import engines


def describe(n: int, ref: list[tuple]) -> None:
    rows = common.read_csv_rows(common.data_path(n, "csv"))
    col = {f: i for i, f in enumerate(common.FIELDS)}
    bi, nf, nv = col["behandelindex_2024"], col["n_fysiotherapeuten"], col["n_verbijzonderd_24u"]
    print(f"data: {n} practices from {common.data_path(n, 'csv')}")
    print("  contracts:", dict(sorted(collections.Counter(r[1] for r in ref).items())))
    print(f"  failing >=1 required condition: {sum(1 for r in ref if r[2]) / n:.1%}; "
          f"behandelindex > 150: {sum(1 for r in rows if r[bi] > 150) / n:.1%}; "
          f"excluded (no uitzondering): {sum(1 for r in ref if r[3]) / n:.1%}")
    print("  failed conditions:", dict(collections.Counter(x for r in ref for x in r[2])))
    print("  factor counts:", dict(sorted(collections.Counter(len(r[4]) for r in ref).items())))
    print(f"  boundaries: behandelindex == 150: {sum(1 for r in rows if r[bi] == 150)}, "
          f"== 151: {sum(1 for r in rows if r[bi] == 151)}, "
          f"share exactly 30%: {sum(1 for r in rows if 10 * r[nv] == 3 * r[nf])}, "
          f"> 150 with uitzondering: "
          f"{sum(1 for r in rows if r[bi] > 150 and r[col['uitzondering_toegekend']])}, "
          f"SKF without KNGF: "
          f"{sum(1 for r in rows if r[col['skf_keurmerk']] and not r[col['kngf_basisregister']])}")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    unknown = set(sys.argv[2:]) - set(engines.VARIANT_MODULES)
    if unknown:
        sys.exit(f"unknown variant(s): {', '.join(sorted(unknown))}")
    ref_records, _ = engines.get("python-reference")(n)
    ref = common.canonical_all(ref_records)
    assert len(ref) == n and [r[0] for r in ref] == list(range(1, n + 1)), "reference lost practices"
    describe(n, ref)
    variants = sys.argv[2:] or list(engines.VARIANT_MODULES)
    bad = 0
    for name in variants:
        want = common.canonical_all(engines.expected(name, n, ref))
        if want != ref:
            changed = sum(a != b for a, b in zip(want, ref))
            print(f"{name:26s} expects the reference with its documented reading: "
                  f"{changed} practices differ from it")
        ref_by_id = {r[0]: r for r in want}
        got = common.canonical_all(engines.get(name)(n)[0])
        got_by_id = {r[0]: r for r in got}
        missing = sorted(set(ref_by_id) - set(got_by_id))
        extra = sorted(set(got_by_id) - set(ref_by_id))
        diff = [(ref_by_id[i], got_by_id[i]) for i in sorted(ref_by_id.keys() & got_by_id.keys())
                if ref_by_id[i] != got_by_id[i]]
        dupes = len(got) - len(got_by_id)
        ok = not (missing or extra or diff or dupes)
        print(f"{name:26s} {'OK' if ok else 'MISMATCH'}: {len(got)} records, {len(diff)} differ, "
              f"{len(missing)} missing, {len(extra)} extra, {dupes} duplicate ids")
        for expect, have in diff[:5]:
            print(f"    want {expect}\n    got  {have}")
        bad += not ok
    if bad:
        print(f"FAILED: {bad} variant(s) disagree with the reference")
        sys.exit(1)
    print(f"all {len(variants)} variants agree with the reference on all {n} practices")


if __name__ == "__main__":
    main()
