"""One policy document as an editor sees it: its diagnostics, and answers about a position.

Takes: the text of a `.beleid` document (as typed, saved or not) and the path it is shown under.
Returns: a `Document` with the diagnostics of `check`'s own path (parse, resolve, the years its
change list derives) and, when it parses, an `Index` of its declarations and references that
answers hover, go to definition, completion and document symbols. Positions here are 1-based
lines and columns counted in characters, like every `Span`; the server converts them to LSP's.
Nothing here knows LSP or pygls."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Failed, Span, diag
from ..language import derive, nodes as n, parser, resolve
from ..language.conditions import refs
from ..resources import MAX_POLICY_BYTES, find_policies
from ..language.texts import written

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_TYPE_WORDS = {"bool": "ja/nee", "int": "getal", "count": "aantal", "percentage": "percentage", "date": "datum",
               "choice": "keuze uit", "multi": "meerkeuze uit"}
Rule = n.Clause | n.Term | n.Milestone | n.StartRule | n.Change
Declared = n.Feature | n.CareType | n.Group | n.Clause | n.Tier | n.Term | n.Milestone | n.StartRule | n.Change


@dataclass(frozen=True)
class Place:
    """A range of a document: 1-based start, end exclusive (as a `Span` with its end)."""

    line: int
    col: int
    end_line: int
    end_col: int

    def holds(self, line: int, col: int) -> bool:
        return (self.line, self.col) <= (line, col) <= (self.end_line, self.end_col)


@dataclass(frozen=True)
class Symbol:
    """An item of the outline: its name, the keyword that declares it, its title, where it is
    (`place`, the whole item) and where its name is (`name_place`, inside `place`)."""

    name: str
    keyword: str
    title: str | None
    place: Place
    name_place: Place


@dataclass(frozen=True)
class Completion:
    name: str
    keyword: str        # kenmerk, zorgsoort or groep
    detail: str         # the type of a kenmerk, the title of a zorgsoort or groep
    title: str | None


@dataclass
class Document:
    path: str
    text: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    index: "Index | None" = None   # None: the text does not parse


def analyse(text: str, path: str) -> Document:
    """Parse and resolve `text` the way `check` does, and index it when it parses."""
    document = Document(path, text)
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_POLICY_BYTES:   # as check refuses it: never parsed on every keystroke
        document.diagnostics = [diag("C004", Span(path, 1, 1), size=size, limit=MAX_POLICY_BYTES)]
        return document
    try:
        tree = parser.parse(text, path)
    except Failed as failed:
        document.diagnostics = list(failed.diagnostics)
        return document
    document.index = Index(tree, text)
    try:
        derive.derive_all(resolve.resolve(tree))   # the change list's years: their problems too
    except Failed as failed:
        document.diagnostics = list(failed.diagnostics)
    return document


def place(span: Span, lines: list[str]) -> Place:
    """The range of `span`; a span without an end covers the word (or character) it starts at."""
    if span.end_line:
        return Place(span.line, span.col, span.end_line, span.end_col)
    text = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
    word = re.compile(r"[\w§.%-]+|\S").match(text, span.col - 1)
    return Place(span.line, span.col, span.line, span.col + (len(word.group()) if word else 1))


def _around(pattern: re.Pattern, lines: list[str], line: int, col: int) -> str | None:
    """The match of `pattern` on `line` that the cursor at `col` is on (or just after)."""
    if not 0 < line <= len(lines):
        return None
    for match in pattern.finditer(lines[line - 1]):
        if match.start() + 1 <= col <= match.end() + 1:
            return match.group()
    return None


def word_at(text: str, line: int, col: int) -> str | None:
    return _around(_NAME, text.split("\n"), line, col)


def type_text(kind: n.FeatureType) -> str:
    """A kenmerk's type as the policy writes it: `getal met 2 decimalen`, `keuze uit "04", anders`,
    `ja/nee standaard nee`."""
    words = _TYPE_WORDS[kind.kind]
    if kind.choices:
        words += " " + ", ".join((f'"{c.value}"' if c.quoted else c.value) + (f" {written(c.title)}" if c.title else "")
                                 for c in kind.choices)
    if kind.decimals:
        words += f" met {kind.decimals} " + ("decimaal" if kind.decimals == 1 else "decimalen")
    if kind.default:
        words += f" standaard {kind.default}"
    return words


def _item_refs(item) -> list[n.Ref]:
    match item:
        case n.Clause():
            conditions = (item.guard, item.condition, item.exception)
        case n.Tier():
            conditions = (item.condition,)
        case n.StartRule():
            return [item.ref, *(refs(item.guard) if item.guard else ())]
        case _:
            conditions = ()
    return [ref for condition in conditions if condition is not None for ref in refs(condition)]


class Index:
    """The declarations and kenmerk references of one parsed document (first declaration wins,
    as in resolve), with the text they were read from."""

    def __init__(self, tree: n.PolicyFile, text: str):
        self.tree = tree
        self.lines = text.split("\n")
        self.features: dict[str, n.Feature] = {}
        self.care_types: dict[str, n.CareType] = {}
        self.groups: dict[str, n.Group] = {}
        self.rules: dict[str, Rule] = {}
        self.refs: list[n.Ref] = []
        for item in tree.items:
            match item:
                case n.Feature():
                    self.features.setdefault(item.name, item)
                case n.CareType():
                    self.care_types.setdefault(item.name, item)
                case n.Group():
                    self.groups.setdefault(item.name, item)
                case n.Clause() | n.Term() | n.Milestone() | n.StartRule() | n.Change():
                    self.rules.setdefault(item.id, item)
            self.refs += _item_refs(item)

    def name_place(self, span: Span, name: str) -> Place:
        """Where `name` is written first in the item at `span` (its declaring word)."""
        word = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        for number in range(span.line, (span.end_line or span.line) + 1):
            if number > len(self.lines):
                break
            match = word.search(self.lines[number - 1], span.col - 1 if number == span.line else 0)
            if match:
                return Place(number, match.start() + 1, number, match.end() + 1)
        return Place(span.line, span.col, span.line, span.col)

    def declaration_at(self, text: str, line: int, col: int) -> Declared | None:
        """What the name under the cursor declares or refers to: a kenmerk in a condition, else a
        declaration written there, else a clause id (telt ook als, onderdruk, a change's names),
        a zorgsoort or groep (voor, onderdeel van), a kenmerk (a delta naming it); on a citation,
        the clause (or tier, looptijd, ...) that cites it."""
        word = word_at(text, line, col)
        if word is None:   # on a citation (§3.1 "..."): the item that cites it
            return next((item for item in self.tree.items if getattr(item, "citation", None) is not None
                         and place(item.citation.span, self.lines).holds(line, col)), None)
        if word in self.features and any(r.name == word and place(r.span, self.lines).holds(line, col)
                                         for r in self.refs):
            return self.features[word]
        candidates = [table[word] for table in (self.rules, self.care_types, self.groups, self.features)
                      if word in table]
        for item in candidates:
            if self.name_place(item.span, word).holds(line, col):
                return item
        return candidates[0] if candidates else None

    def hover(self, item: Declared) -> str:
        """Markdown: the declaration as the policy writes it; for a rule its § and quote."""
        title = f" {written(item.title)}" if item.title else ""
        match item:
            case n.Feature():
                per = f" per {item.per}" if item.per else ""
                fixed = " onveranderlijk" if item.immutable else ""
                return f"```\nkenmerk {item.name}{title}{per}: {type_text(item.type)}{fixed}.\n```"
            case n.CareType():
                parents = f"\n  onderdeel van {', '.join(item.parents)}" if item.parents else ""
                return f"```\nzorgsoort {item.name}{title}{parents}.\n```"
            case n.Group():
                return f"```\ngroep {item.name}{title}: {', '.join(item.members)}.\n```"
        keyword = _keyword(item)
        citation = item.citation
        name = item.label if isinstance(item, n.Tier) else item.id
        text = f"```\n{keyword} {name}{title}\n```\n\n**{citation.section}**"
        text += f": \u201c{citation.quote}\u201d" if citation.quote else ""
        reading = getattr(item, "reading", None)
        if reading is not None:
            text += f"\n\nlezing: {written(reading.taken)}"
            text += f"\n\nalternatief: {written(reading.alternative)}" if reading.alternative else ""
        return text

    def completions(self) -> list[Completion]:
        return ([Completion(f.name, "kenmerk", type_text(f.type), f.title) for f in self.features.values()]
                + [Completion(c.name, "zorgsoort", c.title, c.title) for c in self.care_types.values()]
                + [Completion(g.name, "groep", g.title or ", ".join(g.members), g.title) for g in self.groups.values()])

    def symbols(self) -> list[Symbol]:
        """Every item of the document in source order, the header first."""
        header = self.tree.header
        found = [Symbol(f"{header.domain} {header.year}", "beleid", header.title, place(header.span, self.lines),
                        self.name_place(header.span, header.domain))]
        for item in self.tree.items:
            match item:
                case n.Feature() | n.CareType() | n.Group():
                    name = item.name
                case n.Tier():
                    name = f"{item.label} ({', '.join(item.scope) if item.scope != n.ALL_CARE_TYPES else 'alle'})"
                case n.Suppression():
                    name = " ".join(filter(None, (item.kind, item.clause)))
                case _:
                    name = item.id
            word = name.split(" ")[0]
            found.append(Symbol(name, _keyword(item), getattr(item, "title", None), place(item.span, self.lines),
                                self.name_place(item.span, word)))
        return found

    def publication_at(self, text: str, line: int, col: int) -> tuple[str, int, str | None] | None:
        """(domain, year, version) of another publication named by the string under the cursor:
        `vervangt "2026-04"`, `gereconstrueerd uit "paramedische_zorg 2026"`, `ten opzichte van
        versie "2026-04"`; None elsewhere."""
        string = _around(_STRING, text.split("\n"), line, col)
        if string is None:
            return None
        value, header = string[1:-1], self.tree.header
        if _inside(header.span, line) and value == header.replaces:
            return header.domain, header.year, value
        if _inside(header.span, line) and value == header.reconstructed_from:
            domain, _, year = value.rpartition(" ")
            return (domain, int(year), None) if year.isdigit() else None
        for change in self.tree.items:
            if isinstance(change, n.Change) and _inside(change.span, line) and value == change.against:
                return header.domain, header.year, value
        return None


def _inside(span: Span, line: int) -> bool:
    return span.line <= line <= (span.end_line or span.line)


def _keyword(item) -> str:
    match item:
        case n.Feature():
            return "kenmerk"
        case n.CareType():
            return "zorgsoort"
        case n.Group():
            return "groep"
        case n.Clause():
            return item.kind.words
        case n.Tier():
            return "zorgovereenkomst"
        case n.Term():
            return "looptijd"
        case n.Milestone():
            return item.kind
        case n.StartRule():
            return "ingangsdatum"
        case n.Change():
            return "wijziging"
        case n.Suppression():
            return "onderdruk"
        case _:
            raise TypeError(f"no keyword for {type(item).__name__}")


def find_publication(path: Path, wanted: tuple[str, int, str | None]) -> tuple[Path, Index] | None:
    """The file of the policy set `path` belongs to (its nearest `policies/` folder, else its own
    folder) that is the publication `wanted` (domain, year, version; None: any version)."""
    root = find_policies(path.parent) or path.parent
    for other in sorted(root.rglob("*.beleid")):
        if other.resolve() == path.resolve():
            continue
        try:
            if other.stat().st_size > MAX_POLICY_BYTES:
                continue
            text = other.read_text(encoding="utf-8")
            tree = parser.parse(text, str(other))
        except (OSError, UnicodeDecodeError, Failed):
            continue   # a broken neighbour is its own document's problem
        header = tree.header
        if (header.domain, header.year) == wanted[:2] and wanted[2] in (None, header.version):
            return other, Index(tree, text)
    return None
