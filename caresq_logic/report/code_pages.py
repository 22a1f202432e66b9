"""The pages of the command-line, policy and quote codes (C, B, T), for `report.codes`."""

POLICY_PAGES: dict[str, tuple[str, str, str]] = {
    # --- files and command line -------------------------------------------------------------
    "C001": ("Een pad op de opdrachtregel bestaat niet. Controleer de spelling en de werkmap: paden zijn "
             "relatief aan de map waarin u de opdracht geeft.",
             "A path on the command line does not exist. Check its spelling and the working directory: paths "
             "are relative to the folder you run the command in.",
             "caresq-logic explain praktjk.lp     # goed: praktijk.lp"),
    "C002": ("Het bestand bestaat, maar kan niet gelezen worden (rechten, een map in plaats van een bestand, "
             "een schijffout). De reden van het besturingssysteem staat in de melding.",
             "The file exists but cannot be read (permissions, a folder instead of a file, a disk error). The "
             "operating system's reason is in the message.",
             "chmod 000 praktijk.lp && caresq-logic explain praktijk.lp"),
    "C003": ("Beleids- en aanbiedersbestanden zijn UTF-8-tekst. Sla het bestand op als UTF-8 (in Excel: "
             "'CSV UTF-8'); de melding noemt de eerste byte die geen UTF-8 is.",
             "Policy and provider files are UTF-8 text. Save the file as UTF-8 (in Excel: 'CSV UTF-8'); the "
             "message names the first byte that is not UTF-8.",
             "markt.csv opgeslagen als Windows-1252 met 'Diëtetiek'"),
    "C004": ("Een invoerbestand is groter dan de grens die caresq-logic veilig verwerkt. Splits het bestand "
             "(bijvoorbeeld een markt in delen).",
             "An input file is larger than the limit caresq-logic handles safely. Split the file (a market "
             "into parts, for example).",
             "caresq-logic explain markt_van_5GB.csv"),
    "C005": ("Een map op de opdrachtregel bevat geen enkel .beleid-bestand, dus er is niets te controleren. "
             "Geef de map met beleid (of laat het pad weg: dan geldt de dichtstbijzijnde map policies/).",
             "A folder on the command line holds no .beleid file, so there is nothing to check. Name the "
             "folder with the policies (or leave the path out: then the nearest policies/ folder is used).",
             "caresq-logic check examples/     # goed: caresq-logic check policies/"),
    "C006": ("Het gevraagde uitvoerformaat bestaat niet voor deze opdracht; de melding noemt de formaten die "
             "er wel zijn (markdown alleen met --lezingen).",
             "The output format asked for does not exist for this command; the message lists the ones that do "
             "(markdown only with --lezingen).",
             "caresq-logic check --format xml     # goed: --format junit"),
    "B106": ("Een getal met een punt (0.8) kan niet: de punt sluit een clausule af. Schrijf decimalen met een "
             "komma en declareer het kenmerk met het aantal decimalen.",
             "A number with a full stop (0.8) cannot be: the full stop ends a clause. Write decimals with a comma "
             "and declare the kenmerk with its number of decimals.",
             "kenmerk fte: getal met 1 decimaal.\nrandvoorwaarde r (§1) voor fysiotherapie: fte ten minste 0.8.\n"
             "# goed: fte ten minste 0,8"),
    "B229": ("Een 'lezing' legt uit hoe een zin die twee lezingen toelaat gelezen is; daarvoor moet de zin zelf "
             "als citaat achter de paragraaf staan.",
             "A 'lezing' says how a sentence that allows two readings was read; so the sentence itself must be "
             "quoted after the section.",
             "randvoorwaarde r (§3.1) voor fysiotherapie lezing \"strikt\": prem.\n"
             "# goed: randvoorwaarde r (§3.1 \"de zin\") voor fysiotherapie lezing \"strikt\": prem."),
    "B230": ("Een waarde heeft meer decimalen dan het kenmerk toestaat; declareer het kenmerk met meer "
             "decimalen als de tekst dat vraagt.",
             "A value has more decimals than the kenmerk allows; declare the kenmerk with more decimals if the "
             "text asks for it.",
             "kenmerk fte: getal met 1 decimaal.\nrandvoorwaarde r (§1) voor fysiotherapie: fte ten minste 0,75."),
    "B231": ("'in contractjaar N' noemt een jaar dat buiten de looptijd van de zorgsoorten van de clausule valt.",
             "'in contractjaar N' names a year outside the contract period of the clause's zorgsoorten.",
             "looptijd l (§4) voor fysiotherapie: 2026 tot en met 2027.\n... in contractjaar 2029 ..."),
    "T001": ("'caresq-logic citaten' vond het citaat niet letterlijk (op witruimte na) in de brontekst. Kopieer "
             "de zin opnieuw uit de bron; een citaat zegt niet meer en niet minder dan de tekst.",
             "'caresq-logic citaten' did not find the quote verbatim (up to whitespace) in the source text. Copy "
             "the sentence again from the source; a quote says neither more nor less than the text.",
             "randvoorwaarde r (§3.1 \"De aanbieder declareert digitaal.\") ...   # de bron zegt: 'declareert digitaal via VECOZO'"),
    "T002": ("Om citaten te controleren moet de kop van het beleid zeggen uit welke brontekst ze komen.",
             "To check quotes, the policy's header must say which source text they come from.",
             "beleid proef 2026 \"Proef\".\n# goed: beleid proef 2026 \"Proef\" bron \"004_534de72a39e2e227.txt\"."),
    "T003": ("De brontekst die de kop noemt staat niet in de map van --bronnen.",
             "The source text named in the header is not in the --bronnen folder.",
             "caresq-logic citaten policies/ --bronnen ../verkeerde_map"),
    "C008": ("--ernst verandert de ernst van een soort bevinding en wordt geschreven als soort=niveau. De "
             "melding noemt de soorten en niveaus.",
             "--ernst changes the severity of a kind of finding and is written kind=level. The message lists "
             "the kinds and levels.",
             "caresq-logic check --ernst overlap:error     # goed: --ernst overlap=error"),
    "C022": ("Het bestand van --uitvoer kan niet geschreven worden: de map bestaat niet, u mag er niet "
             "schrijven, het is een map of het is een van de invoerbestanden. Een eerder rapport met die naam "
             "blijft dan ongewijzigd.",
             "The --uitvoer file cannot be written: its folder does not exist, you may not write there, it is a "
             "folder or it is one of the input files. An earlier report of that name is left unchanged.",
             "caresq-logic check -o rapporten/check.txt     # de map rapporten/ bestaat niet"),
    "C009": ("Het doel van explain --doel bestaat in geen van de beleidsstukken waarmee besloten wordt. Een doel "
             "is een zorgovereenkomst (A, B, ...), een uitkomst (zoals zorgovereenkomst of doorlopende_overeenkomst) "
             "of een zorgsoort.",
             "The target of explain --doel exists in none of the policies deciding. A target is a contract tier "
             "(A, B, ...), an outcome (such as zorgovereenkomst or doorlopende_overeenkomst) or a zorgsoort.",
             "caresq-logic explain examples/providers/paramedische_zorg/fysio_b.lp --doel Z     # goed: --doel A"),
    "C012": ("Een aanbieder van --aanbieder staat in geen van de aanbiedersbestanden; de andere gevraagde "
             "aanbieders worden wel besloten. Controleer de schrijfwijze: het is de naam in de feiten of in de "
             "kolom 'aanbieder'.",
             "A provider given with --aanbieder is in none of the provider files; the other providers asked for "
             "are decided. Check the spelling: it is the name in the facts or in the 'aanbieder' column.",
             "caresq-logic explain examples/markt/praktijken.csv --aanbieder de_lop     # goed: --aanbieder de_loop"),
    "C020": ("Geen enkel geladen beleid heeft het jaar van --jaar. Zonder deze fout zou de opdracht 'geen "
             "bevindingen' melden terwijl er niets gecontroleerd is. De melding noemt de jaren die er wel zijn.",
             "No loaded policy has the year given with --jaar. Without this error the command would report "
             "'no findings' with nothing checked. The message lists the years there are.",
             "caresq-logic check --jaar 2030"),
    "C021": ("Een map op de opdrachtregel bevat geen aanbiedersbestanden (.lp, .csv of .jsonl), dus er valt "
             "niets te besluiten.",
             "A folder on the command line holds no provider files (.lp, .csv or .jsonl), so there is "
             "nothing to decide.",
             "caresq-logic explain policies/     # goed: caresq-logic explain examples/providers/"),
    "C023": ("'uitleg' kent deze code niet. Codes zijn een letter en drie cijfers, zoals B100 of K200; de "
             "hulpregel noemt de code die het meest lijkt.",
             "'uitleg' does not know this code. Codes are a letter and three digits, such as B100 or K200; the "
             "help line names the closest code.",
             "caresq-logic uitleg B1000     # goed: caresq-logic uitleg B100"),
    "C070": ("Met meer dan één beleidsjaar zet explain de jaren naast elkaar, per zorgsoort, met bij elke "
             "andere uitkomst de clausules die tussen de jaren veranderden. --doel, --samenvatting en de "
             "formaten jsonl en csv beantwoorden een vraag over één jaar: kies dan één --jaar.",
             "With more than one policy year explain shows the years side by side, per zorgsoort, with the "
             "clauses that changed between the years at every change of outcome. --doel, --samenvatting and "
             "the jsonl and csv formats answer a question about one year: choose one --jaar for those.",
             "caresq-logic explain praktijk.lp --jaren 2025-2026 --doel A     # goed: --jaar 2026 --doel A"),
    "C071": ("--jaren noemt een reeks beleidsjaren als van-tot, beide jaren inbegrepen, het eerste niet na "
             "het tweede. Losse jaren geeft u met --jaar, herhaald.",
             "--jaren names a range of policy years as from-to, both years included, the first not after the "
             "second. Single years are given with --jaar, repeated.",
             "caresq-logic explain praktijk.lp --jaren 2026-2025     # goed: --jaren 2025-2026"),
    "C030": ("fmt kon een beleidsbestand niet vervangen door de opgemaakte versie: u mag niet schrijven in "
             "de map of in het bestand, of de schijf is vol. Het bestand blijft dan zoals het was; de andere "
             "bestanden worden wel opgemaakt.",
             "fmt could not replace a policy file with its formatted version: you may not write in its folder "
             "or to the file, or the disk is full. The file is left as it was; the other files are still "
             "formatted.",
             "chmod a-w policies/geboortezorg && caresq-logic fmt policies/"),
    "C050": ("'caresq-logic lsp' draait op pygls, dat als extra 'lsp' wordt meegeïnstalleerd ('make test' en "
             "'make demo' doen dat). Zonder die extra start de taalserver niet; de rest van caresq-logic werkt gewoon.",
             "'caresq-logic lsp' runs on pygls, installed with the extra 'lsp' ('make test' and 'make demo' do so). "
             "Without that extra the language server does not start; the rest of caresq-logic works as before.",
             "caresq-logic lsp     # goed: pip install 'caresq-logic[lsp]' en dan caresq-logic lsp"),
    "C040": ("Een regel die begint met '% verwacht' moet een verwacht besluit zijn: '% verwacht: zorgsoort = "
             "uitkomst' met eventueel de trede erachter, en in een bestand met meer aanbieders de aanbieder ervoor. "
             "De uitkomst is een van de woorden uit de melding.",
             "A line starting with '% verwacht' must be an expected decision: '% verwacht: care_type = outcome', "
             "the tier after it if any, and in a file with several providers the provider before it. The "
             "outcome is one of the words in the message.",
             "% verwacht: fysiotherapie = contract B     # goed: fysiotherapie = zorgovereenkomst B"),
    "C041": ("Het voorbeeldbestand beschrijft meer aanbieders, dus een verwacht-regel zonder aanbieder zegt niet "
             "over welk besluit hij gaat. Zet de id van de aanbieder voor de zorgsoort.",
             "The example file describes several providers, so an expectation without a provider does not say "
             "which decision it is about. Put the provider's id before the care type.",
             "% verwacht: fysiotherapie = zorgovereenkomst B     # goed: het_anker fysiotherapie = ..."),
    "C042": ("'test' leest verwachte besluiten uit '% verwacht:'-commentaar, en dat heeft alleen een .lp-bestand. "
             "Een markt in CSV of JSONL besluit u met 'explain'.",
             "'test' reads expected decisions from '% verwacht:' comments, which only an .lp file has. Decide "
             "a CSV or JSONL market with 'explain'.",
             "caresq-logic test examples/markt/praktijken.csv"),
    "C043": ("Zonder pad zoekt 'test' de dichtstbijzijnde map examples/ vanaf de werkmap omhoog, en die is er niet. "
             "Geef de voorbeeldbestanden of de map ermee op.",
             "Without a path 'test' looks for the nearest examples/ folder from the working directory upwards, "
             "and there is none. Name the example files or their folder.",
             "cd /tmp && caresq-logic test     # goed: caresq-logic test mijn_voorbeelden/"),
    "C044": ("Een beleid heeft minder beslispunten gedekt dan --min-dekking vraagt: clausules die in geen voorbeeld "
             "zowel gelden als niet gelden, treden die geen voorbeeld bereikt, uitzonderingen die geen voorbeeld "
             "gebruikt. --dekking noemt ze met hun regel; voeg voorbeelden toe die ze raken.",
             "A policy has fewer decision points covered than --min-dekking asks: clauses no example makes both "
             "hold and fail, tiers no example reaches, exceptions no example uses. --dekking lists them at their "
             "line; add examples that reach them.",
             "caresq-logic test examples/ --min-dekking 100 --dekking"),
    # --- policy syntax ----------------------------------------------------------------------
    "B100": ("De parser kwam een woord of teken tegen dat op die plek niet kan. De melding noemt wat er wel "
             "kon staan; de hulpregel noemt de waarschijnlijke oplossing: een vergeten punt, een Engels "
             "woord (and, or, not), een verkeerd gespeld sleutelwoord, een ontbrekende bronvermelding.",
             "The parser met a word or character that cannot stand there. The message lists what could; the "
             "help line names the likely fix: a forgotten full stop, an English word (and, or, not), a "
             "misspelt keyword, a missing citation.",
             "randvoorwaarde r (§1) voor fysiotherapie: prem and registratie.\n"
             "# goed: randvoorwaarde r (§1) voor fysiotherapie: prem en registratie."),
    "B101": ("Een teken dat de beleidstaal niet kent. Vergelijkingen schrijft u in woorden (hoogstens, ten "
             "minste, kleiner dan, groter dan, gelijk aan) en datums als 2026-11-01 of 1 november 2026.",
             "A character the policy language does not know. Comparisons are written in words (hoogstens, "
             "ten minste, kleiner dan, groter dan, gelijk aan) and dates as 2026-11-01 or 1 november 2026.",
             "uitsluiting u (§2.3) voor fysiotherapie: behandelindex 2024 >= 150.\n"
             "# goed: uitsluiting u (§2.3) voor fysiotherapie: behandelindex 2024 ten minste 150."),
    "B102": ("Het bestand houdt op midden in een clausule: meestal ontbreekt de punt aan het eind van de "
             "laatste clausule, of een haakje of aanhalingsteken is niet gesloten.",
             "The file ends in the middle of a clause: usually the last clause lacks its full stop, or a "
             "bracket or quote is not closed.",
             "randvoorwaarde r (§1) voor fysiotherapie: prem\n# goed: ... prem."),
    "B103": ("Een tekst tussen aanhalingstekens is niet gesloten. Een citaat mag over meer regels lopen, maar "
             "moet eindigen met \"; een \" in een citaat schrijft u als \\\".",
             "A quoted text is not closed. A quote may span lines but must end with \"; a \" inside a quote is "
             "written \\\".",
             "randvoorwaarde r (§1 \"De zorgaanbieder ...) voor fysiotherapie: prem."),
    "B104": ("Haakjes zijn dieper genest dan de grens. Geen beleidstekst heeft zo veel nesting nodig; "
             "schrijf de voorwaarde vlakker of verdeel haar over meer clausules.",
             "Brackets are nested deeper than the limit. No policy text needs that much nesting; write the "
             "condition flatter or split it over more clauses.",
             "randvoorwaarde r (§1) voor fysiotherapie: ((((((...prem...))))))."),
    "B105": ("Een onzichtbaar stuurteken (bijvoorbeeld NUL) staat in het bestand, vaak na kopiëren uit een "
             "pdf of Word. Verwijder het; tab en regeleinde zijn wel toegestaan.",
             "An invisible control character (NUL, for example) is in the file, often after copying from a "
             "PDF or Word. Remove it; tab and line breaks are allowed.",
             "zorgsoort a \"A<NUL>\"."),
    # --- policy names and types -------------------------------------------------------------
    "B200": ("Een voorwaarde gebruikt een kenmerk dat dit beleid niet declareert. Declareer het met "
             "'kenmerk naam: type.' of corrigeer de spelling (de hulpregel noemt de naam die het meest lijkt).",
             "A condition uses a kenmerk this policy does not declare. Declare it with 'kenmerk name: type.' "
             "or fix its spelling (the help line names the closest name).",
             "kenmerk prem: ja/nee.\nrandvoorwaarde r (§1) voor fysiotherapie: prm.     # goed: prem"),
    "B201": ("Een clausule noemt een zorgsoort die dit beleid niet declareert. Declareer haar met "
             "'zorgsoort naam \"titel\".' of corrigeer de spelling.",
             "A clause names a zorgsoort this policy does not declare. Declare it with "
             "'zorgsoort name \"title\".' or fix its spelling.",
             "randvoorwaarde r (§1) voor fysio: prem.     # goed: voor fysiotherapie"),
    "B202": ("Een naam (zorgsoort, groep, kenmerk of clausule) is twee keer gedeclareerd. Elke naam is "
             "uniek in een beleid; het tweede 'hier eerder gedefinieerd' wijst de eerste aan.",
             "A name (zorgsoort, group, kenmerk or clause) is declared twice. Every name is unique in a "
             "policy; 'first defined here' points at the first.",
             "randvoorwaarde r (§1) voor fysiotherapie: prem.\nrandvoorwaarde r (§2) voor fysiotherapie: agb."),
    "B203": ("Een kenmerk wordt gebruikt op een manier die niet bij zijn type past: een getal als ja/nee, "
             "'is' bij iets wat geen keuze is. Een ja/nee-kenmerk is zelf al een voorwaarde.",
             "A kenmerk is used in a way that does not fit its type: a number as ja/nee, 'is' on something "
             "that is not a choice. A ja/nee kenmerk is a condition by itself.",
             "kenmerk prem: ja/nee.\nrandvoorwaarde r (§1) voor fysiotherapie: prem is ja.     # goed: prem"),
    "B204": ("'is' noemt een waarde die niet in de keuzelijst van het kenmerk staat. De melding noemt de "
             "keuzes; voeg de waarde toe aan de declaratie als de tekst haar noemt.",
             "'is' names a value that is not in the kenmerk's list of choices. The message lists the choices; "
             "add the value to the declaration if the text names it.",
             "kenmerk registratie: meerkeuze uit irf, kfir.\nrandvoorwaarde r (§1) voor fysiotherapie: registratie is skf."),
    "B205": ("Het kenmerk is per jaar gedeclareerd, dus een voorwaarde moet zeggen welk jaar: de tekst "
             "noemt het (\"de behandelindex over 2024\").",
             "The kenmerk is declared per year, so a condition must say which year: the text names it (\"the "
             "index over 2024\").",
             "kenmerk behandelindex per jaar: getal.\nuitsluiting u (§2.3) voor fysiotherapie: behandelindex groter dan 150.\n"
             "# goed: behandelindex 2024 groter dan 150"),
    "B206": ("Het kenmerk is niet per jaar gedeclareerd, maar de voorwaarde noemt een jaar. Laat het jaar "
             "weg, of declareer het kenmerk 'per jaar' als de tekst per jaar meet.",
             "The kenmerk is not declared per year, but the condition names a year. Leave the year out, or "
             "declare the kenmerk 'per jaar' if the text measures it per year.",
             "kenmerk prem: ja/nee.\nrandvoorwaarde r (§1) voor fysiotherapie: prem 2024."),
    "B207": ("Een percentage ligt buiten 0% tot en met 100%.",
             "A percentage is outside 0% to 100%.",
             "randvoorwaarde r (§1) voor fysiotherapie: aandeel ten minste 120%."),
    "B208": ("Een datum bestaat niet in de kalender (31 februari, maand 13).",
             "A date does not exist in the calendar (31 February, month 13).",
             "deadline d (§5): 31 februari 2026."),
    "B209": ("Een zorgovereenkomst vraagt meer differentiatiefactoren dan er voor die zorgsoort zijn: "
             "niemand kan haar krijgen. Controleer het getal in de tekst, of de 'voor' van de factoren.",
             "A tier asks for more differentiatiefactoren than the zorgsoort has: nobody can get it. Check "
             "the number in the text, or the 'voor' of the factors.",
             "zorgovereenkomst A (§3.2) voor fysiotherapie: ten minste 5 differentiatiefactoren.   # er zijn er 3"),
    "B210": ("De zorgovereenkomsten van een zorgsoort staan van hoog naar laag: een aanbieder krijgt de "
             "eerste waaraan hij voldoet. Hier vraagt een hogere minder dan een lagere.",
             "A zorgsoort's tiers are listed from high to low: a provider gets the first it meets. Here a "
             "higher tier asks less than a lower one.",
             "zorgovereenkomst A ...: ten minste 1 differentiatiefactor.\nzorgovereenkomst B ...: ten minste 2 differentiatiefactoren."),
    "B211": ("'alle randvoorwaarden' en 'ten minste N differentiatiefactoren' hebben alleen betekenis in een "
             "zorgovereenkomst.",
             "'alle randvoorwaarden' and 'ten minste N differentiatiefactoren' only mean something in a tier.",
             "randvoorwaarde r (§1) voor fysiotherapie: alle randvoorwaarden."),
    "B212": ("'tenzij' maakt een uitzondering op een uitsluiting; bij andere clausules schrijft u de "
             "voorwaarde zelf met 'of'.",
             "'tenzij' makes an exception to an uitsluiting; in other clauses write the condition itself with "
             "'of'.",
             "randvoorwaarde r (§1) voor fysiotherapie: prem tenzij agb.     # goed: prem of agb"),
    "B213": ("'telt ook als' laat een differentiatiefactor meetellen als een andere; het hoort alleen bij "
             "een differentiatiefactor.",
             "'telt ook als' lets a differentiatiefactor count as another; it belongs to a "
             "differentiatiefactor only.",
             "randvoorwaarde r (§1) voor fysiotherapie: prem telt ook als f."),
    "B214": ("'telt ook als' noemt een naam die geen differentiatiefactor van dezelfde zorgsoort is.",
             "'telt ook als' names something that is not a differentiatiefactor of the same zorgsoort.",
             "differentiatiefactor f (§3.2) voor fysiotherapie: prem telt ook als onbekend."),
    "B215": ("'onderdeel van' maakt een kring: een zorgsoort is (via andere) onderdeel van zichzelf.",
             "'onderdeel van' makes a cycle: a zorgsoort is (through others) part of itself.",
             "zorgsoort a \"A\" onderdeel van b.\nzorgsoort b \"B\" onderdeel van a."),
    "B216": ("De naam is gereserveerd voor het programma waarnaar caresq-logic vertaalt; kies een andere.",
             "The name is reserved by the program caresq-logic compiles to; choose another.",
             "kenmerk levert: ja/nee."),
    "B217": ("Namen beginnen met een kleine letter en bevatten alleen kleine letters, cijfers en _. De titel "
             "tussen aanhalingstekens mag wel hoofdletters en spaties hebben.",
             "Names start with a lowercase letter and hold only lowercase letters, digits and _. The title in "
             "quotes may have capitals and spaces.",
             "zorgsoort Fysiotherapie \"Fysiotherapie\".     # goed: zorgsoort fysiotherapie \"Fysiotherapie\"."),
    "B218": ("Een kenmerk wordt vergeleken met een waarde van een ander type: een percentage met een getal, "
             "een datum met een getal.",
             "A kenmerk is compared with a value of another type: a percentage with a number, a date with a "
             "number.",
             "kenmerk aandeel: percentage.\nrandvoorwaarde r (§1) voor fysiotherapie: aandeel ten minste 30.     # goed: 30%"),
    "B219": ("Een looptijd eindigt voor hij begint.", "A contract period ends before it starts.", "looptijd l (§4) voor fysiotherapie: 2027 tot en met 2026."),  # noqa: E501
    "B220": ("Een keuzelijst noemt dezelfde waarde twee keer.", "A list of choices names a value twice.", "kenmerk registratie: keuze uit irf, kfir, irf."),  # noqa: E501
    "B221": ("Een lijst (zorgsoorten, groepsleden) noemt dezelfde naam twee keer.",
             "A list (zorgsoorten, group members) names the same name twice.",
             "groep g: fysiotherapie, fysiotherapie."),
    "B223": ("Een ingangsdatum rekent vanaf een kenmerk dat per zorgsoort is; dan is niet te zeggen welke "
             "waarde geldt. Gebruik een kenmerk dat niet per zorgsoort is.",
             "A start date counts from a kenmerk that is per zorgsoort; then it is unclear which value holds. "
             "Use a kenmerk that is not per zorgsoort.",
             "kenmerk aanvraag per zorgsoort: datum.\ningangsdatum i (§4): eerste van de maand na aanvraag."),
    "B224": ("Dezelfde zorgovereenkomst is twee keer gegeven voor dezelfde zorgsoort; 'hier eerder "
             "gedefinieerd' wijst de eerste aan.",
             "The same tier is given twice for the same zorgsoort; 'first defined here' points at the first.",
             "zorgovereenkomst A (§3.2) voor fysiotherapie: alle randvoorwaarden.\n"
             "zorgovereenkomst A (§3.2) voor fysiotherapie: alle randvoorwaarden."),
    "B225": ("Een jaar buiten 1900-2100 is vrijwel zeker een tikfout.",
             "A year outside 1900-2100 is almost certainly a typo.",
             "beleid proef 20266 \"Proef\"."),
    "B226": ("'onderdruk' noemt een soort bevinding die niet bestaat; de melding noemt de soorten.",
             "'onderdruk' names a kind of finding that does not exist; the message lists the kinds.",
             "onderdruk tijdlyn: \"bekend\".     # goed: onderdruk tijdlijn: \"bekend\"."),
    "B227": ("'onderdruk' noemt een clausule die in dit beleid niet bestaat.",
             "'onderdruk' names a clause that does not exist in this policy.",
             "onderdruk overlap bestaat_niet: \"bekend\"."),
    "B228": ("Een onderdrukking zonder reden verbergt een bevinding zonder dat een lezer weet waarom. "
             "Schrijf de reden op (bijvoorbeeld: gemeld aan de inkoper op ...).",
             "A suppression without a reason hides a finding without telling a reader why. Write the reason "
             "down (reported to purchasing on ..., for example).",
             "onderdruk overlap: \"\"."),
    "B232": ("Een delta in een wijziging noemt een naam die in dit jaar geen clausule, looptijd, mijlpaal of "
             "zorgsoort is. De namen van een delta zijn de onderdelen van dit jaar waar de wijziging over gaat.",
             "A delta in a change names something that is no clause, contract period, milestone or zorgsoort "
             "of this year. The names of a delta are the items of this year the change is about.",
             "wijziging w (§wijzigingen \"...\") : \"nieuw\"; toegevoegd rpem.     # goed: toegevoegd prem."),
    "B233": ("De wijziging zegt dat iets vervallen of vervangen is dat in dit jaar niet meer staat; zonder de "
             "soort kan het eerdere jaar het niet terugzetten. Noem de soort erbij.",
             "The change says something was dropped or replaced that is no longer in this year; without its "
             "kind the earlier year cannot be rebuilt. Give the kind.",
             "wijziging w (§wijzigingen \"...\") : \"vervalt\"; vervallen oud.\n"
             "# goed: vervallen differentiatiefactor oud."),
    "B250": ("Een beleid heeft meer dan 500 clausules. `check` vergelijkt clausules paarsgewijs, dus tijd en "
             "geheugen groeien sneller dan het beleid; het grootste echte beleid heeft er 59. Verdeel het beleid.",
             "A policy has more than 500 clauses. `check` compares clauses pairwise, so time and memory grow "
             "faster than the policy; the largest real policy has 59. Split the policy.",
             "randvoorwaarde r501 (§9) voor fysiotherapie: a.   # de 501e"),
    "B240": ("Een getal in het beleid is groter dan caresq-logic veilig kan rekenen; de oplosser rekent met "
             "32-bits gehele getallen en zou stil verkeerd uitkomen. Controleer of het getal klopt. Bij een verhouding is het getal het "
             "product dat de oplosser op de rand van de verhouding rekent: minder decimalen maken het kleiner.",
             "A number in the policy is larger than caresq-logic can compute with safely; the solver uses "
             "32-bit integers and would silently go wrong. Check the number. For a ratio, the number is the "
             "product the solver computes at the ratio's edge: fewer decimals make it smaller.",
             "randvoorwaarde r (§1) voor fysiotherapie: aantal ten minste 99999999999."),
    "B241": ("Twee beleidsbestanden zijn hetzelfde domein en jaar, en geen van beide vervangt het andere. "
             "Welke beslist zou van bestandsnamen afhangen, dus beslist geen van beide. Schrijf 'versie ... "
             "vervangt ...' in de kop van de nieuwe of verwijder er een.",
             "Two policy files are the same domain and year, and neither replaces the other. Which one decides "
             "would depend on file names, so neither does. Write 'versie ... vervangt ...' in the header of "
             "the new one or remove one.",
             "policies/x/2026.beleid en policies/x/2026-kopie.beleid: beide 'beleid x 2026'"),
}
