"""`caresq-logic lsp`, the installed command, over a real stdio connection with pygls's own
client: diagnostics as the author types (a syntax error, a name error), the findings of `check` on
open and save, hover, go to definition
(also to another publication of the policy set), completion and document symbols."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

SERVER = Path(sys.executable).parent / "caresq-logic"   # the console script of the venv running the tests
TIMEOUT = 60   # seconds for one answer: the machine is shared

POLICY = """\
beleid voorbeeld 2026 "Voorbeeldbeleid 2026"
  versie "2026-10" vervangt "2026-04".

zorgsoort fysiotherapie "Fysiotherapie".
kenmerk behandelindex "Landelijke behandelindex" per jaar: getal.
kenmerk prem "PREM via een extern meetbureau": ja/nee.
groep alle_zorg "Alle zorg van dit beleid": fysiotherapie.

randvoorwaarde meet_prem "PREM meten" (§3.1 "De praktijk meet de PREM.") voor alle_zorg:
  prem.
uitsluiting hoge_index "Hoge behandelindex" (§3.2) voor fysiotherapie:
  behandelindex 2024 groter dan 150.
zorgovereenkomst A "Zorgovereenkomst A" (§3.3) voor fysiotherapie: alle randvoorwaarden.
"""

EARLIER = """\
beleid voorbeeld 2026 "Voorbeeldbeleid 2026 (eerste publicatie)"
  versie "2026-04".

zorgsoort fysiotherapie "Fysiotherapie".
"""


def at(text: str, needle: str, occurrence: int = 0, offset: int = 1) -> lsp.Position:
    """The LSP position `offset` characters into the `occurrence`-th `needle` of `text`."""
    index = -1
    for _ in range(occurrence + 1):
        index = text.index(needle, index + 1)
    index += offset
    line = text.count("\n", 0, index)
    return lsp.Position(line=line, character=index - (text.rfind("\n", 0, index) + 1))


class Session:
    """One server process and the client that talks to it; the diagnostics it publishes queue up."""

    def __init__(self):
        self.client = LanguageClient("caresq-logic-test", "1")
        self.published: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

    async def start(self, root: Path, *options: str) -> None:
        await self.client.start_io(str(SERVER), "lsp", *options)
        await asyncio.wait_for(self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(), root_uri=from_fs_path(str(root)))), TIMEOUT)
        self.client.initialized(lsp.InitializedParams())

    async def diagnostics(self, uri: str, version: int) -> list[lsp.Diagnostic]:
        while True:
            published = await asyncio.wait_for(self.published.get(), TIMEOUT)
            if published.uri == uri and published.version == version:
                return list(published.diagnostics)

    async def stop(self) -> None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await asyncio.wait_for(self.client.stop(), TIMEOUT)


def run(scenario) -> None:
    asyncio.run(asyncio.wait_for(scenario(), 4 * TIMEOUT))


def _open(session: Session, uri: str, text: str) -> None:
    session.client.text_document_did_open(lsp.DidOpenTextDocumentParams(lsp.TextDocumentItem(uri, "beleid", 1, text)))


def _change(session: Session, uri: str, version: int, text: str) -> None:
    session.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        lsp.VersionedTextDocumentIdentifier(version, uri),
        [lsp.TextDocumentContentChangeWholeDocument(text)]))


def test_diagnostics_as_you_type(tmp_path):
    path = tmp_path / "voorbeeld.beleid"
    path.write_text(POLICY, encoding="utf-8")
    uri = from_fs_path(str(path))

    async def scenario():
        session = Session()
        await session.start(tmp_path)
        try:
            _open(session, uri, POLICY)
            assert await session.diagnostics(uri, 1) == []

            # a forgotten full stop: the syntax error where the next clause starts
            broken = POLICY.replace("  prem.\n", "  prem\n")
            _change(session, uri, 2, broken)
            (syntax,) = await session.diagnostics(uri, 2)
            assert syntax.code == "B100" and syntax.severity == lsp.DiagnosticSeverity.Error
            assert syntax.source == "caresq-logic"
            assert syntax.range.start == at(broken, "uitsluiting hoge_index", offset=0)
            assert "hulp:" in syntax.message

            # a misspelt kenmerk: resolve's error at the reference, with its hint
            misspelt = POLICY.replace("  prem.\n", "  prm.\n")
            _change(session, uri, 3, misspelt)
            (name,) = await session.diagnostics(uri, 3)
            assert name.code == "B200" and "prm" in name.message and "bedoelde u 'prem'?" in name.message
            assert (name.range.start, name.range.end) == (at(misspelt, "prm.", offset=0), at(misspelt, "prm.", offset=3))

            # a duplicate declaration points at the first one
            twice = POLICY + 'kenmerk prem: ja/nee.\n'
            _change(session, uri, 4, twice)
            (duplicate,) = await session.diagnostics(uri, 4)
            assert duplicate.code == "B202"
            (first,) = duplicate.related_information
            assert first.location.uri == uri and first.location.range.start.line == at(twice, "kenmerk prem").line

            _change(session, uri, 5, POLICY)
            assert await session.diagnostics(uri, 5) == []
        finally:
            await session.stop()

    run(scenario)


def test_diagnostics_in_english(tmp_path):
    path = tmp_path / "voorbeeld.beleid"
    misspelt = POLICY.replace("  prem.\n", "  prm.\n")
    path.write_text(misspelt, encoding="utf-8")
    uri = from_fs_path(str(path))

    async def scenario():
        session = Session()
        await session.start(tmp_path, "--taal", "en")
        try:
            _open(session, uri, misspelt)
            (name,) = await session.diagnostics(uri, 1)
            assert name.message == "undeclared kenmerk 'prm'\nhelp: did you mean 'prem'?"
        finally:
            await session.stop()

    run(scenario)


def test_the_findings_of_check_on_open_and_save(tmp_path):
    """`check`'s own findings (clingo) come when a document is opened and again when it is saved:
    here two clauses that never change a decision (K400, a warning), each at its clause."""
    redundant = POLICY + 'uitsluiting zonder_prem "Zonder PREM" (§3.4) voor fysiotherapie: niet prem.\n'
    path = tmp_path / "voorbeeld.beleid"
    path.write_text(redundant, encoding="utf-8")
    uri = from_fs_path(str(path))

    async def scenario():
        session = Session()
        await session.start(tmp_path)
        try:
            _open(session, uri, redundant)
            shown = await session.diagnostics(uri, 1)
            while not shown:   # first the parse and resolve, then check
                shown = await session.diagnostics(uri, 1)
            assert [(d.code, d.severity, d.source) for d in shown] == [
                ("K400", lsp.DiagnosticSeverity.Warning, "caresq-logic check")] * 2
            assert [d.range.start for d in shown] == [at(redundant, "randvoorwaarde meet_prem", offset=0),
                                                      at(redundant, "uitsluiting zonder_prem", offset=0)]
            assert "zonder_prem" in shown[1].message and shown[1].related_information[0].message == "zonder_prem (§3.4)"

            # the author removes the clause and saves: check runs again and finds nothing
            path.write_text(POLICY, encoding="utf-8")
            _change(session, uri, 2, POLICY)
            assert len(await session.diagnostics(uri, 2)) == 2   # the last check's, until the next one
            session.client.text_document_did_save(lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(uri)))
            assert await session.diagnostics(uri, 2) == []
        finally:
            await session.stop()

    run(scenario)


def test_hover_definition_completion_and_symbols(tmp_path):
    folder = tmp_path / "policies" / "voorbeeld"
    folder.mkdir(parents=True)
    path, earlier = folder / "2026.beleid", folder / "2026-04.beleid"
    path.write_text(POLICY, encoding="utf-8")
    earlier.write_text(EARLIER, encoding="utf-8")
    uri = from_fs_path(str(path))

    async def scenario():
        session = Session()
        await session.start(tmp_path)
        client = session.client
        document = lsp.TextDocumentIdentifier(uri)
        try:
            _open(session, uri, POLICY)
            assert await session.diagnostics(uri, 1) == []

            # hover: a kenmerk's title and type; a clause's § and quote
            hover = await client.text_document_hover_async(lsp.HoverParams(document, at(POLICY, "behandelindex 2024")))
            assert 'kenmerk behandelindex "Landelijke behandelindex" per jaar: getal.' in hover.contents.value
            hover = await client.text_document_hover_async(lsp.HoverParams(document, at(POLICY, "meet_prem")))
            assert "randvoorwaarde meet_prem \"PREM meten\"" in hover.contents.value
            assert "**§3.1**: \u201cDe praktijk meet de PREM.\u201d" in hover.contents.value
            hover = await client.text_document_hover_async(lsp.HoverParams(document, at(POLICY, "fysiotherapie:", 1)))
            assert 'zorgsoort fysiotherapie "Fysiotherapie".' in hover.contents.value
            hover = await client.text_document_hover_async(lsp.HoverParams(document, at(POLICY, "§3.2")))
            assert hover.contents.value.startswith('```\nuitsluiting hoge_index "Hoge behandelindex"\n```')
            assert await client.text_document_hover_async(lsp.HoverParams(document, at(POLICY, "groter dan"))) is None

            # definition: kenmerk, groep and zorgsoort references to their declaration
            async def definition(position: lsp.Position) -> lsp.Location:
                return await client.text_document_definition_async(lsp.DefinitionParams(document, position))

            found = await definition(at(POLICY, "prem.", offset=2))
            assert found.uri == uri and found.range.start == at(POLICY, "prem \"PREM via", offset=0)
            assert found.range.end == at(POLICY, "prem \"PREM via", offset=4)
            found = await definition(at(POLICY, "alle_zorg:"))
            assert found.range.start == at(POLICY, "alle_zorg \"Alle", offset=0)
            found = await definition(at(POLICY, "fysiotherapie:", 0))
            assert found.range.start == at(POLICY, "fysiotherapie \"Fysio", offset=0)
            # `vervangt "2026-04"`: the other publication of the policy set, in its own file
            found = await definition(at(POLICY, '"2026-04"', offset=3))
            assert Path(found.uri.removeprefix("file://")).name == "2026-04.beleid"
            assert found.range.start == lsp.Position(line=0, character=len("beleid "))

            # completion: every kenmerk, zorgsoort and groep, the kenmerken with their type
            completion = await client.text_document_completion_async(lsp.CompletionParams(document, at(POLICY, "prem.")))
            items = {item.label: item for item in completion.items}
            assert set(items) == {"behandelindex", "prem", "fysiotherapie", "alle_zorg"}
            assert items["prem"].kind == lsp.CompletionItemKind.Field and items["prem"].detail == "kenmerk: ja/nee"
            assert items["fysiotherapie"].kind == lsp.CompletionItemKind.Class

            # symbols: the header, every declaration and clause, in source order
            symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(document))
            assert [(s.name, s.kind) for s in symbols] == [
                ("voorbeeld 2026", lsp.SymbolKind.File), ("fysiotherapie", lsp.SymbolKind.Class),
                ("behandelindex", lsp.SymbolKind.Field), ("prem", lsp.SymbolKind.Field),
                ("alle_zorg", lsp.SymbolKind.Enum), ("meet_prem", lsp.SymbolKind.Function),
                ("hoge_index", lsp.SymbolKind.Function), ("A (fysiotherapie)", lsp.SymbolKind.Struct)]
            clause = symbols[5]
            assert clause.detail == "randvoorwaarde PREM meten"
            assert clause.selection_range.start == at(POLICY, "meet_prem", offset=0)
            assert clause.range.end == at(POLICY, "  prem.\n", offset=7)

            # while the text does not parse, the questions are answered from its last good version
            broken = POLICY.replace("  prem.\n", "  prem\n")
            _change(session, uri, 2, broken)
            assert [d.code for d in await session.diagnostics(uri, 2)] == ["B100"]
            hover = await client.text_document_hover_async(lsp.HoverParams(document, at(broken, "prem\n")))
            assert "kenmerk prem" in hover.contents.value
        finally:
            await session.stop()

    run(scenario)


def test_a_missing_pygls_is_a_clear_error(tmp_path):
    """Without the extra `lsp` the command says what to install (C050), never a traceback."""
    blocker = tmp_path / "pygls.py"
    blocker.write_text("raise ModuleNotFoundError('No module named pygls', name='pygls')\n", encoding="utf-8")
    done = subprocess.run([str(SERVER), "lsp"], capture_output=True, text=True, timeout=TIMEOUT,
                          env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert "C050" in done.stderr and "caresq-logic[lsp]" in done.stderr and "Traceback" not in done.stderr


def test_a_document_over_checks_size_limit_is_refused_as_check_refuses_it():
    from caresq_logic import passes
    from caresq_logic.editor import analysis

    assert analysis.MAX_POLICY_BYTES == passes.MAX_POLICY_BYTES
    refused = analysis.analyse(POLICY + "#" * passes.MAX_POLICY_BYTES, "groot.beleid")
    assert [d.code for d in refused.diagnostics] == ["C004"] and refused.index is None
    assert analysis.analyse(POLICY, "klein.beleid").diagnostics == []


def test_names_in_every_position_of_a_shipped_policy_lead_to_their_declaration():
    """The positions the stdio test does not reach: a clause id after `telt ook als` and in
    `onderdruk`, a kenmerk with its year, a zorgsoort of `onderdeel van`."""
    from caresq_logic.editor import analysis
    from caresq_logic.resources import default_policies

    path = default_policies() / "paramedische_zorg" / "2026.beleid"
    text = path.read_text(encoding="utf-8")
    index = analysis.analyse(text, str(path)).index
    lines = text.split("\n")

    def declared(pattern: str, word: str):
        number = next(i for i, line in enumerate(lines, 1) if re.search(pattern, line))
        item = index.declaration_at(text, number, lines[number - 1].index(word, re.search(pattern, lines[number - 1]).start()) + 2)
        return type(item).__name__, getattr(item, "name", None) or item.id

    assert declared(r"telt ook als kngf_basisregister", "kngf_basisregister") == ("Clause", "kngf_basisregister")
    assert declared(r"onderdruk \w+ hoge_behandelindex", "hoge_behandelindex") == ("Clause", "hoge_behandelindex")
    assert declared(r"^\s*behandelindex 2024", "behandelindex") == ("Feature", "behandelindex")
    assert declared(r"onderdeel van fysiotherapie", "fysiotherapie") == ("CareType", "fysiotherapie")


def test_the_hover_of_a_kenmerk_writes_its_type_as_the_policy_does():
    from caresq_logic.editor import analysis

    text = POLICY.replace('kenmerk prem "PREM via een extern meetbureau": ja/nee.',
                          'kenmerk prem "PREM via een extern meetbureau": ja/nee standaard nee onveranderlijk.')
    index = analysis.analyse(text, "voorbeeld.beleid").index
    assert index.hover(index.features["prem"]) == \
        '```\nkenmerk prem "PREM via een extern meetbureau": ja/nee standaard nee onveranderlijk.\n```'
    assert analysis.analyse(text, "voorbeeld.beleid").diagnostics == []
