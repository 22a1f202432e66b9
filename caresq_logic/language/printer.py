"""Print conditions back as policy text, the way an author wrote them.

Used for the comments of the compiled program and for explanations, so that a contract
manager reads the same words as the policy file.
"""

from __future__ import annotations

from decimal import Decimal

from . import nodes as n

OPERATORS = {"gt": "groter dan", "ge": "ten minste", "lt": "kleiner dan", "le": "hoogstens", "eq": "gelijk aan"}
DATE_OPERATORS = {"gt": "na", "ge": "vanaf", "lt": "voor", "le": "uiterlijk", "eq": "gelijk aan"}


def ref(r: n.Ref) -> str:
    return r.name if r.year is None else f"{r.name} {r.year}"


def number(value) -> str:
    """A number as the language writes it: a decimal comma (`0,8`)."""
    return str(value).replace(".", ",")


def integer_limit(scale: int = 1) -> str:
    """The largest magnitude a value of a kenmerk counted in 1/`scale` may have, as written."""
    return number(Decimal(n.MAX_INTEGER) / scale)


def value(v: n.Value) -> str:
    match v:
        case n.IntValue():
            return str(v.value)
        case n.DecimalValue():
            return number(v.value)
        case n.PercentValue():
            return f"{number(v.value)}%"
        case n.DateValue():
            return v.value.isoformat() if v.value else v.text
        case n.ChoiceValue():
            return f'"{v.value}"' if v.quoted else v.value
        case _:
            raise TypeError(f"no text for value {type(v).__name__}")


def condition(c: n.Condition, parent: str | None = None) -> str:
    match c:
        case n.Truth():
            return ref(c.ref)
        case n.Comparison():
            words = DATE_OPERATORS if isinstance(c.value, n.DateValue) else OPERATORS
            return f"{ref(c.ref)} {words[c.op]} {value(c.value)}"
        case n.Ratio():
            return f"{ref(c.part)} {OPERATORS[c.op]} {value(c.percent)} van {ref(c.whole)}"
        case n.Membership():
            return f"{ref(c.ref)} is " + " of ".join(value(v) for v in c.values)
        case n.AllRequired():
            return "alle randvoorwaarden"
        case n.FactorCount():
            return f"ten minste {c.minimum} differentiatiefactoren"
        case n.Unknown():
            return "onbekend"
        case n.Not():
            return "niet " + condition(c.operand, "niet")
        case n.And() | n.Or():
            return _connected(c, "en" if isinstance(c, n.And) else "of", parent)
        case _:
            raise TypeError(f"no text for condition {type(c).__name__}")


def _connected(c: n.And | n.Or, word: str, parent: str | None) -> str:
    parts = []
    for i, operand in enumerate(c.operands):
        text = condition(operand, word)
        # `x is a of b` reads its value list greedily: a membership followed by `of` needs brackets.
        if word == "of" and isinstance(operand, n.Membership) and i < len(c.operands) - 1:
            text = f"({text})"
        parts.append(text)
    text = f" {word} ".join(parts)
    needs = parent == "niet" or (parent == "en" and word == "of") or (parent == "of" and word == "en")
    return f"({text})" if needs else text
