"""The page behind every code, for `caresq-logic uitleg CODE` and docs/codes.md (like `rustc
--explain`): code -> (Dutch, English, example). The one-line message stays in the catalogue;
an example is input that gives the code and, where the fix is plain, the fix after `# goed:`."""

from __future__ import annotations

from .. import messages
from ..language.kinds import KINDS
from .code_pages import POLICY_PAGES
from .code_pages_input import INPUT_PAGES

EXPLANATIONS: dict[str, tuple[str, str, str]] = {**POLICY_PAGES, **INPUT_PAGES}


def codes() -> list[str]:
    """Every code a user can meet: the diagnostics of the catalogue and the kinds of finding."""
    diagnostics = [c for c, (level, _, _) in messages.CATALOGUE.items() if level in ("error", "warning")]
    return sorted(diagnostics + [code for code, _ in KINDS.values()])


def _kind_of(code: str) -> str | None:
    return next((kind for kind, (c, _) in KINDS.items() if c == code), None)


def explain(code: str, lang: str = "nl") -> str:
    """The page for `code`, in Markdown (readable as plain text in a terminal)."""
    code = code.upper()
    nl, en, example = EXPLANATIONS[code]
    kind = _kind_of(code)
    if kind is not None:
        severity = messages.severity_name(KINDS[kind][1], lang)
        title = f"{kind} ({severity}; `onderdruk {kind}` / `--ernst {kind}=...`)"
    else:
        title = messages.summary(code, lang)
    heading = "Voorbeeld" if lang == "nl" else "Example"
    body = en if lang == "en" else nl
    return f"## {code}: {title}\n\n{body}\n\n{heading}:\n\n```\n{example}\n```\n"


def markdown(lang: str = "nl") -> str:
    """docs/codes.md: every code's page, generated (a test keeps the file up to date)."""
    intro = ("# Codes van caresq-logic\n\nGegenereerd uit `caresq_logic/report/codes.py` en de berichtencatalogus "
             "(`caresq-logic uitleg CODE` toont dezelfde tekst; `--taal en` in het Engels). Niet met de hand "
             "bewerken: `caresq-logic uitleg --alle > docs/codes.md`.\n\n"
             "C: opdrachtregel en bestanden; B1: syntaxis van beleid; B2: namen en types in beleid; "
             "A1: syntaxis van aanbiedersbestanden; A2: hun betekenis; S: de oplosser; K: bevindingen van check.\n")
    return intro + "".join("\n" + explain(code, lang) for code in codes())
