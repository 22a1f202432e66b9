"""`@node`: the frozen dataclass every syntax-tree class is, made cheaper to create.

Every `explain` imports the syntax tree (the cached policies are made of it), so the time its
classes take to create is paid at each start (issue 12). dataclasses writes and compiles the
source of each generated method per class (~0.45 ms a frozen class, a third of it the two frozen
guards, a fifth `__eq__` and `__hash__`, a fifth the signature it writes into an undocumented
class's docstring). Only `__init__` differs between classes, so dataclasses writes just that, and
`__repr__`, `__eq__`, `__hash__` and the frozen guards are written once here, doing what the
generated ones do: the same text, the same equality and hash (the tuple of the compared fields),
and a field cannot be assigned or deleted once `__init__` has set it. Pickling is unchanged."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, fields
from operator import attrgetter


def fields_repr(self) -> str:
    """What dataclasses writes, `IntValue(value=3, span=Span(...))`: the fields it shows, in order."""
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if f.repr)
    return f"{type(self).__qualname__}({shown})"


def _eq(self, other):
    if other.__class__ is self.__class__:
        return self._compared(self) == self._compared(other)
    return NotImplemented


def _hash(self) -> int:
    return hash(self._compared(self))


def _assign(self, name: str, value) -> None:
    if name in self.__dict__:   # set by __init__: frozen from then on
        raise FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delete(self, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _compared(names: tuple[str, ...]):
    """The tuple of these fields of an instance, as the generated `__eq__` and `__hash__` build it."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def documented(cls):
    """`cls` with a docstring before dataclasses sees it: into an undocumented class's, dataclasses
    writes its signature (inspect.signature, ~0.1 ms a class at each start)."""
    cls.__doc__ = cls.__doc__ or cls.__name__
    return cls


def node(cls):
    """`@dataclass(frozen=True)`, with the shared methods."""
    cls = dataclass(repr=False, eq=False)(documented(cls))
    cls._compared = staticmethod(_compared(tuple(f.name for f in fields(cls) if f.compare)))
    cls.__repr__, cls.__eq__, cls.__hash__ = fields_repr, _eq, _hash
    cls.__setattr__, cls.__delattr__ = _assign, _delete
    return cls


def record(cls):
    """`@dataclass(frozen=True)` for values made by the thousand while deciding (decide's results):
    dataclasses' own `__init__`, `__eq__` and `__hash__`, quicker to run than the shared ones;
    only `__repr__` is shared and the docstring left without the signature."""
    cls = dataclass(frozen=True, repr=False)(documented(cls))
    cls.__repr__ = fields_repr
    return cls
