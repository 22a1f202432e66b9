"""The `caresq-logic` command line (typer). Each command is thin: it picks how far to run the
stages chained in `passes`, picks a renderer in `report`, and turns diagnostics into exit codes.

Exit codes: 0 all is well; 1 findings of severity error (`check`); 2 unusable input (a policy or
provider file that does not check; the rest is still decided and printed); 3 an internal error,
which is a bug in caresq-logic and is reported without a Python traceback.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import decide, passes
from .diagnostics import Diagnostic, Span, diag, sort_key
from .language.kinds import KINDS, SEVERITIES
from .messages import ui
from .report import as_json, readings, text

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Inkoopbeleid als code: beleidsregels (DSL) -> ASP (clingo) -> uitgelegde besluiten.\n\n"
    "Policy as code for Caresq purchasing policies: explained contract decisions.",
)


class Taal(str, Enum):
    nl = "nl"
    en = "en"


class ExplainFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    markdown = "markdown"


BELEID_HELP = "Beleidsbestand of -map (herhaalbaar). Standaard: de ingebouwde policies/."
TAAL_HELP = "Taal van de uitvoer: nl (standaard) of en."


def _print_diagnostics(diagnostics: list[Diagnostic], lang: str) -> None:
    for d in sorted(diagnostics, key=sort_key):
        typer.echo(d.format(lang), err=True)


def _write(output: Optional[Path], content: str) -> None:
    """Print, or write atomically: a report file is either complete or not there at all."""
    _write_chunks(output, [content])


def _write_chunks(output: Optional[Path], chunks) -> None:
    """`_write` for output produced piece by piece (a market's records): streamed, never held."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    directory = output.resolve().parent
    fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for chunk in chunks:
                handle.write(chunk)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)   # mkstemp makes 0600; a report is an ordinary file
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@app.command()
def explain(
    providers: List[str] = typer.Argument(..., help="Aanbiedersbestand(en) (.lp, .csv, .jsonl) of map(pen) daarmee."),
    beleid: Optional[List[str]] = typer.Option(None, "--beleid", "-b", help=BELEID_HELP),
    format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text of json."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    jaar: Optional[int] = typer.Option(None, "--jaar", help="Beleidsjaar (standaard: het laatste per domein)."),
    contractjaar: Optional[int] = typer.Option(None, "--contractjaar", min=1900, max=2100,
                                               help="Jaar van een meerjarige zorgovereenkomst (standaard: het beleidsjaar)."),
    tijdslimiet: float = typer.Option(decide.DEFAULT_TIME_LIMIT, "--tijdslimiet", min=0.001,
                                      help="Seconden die de oplosser per beleid mag gebruiken."),
    grondlimiet: int = typer.Option(decide.DEFAULT_GROUND_LIMIT, "--grondlimiet", min=1,
                                    help="Maximaal aantal voorwaardeknopen (aanbieder x zorgsoort x knoop) om te gronden."),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
    aanbieder: Optional[List[str]] = typer.Option(None, "--aanbieder", "-a",
                                                  help="Alleen deze aanbieder(s) uit de bestanden (herhaalbaar)."),
    samenvatting: bool = typer.Option(False, "--samenvatting", help="Alleen de aantallen per domein, zorgsoort en uitkomst."),
    stil: bool = typer.Option(False, "--stil", help="Geen voortgangsbalk (die verschijnt alleen op een terminal)."),
) -> None:
    """Welke zorgovereenkomst krijgt een zorgaanbieder, en waarom? / Which contract, and why?

    --format jsonl en csv: één regel per aanbieder en zorgsoort, gestroomd, voor een hele markt."""
    lang = taal.value
    only = set(aanbieder) if aanbieder else None
    if samenvatting or format in (ExplainFormat.jsonl, ExplainFormat.csv):
        diagnostics, seen = _records(providers, beleid, jaar, tijdslimiet, grondlimiet, uitvoer, format, only,
                                     samenvatting, lang, progress=not stil and sys.stderr.isatty(),
                                     contract_year=contractjaar)
    else:
        explained = passes.explain(providers, beleid, jaar, tijdslimiet, grondlimiet, only, contractjaar)
        reports, diagnostics = explained.reports, explained.diagnostics
        seen = {r.provider for r in reports}
        if format == ExplainFormat.json:
            _write(uitvoer, as_json.to_json(reports, sorted(diagnostics, key=sort_key), lang))
        elif reports:
            _write(uitvoer, text.text(reports, lang))
    if only is not None:
        for missing in sorted(only - seen):
            diagnostics.append(diag("C012", Span("--aanbieder", 1, 1), provider=missing))
    _print_diagnostics(diagnostics, lang)
    raise typer.Exit(2 if any(d.severity == "error" for d in diagnostics) else 0)


def _records(providers, beleid, jaar, tijdslimiet, grondlimiet, uitvoer, format, only, samenvatting, lang,
             progress: bool, contract_year: int | None = None) -> tuple[list[Diagnostic], set[str]]:
    """A market as records (jsonl, csv) or counts: decided by profile, written as it goes."""
    from .report import records   # only this path needs it

    bar = None
    if progress:
        from rich.console import Console   # typer brings rich; a bar only for a person watching
        from rich.progress import Progress
        bar = Progress(transient=True, console=Console(stderr=True))
        bar.start()
        task = bar.add_task("beslissen / deciding", total=None)
    markets = passes.markets_by_file(providers, beleid, jaar, tijdslimiet, grondlimiet,
                                     progress=(lambda k: bar.advance(task, k)) if bar else None,
                                     contract_year=contract_year)
    diagnostics: list[Diagnostic] = []
    summary = records.Summary()
    seen: set[str] = set()
    renderer = records.Csv() if format == ExplainFormat.csv else records.JsonLines()

    def chunks():
        if format == ExplainFormat.csv and not samenvatting:
            yield renderer.header()
        for market in markets:   # one file in memory at a time
            diagnostics.extend(market.diagnostics)
            renderer.cache.clear()
            for provider_file in market.provider_files:
                for provider in provider_file.providers:
                    if only is not None and provider not in only:
                        continue
                    seen.add(provider)
                    summary.providers += 1
                    name = provider_file.names.get(provider)
                    member = (provider_file.path, provider)
                    for number, batch in enumerate(market.batches):
                        decisions = batch.shared_decisions(member)
                        if samenvatting:
                            summary.add(batch.program.policy, decisions)
                            continue
                        yield from renderer.lines(provider_file.path, provider, name, batch.program.policy,
                                                  (number, batch.profile_of[member]), decisions)
        if samenvatting:
            yield summary.text(lang)

    try:
        _write_chunks(uitvoer, chunks())
    finally:
        if bar:
            bar.stop()
    return diagnostics, seen


@app.command("compile")
def compile_(
    path: str = typer.Argument(..., help="Beleidsbestand (.beleid)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
) -> None:
    """Druk het ASP-programma af waarnaar een beleid vertaalt. / Print the compiled ASP program."""
    loaded = passes.load([path])
    if loaded.diagnostics:
        _print_diagnostics(loaded.diagnostics, taal.value)
        raise typer.Exit(2)
    _write(uitvoer, "".join(p.text for p in passes.compile_all(loaded.policies)))


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Beleidsbestanden of -mappen. Standaard: de ingebouwde policies/."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text, json, github of sarif."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    jaar: Optional[List[int]] = typer.Option(None, "--jaar", help="Alleen deze beleidsjaren (herhaalbaar)."),
    ernst: Optional[List[str]] = typer.Option(None, "--ernst", help="Ernst per soort, bv. overlap=error of gat=off."),
    lezingen: bool = typer.Option(False, "--lezingen", help="Toon alle gemarkeerde lezingen (text, json of markdown)."),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
) -> None:
    """Zoek tegenstrijdigheden, overlap, gaten en dode clausules, ook tussen jaren. / Check the policies.

    Exit 0: geen fouten; 1: bevindingen met ernst error; 2: onbruikbare invoer."""
    from . import check as checking   # only this command needs these: explain starts faster
    from .report.check import RENDERERS

    lang = taal.value
    loaded = passes.load(paths)
    wanted = readings.RENDERERS if lezingen else RENDERERS
    if format.value not in wanted:
        loaded.diagnostics.append(diag("C006", Span("--format", 1, 1), value=format.value,
                                       choices=", ".join(wanted)))
    severities: dict[str, str] = {}
    for item in ernst or []:
        kind, _, level = item.partition("=")
        if kind not in KINDS or level not in SEVERITIES:
            loaded.diagnostics.append(diag("C008", Span("--ernst", 1, 1), value=item,
                                           kinds=", ".join(KINDS), levels=", ".join(SEVERITIES)))
        severities[kind] = level
    if loaded.diagnostics:
        _print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    policies = [p for p in loaded.policies if not jaar or p.header.year in jaar]
    if lezingen:
        _write(uitvoer, readings.RENDERERS[format.value](policies, lang))
        raise typer.Exit(0)
    findings = checking.check(policies, severities)
    _write(uitvoer, RENDERERS[format.value](findings, lang))
    raise typer.Exit(1 if any(f.counts for f in findings) else 0)


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
        _print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    problems, found = quotes.verify(loaded.policies, bronnen)
    _print_diagnostics(problems, lang)
    if not problems:
        typer.echo(ui("quotes.ok", lang, count=found))
    raise typer.Exit(2 if problems else 0)


def main() -> None:
    """Console entry point: never lets a Python traceback reach the user."""
    # A short-lived process whose data holds no reference cycles: the cyclic collector only
    # costs time here (a third of a 10,000-practice JSON run).
    gc.disable()
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # a bug in caresq-logic, not in the user's input
        typer.echo(f"caresq-logic: interne fout / internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(3)


if __name__ == "__main__":
    main()
