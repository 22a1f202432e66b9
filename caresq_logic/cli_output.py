"""Where the commands' output goes: the report on stdout or, with -o, atomically into a file, and
the diagnostics on stderr. Shared by `cli` and the modules of its larger commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import atomic
from .diagnostics import Diagnostic, Span, diag, sort_key


def print_diagnostics(diagnostics: list[Diagnostic], lang: str) -> None:
    for d in sorted(diagnostics, key=sort_key):
        typer.echo(d.render(lang), err=True)


def write(output: Optional[Path], content: str, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """Print, or write atomically: a report file is either complete or not there at all. A user's
    mistake with -o (a folder, a missing or unwritable folder, the input itself) is exit 2."""
    write_chunks(output, [content], lang, inputs)


def write_chunks(output: Optional[Path], chunks, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """`write` for output produced piece by piece (a market's records): streamed, never held."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    try:
        atomic.write_file(output, chunks, inputs)
    except OSError as error:
        print_diagnostics([diag("C022", Span(str(output), 1, 1), reason=error.strerror or str(error))], lang)
        raise typer.Exit(2) from None
