"""The pages of the provider-file, solver and finding codes (A, S, K), for `report.codes`."""

INPUT_PAGES: dict[str, tuple[str, str, str]] = {
    # --- provider files ---------------------------------------------------------------------
    "A100": ("Een aanbiedersbestand (.lp) bevat alleen feiten zoals kenmerk(aanbieder, waarde). Iets anders "
             "staat op deze plek.",
             "A provider file (.lp) holds only facts such as kenmerk(provider, value). Something else stands "
             "here.",
             "prem(praktijk_a) en agb(praktijk_a).     # goed: prem(praktijk_a). agb(praktijk_a, \"04\")."),
    "A101": ("Directieven (#const, #include, #show, ...) zijn niet toegestaan: een aanbiedersbestand "
             "beschrijft een aanbieder en verandert het beleid niet.",
             "Directives (#const, #include, #show, ...) are not allowed: a provider file describes a provider "
             "and does not change the policy.",
             "#include \"ander.lp\"."),
    "A102": ("#script zou code uitvoeren; caresq-logic doet dat nooit.",
             "#script would run code; caresq-logic never does.",
             "#script (python) ... #end."),
    "A103": ("Regels (kop :- lijf) en beperkingen zouden het besluit sturen; alleen feiten zijn toegestaan.",
             "Rules (head :- body) and constraints would steer the decision; only facts are allowed.",
             "prem(X) :- agb(X, \"04\")."),
    "A104": ("Keuzeregels, aggregaten en disjuncties zijn geen feiten.",
             "Choice rules, aggregates and disjunctions are not facts.",
             "{ prem(praktijk_a) }."),
    "A105": ("Een naam met een hoofdletter is in ASP een variabele; een feit noemt vaste waarden. Schrijf de "
             "aanbieder in kleine letters of tussen aanhalingstekens.",
             "A capitalised name is a variable in ASP; a fact names fixed values. Write the provider in "
             "lowercase or in quotes.",
             "prem(PraktijkA).     # goed: prem(praktijk_a). of prem(\"PraktijkA\")."),
    "A106": ("Elk feit eindigt met een punt.", "Every fact ends with a full stop.",
             "prem(praktijk_a)     # goed: prem(praktijk_a)."),
    "A107": ("Een tekst tussen aanhalingstekens is niet gesloten.", "A quoted string is not closed.",
             "agb(praktijk_a, \"04)."),
    "A108": ("Na vele fouten stopt de controle van het bestand; los de eerste op en controleer opnieuw.",
             "After many errors the file is no longer checked; fix the first ones and check again.",
             "een bestand met honderden regels onzin"),
    "A109": ("Een onzichtbaar stuurteken staat in het bestand; het zou de oplosser stilletjes laten stoppen "
             "met lezen.",
             "An invisible control character is in the file; it would make the solver stop reading, silently.",
             "prem(praktijk_a).<NUL>"),
    "A110": ("Een regel van een JSON Lines-bestand is geen geldige JSON.",
             "A line of a JSON Lines file is not valid JSON.",
             "{\"id\": \"praktijk_a\", \"prem\": ja}     # goed: \"prem\": true"),
    "A111": ("Elke regel noemt de aanbieder: in CSV een eerste kolom id, in JSONL een sleutel \"id\" met een "
             "tekst.",
             "Every row names its provider: in CSV a first column id, in JSONL a key \"id\" holding a string.",
             "naam,prem\npraktijk_a,ja     # goed: id,prem"),
    "A112": ("Een kolomkop is geen kenmerk (of niet in de vorm kenmerk[jaar] / kenmerk[zorgsoort]).",
             "A column heading is not a kenmerk (or not in the form kenmerk[year] / kenmerk[zorgsoort]).",
             "id,behandelindex 2024     # goed: id,behandelindex[2024]"),
    "A113": ("Een CSV-regel heeft meer of minder velden dan de kopregel; vaak een komma in een waarde zonder "
             "aanhalingstekens.",
             "A CSV row has more or fewer fields than the header; often a comma in an unquoted value.",
             "id,naam\npraktijk_a,Fysio Noord, Groningen     # goed: \"Fysio Noord, Groningen\""),
    "A114": ("Een feit met een getal met een punt (0.8): in een aanbiedersbestand sluit de punt het feit af. "
             "Schrijf het getal met een komma tussen aanhalingstekens.",
             "A fact with a number with a full stop (0.8): in a provider file the full stop ends the fact. Write "
             "the number with a comma, in quotes.",
             "fte(praktijk_a, 0.8).     # goed: fte(praktijk_a, \"0,8\")."),
    "A200": ("Het feit noemt een kenmerk dat geen enkel geladen beleid declareert: een tikfout, of een beleid "
             "dat niet geladen is.",
             "The fact names a kenmerk no loaded policy declares: a typo, or a policy that was not loaded.",
             "prm(praktijk_a).     # goed: prem(praktijk_a)."),
    "A202": ("Het kenmerk heeft een ander aantal argumenten: per jaar en per zorgsoort komt er een bij.",
             "The kenmerk takes a different number of arguments: per year and per zorgsoort add one.",
             "behandelindex(praktijk_a, 131).     # goed: behandelindex(praktijk_a, 2024, 131)."),
    "A203": ("De waarde past niet bij het type van het kenmerk (tekst waar een getal hoort, een onbekende "
             "keuze).",
             "The value does not fit the kenmerk's type (text where a number belongs, an unknown choice).",
             "aantal_fysiotherapeuten(praktijk_a, veel)."),
    "A204": ("De waarde ligt buiten het bereik van het type: een percentage boven 100, een negatief aantal, "
             "een datum die niet bestaat.",
             "The value is outside the type's range: a percentage over 100, a negative count, a date that does "
             "not exist.",
             "aandeel_loondienst(praktijk_a, 120)."),
    "A205": ("Hetzelfde kenmerk van dezelfde aanbieder heeft twee verschillende waarden; het besluit zou dan "
             "van de volgorde afhangen.",
             "The same kenmerk of the same provider has two different values; the decision would depend on "
             "their order.",
             "behandelindex(praktijk_a, 2024, 131).\nbehandelindex(praktijk_a, 2024, 160)."),
    "A206": ("levert(...) noemt een zorgsoort die geen geladen beleid kent; de melding noemt de bekende.",
             "levert(...) names a zorgsoort no loaded policy knows; the message lists the known ones.",
             "levert(praktijk_a, fysio).     # goed: levert(praktijk_a, fysiotherapie)."),
    "A207": ("Een aanbiedersnaam is een naam in kleine letters of een tekst tussen aanhalingstekens.",
             "A provider name is a lowercase name or a quoted string.",
             "prem(12ab).     # goed: prem(\"12ab\")."),
    "A208": ("De aanbieder levert volgens het bestand geen enkele zorgsoort, dus er valt niets te besluiten "
             "(een waarschuwing: de rest gaat door).",
             "The provider delivers no zorgsoort according to the file, so there is nothing to decide (a "
             "warning: the rest goes on).",
             "prem(praktijk_a).     # levert(praktijk_a, fysiotherapie). ontbreekt"),
    "A209": ("Het bestand bevat geen enkel feit; waarschijnlijk het verkeerde bestand.",
             "The file contains no facts; probably the wrong file.",
             "% alleen commentaar"),
    "A210": ("Een regel '-kenmerk(aanbieder).' zegt uitdrukkelijk nee (bij een meerkeuze: geen van de keuzes). "
             "Dat kan alleen bij een ja/nee-kenmerk of een meerkeuze; een getal, datum of keuze die u niet weet, "
             "laat u gewoon weg: dan is die onbekend.",
             "A line '-kenmerk(provider).' says no explicitly (for a meerkeuze: none of the choices). That only "
             "fits a ja/nee kenmerk or a meerkeuze; a number, date or choice you do not know is simply left out: "
             "then it is unknown.",
             "-behandelindex(praktijk_a, 2024)."),
    "A212": ("Een meerkeuze staat voor dezelfde aanbieder zowel leeg verklaard ('-kenmerk(aanbieder).') als met "
             "een waarde in het bestand. Welke bedoeld is, zou een gok zijn: haal een van beide weg.",
             "A meerkeuze is stated both empty ('-kenmerk(provider).') and with a value for the same provider. "
             "Which one is meant would be a guess: remove one of the two.",
             "-registratie(praktijk_a).\nregistratie(praktijk_a, kfir)."),
    "A213": ("'-kenmerk(aanbieder).' verklaart een meerkeuze leeg: geen van de keuzes. Met een waarde erbij "
             "('-registratie(p, kfir).') zou het alleen zeggen dat die ene keuze er niet is, en niets over de "
             "andere; dat kan de taal niet uitdrukken. Noem de keuzes die er wel zijn, of verklaar de lijst leeg.",
             "'-kenmerk(provider).' states a meerkeuze empty: none of the choices. With a value "
             "('-registratie(p, kfir).') it would only say that one choice is absent and nothing about the "
             "others, which the language cannot express. List the choices that are there, or state the list empty.",
             "-registratie(praktijk_a, kfir)."),
    "A211": ("Hetzelfde ja/nee-kenmerk staat voor dezelfde aanbieder zowel als ja als als nee in het bestand. "
             "Welke bedoeld is, zou een gok zijn: haal een van beide regels weg.",
             "The same ja/nee kenmerk is stated both as yes and as no for the same provider. Which one is "
             "meant would be a guess: remove one of the two lines.",
             "skf_keurmerk(praktijk_a).\n-skf_keurmerk(praktijk_a)."),
    "A220": ("Een waarde is groter dan caresq-logic veilig kan rekenen (32-bits gehele getallen in de "
             "oplosser); zonder deze fout zou het getal stil omslaan in een verkeerd besluit.",
             "A value is larger than caresq-logic can compute with safely (32-bit integers in the solver); "
             "without this error the number would silently wrap into a wrong decision.",
             "behandelindex(praktijk_a, 99999999999)."),
    "A250": ("Een verhouding ('a ten minste 30% van b') vermenigvuldigt elke kant met een vast getal, groter "
             "naarmate het beleid meer decimalen gebruikt (met twee decimalen aan de andere kant: 10.000). Het "
             "product moet binnen de 32-bits getallen van de oplosser blijven, anders slaat het stil om in een "
             "verkeerd besluit; daarom heeft elke kant van elke verhouding in het geldende beleid een eigen grens.",
             "A ratio ('a at least 30% of b') multiplies each side by a constant, larger the more decimals the "
             "policy uses (with two decimals on the other side: 10,000). The product must stay within the "
             "solver's 32-bit integers, or it silently wraps into a wrong decision; so each side of each ratio "
             "in the policy in force has a limit of its own.",
             "opleidingsplekken(praktijk_a, 300000).   % 'opleidingsplekken ten minste 5% van fte' (fte: 2 decimalen)"),
    "A221": ("Een JSON-object bevat dezelfde sleutel twee keer. JSON staat dat toe, maar welke waarde bedoeld "
             "is, zou een gok zijn.",
             "A JSON object holds the same key twice. JSON allows it, but which value is meant would be a "
             "guess.",
             "{\"aanbieder\": \"a\", \"prem\": true, \"prem\": false}"),
    "A222": ("Geen beleid dat in dit jaar geldt, gaat over deze zorgsoort; er wordt niets voor besloten (een "
             "waarschuwing: de rest gaat door). Kies een ander --jaar of controleer de zorgsoort.",
             "No policy in force this year covers this zorgsoort; nothing is decided for it (a warning: the "
             "rest goes on). Choose another --jaar or check the zorgsoort.",
             "levert(praktijk_a, aangepaste_stoelen).     # een zorgsoort die in 2026 vervallen is"),
    "A223": ("Een waarde bevat een controleteken (zoals \\u0000 of \\u001b in JSON). Het zou een terminal kunnen "
             "besturen of de oplosser de tekst laten afkappen, dus het wordt geweigerd.",
             "A value holds a control character (such as \\u0000 or \\u001b in JSON). It could drive a terminal "
             "or make the solver cut the text short, so it is refused.",
             "{\"aanbieder\": \"a\\u001b[2J\", \"prem\": true}"),
    "A230": ("De csv-module kan deze regel niet lezen, bijvoorbeeld omdat regels alleen met een CR (oude Mac) "
             "eindigen. Alleen die regel wordt overgeslagen; sla het bestand op met gewone regeleinden.",
             "The csv module cannot read this record, for instance because lines end in a lone CR (old Mac). "
             "Only that record is left out; save the file with ordinary line endings.",
             "id,levert\\rp,fysiotherapie"),
    # --- solving ----------------------------------------------------------------------------
    "S001": ("De opdracht duurde langer dan --tijdslimiet toestaat (gemeten vanaf de start, gronden en oplossen "
             "inbegrepen; standaard 300 seconden). Verhoog de limiet of verdeel de invoer over meer runs.",
             "The command took longer than --tijdslimiet allows (counted from its start, grounding and solving "
             "included; 300 seconds by default). Raise the limit or split the input over more runs.",
             "caresq-logic explain markt.csv --tijdslimiet 0.01"),
    "C098": ("Een invoerbestand is meer dan eens gegeven: twee keer hetzelfde pad, een map en een bestand "
             "daarin, of twee namen van één bestand (een symbolische of harde link). Het wordt één keer gelezen, "
             "op de eerste plaats; anders zou elke aanbieder twee keer besloten worden (een waarschuwing).",
             "An input file is given more than once: the same path twice, a folder and a file in it, or two "
             "names of one file (a symbolic or hard link). It is read once, at its first place; otherwise every "
             "provider would be decided twice (a warning).",
             "caresq-logic explain markt/ markt/a.lp"),
    "C060": ("Het pad bestaat, maar is geen gewoon bestand of map: een named pipe (FIFO), socket of apparaat. "
             "caresq-logic leest alleen gewone bestanden; uit een pipe lezen kan eeuwig wachten.",
             "The path exists but is not a regular file or folder: a named pipe (FIFO), socket or device. "
             "caresq-logic reads regular files only; reading from a pipe could wait forever.",
             "mkfifo markt.lp && caresq-logic explain markt.lp"),
    "S010": ("De opdracht is met Ctrl-C (SIGINT) onderbroken. Wat al op het scherm stond is niet compleet; "
             "bij --uitvoer blijft een eerder rapport staan. De afsluitcode is 130.",
             "The command was interrupted with Ctrl-C (SIGINT). What was printed is incomplete; with "
             "--uitvoer an earlier report stays in place. The exit code is 130.",
             "caresq-logic check groot.beleid   # en dan Ctrl-C"),
    "S002": ("De oplosser meldt een fout die caresq-logic niet had moeten laten gebeuren; meld het als fout "
             "in caresq-logic, met de invoer.",
             "The solver reports an error caresq-logic should have prevented; report it as a bug in "
             "caresq-logic, with the input.",
             "(geen bekend voorbeeld)"),
    "S003": ("De invoer zou meer voorwaardeknopen gronden dan --grondlimiet: aanbieders maal zorgsoorten "
             "maal voorwaarden. Verhoog de limiet of splits de markt.",
             "The input would ground more condition nodes than --grondlimiet: providers times zorgsoorten "
             "times conditions. Raise the limit or split the market.",
             "caresq-logic explain markt.csv --grondlimiet 10"),
    # --- findings of check ------------------------------------------------------------------
    "K100": ("Onvervulbaar: geen enkele aanbieder kan een zorgovereenkomst (of een bepaalde zorgovereenkomst) "
             "krijgen. De bevinding noemt een minimale set clausules die samen niet kunnen gelden.",
             "Unsatisfiable: no provider can get a contract (or a given tier). The finding names a minimal set "
             "of clauses that cannot hold together.",
             "randvoorwaarde a (§1) voor fysiotherapie: aantal ten minste 5.\n"
             "randvoorwaarde b (§2) voor fysiotherapie: aantal hoogstens 3."),
    "K200": ("Overlap: twee clausules begrenzen hetzelfde kenmerk van tegengestelde kanten (bedoeld om elkaar "
             "uit te sluiten), maar een aanbieder kan aan beide voldoen. De getuige is zo'n aanbieder.",
             "Overlap: two clauses bound the same kenmerk from opposite sides (meant to exclude each other), "
             "yet a provider can meet both. The witness is such a provider.",
             "randvoorwaarde zzp (§1) voor bemiddeling: aandeel_loondienst hoogstens 60%.\n"
             "randvoorwaarde loon (§2) voor kraamzorg: aandeel_loondienst ten minste 40%."),
    "K300": ("Gat: een aanbieder voldoet aan alle voorwaarden maar past in geen enkele zorgovereenkomst.",
             "Gap: a provider meets every condition but fits no tier.",
             "zorgovereenkomst A ...: ten minste 2 differentiatiefactoren.   # en geen lagere zorgovereenkomst"),
    "K400": ("Dode clausule: de clausule verandert voor geen enkele aanbieder het besluit; een andere clausule "
             "beslist altijd al hetzelfde, of haar voorwaarde is altijd of nooit waar.",
             "Dead clause: the clause changes no provider's decision; another clause always decides the same, "
             "or its condition is always or never true.",
             "randvoorwaarde a (§1) voor fysiotherapie: prem.\nrandvoorwaarde b (§2) voor fysiotherapie: prem."),
    "K500": ("Jaaroverschrijdend: een doorlopende zorgovereenkomst loopt door in een jaar met andere "
             "voorwaarden; wie in het ene jaar voldoet, voldoet in het andere niet.",
             "Cross-year: a continuing contract runs on into a year with other conditions; a provider "
             "compliant in one year is not in the other.",
             "doorlopend d (§4) voor wijkverpleging: lopende_overeenkomst.   # en 2024 vraagt een nieuwe voorwaarde"),
    "K600": ("Wijzigingenlijst: de lijst met wijzigingen en het echte verschil tussen twee jaren spreken "
             "elkaar tegen (een verandering die niet genoemd is, of een genoemde die er niet is).",
             "Change list: the list of changes and the real difference between two years disagree (a change "
             "not mentioned, or one mentioned that is not there).",
             "wijziging w (§wijzigingen) voor logopedie: \"nieuwe eis\".   # en de eisen zijn gelijk"),
    "K700": ("Tijdlijn: datums spreken elkaar tegen: een aanbieding na de tekendatum, een ingangsdatum voor "
             "het contractjaar.",
             "Timeline: dates contradict each other: an offer after the signing deadline, a start date before "
             "the contract year.",
             "aanbieding a (§5): 1 december 2025.\ntekendatum t (§5): 1 november 2025."),
    "K510": ("Doorloop-trede: een doorlopende zorgovereenkomst loopt door in een jaar waarin de aanbieder bij "
             "een andere zorgovereenkomst (trede) past, maar zijn oude houdt. De getuige is zo'n aanbieder.",
             "Continuing tier: a continuing contract runs on into a year in which the provider fits another "
             "tier, but keeps the old one. The witness is such a provider.",
             "doorlopend d (§4) voor fysiotherapie: lopende_overeenkomst.   # en de treden van 2026 zijn anders"),
    "K610": ("Wijziging en tekst: een delta van de wijzigingenlijst is in de tekst van hetzelfde jaar niet te "
             "zien (iets dat vervallen heet, wordt nog geëist; een waarde of bereik verschilt).",
             "Change and body: a delta of the change list cannot be seen in the body of the same year "
             "(something said to be gone is still required; a value or scope differs).",
             "wijziging w (§wijzigingen \"...\") : \"vervalt\"; vervallen knov.   # en randvoorwaarde knov staat er nog"),
    "K800": ("Benaderd en ingekocht: twee clausules uit verschillende paragrafen kiezen voor dezelfde zorgsoort "
             "niet dezelfde aanbieders; wie aan alle voorwaarden voldoet, valt onder de ene en niet onder de andere.",
             "Approached and purchased: two clauses from different paragraphs do not select the same providers "
             "for one zorgsoort; a provider meeting every condition falls under one and not the other.",
             "benaderd b (§3) voor fysiotherapie: landelijke_organisatie.\n"
             "randvoorwaarde c (§4) voor fysiotherapie: contract_2025."),
    "K900": ("Geen route: een zorgsoort heeft eigen voorwaarden, maar de tekst geeft geen looptijd, aanvraagroute "
             "of planning; een aanbieder die voldoet weet niet hoe en wanneer.",
             "No route: a zorgsoort has conditions of its own, but the text gives it no contract period, "
             "application route or planning; a compliant provider does not know how or when.",
             "randvoorwaarde r (§3) voor valpreventie: prem.   # en geen looptijd voor valpreventie"),
    "K950": ("Voornemen als feit: een wijziging is alleen een voornemen ('voornemen'), maar een andere clausule "
             "past haar toe alsof ze al geldt.",
             "Intention as fact: a change is only an intention ('voornemen'), but another clause applies it "
             "as if it were in force.",
             "wijziging w (§wijzigingen \"Tevens is er het voornemen ...\") : \"...\"; toegevoegd nieuw; voornemen."),
    "B260": ("Vertaling: het beleid geeft voor sommige teksten voor mensen (titels, lezingen, 'aan te vragen via', "
             "keuzetitels) een Engelse tekst na de schuine streep, maar niet voor alle; explain --taal en toont "
             "dan Nederlands, gemarkeerd met (nl). De melding noemt de teksten zonder Engels.",
             "Translation: the policy gives English after the slash for some of its texts for people (titles, "
             "readings, 'aan te vragen via', choice titles) but not for all; explain --taal en then shows Dutch, "
             "marked (nl). The message names the texts without English.",
             'kenmerk a "Aantal" / "Number": aantal.\nkenmerk b "Bewijs": ja/nee.   # geen Engels voor b'),
}
