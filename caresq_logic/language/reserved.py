"""Predicate names shared by the stages: what a provider file may use besides the declared
kenmerken, and what the compiled program derives (which no input may state or redeclare)."""

# Built in to every policy: which zorgsoorten a provider delivers, and its display name.
LEVERT = "levert"          # levert(Aanbieder, Zorgsoort).
AANBIEDER = "aanbieder"    # aanbieder(Aanbieder, "Naam").  (optional)
BUILTIN_PROVIDER_PREDICATES = (LEVERT, AANBIEDER)

# Every predicate the compiled program defines. A provider fact over one of these would forge
# (part of) a decision; a kenmerk with one of these names would clash with the compiler's own.
DERIVED_PREDICATES = frozenset(
    """
    provider zorgsoort onderdeel_van ctx clause applies requestable counts_as scope root has_guard
    is_leaf leaf holds fails met unmet guarded active excepted required_kind failed excluded eligible
    own_factor factor factor_via nfactors not_approached approached continuing continues route_open
    tier_scope tier_is_leaf tier_leaf tier_holds tier_fails tier_met better_tier tier has_tier
    has_tiers tier_rank is_part blocked offerable top outcome contracted parent_ok part_outcome
    decision start_rule start_date term milestone inactive node_key tier_node_key
    """.split()
)

# Words clingo's own language keeps for itself: a name `not` would be read as negation.
CLINGO_KEYWORDS = frozenset({"not"})

RESERVED_NAMES = DERIVED_PREDICATES | set(BUILTIN_PROVIDER_PREDICATES) | CLINGO_KEYWORDS
