"""The closed vocabularies of the language, each listed once: clause kinds, decision outcomes,
the kinds of change a `wijziging` states, and the kinds of finding `check` reports. Members have English names; their values are the
policy's own words, which are also the constants of the compiled program and of the JSON output.
Dutch or English text for people comes from the message catalogue (`localize`)."""

from __future__ import annotations

from enum import Enum

from ..messages import ui


class ClauseKind(Enum):
    REQUIREMENT = "randvoorwaarde"
    ADDITIONAL_REQUIREMENT = "aanvullende_voorwaarde"
    EXCLUSION = "uitsluiting"
    FACTOR = "differentiatiefactor"
    SELECTION = "selectie"
    APPROACHED = "benaderd"
    APPROACHES_ALL = "benadert_alle"  # "wij benaderen alle zorgaanbieders die ...": names whom Caresq approaches
    NOT_APPROACHED = "niet_benaderd"
    CONTINUING = "doorlopend"
    ROUTE = "route"
    ELSEWHERE = "ander_beleid"        # another purchasing policy decides (the title names it)

    @property
    def required(self) -> bool:
        """A condition a provider must meet for any contract (failing it: geen overeenkomst)."""
        return self in (ClauseKind.REQUIREMENT, ClauseKind.ADDITIONAL_REQUIREMENT, ClauseKind.SELECTION)

    @property
    def restrictive(self) -> bool:
        """Narrows who gets a contract: the required kinds and the exclusions."""
        return self.required or self is ClauseKind.EXCLUSION

    @property
    def decides(self) -> bool:
        """Can change a decision on its own (a continuing contract and a route only inform)."""
        return self not in (ClauseKind.CONTINUING, ClauseKind.ROUTE)

    @property
    def switchable(self) -> bool:
        """Narrows who gets or is offered a contract: `check` can switch it off to find a core."""
        return self.restrictive or self in (ClauseKind.APPROACHED, ClauseKind.NOT_APPROACHED)

    @property
    def words(self) -> str:
        """The keyword as a policy writes it: `aanvullende voorwaarde`."""
        return self.value.replace("_", " ")

    def localize(self, lang: str) -> str:
        return ui("kind." + self.value, lang)


class Outcome(Enum):
    CONTRACT = "zorgovereenkomst"
    NO_CONTRACT = "geen_overeenkomst"
    NOT_APPROACHED = "niet_benaderd"
    EXCEPTION_REQUESTABLE = "uitzondering_aan_te_vragen"
    CONTINUING_CONTRACT = "doorlopende_overeenkomst"
    ELSEWHERE = "ander_beleid"
    UNDECIDED = "onbeslist"      # depends on kenmerken the provider did not state

    @property
    def contracted(self) -> bool:
        return self in (Outcome.CONTRACT, Outcome.CONTINUING_CONTRACT)

    def localize(self, lang: str) -> str:
        return ui("outcome." + self.value, lang)


OUTCOMES = tuple(o.value for o in Outcome)   # the words an outcome is written with (explain --doel)


class DeltaKind(Enum):
    """What a `wijziging` says changed between the previous publication and this one."""

    ADDED = "toegevoegd"
    REMOVED = "vervallen"
    TIGHTENED = "aangescherpt"
    REPLACED = "vervangen"
    VALUE = "waarde"
    UNKNOWN = "onbekend"      # changed, but the text does not state the old form

    @property
    def gone(self) -> bool:
        """Names items of the previous publication that are no longer there."""
        return self in (DeltaKind.REMOVED, DeltaKind.REPLACED)

    def localize(self, lang: str) -> str:
        return ui("delta." + self.value, lang)


# kind (the name used in `onderdruk` and `--ernst`) -> (code, default severity)
KINDS: dict[str, tuple[str, str]] = {
    "onvervulbaar": ("K100", "error"),        # a contract or tier no provider can get
    "overlap": ("K200", "warning"),           # a provider fits two contract types meant to exclude each other
    "gat": ("K300", "error"),                 # meets every required condition, fits no tier
    "dode_clausule": ("K400", "warning"),     # a clause that can never change a decision
    "jaaroverschrijdend": ("K500", "warning"),  # a continuing contract whose conditions changed
    "wijzigingenlijst": ("K600", "warning"),  # change list and the real difference disagree
    "tijdlijn": ("K700", "error"),            # dates that contradict each other
    "doorloop_trede": ("K510", "warning"),    # a continuing contract keeps a tier its provider no longer fits
    "wijziging_romp": ("K610", "warning"),    # a change-list item not visible in its year's body
    "benaderd_inkoop": ("K800", "warning"),   # whom the policy approaches vs whom it buys from
    "geen_route": ("K900", "warning"),        # conditions for a contract, but no way in, term or planning
    "voornemen_als_feit": ("K950", "warning"),  # an intention in one clause applied as fact in another
    "vertaling": ("B260", "warning"),         # English for some of a policy's texts for people, not all
}
SEVERITIES = ("error", "warning", "note", "off")
