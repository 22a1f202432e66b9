"""Names a policy may not declare as a kenmerk: the two built-in predicates of every provider
file (docs/provider-format.md). The engine's own predicates need no list here: they all start
with `_`, which no user name can (see `asp.names`)."""

# Built in to every policy: which zorgsoorten a provider delivers, and its display name.
LEVERT = "levert"          # levert(Aanbieder, Zorgsoort).
AANBIEDER = "aanbieder"    # aanbieder(Aanbieder, "Naam").  (optional)
BUILTIN_PROVIDER_PREDICATES = (LEVERT, AANBIEDER)
RESERVED_NAMES = frozenset(BUILTIN_PROVIDER_PREDICATES)
