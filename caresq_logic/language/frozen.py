"""`@node`: the frozen dataclass every syntax-tree class is, made cheaper to create.

Every `explain` imports the syntax tree (the cached policies are made of it), so the time its
classes take to create is paid at each start (issue 12). dataclasses writes and compiles the
source of each generated method per class; `__repr__` was about a quarter of that, and it is the
same function for every class, so it is written once here. Equality, hashing, immutability and
pickling are dataclasses' own, unchanged."""

from __future__ import annotations

from dataclasses import dataclass, fields


def _repr(self) -> str:
    """What dataclasses writes, `IntValue(value=3, span=Span(...))`: the fields it shows, in order."""
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"


def node(cls):
    """`@dataclass(frozen=True)`, with the shared `__repr__`."""
    cls = dataclass(frozen=True, repr=False)(cls)
    cls.__repr__ = _repr
    return cls
