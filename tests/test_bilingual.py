"""Bilingual policy texts (issue 11, must-have 1): `"Nederlands" / "English"` wherever the
language has a title or description for people, and choice values with a title.

A `Text` is its Dutch string with the English beside it: the English takes no part in equality,
survives the parse cache's pickle, and fmt keeps it (breaking before the slash when too long)."""

from __future__ import annotations

import pickle
import re

import pytest

from caresq_logic.check.translations import partial_english, texts
from caresq_logic.diagnostics import Failed
from caresq_logic.editor.analysis import analyse
from caresq_logic.language.format import format_text
from caresq_logic.language.parser import parse
from caresq_logic.language.resolve import resolve
from caresq_logic.language.texts import Text, english
from conftest import run

BILINGUAL = '''beleid x 2026 "Titel" / "Title" versie "2026-01" bron "Beleid 2026".
zorgsoort fysio "Fysiotherapie" / "Physiotherapy".
groep alles "Alle zorg" / "All care": fysio.
kenmerk reg "Registratie" / "Registration": keuze uit kfir "KFIR" / "KFIR", irf, "04" "Code vier" / "Code four".
kenmerk b "Bewijs" / "Proof": ja/nee.
kenmerk aanvraag "Aanvraag" / "Application": datum.
uitsluiting r "Regel" / "Rule" (§1 "De bron blijft Nederlands") voor fysio
  lezing "ruim" / "broad" alternatief "strikt" / "strict":
  reg is kfir of irf tenzij b, aan te vragen via "het portaal" / "the portal".
zorgovereenkomst a "Overeenkomst A" / "Contract A" (§2) voor fysio: alle randvoorwaarden.
looptijd l "Looptijd" / "Term" (§3) voor fysio: 2026 tot en met 2027.
deadline d "Inschrijving" / "Registration" (§4): na "de publicatie" / "publication".
mijlpaal m "Gesprek" / "Meeting" (§4): "voorjaar 2026" / "spring 2026".
ingangsdatum i "Start" / "Start" (§5): eerste van de maand na aanvraag.
wijziging w "Nieuw" / "New" (§6): "Regel r is nieuw" / "Rule r is new"; toegevoegd r.
onderdruk overlap r: "bekend" / "known".
'''


def test_every_translatable_text_keeps_its_english():
    policy = parse(BILINGUAL, "x.beleid")
    header, care, group, feature, _, _, clause, tier, term, deadline, meeting, start, change, suppression = (
        policy.header, *policy.items)
    pairs = [
        (header.title, "Titel", "Title"), (care.title, "Fysiotherapie", "Physiotherapy"),
        (group.title, "Alle zorg", "All care"), (feature.title, "Registratie", "Registration"),
        (clause.title, "Regel", "Rule"), (clause.reading.taken, "ruim", "broad"),
        (clause.reading.alternative, "strikt", "strict"), (clause.request, "het portaal", "the portal"),
        (tier.title, "Overeenkomst A", "Contract A"), (term.title, "Looptijd", "Term"),
        (deadline.title, "Inschrijving", "Registration"), (deadline.when.text, "de publicatie", "publication"),
        (meeting.when.text, "voorjaar 2026", "spring 2026"), (start.title, "Start", "Start"),
        (change.title, "Nieuw", "New"), (change.text, "Regel r is nieuw", "Rule r is new"),
        (suppression.reason, "bekend", "known"),
    ]
    for text, dutch, english_text in pairs:
        assert (text, text.nl, text.en) == (dutch, dutch, english_text)
    kfir, irf, four = feature.type.choices
    assert (kfir.value, kfir.title, kfir.title.en) == ("kfir", "KFIR", "KFIR")
    assert irf.title is None and (four.value, four.quoted, four.title.en) == ("04", True, "Code four")


def test_the_source_words_are_no_texts():
    """A citation's quote, versie and bron are the source's words: never translated."""
    policy = parse(BILINGUAL, "x.beleid")
    clause = policy.items[5]
    assert not isinstance(clause.citation.quote, Text) and clause.citation.quote == "De bron blijft Nederlands"
    assert policy.header.version == "2026-01" and policy.header.source == "Beleid 2026"
    with pytest.raises(Failed):
        parse(BILINGUAL.replace('(§1 "De bron blijft Nederlands")', '(§1 "Bron" / "Source")'), "x.beleid")


def test_english_takes_no_part_in_equality_and_is_optional():
    dutch_only = BILINGUAL
    for english_part in ['/ "Title"', '/ "Rule"', '/ "broad"', '/ "KFIR"', '/ "Code four"', '/ "the portal"']:
        dutch_only = dutch_only.replace(" " + english_part, "")
    plain, bilingual = parse(dutch_only, "x.beleid"), parse(BILINGUAL, "x.beleid")
    assert plain == bilingual
    assert english(plain.header.title) is None and english(bilingual.header.title) == "Title"
    assert english("a plain str") is None and english(None) is None


def test_a_text_survives_the_parse_cache_and_resolve():
    policy = resolve(parse(BILINGUAL, "x.beleid"))
    again = pickle.loads(pickle.dumps(policy, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.header.title.en == "Title"
    assert again.features["reg"].type.choices[0].title.en == "KFIR"


def test_fmt_keeps_the_english_and_breaks_before_the_slash():
    assert format_text(BILINGUAL, "x.beleid").count(" / ") == BILINGUAL.count(" / ")
    long = 'beleid x 2026 "X".\nkenmerk k "' + "Nederlandse titel " * 3 + '" / "' + "English title " * 3 + '": ja/nee.\n'
    formatted = format_text(long, "x.beleid")
    assert formatted.splitlines()[1:] == [
        'kenmerk k "' + "Nederlandse titel " * 3 + '"',
        '  / "' + "English title " * 3 + '":',
        '  ja/nee.',   # a statement that does not fit: its body after the colon on a line of its own
    ]
    assert format_text(formatted, "x.beleid") == formatted and parse(formatted, "x") == parse(long, "x")


def test_the_editor_hover_shows_both_languages():
    index = analyse(BILINGUAL, "x.beleid").index
    hover = index.hover(index.features["reg"])
    assert 'kenmerk reg "Registratie" / "Registration": keuze uit kfir "KFIR" / "KFIR", irf, "04" "Code vier" / "Code four".' in hover
    hover = index.hover(index.rules["r"])
    assert 'uitsluiting r "Regel" / "Rule"' in hover and 'lezing: "ruim" / "broad"' in hover


# ---- check: a translation begun is finished (B260, `vertaling`) -----------------------------------

PARTIAL = '''beleid x 2026 "Titel" / "Title".
zorgsoort fysio "Fysiotherapie" / "Physiotherapy".
kenmerk reg "Registratie": keuze uit kfir "KFIR" / "KFIR", irf.
randvoorwaarde r "Regel" / "Rule" (§1 "De zin.") voor fysio lezing "ruim" alternatief "strikt" / "strict": reg is kfir.
zorgovereenkomst a "Overeenkomst A" / "Contract A" (§2) voor fysio: alle randvoorwaarden.
'''


def test_check_names_the_texts_a_begun_translation_lacks(tmp_path):
    policy = tmp_path / "x.beleid"
    policy.write_text(PARTIAL, encoding="utf-8")
    result = run("check", str(policy), "--taal", "en")
    assert result.exit_code == 0   # a warning: it does not fail the check
    assert ("B260: warning: 3 of the 9 texts for people have no English, the others do: "
            "reg, reg: irf, r (lezing)") in result.stdout


def test_a_policy_in_dutch_only_or_fully_translated_is_fine():
    dutch = "\n".join(re.sub(r' / "[^"]*"', "", line) for line in PARTIAL.splitlines())
    assert partial_english(resolve(parse(dutch, "x"))) == []
    complete = (PARTIAL.replace('"Registratie":', '"Registratie" / "Registration":')
                .replace("irf.", 'irf "IRF" / "IRF".').replace('"ruim"', '"ruim" / "broad"'))
    assert partial_english(resolve(parse(complete, "x"))) == []
    assert texts(resolve(parse(complete, "x")))[:3] == [("beleid", "Titel"), ("fysio", "Fysiotherapie"),
                                                        ("reg", "Registratie")]
