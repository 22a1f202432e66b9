"""Read a provider file: untrusted bytes -> `ProviderFile` of checked facts.

Takes: the bytes of a `.lp`, `.csv` or `.jsonl` provider file and the `Catalog` of every
kenmerk and zorgsoort the loaded policies declare.
Returns: the facts, each with its span and its value already converted to what the compiled
program expects (a date "2026-03-14" becomes 20260314); or raises `Failed` with every problem
found, up to `MAX_ERRORS`. The formats are documented in docs/provider-format.md.
"""

from __future__ import annotations

from ..language.reserved import AANBIEDER, LEVERT
from ..diagnostics import Failed, Span, control_character, diag
from ..diagnostics import Diagnostic
from . import lp   # columns and tables (csv, jsonl) where such a file is read: one .lp starts without them
from .model import Catalog, Fact, Locator, ProviderFile
from .validate import Validator


# A market fits (or is split over files, which jsonl/csv output decides one at a time), and what
# one file may cost in memory stays under about 1 GiB (docs/security.md, tests/test_bounds.py).
# CSV is the densest form (a provider in 100 bytes): 32 MiB of rows took 1.7 GB, so it gets half.
MAX_BYTES = 32 * 1024 * 1024       # .lp (35,000 practices of 29 facts), .jsonl (27,000 practices)
MAX_CSV_BYTES = 16 * 1024 * 1024   # 165,000 rows


def max_bytes(path: str) -> int:
    return MAX_CSV_BYTES if path.lower().endswith(".csv") else MAX_BYTES
MAX_ERRORS = 50
# A CSV this long is read column-wise (`columns`, with pyarrow): below it, the full reader is
# quicker than importing pyarrow (~0.15 s), and both give the same facts (tests/test_columns.py).
COLUMN_WISE_FROM = 64 * 1024


def decode(data: bytes, path: str, limit: int = MAX_BYTES) -> str:
    if len(data) > limit:
        raise Failed([diag("C004", Span(path, 1, 1), size=len(data), limit=limit)])
    try:
        return data.decode("utf-8").removeprefix("\ufeff")   # the BOM of Excel's "CSV UTF-8"
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise Failed([diag("C003", Span(path, line, col), offset=error.start)]) from None


def read(data: bytes, path: str, catalog: Catalog, limit: int | None = None) -> ProviderFile:
    text = decode(data, path, limit or max_bytes(path))
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    control = control_character(text, path, "A109")
    if control is not None and suffix not in ("csv", "jsonl"):   # in a table: that row only (tables)
        raise Failed([control])
    locator = Locator(path, text)
    rejected: set[str] | None = None   # None: any error rejects the whole file
    if suffix in ("csv", "jsonl"):
        from . import columns, tables
    if suffix == "csv" and len(text) >= COLUMN_WISE_FROM:
        scanned = columns.scan(text, locator, catalog, control is None)   # a plain table: one check per distinct cell
        if scanned is not None:
            return _table_file(path, locator, catalog, *scanned)
    if suffix in ("csv", "jsonl"):
        facts, errors, rejected = (tables.read_csv if suffix == "csv" else tables.read_jsonl)(text, locator, catalog)
    else:
        facts, errors = lp.Parser(text, locator).parse()
    return finish(path, locator, catalog, facts, errors, rejected)


def finish(path: str, locator: Locator, catalog: Catalog, facts: list[Fact], errors: list[Diagnostic],
           rejected: set[str] | None, others: int = 0) -> ProviderFile:
    """The facts read validated, with the file's warnings; raises `Failed` when nothing can be
    decided. `others`: providers of the same file read and checked elsewhere (`columns`)."""
    validator = Validator(locator, catalog, errors)
    facts = validator.run(facts, MAX_ERRORS)
    if not facts and not errors and not others:
        errors.append(diag("A209", Span(path, 1, 1)))
    if errors:
        errors.sort(key=lambda d: (d.span.line, d.span.col))
        if len(errors) > MAX_ERRORS:
            errors = errors[:MAX_ERRORS] + [diag("A108", errors[MAX_ERRORS].span)]
            rejected = None   # the rest was not checked
        # In a table each row is one provider: a bad row is left out, the good rows are decided.
        if rejected is None:
            raise Failed(errors)
        rejected |= validator.rejected
        facts = [f for f in facts if f.provider not in rejected]
        if not facts and not others:
            raise Failed(errors)
    providers = tuple(dict.fromkeys(f.provider for f in facts))
    names = {f.provider: str(f.args[1].value) for f in facts if f.predicate == AANBIEDER and len(f.args) == 2}
    delivering = {f.provider for f in facts if f.predicate == LEVERT}
    first = {}
    for f in facts:
        first.setdefault(f.provider, f.pos)
    warnings = [diag("A208", locator.span(first[p]), provider=p) for p in providers if p not in delivering]
    if catalog.covered is not None:   # levert(p, z) where no policy in force says anything about z
        warnings += [diag("A222", locator.span(f.args[1].pos), care_type=f.args[1].value) for f in facts
                     if f.predicate == LEVERT and f.args[1].value not in catalog.covered]
    return ProviderFile(path, tuple(facts), providers, names, tuple(warnings), tuple(errors))


def _table_file(path: str, locator: Locator, catalog: Catalog, table: columns.Table,
                others: list[tuple[int, str]]) -> ProviderFile:
    """The rows `columns.scan` read, joined with the others read, checked and reported in full."""
    from . import columns
    rest = finish(path, locator, catalog, *columns.read_rows(table, others), others=len(table.ids))
    for fact in rest.facts:
        table.slow.setdefault(fact.provider, []).append(fact)
    providers = tuple(table.ids)
    if rest.providers:   # in the order of the file
        first = {p: facts[0].pos for p, facts in table.slow.items()}
        rows = sorted([*zip(table.starts, table.ids), *((first[p], p) for p in rest.providers)])
        providers = tuple(p for _, p in rows)
    table.names.update(rest.names)
    return ProviderFile(path, columns.TableFacts(table, providers), providers, table.names,
                        rest.warnings, rest.errors, table)
