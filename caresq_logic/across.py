"""Several policy years. `explain --jaar 2025 --jaar 2026` (or `--jaren 2025-2026`): the provider
files decided under the policies in force in each year (`passes.explain`, once a year), then the
years side by side with the clauses that changed between them (`report.years`). One receipt and
one policy set name every policy file decided with; a diagnostic about the input is reported once,
not once a year. And the two publications `caresq-logic diff` compares (`publications`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from . import passes
from .diagnostics import Diagnostic, Span, diag, sort_key
from .report.common import Report, policy_set_header
from .resources import PolicySet

if TYPE_CHECKING:   # check.diff (and so all of check) only when several years are asked for
    from .report.years import ProviderYears


@dataclass
class AcrossYears:
    """`explain` over several policy years: each provider's decisions side by side."""
    years: list[int]
    providers: list[ProviderYears] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)   # per provider, the decisions of every year
    diagnostics: list[Diagnostic] = field(default_factory=list)
    receipt: dict = field(default_factory=dict)
    policy_set: PolicySet | None = None


def years_asked(single: list[int] | None, span: str | None) -> tuple[list[int], list[Diagnostic]]:
    """The years of every --jaar and of --jaren FROM-TO, sorted, each once."""
    years = set(single or [])
    if span is not None:
        first, dash, last = span.strip().partition("-")
        if not (dash and first.strip().isdigit() and last.strip().isdigit() and int(first) <= int(last)
                and int(last) - int(first) < 100):
            return sorted(years), [diag("C071", Span("--jaren", 1, 1), value=span)]
        years |= set(range(int(first), int(last) + 1))
    return sorted(years), []


def single_year_only(target: str | None, summary: bool, format_name: str) -> list[Diagnostic]:
    """--doel, --samenvatting, jsonl and csv answer a question about one year (C070)."""
    chosen = {"--doel": target is not None, "--samenvatting": summary,
              f"--format {format_name}": format_name in ("jsonl", "csv")}
    return [diag("C070", Span(option.split()[0], 1, 1), option=option) for option, on in chosen.items() if on]


def render(result: "AcrossYears", format_name: str, lang: str, details: bool) -> str:
    from .report import as_json, years_out

    if format_name == "json":
        return as_json.to_json(result.reports, sorted(result.diagnostics, key=sort_key), lang, result.receipt,
                               result.policy_set, years_out.json_years(result.providers, result.years))
    if format_name == "html":
        return years_out.html(result.providers, result.years, lang, details, result.receipt)
    return policy_set_header(result.policy_set, lang) + "\n" + years_out.text(result.providers, result.years, lang, details)


def side_by_side(provider_paths, policy_paths, years, diagnostics, time_limit, ground_limit, only, contract_year,
                 format_name: str, lang: str, details: bool, target, summary, write) -> tuple[list, set[str]]:
    """explain over several years for the CLI: `write`s the output (nothing for text without a
    provider), returns the diagnostics and the providers seen (for --aanbieder)."""
    diagnostics = diagnostics + single_year_only(target, summary, format_name)
    if diagnostics:
        return diagnostics, set(only or ())
    result = explain_years(provider_paths, policy_paths, years, time_limit, ground_limit, only, contract_year)
    if result.providers or format_name != "text":
        write(render(result, format_name, lang, details))
    return result.diagnostics, {p.provider for p in result.providers}


def publications(given: list[str]) -> tuple[list, list[Diagnostic]]:
    """For `diff`: each a policy file, or `file@2025` / `file@2023-04` for a publication derived
    from it; with the diagnostics of any that did not load or does not exist."""
    found, problems = [], []
    for each in given:
        path, _, label = each.partition("@")
        loaded = passes.load([path])
        wanted = [p for p in loaded.policies if p.path.split("@")[0] == path and p.path.partition("@")[2] == label]
        if loaded.diagnostics:
            problems += loaded.diagnostics
        elif not wanted:
            shown = ", ".join(p.path for p in loaded.policies)
            problems.append(diag("C001", Span(each, 1, 1), path=f"{each} (wel: {shown})"))
        found.append(wanted[0] if wanted else None)
    return found, problems


def explain_years(provider_paths: list[str], policy_paths: list[str] | None, years: list[int],
                  time_limit: float, ground_limit: int, only: set[str] | None = None,
                  contract_year: int | None = None) -> AcrossYears:
    from .report.years import across

    result = AcrossYears(years)
    per_year: dict[int, list[Report]] = {}
    shown: dict[str, Diagnostic] = {}
    policies: dict[str, str] = {}
    inputs: dict[str, str] = {}
    files: list[str] = []
    merged: dict[tuple[str, str], Report] = {}
    for year in years:
        explained = passes.explain(provider_paths, policy_paths, year, time_limit, ground_limit, only, contract_year)
        per_year[year] = explained.reports
        for d in explained.diagnostics:
            shown.setdefault(d.render("nl"), d)
        policies.update((p["file"], p["sha256"]) for p in explained.receipt.get("policies", []))
        inputs.update((p["file"], p["sha256"]) for p in explained.receipt.get("inputs", []))
        if explained.policy_set is not None:
            files += [f for f in explained.policy_set.files if f not in files]
            result.policy_set = replace(explained.policy_set, files=tuple(files))
        for report in explained.reports:
            key = (report.file, report.provider)
            merged.setdefault(key, Report(report.file, report.provider, report.name)).policies += report.policies
    result.providers = across(per_year)
    result.reports = list(merged.values())
    result.diagnostics = list(shown.values())
    result.receipt = passes.receipt(policies, inputs)
    return result
