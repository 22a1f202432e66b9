"""A plain CSV provider table read column by column (issue 12).

Takes: the text of a `.csv` provider file, its `Locator` and the `Catalog`.
Returns: a `Table`, or None when the file is not plain (a quote, a lone carriage return, mostly empty lines, a
header that does not check, a column or an id twice): then `tables.read_csv` reads it.

pyarrow splits the rows into columns (C++, on every core) and names each column's distinct
cells (`dictionary_encode`); each distinct cell is read and checked once, by the very code that
reads any cell (`tables.read_cell`, `validate.Validator`), and a row keeps only its id, its
offset and one number per column (numpy arrays). A row with a cell that does not check, or that would warn (no zorgsoort, one
no policy in force covers), is read by the full reader, so every diagnostic keeps its position
and code. A row's facts, asked for by provider, are read again from its line: exactly the facts
`tables.read_csv` gives for it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from itertools import compress

from ..language.reserved import AANBIEDER, LEVERT
from . import tables
from .model import Catalog, Fact, Locator, Term
from .validate import Validator

SLOW = -1              # the number of a cell its row cannot be read without: the full reader reads it
_CELL_OWNER = Term("name", "p", 0)   # the provider of a cell checked on its own


class _Cells(dict):
    """One column: raw cell -> its number (facts in `facts[number]`), or SLOW; checked on first sight."""

    def __init__(self, column: tuple[str, str | None], locator: Locator, catalog: Catalog):
        super().__init__()
        self.column = column
        self.locator = locator
        self.catalog = catalog
        self.facts: list[tuple[Fact, ...]] = []
        self.numbers: dict[tuple[str, ...], int] = {}   # checked facts as ASP -> number ("ja", "JA": one)

    def __missing__(self, raw: str) -> int:
        rows = tables.Rows(self.catalog, self.locator)
        rows.provider = str(_CELL_OWNER.value)
        tables.read_cell(rows, _CELL_OWNER, self.column, raw, 0)
        validator = Validator(self.locator, self.catalog, rows.errors)
        facts = tuple(validator.run(rows.facts))
        covered = self.catalog.covered
        if rows.errors or (self.column[0] == LEVERT and (
                not facts or (covered is not None and any(f.args[1].value not in covered for f in facts)))):
            number = SLOW
        else:
            number = self.numbers.setdefault(tuple(f.asp("") for f in facts), len(self.facts))
            if number == len(self.facts):
                self.facts.append(facts)
        self[raw] = number
        return number


class Table:
    """The rows of a plain CSV read column-wise; `facts_of(provider)` gives any row's facts."""

    def __init__(self, text: str, locator: Locator, catalog: Catalog, columns: list):
        self.text = text
        self.locator = locator
        self.catalog = catalog
        self.columns = columns
        self.ids: list[str] = []                      # per fast row: the provider
        self.starts: list[int] = []                   # per fast row: its offset in the file
        self.numbers: dict[int, list[int]] = {}       # column index -> per fast row: its cell's number
        self.cells: dict[int, list[tuple[Fact, ...]]] = {}   # column index -> number -> checked facts
        self.names: dict[str, str] = {}
        self.slow: dict[str, list[Fact]] = {}         # provider of a row the full reader read -> facts

    @functools.cached_property
    def row_of(self) -> dict[str, int]:
        """provider -> its row; built when a provider is looked up (a market's records go in row order)."""
        return {provider: row for row, provider in enumerate(self.ids)}

    def facts_of(self, provider: str) -> list[Fact]:
        row = self.row_of.get(provider)
        if row is None:
            return self.slow.get(provider, [])
        start = self.starts[row]
        end = self.text.find("\n", start)
        line = self.text[start:] if end < 0 else self.text[start:end]
        rows = tables.Rows(self.catalog, self.locator)
        tables.read_record(rows, self.columns, start, line, _fields(line.removesuffix("\r")))
        return Validator(self.locator, self.catalog, rows.errors).run(rows.facts)

    def care_types(self) -> set[str]:
        delivered = {str(f.args[1].value) for facts in self.slow.values() for f in facts if f.predicate == LEVERT}
        for column, cells in self.cells.items():
            if self.columns[column][0] == LEVERT:   # the cells of the rows read here, not of the others
                delivered |= {str(f.args[1].value) for number in set(self.numbers[column]) for f in cells[number]}
        return delivered


class TableFacts(Sequence):
    """`ProviderFile.facts` of a table: every row's facts in file order, read when first asked for
    (a market's records never ask; an explanation of one provider asks `Table.facts_of`)."""

    def __init__(self, table: Table, providers: tuple[str, ...]):
        self.table = table
        self.providers = providers
        self._facts: list[Fact] | None = None

    def _all(self) -> list[Fact]:
        if self._facts is None:
            self._facts = [f for p in self.providers for f in self.table.facts_of(p)]
        return self._facts

    def __getitem__(self, index):
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self):
        return iter(self._all())


def _fields(line: str) -> list[tuple[str, int]]:
    fields, pos = [], 0
    for value in line.split(","):
        fields.append((value, pos))
        pos += len(value) + 1
    return fields


def scan(text: str, locator: Locator, catalog: Catalog, clean: bool) -> tuple[Table, list[tuple[int, str]]] | None:
    """The table of the rows that check, and the (offset, line) of every other row for the full
    reader; None when the file is not plain (see the module's note). `clean`: the text has no
    control character (`read` has looked)."""
    if '"' in text or text.count("\r") != text.count("\r\n") or not clean:
        return None   # quotes, a lone CR or a control character: the full reader says where
    if text.count("\n") > len(text) // 8:
        return None   # mostly empty lines: their offsets would cost far more than the text
    import numpy as np

    lines = _Lines(text)
    header = lines[0]
    probe = tables.Rows(catalog, locator)
    columns = tables.header_columns(_fields(header), probe, catalog) if header.strip() else None
    if (not columns or probe.errors or None in columns or columns[0] != ("id", None)
            or len(set(columns)) != len(columns)):
        return None
    naming = [k for k, c in enumerate(columns) if c[0] in ("naam", AANBIEDER)]
    if len(naming) > 1:
        return None
    width = len(columns)
    # The lines pyarrow reads as rows: the right width and not empty (it skips empty lines and
    # hands the others to `_skip`); every other line with text goes to the full reader.
    row_lines = lines.rows(width)
    cells = _cells(text, width, len(row_lines))
    if cells is None:
        return None
    table = Table(text, locator, catalog, columns)
    readers = {k: _Cells(columns[k], locator, catalog) for k in range(1, width) if k not in naming}
    ids = [cell.strip() for cell in cells.column(0).to_pylist()]
    fast = np.fromiter(map(bool, ids), dtype=bool, count=len(ids))
    numbers = {}
    for k, reader in readers.items():
        encoded = cells.column(k).combine_chunks().dictionary_encode()
        distinct = encoded.dictionary.to_pylist()
        number_of = np.fromiter(map(reader.__getitem__, distinct), dtype=np.int64, count=len(distinct))
        numbers[k] = number_of[encoded.indices.to_numpy()]
        fast &= numbers[k] != SLOW
    present = [i for i in ids if i]
    if len(set(present)) != len(present):   # one provider on two rows: the full reader joins them
        return None
    table.ids = list(compress(ids, fast))
    read_lines = row_lines[fast]
    table.starts = lines.starts[read_lines].tolist()
    table.numbers = {k: column[fast] for k, column in numbers.items()}
    table.cells = {k: reader.facts for k, reader in readers.items()}
    if naming:
        names = cells.column(naming[0]).to_pylist()
        table.names = {i: name.strip() for i, name, ok in zip(ids, names, fast) if ok and name.strip()}
    left = np.ones(len(lines.starts), dtype=bool)
    left[0] = False   # the header
    left[read_lines] = False
    others = [(int(lines.starts[r]), line) for r in np.flatnonzero(left).tolist() if (line := lines[r]).strip()]
    return table, others


class _Lines:
    """Where each line of a text starts and ends (numpy: no string per line). The file's last
    newline ends a row, it does not start an empty one; a CR before a newline is part of the break."""

    def __init__(self, text: str):
        import numpy as np

        self.text = text
        codes = np.frombuffer(text.encode("ascii"), dtype=np.uint8) if text.isascii() else \
            np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)   # one code per character: str offsets
        self.codes = codes
        breaks = np.flatnonzero(codes == 10)
        self.starts = np.concatenate(([0], breaks + 1))
        self.ends = np.concatenate((breaks, [len(text)]))
        if len(self.starts) > 1 and self.starts[-1] == len(text):
            self.starts, self.ends = self.starts[:-1], self.ends[:-1]
        cr = self.ends > self.starts
        cr[cr] = codes[self.ends[cr] - 1] == 13
        self.ends = self.ends - cr

    def __getitem__(self, line: int) -> str:
        return self.text[self.starts[line]:self.ends[line]]

    def rows(self, width: int):
        """The numbers of the lines pyarrow reads as rows: after the header, not empty, and with
        `width` cells (pyarrow skips empty lines and hands the others to `_skip`)."""
        import numpy as np

        commas = np.flatnonzero(self.codes == 44)
        cells = np.searchsorted(commas, self.ends) - np.searchsorted(commas, self.starts) + 1
        row = (self.ends > self.starts) & (cells == width)
        row[0] = False
        return np.flatnonzero(row)


def _cells(text: str, width: int, rows: int):
    """The cells of every row of the right width, per column, as pyarrow reads them (C++, on
    every core): None if it saw another number of rows than `rows` (the full reader decides)."""
    import pyarrow
    from pyarrow import csv as arrow_csv

    names = [str(k) for k in range(width)]
    try:
        cells = arrow_csv.read_csv(
            pyarrow.py_buffer(text.encode("utf-8")),
            read_options=arrow_csv.ReadOptions(skip_rows=1, column_names=names),
            parse_options=arrow_csv.ParseOptions(quote_char=False, double_quote=False, escape_char=False,
                                                 ignore_empty_lines=True, invalid_row_handler=_skip),
            convert_options=arrow_csv.ConvertOptions(column_types=dict.fromkeys(names, pyarrow.string()),
                                                     strings_can_be_null=False, quoted_strings_can_be_null=False))
    except pyarrow.ArrowException:
        return None
    return cells if cells.num_rows == rows else None


def _skip(row) -> str:
    """A row of another width: left out here, read by the full reader."""
    return "skip"


def read_rows(table: Table, others: list[tuple[int, str]]) -> tables.Read:
    """The rows `scan` left to the full reader: their facts, diagnostics and rejected providers."""
    rows = tables.Rows(table.catalog, table.locator)
    for start, line in others:
        tables.read_record(rows, table.columns, start, line, _fields(line))
    return rows.facts, rows.errors, rows.rejected
