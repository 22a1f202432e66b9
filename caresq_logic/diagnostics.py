"""Diagnostics are data: a stable code, a severity, a message, a span, optional hint.

Every stage reports problems as `Diagnostic` values; nothing user-facing is ever a Python
exception. A stage that cannot continue raises `Failed` carrying its diagnostics, and the CLI
renders them as ``file:line:col: code: message`` (or JSON) in the chosen language.

Messages are not written here but looked up in `messages.CATALOGUE` by code, so Dutch and
English stay side by side and a code always means the same thing.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Any

from . import messages


@dataclass(frozen=True, order=True)
class Span:
    """A place in a source file: 1-based line and column of the start (and end, if known)."""

    file: str
    line: int
    col: int
    end_line: int = 0
    end_col: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in an input file.

    `args` fill the message template of `code` in the catalogue; `hint_code`/`hint_args` do the
    same for an optional hint ("bedoelde u ...?").
    """

    code: str
    span: Span
    args: tuple[tuple[str, Any], ...] = ()
    severity: str = "error"
    hint_code: str | None = None
    hint_args: tuple[tuple[str, Any], ...] = ()

    def message(self, lang: str = "nl") -> str:
        return messages.render(self.code, lang, dict(self.args))

    def hint(self, lang: str = "nl") -> str | None:
        if self.hint_code is None:
            return None
        return messages.render(self.hint_code, lang, dict(self.hint_args))

    def format(self, lang: str = "nl") -> str:
        text = f"{self.span}: {self.code}: {self.message(lang)}"
        hint = self.hint(lang)
        if hint:
            text += f" ({hint})"
        return text

    def to_json(self, lang: str = "nl") -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.span.file,
            "line": self.span.line,
            "col": self.span.col,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }


def diag(code: str, span: Span, hint: tuple[str, dict[str, Any]] | None = None, **args: Any) -> Diagnostic:
    """Shorthand: ``diag("B200", span, name="x")``; `hint` is ``(code, args)``."""
    hint_code, hint_args = hint if hint else (None, {})
    return Diagnostic(
        code=code,
        span=span,
        args=tuple(sorted(args.items())),
        severity=messages.severity(code),
        hint_code=hint_code,
        hint_args=tuple(sorted(hint_args.items())),
    )


@dataclass
class Failed(Exception):
    """Raised by a stage that cannot produce its value; carries what went wrong."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __str__(self) -> str:  # only for developers; users see rendered diagnostics
        return "; ".join(d.format("en") for d in self.diagnostics)


def sort_key(d: Diagnostic) -> tuple:
    return (d.span.file, d.span.line, d.span.col, d.code)


_INVISIBLE = re.compile(r"[^\S ]|[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]")


def visible(outside: str) -> str:
    """Text from an input file as it may be shown on a terminal: every control, line-breaking
    or direction-changing character written as an escape (`\\r`, `\\x1b`, `\\u2028`), so an input
    can neither move the cursor, colour the screen nor start a line of its own."""
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), outside)


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(text: str, path: str, code: str) -> Diagnostic | None:
    """A control character (other than tab and line breaks) in an input file, reported where it
    is. It must never reach clingo: its C API reads text up to the first NUL, silently."""
    match = CONTROL.search(text)
    if match is None:
        return None
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return diag(code, Span(path, line, col), char=f"U+{ord(match.group()):04X}")


def closest(name: str, candidates: list[str] | set[str] | tuple[str, ...]) -> str | None:
    """The declared name a misspelt `name` most likely meant, or None."""
    import difflib

    found = difflib.get_close_matches(name, sorted(candidates), n=1, cutoff=0.75)
    return found[0] if found else None
