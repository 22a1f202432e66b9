"""Check policies for contradictions, overlaps, gaps, dead clauses and cross-year problems.

Takes: checked `Policy` values (all years).
Returns: `findings.Finding`s, with severities applied and suppressions marked.

The search happens in clingo. Per policy, one *check program* is grounded once: the compiled
decision program, plus a witness provider `w` whose kenmerken are choice rules over a finite
space. Numeric kenmerken are reduced to the values around every threshold the policy names
(c-1, c, c+1; for a ratio p% the part p-1, p, p+1 of a whole of 100), which is complete for
the comparisons the language has. Every question is then one `solve` with an assumption
selecting its goal:

- a goal that is satisfiable gives a witness (printed as a provider file);
- an unsatisfiable goal gives an unsat core over `on(C)`, the switches of the restrictive
  clauses (randvoorwaarden, aanvullende voorwaarden, selectie, uitsluitingen), which is then
  reduced to a minimal core by deletion.

Only the comparisons between years, between milestone dates, and of the change lists are
plain Python over clause texts and dates; no provider combination is ever enumerated in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import clingo

from . import decide
from . import nodes as n
from . import printer
from .compiler import choice_term, compile_policy
from .findings import KINDS, Finding, Involved
from .provider import Catalog, read
from .vocabulary import LEVERT
from .resolve import Policy, refs, walk

RESTRICTIVE = ("randvoorwaarde", "aanvullende_voorwaarde", "selectie", "uitsluiting")
SWITCHABLE = RESTRICTIVE + ("benaderd", "niet_benaderd")
REQUIRED = ("randvoorwaarde", "aanvullende_voorwaarde", "selectie")
WITNESS = "w"


def involved(policy: Policy, ident: str) -> Involved:
    clause = policy.clauses[ident]
    return Involved(ident, clause.title, clause.citation.section, clause.span)


# ---- the witness space ------------------------------------------------------------------------


def _shift_date(number: int, days: int) -> int:
    date = dt.date(number // 10000, number // 100 % 100, number % 100) + dt.timedelta(days=days)
    return date.year * 10000 + date.month * 100 + date.day


def _conditions(policy: Policy):
    """Every condition of a policy: of clauses (with guards and exceptions), tiers, start rules."""
    for clause in policy.clauses.values():
        yield from (c for c in (clause.condition, clause.guard, clause.exception) if c is not None)
    for tiers in policy.tiers.values():
        yield from (t.condition for t in tiers)
    yield from (r.guard for r in policy.start_rules if r.guard is not None)


def _candidates(policy: Policy) -> dict[tuple[str, int | None], set[int]]:
    """Per (numeric kenmerk, year): the values around every threshold the policy compares it with."""
    values: dict[tuple[str, int | None], set[int]] = {}
    for condition in _conditions(policy):
        for node in walk(condition):
            if isinstance(node, n.Comparison):
                key = (node.ref.name, node.ref.year)
                if isinstance(node.value, n.DateValue):
                    c = node.value.value.year * 10000 + node.value.value.month * 100 + node.value.value.day
                    values.setdefault(key, set()).update({_shift_date(c, -1), c, _shift_date(c, 1)})
                else:
                    c = node.value.value
                    values.setdefault(key, set()).update({c - 1, c, c + 1})
            elif isinstance(node, n.Ratio):
                p = node.percent.value
                values.setdefault((node.whole.name, node.whole.year), set()).add(100)
                values.setdefault((node.part.name, node.part.year), set()).update({p - 1, p, p + 1})
    year = policy.header.year
    for rule in policy.start_rules:   # a date before and one inside the contract year to start from
        values.setdefault((rule.ref.name, None), set()).update({(year - 1) * 10000 + 515, year * 10000 + 515})
    return values


def _in_range(feature: n.Feature, value: int) -> bool:
    kind = feature.type.kind
    if kind == "count":
        return value >= 0
    if kind == "percentage":
        return 0 <= value <= 100
    return True


def witness_space(policy: Policy) -> list[str]:
    """Choice rules: which facts the witness provider may have."""
    # Every choice has a matching #minimize element: a printed witness is a smallest one.
    rules = [f"{{ levert({WITNESS},Z) : zorgsoort(Z) }}.", f"#minimize {{ 1,levert,Z : levert({WITNESS},Z) }}."]
    candidates = _candidates(policy)
    referenced = {(r.name, r.year) for r in _all_refs(policy)}
    for (name, year) in sorted(referenced, key=lambda k: (k[0], k[1] or 0)):
        feature = policy.features[name]
        first = [WITNESS] + ([str(year)] if feature.per == "jaar" else [])
        per_z = feature.per == "zorgsoort"
        body = " : zorgsoort(Z)" if per_z else ""
        args = ",".join(first + (["Z"] if per_z else []))
        kind = feature.type.kind
        variables = (["Z"] if per_z else []) + ([] if kind == "bool" else ["V"])
        atom = f"{name}({','.join(first + variables)})"
        rules.append(f"#minimize {{ 1,{name},{year or 0}{''.join(',' + v for v in variables)} : {atom} }}.")
        if kind == "bool":
            rules.append(f"{{ {name}({args}){body} }}.")
            continue
        if kind in ("choice", "multi"):
            options = [choice_term(c) for c in feature.type.choices]
            domain = ";".join(options)
            bound = " 1" if kind == "choice" else ""
            rules.append(f"{{ {name}({args},V) : witness_value({name},V){', zorgsoort(Z)' if per_z else ''} }}{bound}.")
            rules.append(f"witness_value({name},({domain})).")
            continue
        values = sorted(v for v in candidates.get((name, year), {0}) if _in_range(feature, v))
        rules.append(f"witness_value({name},{year or 0},({';'.join(map(str, values or [0]))})).")
        rules.append(f"{{ {name}({args},V) : witness_value({name},{year or 0},V){', zorgsoort(Z)' if per_z else ''} }} 1.")
    return rules


def _all_refs(policy: Policy):
    for condition in _conditions(policy):
        yield from refs(condition)
    yield from (rule.ref for rule in policy.start_rules)


# ---- goals -------------------------------------------------------------------------------------

GOALS = f"""
% ---- check: goals, each selected by an assumption on goal(G) --------------------------------
#external goal(G) : goal_id(G). [free]
x_other_failed(Z,C) :- failed({WITNESS},Z,C), failed({WITNESS},Z,C2), C2 != C.
x_other_blocked(Z,C) :- not_approached({WITNESS},Z,C), not_approached({WITNESS},Z,C2), C2 != C.
x_excluded(Z) :- excluded({WITNESS},Z,_).
x_by(Z,C) :- excluded({WITNESS},Z,C).
x_other_excluded(Z,C) :- x_by(Z,C), x_by(Z,C2), C2 != C.

reached(reach(Z,T)) :- tier({WITNESS},Z,T).
reached(reach(Z,none)) :- eligible({WITNESS},Z).
reached(gap(Z)) :- eligible({WITNESS},Z), has_tiers(Z), not has_tier({WITNESS},Z).
reached(alone(Z,C)) :- failed({WITNESS},Z,C), not x_other_failed(Z,C), not x_excluded(Z).
reached(alone(Z,C)) :- x_by(Z,C), not x_other_excluded(Z,C), not failed({WITNESS},Z,_).
reached(alone(Z,C)) :- not_approached({WITNESS},Z,C), not x_other_blocked(Z,C), eligible({WITNESS},Z).
reached(met(Z,C)) :- met({WITNESS},Z,C), active({WITNESS},Z,C).
reached(unmet(Z,C)) :- unmet({WITNESS},Z,C), active({WITNESS},Z,C).
reached(both(Z1,Z2)) :- eligible({WITNESS},Z1), eligible({WITNESS},Z2), goal_id(both(Z1,Z2)).
reached(excepted_contract(Z,C)) :- excepted({WITNESS},Z,C), met({WITNESS},Z,C), decision({WITNESS},Z,zorgovereenkomst).
reached(retroactive(Z,R,Y)) :- start_date({WITNESS},Z,R,S), goal_id(retroactive(Z,R,Y)), S < Y*10000+101.
:- goal(G), not reached(G).
#show.
"""


@dataclass
class _Session:
    """One grounded check program for one policy; answers goals with a witness or a core."""

    policy: Policy
    control: clingo.Control
    switches: list[str]
    switch_literals: dict[str, int]     # clause id -> literal of on(C)
    delivers: dict[str, int]            # zorgsoort -> literal of levert(w,Z)

    @classmethod
    def build(cls, policy: Policy, goals: list[str]) -> "_Session":
        # Clauses that narrow who gets (or is offered) a contract can be switched off: cores name them.
        switches = sorted(c.id for c in policy.clauses.values() if c.kind in SWITCHABLE)
        program = compile_policy(policy, frozenset(switches))
        # Core-guided optimisation finds the smallest witness far faster than branch-and-bound here.
        control = clingo.Control(["--warn=none", "--opt-strategy=usc"])
        control.add("base", [], program.text)
        control.add("base", [], "\n".join(witness_space(policy)))
        control.add("base", [], GOALS + "\n".join(f"goal_id({g})." for g in goals))
        control.ground([("base", [])])
        atoms = control.symbolic_atoms
        # Assumptions go to clingo as literals, looked up once here rather than on every solve.
        switch_literals = {s: atoms[clingo.Function("on", [clingo.Function(s)])].literal for s in switches}
        me = clingo.Function(WITNESS)
        delivers = {}
        for z in policy.care_types:
            atom = atoms[clingo.Function(LEVERT, [me, clingo.Function(z)])]
            if atom is not None:
                delivers[z] = atom.literal
        return cls(policy, control, switches, switch_literals, delivers)

    def _assumptions(self, goal: str, on: set[str] | None = None) -> list[int]:
        on = set(self.switches) if on is None else on
        term = clingo.parse_term(goal)
        goal_atom = self.control.symbolic_atoms[clingo.Function("goal", [term])]
        # Focus: the witness delivers only the zorgsoorten the goal is about (and their parents),
        # so each solve touches one corner of the program instead of all of it.
        focus = {str(a) for a in term.arguments if str(a) in self.policy.care_types}
        for z in list(focus):
            focus.update(self.policy.care_types[z].parents)
        others = [-lit for z, lit in self.delivers.items() if z not in focus] if focus else []
        switches = [lit if s in on else -lit for s, lit in self.switch_literals.items()]
        return [goal_atom.literal] + others + switches

    def satisfiable(self, goal: str, on: set[str] | None = None) -> bool:
        """Is there a provider for which `goal` holds? (No model is copied, nothing optimised.)"""
        self.control.configuration.solve.opt_mode = "ignore"
        return bool(self.control.solve(assumptions=self._assumptions(goal, on)).satisfiable)

    def witness(self, goal: str, on: set[str] | None = None) -> list[clingo.Symbol] | None:
        """The facts of a witness for `goal`, or None when there is none."""
        found: list[clingo.Symbol] = []
        me = clingo.Function(WITNESS)

        def keep(model: clingo.Model) -> None:   # each model improves on the last; keep the best
            found[:] = [s for s in model.symbols(atoms=True) if s.arguments and s.arguments[0] == me]

        self.control.configuration.solve.opt_mode = "opt"
        result = self.control.solve(assumptions=self._assumptions(goal, on), on_model=keep)
        return found if result.satisfiable else None

    def core(self, goal: str, keep: frozenset[str] = frozenset()) -> list[str]:
        """A minimal set of clauses under which `goal` is unsatisfiable. `keep` stays switched on
        throughout (a goal about a clause needs that clause), and is not part of the answer."""
        core_atoms: list[int] = []
        self.control.solve(assumptions=self._assumptions(goal), on_core=lambda c: core_atoms.extend(c))
        by_literal = {lit: s for s, lit in self.switch_literals.items()}
        core = {by_literal[lit] for lit in core_atoms if lit in by_literal} - keep
        # Deletion: drop every clause whose removal keeps the goal unsatisfiable. Sound because,
        # with `keep` fixed, switching more clauses on can only make the goal harder to reach.
        for clause in sorted(core):
            if not self.satisfiable(goal, (core - {clause}) | keep):
                core -= {clause}
        return sorted(core)


def witness_text(policy: Policy, facts: list[clingo.Symbol]) -> str:
    """A witness as a provider file `explain` accepts (dates back to "JJJJ-MM-DD")."""
    lines = [f'% Getuige gevonden door caresq-logic check ({policy.path})']
    for symbol in sorted(facts, key=str):
        name = symbol.name
        if name not in policy.features and name != LEVERT:
            continue
        args = [str(a) for a in symbol.arguments]
        feature = policy.features.get(name)
        if feature is not None and feature.type.kind == "date" and symbol.arguments[-1].type == clingo.SymbolType.Number:
            number = symbol.arguments[-1].number
            args[-1] = f'"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"'
        lines.append(f"{name}({', '.join(args)}).")
    return "\n".join(lines) + "\n"


# ---- the checks ----------------------------------------------------------------------------------


def _opposite_bounds(policy: Policy) -> list[tuple[str, str, str]]:
    """Pairs of zorgsoorten whose required clauses bound the same kenmerk from opposite sides
    (one 'ten minste', the other 'hoogstens'): the text means them to partition providers."""
    bounds: dict[str, dict[str, set[str]]] = {}
    for clause in policy.clauses.values():
        if clause.kind not in REQUIRED:
            continue
        for node in walk(clause.condition):
            if isinstance(node, n.Comparison) and not isinstance(node.value, n.DateValue):
                side = "lower" if node.op in ("gt", "ge") else "upper" if node.op in ("lt", "le") else None
                if side:
                    for z in policy.scope(clause):
                        bounds.setdefault(z, {}).setdefault(node.ref.name, set()).add(side)
    pairs = []
    zs = sorted(bounds)
    for i, z1 in enumerate(zs):
        for z2 in zs[i + 1:]:
            for name in sorted(set(bounds[z1]) & set(bounds[z2])):
                if ("lower" in bounds[z1][name] and "upper" in bounds[z2][name]) or \
                   ("upper" in bounds[z1][name] and "lower" in bounds[z2][name]):
                    pairs.append((z1, z2, name))
    return pairs


def _goals(policy: Policy, overlaps: list[tuple[str, str, str]]) -> list[str]:
    """Every question the checks below may ask, so the program is grounded once."""
    goals: list[str] = []
    for z in policy.care_types:
        tiers = policy.tiers.get(z, ())
        goals += [f'reach({z},"{t.label}")' for t in tiers] or [f"reach({z},none)"]
        goals.append(f"gap({z})")
        for clause in policy.clauses.values():
            if not policy.applies_to(clause, z):
                continue
            if clause.kind == "differentiatiefactor":
                goals += [f"met({z},{clause.id})", f"unmet({z},{clause.id})"]
            elif clause.kind not in ("doorlopend", "route"):
                goals.append(f"alone({z},{clause.id})")
                if clause.kind == "uitsluiting" and clause.exception is not None:
                    goals.append(f"excepted_contract({z},{clause.id})")
        for rule in policy.start_rules:
            if policy.applies_to(rule, z) or not policy.scope(rule):
                goals.append(f"retroactive({z},{rule.id},{policy.header.year})")
    return goals + [f"both({z1},{z2})" for z1, z2, _ in overlaps]


def check_policy(policy: Policy) -> list[Finding]:
    if not policy.care_types:
        return []
    overlaps = _opposite_bounds(policy)
    session = _Session.build(policy, _goals(policy, overlaps))
    findings, unreachable = _unreachable_and_gaps(policy, session)
    findings += _dead_clauses(policy, session, unreachable)
    findings += _useless_exceptions(policy, session)
    findings += _overlaps(policy, session, overlaps)
    findings += _retroactive_starts(policy, session)
    return findings + _milestone_order(policy)


def _unreachable_and_gaps(policy: Policy, session: _Session) -> tuple[list[Finding], set[str]]:
    """A tier (or, without tiers, any contract) nobody can get; a provider meeting every
    condition who fits no tier. Also returns the zorgsoorten nobody can get at all."""
    findings: list[Finding] = []
    unreachable: set[str] = set()
    for z in policy.care_types:
        tiers = policy.tiers.get(z, ())
        for label in [t.label for t in tiers] or [None]:
            goal = f'reach({z},"{label}")' if label else f"reach({z},none)"
            if session.satisfiable(goal):
                continue
            if label is None or label == tiers[-1].label:
                unreachable.add(z)
            core = session.core(goal)
            extra = [] if core else [Involved(f"{label}@{z}", None, t.citation.section, t.span)
                                     for t in tiers if t.label == label]
            key = "check.unreachable_tier" if label else "check.unreachable"
            if label and not core:
                key = "check.structural"   # no clause to blame: the tier asks too much on its own
            findings.append(Finding("onvervulbaar", policy.path, key, {"tier": label, "care_type": z},
                                    involved=extra, core=[involved(policy, c) for c in core]))
        if tiers:
            facts = session.witness(f"gap({z})")
            if facts is not None:
                findings.append(Finding("gat", policy.path, "check.gap", {"care_type": z},
                                        witness=witness_text(policy, facts),
                                        involved=[Involved(f"{t.label}@{z}", None, t.citation.section, t.span)
                                                  for t in tiers]))
    return findings, unreachable


def _dead_clauses(policy: Policy, session: _Session, unreachable: set[str]) -> list[Finding]:
    """Clauses that never change a decision, in any zorgsoort they apply to (skipping zorgsoorten
    nobody can get, where every clause is trivially dead)."""
    findings = []
    for clause in policy.clauses.values():
        scope = [z for z in policy.scope(clause) if z not in unreachable]
        if not scope or clause.kind in ("doorlopend", "route"):
            continue
        if clause.kind == "differentiatiefactor":
            never = not any(session.satisfiable(f"met({z},{clause.id})") for z in scope)
            always = not any(session.satisfiable(f"unmet({z},{clause.id})") for z in scope)
            if never or always:
                findings.append(Finding("dode_clausule", policy.path,
                                        "check.factor_never" if never else "check.factor_always",
                                        {"clause": clause.id}, involved=[involved(policy, clause.id)]))
        elif not any(session.satisfiable(f"alone({z},{clause.id})") for z in scope):
            findings.append(Finding("dode_clausule", policy.path, "check.dead",
                                    {"clause": f"{clause.kind.replace('_', ' ')} {clause.id}"},
                                    involved=[involved(policy, clause.id)]))
    return findings


def _useless_exceptions(policy: Policy, session: _Session) -> list[Finding]:
    """A `tenzij` that never leads to a contract, with the clauses that stop it."""
    findings = []
    for clause in policy.clauses.values():
        if clause.kind != "uitsluiting" or clause.exception is None:
            continue
        for z in policy.scope(clause):
            goal = f"excepted_contract({z},{clause.id})"
            if not session.satisfiable(goal):
                core = session.core(goal, keep=frozenset({clause.id}))
                findings.append(Finding("onvervulbaar", policy.path, "check.exception",
                                        {"clause": clause.id, "care_type": z, "core": ", ".join(core)},
                                        involved=[involved(policy, clause.id)],
                                        core=[involved(policy, c) for c in core]))
    return findings


def _overlaps(policy: Policy, session: _Session, overlaps: list[tuple[str, str, str]]) -> list[Finding]:
    """Two zorgsoorten meant to exclude each other, both open to one provider."""
    findings = []
    for z1, z2, name in overlaps:
        facts = session.witness(f"both({z1},{z2})")
        if facts is None:
            continue
        bounding = [c.id for c in policy.clauses.values() if c.kind in REQUIRED
                    and any(isinstance(x, n.Comparison) and x.ref.name == name for x in walk(c.condition))
                    and (policy.applies_to(c, z1) or policy.applies_to(c, z2))]
        findings.append(Finding("overlap", policy.path, "check.overlap", {"first": z1, "second": z2, "feature": name},
                                involved=[involved(policy, c) for c in bounding], witness=witness_text(policy, facts)))
    return findings


def _retroactive_starts(policy: Policy, session: _Session) -> list[Finding]:
    """A start date that can fall before the contract year."""
    findings = []
    for rule in policy.start_rules:
        z = (policy.scope(rule) or tuple(policy.care_types))[0]
        facts = session.witness(f"retroactive({z},{rule.id},{policy.header.year})")
        if facts is not None:
            findings.append(Finding("tijdlijn", policy.path, "check.retroactive",
                                    {"clause": rule.id, "year": policy.header.year},
                                    involved=[Involved(rule.id, rule.title, rule.citation.section, rule.span)],
                                    witness=witness_text(policy, facts)))
    return findings


def _earliest_latest(w: n.When) -> tuple[dt.date, dt.date] | None:
    if w.kind in ("on", "from") and w.date and w.date.value:
        return w.date.value, w.date.value if w.kind == "on" else dt.date(9999, 12, 31)
    if w.kind in ("early", "mid", "end"):
        first = dt.date(w.year, w.month, 1)
        last = (dt.date(w.year + (w.month == 12), w.month % 12 + 1, 1) - dt.timedelta(days=1))
        return {"early": (first, first.replace(day=10)), "mid": (first.replace(day=10), first.replace(day=20)),
                "end": (first.replace(day=20), last)}[w.kind]
    return None


def _milestone_order(policy: Policy) -> list[Finding]:
    """An offer that can only come after its signing deadline; a deadline in or after the contract year."""
    findings = []
    dated = [(m, _earliest_latest(m.when)) for m in policy.milestones]
    dated = [(m, d) for m, d in dated if d is not None]
    for offer, (offer_first, _) in [(m, d) for m, d in dated if m.kind == "aanbieding"]:
        for signing, (_, signing_last) in [(m, d) for m, d in dated if m.kind == "tekendatum"]:
            overlap = not policy.scope(offer) or not policy.scope(signing) or \
                set(policy.scope(offer)) & set(policy.scope(signing))
            if overlap and offer_first > signing_last:
                findings.append(Finding("tijdlijn", policy.path, "check.offer_after_signing",
                                        {"offer": offer.id, "offer_date": offer_first.isoformat(),
                                         "signing": signing.id, "signing_date": signing_last.isoformat()},
                                        involved=[_milestone(offer), _milestone(signing)]))
    contract_year = dt.date(policy.header.year, 1, 1)
    for m, (first, _) in dated:
        if m.kind in ("deadline", "tekendatum", "aanbieding") and first >= contract_year:
            findings.append(Finding("tijdlijn", policy.path, "check.date_in_year",
                                    {"kind": m.kind, "clause": m.id, "date": first.isoformat(),
                                     "year": policy.header.year}, involved=[_milestone(m)]))
    return findings


def _milestone(m: n.Milestone) -> Involved:
    return Involved(m.id, m.title, m.citation.section, m.span)


# ---- across years --------------------------------------------------------------------------------


def _texts(policy: Policy, z: str) -> dict[str, str]:
    """Required clauses of `z` by their condition text (the identity of a condition across years)."""
    return {printer.condition(c.condition): c.id for c in policy.clauses.values()
            if c.kind in REQUIRED and policy.applies_to(c, z)}


def _pairs(policies: list[Policy]) -> list[tuple[Policy, Policy]]:
    """(earlier, later) publications of one domain, in order."""
    by_domain: dict[str, list[Policy]] = {}
    for policy in policies:
        by_domain.setdefault(policy.header.domain, []).append(policy)
    pairs = []
    for domain in sorted(by_domain):
        ordered = sorted(by_domain[domain], key=lambda p: (p.header.year, p.header.version or "9999"))
        pairs += list(zip(ordered, ordered[1:], strict=False))   # consecutive publications
    return pairs


def _cross_year_witness(earlier: Policy, later: Policy, z: str, gone: list[str]) -> str | None:
    """A provider that gets the contract under `later` but fails a condition only `earlier` had:
    compliant in one year, not in the other. Found in clingo on the later year, then confirmed
    by deciding it under the earlier year exactly as `explain` would."""
    if not gone:
        return None
    tiers = later.tiers.get(z, ())
    goal = f'reach({z},"{tiers[-1].label}")' if tiers else f"reach({z},none)"
    facts = _Session.build(later, [goal]).witness(goal)
    if facts is None:
        return None
    text = witness_text(later, facts)
    provider_file = read(text.encode(), "getuige.lp", Catalog.of([earlier, later]))
    for decision in decide.solve(compile_policy(earlier), [provider_file]):
        if decision.care_type.name == z and any(c.clause.id in gone and c.active and not c.met
                                                for c in decision.clauses):
            return text
    return None


def check_years(policies: list[Policy]) -> list[Finding]:
    findings = []
    for earlier, later in _pairs(policies):
        partial = earlier.header.reconstructed_from is not None
        for z in sorted(set(earlier.care_types) & set(later.care_types)):
            before, after = _texts(earlier, z), _texts(later, z)
            gone = sorted(set(before) - set(after))
            new = [] if partial else sorted(set(after) - set(before))   # a partial year may have had them
            if not gone and not new:
                continue
            continuing = any(c.kind == "doorlopend" and later.applies_to(c, z) for c in later.clauses.values()) or \
                any(t.end >= later.header.year for t in earlier.terms if earlier.applies_to(t, z))
            clauses = [involved(earlier, before[t]) for t in gone] + [involved(later, after[t]) for t in new]
            if continuing:
                findings.append(Finding(
                    "jaaroverschrijdend", later.path, "check.cross_year",
                    {"care_type": z, "earlier": earlier.path, "later": later.path,
                     "gone": ", ".join(before[t] for t in gone) or "-", "new": ", ".join(after[t] for t in new) or "-"},
                    involved=clauses, witness=_cross_year_witness(earlier, later, z, [before[t] for t in gone])))
            stated = any(not later.scope(ch) or later.applies_to(ch, z) for ch in later.changes)
            if not stated:
                findings.append(Finding(
                    "wijzigingenlijst", later.path, "check.change_unstated",
                    {"care_type": z, "earlier": earlier.path, "later": later.path}, involved=clauses))
        if not partial:
            for change in later.changes:
                scope = later.scope(change)
                if scope and all(_texts(earlier, z) == _texts(later, z) for z in scope if z in earlier.care_types):
                    if any(z in earlier.care_types for z in scope):
                        findings.append(Finding(
                            "wijzigingenlijst", later.path, "check.change_no_difference",
                            {"clause": change.id, "care_type": ", ".join(scope)},
                            involved=[Involved(change.id, change.title, change.citation.section, change.span)]))
    return findings


# ---- severities and suppressions -----------------------------------------------------------------


def apply_policy_settings(findings: list[Finding], policies: list[Policy],
                          severities: dict[str, str] | None = None) -> list[Finding]:
    """Default severity per kind, overridden per kind, and `onderdruk` statements applied."""
    severities = severities or {}
    suppressions = {p.path: p.suppressions for p in policies}
    result = []
    for finding in findings:
        finding.severity = severities.get(finding.kind, KINDS[finding.kind][1])
        if finding.severity == "off":
            continue
        ids = {i.id for i in finding.involved + finding.core}
        for item in suppressions.get(finding.policy, ()):
            if item.kind == finding.kind and (item.clause is None or item.clause in ids):
                finding.suppressed = item.reason
                break
        result.append(finding)
    return sorted(result, key=Finding.sort_key)


def check(policies: list[Policy], severities: dict[str, str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    for policy in policies:
        findings += check_policy(policy)
    findings += check_years(policies)
    return apply_policy_settings(findings, policies, severities)
