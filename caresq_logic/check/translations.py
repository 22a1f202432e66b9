"""Translation completeness (B260, `vertaling`): a policy that gives English for some of its
texts for people but not for all. A policy without any English is Dutch only and fine; one that
started translating must finish, or `--taal en` mixes English with Dutch marked (nl). Plain
Python over the declarations: nothing to solve."""

from __future__ import annotations

from ..language import nodes as n
from ..language.resolve import Policy
from ..language.texts import english
from .findings import Finding

SHOWN = 12   # texts named in the message; the count says how many more


def texts(policy: Policy) -> list[tuple[str, str]]:
    """(where, text) for every translatable text of the policy, in source order. `where` names
    the item by its id, and the part when it is not the title."""
    found: list[tuple[str, str | None]] = [("beleid", policy.header.title)]
    for item in policy.file.items:
        ident = getattr(item, "id", None) or getattr(item, "name", None) or getattr(item, "label", None) \
            or getattr(item, "kind", "")
        found.append((ident, getattr(item, "title", None)))
        reading = getattr(item, "reading", None)
        if reading is not None:
            found += [(f"{ident} (lezing)", reading.taken), (f"{ident} (alternatief)", reading.alternative)]
        match item:
            case n.Feature() if any(c.title for c in item.type.choices):
                # once some values have titles, an untitled one is shown by its (Dutch) id
                found += [(f"{ident}: {c.value}", c.title or c.value) for c in item.type.choices]
            case n.Clause():
                found.append((f"{ident} (aan te vragen via)", item.request))
            case n.Milestone():
                found.append((f"{ident} (datum)", item.when.text))
            case n.Change():
                found.append((f"{ident} (tekst)", item.text))
            case n.Suppression():
                found.append((f"onderdruk {item.kind} (reden)", item.reason))
    return [(where, text) for where, text in found if text]


def partial_english(policy: Policy) -> list[Finding]:
    every = texts(policy)
    missing = [where for where, text in every if not english(text)]
    if not missing or len(missing) == len(every):
        return []
    named = ", ".join(missing[:SHOWN]) + (f", … (+{len(missing) - SHOWN})" if len(missing) > SHOWN else "")
    return [Finding("vertaling", policy.path, "check.partial_english",
                    {"missing": len(missing), "total": len(every), "texts": named})]
