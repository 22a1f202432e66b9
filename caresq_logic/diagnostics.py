"""Diagnostics are data: a stable code, a severity, a message, a span, optional hint.

Every stage reports problems as `Diagnostic` values; nothing user-facing is ever a Python
exception. A stage that cannot continue raises `Failed` carrying its diagnostics, and the CLI
renders them as ``file:line:col: code: message`` (or JSON) in the chosen language.

Messages are not written here but looked up in `messages.CATALOGUE` by code, so Dutch and
English stay side by side and a code always means the same thing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
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
    related: tuple[tuple[Span, str], ...] = ()   # (span, ui label key): "defined here"

    def message(self, lang: str = "nl") -> str:
        return messages.render(self.code, lang, {key: _short(value) for key, value in self.args})

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

    def render(self, lang: str = "nl") -> str:
        """rustc/Elm style, for people: the `file:line:col: code: message` line, the source line
        with a caret under the span, the hint as a help line, and related places ("defined
        here") with their own source line. Safe for a terminal: each line is `visible`."""
        lines = [visible(f"{self.span}: {self.code}: {self.message(lang)}")]
        lines += snippet(self.span)
        hint = self.hint(lang)
        if hint:
            lines.append(visible(f"{'':{GUTTER}} = {messages.render('ui.help', lang)}: {hint}"))
        for span, label in self.related:
            lines.append(visible(f"{'':{GUTTER}} --> {span}: {messages.render('ui.' + label, lang)}"))
            lines += snippet(span)
        return "\n".join(lines)

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


MAX_SHOWN = 200   # characters of one name or value from input in a message: a 1 MB name is not echoed


def _short(value: Any) -> Any:
    return value[:MAX_SHOWN] + "…" if type(value) is str and len(value) > MAX_SHOWN else value


def diag(code: str, span: Span, hint: tuple[str, dict[str, Any]] | None = None,
         related: tuple[Span, str] | None = None, **args: Any) -> Diagnostic:
    """Shorthand: ``diag("B200", span, name="x")``; `hint` is ``(code, args)``, `related` is
    ``(span, label)``."""
    hint_code, hint_args = hint if hint else (None, {})
    return Diagnostic(
        code=code,
        span=span,
        args=tuple(sorted(args.items())),
        severity=messages.severity(code),
        hint_code=hint_code,
        hint_args=tuple(sorted(hint_args.items())),
        related=(related,) if related else (),
    )


# Where the file a diagnostic names lives, by the name it is shown under: the source line under
# a diagnostic is read from it when rendered (the embedded policies are shown as policies/...).
SOURCES: dict[str, Path] = {}
GUTTER = 5
_TOKEN = re.compile(r"[\w§.%-]+|\S")


def remember_source(shown: str, path: Path) -> None:
    SOURCES[shown] = path


SNIPPET_BYTES = 32 * 1024 * 1024   # the largest input limit: a file refused for its size shows no source line


@lru_cache(maxsize=64)
def _lines(path: Path) -> tuple[str, ...]:
    try:
        with path.open("rb") as handle:   # bounded: an 8 GB sparse file is never read whole
            if os.fstat(handle.fileno()).st_size > SNIPPET_BYTES:
                return ()
            data = handle.read(SNIPPET_BYTES + 1)
    except OSError:
        return ()
    if len(data) > SNIPPET_BYTES:
        return ()
    return tuple(data.decode("utf-8", errors="replace").split("\n"))


def snippet(span: Span) -> list[str]:
    """The source line of `span` with a caret under it, or nothing when the file is unknown."""
    path = SOURCES.get(span.file)
    lines = _lines(path) if path is not None else ()
    if not 1 <= span.line <= len(lines):
        return []
    # one character for one character, so the caret stays in place; a control, line-breaking or
    # direction-changing character is shown as U+FFFD, never echoed to the terminal
    text = _INVISIBLE.sub("\ufffd", lines[span.line - 1].replace("\t", " ").rstrip("\r"))
    if len(text) > 200:   # a minified line: show the part around the column
        start = max(span.col - 80, 0)
        text, col = text[start:start + 160], span.col - start
    else:
        col = span.col
    if span.end_line == span.line and span.end_col > span.col:
        width = span.end_col - span.col
    else:
        token = _TOKEN.match(text, col - 1)
        width = len(token.group()) if token else 1
    number = str(span.line)
    return [f"{'':{GUTTER}} |", f"{number:>{GUTTER}} | {text}", f"{'':{GUTTER}} | {' ' * (col - 1)}{'^' * width}"]


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


_CONTROLS = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
CONTROL = re.compile("[" + re.escape(_CONTROLS.decode("ascii")) + "]")


def control_character(text: str, path: str, code: str) -> Diagnostic | None:
    """A control character (other than tab and line breaks) in an input file, reported where it
    is. It must never reach clingo: its C API reads text up to the first NUL, silently."""
    if text.isascii():   # bytes.translate finds none in a big market ~3x quicker than the regex
        data = text.encode("ascii")
        if len(data.translate(None, _CONTROLS)) == len(data):
            return None
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
