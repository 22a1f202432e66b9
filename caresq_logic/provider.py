"""Read and validate a provider file: untrusted text -> `ProviderFile` of checked facts.

Takes: the bytes of a `provider.lp` file and the `Catalog` of every kenmerk and zorgsoort the
loaded policies declare.
Returns: the facts, each with its span and its value already converted to what the compiled
program expects (a date "2026-03-14" becomes 20260314); or raises `Failed` with every problem
found, up to `MAX_ERRORS`.

A provider file holds ground facts over declared kenmerken and nothing else. This module has
its own small scanner, so that a rule, a directive (`#script` above all) or a forged decision is
rejected before clingo ever sees the text: only facts rebuilt from validated values reach the
solver. The format is documented in docs/provider-format.md.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from . import nodes as n
from .diagnostics import Diagnostic, Failed, Span, closest, control_character, diag
from .messages import TypeName
from .vocabulary import AANBIEDER, DERIVED_PREDICATES, LEVERT

MAX_BYTES = 32 * 1024 * 1024   # a whole market of providers fits; a runaway file does not
MAX_ERRORS = 50
AGGREGATES = {"count", "sum", "sum+", "min", "max", "sup", "inf", "true", "false"}


@dataclass(frozen=True)
class Term:
    kind: str      # name, int, string
    value: object
    pos: int       # offset in the file; turned into line:col only for a diagnostic

    def asp(self) -> str:
        if self.kind == "string":
            return '"' + str(self.value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        return str(self.value)

    def shown(self) -> str:
        return f'"{self.value}"' if self.kind == "string" else str(self.value)


@dataclass(frozen=True)
class Fact:
    predicate: str
    args: tuple[Term, ...]
    pos: int

    @property
    def provider(self) -> str:
        return str(self.args[0].value)

    def asp(self, provider: str | None = None) -> str:
        """The fact as ASP text; `provider` replaces the provider id (decide sends numbers)."""
        if not self.args:
            return f"{self.predicate}."
        first = self.args[0].asp() if provider is None else provider
        return f"{self.predicate}({','.join([first, *(a.asp() for a in self.args[1:])])})."


class Locator:
    """Turns offsets into `Span`s; built once per file, used only when something is reported."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def span(self, pos: int) -> Span:
        line = bisect.bisect_right(self.starts, pos)
        return Span(self.path, line, pos - self.starts[line - 1] + 1)


@dataclass(frozen=True)
class ProviderFile:
    path: str
    facts: tuple[Fact, ...]
    providers: tuple[str, ...]           # in order of first appearance
    names: dict[str, str] = field(default_factory=dict)   # provider -> display name
    warnings: tuple[Diagnostic, ...] = ()

    def facts_for(self, features: dict[str, n.Feature]) -> list[Fact]:
        """The facts a policy with these kenmerken reads (plus levert/aanbieder)."""
        return [f for f in self.facts if f.predicate in features or f.predicate in (LEVERT, AANBIEDER)]


@dataclass(frozen=True)
class Catalog:
    """What the loaded policies declare: kenmerk name -> declarations, and all zorgsoorten."""

    features: dict[str, tuple[n.Feature, ...]]
    care_types: tuple[str, ...]

    @classmethod
    def of(cls, policies) -> "Catalog":
        features: dict[str, list[n.Feature]] = {}
        care_types: dict[str, None] = {}
        for policy in policies:
            for feature in policy.features.values():
                features.setdefault(feature.name, []).append(feature)
            care_types.update(dict.fromkeys(policy.care_types))
        return cls({k: tuple(v) for k, v in features.items()}, tuple(care_types))


def arity(feature: n.Feature) -> int:
    """Arguments of a kenmerk's fact: the provider, the year or zorgsoort if per, the value if not ja/nee."""
    return 1 + (feature.per is not None) + (feature.type.kind != "bool")


# ---- reading bytes --------------------------------------------------------------------------------


def decode(data: bytes, path: str, limit: int = MAX_BYTES) -> str:
    if len(data) > limit:
        raise Failed([diag("C004", Span(path, 1, 1), size=len(data), limit=limit)])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        raise Failed([diag("C003", Span(path, line, col), offset=error.start)]) from None


def read(data: bytes, path: str, catalog: Catalog, limit: int = MAX_BYTES) -> ProviderFile:
    text = decode(data, path, limit)
    control = control_character(text, path, "A109")
    if control is not None:
        raise Failed([control])
    locator = Locator(path, text)
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix in ("csv", "jsonl"):
        from . import tables   # the batch forms build on this module's Fact and Locator

        facts, errors = (tables.read_csv if suffix == "csv" else tables.read_jsonl)(text, locator, catalog)
    else:
        facts, errors = _Parser(text, locator).parse()
    facts = _Validator(locator, catalog, errors).run(facts)
    if not facts and not errors:
        errors.append(diag("A209", Span(path, 1, 1)))
    if errors:
        errors.sort(key=lambda d: (d.span.line, d.span.col))
        if len(errors) > MAX_ERRORS:
            errors = errors[:MAX_ERRORS] + [diag("A108", errors[MAX_ERRORS].span)]
        raise Failed(errors)
    providers = tuple(dict.fromkeys(f.provider for f in facts))
    names = {f.provider: str(f.args[1].value) for f in facts if f.predicate == AANBIEDER and len(f.args) == 2}
    delivering = {f.provider for f in facts if f.predicate == LEVERT}
    first = {}
    for f in facts:
        first.setdefault(f.provider, f.pos)
    warnings = tuple(diag("A208", locator.span(first[p]), provider=p) for p in providers if p not in delivering)
    return ProviderFile(path, tuple(facts), providers, names, warnings)


# ---- scanning and parsing ---------------------------------------------------------------------------
# Fast path: one regular expression matches a whole well-formed fact. Anything it does not match
# (a rule, a directive, a typo, a fact written unusually) goes through the tokenizer below, which
# either still finds a fact or says exactly what is wrong.

_NAME = r"[a-z][A-Za-z0-9_']*"
_TERM = rf'(?:{_NAME}|-?[0-9]+|"(?:[^"\\\n]|\\.)*")'
_FACT = re.compile(rf"({_NAME})(?:\(\s*({_TERM}(?:\s*,\s*{_TERM})*)\s*\))?\s*\.")
_ARG = re.compile(rf"{_TERM}")
_SKIP = re.compile(r"(?:\s+|%\*.*?\*%|%[^\n*][^\n]*|%(?=\n|$))*", re.DOTALL)

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<block>%\*.*?\*%)
  | (?P<comment>%[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<badstring>"(?:[^"\\\n]|\\.)*)
  | (?P<int>-?[0-9]+)
  | (?P<name>[a-z][A-Za-z0-9_']*)
  | (?P<variable>_*[A-Z][A-Za-z0-9_']*|_)
  | (?P<directive>\#[A-Za-z_+]*)
  | (?P<neck>:-|:~)
  | (?P<punct>[(),.])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_SCRIPT_END = re.compile(r"#end\s*\.")


def _term(token_kind: str, text: str, pos: int) -> Term:
    if token_kind == "int":
        return Term("int", int(text), pos)
    if token_kind == "string":
        body = re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), text[1:-1])
        return Term("string", body, pos)
    return Term("name", text, pos)


def _kind_of(text: str) -> str:
    return "string" if text[0] == '"' else "int" if text[0] in "-0123456789" else "name"


@dataclass
class _Token:
    kind: str
    text: str
    pos: int


class _Parser:
    def __init__(self, text: str, locator: Locator):
        self.text = text
        self.locator = locator
        self.errors: list[Diagnostic] = []

    def parse(self) -> tuple[list[Fact], list[Diagnostic]]:
        facts: list[Fact] = []
        text, pos, end = self.text, 0, len(self.text)
        while True:
            pos = _SKIP.match(text, pos).end()
            if pos >= end:
                return facts, self.errors
            match = _FACT.match(text, pos)
            if match:
                args = ()
                if match.group(2) is not None:
                    offset = match.start(2)
                    args = tuple(
                        _term(_kind_of(a.group()), a.group(), offset + a.start())
                        for a in _ARG.finditer(match.group(2))
                    )
                facts.append(Fact(match.group(1), args, pos))
                pos = match.end()
                continue
            tokens, pos = self.statement(pos)
            if not tokens:   # only a comment was left (an unclosed %* block)
                continue
            fact = _Statement(tokens, self).fact()
            if fact is not None:
                facts.append(fact)

    def statement(self, pos: int) -> tuple[list[_Token], int]:
        """Tokens up to and including the next full stop (or the end of the file)."""
        tokens: list[_Token] = []
        text = self.text
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            kind, value = match.lastgroup, match.group()
            if kind == "directive" and value == "#script":
                # Never tokenise embedded code: skip to its `#end.` (or the end of the file).
                end = _SCRIPT_END.search(text, pos)
                tokens.append(_Token("script", value, pos))
                tokens.append(_Token("punct", ".", pos))
                return tokens, end.end() if end else len(text)
            pos = match.end()
            if kind in ("ws", "comment", "block"):
                continue
            tokens.append(_Token(kind, value, match.start()))
            if kind == "punct" and value == ".":
                break
        return tokens, pos

    def describe(self, token: _Token) -> Diagnostic:
        span = self.locator.span(token.pos)
        if token.kind == "script":
            return diag("A102", span)
        if token.kind == "directive":
            if token.text[1:] in AGGREGATES:
                return diag("A104", span)
            return diag("A101", span, directive=token.text or "#")
        if token.kind == "neck":
            return diag("A103", span)
        if token.text in ("{", "}", ";", "|", ":", "=", "<", ">", "!"):
            return diag("A104", span)
        if token.kind == "variable":
            return diag("A105", span, name=token.text)
        if token.kind == "badstring":
            return diag("A107", span)
        return diag("A100", span, found=f"'{token.text}'")


class _Statement:
    """One statement the fast path did not accept: a fact after all, or one clear error."""

    def __init__(self, tokens: list[_Token], parser: _Parser):
        self.tokens = tokens
        self.parser = parser
        self.i = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> _Token:
        self.i += 1
        return self.tokens[self.i - 1]

    def fail(self, token: _Token) -> None:
        self.parser.errors.append(self.parser.describe(token))

    def unterminated(self, head: _Token) -> None:
        self.parser.errors.append(diag("A106", self.parser.locator.span(head.pos)))

    def fact(self) -> Fact | None:
        head = self.take()
        if head.kind != "name":
            self.fail(head)
            return None
        args: list[Term] = []
        token = self.peek()
        if token is not None and token.text == "(":
            self.take()
            while True:
                if self.peek() is None:
                    self.unterminated(head)
                    return None
                term = self.term()
                if term is None:
                    return None
                args.append(term)
                token = self.peek()
                if token is None:
                    self.unterminated(head)
                    return None
                self.take()
                if token.text == ",":
                    continue
                if token.text == ")":
                    break
                self.fail(token)
                return None
        token = self.peek()
        if token is None:
            self.unterminated(head)
            return None
        if token.kind == "punct" and token.text == ".":
            return Fact(head.text, tuple(args), head.pos)
        self.fail(token)
        return None

    def term(self) -> Term | None:
        token = self.take()
        following = self.peek()
        if token.kind == "name" and following is not None and following.text == "(":
            self.fail(following)   # a function term: never a kenmerk value
            return None
        if token.kind in ("name", "int", "string"):
            return _term(token.kind, token.text, token.pos)
        self.fail(token)
        return None


# ---- checking facts against the declared kenmerken ----------------------------------------------------


class _Validator:
    def __init__(self, locator: Locator, catalog: Catalog, errors: list[Diagnostic]):
        self.locator = locator
        self.catalog = catalog
        self.errors = errors
        self.single: dict[tuple, Fact] = {}   # (kenmerk, provider, year/zorgsoort) -> first fact

    def error(self, code: str, pos: int, hint=None, **args) -> None:
        self.errors.append(diag(code, self.locator.span(pos), hint=hint, **args))

    def run(self, facts: list[Fact]) -> list[Fact]:
        return [checked for fact in facts if (checked := self.check(fact)) is not None]

    def check(self, fact: Fact) -> Fact | None:
        name = fact.predicate
        if name in DERIVED_PREDICATES:
            self.error("A201", fact.pos, name=name)
            return None
        if name == LEVERT:
            return self.check_levert(fact)
        if name == AANBIEDER:
            return self.check_aanbieder(fact)
        declarations = self.catalog.features.get(name)
        if not declarations:
            guess = closest(name, [*self.catalog.features, LEVERT, AANBIEDER])
            self.error("A200", fact.pos, hint=("H001", {"name": guess}) if guess else None, name=name)
            return None
        if not fact.args or not self.provider_ok(fact.args[0]):
            if not fact.args:
                self.error("A202", fact.pos, name=name, expected=arity(declarations[0]), actual=0)
            return None
        # A name declared by several policies must fit one of its declarations.
        problems: list[Diagnostic] = []
        for feature in declarations:
            before = len(self.errors)
            converted = self.check_feature(fact, feature)
            new = self.errors[before:]
            del self.errors[before:]
            if not new:
                return converted
            problems = problems or new
        self.errors.extend(problems)
        return None

    def provider_ok(self, term: Term) -> bool:
        if term.kind in ("name", "string") and str(term.value):
            return True
        self.error("A207", term.pos, value=term.shown())
        return False

    def check_levert(self, fact: Fact) -> Fact | None:
        if len(fact.args) != 2:
            self.error("A202", fact.pos, name=LEVERT, expected=2, actual=len(fact.args))
            return None
        if not self.provider_ok(fact.args[0]):
            return None
        return fact if self.care_type_ok(fact.args[1]) else None

    def check_aanbieder(self, fact: Fact) -> Fact | None:
        if len(fact.args) not in (1, 2):
            self.error("A202", fact.pos, name=AANBIEDER, expected=2, actual=len(fact.args))
            return None
        if not self.provider_ok(fact.args[0]):
            return None
        if len(fact.args) == 2 and fact.args[1].kind != "string":
            self.error("A203", fact.args[1].pos, name=AANBIEDER, expected='"naam"', value=fact.args[1].shown())
            return None
        return fact

    def care_type_ok(self, term: Term) -> bool:
        if term.kind == "name" and term.value in self.catalog.care_types:
            return True
        guess = closest(str(term.value), self.catalog.care_types)
        self.error("A206", term.pos, hint=("H001", {"name": guess}) if guess else None,
                   value=term.shown(), choices=", ".join(self.catalog.care_types))
        return False

    def check_feature(self, fact: Fact, feature: n.Feature) -> Fact | None:
        expected = arity(feature)
        if len(fact.args) != expected:
            self.error("A202", fact.pos, name=feature.name, expected=expected, actual=len(fact.args))
            return None
        args = list(fact.args)
        key: tuple = (feature.name, fact.provider)
        if feature.per == "jaar":
            year = args[1]
            if year.kind != "int":
                self.error("A203", year.pos, name=feature.name, expected=TypeName("int"), value=year.shown())
                return None
            if not 1900 <= int(year.value) <= 2100:
                self.error("A204", year.pos, name=feature.name, value=year.value, allowed="1900..2100")
                return None
            key += (year.value,)
        elif feature.per == "zorgsoort":
            if not self.care_type_ok(args[1]):
                return None
            key += (args[1].value,)
        if feature.type.kind == "bool":
            return fact
        value = self.check_value(feature, args[-1])
        if value is None:
            return None
        args[-1] = value
        checked = Fact(fact.predicate, tuple(args), fact.pos)
        if feature.type.kind != "multi":
            first = self.single.setdefault(key, checked)
            if first is not checked and first.args[-1].value != value.value:
                self.error("A205", value.pos, name=feature.name, provider=fact.provider,
                           other=first.args[-1].shown(), line=self.locator.span(first.pos).line)
                return None
        return checked

    def check_value(self, feature: n.Feature, term: Term) -> Term | None:
        kind = feature.type.kind
        name = feature.name
        if kind in ("int", "count", "percentage"):
            if term.kind != "int":
                self.error("A203", term.pos, name=name, expected=TypeName(kind), value=term.shown())
                return None
            if kind == "count" and term.value < 0:
                self.error("A204", term.pos, name=name, value=term.value, allowed=">= 0")
                return None
            if kind == "percentage" and not 0 <= term.value <= 100:
                self.error("A204", term.pos, name=name, value=term.value, allowed="0..100")
                return None
            return term
        if kind == "date":
            if term.kind != "string" or not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", str(term.value)):
                self.error("A203", term.pos, name=name, expected='"JJJJ-MM-DD"', value=term.shown())
                return None
            try:
                date = dt.date.fromisoformat(str(term.value))
            except ValueError:
                self.error("A204", term.pos, name=name, value=term.shown(), allowed="een bestaande datum")
                return None
            return Term("int", date.year * 10000 + date.month * 100 + date.day, term.pos)
        choices = feature.type.choices
        for choice in choices:
            if choice.value == term.value and (term.kind == "string") == choice.quoted:
                return term
        shown = [f'"{c.value}"' if c.quoted else c.value for c in choices]
        guess = closest(term.shown(), shown)
        self.error("A203", term.pos, hint=("H001", {"name": guess}) if guess else None,
                   name=name, expected=", ".join(shown), value=term.shown())
        return None
