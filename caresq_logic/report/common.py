"""What the explain renderers share: the `Report` for one provider, and a date as words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import __version__
from ..decide import Decision
from ..diagnostics import visible
from ..language import nodes as n
from ..language.resolve import Policy
from ..messages import ui
from .wording import shown

if TYPE_CHECKING:   # check (clingo's search) is imported only for --doel
    from ..check.goal import GoalAnswer


@dataclass
class Report:
    """What `explain` found for one provider: its decisions under each applicable policy."""

    file: str
    provider: str
    name: str | None
    policies: list[tuple[Policy, list[Decision]]] = field(default_factory=list)
    goals: dict[tuple[str, str], GoalAnswer] = field(default_factory=dict)   # (policy path, zorgsoort) -> --doel


def when_text(w: n.When, lang: str) -> str:
    """A planning date in words; `after` and `text` quote the policy's own words."""
    match w.kind:
        case "on":
            return w.date.value.isoformat() if w.date.value else w.date.text
        case "from":
            return ui("when.from", lang, date=w.date.value.isoformat() if w.date.value else w.date.text)
        case "after":
            return ui("when.after", lang, event=shown(w.text, lang))
        case "text":
            return shown(w.text, lang)
        case "early" | "mid" | "end":
            month = ui("months", lang).split()[w.month - 1]
            key = {"early": "when.early", "mid": "when.mid", "end": "when.end"}[w.kind]
            return ui(key, lang, month=month, year=w.year)
        case _:
            raise TypeError(f"no words for a date of kind {w.kind!r}")


def policy_set_header(policy_set, lang: str) -> str:
    """Two lines naming the policy set a run used and its files (a `resources.PolicySet`)."""
    if policy_set is None:
        return ""
    key = {"given": "policy_set.given", "found": "policy_set.found", "embedded": "policy_set.embedded"}
    first = ui(key[policy_set.origin], lang, root=policy_set.root, version=__version__)
    files = ui("policy_set.files", lang, files=", ".join(policy_set.files) or "-")
    return visible(first) + "\n" + visible(files) + "\n"   # folder names are input: terminal-safe
