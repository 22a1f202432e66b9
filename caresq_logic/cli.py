"""The `caresq-logic` command line (typer). Each command is thin: it picks how far to run the
stages chained in `passes`, picks a renderer in `report`, and turns diagnostics into exit codes.

Exit codes: 0 all is well; 1 findings of severity error (`check`); 2 unusable input (a policy or
provider file that does not check, an unknown --jaar, an empty folder, an output file that cannot
be written; the rest is still decided and printed); 3 an internal error, which is a bug in
caresq-logic and is reported without a Python traceback.
"""

from __future__ import annotations

import gc
from collections import Counter
import itertools
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import across as across_years, decide, interrupt, passes
from .cli_common import (BELEID_HELP, TAAL_HELP, TIJDSLIMIET_HELP, CheckFormat, ExplainFormat, Taal, app,
                         print_diagnostics, read_from, write, write_chunks)
from .diagnostics import Diagnostic, Failed, Span, diag
from .language.kinds import KINDS, SEVERITIES
from .messages import ui
from .report import text   # the others where their format is asked for: explain starts without them
from .report.common import policy_set_header
from . import cli_tools  # noqa: F401  registers diff, fmt, uitleg, citaten, test and lsp


@app.command()
def explain(
    providers: List[str] = typer.Argument(..., help="Aanbiedersbestand(en) (.lp, .csv, .jsonl) of map(pen) daarmee."),
    beleid: Optional[List[str]] = typer.Option(None, "--beleid", "-b", help=BELEID_HELP),
    format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text, json, html, jsonl (één regel per aanbieder en zorgsoort) of csv (samenvatting per regel)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    jaar: Optional[List[int]] = typer.Option(None, "--jaar", help="Beleidsjaar (standaard: het laatste per domein); "
                                             "herhaald: de jaren naast elkaar, met wat er veranderde."),
    jaren: Optional[str] = typer.Option(None, "--jaren", help="Beleidsjaren van-tot naast elkaar, bv. 2024-2026."),
    contractjaar: Optional[int] = typer.Option(None, "--contractjaar", min=1900, max=2100,
                                               help="Jaar van een meerjarige zorgovereenkomst (standaard: het beleidsjaar)."),
    tijdslimiet: float = typer.Option(decide.DEFAULT_TIME_LIMIT, "--tijdslimiet", min=0.001,
                                      help=TIJDSLIMIET_HELP),
    grondlimiet: int = typer.Option(decide.DEFAULT_GROUND_LIMIT, "--grondlimiet", min=1,
                                    help="Maximaal aantal voorwaardeknopen (aanbieder x zorgsoort x knoop) om te gronden."),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
    doel: Optional[str] = typer.Option(None, "--doel", help="Doel (zorgovereenkomst A, B, ..., een uitkomst of een "
                                       "zorgsoort): wat staat in de weg, en wat moet veranderen?"),
    details: bool = typer.Option(False, "--details", help="Toon ook de ids en de beleidstekst van elke voorwaarde."),
    citaten: bool = typer.Option(False, "--citaten", help="Toon bij elke clausule de geciteerde zin uit de bron."),
    aanbieder: Optional[List[str]] = typer.Option(None, "--aanbieder", "-a",
                                                  help="Alleen deze aanbieder(s) uit de bestanden (herhaalbaar)."),
    samenvatting: bool = typer.Option(False, "--samenvatting", help="Alleen de aantallen per domein, zorgsoort en uitkomst."),
    stil: bool = typer.Option(False, "--stil", help="Geen voortgangsbalk (die verschijnt alleen op een terminal)."),
) -> None:
    """Welke zorgovereenkomst krijgt een zorgaanbieder, en waarom? / Which contract, and why?

    --format jsonl en csv: één regel per aanbieder en zorgsoort, gestroomd, voor een hele markt."""
    lang = taal.value
    decide.bounded.start(tijdslimiet)
    only = set(aanbieder) if aanbieder else None
    years, diagnostics = across_years.years_asked(jaar, jaren)
    year = years[0] if years else None
    if len(years) > 1 or diagnostics:   # several policy years side by side
        diagnostics, seen = across_years.side_by_side(
            providers, beleid, years, diagnostics, tijdslimiet, grondlimiet, only, contractjaar, format.value, lang,
            details, doel, samenvatting, write=lambda output: write(uitvoer, output, lang, read_from(providers, beleid)))
    elif samenvatting or format in (ExplainFormat.jsonl, ExplainFormat.csv):
        diagnostics, seen = _records(providers, beleid, year, tijdslimiet, grondlimiet, uitvoer, format, only,
                                     samenvatting, lang, progress=not stil and sys.stderr.isatty(),
                                     contract_year=contractjaar)
    else:
        # Each provider's report is built, written and let go: a market's is never held whole.
        explained = passes.explain(providers, beleid, year, tijdslimiet, grondlimiet, only, contractjaar, doel,
                                   streamed=True, outlined=True)
        diagnostics, seen = explained.diagnostics, set()
        reports = (seen.add(r.provider) or r for r in explained.reports)
        inputs = read_from(providers, beleid)
        if format == ExplainFormat.json:   # its diagnostics last: complete once every report is built
            from .report import as_json
            write_chunks(uitvoer, as_json.chunks(reports, diagnostics, lang, explained.receipt,
                                                  explained.policy_set), lang, inputs)
        elif format == ExplainFormat.html:
            from .report import html
            write_chunks(uitvoer, html.chunks(reports, lang, details, explained.receipt, explained.policy_set),
                         lang, inputs)
        elif (first := next(reports, None)) is not None:   # text: nothing at all without a provider
            header = policy_set_header(explained.policy_set, lang)
            write_chunks(uitvoer, itertools.chain([header + "\n"], text.chunks(itertools.chain([first], reports), lang,
                                                                              details, citaten)), lang, inputs)
    if only is not None:
        for missing in sorted(only - seen):
            diagnostics.append(diag("C012", Span("--aanbieder", 1, 1), provider=missing))
    print_diagnostics(diagnostics, lang)
    raise typer.Exit(2 if any(d.severity == "error" for d in diagnostics) else 0)


def _records(providers, beleid, jaar, tijdslimiet, grondlimiet, uitvoer, format, only, samenvatting, lang,
             progress: bool, contract_year: int | None = None) -> tuple[list[Diagnostic], set[str]]:
    """A market as records (jsonl, csv) or counts: decided by profile, written as it goes."""
    from .report import records

    bar = None
    if progress:
        from rich.console import Console   # typer brings rich; a bar only for a person watching
        from rich.progress import Progress
        bar = Progress(transient=True, console=Console(stderr=True))
        bar.start()
        task = bar.add_task(ui("deciding", lang), total=None)
    markets = passes.markets_by_file(providers, beleid, jaar, tijdslimiet, grondlimiet,
                                     progress=(lambda k: bar.advance(task, k)) if bar else None,
                                     contract_year=contract_year)
    diagnostics: list[Diagnostic] = []
    summary = records.Summary()
    seen: set[str] = set()
    policy_set = None
    renderer = records.Csv() if format == ExplainFormat.csv else records.JsonLines()

    def chunks():
        if format == ExplainFormat.csv and not samenvatting:
            yield renderer.header()
        nonlocal policy_set
        for market in markets:   # one file in memory at a time
            policy_set = policy_set or market.policy_set   # the first market names it
            diagnostics.extend(market.diagnostics)
            renderer.cache.clear()
            for provider_file in market.provider_files:
                ids = [p for p in provider_file.providers if only is None or p in only]
                seen.update(ids)
                summary.providers += len(ids)
                parts = [(number, batch.program.policy, batch.profiles(provider_file.path, ids), batch.shared)
                         for number, batch in enumerate(market.batches)]
                if samenvatting:
                    for _, policy, profiles, shared in parts:
                        for profile, times in Counter(profiles).items():
                            summary.add(policy, shared[profile], times)
                    continue
                names = [provider_file.names.get(p) for p in ids]
                rows = renderer.rows(provider_file.path, ids, names, parts)
                while chunk := list(itertools.islice(rows, 1000)):   # written a thousand providers at a time
                    yield "".join(chunk)
        if samenvatting:   # a text for people: it names the policy set, as explain's text does
            yield policy_set_header(policy_set, lang) + "\n" + summary.text(lang)

    try:
        write_chunks(uitvoer, chunks(), lang, read_from(providers, beleid))
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
        print_diagnostics(loaded.diagnostics, taal.value)
        raise typer.Exit(2)
    write(uitvoer, "".join(p.text for p in passes.compile_all(loaded.policies)), taal.value, (path,))


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Beleidsbestanden of -mappen. Standaard: de dichtstbijzijnde "
                                                "map policies/ vanaf de werkmap omhoog, anders het ingebouwde beleid."),
    format: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="text, json, github, sarif, junit (of markdown met --lezingen)."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    jaar: Optional[List[int]] = typer.Option(None, "--jaar", help="Alleen deze beleidsjaren (herhaalbaar)."),
    ernst: Optional[List[str]] = typer.Option(None, "--ernst", help="Ernst per soort, bv. overlap=error of gat=off."),
    lezingen: bool = typer.Option(False, "--lezingen", help="Toon alle gemarkeerde lezingen (text, json of markdown)."),
    uitvoer: Optional[Path] = typer.Option(None, "--uitvoer", "-o", help="Schrijf naar dit bestand (atomair)."),
    tijdslimiet: float = typer.Option(decide.DEFAULT_TIME_LIMIT, "--tijdslimiet", min=0.001, help=TIJDSLIMIET_HELP),
) -> None:
    """Zoek tegenstrijdigheden, overlap, gaten en dode clausules, ook tussen jaren. / Check the policies.

    Exit 0: geen fouten; 1: bevindingen met ernst error; 2: onbruikbare invoer."""
    from . import check as checking   # only this command needs these: explain starts faster
    from .report import readings
    from .report.check import RENDERERS

    lang = taal.value
    decide.bounded.start(tijdslimiet)
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
    loaded.diagnostics += passes.unknown_years(loaded, jaar or [])
    policies = [p for p in loaded.policies if not jaar or p.header.year in jaar]
    policy_set = loaded.policy_set.using(policies) if jaar else loaded.policy_set
    render = RENDERERS.get(format.value)
    if loaded.diagnostics:
        # Nothing is checked on broken input (a finding about a half-loaded set would be a
        # cascade); the diagnostics are reported in the chosen format, so CI annotates them.
        if render is not None and not lezingen:
            write(uitvoer, render([], lang, policy_set, loaded.diagnostics), lang, read_from([], paths))
        print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    if lezingen:
        write(uitvoer, readings.RENDERERS[format.value](policies, lang), lang, read_from([], paths))
        raise typer.Exit(0)
    try:
        findings = checking.check(policies, severities)
    except Failed as failed:   # past --tijdslimiet: no findings of a half-done check
        print_diagnostics(failed.diagnostics, lang)
        raise typer.Exit(2) from None
    write(uitvoer, render(findings, lang, policy_set), lang, read_from([], paths))
    raise typer.Exit(1 if any(f.counts for f in findings) else 0)


def _reader_gone() -> int:
    """stdout's reader stopped reading (`explain ... | head -1`): a normal end for a command-line
    tool, so exit 0 without a word, as ripgrep does. (git dies of SIGPIPE, 141, which under `set -o
    pipefail` fails every script that keeps only the head of a report.) What is still buffered goes
    to /dev/null, so the interpreter's last flush raises nothing either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 0


def main() -> None:
    """Console entry point: never lets a Python traceback reach the user."""
    # A short-lived process whose data holds no reference cycles: the cyclic collector only
    # costs time here (a third of a 10,000-practice JSON run).
    gc.disable()
    # Output is safe on any console: a character the console cannot show (a cp1252 Windows
    # console and ✔) is escaped, never an UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    interrupt.install()
    try:
        app()
    except SystemExit as done:   # typer turns a closed pipe into a silent exit 1: its context says so
        decide.bounded.leave(_reader_gone() if isinstance(done.__context__, BrokenPipeError) else done.code)
    except BrokenPipeError:
        decide.bounded.leave(_reader_gone())
    except interrupt.Interrupted:   # Ctrl-C: one line, no traceback, the shell's code for SIGINT
        typer.echo(diag("S010", Span("Ctrl-C", 1, 1)).format(interrupt.language()), err=True)
        decide.bounded.leave(130)
    except Exception as error:  # a bug in caresq-logic, not in the user's input
        typer.echo(f"caresq-logic: interne fout / internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(3)
    finally:   # the interpreter's collections at exit then pass over what the command kept (policies, imports)
        gc.freeze()


if __name__ == "__main__":
    main()
