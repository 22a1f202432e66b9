"""The kinds of finding `check` reports, by the names an `onderdruk` statement and `--ernst`
use. Part of the language (a policy names them), so it lives here and `check` imports it."""

# kind -> (code, default severity)
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
}
SEVERITIES = ("error", "warning", "note", "off")
