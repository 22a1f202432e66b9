"""`caresq-logic fmt`: policy files in their one canonical layout (`language.format`), rewritten
in place, or with `--check` only compared (like `ruff format --check`).

Takes: paths (files, and folders searched for *.beleid as `check` searches them).
Returns: a `Formatted`: the files that changed (or would), how many were already in the layout,
the diagnostics of every file that could not be read, parsed or written (such a file is left as
it was; the others are still formatted), and with `diff` a unified diff per changed file.
A file is replaced atomically (`atomic.write_file`): whole, or not at all.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic
from .diagnostics import Diagnostic, Failed, Span, diag, remember_source
from .inputs import policy_files, read_bounded
from .language.format import format_text
from .messages import ui
from .resources import MAX_POLICY_BYTES
from .providers.read import decode


@dataclass
class Formatted:
    changed: list[str] = field(default_factory=list)      # as shown: the files that changed, or would
    unchanged: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)


def run(paths: list[str], write: bool, diff: bool = False) -> Formatted:
    files, problems = policy_files(paths)
    result = Formatted(diagnostics=problems)
    for path, shown in files:
        try:
            text = _read(path, shown)
            formatted = format_text(text, shown)
        except Failed as failed:
            result.diagnostics += failed.diagnostics
            continue
        if formatted == text:
            result.unchanged += 1
            continue
        result.changed.append(shown)
        if diff:
            result.diffs.append("".join(difflib.unified_diff(
                text.splitlines(keepends=True), formatted.splitlines(keepends=True), shown, shown)))
        if write:
            try:
                atomic.write_file(path, [formatted])
            except OSError as error:
                result.diagnostics.append(diag("C030", Span(shown, 1, 1), reason=error.strerror or str(error)))
    return result


def summary(done: Formatted, checking: bool, lang: str) -> str:
    """What stdout says: with --check the files that would change, the diffs, and the counts."""
    lines = [ui("fmt.would_change", lang, path=path) + "\n" for path in done.changed] if checking else []
    key = "fmt.checked" if checking else "fmt.done"
    return "".join(lines + done.diffs) + ui(key, lang, changed=len(done.changed), unchanged=done.unchanged) + "\n"


def _read(path: Path, shown: str) -> str:
    try:
        data = read_bounded(path, shown, MAX_POLICY_BYTES)
    except OSError as error:
        raise Failed([diag("C002", Span(shown, 1, 1), reason=error.strerror or str(error))]) from None
    remember_source(shown, path)   # the source line under a syntax error
    return decode(data, shown, MAX_POLICY_BYTES)
