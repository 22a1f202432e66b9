"""Syntax problems as diagnostics: a condition nested too deep (found before Lark runs), and
Lark's first syntax error turned into one clear diagnostic, worded for a policy author: the
keywords that could come next, and a "did you mean" for a misspelt keyword."""

from __future__ import annotations

import re

from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..diagnostics import Diagnostic, Span, closest, diag
from ..messages import Listing, Phrase
from .grammar import lark
from .printer import integer_limit

MAX_DEPTH = 50  # brackets in one condition; the tree is walked recursively downstream
# A string ends at its closing quote or, unclosed, at the end of its line: each character is
# looked at once (an unclosed `"\"\"\"...` line once made this quadratic).
# Also numbers of more digits than any range allows: Python refuses to convert one over 4,300
# digits (and would take quadratic time), so they are refused here, before the parser converts.
_NESTING = re.compile(r'"(?:[^"\\\n]|\\.)*+(?:"|$)|#[^\n]*|[()]|(?:\bniet\s+){%d,}|\b[0-9]{19,}'
                      % (MAX_DEPTH + 1), re.MULTILINE)


def too_deep(text: str, path: str) -> Diagnostic | None:
    """The first bracket nested deeper than MAX_DEPTH (the tree is walked recursively downstream)."""
    depth = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        if token.startswith("niet") or token[0].isdigit():   # niet niet ... a: nested as deep as brackets are
            line = text.count("\n", 0, match.start()) + 1
            col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
            if token[0].isdigit():
                return diag("B240", Span(path, line, col), value=f"{token[:12]}…",
                            limit=integer_limit())
            return diag("B104", Span(path, line, col), limit=MAX_DEPTH)
        if token == "(":
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, match.start()) + 1
                col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
                return diag("B104", Span(path, line, col), limit=MAX_DEPTH)
        elif token == ")":
            depth = max(depth - 1, 0)
    return None


# `check` compares clauses pairwise (500 clauses: 30 s and 150 MB; 1,000: 3 minutes and 350 MB),
# so a policy has at most MAX_CLAUSES, counted before Lark runs. The largest real one has 59.
MAX_CLAUSES = 500
_CLAUSE = re.compile(r"^[ \t]*(?:randvoorwaarde|aanvullende\s+voorwaarde|uitsluiting|differentiatiefactor|selectie"
                     r"|benaderd|niet\s+benaderd|doorlopend|route|ander\s+beleid)\b", re.MULTILINE)


def too_many_clauses(text: str, path: str) -> Diagnostic | None:
    """The first clause past MAX_CLAUSES (a line that starts like a clause: a slight over-count)."""
    for number, match in enumerate(_CLAUSE.finditer(text), 1):
        if number > MAX_CLAUSES:
            line = text.count("\n", 0, match.start()) + 1
            return diag("B250", Span(path, line, 1), limit=MAX_CLAUSES)
    return None


# A kenmerk `met N decimalen` is counted in 10**-N (nodes.FeatureType.scale): with 8, not even 1
# fits in nodes.MAX_INTEGER, and `met 100000000 decimalen` took minutes to raise 10 to that power.
MAX_DECIMALS = 7
_DECIMALS = re.compile(r"\b(?:getal|percentage)[ \t]+met[ \t]+([0-9]++)[ \t]+decima")


def too_many_decimals(text: str, path: str) -> Diagnostic | None:
    """B240 at the first `met N decimalen` with N over MAX_DECIMALS, found before Lark runs."""
    for match in _DECIMALS.finditer(text):
        digits = match.group(1)
        if len(digits) > 2 or int(digits) > MAX_DECIMALS:
            line = text.count("\n", 0, match.start(1)) + 1
            col = match.start(1) - (text.rfind("\n", 0, match.start(1)) + 1) + 1
            return diag("B240", Span(path, line, col), value=digits[:18], limit=MAX_DECIMALS)
    return None


# Terminals that are not keywords, described for a policy author (catalogue keys).
_DESCRIBED = {
    "NAME": "token.name", "INT": "token.int", "STRING": "token.string", "SECTION": "token.section",
    "PERCENT": "token.percent", "ISO_DATE": "token.iso_date", "MONTH": "token.month", "$END": "token.end",
}


def _keyword_of(terminal: str) -> str | Phrase:
    """What a policy author would type for a Lark terminal: a keyword in quotes, or a description."""
    if terminal in _DESCRIBED:
        return Phrase(_DESCRIBED[terminal])
    try:
        pattern = lark().get_terminal(terminal).pattern
    except KeyError:
        return terminal
    return f"'{pattern.value}'" if pattern.type == "str" else terminal


def _is_keyword(word: str | Phrase) -> bool:
    return isinstance(word, str) and word.startswith("'")


def _expected(terminals: set[str]) -> Listing:
    # Sorted by their Dutch text, so the order is the same in either language.
    words = sorted({_keyword_of(t) for t in terminals}, key=lambda w: w.localize("nl") if isinstance(w, Phrase) else w)
    if len(words) > 8:
        words = words[:8] + ["..."]
    return Listing(tuple(words))


# What an author used to another language types, and the word this language has for it.
FOREIGN = {"and": "en", "or": "of", "not": "niet", "&&": "en", "||": "of", "!": "niet",
           "<=": "hoogstens", ">=": "ten minste", "<": "kleiner dan", ">": "groter dan",
           "==": "gelijk aan", "=": "gelijk aan", "!=": "niet ... gelijk aan"}
_OPERATOR = re.compile(r"<=|>=|==|!=|&&|\|\||[<>=!]")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
MONTHS = "januari februari maart april mei juni juli augustus september oktober november december".split()
# Words that start a statement: met one unexpectedly, the statement before it lacks its full stop.
STATEMENT_STARTS = {"zorgsoort", "groep", "kenmerk", "randvoorwaarde", "aanvullende", "uitsluiting",
                    "differentiatiefactor", "selectie", "benaderd", "benadert", "doorlopend", "route", "zorgovereenkomst",
                    "looptijd", "aanbieding", "deadline", "tekendatum", "publicatie", "mijlpaal", "ingangsdatum",
                    "wijziging", "onderdruk", "ander"}


def _character_hint(text: str, pos: int) -> tuple[str, dict] | None:
    """A hint for an unexpected character: an operator (`<=`) or a date written day-month-year."""
    operator = _OPERATOR.match(text, pos)
    if operator:
        return "H003", {"word": FOREIGN[operator.group()], "wrong": operator.group()}
    start = pos
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    date = _DAY_MONTH_YEAR.match(text, start)
    if date and 1 <= int(date.group(2)) <= 12:
        day, month, year = (int(g) for g in date.groups())
        return "H004", {"iso": f"{year:04d}-{month:02d}-{day:02d}", "dutch": f"{day} {MONTHS[month - 1]} {year}"}
    return None


def syntax_diagnostic(error: UnexpectedInput, text: str, path: str) -> Diagnostic:
    line = getattr(error, "line", 1) or 1
    col = getattr(error, "column", 1) or 1
    span = Span(path, line, col)
    if isinstance(error, UnexpectedCharacters):
        char = text[error.pos_in_stream] if error.pos_in_stream < len(text) else ""
        if char == '"':
            return diag("B103", span, char=char)
        return diag("B101", span, hint=_character_hint(text, error.pos_in_stream), char=char)
    if isinstance(error, UnexpectedEOF) or (
        isinstance(error, UnexpectedToken) and error.token.type == "$END"
    ):
        expected = error.expected if isinstance(error, UnexpectedEOF) else error.expected
        end = _end_of(text)
        return diag("B102", Span(path, *end), expected=_expected(set(expected)))
    assert isinstance(error, UnexpectedToken)
    token = error.token
    point = _decimal_point(text, token)
    if point is not None:
        return diag("B106", Span(path, *point[0]), text=point[1], comma=point[1].replace(".", ","))
    expected = set(error.expected)
    found = f"'{token.value}'"
    hint = None
    keywords = [t for t in expected if _is_keyword(_keyword_of(t))]
    before = text[:token.start_pos].split()
    if str(token.value) in FOREIGN:
        hint = ("H003", {"word": FOREIGN[str(token.value)], "wrong": str(token.value)})
    elif before and before[-1] in FOREIGN:   # `not prem`: `not` was read as a kenmerk
        hint = ("H003", {"word": FOREIGN[before[-1]], "wrong": before[-1]})
    elif "LPAR" in expected and token.type in ("COLON", "VOOR", "INDIEN"):
        hint = ("H005", {})   # `randvoorwaarde r voor fysio:` without its (§ "quote")
    elif token.type == "NAME" and token.value not in STATEMENT_STARTS:
        guess = closest(str(token.value), [str(_keyword_of(k)).strip("'") for k in keywords])
        if guess:
            hint = ("H001", {"name": guess})
    if hint is None and str(token.value) in STATEMENT_STARTS and any(_keyword_of(t) == "'.'" for t in expected):
        hint = ("H002", {})  # a statement could have ended here: most likely its full stop is missing
    return diag("B100", span, hint=hint, found=found, expected=_expected(expected))


def _decimal_point(text: str, token) -> tuple[tuple[int, int], str] | None:
    """`0.8`: the lexer read 0, a full stop and 8. Returns (line, col) of the number and its text."""
    start = getattr(token, "start_pos", None)
    if token.type != "INT" or not start:
        return None
    match = re.search(r"([0-9]+)\.$", text[:start])
    if match is None:
        return None
    before = text[: match.start()]
    line = before.count("\n") + 1
    return (line, len(before) - before.rfind("\n")), f"{match.group(1)}.{token.value}"


def _end_of(text: str) -> tuple[int, int]:
    lines = text.split("\n")
    return len(lines), len(lines[-1]) + 1
