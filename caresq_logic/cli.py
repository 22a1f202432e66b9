"""The `caresq-logic` command line (typer). Each command is thin: it picks how far to run the
stages chained in `passes`, picks a renderer in `report`, and turns diagnostics into exit codes.

Exit codes: 0 all is well; 1 findings of severity error (`check`); 2 unusable input (a policy or
provider file that does not check, an unknown --jaar, an empty folder, an output file that cannot
be written; the rest is still decided and printed); 3 an internal error, which is a bug in
caresq-logic and is reported without a Python traceback.
"""

from __future__ import annotations

import gc
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, atomic, decide, passes
from .diagnostics import Diagnostic, Span, closest, diag, sort_key
from .language.kinds import KINDS, SEVERITIES
from .messages import ui
from .report import as_json, html, readings, records, text   # not check: imported by its commands
from .report.common import policy_set_header

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


def _print_diagnostics(diagnostics: list[Diagnostic], lang: str) -> None:
    for d in sorted(diagnostics, key=sort_key):
        typer.echo(d.render(lang), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"caresq-logic {__version__}")
        raise typer.Exit(0)


@app.callback()
def _options(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Toon de versie en stop. / Show the version and exit."),
) -> None:
    """The options before the command (the help text is the app's)."""


def _write(output: Optional[Path], content: str, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """Print, or write atomically: a report file is either complete or not there at all. A user's
    mistake with -o (a folder, a missing or unwritable folder, the input itself) is exit 2."""
    _write_chunks(output, [content], lang, inputs)


def _write_chunks(output: Optional[Path], chunks, lang: str, inputs: tuple[str, ...] = ()) -> None:
    """`_write` for output produced piece by piece (a market's records): streamed, never held."""
    if output is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return
    try:
        atomic.write_file(output, chunks, inputs)
    except OSError as error:
        _print_diagnostics([diag("C022", Span(str(output), 1, 1), reason=error.strerror or str(error))], lang)
        raise typer.Exit(2) from None


@app.command()
def explain(
    providers: List[str] = typer.Argument(..., help="Aanbiedersbestand(en) (.lp, .csv, .jsonl) of map(pen) daarmee."),
    beleid: Optional[List[str]] = typer.Option(None, "--beleid", "-b", help=BELEID_HELP),
    format: ExplainFormat = typer.Option(ExplainFormat.text, "--format", "-f", help="text, json of html."),
    taal: Taal = typer.Option(Taal.nl, "--taal", help=TAAL_HELP),
    jaar: Optional[int] = typer.Option(None, "--jaar", help="Beleidsjaar (standaard: het laatste per domein)."),
    contractjaar: Optional[int] = typer.Option(None, "--contractjaar", min=1900, max=2100,
                                               help="Jaar van een meerjarige zorgovereenkomst (standaard: het beleidsjaar)."),
    tijdslimiet: float = typer.Option(decide.DEFAULT_TIME_LIMIT, "--tijdslimiet", min=0.001,
                                      help="Seconden die de oplosser per beleid mag gebruiken."),
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
    only = set(aanbieder) if aanbieder else None
    if samenvatting or format in (ExplainFormat.jsonl, ExplainFormat.csv):
        diagnostics, seen = _records(providers, beleid, jaar, tijdslimiet, grondlimiet, uitvoer, format, only,
                                     samenvatting, lang, progress=not stil and sys.stderr.isatty(),
                                     contract_year=contractjaar)
    else:
        explained = passes.explain(providers, beleid, jaar, tijdslimiet, grondlimiet, only, contractjaar, doel)
        reports, diagnostics = explained.reports, explained.diagnostics
        seen = {r.provider for r in reports}
        inputs = tuple(providers)
        if format == ExplainFormat.json:
            _write(uitvoer, as_json.to_json(reports, sorted(diagnostics, key=sort_key), lang, explained.receipt,
                                            explained.policy_set), lang, inputs)
        elif format == ExplainFormat.html:
            _write(uitvoer, html.html(reports, lang, details, explained.receipt, explained.policy_set), lang, inputs)
        elif reports:
            header = policy_set_header(explained.policy_set, lang)
            _write(uitvoer, header + "\n" + text.text(reports, lang, details, citaten), lang, inputs)
    if only is not None:
        for missing in sorted(only - seen):
            diagnostics.append(diag("C012", Span("--aanbieder", 1, 1), provider=missing))
    _print_diagnostics(diagnostics, lang)
    raise typer.Exit(2 if any(d.severity == "error" for d in diagnostics) else 0)


def _records(providers, beleid, jaar, tijdslimiet, grondlimiet, uitvoer, format, only, samenvatting, lang,
             progress: bool, contract_year: int | None = None) -> tuple[list[Diagnostic], set[str]]:
    """A market as records (jsonl, csv) or counts: decided by profile, written as it goes."""

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
        pending: list[str] = []
        for market in markets:   # one file in memory at a time
            policy_set = policy_set or market.policy_set   # the first market names it
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
                        pending.extend(renderer.lines(provider_file.path, provider, name, batch.program.policy,
                                                      (number, batch.profile_of[member]), decisions))
                    if len(pending) >= 1000:   # written a thousand lines at a time
                        yield "".join(pending)
                        pending.clear()
        yield "".join(pending)
        if samenvatting:   # a text for people: it names the policy set, as explain's text does
            yield policy_set_header(policy_set, lang) + "\n" + summary.text(lang)

    try:
        _write_chunks(uitvoer, chunks(), lang, tuple(providers))
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
    _write(uitvoer, "".join(p.text for p in passes.compile_all(loaded.policies)), taal.value, (path,))


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
    loaded.diagnostics += passes.unknown_years(loaded, jaar or [])
    policies = [p for p in loaded.policies if not jaar or p.header.year in jaar]
    policy_set = loaded.policy_set.using(policies) if jaar else loaded.policy_set
    render = RENDERERS.get(format.value)
    if loaded.diagnostics:
        # Nothing is checked on broken input (a finding about a half-loaded set would be a
        # cascade); the diagnostics are reported in the chosen format, so CI annotates them.
        if render is not None and not lezingen:
            _write(uitvoer, render([], lang, policy_set, loaded.diagnostics), lang, tuple(paths or ()))
        _print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    if lezingen:
        _write(uitvoer, readings.RENDERERS[format.value](policies, lang), lang, tuple(paths or ()))
        raise typer.Exit(0)
    findings = checking.check(policies, severities)
    _write(uitvoer, render(findings, lang, policy_set), lang, tuple(paths or ()))
    raise typer.Exit(1 if any(f.counts for f in findings) else 0)


def _publication(given: str, lang: str):
    """A policy file, or `file@2025` / `file@2023-04` for a publication derived from it."""
    path, _, label = given.partition("@")
    loaded = passes.load([path])
    if loaded.diagnostics:
        _print_diagnostics(loaded.diagnostics, lang)
        raise typer.Exit(2)
    wanted = [p for p in loaded.policies if p.path.split("@")[0] == path and p.path.partition("@")[2] == label]
    if not wanted:
        found = ", ".join(p.path for p in loaded.policies)
        _print_diagnostics([diag("C001", Span(given, 1, 1), path=f"{given} (wel: {found})")], lang)
        raise typer.Exit(2)
    return wanted[0]


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
    from .check import diff as semantic

    before, after = _publication(old, taal.value), _publication(new, taal.value)
    changes = semantic.diff(before, after)
    if format is ExplainFormat.json:
        _write(uitvoer, semantic.as_json(before, after, changes), taal.value, (old, new))
    else:
        _write(uitvoer, semantic.as_text(before, after, changes, taal.value), taal.value, (old, new))


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
    _print_diagnostics(done.diagnostics, taal.value)
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
        _write(None, explanations.markdown(lang), lang)
        return
    known = explanations.codes()
    if code is None or code.upper() not in known:
        given = code or ""
        guess = closest(given.upper(), known)
        _print_diagnostics([diag("C023", Span("uitleg", 1, 1), hint=("H001", {"name": guess}) if guess else None,
                                 value=given)], lang)
        raise typer.Exit(2)
    _write(None, explanations.explain(code, lang), lang)


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
    # Output is safe on any console: a character the console cannot show (a cp1252 Windows
    # console and ✔) is escaped, never an UnicodeEncodeError.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
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
