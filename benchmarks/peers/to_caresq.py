"""Writes the peers' generated practices in caresq-logic's provider CSV form (docs/provider-format.md).

usage: python to_caresq.py N [N ...]     reads praktijken_N.csv, writes caresq_N.csv next to it

One row per practice, delivering fysiotherapie, against policies/paramedische_zorg/2026.beleid.
The peers' 15 columns map onto the policy's kenmerken one to one, except:
- the three register booleans become the meerkeuze cell `registratie` (";"-separated; `-`, the
  list stated empty, when the practice is in none: an empty cell would be unknown);
- the policy has kenmerken the peers' decision leaves out. They are set so that they never change
  the decision: every practice follows the richtlijnen, delivers no verbijzonderde zorg and is in
  no register for it, is approached via Vektis (AGB "04", a fysiotherapeut, VECOZO certificates),
  had a contract in the last 3 years but none that runs on into 2026, did not decline an offer,
  and there is no doubt about its integrity. Since issue 9 an absent kenmerk is unknown, not nee,
  so these are stated; the kenmerken only other zorgsoorten read stay unknown.
"""
from __future__ import annotations

import csv
import sys

import common

# Peer column -> caresq kenmerk column (ja/nee columns are written as ja/nee).
RENAMED = {
    "vecozo_declaraties": "declareert_digitaal_vecozo",
    "prem_extern": "prem_extern_meetbureau",
    "bereikbaar_werkdagen": "telefonisch_bereikbaar",
    "start_binnen_5_werkdagen": "start_binnen_vijf_werkdagen",
    "digitalisering_inspanning": "inspanning_digitalisering",
    "digitale_zorg": "digitale_zorg_ingezet",
    "behandelindex_2024": "behandelindex[2024]",
    "uitzondering_toegekend": "uitzondering_behandelindex_toegekend",
    "n_fysiotherapeuten": "aantal_fysiotherapeuten",
    "n_verbijzonderd_24u": "aantal_verbijzonderd_24u",
    "kngf_basisregister": "kngf_basisregister",
    "skf_keurmerk": "skf_keurmerk",
}
REGISTER_VALUES = {"reg_kwaliteitsregister_paramedici": "kwaliteitsregister_paramedici",
                   "reg_irf": "irf", "reg_kfir": "kfir"}
# Kenmerken outside the peers' decision, fixed to values that leave it unchanged (see above).
NEUTRAL = {
    "handelt_volgens_richtlijnen": "ja",
    "levert_verbijzonderde_zorg": "nee",
    "deelregistratie_verbijzonderd": "nee",
    "lopende_overeenkomst[fysiotherapie]": "nee",
    "agb_onderneming": "04",
    "verbonden_zorgverleners": "fysiotherapeut",
    "vecozo_certificaten": "ja",
    "overeenkomst_afgelopen_3_jaar": "ja",
    "geen_contractaanbod_gewenst": "nee",
    "twijfel_integriteit": "nee",
}
HEADER = ["id", "levert", "registratie", *RENAMED.values(), *NEUTRAL]


def caresq_path(n: int) -> str:
    return common.data_path(n, "csv").replace("praktijken_", "caresq_")


def convert(n: int) -> str:
    col = {f: i for i, f in enumerate(common.FIELDS)}
    rows = common.read_csv_rows(common.data_path(n, "csv"))
    out = caresq_path(n)
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HEADER)
        for r in rows:
            cells = [str(r[col["id"]]), "fysiotherapie",
                     ";".join(v for k, v in REGISTER_VALUES.items() if r[col[k]]) or "-"]
            for peer in RENAMED:
                v = r[col[peer]]
                cells.append(str(v) if peer in common.INT_FIELDS else ("ja" if v else "nee"))
            cells += NEUTRAL.values()
            w.writerow(cells)
    return out


def main() -> None:
    for n in map(int, sys.argv[1:]):
        print(f"wrote {convert(n)}")


if __name__ == "__main__":
    main()
