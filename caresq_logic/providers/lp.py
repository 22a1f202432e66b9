"""The `.lp` provider format: ground ASP facts, read by this module's own small scanner.

A provider file holds ground facts over declared kenmerken and nothing else. The scanner means
that a rule, a directive (`#script` above all) or a forged decision is rejected before clingo
ever sees the text: only facts rebuilt from validated values reach the solver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Diagnostic, diag
from ..language.numbers import whole
from .model import Fact, Locator, Term


AGGREGATES = {"count", "sum", "sum+", "min", "max", "sup", "inf", "true", "false"}


# ---- scanning and parsing ---------------------------------------------------------------------------
# Every repetition of a group is possessive (`*+`): a backtracking `*` keeps a state per
# repetition, and a 2 MiB string took 360 MB. Nothing here needs to give a repetition back.
# Fast path: one regular expression matches a whole well-formed fact. Anything it does not match
# (a rule, a directive, a typo, a fact written unusually) goes through the tokenizer below, which
# either still finds a fact or says exactly what is wrong.


_NAME = r"[a-z][A-Za-z0-9_']*"
_TERM = rf'(?:{_NAME}|-?[0-9]+|"(?:[^"\\\n]|\\.)*+")'
_FACT = re.compile(rf"(-?)({_NAME})(?:\(\s*({_TERM}(?:\s*,\s*{_TERM})*+)\s*\))?\s*\.")
_ARG = re.compile(rf"{_TERM}")
_SKIP = re.compile(r"(?:\s+|%\*.*?\*%|%[^\n*][^\n]*|%(?=\n|$))*+", re.DOTALL)
# The same without block comments, used past the last "*%" of a file, where no block comment can
# close: trying `%\*.*?\*%` there would scan to the end of the file at every "%*" (quadratic).
_SKIP_NO_BLOCK = re.compile(r"(?:\s+|%[^\n*][^\n]*|%(?=\n|$))*+")


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<block>%\*.*?\*%)
  | (?P<comment>%[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*+")
  | (?P<badstring>"(?:[^"\\\n]|\\.)*+)
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
_TOKEN_NO_BLOCK = re.compile(_TOKEN.pattern.replace(r"(?P<block>%\*.*?\*%)", r"(?P<block>(?!))"), re.VERBOSE | re.DOTALL)
_SCRIPT_END = re.compile(r"#end\s*\.")


def _term(token_kind: str, text: str, pos: int) -> Term:
    if token_kind == "int":
        return Term("int", whole(text), pos)
    if token_kind == "string":
        body = re.sub(r"\\(.)", lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), text[1:-1])
        return Term("string", body, pos)
    return Term("name", text, pos)


def _kind_of(text: str) -> str:
    return "string" if text[0] == '"' else "int" if text[0] in "-0123456789" else "name"


@dataclass
class _Token:
    """A token of a provider .lp file, at its offset."""
    kind: str
    text: str
    pos: int


class Parser:
    def __init__(self, text: str, locator: Locator):
        self.text = text
        self.locator = locator
        self.errors: list[Diagnostic] = []
        self.last_close = text.rfind("*%")   # no block comment can start after this - 2

    def parse(self) -> tuple[list[Fact], list[Diagnostic]]:
        facts: list[Fact] = []
        text, pos, end = self.text, 0, len(self.text)
        while True:
            pos = (_SKIP if pos < self.last_close else _SKIP_NO_BLOCK).match(text, pos).end()
            if pos >= end:
                return facts, self.errors
            match = _FACT.match(text, pos)
            if match:
                args = ()
                if match.group(3) is not None:
                    offset = match.start(3)
                    args = tuple(
                        _term(_kind_of(a.group()), a.group(), offset + a.start())
                        for a in _ARG.finditer(match.group(3))
                    )
                facts.append(Fact(match.group(2), args, pos, negated=bool(match.group(1))))
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
            match = (_TOKEN if pos < self.last_close else _TOKEN_NO_BLOCK).match(text, pos)
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
        whole = re.search(r"[0-9]+$", self.text[:token.pos])          # `0.8`: 0, a full stop, 8
        part = re.match(r"[0-9]+", self.text[token.pos + 1:])
        if token.text == "." and whole and part:
            return diag("A114", span, value=f"{whole.group()}.{part.group()}", comma=f"{whole.group()},{part.group()}")
        return diag("A100", span, found=f"'{token.text}'")


class _Statement:
    """One statement the fast path did not accept: a fact after all, or one clear error."""

    def __init__(self, tokens: list[_Token], parser: Parser):
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
        negated = head.text == "-" and self.peek() is not None and self.peek().kind == "name"
        if negated:   # `-k(Id).`: a stated nee; the validator allows it on ja/nee kenmerken only
            start = head.pos
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
            return Fact(head.text, tuple(args), start if negated else head.pos, negated=negated)
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


