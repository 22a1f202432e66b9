"""Names a policy may not declare as a kenmerk: the two built-in predicates of every provider
file (docs/provider-format.md). The engine's own predicates need no list here: they all start
with `_`, which no user name can (see `asp.names`)."""

# Built in to every policy: which zorgsoorten a provider delivers, and its display name.
LEVERT = "levert"          # levert(Aanbieder, Zorgsoort).
AANBIEDER = "aanbieder"    # aanbieder(Aanbieder, "Naam").  (optional)
BUILTIN_PROVIDER_PREDICATES = (LEVERT, AANBIEDER)
# Words clingo's own language keeps for itself: a name `not` would be read as negation.
CLINGO_KEYWORDS = frozenset({"not"})
RESERVED_NAMES = frozenset(BUILTIN_PROVIDER_PREDICATES) | CLINGO_KEYWORDS
