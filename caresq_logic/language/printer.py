"""Print conditions back as policy text, the way an author wrote them.

Used for the comments of the compiled program and for explanations, so that a contract
manager reads the same words as the policy file.
"""

from __future__ import annotations

from . import nodes as n

OPERATORS = {"gt": "groter dan", "ge": "ten minste", "lt": "kleiner dan", "le": "hoogstens", "eq": "gelijk aan"}
DATE_OPERATORS = {"gt": "na", "ge": "vanaf", "lt": "voor", "le": "uiterlijk", "eq": "gelijk aan"}


def ref(r: n.Ref) -> str:
    return r.name if r.year is None else f"{r.name} {r.year}"


def value(v: n.Value) -> str:
    if isinstance(v, n.IntValue):
        return str(v.value)
    if isinstance(v, n.PercentValue):
        return f"{v.value}%"
    if isinstance(v, n.DateValue):
        return v.value.isoformat() if v.value else v.text
    return f'"{v.value}"' if v.quoted else v.value


def condition(c: n.Condition, parent: str | None = None) -> str:
    if isinstance(c, n.Truth):
        return ref(c.ref)
    if isinstance(c, n.Comparison):
        words = DATE_OPERATORS if isinstance(c.value, n.DateValue) else OPERATORS
        return f"{ref(c.ref)} {words[c.op]} {value(c.value)}"
    if isinstance(c, n.Ratio):
        return f"{ref(c.part)} {OPERATORS[c.op]} {c.percent.value}% van {ref(c.whole)}"
    if isinstance(c, n.Membership):
        return f"{ref(c.ref)} is " + " of ".join(value(v) for v in c.values)
    if isinstance(c, n.AllRequired):
        return "alle randvoorwaarden"
    if isinstance(c, n.FactorCount):
        return f"ten minste {c.minimum} differentiatiefactoren"
    if isinstance(c, n.Unknown):
        return "onbekend"
    if isinstance(c, n.Not):
        return "niet " + condition(c.operand, "niet")
    word = "en" if isinstance(c, n.And) else "of"
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
