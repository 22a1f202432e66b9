"""A CSV read column-wise (providers.columns, with pyarrow) gives exactly what the full reader
gives (providers.tables): the same providers in the same order, names, facts, warnings and
errors with their positions, on the shapes a hand-edited or exported file takes. Small files
here: `read` sends only files of COLUMN_WISE_FROM and more to the column-wise reader, so these
tests lower that bound."""

from __future__ import annotations

import pytest

from caresq_logic import passes
from caresq_logic.diagnostics import Failed
from caresq_logic.providers import read
from caresq_logic.providers.model import Catalog

HEADER = "id,naam,levert,skf_keurmerk,kngf_basisregister,behandelindex[2024],aantal_fysiotherapeuten,aantal_verbijzonderd_24u\n"
ROW = "{i},Praktijk {i},fysiotherapie,{b},ja,{x},{f},{v}\n"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    loaded = passes.load(None)
    return Catalog.of(loaded.policies, passes.in_force(loaded.policies))


def _rows(count: int, first: int = 1) -> str:
    return "".join(ROW.format(i=i, b="ja" if i % 2 else "nee", x=90 + i % 120, f=1 + i % 7, v=i % 5)
                   for i in range(first, first + count))


def _both(text: str, catalog: Catalog, monkeypatch):
    """(column-wise, full) reading of one text, each a ProviderFile or the Failed's diagnostics."""
    results = []
    for bound in (0, float("inf")):
        monkeypatch.setattr(read, "COLUMN_WISE_FROM", bound)
        try:
            results.append(read.read(text.encode("utf-8"), "markt.csv", catalog))
        except Failed as failed:
            results.append(failed.diagnostics)
    return results


def _same(column_wise, full) -> None:
    if isinstance(full, list):   # nothing readable: the same diagnostics
        assert column_wise == full
        return
    assert column_wise.providers == full.providers
    assert column_wise.names == full.names
    assert column_wise.warnings == full.warnings
    assert column_wise.errors == full.errors
    assert list(column_wise.facts) == list(full.facts)
    for provider in full.providers:
        assert column_wise.facts_of(provider) == full.facts_of(provider), provider


SHAPES = {
    "plain": HEADER + _rows(40),
    "no final newline": HEADER + _rows(40).rstrip("\n"),
    "crlf": (HEADER + _rows(40)).replace("\n", "\r\n"),
    "blank lines": HEADER + _rows(10) + "\n\n" + _rows(10, 11) + "\n",
    "whitespace-only line": HEADER + _rows(5) + "   \n" + _rows(3, 6),
    "a row too short and one too long": HEADER + "1,A,fysiotherapie,ja\n" + _rows(3, 2)
    + "7,B,fysiotherapie,ja,ja,100,2,1,extra\n",
    "a bad number and a bad ja/nee": HEADER + _rows(5) + "8,C,fysiotherapie,misschien,ja,veel,2,1\n",
    "no zorgsoort and an unknown one": HEADER + _rows(3) + "8,D,,ja,ja,100,2,1\n9,E,tandarts,ja,ja,100,2,1\n",
    "no id": HEADER + _rows(3) + ",Naamloos,fysiotherapie,ja,ja,100,2,1\n",
    "unstated cells and a stated-empty": HEADER + "1,,fysiotherapie,,,,,\n2,F,fysiotherapie,ja,,120,,\n",
    "spaces around cells": HEADER + " 1 , Praktijk Een ,fysiotherapie, ja ,ja, 120 ,3,1\n",
    "non-ascii names": HEADER + "1,Fysio Één & Zoën,fysiotherapie,ja,ja,120,3,1\n2,Ĳsselmonde ‘t Hof,fysiotherapie,nee,ja,99,1,0\n",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_column_wise_equals_the_full_reader(shape, catalog, monkeypatch):
    column_wise, full = _both(SHAPES[shape], catalog, monkeypatch)
    _same(column_wise, full)


def test_the_column_wise_reader_takes_a_plain_table(catalog, monkeypatch):
    column_wise, _ = _both(SHAPES["blank lines"], catalog, monkeypatch)
    assert column_wise.table is not None and len(column_wise.providers) == 20


def test_the_same_id_twice_is_left_to_the_full_reader(catalog, monkeypatch):
    text = HEADER + _rows(3) + "2,Dubbel,fysiotherapie,ja,ja,100,2,1\n"
    column_wise, full = _both(text, catalog, monkeypatch)
    _same(column_wise, full)
    assert column_wise.table is None


def test_a_large_file_is_read_column_wise(catalog):
    text = HEADER + _rows(2000)
    assert len(text) >= read.COLUMN_WISE_FROM
    assert read.read(text.encode("utf-8"), "markt.csv", catalog).table is not None
