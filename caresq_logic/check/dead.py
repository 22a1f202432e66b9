"""Dead clauses (K400): a clause that never changes a decision, a factor always or never met."""

from __future__ import annotations

from ..language.kinds import ClauseKind
from ..language.resolve import Policy
from .findings import Finding, involved
from .session import Session


def dead_clauses(policy: Policy, session: Session, unreachable: set[str]) -> list[Finding]:
    """Clauses that never change a decision, in any zorgsoort they apply to (skipping zorgsoorten
    nobody can get, where every clause is trivially dead)."""
    findings = []
    for clause in policy.clauses.values():
        scope = [z for z in policy.scope(clause) if z not in unreachable]
        if not scope or not clause.kind.decides or clause.kind is ClauseKind.ELSEWHERE:   # not a restriction
            continue
        if clause.kind is ClauseKind.FACTOR:
            never = not any(session.satisfiable(f"met({z},{clause.id})") for z in scope)
            always = not any(session.satisfiable(f"unmet({z},{clause.id})") for z in scope)
            if never or always:
                findings.append(Finding("dode_clausule", policy.path,
                                        "check.factor_never" if never else "check.factor_always",
                                        {"clause": clause.id}, involved=[involved(policy, clause.id)]))
        elif not any(session.satisfiable(f"alone({z},{clause.id})") for z in scope):
            findings.append(Finding("dode_clausule", policy.path, "check.dead",
                                    {"kind": clause.kind, "clause": clause.id},
                                    involved=[involved(policy, clause.id)]))
    return findings
