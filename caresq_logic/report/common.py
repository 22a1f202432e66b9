"""What the explain renderers share: the `Report` for one provider, and a date as words."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..check.goal import GoalAnswer
from ..decide import Decision
from ..language import nodes as n
from ..language.resolve import Policy


@dataclass
class Report:
    """What `explain` found for one provider: its decisions under each applicable policy."""

    file: str
    provider: str
    name: str | None
    policies: list[tuple[Policy, list[Decision]]] = field(default_factory=list)
    goals: dict[tuple[str, str], GoalAnswer] = field(default_factory=dict)   # (policy path, zorgsoort) -> --doel


MONTH_NAMES = "januari februari maart april mei juni juli augustus september oktober november december".split()


def when_text(w: n.When) -> str:
    if w.kind == "on":
        return w.date.value.isoformat() if w.date.value else w.date.text
    if w.kind == "from":
        return "vanaf " + (w.date.value.isoformat() if w.date.value else w.date.text)
    if w.kind == "after":
        return f"na {w.text}"
    if w.kind == "text":
        return w.text
    word = {"early": "begin", "mid": "half", "end": "eind"}[w.kind]
    return f"{word} {MONTH_NAMES[w.month - 1]} {w.year}"
