"""Typed decoding at the clingo boundary: every shown atom of the decision program except the
hot `_h`/`_th` node keys becomes a small dataclass, in one place (the shape of clorm's
predicates, by hand). An atom of a name or arity this table does not know is a bug in the
compiler or here, and raises instead of being skipped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import clingo

from ..language.frozen import documented, fields_repr
from ..language.kinds import Outcome


def _number(symbol: clingo.Symbol) -> int:
    return symbol.number


def _constant(symbol: clingo.Symbol) -> str:
    return symbol.name


def _string(symbol: clingo.Symbol) -> str:
    return symbol.string


def _outcome(symbol: clingo.Symbol) -> Outcome:
    return Outcome(symbol.name)


def _atom(cls):
    """An atom is made, matched by its class (`completions`) and let go: dataclasses writes only
    its `__init__`, not the frozen guards and equality nothing uses (~0.3 ms a class at each start)."""
    cls = dataclass(eq=False, repr=False)(documented(cls))
    cls.__repr__ = fields_repr
    return cls


# Every atom's first two arguments: the provider's number and the zorgsoort.
@_atom
class Decided:              # _decision(P,Z,Outcome)
    provider: int
    care_type: str
    outcome: Outcome


@_atom
class TierGot:              # _tier(P,Z,"Label")
    provider: int
    care_type: str
    label: str


@_atom
class Inactive:             # _inactive(P,Z,Clause): in scope, but its `indien` guard failed
    provider: int
    care_type: str
    clause: str


@_atom
class Excepted:             # _excepted(P,Z,Clause): an uitsluiting's `tenzij` held
    provider: int
    care_type: str
    clause: str


@_atom
class FactorMet:            # _factor(P,Z,Factor)
    provider: int
    care_type: str
    factor: str


@_atom
class FactorVia:            # _factor_via(P,Z,Factor,Clause): Factor counts because Clause does
    provider: int
    care_type: str
    factor: str
    via: str


@_atom
class FactorCount:          # _nfactors(P,Z,K)
    provider: int
    care_type: str
    count: int


@_atom
class StartDate:            # _start_date(P,Z,Rule,YYYYMMDD)
    provider: int
    care_type: str
    rule: str
    date: int


Atom = Decided | TierGot | Inactive | Excepted | FactorMet | FactorVia | FactorCount | StartDate

SCHEMA: dict[str, tuple[type, tuple[Callable[[clingo.Symbol], object], ...]]] = {
    "_decision": (Decided, (_number, _constant, _outcome)),
    "_tier": (TierGot, (_number, _constant, _string)),
    "_inactive": (Inactive, (_number, _constant, _constant)),
    "_excepted": (Excepted, (_number, _constant, _constant)),
    "_factor": (FactorMet, (_number, _constant, _constant)),
    "_factor_via": (FactorVia, (_number, _constant, _constant, _constant)),
    "_nfactors": (FactorCount, (_number, _constant, _number)),
    "_start_date": (StartDate, (_number, _constant, _constant, _number)),
}


def decode(symbol: clingo.Symbol) -> Atom:
    try:
        cls, fields = SCHEMA[symbol.name]
    except KeyError:
        raise TypeError(f"no decoder for shown atom {symbol}") from None
    arguments = symbol.arguments
    if len(arguments) != len(fields):
        raise TypeError(f"{symbol} does not have the {len(fields)} arguments of {cls.__name__}")
    return cls(*(convert(argument) for convert, argument in zip(fields, arguments)))


# The same conversions from a symbol's text: `str(symbol)` is one foreign call, where reading a
# name and each argument is one or two each.
_FROM_TEXT: dict[Callable, Callable[[str], object]] = {_number: int, _constant: str, _outcome: Outcome}


def decode_text(text: str, symbol: clingo.Symbol) -> Atom:
    """`decode` of the symbol whose text (`str(symbol)`) this is; an atom with a string argument
    (its quotes and escapes) is decoded from the symbol itself."""
    name, _, inner = text.partition("(")
    if '"' in inner or name not in SCHEMA:
        return decode(symbol)
    cls, fields = SCHEMA[name]
    arguments = inner[:-1].split(",")
    if len(arguments) != len(fields):
        raise TypeError(f"{text} does not have the {len(fields)} arguments of {cls.__name__}")
    return cls(*(_FROM_TEXT[convert](argument) for convert, argument in zip(fields, arguments)))
