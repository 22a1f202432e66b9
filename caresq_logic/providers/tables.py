"""The batch forms of a provider file, one provider a row: CSV and JSON Lines -> facts.

Takes: the text of a `.csv` or `.jsonl` file and the `Catalog` of declared kenmerken.
Returns: the same `model.Fact` values a `.lp` file gives, each positioned at its cell (CSV)
or key (JSONL), so that `validate.Validator` checks them exactly as it checks `.lp` facts;
plus the diagnostics of cells that are not values at all. The formats are documented in
docs/provider-format.md.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator

from ..diagnostics import CONTROL, Diagnostic, closest, diag
from ..language.numbers import whole
from ..messages import Phrase
from .model import Catalog, Fact, Locator, Term, arity
from ..language.reserved import AANBIEDER, LEVERT


_INT = re.compile(r"-?[0-9]+")
csv.field_size_limit(2**31 - 1)   # a field may be as long as the file (whose size is limited); not 128 KiB
_NAME = re.compile(r"[a-z][A-Za-z0-9_']*")
_COLUMN = re.compile(r"([a-z][a-z0-9_]*)(?:\[([A-Za-z0-9_]+)\])?")
TRUE = {"ja", "1", "true", "waar", "yes"}
FALSE = {"nee", "0", "false", "onwaar", "no"}   # an empty cell is not nee: it is unknown


def _lines(text: str) -> Iterator[str]:
    """The lines of `text`, with their endings, split at "\\n" only: `str.splitlines` would also
    split at U+2028, U+0085 and the like, which are ordinary characters inside a value. One at
    a time: a file of nothing but line breaks has a line per byte."""
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start:end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def _name_or_string(value: str, pos: int) -> Term:
    return Term("name", value, pos) if _NAME.fullmatch(value) else Term("string", value, pos)


class Rows:
    """Turns (kenmerk, qualifier, raw value) cells into facts, the same way for both forms."""

    def __init__(self, catalog: Catalog, locator: Locator):
        self.catalog = catalog
        self.locator = locator
        self.facts: list[Fact] = []
        self.errors: list[Diagnostic] = []
        self.provider: str | None = None   # the provider of the row being read
        self.rejected: set[str] = set()     # providers with a row that did not check
        self.whole_file = False             # a problem in the header: no row can be trusted

    def error(self, code: str, pos: int, **args) -> None:
        self.errors.append(diag(code, self.locator.span(pos), **args))
        if self.provider is not None:
            self.rejected.add(self.provider)

    def control(self, row: str, start: int) -> bool:
        """A raw control character rejects its row (A109 where it is), not the whole file."""
        found = CONTROL.search(row)
        if found:
            self.error("A109", start + found.start(), char=f"U+{ord(found.group()):04X}")
        return found is not None

    def choice_term(self, name: str, value: str, pos: int) -> Term:
        """A choice as the validator expects it: a name if the policy declares it unquoted."""
        for feature in self.catalog.features.get(name, ()):
            if any(c.value == value and not c.quoted for c in feature.type.choices):
                return Term("name", value, pos)
        return Term("string", value, pos)

    def cell(self, provider: Term, name: str, qualifier: str | None, value: object, pos: int) -> None:
        if name == LEVERT:
            for item in value if isinstance(value, list) else [value]:
                self.facts.append(Fact(LEVERT, (provider, Term("name", str(item), pos)), pos))
            return
        if name in ("naam", AANBIEDER):
            self.facts.append(Fact(AANBIEDER, (provider, Term("string", str(value), pos)), pos))
            return
        declarations = self.catalog.features.get(name)
        if not declarations:   # let the validator say so, with its "did you mean"
            self.facts.append(Fact(name, (provider,), pos))
            return
        feature = declarations[0]
        args = [provider]
        if feature.per is not None:
            if qualifier is None:
                self.error("A202", pos, name=name, expected=arity(feature), actual=arity(feature) - 1)
                return
            args.append(Term("int", whole(qualifier), pos) if _INT.fullmatch(qualifier) else
                        Term("name", qualifier, pos))
        if feature.type.kind == "bool":
            self.truth(name, tuple(args), value, pos)
        else:
            self.values(feature, tuple(args), value, pos)

    def truth(self, name: str, args: tuple[Term, ...], value: object, pos: int) -> None:
        """A ja/nee cell: ja is the fact, nee the stated nee (`-k`), null or an empty cell unknown."""
        text = value.strip().lower() if isinstance(value, str) else None
        if value is True or text in TRUE:
            self.facts.append(Fact(name, args, pos))
        elif value is False or text in FALSE:
            self.facts.append(Fact(name, args, pos, negated=True))
        elif not (value is None or text == ""):
            self.error("A203", pos, name=name, expected=Phrase("expected.yes_no"), value=json.dumps(value, ensure_ascii=False))

    def values(self, feature, args: tuple[Term, ...], value: object, pos: int) -> None:
        """One fact per value (several for a meerkeuze); the validator checks their types and ranges."""
        kind, name = feature.type.kind, feature.name
        if kind == "multi" and value == []:   # JSON `[]`, CSV `-`: stated, and none of the choices
            self.facts.append(Fact(name, args, pos, negated=True))
            return
        for item in value if isinstance(value, list) and kind == "multi" else [value]:
            if item is None or item == "":
                continue   # an empty cell: unknown
            if kind in ("int", "count", "percentage") and feature.type.decimals:
                term = Term("string", str(item), pos)   # "0,8" or 0.8: the validator makes it exact
            elif kind in ("int", "count", "percentage"):
                if isinstance(item, bool) or not (isinstance(item, int) or (isinstance(item, str) and _INT.fullmatch(item.strip()))):
                    self.error("A203", pos, name=name, expected=Phrase("expected.whole_number"), value=json.dumps(item, ensure_ascii=False))
                    continue
                term = Term("int", item if isinstance(item, int) else whole(item.strip()), pos)
            elif kind == "date":
                term = Term("string", str(item), pos)
            else:
                term = self.choice_term(name, str(item).strip(), pos)
            self.facts.append(Fact(name, (*args, term), pos))


Read = tuple[list[Fact], list[Diagnostic], "set[str] | None"]


def read_jsonl(text: str, locator: Locator, catalog: Catalog) -> Read:
    """Facts, diagnostics, and the providers whose rows did not check (None: the whole file)."""
    rows = Rows(catalog, locator)
    offset = 0
    for line in _lines(text):
        start, stripped = offset, line.strip()
        offset += len(line)
        rows.provider = None
        if not stripped or rows.control(line, start):
            continue
        duplicates: list[tuple[str, object]] = []

        def unique(pairs, duplicates=duplicates):
            record = {}
            for key, value in pairs:
                if key in record:
                    duplicates.append((key, record[key]))
                record[key] = value
            return record

        try:   # an error at the end then points into this line
            record = json.loads(line.rstrip("\r\n"), object_pairs_hook=unique, parse_int=whole)
        except json.JSONDecodeError as error:
            rows.error("A110", start + error.pos, reason=error.msg)
            continue
        except RecursionError:   # nesting deeper than Python's stack: no provider row is that deep
            rows.error("A110", start, reason=Phrase("reason.too_deep"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("id"), str) or not record["id"]:
            rows.error("A111", start + len(line) - len(line.lstrip()))
            continue
        provider = _name_or_string(record["id"], start + max(line.find('"id"'), 0))
        rows.provider = str(provider.value)
        for key, first in duplicates:   # JSON allows it, but which value is meant is anyone's guess
            rows.error("A221", start + max(line.rfind(json.dumps(key, ensure_ascii=False)), 0),
                       key=key, first=json.dumps(first, ensure_ascii=False)[:80])
        if duplicates:
            continue
        for key, value in record.items():
            if key == "id":
                continue
            pos = start + max(line.find(json.dumps(key, ensure_ascii=False)), 0)
            feature = catalog.features.get(key, (None,))[0]
            if feature is not None and feature.per is not None:
                if not isinstance(value, dict):
                    rows.error("A203", pos, name=key, expected=Phrase("expected.per_value"),
                               value=json.dumps(value, ensure_ascii=False))
                    continue
                for qualifier, inner in value.items():
                    rows.cell(provider, key, str(qualifier), inner, pos)
            else:
                rows.cell(provider, key, None, value, pos)
    return rows.facts, rows.errors, None if rows.whole_file else rows.rejected


def _records(text: str):
    """(record start offset, [(value, offset in the record)]) per CSV record, split by the
    stdlib `csv` module (so a quoted field may hold a comma, a quote or a newline). The
    offsets are recovered from the values: a quoted field is its value with every quote
    doubled, plus the two quotes around it."""
    lines = _lines(text)
    consumed = [0]   # characters of `text` the reader has taken so far

    def feed():
        for line in lines:
            consumed[0] += len(line)
            yield line

    start = 0
    reader = csv.reader(feed(), strict=False)
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as error:   # a lone CR ends a line only for old Macs: that record is unreadable
            yield start, None, str(error)
            start = consumed[0]
            continue
        raw = text[start:consumed[0]]
        fields, pos = [], 0
        for value in values:
            fields.append((value, pos))
            quoted = pos < len(raw) and raw[pos] == '"'
            pos += len(value) + value.count('"') + 2 if quoted else len(value)
            pos += 1   # the comma
        yield start, raw, fields
        start = consumed[0]


def header_columns(header: list[tuple[str, int]], rows: Rows, catalog: Catalog) -> list[tuple[str, str | None] | None]:
    """(kenmerk, qualifier) per header cell; None for a column reported here, once, not in every row."""
    columns: list[tuple[str, str | None] | None] = []
    for name, pos in header:
        match = _COLUMN.fullmatch(name.strip())
        if not match:
            rows.error("A112", pos, column=name)
            columns.append(None)
        elif match.group(1) not in (*catalog.features, "id", "naam", LEVERT, AANBIEDER):
            # "bedoelde u" only for what is reported (providers.read keeps the first 50): a header of
            # 100,000 unknown columns took 17 s in difflib, a 16 MiB one minutes
            guess = closest(match.group(1), [*catalog.features, "naam", LEVERT]) if len(rows.errors) < 50 else None
            rows.errors.append(diag("A200", rows.locator.span(pos), hint=("H001", {"name": guess}) if guess else None,
                                    name=match.group(1)))
            columns.append(None)
        else:
            columns.append((match.group(1), match.group(2)))
    return columns


def read_csv(text: str, locator: Locator, catalog: Catalog) -> Read:
    rows = Rows(catalog, locator)
    records = _records(text)
    first = next(records, None)
    if first is None:
        return [], [], None
    _, raw, header = first
    if raw is None:
        rows.error("A230", 0, reason=header)
        return [], rows.errors, None
    rows.whole_file = True   # until the header is read, every problem concerns the whole file
    columns = header_columns(header, rows, catalog)
    if not header or columns[0] != ("id", None):
        rows.error("A111", 0)
        return [], rows.errors, None
    rows.whole_file = any(c is None for c in columns)
    for start, raw, fields in records:
        read_record(rows, columns, start, raw, fields)
    return rows.facts, rows.errors, None if rows.whole_file else rows.rejected


def read_record(rows: Rows, columns: list, start: int, raw: str, fields: list[tuple[str, int]]) -> None:
    """One CSV record (a provider's row) into `rows`: its facts, or its diagnostics."""
    rows.provider = None
    if raw is None:   # the record could not be read at all (`fields` says why)
        rows.error("A230", start, reason=fields)
        return
    if not raw.strip():
        return
    if len(fields) != len(columns):
        rows.error("A113", start, expected=len(columns), actual=len(fields))
        return
    ident, ident_pos = fields[0]
    if not ident.strip():
        rows.error("A111", start)
        return
    provider = _name_or_string(ident.strip(), start + ident_pos)
    rows.provider = str(provider.value)
    if rows.control(raw, start):
        return
    for column, (value, pos) in zip(columns[1:], fields[1:], strict=True):
        if column is not None:
            read_cell(rows, provider, column, value, start + pos)


def read_cell(rows: Rows, provider: Term, column: tuple[str, str | None], value: str, pos: int) -> None:
    name, qualifier = column
    feature = rows.catalog.features.get(name, (None,))[0]
    items = [v.strip() for v in value.split(";") if v.strip()]   # several values: a;b
    if name == LEVERT:
        for item in items:
            rows.cell(provider, LEVERT, None, item, pos)
    elif feature is not None and feature.type.kind == "multi":
        # `-` states the list empty (like `-k(Id).`); an empty cell leaves it unknown
        rows.cell(provider, name, qualifier, [] if items == ["-"] else items or None, pos)
    elif name in ("naam", AANBIEDER):
        if value.strip():
            rows.cell(provider, name, None, value.strip(), pos)
    else:
        rows.cell(provider, name, qualifier, value, pos)
