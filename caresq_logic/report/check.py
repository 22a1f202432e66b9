"""`check`'s findings as text, JSON, GitHub workflow annotations, SARIF 2.1.0 or JUnit XML.

Every renderer takes the findings, the language, the policy set the run used (named in the
header) and the diagnostics of policies that did not load: a syntax or type error shows up in
every format, so a CI job annotates it like any finding.
"""

from __future__ import annotations

import json
from typing import Any

from .. import __version__, messages
from ..check.findings import Finding, Involved
from ..diagnostics import Diagnostic, sort_key, visible
from ..language.kinds import KINDS
from ..language.texts import english
from ..messages import ui
from .common import policy_set_header
from .junit import junit


def _where(i: Involved) -> str:
    return f"{i.id} ({i.section}) {i.span}"


def summary(findings: list[Finding], lang: str, diagnostics=()) -> str:
    if diagnostics:   # a policy that did not load was not checked: never "no findings"
        errors = sum(d.severity == "error" for d in diagnostics)
        return ui("check.input_errors", lang, count=errors) + "; " + ui("check.not_checked", lang)
    if not findings:
        return ui("check.clean", lang)
    live = [f for f in findings if f.suppressed is None]
    return ui("check.summary", lang, total=len(findings),
              errors=sum(f.severity == "error" for f in live), warnings=sum(f.severity == "warning" for f in live),
              notes=sum(f.severity == "note" for f in live), suppressed=len(findings) - len(live))


def to_text(findings: list[Finding], lang: str = "nl", policy_set=None, diagnostics=()) -> str:
    """Findings on stdout; the diagnostics go to stderr (the CLI prints them), as for explain.
    Every line of a finding is `visible`: titles, names and witness values come from input."""
    header = [policy_set_header(policy_set, lang).rstrip("\n")] if policy_set else []
    out: list[str] = []
    for f in findings:
        out.append(f"{f.span}: {f.code}: {messages.severity_name(f.severity, lang)}: {f.message(lang)}")
        if f.core:
            out.append(f"    {ui('check.core', lang)}: " + "; ".join(_where(i) for i in f.core))
        if f.involved:
            out.append(f"    {ui('check.involved', lang)}: " + "; ".join(_where(i) for i in f.involved))
        if f.witness:
            out.append(f"    {ui('check.witness', lang)}:")
            out.extend("      " + line for line in f.witness.rstrip("\n").split("\n"))
        if f.suppressed:
            out.append("    " + ui("check.suppressed", lang, reason=f.suppressed))
    return "\n".join(header + [visible(line) for line in out] + [summary(findings, lang, diagnostics)]) + "\n"


def _involved_json(i: Involved) -> dict:
    return {"id": i.id, "title": i.title, "title_en": english(i.title), "section": i.section, "location": str(i.span)}


def to_json(findings: list[Finding], lang: str = "nl", policy_set=None, diagnostics=()) -> str:
    document = {
        "schema": "1",
        **({"policy_set": policy_set.to_json()} if policy_set is not None else {}),
        "diagnostics": [d.to_json(lang) for d in sorted(diagnostics, key=sort_key)],
        "findings": [
            {
                "kind": f.kind, "code": f.code, "severity": f.severity, "policy": f.policy,
                "location": str(f.span), "message": f.message(lang),
                "involved": [_involved_json(i) for i in f.involved],
                "core": [_involved_json(i) for i in f.core],
                "witness": f.witness, "suppressed": f.suppressed,
            }
            for f in findings
        ],
        "summary": summary(findings, lang, diagnostics),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_github(text: str, property_value: bool = False) -> str:
    text = visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def to_github(findings: list[Finding], lang: str = "nl", policy_set=None, diagnostics=()) -> str:
    """GitHub Actions workflow commands: one annotation per diagnostic and per finding, at its
    first clause; then the policy set and the summary as plain log text."""
    level = {"error": "error", "warning": "warning", "note": "notice"}
    out = []
    for d in sorted(diagnostics, key=sort_key):
        s = d.span
        message = d.message(lang) + (f" ({d.hint(lang)})" if d.hint(lang) else "")
        out.append(f"::{level[d.severity]} file={_escape_github(s.file, True)},line={s.line},col={s.col},"
                   f"title={d.code}::{_escape_github(message)}")
    for f in findings:
        command = "notice" if f.suppressed else level[f.severity]
        title = _escape_github(f"{f.code} {f.kind}", property_value=True)
        s = f.span
        message = f.message(lang) + (f" ({ui('check.suppressed', lang, reason=f.suppressed)})" if f.suppressed else "")
        out.append(f"::{command} file={_escape_github(s.file, True)},line={s.line},col={s.col},title={title}::"
                   f"{_escape_github(message)}")
    if policy_set:
        out.append(policy_set_header(policy_set, lang).rstrip("\n"))
    out.append(summary(findings, lang, diagnostics))
    return "\n".join(out) + "\n"


def to_sarif(findings: list[Finding], lang: str = "nl", policy_set=None, diagnostics=()) -> str:
    """SARIF 2.1.0: one rule per kind and per diagnostic code, one result per diagnostic and per
    finding (suppressed ones carry a suppression); the policy set is the run's artifacts."""

    level = {"error": "error", "warning": "warning", "note": "note"}
    rules = [{"id": code, "name": kind, "defaultConfiguration": {"level": level[severity]},
              "shortDescription": {"text": kind}} for kind, (code, severity) in KINDS.items()]
    rules += [{"id": code, "name": code, "defaultConfiguration": {"level": level[messages.severity(code)]},
               "shortDescription": {"text": messages.summary(code, lang)}}
              for code in sorted({d.code for d in diagnostics})]
    results = []
    for d in sorted(diagnostics, key=sort_key):
        region = {"startLine": d.span.line, "startColumn": d.span.col}
        results.append({
            "ruleId": d.code, "level": level[d.severity],
            "message": {"text": d.message(lang) + (f" ({d.hint(lang)})" if d.hint(lang) else "")},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": d.span.file}, "region": region}}],
        })
    for f in findings:
        locations = [
            {"physicalLocation": {"artifactLocation": {"uri": i.span.file},
                                  "region": {"startLine": i.span.line, "startColumn": i.span.col}},
             "message": {"text": f"{i.id} ({i.section})"}}
            for i in (f.core or f.involved)
        ] or [{"physicalLocation": {"artifactLocation": {"uri": f.policy}, "region": {"startLine": 1}}}]
        result: dict[str, Any] = {
            "ruleId": f.code, "level": level[f.severity], "message": {"text": f.message(lang)},
            "locations": locations[:1], "relatedLocations": [dict(loc, id=n) for n, loc in enumerate(locations[1:])],
        }
        if f.witness:
            result["properties"] = {"witness": f.witness}
        if f.suppressed:
            result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
        results.append(result)
    run: dict[str, Any] = {"tool": {"driver": {"name": "caresq-logic", "version": __version__,
                                               "informationUri": "https://www.caresq.nl", "rules": rules}},
                           "results": results}
    if policy_set is not None:
        run["artifacts"] = [{"location": {"uri": file}} for file in policy_set.files]
        run["properties"] = {"policy_set": policy_set.to_json()}
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_junit(findings: list[Finding], lang: str = "nl", policy_set=None, diagnostics=()) -> str:
    """JUnit XML: one test case per policy file, failing with its diagnostics and its findings of
    severity error (warnings and notes are kept as system-out, so they show without failing)."""
    files = list(policy_set.files) if policy_set is not None else []
    files += sorted(({d.span.file for d in diagnostics} | {f.policy for f in findings}) - set(files))
    cases = []
    for file in files:
        problems = [f"{d.span}: {d.code}: {d.message(lang)}" for d in sorted(diagnostics, key=sort_key)
                    if d.span.file == file and d.severity == "error"]
        problems += [f"{f.span}: {f.code}: {f.message(lang)}" for f in findings if f.policy == file and f.counts]
        notes = [f"{f.span}: {f.code}: {messages.severity_name(f.severity, lang)}: {f.message(lang)}"
                 + (f" ({ui('check.suppressed', lang, reason=f.suppressed)})" if f.suppressed else "")
                 for f in findings if f.policy == file and not f.counts]
        cases.append((file, problems, notes))
    return junit("caresq-logic check", "caresq-logic.check", cases)


RENDERERS = {"text": to_text, "json": to_json, "github": to_github, "sarif": to_sarif, "junit": to_junit}
