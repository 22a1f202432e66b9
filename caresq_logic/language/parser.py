"""Parse a policy file (text) into a `nodes.PolicyFile`.

Takes: the text of one `.beleid` file and the name to report it under.
Returns: the syntax tree, every node carrying its `Span`; or raises `Failed` with one
diagnostic at the first syntax error (Lark's LALR parser stops there; `syntax_errors` words it).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from lark import Token, v_args
from lark.exceptions import UnexpectedInput, VisitError

from ..diagnostics import Failed, Span, control_character
from . import nodes as n
from .delta_nodes import DeltaNodes
from .kinds import ClauseKind
from .grammar import lark
from .texts import Text
from .syntax_errors import syntax_diagnostic, too_deep, too_many_clauses, too_many_decimals

MONTHS = {
    name: number
    for number, name in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split(), 1
    )
}

# The grammar's aliases of the clause kinds -> the value of their `ClauseKind`.
CLAUSE_KINDS = {
    "k_required": "randvoorwaarde", "k_additional": "aanvullende_voorwaarde", "k_exclusion": "uitsluiting",
    "k_factor": "differentiatiefactor", "k_selection": "selectie", "k_approached": "benaderd",
    "k_approaches_all": "benadert_alle", "k_not_approached": "niet_benaderd", "k_continuing": "doorlopend",
    "k_route": "route", "k_elsewhere": "ander_beleid",
}


def parse(text: str, path: str) -> n.PolicyFile:
    control = control_character(text, path, "B105")
    if control is not None:
        raise Failed([control])
    deep = too_deep(text, path) or too_many_clauses(text, path) or too_many_decimals(text, path)
    if deep is not None:
        raise Failed([deep])
    try:
        tree = lark().parse(text)
        return _ToNodes(path).transform(tree)
    except UnexpectedInput as error:
        raise Failed([syntax_diagnostic(error, text, path)]) from None
    except VisitError as error:  # a transformer callback rejected a value (e.g. a bad date)
        if isinstance(error.orig_exc, Failed):
            raise error.orig_exc from None
        raise


# ---- Lark tree -> nodes ------------------------------------------------------------------------


def _unquote(token: Token) -> str:
    body = str(token)[1:-1]
    body = re.sub(r"\\(.)", r"\1", body)
    return re.sub(r"\s+", " ", body).strip()


@v_args(meta=True)
class _ToNodes(DeltaNodes):
    def __init__(self, path: str):
        super().__init__()
        self.path = path

    def _span(self, meta) -> Span:
        return Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tspan(self, token: Token) -> Span:
        return Span(self.path, token.line, token.column, token.end_line, token.end_column)

    # file
    def start(self, meta, children):
        header, *items = children
        return n.PolicyFile(self.path, header, tuple(items))

    def header(self, meta, children):
        name, year, title, *rest = children
        version = replaces = source = reconstructed = None
        for part in rest:
            if part[0] == "version":
                version, replaces = part[1], part[2]
            elif part[0] == "source":
                source = part[1]
            else:
                reconstructed = part[1]
        return n.Header(str(name), int(year), title, version, replaces, source, self._span(meta),
                        reconstructed)

    def version(self, meta, children):
        strings = [_unquote(c) for c in children]
        return ("version", strings[0], strings[1] if len(strings) > 1 else None)

    def source(self, meta, children):
        return ("source", _unquote(children[0]))

    def reconstructed(self, meta, children):
        return ("reconstructed", _unquote(children[0]))

    # declarations
    def care_type(self, meta, children):
        name, title, *rest = children
        parents = rest[0] if rest else ()
        return n.CareType(str(name), title, parents, self._span(meta))

    def group(self, meta, children):
        name, *rest = children
        title = rest.pop(0) if isinstance(rest[0], Text) else None
        return n.Group(str(name), title, rest[0], self._span(meta))

    def suppression(self, meta, children):
        kind, *rest = children
        clause = str(rest.pop(0)) if len(rest) == 2 else None
        return n.Suppression(str(kind), clause, rest[0], self._span(meta))

    def text(self, meta, children):
        return Text(*(_unquote(c) for c in children))

    def part_of(self, meta, children):
        return children[0]

    def name_list(self, meta, children):
        return tuple(str(c) for c in children)

    def feature(self, meta, children):
        rest = children[1:]
        title = next((c for c in rest if isinstance(c, Text)), None)
        kind = next(c for c in rest if isinstance(c, n.FeatureType))
        per = next((c for c in rest if not isinstance(c, (Token, n.FeatureType, Text))), None)
        immutable = any(isinstance(c, Token) and c.type == "IMMUTABLE" for c in rest)
        return n.Feature(str(children[0]), title, per, kind, self._span(meta), immutable)

    def per_year(self, meta, children):
        return "jaar"

    def per_care_type(self, meta, children):
        return "zorgsoort"

    def t_bool(self, meta, children):   # `standaard ja|nee` arrives as a tree default_yes/default_no
        return n.FeatureType("bool", default={"default_yes": "ja", "default_no": "nee"}[children[0].data] if children else None)

    def t_int(self, meta, children):
        return n.FeatureType("int", decimals=children[0] if children else 0)

    def decimals(self, meta, children):
        return int(children[0])

    def t_count(self, meta, children):
        return n.FeatureType("count")

    def t_percentage(self, meta, children):
        return n.FeatureType("percentage", decimals=children[0] if children else 0)

    def t_date(self, meta, children):
        return n.FeatureType("date")

    def t_choice(self, meta, children):
        return n.FeatureType("choice", children[0])

    def t_multi(self, meta, children):
        return n.FeatureType("multi", children[0])

    def choice_list(self, meta, children):
        return tuple(c if isinstance(c, n.ChoiceValue) else self._choice(c) for c in children)

    def declared_choice(self, meta, children):
        token, title = children
        return self._choice(token, title)

    def _choice(self, token: Token, title: Text | None = None) -> n.ChoiceValue:
        if token.type == "STRING":
            return n.ChoiceValue(_unquote(token), True, self._tspan(token), title)
        return n.ChoiceValue(str(token), False, self._tspan(token), title)

    # clauses
    def clause(self, meta, children):
        kind, ident, *rest = children
        title = rest.pop(0) if rest and isinstance(rest[0], Text) else None
        citation, scope, scope_span = rest.pop(0)
        guard = exception = request = counts_as = None
        year = int(rest.pop(0)[1]) if rest and isinstance(rest[0], tuple) and rest[0][0] == "contract_year" else None
        reading = rest.pop(0) if rest and isinstance(rest[0], n.Reading) else None
        if rest and isinstance(rest[0], tuple) and rest[0][0] == "guard":
            guard = rest.pop(0)[1]
        condition = rest.pop(0)
        for part in rest:
            if part[0] == "exception":
                exception, request = part[1], part[2]
            elif part[0] == "counts_as":
                counts_as = part[1]
        return n.Clause(
            kind, str(ident), title, citation, scope, guard, condition, exception, request, counts_as,
            self._span(meta), scope_span, reading=reading, contract_year=year,
        )

    def reading(self, meta, children):
        return n.Reading(*children, *([None] * (2 - len(children))), self._span(meta))

    def __default__(self, data, children, meta):
        if data in CLAUSE_KINDS:   # the grammar's aliases for the clause kinds
            return ClauseKind(CLAUSE_KINDS[data])
        return super().__default__(data, children, meta)

    def placement(self, meta, children):
        if isinstance(children[0], n.Citation):
            citation, scope = children
        else:
            scope, citation = children
        return citation, scope[0], scope[1]

    def citation(self, meta, children):
        section = re.sub(r"\s+", "", str(children[0]))
        quote = _unquote(children[1]) if len(children) > 1 else None
        return n.Citation(section, quote, self._span(meta))

    def scope_list(self, meta, children):
        return (children[0], self._span(meta))

    def scope_all(self, meta, children):
        return (n.ALL_CARE_TYPES, self._span(meta))

    def guard(self, meta, children):
        return ("guard", children[0])

    def exception(self, meta, children):
        return ("exception", children[0], children[1] if len(children) > 1 else None)

    def request(self, meta, children):
        return children[0]

    def contract_year(self, meta, children):
        return ("contract_year", children[0])

    def counts_as(self, meta, children):
        return ("counts_as", str(children[0]))

    def _titled(self, children):
        """Split `NAME STRING? placement` into (name, title, citation, scope, scope_span, rest)."""
        name, *rest = children
        title = rest.pop(0) if rest and isinstance(rest[0], Text) else None
        return str(name), title, rest

    def tier(self, meta, children):
        label, title, rest = self._titled(children)
        (citation, scope, scope_span), condition = rest
        return n.Tier(label, title, citation, scope, condition, self._span(meta), scope_span)

    def term(self, meta, children):
        ident, title, rest = self._titled(children)
        (citation, scope, scope_span), *reading, start, end = rest   # reading: [] or [n.Reading]
        return n.Term(ident, title, citation, scope, int(start), int(end), self._span(meta), scope_span,
                      reading=reading[0] if reading else None)

    def _optional_scope(self, rest):
        citation = rest.pop(0)
        scope, scope_span = (), None
        if rest and isinstance(rest[0], tuple) and len(rest[0]) == 2 and isinstance(rest[0][1], Span):
            scope, scope_span = rest.pop(0)
        return citation, scope, scope_span

    def milestone(self, meta, children):
        kind, *children = children
        ident, title, rest = self._titled(children)
        citation, scope, scope_span = self._optional_scope(rest)
        return n.Milestone(kind, ident, title, citation, scope, rest[0], self._span(meta), scope_span)

    def m_offer(self, meta, children):
        return "aanbieding"

    def m_deadline(self, meta, children):
        return "deadline"

    def m_signing(self, meta, children):
        return "tekendatum"

    def m_publication(self, meta, children):
        return "publicatie"

    def m_other(self, meta, children):
        return "mijlpaal"

    def on_date(self, meta, children):
        return n.When("on", children[0], None, None, None, self._span(meta))

    def from_date(self, meta, children):
        return n.When("from", children[0], None, None, None, self._span(meta))

    def _month_when(self, kind, meta, children):
        month, year = children
        return n.When(kind, None, MONTHS[str(month)], int(year), None, self._span(meta))

    def early_month(self, meta, children):
        return self._month_when("early", meta, children)

    def mid_month(self, meta, children):
        return self._month_when("mid", meta, children)

    def end_month(self, meta, children):
        return self._month_when("end", meta, children)

    def after_event(self, meta, children):
        return n.When("after", None, None, None, children[0], self._span(meta))

    def as_text(self, meta, children):
        return n.When("text", None, None, None, children[0], self._span(meta))

    def start_rule(self, meta, children):
        ident, title, rest = self._titled(children)
        citation, scope, scope_span = self._optional_scope(rest)
        reading = rest.pop(0) if isinstance(rest[0], n.Reading) else None
        ref = rest.pop(0)
        guard = rest[0][1] if rest else None
        return n.StartRule(ident, title, citation, scope, ref, guard, self._span(meta), scope_span, reading=reading)


    # conditions
    def or_cond(self, meta, children):
        return n.Or(tuple(children), self._span(meta))

    def and_cond(self, meta, children):
        return n.And(tuple(children), self._span(meta))

    def negation(self, meta, children):
        return n.Not(children[0], self._span(meta))

    def truth(self, meta, children):
        return n.Truth(children[0], self._span(meta))

    def comparison(self, meta, children):
        ref, op, value = children
        return n.Comparison(ref, op, self._value(value), self._span(meta))

    def ratio(self, meta, children):
        part, op, percent, whole = children
        return n.Ratio(part, op, self._value(percent), whole, self._span(meta))

    def membership(self, meta, children):
        ref, *values = children
        return n.Membership(ref, tuple(self._choice(v) for v in values), self._span(meta))

    def all_required(self, meta, children):
        return n.AllRequired(self._span(meta))

    def factor_count(self, meta, children):
        return n.FactorCount(int(children[0]), self._span(meta))

    def ref(self, meta, children):
        year = int(children[1]) if len(children) > 1 else None
        return n.Ref(str(children[0]), year, self._span(meta))

    def gt(self, meta, children):
        return "gt"

    def ge(self, meta, children):
        return "ge"

    def lt(self, meta, children):
        return "lt"

    def le(self, meta, children):
        return "le"

    def eq(self, meta, children):
        return "eq"

    def _value(self, value):
        if isinstance(value, n.DateValue):
            return value
        if value.type == "PERCENT":
            number = str(value)[:-1]
            return n.PercentValue(Decimal(number.replace(",", ".")) if "," in number else int(number), self._tspan(value))
        if value.type == "DECIMAL":
            return n.DecimalValue(Decimal(str(value).replace(",", ".")), self._tspan(value))
        return n.IntValue(int(value), self._tspan(value))

    def iso_date(self, meta, children):
        text = str(children[0])
        try:
            value = dt.date.fromisoformat(text)
        except ValueError:
            value = None
        return n.DateValue(value, text, self._span(meta))

    def dutch_date(self, meta, children):
        day, month, year = children
        text = f"{day} {month} {year}"
        try:
            value = dt.date(int(year), MONTHS[str(month)], int(day))
        except ValueError:
            value = None
        return n.DateValue(value, text, self._span(meta))
