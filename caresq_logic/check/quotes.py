"""Every quote of a policy is verbatim in its source text: `caresq-logic citaten --bronnen DIR`.

Takes: resolved policies and the folder of source texts; a policy's header names its text
(`bron "004_....txt"`). Returns: one diagnostic per quote that is not in the text, compared
after Unicode NFC and whitespace normalisation (line breaks and indentation of the source do not
count), and per policy whose source is not named or not there."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..diagnostics import Diagnostic, diag
from ..language.resolve import Policy


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def quoted_items(policy: Policy) -> list:
    """Every item with a quoted citation, in source order."""
    items = [*policy.clauses.values(), *dict.fromkeys(t for ts in policy.tiers.values() for t in ts),
             *policy.terms, *policy.milestones, *policy.start_rules, *policy.changes]
    return sorted((i for i in items if i.citation.quote), key=lambda i: (i.span.line, i.span.col))


def verify(policies: list[Policy], sources: Path) -> tuple[list[Diagnostic], int]:
    """(problems, number of quotes found verbatim)."""
    problems: list[Diagnostic] = []
    found = 0
    texts: dict[str, str] = {}
    for policy in policies:
        source = policy.header.source
        if not source:
            problems.append(diag("T002", policy.header.span))
            continue
        path = sources / source
        if source not in texts:
            try:
                texts[source] = normalise(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as error:
                problems.append(diag("T003", policy.header.span, source=source, folder=str(sources),
                                     reason=getattr(error, "strerror", None) or str(error)))
                continue
        text = texts[source]
        for item in quoted_items(policy):
            quote = normalise(item.citation.quote)
            if quote in text:
                found += 1
            else:
                shown = quote if len(quote) <= 80 else quote[:77] + "..."
                problems.append(diag("T001", item.citation.span, source=source, quote=shown))
    return problems, found
