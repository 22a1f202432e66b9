"""`check`'s findings as text, JSON, GitHub workflow annotations or SARIF 2.1.0."""

from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..check.findings import Finding, Involved
from ..language.kinds import KINDS
from ..messages import ui


def _where(i: Involved) -> str:
    return f"{i.id} ({i.section}) {i.span}"


def summary(findings: list[Finding], lang: str) -> str:
    if not findings:
        return ui("check.clean", lang)
    live = [f for f in findings if f.suppressed is None]
    return ui("check.summary", lang, total=len(findings),
              errors=sum(f.severity == "error" for f in live), warnings=sum(f.severity == "warning" for f in live),
              notes=sum(f.severity == "note" for f in live), suppressed=len(findings) - len(live))


def to_text(findings: list[Finding], lang: str = "nl") -> str:
    out = []
    for f in findings:
        out.append(f"{f.span}: {f.code}: {f.severity}: {f.message(lang)}")
        if f.core:
            out.append(f"    {ui('check.core', lang)}: " + "; ".join(_where(i) for i in f.core))
        if f.involved:
            out.append(f"    {ui('check.involved', lang)}: " + "; ".join(_where(i) for i in f.involved))
        if f.witness:
            out.append(f"    {ui('check.witness', lang)}:")
            out.extend("      " + line for line in f.witness.rstrip("\n").split("\n"))
        if f.suppressed:
            out.append("    " + ui("check.suppressed", lang, reason=f.suppressed))
    out.append(summary(findings, lang))
    return "\n".join(out) + "\n"


def _involved_json(i: Involved) -> dict:
    return {"id": i.id, "title": i.title, "section": i.section, "location": str(i.span)}


def to_json(findings: list[Finding], lang: str = "nl") -> str:
    document = {
        "schema": "1",
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
        "summary": summary(findings, lang),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def to_github(findings: list[Finding], lang: str = "nl") -> str:
    """GitHub Actions workflow commands: one annotation per finding, at its first clause."""
    level = {"error": "error", "warning": "warning", "note": "notice"}
    out = []
    for f in findings:
        command = "notice" if f.suppressed else level[f.severity]
        title = _escape_github(f"{f.code} {f.kind}", property_value=True)
        s = f.span
        message = f.message(lang) + (f" ({ui('check.suppressed', lang, reason=f.suppressed)})" if f.suppressed else "")
        out.append(f"::{command} file={_escape_github(s.file, True)},line={s.line},col={s.col},title={title}::"
                   f"{_escape_github(message)}")
    out.append(summary(findings, lang))
    return "\n".join(out) + "\n"


def to_sarif(findings: list[Finding], lang: str = "nl") -> str:
    """SARIF 2.1.0: one rule per kind, one result per finding (suppressed ones carry a suppression)."""

    level = {"error": "error", "warning": "warning", "note": "note"}
    rules = [{"id": code, "name": kind, "defaultConfiguration": {"level": level[severity]},
              "shortDescription": {"text": kind}} for kind, (code, severity) in KINDS.items()]
    results = []
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
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "caresq-logic", "version": __version__,
                                      "informationUri": "https://www.caresq.nl", "rules": rules}},
                  "results": results}],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


RENDERERS = {"text": to_text, "json": to_json, "github": to_github, "sarif": to_sarif}
