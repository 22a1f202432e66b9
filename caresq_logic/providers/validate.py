"""Check facts against the declared kenmerken: arity, types, ranges, one value per single
kenmerk; convert dates to the integers the compiled program compares. The same for every
provider format (`lp`, `tables`), so all three are held to one standard."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ..language.reserved import AANBIEDER, LEVERT
from ..diagnostics import CONTROL, Diagnostic, closest, diag
from ..language import nodes as n, printer
from ..messages import Phrase, TypeName
from .model import Catalog, Fact, Locator, Term, arity


_DECIMAL = re.compile(r"-?[0-9]+([.,][0-9]+)?")


class Validator:
    def __init__(self, locator: Locator, catalog: Catalog, errors: list[Diagnostic]):
        self.locator = locator
        self.catalog = catalog
        self.errors = errors
        self.single: dict[tuple, Fact] = {}   # (kenmerk, provider, year/zorgsoort) -> first fact
        self.listed: dict[tuple, Fact] = {}   # the same for a meerkeuze: stated empty or not
        self.rejected: set[str] = set()        # providers with a fact that did not check

    def error(self, code: str, pos: int, hint=None, **args) -> None:
        self.errors.append(diag(code, self.locator.span(pos), hint=hint, **args))

    def run(self, facts: list[Fact], max_errors: int | None = None) -> list[Fact]:
        """The facts that check. Stops once more than `max_errors` are found: the rest would
        not be reported, and each unknown name costs a "bedoelde u" lookup."""
        checked_facts = []
        for fact in facts:
            if max_errors is not None and len(self.errors) > max_errors:
                break
            before = len(self.errors)
            checked = self.check(fact)
            if len(self.errors) > before and fact.args:
                self.rejected.add(fact.provider)
            if checked is not None:
                checked_facts.append(checked)
        return checked_facts

    def check(self, fact: Fact) -> Fact | None:
        for term in fact.args:   # JSON escapes ("\u0000", "\u001b") decode to what the file could not hold
            if term.kind != "int" and (control := CONTROL.search(str(term.value))):
                self.error("A223", term.pos, char=f"U+{ord(control.group()):04X}")
                return None
        name = fact.predicate
        if fact.negated and not all(f.type.kind in ("bool", "multi") for f in self.catalog.features.get(name, ())):
            kind = self.catalog.features[name][0].type.kind if name in self.catalog.features else None
            if kind is not None or name in (LEVERT, AANBIEDER):
                self.error("A210", fact.pos, name=name, kind=TypeName(kind or "choice"))
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
        empty_list = fact.negated and feature.type.kind == "multi"   # `-k(Id).`: none of the choices
        expected = arity(feature) - empty_list
        if empty_list and len(fact.args) == arity(feature):   # `-k(Id, a).`: "not a" says nothing of the rest
            self.error("A213", fact.pos, name=feature.name, value=fact.args[-1].shown())
            return None
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
            first = self.single.setdefault(key, fact)
            if first.negated != fact.negated:
                yes_no = {False: "ja", True: "nee"}
                self.error("A211", fact.pos, name=feature.name, provider=fact.provider, value=yes_no[fact.negated],
                           other=yes_no[first.negated], line=self.locator.span(first.pos).line)
                return None
            return fact
        if feature.type.kind == "multi":   # a list stated empty and a value of it: which one holds?
            first = self.listed.setdefault(key, fact)
            if first.negated != fact.negated:
                with_value = first if fact.negated else fact
                self.error("A212", fact.pos, name=feature.name, provider=fact.provider,
                           value=with_value.args[-1].shown(), line=self.locator.span(first.pos).line)
                return None
            if empty_list:
                return fact
        value = self.check_value(feature, args[-1])
        if value is None or not self.fits_ratios(feature, args[-1], value):
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

    def fits_ratios(self, feature: n.Feature, written: Term, value: Term) -> bool:
        """A ratio multiplies the value by a constant (`language.ranges`): the product must fit clingo's 32 bits."""
        limit = self.catalog.ratio_limits.get(feature.name)
        if limit is None or not isinstance(value.value, int) or abs(value.value) <= limit[0]:
            return True
        self.error("A250", written.pos, name=feature.name, value=written.shown(), ratio=printer.condition(limit[1]),
                   limit=printer.number(Decimal(limit[0]) / feature.type.scale))
        return False

    def check_decimal(self, feature: n.Feature, term: Term) -> Term | None:
        """A number with decimals (`"0,8"`, `"0.8"` or 1): as the integer the program compares
        (0,8 with 2 decimals is 80), exact; more decimals than declared is an error, not rounded."""
        decimals = feature.type.decimals
        text = str(term.value).strip()
        if term.kind not in ("int", "string") or not _DECIMAL.fullmatch(text):
            self.error("A203", term.pos, name=feature.name, expected=f'"0,{"0" * (decimals - 1)}8"', value=term.shown())
            return None
        number = Decimal(text.replace(",", "."))
        if n.decimals_of(number) > decimals or (feature.type.kind == "percentage" and not 0 <= number <= 100):
            allowed = f"{decimals} decimale(n)" + (", 0..100" if feature.type.kind == "percentage" else "")
            self.error("A204", term.pos, name=feature.name, value=term.shown(), allowed=allowed)
            return None
        if abs(number * feature.type.scale) > n.MAX_INTEGER:   # the program counts in 10**-decimals
            self.error("A220", term.pos, name=feature.name, value=term.shown(), limit=printer.integer_limit(feature.type.scale))
            return None
        return Term("int", int(number * feature.type.scale), term.pos)

    def check_value(self, feature: n.Feature, term: Term) -> Term | None:
        kind = feature.type.kind
        name = feature.name
        if kind in ("int", "count", "percentage") and feature.type.decimals:
            return self.check_decimal(feature, term)
        if kind in ("int", "count", "percentage"):
            if term.kind != "int":
                self.error("A203", term.pos, name=name, expected=TypeName(kind), value=term.shown())
                return None
            if abs(term.value) > n.MAX_INTEGER:
                self.error("A220", term.pos, name=name, value=term.value, limit=n.MAX_INTEGER)
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
                self.error("A203", term.pos, name=name, expected=Phrase("expected.date_format"), value=term.shown())
                return None
            try:
                date = dt.date.fromisoformat(str(term.value))
            except ValueError:
                self.error("A204", term.pos, name=name, value=term.shown(), allowed=Phrase("allowed.existing_date"))
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
