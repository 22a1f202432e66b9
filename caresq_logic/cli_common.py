"""What every `caresq-logic` command shares: the typer app, the option types and help texts,
and how diagnostics and reports reach the user (stderr; stdout or an atomically written -o)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__, atomic, decide, resources
from .diagnostics import Diagnostic, Span, diag, sort_key, visible

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Inkoopbeleid als code: beleidsregels (DSL) -> ASP (clingo) -> uitgelegde besluiten.\n\n"
    "Policy as code for Caresq purchasing policies: explained contract decisions.",
)


class Taal(str, Enum):
    nl = "nl"
    en = "en"


class ExplainFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    jsonl = "jsonl"
    csv = "csv"


class ExamplesFormat(str, Enum):
    text = "text"
    junit = "junit"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"


BELEID_HELP = ("Beleidsbestand of -map (herhaalbaar). Standaard: de dichtstbijzijnde map policies/ vanaf de "
               "werkmap omhoog, anders het ingebouwde beleid.")
TAAL_HELP = "Taal van de uitvoer: nl (standaard) of en."
TIJDSLIMIET_HELP = "Seconden die de hele opdracht mag duren, gronden en oplossen inbegrepen (inf: geen grens)."


def print_diagnostics(diagnostics: list[Diagnostic], lang: str) -> None:
    for d in sorted(diagnostics, key=sort_key):
        typer.echo(d.render(lang), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caresq-logic {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Toon de versie en stop. / Show the version and exit."),
) -> None:
    """The options before the command (the help text is the app's)."""
    ctx.call_on_close(decide.bounded.stop)   # a command's --tijdslimiet ends with it (tests run many in one process)


def read_from(providers: list[str], policies: list[str] | None) -> tuple[str, ...]:
    """The paths a command reads: -o may name none of them, nor an input file in a folder of them
    (the policies found from the working directory when none are given)."""
    found = None if policies else resources.find_policies(Path.cwd())
    return (*providers, *(policies or ()), *([str(found)] if found else ()))


def write(output: Optional[Path], content: str, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """Print, or write atomically: a report file is either complete or not there at all. A user's
    mistake with -o (a folder, a missing or unwritable folder, the input itself) is exit 2."""
    write_chunks(output, [content], lang, inputs)


def write_chunks(output: Optional[Path], chunks, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """`write` for output produced piece by piece (a market's records): streamed, never held."""
    if output is None and sys.stdout is None:   # started with stdout closed (>&-): said, not a crash
        output = Path("/dev/stdout")
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    try:
        atomic.write_file(output, chunks, inputs)
    except BrokenPipeError:   # -o /dev/stdout into `| head`: the reader is done, not a mistake (cli.main)
        raise
    except OSError as error:
        # One line, no source line under it: the report path may be an input file, not the mistake.
        typer.echo(visible(diag("C022", Span(str(output), 1, 1), reason=error.strerror or str(error)).format(lang)), err=True)
        raise typer.Exit(2) from None
