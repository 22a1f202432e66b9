"""`caresq-logic test` as text (a line per example file, the failures, the coverage table) or
as JUnit XML (one test case per file). The run is a `testing.TestRun` (files: check.examples
FileResults, coverage: check.examples Coverage)."""

from __future__ import annotations

import math

from ..check.examples import Coverage, FileResult, Mismatch, kind_words
from ..diagnostics import visible
from ..messages import ui
from .common import policy_set_header
from .junit import junit


def _percent(value: float) -> str:
    """Rounded down: 99.5% covered is not shown as 100%."""
    return f"{math.floor(value)}%"


def _decision(outcome: str, tier: str | None) -> str:
    return f"{outcome} {tier}" if tier else outcome


def mismatch(m: Mismatch, lang: str) -> str:
    """`file:line: zorgsoort (aanbieder): verwacht …, kreeg …`, at the `% verwacht:` line."""
    e = m.expected
    where = f"{visible(e.span.file)}:{e.span.line}"
    expected = _decision(e.outcome, e.tier)
    if m.got is None:
        said = ui("test.no_decision", lang, care_type=e.care_type, provider=e.provider or "-", expected=expected)
    else:
        said = ui("test.mismatch", lang, care_type=e.care_type, provider=m.got.provider, expected=expected,
                  got=_decision(m.got.outcome.value, m.got.tier))
    return f"{where}: {said}"


def problems(result: FileResult, lang: str) -> list[str]:
    if not result.expected:
        return [f"{visible(result.file)}: {ui('test.no_expectation', lang)}"]
    return [mismatch(m, lang) for m in result.mismatches]


def name(coverage: Coverage) -> str:
    header = coverage.policy.header
    return f"{header.domain} {header.year}" + (f" ({header.version})" if header.version else "")


def table(coverages: list[Coverage], lang: str) -> str:
    columns = ui("test.columns", lang).split("|")
    rows = []
    for c in coverages:
        rows.append([name(c), f"{len(c.both_ways())}/{len(c.clauses)}", f"{len(c.tiers_reached())}/{len(c.tiers)}",
                     f"{len(c.exceptions_used())}/{len(c.exceptions)}", _percent(c.percent)])
    if len(coverages) > 1:
        covered = sum(c.points[0] for c in coverages)
        total = sum(c.points[1] for c in coverages)
        sums = [sum(len(getattr(c, part)()) for c in coverages) for part in ("both_ways", "tiers_reached", "exceptions_used")]
        alls = [sum(len(getattr(c, part)) for c in coverages) for part in ("clauses", "tiers", "exceptions")]
        rows.append([ui("test.total", lang)] + [f"{s}/{a}" for s, a in zip(sums, alls)]
                    + [_percent(100.0 * covered / total if total else 100.0)])
    widths = [max(len(r[i]) for r in [columns] + rows) for i in range(len(columns))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths)))
             for r in [columns] + rows]
    return "\n".join(line.rstrip() for line in lines)


def uncovered(c: Coverage, lang: str) -> list[str]:
    """Every decision point of one policy the examples leave uncovered, at its line."""
    out = []
    for clause in c.clauses:
        held, failed = kind_words(clause)
        missing = [ui(held, lang)] if clause.id not in c.held else []
        missing += [ui(failed, lang)] if clause.id not in c.failed else []
        if missing:
            out.append(f"{clause.span}: {clause.kind.words} {clause.id} ({clause.citation.section}): "
                       + ", ".join(missing))
    for care_type, tier in c.tiers:
        if (care_type, tier.label) not in c.reached:
            out.append(f"{tier.span}: " + ui("test.tier_unreached", lang, tier=tier.label, care_type=care_type))
    for clause in c.exceptions:
        if clause.id not in c.excepted:
            out.append(f"{clause.span}: " + ui("test.exception_unused", lang, clause=clause.id))
    return out


def text(run, lang: str, details: bool) -> str:
    out = [policy_set_header(run.policy_set, lang).rstrip("\n")] if run.policy_set else []
    out += [f"{'✔' if f.passed else '✘'} {visible(f.file)}" for f in run.files]
    failed = run.failed
    if failed:
        out += ["", ui("test.failures", lang)] + [p for f in failed for p in problems(f, lang)]
    out += ["", ui("test.summary", lang, total=len(run.files), passed=len(run.files) - len(failed),
                   failed=len(failed))]
    if run.coverage:
        out += ["", ui("test.coverage", lang), table(run.coverage, lang)]
    if run.untested:
        out.append(ui("test.untested", lang, policies=", ".join(p.path for p in run.untested)))
    if details:
        for c in run.coverage:
            missing = uncovered(c, lang)
            out += ["", ui("test.uncovered", lang, policy=name(c), count=len(missing))] + ["  " + m for m in missing]
    return "\n".join(out) + "\n"


def to_junit(run, lang: str, details: bool = False) -> str:
    return junit("caresq-logic test", "caresq-logic.test", [(f.file, problems(f, lang), []) for f in run.files])


RENDERERS = {"text": text, "junit": to_junit}
