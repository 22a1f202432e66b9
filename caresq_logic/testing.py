"""`caresq-logic test`: decide every example provider file (.lp) under the policies in force,
compare each decision with the file's `% verwacht:` lines, and count decision-point coverage
(check.examples). The renderers are in report.examples."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import decide, inputs, passes
from .check import examples
from .diagnostics import Diagnostic, Span, diag
from .providers.read import decode, max_bytes
from .resources import PolicySet


@dataclass
class TestRun:
    files: list[examples.FileResult] = field(default_factory=list)
    coverage: list[examples.Coverage] = field(default_factory=list)
    untested: list = field(default_factory=list)     # policies in force no tested example is decided under
    diagnostics: list[Diagnostic] = field(default_factory=list)
    policy_set: PolicySet | None = None

    @property
    def failed(self) -> list[examples.FileResult]:
        return [f for f in self.files if not f.passed]


def nearest_examples(start: Path) -> Path | None:
    """The nearest `examples/` folder from `start` upwards, as `policies/` is found."""
    for folder in (start, *start.parents):
        if (folder / "examples").is_dir():
            return folder / "examples"
    return None


def example_paths(paths: list[str] | None) -> tuple[list[str], list[Diagnostic]]:
    """The .lp files among `paths` (default: the nearest examples/ folder). Only .lp files carry
    `% verwacht:` lines, so a CSV or JSONL file named on the command line is an error (C042)."""
    if not paths:
        found = nearest_examples(Path.cwd())
        if found is None:
            return [], [diag("C043", Span("test", 1, 1))]
        paths = [Path(os.path.relpath(found)).as_posix()]
    files, problems = inputs.expand(paths, (".lp",))
    for path, shown in files:
        if path.suffix.lower() != ".lp":
            problems.append(diag("C042", Span(shown, 1, 1), path=shown))
    return [shown for path, shown in files if path.suffix.lower() == ".lp"], problems


def run(paths: list[str] | None, policy_paths: list[str] | None, year: int | None = None,
        contract_year: int | None = None, minimum: float = 0.0, time_limit: float = decide.DEFAULT_TIME_LIMIT,
        ground_limit: int = decide.DEFAULT_GROUND_LIMIT) -> TestRun:
    shown, problems = example_paths(paths)
    market = passes.decide_market(shown, policy_paths, year, time_limit, ground_limit, contract_year=contract_year)
    result = TestRun(diagnostics=problems + market.diagnostics, policy_set=market.policy_set)
    decided = []
    for provider_file in market.provider_files:
        limit = max_bytes(provider_file.path)
        data = inputs.read_bounded(Path(provider_file.path), provider_file.path, limit)
        text = decode(data, provider_file.path, limit)
        expected, unreadable = examples.expectations(text, provider_file.path)
        decisions = [(batch.program.policy, d) for batch in market.batches
                     for provider in provider_file.providers for d in batch.decisions((provider_file.path, provider))]
        judged, unnamed = examples.judge(provider_file.path, expected, decisions, provider_file.providers)
        result.files.append(judged)
        result.diagnostics += unreadable + unnamed
        decided += judged.checked   # coverage counts the decisions an example states
    result.coverage = examples.coverage(decided)
    tested = {c.policy.path for c in result.coverage}
    result.untested = [p for p in market.policies if p.path not in tested]
    result.diagnostics += [diag("C044", c.policy.header.span, policy=c.policy.path,
                                percent=math.floor(c.percent), minimum=f"{minimum:g}")
                           for c in result.coverage if c.percent < minimum]
    return result


def exit_code(run: TestRun) -> int:
    """2: unusable input; 1: a decision other than expected, or a policy covered below --min-dekking (C044)."""
    if any(d.severity == "error" for d in run.diagnostics):
        return 2
    return 1 if run.failed or any(d.code == "C044" for d in run.diagnostics) else 0
