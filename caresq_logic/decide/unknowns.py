"""Unknown provider facts: what a provider did not state becomes a choice over its completions.

A kenmerk that a policy's conditions read and a provider's file does not state is onbekend
(a ja/nee kenmerk with `standaard nee`/`standaard ja` takes that value instead). For each such
(provider, kenmerk[, jaar or zorgsoort]) this module writes one choice rule over the values the
policy can tell apart (`asp.cells`), so that clingo considers every completion:

- ja/nee: `{ k(P) }.`; keuze: exactly one of its choices; meerkeuze: any subset;
- getal, aantal, percentage, datum: exactly one value out of the threshold cells, and for a
  ratio whose other side is known, the cells around the flip point given that side.

Only what the clauses and tiers of the provider's own zorgsoorten read can be unknown: the rules
of another zorgsoort are never grounded for it. A stated meerkeuze list is complete: stating
some values says the others are not there.
The rules are built from the validated facts only, with the provider as its number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..asp.cells import in_range, part_cells, threshold_cells, whole_cells
from ..asp.compiler import choice_term
from ..language import nodes as n
from ..language.reserved import LEVERT
from ..language.conditions import refs, walk
from ..language.ranges import ratios
from ..language.resolve import Policy
from ..providers.model import Fact


Key = tuple[str, object]   # (kenmerk, year or zorgsoort or None)
# The key of what a derived year's text leaves unknown (`onbekend` conditions): no provider can
# state it, so every provider the policy decides has it unknown.
UNSTATED_BY_TEXT: Key = ("_onbekend", None)


@dataclass(frozen=True)
class Unknowns:
    """The kenmerken a policy reads, with the cells of each, computed once per policy."""

    policy: Policy
    read: dict[tuple[str, int | None], set[str]]      # (kenmerk, year) the conditions read -> for which zorgsoorten
    cells: dict[tuple[str, int | None], set[int]]
    ratios: tuple[n.Ratio, ...]
    silent: bool = False    # has `onbekend` conditions (a derived year): each one is either way
    _keys: dict = field(default_factory=dict, compare=False, repr=False)   # `keys` per set of zorgsoorten

    @classmethod
    def of(cls, policy: Policy) -> "Unknowns":
        # Clauses and tiers decide, each for its zorgsoorten only (a provider that delivers none of
        # them never grounds it); a start rule's guard only dates the start (no date, no start).
        scoped = [(c, clause.care_types) for clause in policy.clauses.values()
                  for c in (clause.condition, clause.guard, clause.exception) if c is not None]
        scoped += [(tier.condition, (z,)) for z, tiers in policy.tiers.items() for tier in tiers]
        read: dict[tuple[str, int | None], set[str]] = {}
        for condition, care_types in scoped:
            for r in refs(condition):
                read.setdefault((r.name, r.year), set()).update(care_types)
        silent = any(isinstance(node, n.Unknown) for c, _ in scoped for node in walk(c))
        return cls(policy, read, threshold_cells(policy), tuple(ratios(policy)), silent)

    def keys(self, care_types: list[str]) -> list[tuple[Key, n.Feature]]:
        """Every (kenmerk, qualifier) the conditions may read for a provider delivering these
        (the same for every provider of a market that delivers the same: kept per set)."""
        known = self._keys.get(tuple(care_types))
        if known is None:
            known = self._keys[tuple(care_types)] = self._keys_of(care_types)
        return known

    def _keys_of(self, care_types: list[str]) -> list[tuple[Key, n.Feature]]:
        result = []
        for (name, year), read_for in self.read.items():
            feature = self.policy.features[name]
            if not read_for.intersection(care_types):
                continue   # read only for zorgsoorten this provider does not deliver
            if feature.per == "zorgsoort":
                result += [((name, z), feature) for z in care_types if z in read_for]
            else:
                result.append(((name, year if feature.per == "jaar" else None), feature))
        return result

    def completions(self, number: str, facts: list[Fact]) -> tuple[list[str], list[Key]]:
        """Choice rules (and defaulted ja facts) for one provider's unstated kenmerken, and
        which keys are unknown. `facts` are that provider's validated facts."""
        policy = self.policy
        care_types = [str(f.args[1].value) for f in facts if f.predicate == LEVERT
                      and str(f.args[1].value) in policy.care_types]
        if not care_types:   # nothing of this policy's to decide: nothing is unknown
            return [], []
        stated: dict[Key, list[Fact]] = {}
        for fact in facts:
            feature = policy.features.get(fact.predicate)
            if feature is not None:
                stated.setdefault((fact.predicate, fact.args[1].value if feature.per else None), []).append(fact)
        rules: list[str] = []
        unknown: list[Key] = []
        if self.silent:
            rules.append(f"{{ _onbekend({number},C,N) : _onbekend_node(C,N) }}.")
            unknown.append(UNSTATED_BY_TEXT)
        for key, feature in self.keys(care_types):
            if key in stated:
                continue
            name, qualifier = key
            args = [number] + ([str(qualifier)] if feature.per else [])
            kind = feature.type.kind
            if kind == "bool":
                if feature.type.default == "ja":
                    rules.append(f"{name}({','.join(args)}).")
                elif feature.type.default is None:
                    rules.append(f"{{ {name}({','.join(args)}) }}.")
                    unknown.append(key)
                continue
            unknown.append(key)
            if kind in ("choice", "multi"):
                atoms = ";".join(f"{name}({','.join(args + [choice_term(c)])})" for c in feature.type.choices)
                rules.append(f"1 {{ {atoms} }} 1." if kind == "choice" else f"{{ {atoms} }}.")
                continue
            values = sorted(v for v in self.values(key, feature, stated) if in_range(feature, v)) or [0]
            atoms = ";".join(f"{name}({','.join(args + [str(v)])})" for v in values)
            rules.append(f"1 {{ {atoms} }} 1.")
        return rules, unknown

    def values(self, key: Key, feature: n.Feature, stated: dict[Key, list[Fact]]) -> set[int]:
        name, qualifier = key
        year = qualifier if feature.per == "jaar" else None
        values = set(self.cells.get((name, year), ()))
        for ratio in self.ratios:   # the other side known: the cells around its flip point
            for mine, other, cells in ((ratio.part, ratio.whole, part_cells), (ratio.whole, ratio.part, whole_cells)):
                if mine.name != name or mine.year != year:
                    continue
                other_feature = self.policy.features[other.name]
                other_key = (other.name, other.year if other_feature.per == "jaar" else
                             qualifier if other_feature.per == "zorgsoort" else None)
                for fact in stated.get(other_key, ()):
                    values |= cells(ratio.percent.value, int(fact.args[-1].value))
        return values
