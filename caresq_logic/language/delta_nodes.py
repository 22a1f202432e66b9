"""The `wijziging` deltas: from Lark's tree to `nodes.Delta` (a mixin of the parser's
transformer). Only the parser imports this module, so Lark is loaded only to parse; the check
that every name a delta gives exists is `deltas.check_deltas` (called by `resolve`)."""

from __future__ import annotations

from lark import Token, Transformer, v_args

from . import nodes as n
from .kinds import ClauseKind, DeltaKind


def _unquote(token) -> str:
    from .parser import _unquote as unquote
    return unquote(token)


@v_args(meta=True)
class DeltaNodes(Transformer):
    """Transformer callbacks for the delta rules of grammar/caresq.lark (and `onbekend`)."""

    def unknown(self, meta, children):
        return n.Unknown(self._span(meta))

    def change(self, meta, children):
        ident, title, rest = self._titled(children)
        citation, scope, scope_span = self._optional_scope(rest)
        against = rest.pop(0)[1] if rest and isinstance(rest[0], tuple) and rest[0][0] == "against" else None
        text, *deltas = rest
        return n.Change(ident, title, citation, scope, text, self._span(meta), scope_span,
                        deltas=tuple(d for d in deltas if d != "voornemen"),
                        intention="voornemen" in deltas, against=against)

    def against(self, meta, children):
        return ("against", _unquote(children[0]))

    def _delta(self, kind, meta, names=(), old=(), old_kind=None, old_value=None, new_value=None, target=None):
        return n.Delta(kind, tuple(names), tuple(old), old_kind, old_value, new_value, target, self._span(meta))

    def _old(self, children):
        old_kind = children.pop(0) if isinstance(children[0], ClauseKind) or children[0] == "zorgsoort" else None
        return old_kind, children.pop(0)

    def d_added(self, meta, children):
        return self._delta(DeltaKind.ADDED, meta, names=children[0])

    def d_removed(self, meta, children):
        old_kind, old = self._old(list(children))
        return self._delta(DeltaKind.REMOVED, meta, old=old, old_kind=old_kind)

    def d_tightened(self, meta, children):
        old_value = _unquote(children[1]) if len(children) > 1 else None
        return self._delta(DeltaKind.TIGHTENED, meta, names=children[0], old_value=old_value)

    def d_replaced(self, meta, children):
        rest = list(children)
        old_kind, old = self._old(rest)
        return self._delta(DeltaKind.REPLACED, meta, names=rest[0], old=old, old_kind=old_kind)

    def d_value(self, meta, children):
        target, old_value, new_value = (self._delta_value(c) for c in children)
        name = isinstance(children[0], Token) and children[0].type == "NAME"
        return self._delta(DeltaKind.VALUE, meta, names=(target,) if name else (), old_value=old_value,
                           new_value=new_value, target=None if name else target)

    def _delta_value(self, value):
        if isinstance(value, Token) and value.type == "STRING":
            return _unquote(value)
        if isinstance(value, Token) and value.type == "NAME":
            return str(value)
        return self._value(value)

    def d_unknown(self, meta, children):
        return self._delta(DeltaKind.UNKNOWN, meta, names=children[0] if children else ())

    def d_intention(self, meta, children):
        return "voornemen"

    def k_care_type(self, meta, children):
        return "zorgsoort"

    def old_kind(self, meta, children):
        return children[0]
