"""The findings of `check` for one document, for the editor to show when it is opened or saved.

Takes: the text of a `.beleid` document and the path it is shown under.
Returns: the findings `caresq-logic check FILE` reports for it (the policy, and the years its
change list derives, compared with it), less those switched off or suppressed with `onderdruk`;
nothing when the text does not resolve (its diagnostics say why). clingo proves each finding, so
this takes a second or two: the server runs it off the typing path."""

from __future__ import annotations

from .. import check
from ..check.findings import Finding
from ..diagnostics import Failed
from ..language import derive, parser, resolve


def findings(text: str, path: str) -> list[Finding]:
    try:
        policy = resolve.resolve(parser.parse(text, path))
        policies = [policy, *derive.derive_all(policy)]
    except Failed:
        return []
    return [f for f in check.check(policies) if f.severity != "off" and f.suppressed is None]
