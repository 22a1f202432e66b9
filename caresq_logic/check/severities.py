"""Severities and suppressions: the default severity per kind, `--ernst` overrides, and the
`onderdruk` statements of each policy."""

from __future__ import annotations

from ..language.kinds import KINDS
from ..language.resolve import Policy
from .findings import Finding


def apply_policy_settings(findings: list[Finding], policies: list[Policy],
                          severities: dict[str, str] | None = None) -> list[Finding]:
    """Default severity per kind, overridden per kind, and `onderdruk` statements applied."""
    severities = severities or {}
    suppressions = {p.path: p.suppressions for p in policies}
    result = []
    for finding in findings:
        finding.severity = severities.get(finding.kind, KINDS[finding.kind][1])
        if finding.severity == "off":
            continue
        ids = {i.id for i in finding.involved + finding.core}
        for item in suppressions.get(finding.policy, ()):
            if item.kind == finding.kind and (item.clause is None or item.clause in ids):
                finding.suppressed = item.reason
                break
        result.append(finding)
    return sorted(result, key=Finding.sort_key)
