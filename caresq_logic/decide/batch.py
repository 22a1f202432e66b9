"""Decide a market: providers grouped by profile, one clingo solve per group of profiles.

Takes: a compiled `Program` and validated `ProviderFile`s.
Returns: a `Batch` that gives, per provider, the same `Decision`s `solve` gives for that provider
alone (tests/test_batch.py holds the two equal), at the cost of one solve per distinct profile.

A profile is everything the compiled program can observe of a provider: the facts its leaves
match as they are (ja/nee, keuze, levert, and the dates a start rule copies), and for a number the
program only compares, the truth of each comparison (`behandelindex 2024 > 150`, `aantal_x >= 30%
van aantal_y`), with "no value" (unknown) as a third truth; for a keuze the program reads only in
`is a of b`, per stated kenmerk (and year or zorgsoort) which of those lists its values meet
(`registratie irf;kfir` and `irf` are one profile). A ja/nee fact keeps its sign: a
stated nee (`-k(p).`), a ja and an unknown (absent) kenmerk are three different profiles. The
program has no rule that relates two providers, so two providers with one profile derive the same
atoms up to their id: the first one is solved as the profile's stand-in and every other member
gets its decisions, with the values in the explanation read from the member's own facts. The
decision itself always comes from clingo.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..asp.compiler import Program, asp_date, scaled
from ..language import nodes as n, ranges
from ..language.reserved import LEVERT
from ..language.conditions import conditions, refs, walk
from ..language.resolve import Policy
from ..providers.model import Fact, ProviderFile, Term
from .results import Decision, NodeResult
from .solver import DEFAULT_GROUND_LIMIT, DEFAULT_TIME_LIMIT, provider_value, solve

# Stand-ins per clingo call: the time and ground limits apply to each such group of work, so a
# large valid file never fails for its size alone.
PROFILES_PER_SOLVE = 2000
_OPS = {"gt": operator.gt, "ge": operator.ge, "lt": operator.lt, "le": operator.le, "eq": operator.eq}
_NUMERIC = ("int", "count", "percentage", "date")
NO_VALUE = 2   # the third truth of a comparison: a value it reads is not in the file


@dataclass(frozen=True)
class _Test:
    """One comparison leaf over compared-only kenmerken, as a Python predicate."""

    refs: tuple[tuple[str, int | None], ...]     # (kenmerk, year) read, in order
    holds: Callable[..., bool]


class Observation:
    """What the program of one policy observes of a provider: the profile key of its facts."""

    def __init__(self, policy: Policy):
        self.policy = policy
        raw: set[str] = {rule.ref.name for rule in policy.start_rules}   # dates copied into a head
        compared: set[str] = set()
        leaves: dict[tuple, n.Condition] = {}
        members: dict[str, list[frozenset[tuple[bool, object]]]] = {}   # kenmerk -> the lists `is a of b` asks for
        for condition in conditions(policy):
            for node in walk(condition):
                if isinstance(node, (n.Comparison, n.Ratio)):
                    names = [r.name for r in refs(node)]
                    compared.update(names)
                    leaves.setdefault(self._signature(node), node)
                elif isinstance(node, n.Truth):
                    raw.add(node.ref.name)
                elif isinstance(node, n.Membership):
                    members.setdefault(node.ref.name, []).append(frozenset((v.quoted, v.value) for v in node.values))
        # A keuze read only by `is a of b` is observed only in whether it is stated and which of
        # those lists of values its values meet.
        self.mentioned = {name: tuple(frozenset(values) for values in dict.fromkeys(lists))
                          for name, lists in members.items() if name not in raw | compared}
        raw |= set(members) - set(self.mentioned)
        features = policy.features
        for name in list(compared):
            # Per zorgsoort, the truth would depend on the zorgsoort: read such a number as it is.
            if features[name].per == "zorgsoort" or features[name].type.kind not in _NUMERIC:
                raw.add(name)
        self.compared = frozenset(compared - raw)
        self.raw = frozenset(raw)
        self.tests = [self._test(node) for node in leaves.values()
                      if all(r.name in self.compared for r in refs(node))]
        # For one cell of a table (`coarse`): the tests that read only that cell.
        self.paired = [test for test in self.tests if len(test.refs) > 1]
        self.single: dict[tuple, list[_Test]] = {}
        for test in self.tests:
            if len(test.refs) == 1:
                self.single.setdefault(test.refs[0], []).append(test)

    @staticmethod
    def _signature(node) -> tuple:
        if isinstance(node, n.Comparison):
            return ("cmp", node.ref.name, node.ref.year, node.op, node.value.value)
        return ("ratio", node.part.name, node.part.year, node.op, node.percent.value, node.whole.name, node.whole.year)

    def _test(self, node) -> _Test:
        """The leaf's arithmetic exactly as `asp.compiler` writes it, on the facts' integers."""
        op = _OPS[node.op]
        features = self.policy.features
        if isinstance(node, n.Comparison):
            value = node.value
            bound = (asp_date(value.value) if isinstance(value, n.DateValue)
                     else scaled(value.value, features[node.ref.name].type.scale))
            return _Test(((node.ref.name, node.ref.year),), lambda v: op(v, bound))
        left, right = ranges.factors(node, features)
        # 100*sp*sb*A op P*sa*B, and a whole of 0 has no share at all (B > 0)
        return _Test(((node.part.name, node.part.year), (node.whole.name, node.whole.year)),
                     lambda a, b: b > 0 and op(left * a, right * b))

    def coarse(self, facts: Iterable[Fact]) -> tuple:
        """What the program can tell apart of one cell's facts (one column of one row) but for the
        tests that read two cells (`paired`): with those, equal for two cells whenever `key` is
        equal for two rows that differ only in that cell."""
        raw, numbers, chosen = [], [], []
        features = self.policy.features
        for fact in facts:
            name = fact.predicate
            if name in self.compared:
                ref = (name, fact.args[1].value if features[name].per == "jaar" else None)
                value = fact.args[-1].value
                if not isinstance(value, int):
                    numbers.append((ref, value))
                else:
                    numbers.append((ref, tuple(test.holds(value) for test in self.single.get(ref, ()))))
            elif name in self.mentioned:
                chosen.append(fact)
            elif name in self.raw or (name == LEVERT and fact.args[1].value in self.policy.care_types):
                raw.append(fact.asp(""))
        return tuple(dict.fromkeys(raw + self._chosen(chosen))), tuple(numbers)

    def _chosen(self, facts: Iterable[Fact]) -> list[str]:
        """The facts of keuzes read only in `is a of b` as the profile holds them: a stated empty
        meerkeuze as it is; otherwise per kenmerk (and year or zorgsoort) that it is stated and
        which of those lists one of its values meets."""
        met: dict[str, list[bool]] = {}
        found = []
        for fact in facts:
            if fact.negated:
                found.append(fact.asp(""))
                continue
            lists = self.mentioned[fact.predicate]
            group = f"{fact.predicate}({','.join(a.asp() for a in fact.args[1:-1])})"
            said = (fact.args[-1].kind == "string", fact.args[-1].value)   # as `Membership` lists it
            meets = met.setdefault(group, [False] * len(lists))
            for number, values in enumerate(lists):
                meets[number] = meets[number] or said in values
        found += [f"{group} meets {''.join('1' if m else '0' for m in meets)}" for group, meets in met.items()]
        return found

    def key(self, facts: Iterable[Fact]) -> tuple:
        """The profile of one provider's facts: equal keys, equal atoms up to the provider id."""
        raw, numbers, chosen = [], {}, []
        per_year = self.policy.features
        care_types = self.policy.care_types
        for fact in facts:
            name = fact.predicate
            if name in self.compared:
                year = fact.args[1].value if per_year[name].per == "jaar" else None
                numbers.setdefault((name, year), []).append(fact.args[-1].value)
            elif name in self.mentioned:
                chosen.append(fact)
            elif name in self.raw or (name == LEVERT and fact.args[1].value in care_types):
                raw.append(fact.asp(""))
        raw += self._chosen(chosen)
        truths = []
        for test in self.tests:
            columns = [numbers.get(r) for r in test.refs]
            if not all(columns):
                # Unknown: clingo completes the missing value, so what the completions can give
                # still turns on the values that are there (a part of 0 never reaches a share).
                truths.append((NO_VALUE, repr(columns)) if any(columns) else NO_VALUE)
            elif not all(isinstance(v, int) for column in columns for v in column):
                truths.append(repr(columns))   # not a number after all: keep it as it is
            elif len(columns) == 1:
                truths.append(any(test.holds(v) for v in columns[0]))
            else:
                truths.append(any(test.holds(a, b) for a in columns[0] for b in columns[1]))
        return tuple(dict.fromkeys(raw)), tuple(truths)


@dataclass
class Batch:
    """The decisions of one policy for a set of provider files, shared by profile."""

    program: Program
    # (file, provider) -> profile number, for providers not in a table's rows
    profile_of: dict[tuple[str, str], int] = field(default_factory=dict)
    # file -> the profile number per row of its table (`columns.Table`: row_of gives a provider's row)
    rows: dict[str, list[int]] = field(default_factory=dict)
    # profile number -> the stand-in's decisions (its provider id is the profile number)
    shared: list[list[Decision]] = field(default_factory=list)
    facts: dict[tuple[str, str], list[Fact]] = field(default_factory=dict)
    files: dict[str, ProviderFile] = field(default_factory=dict)   # names; tables: facts read per member asked

    def profile(self, member: tuple[str, str]) -> int:
        return self.profiles(member[0], (member[1],))[0]

    def profiles(self, path: str, providers) -> list[int]:
        """The profile of each of these providers of one file, at the cost of a lookup each."""
        rows = self.rows.get(path)
        if rows is None:
            return [self.profile_of[(path, p)] for p in providers]
        table = self.files[path].table
        if providers == table.ids:   # every row, in order: a market's records
            return rows
        row_of = table.row_of
        return [self.profile_of[(path, p)] if (row := row_of.get(p)) is None else rows[row] for p in providers]

    def shared_decisions(self, member: tuple[str, str]) -> list[Decision]:
        """The stand-in's decisions: outcome, tier, clauses and factors are the member's; its
        id and the values in the explanation are not (use `decisions` for those)."""
        return self.shared[self.profile(member)]

    def decisions(self, member: tuple[str, str]) -> list[Decision]:
        """The member's full decisions, as `solve` gives them for it alone: per provider asked."""
        facts = {}
        own = self.facts.get(member)
        if own is None and member[0] in self.files:
            own = self.files[member[0]].facts_of(member[1])
        for fact in own or ():
            facts.setdefault((member, fact.predicate), []).append(fact)
        return [self._rebind(d, member, facts) for d in self.shared_decisions(member)]

    def _rebind(self, d: Decision, member: tuple[str, str], facts: dict) -> Decision:
        policy = self.program.policy
        z = d.care_type.name
        # Not a recursive closure: that is a reference cycle, which (with the collector off, see
        # cli.main) kept every provider's facts alive until the end of a whole report.
        node = functools.partial(_rebound, policy, facts, member, z)
        return dataclasses.replace(
            d, file=member[0], provider=member[1], provider_name=self.files[member[0]].names.get(member[1]),
            clauses=tuple(dataclasses.replace(c, condition=node(c.condition), guard=node(c.guard),
                                              exception=node(c.exception)) for c in d.clauses),
            tiers=tuple(dataclasses.replace(t, condition=node(t.condition)) for t in d.tiers),
            next_tier=(dataclasses.replace(d.next_tier, condition=node(d.next_tier.condition))
                       if d.next_tier else None),
            start_dates=tuple((rule, date, provider_value(policy, facts, member, z, rule.ref))
                              for rule, date, _ in d.start_dates),
        )


def _rebound(policy: Policy, facts: dict, member: tuple[str, str], z: str, result: NodeResult | None) -> NodeResult | None:
    """A node of the stand-in's explanation with the values read from the member's own facts."""
    if result is None:
        return None
    if result.children:
        return dataclasses.replace(result, children=tuple(_rebound(policy, facts, member, z, c) for c in result.children))
    # A leaf (or `niet` of one): the stand-in was decided without values (`solve`).
    values = tuple(provider_value(policy, facts, member, z, r) for r in refs(result.syntax))
    return dataclasses.replace(result, values=values) if values else result


def decide(program: Program, provider_files: list[ProviderFile], time_limit: float = DEFAULT_TIME_LIMIT,
           ground_limit: int = DEFAULT_GROUND_LIMIT, keep_facts: bool = True,
           progress: Callable[[int], None] | None = None, solved: dict | None = None) -> Batch:
    """Group, solve the stand-ins `PROFILES_PER_SOLVE` at a time, and share. `keep_facts=False`
    keeps only the profile per provider (a whole market's JSON Lines need no values);
    `progress(n)` is told of every n profiles decided. `solved` (profile -> decisions) carries
    the profiles of earlier calls with this program (the files of one market): not solved again."""
    solved = {} if solved is None else solved
    observation = Observation(program.policy)
    batch = Batch(program)
    wanted = set(program.policy.features) | {LEVERT}
    profiles: dict[tuple, int] = {}
    stand_ins: list[list[Fact]] = []

    def profile(facts: list[Fact]) -> int:
        key = observation.key(facts)
        number = profiles.get(key)
        if number is None:
            number = profiles[key] = len(stand_ins)
            stand_ins.append(facts)
            batch.shared.append(solved.get(key))
        return number

    for provider_file in provider_files:
        batch.files[provider_file.path] = provider_file
        if provider_file.table is not None:   # its rows read column-wise; the others' facts are here
            _table_profiles(batch, observation, provider_file, wanted, profile)
            by_provider: dict[str, list[Fact]] = {p: [] for p in provider_file.table.slow}
            facts_read = [f for facts in provider_file.table.slow.values() for f in facts]
        else:
            by_provider = {p: [] for p in provider_file.providers}
            facts_read = provider_file.facts
        for fact in facts_read:
            if fact.predicate in wanted:
                by_provider[fact.provider].append(fact)
        for provider, facts in by_provider.items():
            member = (provider_file.path, provider)
            batch.profile_of[member] = profile(facts)
            if keep_facts and provider_file.table is None:
                batch.facts[member] = facts
    # A profile that delivers none of this policy's zorgsoorten has no decisions: no solve.
    care_types = program.policy.care_types
    deciding = [k for k, facts in enumerate(stand_ins) if batch.shared[k] is None
                and any(f.predicate == LEVERT and f.args[1].value in care_types for f in facts)]
    for k, decisions in enumerate(batch.shared):
        if decisions is None:
            batch.shared[k] = []
    for start in range(0, len(deciding), PROFILES_PER_SOLVE):
        group = deciding[start:start + PROFILES_PER_SOLVE]
        facts = tuple(Fact(f.predicate, (Term("int", k, f.pos), *f.args[1:]), f.pos, f.negated)
                      for k in group for f in stand_ins[k])
        providers = tuple(str(k) for k in group)
        for decision in solve(program, [ProviderFile("", facts, providers)], time_limit, ground_limit, values=False):
            batch.shared[int(decision.provider)].append(decision)
        if progress:
            progress(len(group))
    for key, number in profiles.items():
        solved.setdefault(key, batch.shared[number])
    return batch


def _table_profiles(batch: Batch, observation: Observation, provider_file: ProviderFile, wanted: set[str],
                    profile: Callable[[list[Fact]], int]) -> None:
    """The rows a table read column-wise, grouped without building their facts: per column, the
    cells this policy cannot tell apart share a class; rows with the same classes are one
    profile, keyed by the facts of the first such row's cells (numpy: a row is a number per column)."""
    import numpy as np

    table = provider_file.table
    rows = len(table.ids)
    classes_by_column = []   # (class per row, how many classes)
    for column, cells in table.cells.items():
        classes: dict[tuple, int] = {}
        class_of = np.array([classes.setdefault(observation.coarse(facts), len(classes)) for facts in cells],
                            dtype=np.int64)
        if len(classes) > 1:
            classes_by_column.append((class_of[table.numbers[column]], len(classes)))
    classes_by_column += _paired_truths(observation, table)
    key, span = np.zeros(rows, dtype=np.int64), 1
    for classes, count in classes_by_column:   # the classes of a row as one number
        if span * count >= 2 ** 62:   # renumber the keys so far before they overflow
            distinct, key = np.unique(key, return_inverse=True)
            key, span = key.reshape(-1), len(distinct)
        key, span = key * count + classes, span * count
    _, first_rows, group_of = np.unique(key, return_index=True, return_inverse=True)
    profile_of_group = np.zeros(len(first_rows), dtype=np.int64)
    for group in np.argsort(first_rows, kind="stable"):   # profiles numbered in the order of the file
        row = int(first_rows[group])
        facts = [f for column, cells in table.cells.items() for f in cells[table.numbers[column][row]]
                 if f.predicate in wanted]
        profile_of_group[group] = profile(facts)
    batch.rows[provider_file.path] = profile_of_group[group_of.reshape(-1)].tolist()


def _paired_truths(observation: Observation, table) -> list[tuple]:
    """Per test of two numbers (`a >= 30% van b`), its truth per row of the table as a class
    number (with how many), from each distinct pair of cells once."""
    import numpy as np

    numbers = {}   # (kenmerk, year) -> (column, value per cell number)
    features = observation.policy.features
    for column, cells in table.cells.items():
        for number, facts in enumerate(cells):
            for fact in facts:
                if fact.predicate in observation.compared:
                    ref = (fact.predicate, fact.args[1].value if features[fact.predicate].per == "jaar" else None)
                    numbers.setdefault(ref, (column, [None] * len(cells)))[1][number] = fact.args[-1].value
    result = []
    for test in observation.paired:
        if not all(ref in numbers for ref in test.refs):
            continue   # a side no column gives: no value for any row
        (a, values_a), (b, values_b) = (numbers[ref] for ref in test.refs)
        pairs = table.numbers[a] * len(values_b) + table.numbers[b]   # a distinct pair of cells as one number
        distinct, pair_of_row = np.unique(pairs, return_inverse=True)
        truths: dict[object, int] = {}
        class_of_pair = []
        for pair in distinct.tolist():
            x, y = values_a[pair // len(values_b)], values_b[pair % len(values_b)]
            if x is None or y is None:   # as `key`: an unknown side's completions turn on the other
                truth = NO_VALUE if x is None and y is None else (NO_VALUE, repr((x, y)))
            else:
                truth = test.holds(x, y) if isinstance(x, int) and isinstance(y, int) else repr((x, y))
            class_of_pair.append(truths.setdefault(truth, len(truths)))
        if len(truths) > 1:
            result.append((np.array(class_of_pair, dtype=np.int64)[pair_of_row.reshape(-1)], len(truths)))
    return result
