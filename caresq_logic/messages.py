"""The message catalogue: every user-facing sentence, in Dutch (default) and English.

Diagnostic codes are stable and mean the same in every language:

- ``Cxxx`` command line and files (missing file, unreadable, too large),
- ``Bxxx`` policy files (``B1xx`` syntax, ``B2xx`` names and types),
- ``Axxx`` provider files (``A1xx`` syntax and forbidden constructs, ``A2xx`` meaning),
- ``Sxxx`` solving (limits),
- ``Txxx`` source texts (`citaten`: a quote that is not verbatim in its text).

Keys starting with ``ui.`` are the labels of rendered explanations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .ui_text import UI

LANGUAGES = ("nl", "en")

# code -> (severity, Dutch, English). Templates use str.format with named fields.
CATALOGUE: dict[str, tuple[str, str, str]] = {
    # --- files and command line -----------------------------------------------------------
    "C001": ("error", "bestand niet gevonden: {path}", "file not found: {path}"),
    "C098": ("warning", "{path} is hetzelfde bestand als {first}, dat al gegeven is; het wordt één keer gelezen",
             "{path} is the same file as {first}, given before; it is read once"),
    "C060": ("error", "geen gewoon bestand (een pipe, socket of apparaat): {path}",
             "not a regular file (a pipe, socket or device): {path}"),
    "C002": ("error", "bestand is niet leesbaar: {reason}", "file cannot be read: {reason}"),
    "C003": ("error", "bestand is geen geldige UTF-8-tekst (byte {offset})",
             "file is not valid UTF-8 text (byte {offset})"),
    "C004": ("error", "bestand is te groot: {size} bytes, de grens is {limit} bytes",
             "file is too large: {size} bytes, the limit is {limit} bytes"),
    "C005": ("error", "geen beleidsbestanden (*.beleid) gevonden in {path}",
             "no policy files (*.beleid) found in {path}"),
    "C009": ("error", "onbekend doel '{target}': kies een zorgovereenkomst (A, B, ...), een uitkomst of een zorgsoort",
             "unknown target '{target}': choose a contract tier (A, B, ...), an outcome or a zorgsoort"),
    # --- policy syntax ----------------------------------------------------------------------
    "B100": ("error", "onverwacht {found}; verwacht: {expected}",
             "unexpected {found}; expected: {expected}"),
    "B101": ("error", "onverwacht teken {char!r}", "unexpected character {char!r}"),
    "B102": ("error", "onverwacht einde van het bestand; verwacht: {expected}",
             "unexpected end of file; expected: {expected}"),
    "B103": ("error", "tekst niet afgesloten: het sluitende \" ontbreekt", "unterminated text: the closing \" is missing"),
    "B105": ("error", "controleteken {char} is niet toegestaan", "control character {char} is not allowed"),
    "B104": ("error", "haakjes of 'niet' meer dan {limit} diep genest", "brackets or 'niet' nested more than {limit} deep"),
    # --- policy names and types -------------------------------------------------------------
    "B200": ("error", "onbekend kenmerk '{name}'", "undeclared kenmerk '{name}'"),
    "B201": ("error", "onbekende zorgsoort '{name}'", "unknown zorgsoort '{name}'"),
    "B202": ("error", "'{name}' is al gedeclareerd op regel {line}", "'{name}' is already declared on line {line}"),
    "B203": ("error", "kenmerk '{name}' is {actual}, hier is {expected} nodig",
             "kenmerk '{name}' is {actual}, {expected} is needed here"),
    "B204": ("error", "'{value}' is geen keuze van kenmerk '{name}' (keuzes: {choices})",
             "'{value}' is not a choice of kenmerk '{name}' (choices: {choices})"),
    "B205": ("error", "kenmerk '{name}' is per jaar: noem het jaar, bijvoorbeeld '{name} {year}'",
             "kenmerk '{name}' is per year: name the year, for example '{name} {year}'"),
    "B206": ("error", "kenmerk '{name}' is niet per jaar; laat het jaar {year} weg",
             "kenmerk '{name}' is not per year; leave out the year {year}"),
    "B207": ("error", "percentage {value}% ligt niet tussen 0% en 100%",
             "percentage {value}% is not between 0% and 100%"),
    "B208": ("error", "ongeldige datum: {value}", "invalid date: {value}"),
    "B209": ("error", "zorgovereenkomst {tier} voor {care_type} vraagt ten minste {count} differentiatiefactoren, "
                      "maar voor {care_type} zijn er maar {available}",
             "zorgovereenkomst {tier} for {care_type} asks for at least {count} differentiatiefactoren, "
             "but {care_type} has only {available}"),
    "B210": ("error", "zorgovereenkomst {tier} voor {care_type} vraagt minder dan de lagere zorgovereenkomst {lower}; "
                      "zet de zorgovereenkomsten van hoog naar laag",
             "zorgovereenkomst {tier} for {care_type} asks less than the lower zorgovereenkomst {lower}; "
             "list the zorgovereenkomsten from high to low"),
    "B211": ("error", "'{construct}' mag alleen in een zorgovereenkomst staan",
             "'{construct}' may only appear in a zorgovereenkomst"),
    "B212": ("error", "'tenzij' hoort alleen bij een uitsluiting", "'tenzij' belongs to an uitsluiting only"),
    "B213": ("error", "'telt ook als' hoort alleen bij een differentiatiefactor",
             "'telt ook als' belongs to a differentiatiefactor only"),
    "B214": ("error", "'{name}' is geen differentiatiefactor voor {care_type}",
             "'{name}' is not a differentiatiefactor for {care_type}"),
    "B215": ("error", "zorgsoort '{name}' is (via 'onderdeel van') onderdeel van zichzelf",
             "zorgsoort '{name}' is (through 'onderdeel van') part of itself"),
    "B216": ("error", "'{name}' is een vast feit van elk aanbiedersbestand (levert, aanbieder); kies een andere naam",
             "'{name}' is a built-in fact of every provider file (levert, aanbieder); choose another name"),
    "B217": ("error", "een naam moet met een kleine letter beginnen en mag alleen kleine letters, cijfers en _ bevatten: '{name}'",
             "a name must start with a lowercase letter and contain only lowercase letters, digits and _: '{name}'"),
    "B218": ("error", "kenmerk '{name}' is {actual}; vergelijk het met {expected}",
             "kenmerk '{name}' is {actual}; compare it with {expected}"),
    "B219": ("error", "looptijd {start} tot en met {end} loopt achteruit", "contract period {start} to {end} runs backwards"),
    "B220": ("error", "een keuzelijst noemt '{value}' twee keer", "a list of choices names '{value}' twice"),
    "B221": ("error", "'{name}' staat al in de lijst", "'{name}' is already in the list"),
    "B223": ("error", "kenmerk '{name}' is per zorgsoort en kan niet in een ingangsdatum",
             "kenmerk '{name}' is per zorgsoort and cannot be used in an ingangsdatum"),
    "B224": ("error", "zorgovereenkomst {tier} staat al voor {care_type} op regel {line}",
             "zorgovereenkomst {tier} already exists for {care_type} on line {line}"),
    "B225": ("error", "jaar {year} ligt buiten 1900 tot 2100", "year {year} is outside 1900 to 2100"),
    "B226": ("error", "'{name}' is geen soort bevinding; kies uit: {choices}",
             "'{name}' is not a kind of finding; choose from: {choices}"),
    "B227": ("error", "onderdruk noemt '{name}', maar die clausule bestaat niet",
             "onderdruk names '{name}', but no such clause exists"),
    "B232": ("error", "de wijziging noemt '{name}', maar dat is geen clausule, looptijd, mijlpaal of zorgsoort van dit jaar",
             "the change names '{name}', which is no clause, contract period, milestone or zorgsoort of this year"),
    "B233": ("error", "'{name}' staat niet meer in dit jaar: zeg wat het was (bijv. 'vervallen differentiatiefactor {name}')",
             "'{name}' is not in this year: say what it was (e.g. 'vervallen differentiatiefactor {name}')"),
    "B250": ("error", "meer dan {limit} clausules in één beleid; verdeel het over domeinen of jaren",
             "more than {limit} clauses in one policy; split it over domains or years"),
    "B240": ("error", "getal {value} is te groot: caresq-logic rekent met getallen van -{limit} tot {limit}",
             "number {value} is too large: caresq-logic computes with numbers from -{limit} to {limit}"),
    "B241": ("error", "beleid {domain} {year} staat ook in {other}, zonder dat het ene het andere vervangt; "
                      "voor {domain} {year} wordt niets besloten (schrijf 'vervangt' of verwijder er een)",
             "policy {domain} {year} is also in {other}, and neither replaces the other; "
             "nothing is decided for {domain} {year} (write 'vervangt' or remove one)"),
    "B228": ("error", "een onderdrukking heeft een reden nodig", "a suppression needs a reason"),
    "B230": ("error", "{value} heeft {count} decimale(n), maar kenmerk '{name}' is gedeclareerd met {declared}; declareer het als "
                      "'getal met {count} decimalen' (of 'percentage met ...')",
             "{value} has {count} decimal(s), but kenmerk '{name}' is declared with {declared}; declare it as "
             "'getal met {count} decimalen' (or 'percentage met ...')"),
    "B106": ("error", "'{text}' is geen getal van de beleidstaal: een punt sluit een clausule af; schrijf een "
                      "decimaal getal met een komma: {comma} (en declareer het kenmerk als 'getal met N decimalen')",
             "'{text}' is not a number of the policy language: a full stop ends a clause; write a decimal "
             "number with a comma: {comma} (and declare the kenmerk as 'getal met N decimalen')"),
    "B231": ("error", "contractjaar {year} is geen jaar van de looptijd van deze zorgsoorten (looptijd: {years})",
             "contract year {year} is not a year of these zorgsoorten's contract period (years: {years})"),
    "B229": ("error", "een lezing hoort bij een citaat: zet de zin die twee lezingen toelaat tussen aanhalingstekens "
                      "achter de paragraaf, bijvoorbeeld (§3.1 \"...\")",
             "a reading belongs to a quote: put the sentence that allows two readings in quotes after the "
             "section, for example (§3.1 \"...\")"),
    # --- provider files ---------------------------------------------------------------------
    "A100": ("error", "onverwacht {found}; een aanbiedersbestand bevat alleen feiten zoals 'kenmerk(aanbieder, waarde).'",
             "unexpected {found}; a provider file holds only facts such as 'kenmerk(provider, value).'"),
    "A101": ("error", "directief '{directive}' is niet toegestaan in een aanbiedersbestand",
             "directive '{directive}' is not allowed in a provider file"),
    "A102": ("error", "'#script' is niet toegestaan: een aanbiedersbestand mag geen code bevatten, en caresq-logic voert die nooit uit",
             "'#script' is not allowed: a provider file may not contain code, and caresq-logic never runs it"),
    "A103": ("error", "regels en beperkingen (':-') zijn niet toegestaan; alleen feiten",
             "rules and constraints (':-') are not allowed; facts only"),
    "A104": ("error", "keuzeregels, aggregaten en disjuncties zijn niet toegestaan; alleen feiten",
             "choice rules, aggregates and disjunctions are not allowed; facts only"),
    "A105": ("error", "variabele '{name}' in een feit; een feit noemt alleen vaste waarden",
             "variable '{name}' in a fact; a fact names fixed values only"),
    "A106": ("error", "feit zonder afsluitende punt", "fact without a closing full stop"),
    "A107": ("error", "tekenreeks niet afgesloten", "unterminated string"),
    "A108": ("error", "te veel fouten; de rest van het bestand is niet gecontroleerd",
             "too many errors; the rest of the file was not checked"),
    "A109": ("error", "controleteken {char} is niet toegestaan", "control character {char} is not allowed"),
    "A110": ("error", "ongeldige JSON: {reason}", "invalid JSON: {reason}"),
    "A111": ("error", "elke regel noemt de aanbieder: een eerste kolom 'id' (CSV) of een sleutel \"id\" met een tekst (JSONL)",
             "every row names its provider: a first column 'id' (CSV) or a key \"id\" holding a string (JSONL)"),
    "A112": ("error", "kolomnaam '{column}' is geen kenmerk; schrijf 'kenmerk' of 'kenmerk[2024]' / 'kenmerk[zorgsoort]'",
             "column name '{column}' is not a kenmerk; write 'kenmerk' or 'kenmerk[2024]' / 'kenmerk[zorgsoort]'"),
    "A113": ("error", "deze regel heeft {actual} velden, de kopregel {expected}",
             "this row has {actual} fields, the header {expected}"),
    "A114": ("error", "{value} is geen waarde van een feit: een punt sluit het feit af; schrijf een getal met decimalen "
                      "tussen aanhalingstekens: \"{comma}\"",
             "{value} is not a value of a fact: a full stop ends the fact; write a number with decimals in quotes: "
             "\"{comma}\""),
    "A200": ("error", "onbekend kenmerk '{name}' (geen van de beleidsregels declareert het)",
             "undeclared kenmerk '{name}' (no policy declares it)"),
    "A202": ("error", "kenmerk '{name}' heeft {expected} argumenten, hier staan er {actual}",
             "kenmerk '{name}' takes {expected} arguments, {actual} are given"),
    "A203": ("error", "kenmerk '{name}' verwacht {expected}, gekregen: {value}",
             "kenmerk '{name}' expects {expected}, got: {value}"),
    "A204": ("error", "waarde {value} van kenmerk '{name}' ligt buiten het bereik: {allowed}",
             "value {value} of kenmerk '{name}' is out of range: {allowed}"),
    "A205": ("error", "kenmerk '{name}' van '{provider}' heeft al een andere waarde ({other}) op regel {line}",
             "kenmerk '{name}' of '{provider}' already has another value ({other}) on line {line}"),
    "A206": ("error", "onbekende zorgsoort '{value}' (bekend: {choices})", "unknown zorgsoort '{value}' (known: {choices})"),
    "A207": ("error", "'{value}' is geen geldige aanbiedersnaam; gebruik een naam met kleine letters of een tekenreeks",
             "'{value}' is not a valid provider name; use a lowercase name or a string"),
    "A208": ("warning", "aanbieder '{provider}' levert geen zorgsoort ('levert({provider}, zorgsoort).' ontbreekt); er valt niets te besluiten",
             "provider '{provider}' delivers no zorgsoort ('levert({provider}, zorgsoort).' is missing); there is nothing to decide"),
    "A220": ("error", "waarde {value} van kenmerk '{name}' is te groot: caresq-logic rekent met getallen van -{limit} tot {limit}",
             "value {value} of kenmerk '{name}' is too large: caresq-logic computes with numbers from -{limit} to {limit}"),
    "A250": ("error", "waarde {value} van kenmerk '{name}' is te groot voor de verhouding '{ratio}': caresq-logic "
                      "rekent daarin met waarden van -{limit} tot {limit}",
             "value {value} of kenmerk '{name}' is too large for the ratio '{ratio}': caresq-logic computes it "
             "with values from -{limit} to {limit}"),
    "A221": ("error", "sleutel \"{key}\" staat twee keer in dit object; de eerste waarde was {first}",
             "key \"{key}\" appears twice in this object; the first value was {first}"),
    "A222": ("warning", "geen beleid dat geldt, gaat over zorgsoort '{care_type}'; daarvoor wordt niets besloten",
             "no policy in force covers zorgsoort '{care_type}'; nothing is decided for it"),
    "A230": ("error", "deze CSV-regel is niet te lezen: {reason}", "this CSV record cannot be read: {reason}"),
    "A223": ("error", "controleteken {char} in een waarde is niet toegestaan", "control character {char} in a value is not allowed"),
    "A209": ("error", "het bestand bevat geen enkel feit", "the file contains no facts"),
    "A210": ("error", "'-{name}' zegt nee (of bij een meerkeuze: geen van de keuzes), maar dat kan alleen bij een ja/nee-kenmerk "
             "of een meerkeuze; '{name}' is {kind}: laat het weg als het onbekend is",
             "'-{name}' states no (or for a meerkeuze: none of the choices), which only a ja/nee kenmerk or a meerkeuze "
             "allows; '{name}' is {kind}: leave it out if it is unknown"),
    "A212": ("error", "meerkeuze '{name}' van '{provider}' heeft hier de waarde {value}, maar is op regel {line} leeg verklaard (of omgekeerd)",
             "meerkeuze '{name}' of '{provider}' has the value {value} here, but is stated empty on line {line} (or the other way round)"),
    "A213": ("error", "'-{name}(…, {value})': een meerkeuze kan alleen als geheel leeg verklaard worden (zonder waarde); "
             "een keuze die de aanbieder niet heeft, laat u weg",
             "'-{name}(…, {value})': a meerkeuze can only be stated empty as a whole (without a value); "
             "leave out a choice the provider does not have"),
    "A211": ("error", "kenmerk '{name}' van '{provider}' is hier {value}, maar op regel {line} {other}",
             "kenmerk '{name}' of '{provider}' is {value} here, but {other} on line {line}"),
    # --- solving ----------------------------------------------------------------------------
    "S001": ("error", "de oplosser (gronden en oplossen) was na {seconds} seconden niet klaar; verhoog --tijdslimiet of verklein de invoer",
             "the solver (grounding and solving) was not done after {seconds} seconds; raise --tijdslimiet or reduce the input"),
    "S010": ("error", "onderbroken (Ctrl-C); de uitvoer is niet compleet", "interrupted (Ctrl-C); the output is incomplete"),
    "S002": ("error", "de oplosser meldt een fout: {reason}", "the solver reports an error: {reason}"),
    "S003": ("error", "de invoer zou {size} voorwaardeknopen gronden, meer dan de grens {limit}; "
                      "verhoog --grondlimiet of splits de invoer",
             "the input would ground {size} condition nodes, more than the limit {limit}; "
             "raise --grondlimiet or split the input"),
    "C020": ("error", "geen beleid voor jaar {year} (wel voor: {years})", "no policy for year {year} (there is for: {years})"),
    "C021": ("error", "geen aanbiedersbestanden ({suffixes}) gevonden in {path}", "no provider files ({suffixes}) found in {path}"),
    "C022": ("error", "kan het rapport niet schrijven: {reason}", "cannot write the report: {reason}"),
    "C023": ("error", "onbekende code '{value}'; 'caresq-logic uitleg --alle' toont ze allemaal",
             "unknown code '{value}'; 'caresq-logic uitleg --alle' shows them all"),
    "C070": ("error", "meerdere beleidsjaren (--jaar, --jaren) gaan niet samen met {option}; kies één jaar",
             "several policy years (--jaar, --jaren) do not go with {option}; choose one year"),
    "C071": ("error", "ongeldige --jaren '{value}': schrijf van-tot, bv. 2024-2026",
             "invalid --jaren '{value}': write from-to, e.g. 2024-2026"),
    "C030": ("error", "kan het opgemaakte bestand niet wegschrijven: {reason}",
             "cannot write the formatted file: {reason}"),
    "C050": ("error", "de taalserver heeft {module} nodig, dat niet is geïnstalleerd: pip install 'caresq-logic[lsp]'",
             "the language server needs {module}, which is not installed: pip install 'caresq-logic[lsp]'"),
    # --- example files (test) --------------------------------------------------------------
    "C040": ("error", "onleesbare verwacht-regel '{line}'; schrijf '% verwacht: [aanbieder] zorgsoort = uitkomst [trede]' "
                      "met een uitkomst uit: {outcomes}",
             "unreadable expectation '{line}'; write '% verwacht: [provider] care_type = outcome [tier]' "
             "with an outcome from: {outcomes}"),
    "C041": ("error", "welke aanbieder? het bestand heeft er {count} ({providers}); schrijf "
                      "'% verwacht: aanbieder zorgsoort = uitkomst'",
             "which provider? the file has {count} ({providers}); write "
             "'% verwacht: provider care_type = outcome'"),
    "C042": ("error", "{path}: alleen .lp-bestanden hebben '% verwacht:'-regels", "{path}: only .lp files carry '% verwacht:' lines"),
    "C044": ("warning", "de voorbeelden dekken {percent}% van de beslispunten van {policy}, minder dan --min-dekking {minimum}%; "
                        "--dekking noemt wat ontbreekt",
             "the examples cover {percent}% of the decision points of {policy}, below --min-dekking {minimum}%; "
             "--dekking lists what is missing"),
    "C043": ("error", "geen map examples/ gevonden vanaf de werkmap omhoog; geef de voorbeeldbestanden of -mappen op",
             "no examples/ folder found from the working directory upwards; name the example files or folders"),
    # --- source texts (citaten) -----------------------------------------------------------
    "T001": ("error", "citaat staat niet letterlijk in {source}: \"{quote}\"",
             "quote is not verbatim in {source}: \"{quote}\""),
    "T002": ("error", "het beleid noemt geen brontekst; zet bron \"bestand.txt\" in de kop",
             "the policy names no source text; put bron \"file.txt\" in its header"),
    "T003": ("error", "bron {source} niet gevonden in {folder} ({reason})",
             "source {source} not found in {folder} ({reason})"),
    "C006": ("error", "onbekend formaat '{value}', kies uit: {choices}",
             "unknown format '{value}', choose from: {choices}"),
    "C008": ("error", "ongeldige --ernst '{value}': schrijf soort=niveau, met soort uit {kinds} en niveau uit {levels}",
             "invalid --ernst '{value}': write kind=level, kind one of {kinds}, level one of {levels}"),
    "C012": ("error", "aanbieder '{provider}' (--aanbieder) staat in geen van de aanbiedersbestanden",
             "provider '{provider}' (--aanbieder) is in none of the provider files"),
    # --- findings of `check` (the kind's code is the diagnostic code) --------------------------
    "check.unreachable_tier": ("finding", "geen enkele zorgaanbieder kan zorgovereenkomst {tier} voor {care_type} krijgen",
                               "no care provider can get contract {tier} for {care_type}"),
    "check.unreachable": ("finding", "geen enkele zorgaanbieder kan een zorgovereenkomst voor {care_type} krijgen",
                          "no care provider can get a contract for {care_type}"),
    "check.structural": ("finding", "zorgovereenkomst {tier} voor {care_type} vraagt meer dan samen haalbaar is",
                         "contract {tier} for {care_type} asks more than can hold at once"),
    "check.gap": ("finding", "een zorgaanbieder die aan alle voorwaarden voor {care_type} voldoet, past in geen enkele zorgovereenkomst",
                  "a care provider meeting every condition for {care_type} fits no contract tier"),
    "check.factor_never": ("finding", "differentiatiefactor {clause} is nooit voldaan en telt dus nooit mee",
                           "differentiation factor {clause} is never met, so it never counts"),
    "check.factor_always": ("finding", "differentiatiefactor {clause} is altijd voldaan en onderscheidt dus niemand",
                            "differentiation factor {clause} is always met, so it distinguishes no one"),
    "check.dead": ("finding", "{kind} {clause} verandert voor geen enkele zorgaanbieder het besluit: telkens als deze geldt, "
                              "beslist een andere clausule al hetzelfde (of de voorwaarde is altijd of nooit waar)",
                   "{kind} {clause} changes no care provider's decision: whenever it applies another clause already decides "
                   "the same (or its condition is always or never true)"),
    "check.exception": ("finding", "de uitzondering op {clause} leidt voor {care_type} nooit tot een zorgovereenkomst; "
                                   "dat komt door: {core}",
                        "the exception to {clause} never leads to a contract for {care_type}; because of: {core}"),
    "check.overlap": ("finding", "{first} en {second} begrenzen '{feature}' van tegengestelde kanten, maar een "
                                "zorgaanbieder kan aan beide voldoen",
                      "{first} and {second} bound '{feature}' from opposite sides, yet a care provider can meet both"),
    "check.retroactive": ("finding", "ingangsdatum {clause} kan voor 1 januari {year} liggen, voor het contractjaar",
                          "start date {clause} can fall before 1 January {year}, before the contract year"),
    "check.offer_after_signing": ("finding", "aanbieding {offer} ({offer_date}) valt na tekendatum {signing} ({signing_date})",
                                  "offer {offer} ({offer_date}) falls after signing deadline {signing} ({signing_date})"),
    "check.partial_english": ("finding", "{missing} van de {total} teksten voor mensen hebben geen Engels, de rest wel: {texts}",
                              "{missing} of the {total} texts for people have no English, the others do: {texts}"),
    "check.date_in_year": ("finding", "{kind} {clause} ({date}) valt in of na het contractjaar {year}",
                           "{kind} {clause} ({date}) falls in or after the contract year {year}"),
    "check.cross_year_changed": ("finding", "{care_type} loopt door van {earlier} naar {later} ({why}), maar door wijziging "
                                 "{change} voldoet een zorgaanbieder die in {earlier} voldeed, in {later} niet aan {clauses}",
                                 "{care_type} continues from {earlier} into {later} ({why}), but through change {change} a "
                                 "provider who met it in {earlier} fails {clauses} in {later}"),
    "check.cross_year_relaxed": ("finding", "{care_type} loopt door van {earlier} naar {later} ({why}); door wijziging "
                                 "{change} voldoet een zorgaanbieder die in {earlier} niet voldeed aan {clauses}, in {later} wel",
                                 "{care_type} continues from {earlier} into {later} ({why}); through change {change} a "
                                 "provider who failed {clauses} in {earlier} meets it in {later}"),
    "check.tier_shift": ("finding", "{care_type} loopt door van {earlier} naar {later}: een zorgaanbieder met zorgovereenkomst "
                         "{before} past in {later} bij {after}, maar houdt zijn doorlopende zorgovereenkomst",
                         "{care_type} continues from {earlier} into {later}: a provider with tier {before} fits {after} "
                         "in {later}, but keeps its continuing contract"),
    "check.delta_still_there": ("finding", "wijziging {change} zegt {kind}: {clause}, maar de tekst van hetzelfde jaar eist {clause} nog",
                                "change {change} says {kind}: {clause}, but the body of the same year still requires {clause}"),
    "check.delta_value": ("finding", "wijziging {change} zegt dat {clause} nu {stated} is, maar de tekst zegt {body}",
                          "change {change} says {clause} is now {stated}, but the body says {body}"),
    "check.delta_scope": ("finding", "wijziging {change} geldt voor {stated}, maar {clause} in de tekst geldt voor {body}",
                          "change {change} is about {stated}, but {clause} in the body applies to {body}"),
    "check.change_unstated_clause": ("finding", "{clause} is {how} tussen {earlier} en {later}, maar geen wijziging noemt het",
                                     "{clause} is {how} between {earlier} and {later}, but no change names it"),
    "check.feature_one_year": ("finding", "kenmerk {feature} staat alleen in {policy} (van {earlier} en {later}): een nieuwe of "
                               "hernoemde eis die geen wijziging noemt; vergelijkingen die erop steunen worden niet gemeld",
                               "kenmerk {feature} is only in {policy} (of {earlier} and {later}): a new or renamed "
                               "requirement no change names; comparisons resting on it are not reported"),
    "check.approach_split": ("finding", "{first} en {second} (verschillende paragrafen) kiezen voor {care_type} niet dezelfde "
                             "zorgaanbieders: een aanbieder die aan alle voorwaarden voldoet, voldoet aan de ene en niet aan de andere (getuige)",
                             "{first} and {second} (different paragraphs) do not select the same providers for {care_type}: "
                             "a provider meeting every condition meets one but not the other (witness)"),
    "check.no_route": ("finding", "{care_type} heeft eigen voorwaarden, maar de tekst noemt er geen {missing} voor",
                       "{care_type} has conditions of its own, but the text gives it no {missing}"),
    "check.intention_as_fact": ("finding", "wijziging {change} is een voornemen, maar de tekst past het toe als feit: {items}",
                                "change {change} is an intention, but the text applies it as fact: {items}"),
    # --- hints ------------------------------------------------------------------------------
    "H001": ("hint", "bedoelde u '{name}'?", "did you mean '{name}'?"),
    "H002": ("hint", "vergeet de punt aan het eind van de vorige clausule niet",
             "do not forget the full stop at the end of the previous clause"),
    "H003": ("hint", "schrijf '{word}' in plaats van '{wrong}'", "write '{word}' instead of '{wrong}'"),
    "H004": ("hint", "schrijf een datum als {iso} of {dutch}", "write a date as {iso} or {dutch}"),
    "H005": ("hint", "elke clausule citeert de paragraaf waar zij vandaan komt, zoals (§3.1 \"letterlijk citaat\"), "
                     "vóór of na het deel 'voor ...'",
             "every clause cites the paragraph it comes from, such as (§3.1 \"verbatim quote\"), before or after "
             "the 'voor ...' part"),
    "H006": ("hint", "een ja/nee-kenmerk is zelf een voorwaarde: schrijf '{name}' of 'niet {name}'",
             "a ja/nee kenmerk is a condition by itself: write '{name}' or 'niet {name}'"),
    # --- the labels of explanations and reports: ui_text.UI ----------------------------------
    **UI,
}


TYPE_NAMES = {
    "bool": ("ja/nee", "yes/no"),
    "int": ("een getal", "a number"),
    "count": ("een aantal", "a count"),
    "percentage": ("een percentage", "a percentage"),
    "date": ("een datum", "a date"),
    "choice": ("een keuze", "a choice"),
    "multi": ("een meerkeuze", "a multiple choice"),
}


class TypeName(str):
    """A kenmerk type in a message argument, named in the reader's language when rendered."""

    def localize(self, lang: str) -> str:
        nl, en = TYPE_NAMES.get(str(self), (str(self), str(self)))
        return en if lang == "en" else nl


@dataclass(frozen=True)
class Phrase:
    """A catalogue phrase in a message argument ("een geheel getal"), in the reader's language."""

    key: str

    def localize(self, lang: str) -> str:
        return ui(self.key, lang)


@dataclass(frozen=True)
class Listing:
    """Words joined by ", ", each a plain string (a keyword, a name) or a `Phrase`."""

    items: tuple[Any, ...]

    def localize(self, lang: str) -> str:
        return ", ".join(i.localize(lang) if hasattr(i, "localize") else str(i) for i in self.items)


def severity(code: str) -> str:
    return CATALOGUE[code][0]


SEVERITY_NAMES = {"error": ("fout", "error"), "warning": ("waarschuwing", "warning"), "note": ("opmerking", "note"),
                  "off": ("uit", "off")}


def severity_name(level: str, lang: str) -> str:
    """A severity in the reader's language, so a Dutch run never says "warning"."""
    nl, en = SEVERITY_NAMES.get(level, (level, level))
    return en if lang == "en" else nl


def summary(code: str, lang: str = "nl") -> str:
    """A code's message with its placeholders left as they are: a title for a catalogue entry."""
    _, nl, en = CATALOGUE[code]
    return en if lang == "en" else nl


def render(code: str, lang: str = "nl", args: dict[str, Any] | None = None) -> str:
    _, nl, en = CATALOGUE[code]
    template = en if lang == "en" else nl
    # An argument that knows its own words (TypeName, ClauseKind, Outcome) is named in `lang`.
    args = {k: (v.localize(lang) if hasattr(v, "localize") else v) for k, v in (args or {}).items()}
    return template.format(**args)


def ui(key: str, lang: str = "nl", **args: Any) -> str:
    return render("ui." + key, lang, args)
