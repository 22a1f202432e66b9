"""The author's commands beside explain and check: diff, fmt, uitleg, citaten, test, lsp. Registered on
the one typer app (`cli_common.app`) when `cli` imports this module."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from . import editor, passes   # each command imports the rest it needs: explain starts without them
from .cli_common import BELEID_HELP, TAAL_HELP, ExplainFormat, Taal, ExamplesFormat, app, print_diagnostics, write
from .diagnostics import Span, closest, diag
from .messages import ui


@app.command("diff")
def diff_command(
    old: str = typer.Argument(..., help="Het oude beleid: een bestand, of bestand@jaar voor een afgeleid jaar."),
    new: str = typer.Argument(..., help="Het nieuwe beleid."),
    format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text of json."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
) -> None:
    """Semantisch verschil tussen twee beleidsjaren, met per wijziging een getuige. / Semantic diff.

    Exit 0; 2: onbruikbare invoer."""
    from . import across as across_years
    from .check import diff as semantic

    (before, after), problems = across_years.publications([old, new])
    if problems:
        print_diagnostics(problems, taal.value)
        raise typer.Exit(2)
    changes = semantic.diff(before, after)
    if format is ExplainFormat.json:
        write(uitvoer, semantic.as_json(before, after, changes), taal.value, (old, new))
    else:
        write(uitvoer, semantic.as_text(before, after, changes, taal.value), taal.value, (old, new))


@app.command()
def fmt(
    paths: List[str] = typer.Argument(..., help="Beleidsbestanden of -mappen (*.beleid)."),
    check: bool = typer.Option(False, "--check", help="Verander niets; exit 1 als een bestand anders zou worden."),
    diff: bool = typer.Option(False, "--diff", help="Zoals --check, en toon de verschillen (unified diff)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
) -> None:
    """Zet beleidsbestanden in de vaste opmaak (zoals ruff format). / Format policy files.

    Exit 0: alles in orde; 1: (--check) een bestand zou veranderen; 2: onbruikbare invoer."""
    from . import fmt as formatting

    done = formatting.run(paths, write=not (check or diff), diff=diff)
    typer.echo(formatting.summary(done, check or diff, taal.value), nl=False)
    print_diagnostics(done.diagnostics, taal.value)
    raise typer.Exit(2 if done.diagnostics else 1 if done.changed and (check or diff) else 0)


@app.command()
def uitleg(
    code: Optional[str] = typer.Argument(None, help="Een code uit een melding, bv. B100 of K200."),
    alle: bool = typer.Option(False, "--alle", help="Alle codes (de inhoud van docs/codes.md)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
) -> None:
    """Leg een code uit, met een voorbeeld (zoals rustc --explain). / Explain a code, with an example."""
    from .report import codes as explanations   # only this command needs it
    lang = taal.value
    if alle:
        write(None, explanations.markdown(lang), lang)
        return
    known = explanations.codes()
    if code is None or code.upper() not in known:
        given = code or ""
        guess = closest(given.upper(), known)
        print_diagnostics([diag("C023", Span("uitleg", 1, 1), hint=("H001", {"name": guess}) if guess else None,
                                 value=given)], lang)
        raise typer.Exit(2)
    write(None, explanations.explain(code, lang), lang)


@app.command()
def citaten(
    paths: Optional[List[str]] = typer.Argument(None, help="Beleidsbestanden of -mappen. Standaard: de ingebouwde policies/."),
    bronnen: Path = typer.Option(..., "--bronnen", help="Map met de bronteksten (de 'bron' in de kop van elk beleid)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
) -> None:
    """Staat elk citaat letterlijk in zijn brontekst? / Is every quote verbatim in its source text?

    Exit 0: alle citaten gevonden; 2: een citaat niet gevonden, of onbruikbare invoer."""
    from .check import quotes   # only this command needs it

    lang = taal.value
    loaded = passes.load(paths)
    if not bronnen.is_dir():
        loaded.diagnostics.append(diag("C001", Span(str(bronnen), 1, 1), path=str(bronnen)))
    if loaded.diagnostics:
        print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    problems, found = quotes.verify(loaded.policies, bronnen)
    print_diagnostics(problems, lang)
    if not problems:
        typer.echo(ui("quotes.ok", lang, count=found))
    raise typer.Exit(2 if problems else 0)


@app.command("test")
def test_(
    paths: Optional[List[str]] = typer.Argument(None, help="Voorbeelden (.lp) of mappen; standaard de map examples/."),
    beleid: Optional[List[str]] = typer.Option(None, "--beleid", "-b", help=BELEID_HELP),
    jaar: Optional[int] = typer.Option(None, "--jaar", help="Beleidsjaar (standaard: het laatste per domein)."),
    contractjaar: Optional[int] = typer.Option(None, "--contractjaar", min=1900, max=2100, help="Jaar van het contract."),
    format: ExamplesFormat = typer.Option("text", "--format", "-f", help="text of junit."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    dekking: bool = typer.Option(False, "--dekking", help="Noem elk beslispunt dat geen voorbeeld dekt."),
    min_dekking: float = typer.Option(0.0, "--min-dekking", min=0, max=100, help="Exit 1 als een beleid minder dekt."),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
) -> None:
    """Toets voorbeelden aan hun '% verwacht:'-regels, met dekking per beleid. / Test examples, with coverage.
    Exit 0: alles zoals verwacht; 1: een besluit anders, of dekking onder --min-dekking; 2: onbruikbare invoer."""
    from . import testing
    from .report import examples as shown_examples

    run = testing.run(paths, beleid, jaar, contractjaar, min_dekking)
    write(uitvoer, shown_examples.RENDERERS[format.value](run, taal.value, dekking), taal.value, tuple(paths or ()))
    print_diagnostics(run.diagnostics, taal.value)
    raise typer.Exit(testing.exit_code(run))


app.command("lsp")(editor.lsp)   # the language server (docs/editor.md); pygls only when it runs
