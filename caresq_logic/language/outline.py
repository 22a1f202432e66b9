"""An outline of a policy: what a provider file is checked against, without the rules.

`explain` of one provider file decides with the policies of the domains it delivers to, but
checks the file against every loaded policy (a kenmerk of another domain is valid and merely
unused; a misspelt one gets "bedoelde u"), lists every policy in force in its header and receipt,
and reports two rival publications (B241). The outlines of a policy file and of the earlier
publications derived from it carry just that, cached beside the policy (`cache.load_beside`):
loading them and only the needed policies in full saves unpickling the others (issue 12).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Failed, remember_source
from ..inputs import read_bounded
from ..resources import MAX_POLICY_BYTES
from . import cache, derive, nodes as n, ranges
from .resolve import Policy


@dataclass(frozen=True)
class Outline:
    """The header, kenmerken, zorgsoorten and ratio limits of one policy."""
    path: str                         # as `Policy.path`: the file as shown, `@year` for a derived one
    header: n.Header
    features: dict[str, n.Feature]
    care_types: tuple[str, ...]
    ratio_limits: dict[str, tuple[int, n.Ratio]]   # `ranges.limits` of this policy alone
    file: str                         # the policy file it comes from, as shown
    derived: int | None = None        # None: the file's own policy; else its place among those derived


def outlines(policy: Policy, derived: list[Policy]) -> tuple[Outline, list[Outline]]:
    """The outlines of a policy file's policy and of the publications derived from it."""
    def of(p: Policy, number: int | None) -> Outline:
        return Outline(p.path, p.header, dict(p.features), tuple(p.care_types), ranges.limits([p]), policy.path,
                       number)
    return of(policy, None), [of(p, number) for number, p in enumerate(derived)]


def _well_formed(made) -> bool:
    """A cache entry as `outlines` makes it (an entry of another shape is a miss)."""
    return (isinstance(made, tuple) and len(made) == 2 and isinstance(made[0], Outline)
            and isinstance(made[1], list) and all(isinstance(o, Outline) for o in made[1]))


class Outlined:
    """Policy files loaded as outlines (`add`), each policy unpickled in full only when asked for
    (`full`). `parse(path, shown)` gives a file's policy (`passes.parse_file`: cache, else Lark)."""

    def __init__(self, parse):
        self.parse = parse
        self.own: list[Outline] = []                  # one per file, in the order added
        self.digests: dict[str, str] = {}             # policy file as shown -> SHA-256
        self._sources: dict[str, Path] = {}
        self._derived: dict[str, list[Outline]] = {}
        self._parsed: dict[str, Policy] = {}          # made on a cache miss: not parsed twice

    def add(self, path: Path, shown: str) -> bool:
        """False when the file has no outline: it does not load, or a change list of it cannot be
        undone (then `passes.load` reports why, as without outlines)."""
        try:
            data = read_bounded(path, shown, MAX_POLICY_BYTES)
        except (OSError, Failed):
            return False
        remember_source(shown, path)
        self._sources[shown], self.digests[shown] = path, hashlib.sha256(data).hexdigest()
        made = cache.load_beside(data, shown, "outline")
        if not _well_formed(made):
            try:
                policy = self._parsed[shown] = self.parse(path, shown)
                made = outlines(policy, self._earlier(policy))
            except Failed:
                return False
            cache.store_beside(data, shown, "outline", made)
        self.own.append(made[0])
        self._derived[shown] = made[1]
        return True

    def earlier(self, outline: Outline) -> list[Outline]:
        """The outlines of the publications derived from a file's policy (`passes.with_derived`)."""
        return self._derived[outline.file]

    def full(self, outline: Outline) -> Policy:
        if outline.file not in self._parsed:
            self._parsed[outline.file] = self.parse(self._sources[outline.file], outline.file)
        policy = self._parsed[outline.file]
        return policy if outline.derived is None else self._earlier(policy)[outline.derived]

    def _earlier(self, policy: Policy) -> list[Policy]:
        return cache.derived(policy, self.digests[policy.path], derive.derive_all)
