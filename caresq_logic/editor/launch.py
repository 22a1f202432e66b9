"""The `caresq-logic lsp` command: start the language server on stdio, or say with C050 that
pygls (the optional extra `lsp`) is not installed. Registered by `cli`; pygls is imported only
when the command runs, so every other command starts without it."""

from __future__ import annotations

import gc
from enum import Enum

import typer

from ..diagnostics import Span, diag
from ..messages import LANGUAGES

Taal = Enum("Taal", {lang: lang for lang in LANGUAGES}, type=str)


def lsp(taal: Taal = typer.Option("nl", "--taal", help="Taal van de meldingen: nl (standaard) of en.")) -> None:
    """Taalserver voor editors (LSP op stdin/stdout, docs/editor.md). / Language server for editors."""
    lang = Taal(taal).value
    try:
        from . import server
    except ModuleNotFoundError as error:
        if (error.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        typer.echo(diag("C050", Span("lsp", 1, 1), module=error.name).render(lang), err=True)
        raise typer.Exit(2) from None
    gc.enable()   # a long-lived process, unlike every other command
    server.serve(lang)
