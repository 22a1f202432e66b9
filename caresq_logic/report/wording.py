"""Conditions, values and dates in plain words (Dutch or English), from the syntax tree and the
titles the policy declares; every word comes from the message catalogue. Ids and DSL syntax
appear only where a renderer asks for details."""

from __future__ import annotations

import datetime as dt

from ..decide import Value
from ..language import nodes as n
from ..language import printer
from ..language.resolve import Policy
from ..language.texts import english
from ..messages import ui

# Every catalogue key by name, so that each is used where it is written.
OPERATORS = {
    ("number", "gt"): "op.number.gt", ("number", "ge"): "op.number.ge", ("number", "lt"): "op.number.lt",
    ("number", "le"): "op.number.le", ("number", "eq"): "op.number.eq",
    ("date", "gt"): "op.date.gt", ("date", "ge"): "op.date.ge", ("date", "lt"): "op.date.lt",
    ("date", "le"): "op.date.le", ("date", "eq"): "op.date.eq",
}
CONNECTIVES = {"or": "or", "and": "word.and"}


def readable_id(name: str) -> str:
    """An id without a title, as words: `kwaliteitsregister_paramedici` -> `kwaliteitsregister paramedici`."""
    return name.replace("_", " ")


def shown(text: str | None, lang: str) -> str | None:
    """A policy's text for people in the language of the output: in English the authors'
    English, or, where they gave none, their Dutch marked as such (never silently mixed in)."""
    if text is None or lang == "nl":
        return text
    return english(text) or ui("word.dutch_only", lang, text=text)


def derived_source(label: str, lang: str) -> str:
    """The publication a year is derived from (`language.derive`'s label, "paramedische_zorg
    2026 versie 2026-10"), with the version word in the output language."""
    head, versioned, version = label.partition(" versie ")
    return head + (" " + ui("version", lang, version=version) if versioned else "")


def titled(title: str | None, ident: str, lang: str) -> str:
    """A declared title in the output language, or the id as words where the policy gave none."""
    return shown(title, lang) if title else readable_id(ident)


def feature_title(policy: Policy, ref: n.Ref, lang: str) -> str:
    feature = policy.features.get(ref.name)
    title = titled(feature.title if feature is not None else None, ref.name, lang)
    return title if ref.year is None else ui("word.for_year", lang, what=title, year=ref.year)


def listing(items: list[str], lang: str, last: str = "or") -> str:
    """`a, b of c` / `a, b or c` (or `en`/`and`)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {ui(CONNECTIVES[last], lang)} " + items[-1]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def date_text(value: dt.date, lang: str) -> str:
    return f"{value.day} {ui('months', lang).split()[value.month - 1]} {value.year}"


def choice_title(feature: n.Feature | None, value: str, lang: str) -> str:
    """A value of a `keuze uit` kenmerk by the title its declaration gives it (`kfir "KFIR"`)."""
    declared = next((c for c in feature.type.choices if c.value == value), None) if feature is not None else None
    return titled(declared.title if declared is not None else None, value, lang)


def _value(policy: Policy, ref: n.Ref, v: n.Value, lang: str) -> str:
    if isinstance(v, n.DateValue):
        return date_text(v.value, lang) if v.value else v.text
    if isinstance(v, n.ChoiceValue):
        return choice_title(policy.features.get(ref.name), v.value, lang)
    return printer.value(v)   # numbers as the policy writes them (a decimal comma)


def leaf(policy: Policy, c: n.Condition, lang: str) -> str:
    """One leaf condition as a sentence fragment a provider can read."""
    match c:
        case n.Truth():
            return feature_title(policy, c.ref, lang)
        case n.Comparison():
            kind = "date" if isinstance(c.value, n.DateValue) else "number"
            return ui(OPERATORS[(kind, c.op)], lang, what=feature_title(policy, c.ref, lang),
                      value=_value(policy, c.ref, c.value, lang))
        case n.Ratio():
            return ui(OPERATORS[("number", c.op)], lang, what=feature_title(policy, c.part, lang),
                      value=ui("word.percent_of", lang, percent=printer.number(c.percent.value),
                               whole=_lower_first(feature_title(policy, c.whole, lang))))
        case n.Membership():
            return ui("word.one_of", lang, what=feature_title(policy, c.ref, lang),
                      choices=listing([_value(policy, c.ref, v, lang) for v in c.values], lang))
        case n.AllRequired():
            return ui("all_required", lang)
        case n.FactorCount():
            return ui("word.factors", lang, needed=c.minimum)
        case n.Unknown():
            return ui("word.unknown_condition", lang)
        case n.Not():
            return ui("word.not", lang, what=leaf(policy, c.operand, lang) if isinstance(c.operand, n.LEAVES)
                      else condition(policy, c.operand, lang))
        case n.And() | n.Or():
            word = "and" if isinstance(c, n.And) else "or"
            return listing([condition(policy, o, lang) for o in c.operands], lang, word)
        case _:
            raise TypeError(f"no wording for condition {type(c).__name__}")


def condition(policy: Policy, c: n.Condition, lang: str) -> str:
    """A whole condition on one line (for short mentions: a guard, an exception)."""
    text = leaf(policy, c, lang)
    return f"({text})" if isinstance(c, (n.And, n.Or)) and len(c.operands) > 1 else text


def group_word(c: n.Condition, lang: str) -> str:
    """The heading of an inner node of a condition tree."""
    if isinstance(c, n.And):
        return ui("word.all_of", lang)
    if isinstance(c, n.Or):
        return ui("word.one_of_these", lang)
    return ui("word.none_of", lang)


def fmt_value(value: object, lang: str, feature: n.Feature | None = None) -> str:
    """A provider's value in words; a choice by its title when `feature` declares one."""
    if isinstance(value, dt.date):
        return date_text(value, lang)
    if value == "ja":
        return ui("yes", lang)
    if value == "nee":
        return ui("no", lang)
    if isinstance(value, str):
        return choice_title(feature, value, lang)
    return str(value)


def values_text(policy: Policy, values: tuple[Value, ...], syntax: n.Condition | None, lang: str) -> str:
    """What the provider's file says, for the leaf that read it: `nu: 3 van 10`."""
    if not values:
        return ""
    # A value's label is its kenmerk's name, then the year for a `per jaar` kenmerk.
    said = [(", ".join(fmt_value(v, lang, policy.features.get(value.label.split()[0])) for v in value.values)
             if value.values else ui("none_of_choices", lang) if value.empty else ui("unknown", lang))
            + (f" ({ui('default', lang)})" if value.default else "") for value in values]
    if isinstance(syntax, n.Ratio) and len(said) == 2:
        return ui("word.now", lang, value=ui("word.x_of_y", lang, part=said[0], whole=said[1]))
    return ui("word.now", lang, value="; ".join(said))
