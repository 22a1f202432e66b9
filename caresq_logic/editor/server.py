"""The language server of the policy language, on pygls: `caresq-logic lsp` (stdio).

Takes: LSP requests from an editor. Gives: diagnostics as the author types (didOpen/didChange,
`check`'s own parse and resolve, via `analysis`); the findings of `check` itself on open and
save (`findings`: clingo, a second or two, so off the typing path); hover (a kenmerk's title
and type, a clause's § and quote); go to definition (kenmerk, zorgsoort, groep, clause ids;
another publication of the policy set named by `vervangt`, `gereconstrueerd uit` or `ten
opzichte van versie`); completion of kenmerk, zorgsoort and groep names; document symbols.
While a document does not parse, the questions are answered from its last version that did."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from .. import __version__
from ..check.findings import Finding
from ..diagnostics import Diagnostic
from ..language.nodes import Tier
from ..messages import ui
from .analysis import Document, Index, Place, analyse, find_publication, place
from .findings import findings

SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "note": lsp.DiagnosticSeverity.Information}
SYMBOL_KIND = {"beleid": lsp.SymbolKind.File, "kenmerk": lsp.SymbolKind.Field, "zorgsoort": lsp.SymbolKind.Class,
               "groep": lsp.SymbolKind.Enum, "zorgovereenkomst": lsp.SymbolKind.Struct,
               "looptijd": lsp.SymbolKind.Event, "ingangsdatum": lsp.SymbolKind.Event,
               "wijziging": lsp.SymbolKind.Object, "onderdruk": lsp.SymbolKind.Key}
COMPLETION_KIND = {"kenmerk": lsp.CompletionItemKind.Field, "zorgsoort": lsp.CompletionItemKind.Class,
                   "groep": lsp.CompletionItemKind.Enum}


class PolicyServer(LanguageServer):
    """pygls's server plus what it knows of every open document: the latest analysis, the index
    of the latest version that parsed (to answer questions while the author types), and the
    findings of `check` on the version last opened or saved."""

    def __init__(self, lang: str):
        super().__init__("caresq-logic", __version__)
        self.lang = lang
        self.documents: dict[str, Document] = {}
        self.last_index: dict[str, Index] = {}
        self.check_results: dict[str, list[lsp.Diagnostic]] = {}
        self.checker = ThreadPoolExecutor(max_workers=1)   # one clingo check at a time, off the typing path

    def refresh(self, uri: str) -> None:
        document = self.workspace.get_text_document(uri)
        analysed = analyse(document.source, document.path or uri)
        self.documents[uri] = analysed
        if analysed.index is not None:
            self.last_index[uri] = analysed.index
        self.publish(uri)

    def publish(self, uri: str) -> None:
        """The document's diagnostics; while it resolves, also the findings of its last check
        (kept while the author types, as a compiler's are, and renewed on save)."""
        document, analysed = self.workspace.get_text_document(uri), self.documents[uri]
        shown = [_diagnostic(d, document, uri, self.lang) for d in analysed.diagnostics]
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(
            uri=uri, version=document.version, diagnostics=shown or self.check_results.get(uri, [])))

    async def run_check(self, uri: str) -> None:
        """Run `check` on the document as it is now and show its findings, unless it changed meanwhile."""
        document = self.workspace.get_text_document(uri)
        text, path = document.source, document.path or uri
        found = await asyncio.get_running_loop().run_in_executor(self.checker, findings, text, path)
        if uri not in self.documents or self.workspace.get_text_document(uri).source != text:
            return
        self.check_results[uri] = [_finding(f, document, uri, self.lang) for f in sorted(found, key=Finding.sort_key)]
        self.publish(uri)

    def index(self, uri: str) -> Index | None:
        return self.last_index.get(uri)


def _range(document: TextDocument, where: Place) -> lsp.Range:
    """1-based characters -> LSP's 0-based positions in the client's units (UTF-16 by default)."""
    return document.range_to_client_units(ServerTextRange(ServerTextPosition(where.line - 1, where.col - 1),
                                                          ServerTextPosition(where.end_line - 1, where.end_col - 1)))


def _indexed(uri: str, index: Index) -> TextDocument:
    """The version of a document `index` was read from: its places convert against that text."""
    return TextDocument(uri, "\n".join(index.lines))


def _position(document: TextDocument, position: lsp.Position) -> tuple[int, int]:
    server = document.position_from_client_units(position)
    return server.line + 1, server.character + 1


def _diagnostic(d: Diagnostic, document: TextDocument, uri: str, lang: str) -> lsp.Diagnostic:
    lines = document.source.split("\n")
    hint = d.hint(lang)
    return lsp.Diagnostic(
        range=_range(document, place(d.span, lines)),
        message=d.message(lang) + (f"\n{ui('help', lang)}: {hint}" if hint else ""),
        severity=SEVERITY.get(d.severity, lsp.DiagnosticSeverity.Error),
        code=d.code,
        source="caresq-logic",
        related_information=[lsp.DiagnosticRelatedInformation(lsp.Location(uri, _range(document, place(span, lines))),
                                                              ui(label, lang))
                             for span, label in d.related] or None,
    )


def _finding(finding: Finding, document: TextDocument, uri: str, lang: str) -> lsp.Diagnostic:
    lines = document.source.split("\n")
    return lsp.Diagnostic(
        range=_range(document, place(finding.span, lines)),
        message=finding.message(lang),
        severity=SEVERITY.get(finding.severity, lsp.DiagnosticSeverity.Warning),
        code=finding.code,
        source="caresq-logic check",
        related_information=[lsp.DiagnosticRelatedInformation(lsp.Location(uri, _range(document, place(i.span, lines))),
                                                              f"{i.id} ({i.section})")
                             for i in finding.involved if i.span.file == finding.span.file] or None,
    )


def build(lang: str = "nl") -> PolicyServer:
    server = PolicyServer(lang)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: PolicyServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)
        await ls.run_check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: PolicyServer, params: lsp.DidSaveTextDocumentParams) -> None:
        await ls.run_check(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: PolicyServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.refresh(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: PolicyServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.documents.pop(uri, None)
        ls.last_index.pop(uri, None)
        ls.check_results.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: PolicyServer, params: lsp.HoverParams) -> lsp.Hover | None:
        document, index = ls.workspace.get_text_document(params.text_document.uri), ls.index(params.text_document.uri)
        if index is None:
            return None
        line, col = _position(document, params.position)
        item = index.declaration_at(document.source, line, col)
        if item is None:
            return None
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, index.hover(item)))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: PolicyServer, params: lsp.DefinitionParams) -> lsp.Location | None:
        uri = params.text_document.uri
        document, index = ls.workspace.get_text_document(uri), ls.index(uri)
        if index is None:
            return None
        line, col = _position(document, params.position)
        wanted = index.publication_at(document.source, line, col)   # first: a domain may share a zorgsoort's name
        if wanted is not None:
            found = find_publication(Path(document.path), wanted) if document.path else None
            if found is None:
                return None
            path, other = found
            other_uri = from_fs_path(str(path))
            header = other.tree.header
            return lsp.Location(other_uri, _range(_indexed(other_uri, other), other.name_place(header.span, header.domain)))
        item = index.declaration_at(document.source, line, col)
        if item is None or isinstance(item, Tier):   # a tier is declared where it stands
            return None
        name = getattr(item, "name", None) or item.id
        return lsp.Location(uri, _range(_indexed(uri, index), index.name_place(item.span, name)))

    @server.feature(lsp.TEXT_DOCUMENT_COMPLETION)
    def completion(ls: PolicyServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        index = ls.index(params.text_document.uri)
        items = [lsp.CompletionItem(label=c.name, kind=COMPLETION_KIND[c.keyword], detail=f"{c.keyword}: {c.detail}",
                                    documentation=c.title)
                 for c in (index.completions() if index else [])]
        return lsp.CompletionList(is_incomplete=False, items=items)

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: PolicyServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        uri = params.text_document.uri
        index = ls.index(uri)
        if index is None:
            return []
        document = _indexed(uri, index)
        return [lsp.DocumentSymbol(name=s.name, detail=" ".join(filter(None, (s.keyword, s.title))),
                                   kind=SYMBOL_KIND.get(s.keyword, lsp.SymbolKind.Function),
                                   range=_range(document, s.place), selection_range=_range(document, s.name_place))
                for s in index.symbols()]

    return server


def serve(lang: str = "nl") -> None:
    """Run the server on stdin/stdout until the editor says exit."""
    build(lang).start_io()
