"""Provider files are untrusted: only facts over declared kenmerken get through, and every
rejection is one exact diagnostic at the right place."""

from __future__ import annotations

import pytest

from caresq_logic import passes as load
from caresq_logic.diagnostics import Failed
from caresq_logic.providers.model import Catalog
from caresq_logic.providers.read import read

from conftest import TESTS, run

POLICY = "tests/fixtures/test.beleid"


@pytest.fixture(scope="module")
def catalog():
    return Catalog.of(load.load([str(TESTS / "fixtures" / "test.beleid")]).policies)


def diagnostics(text: str | bytes, catalog, limit=None) -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    kwargs = {"limit": limit} if limit else {}
    with pytest.raises(Failed) as failed:
        read(data, "p.lp", catalog, **kwargs)
    return [d.format() for d in failed.value.diagnostics]


OK = 'levert(p, fysiotherapie).\n'

CASES = {
    "rule": (OK + "prem(p) :- levert(p, fysiotherapie).\n",
             "p.lp:2:9: A103: regels en beperkingen (':-') zijn niet toegestaan; alleen feiten"),
    "constraint": (OK + ":- prem(p).\n",
                   "p.lp:2:1: A103: regels en beperkingen (':-') zijn niet toegestaan; alleen feiten"),
    "script": (OK + '#script (python)\nimport os\nos.system("touch /tmp/pwned")\n#end.\nprem(p).\n',
               "p.lp:2:1: A102: '#script' is niet toegestaan: een aanbiedersbestand mag geen code bevatten, "
               "en caresq-logic voert die nooit uit"),
    "script_unterminated": (OK + '#script (lua) x = "unbalanced\n',
                            "p.lp:2:1: A102: '#script' is niet toegestaan: een aanbiedersbestand mag geen code "
                            "bevatten, en caresq-logic voert die nooit uit"),
    "include": (OK + '#include "/etc/passwd".\n',
                "p.lp:2:1: A101: directief '#include' is niet toegestaan in een aanbiedersbestand"),
    "const": (OK + "#const n = 3.\n", "p.lp:2:1: A101: directief '#const' is niet toegestaan in een aanbiedersbestand"),
    "program": (OK + "#program base.\n",
                "p.lp:2:1: A101: directief '#program' is niet toegestaan in een aanbiedersbestand"),
    "external": (OK + "#external prem(p).\n",
                 "p.lp:2:1: A101: directief '#external' is niet toegestaan in een aanbiedersbestand"),
    "show": (OK + "#show prem/1.\n", "p.lp:2:1: A101: directief '#show' is niet toegestaan in een aanbiedersbestand"),
    "minimize": (OK + "#minimize { 1 : prem(p) }.\n",
                 "p.lp:2:1: A101: directief '#minimize' is niet toegestaan in een aanbiedersbestand"),
    "theory": (OK + "#theory t { }.\n",
               "p.lp:2:1: A101: directief '#theory' is niet toegestaan in een aanbiedersbestand"),
    "choice": (OK + "{ prem(p) }.\n",
               "p.lp:2:1: A104: keuzeregels, aggregaten en disjuncties zijn niet toegestaan; alleen feiten"),
    "disjunction": (OK + "prem(p) ; registratie(p, irf).\n",
                    "p.lp:2:9: A104: keuzeregels, aggregaten en disjuncties zijn niet toegestaan; alleen feiten"),
    "variable": (OK + "prem(X).\n", "p.lp:2:6: A105: variabele 'X' in een feit; een feit noemt alleen vaste waarden"),
    "undeclared": (OK + "prm(p).\n",
                   "p.lp:2:1: A200: onbekend kenmerk 'prm' (geen van de beleidsregels declareert het) "
                   "(bedoelde u 'prem'?)"),
    "forged_decision": (OK + "decision(p, fysiotherapie, zorgovereenkomst).\n",
                        "p.lp:2:1: A200: onbekend kenmerk 'decision' (geen van de beleidsregels declareert het)"),
    "forged_tier": (OK + 'tier(p, fysiotherapie, "A").\n',
                    "p.lp:2:1: A200: onbekend kenmerk 'tier' (geen van de beleidsregels declareert het)"),
    "forged_eligible": (OK + "eligible(p, fysiotherapie).\n",
                        "p.lp:2:1: A200: onbekend kenmerk 'eligible' (geen van de beleidsregels declareert het)"),
    "wrong_arity": (OK + "behandelindex(p, 150).\n",
                    "p.lp:2:1: A202: kenmerk 'behandelindex' heeft 3 argumenten, hier staan er 2"),
    "wrong_type": (OK + "behandelindex(p, 2024, hoog).\n",
                   "p.lp:2:24: A203: kenmerk 'behandelindex' verwacht een getal, gekregen: hoog"),
    "percentage_range": (OK + "aandeel(p, 140).\n",
                         "p.lp:2:12: A204: waarde 140 van kenmerk 'aandeel' ligt buiten het bereik: 0..100"),
    "negative_count": (OK + "aantal_fysio(p, -3).\n",
                       "p.lp:2:17: A204: waarde -3 van kenmerk 'aantal_fysio' ligt buiten het bereik: >= 0"),
    "impossible_date": (OK + 'aanvraagdatum(p, "2026-02-30").\n',
                        'p.lp:2:18: A204: waarde "2026-02-30" van kenmerk \'aanvraagdatum\' ligt buiten het bereik: '
                        "een bestaande datum"),
    "date_format": (OK + 'aanvraagdatum(p, "14-03-2026").\n',
                    "p.lp:2:18: A203: kenmerk 'aanvraagdatum' verwacht \"JJJJ-MM-DD\", gekregen: \"14-03-2026\""),
    "not_a_choice": (OK + "registratie(p, kfirr).\n",
                     "p.lp:2:16: A203: kenmerk 'registratie' verwacht irf, kfir, gekregen: kfirr (bedoelde u 'kfir'?)"),
    "choice_unquoted": (OK + "agb(p, 4).\n",
                        "p.lp:2:8: A203: kenmerk 'agb' verwacht \"04\", \"05\", gekregen: 4"),
    "conflicting_duplicate": (OK + "behandelindex(p, 2024, 120).\nbehandelindex(p, 2024, 160).\n",
                              "p.lp:3:24: A205: kenmerk 'behandelindex' van 'p' heeft al een andere waarde (120) "
                              "op regel 2"),
    "unknown_zorgsoort": ("levert(p, fysioterapie).\n",
                          "p.lp:1:11: A206: onbekende zorgsoort 'fysioterapie' (bekend: fysiotherapie, logopedie) "
                          "(bedoelde u 'fysiotherapie'?)"),
    "unknown_zorgsoort_per_zorgsoort": (OK + "lopend(p, tandarts).\n",
                                        "p.lp:2:11: A206: onbekende zorgsoort 'tandarts' (bekend: fysiotherapie, "
                                        "logopedie)"),
    "unterminated_string": (OK + 'aanbieder(p, "Naam).\n', "p.lp:2:14: A107: tekenreeks niet afgesloten"),
    "missing_dot": (OK + "prem(p)\n", "p.lp:2:1: A106: feit zonder afsluitende punt"),
    "function_term": (OK + "registratie(p, f(x)).\n",
                      "p.lp:2:17: A100: onverwacht '('; een aanbiedersbestand bevat alleen feiten zoals "
                      "'kenmerk(aanbieder, waarde).'"),
    "integer_provider": ("levert(12345678, fysiotherapie).\n",
                         "p.lp:1:8: A207: '12345678' is geen geldige aanbiedersnaam; gebruik een naam met kleine "
                         "letters of een tekenreeks"),
    "nul_character": (OK + 'aanbieder(p, "Naam\x00rest").\n',
                      "p.lp:2:19: A109: controleteken U+0000 is niet toegestaan"),
    "empty": ("% alleen commentaar\n", "p.lp:1:1: A209: het bestand bevat geen enkel feit"),
    "aggregate": (OK + "prem(p) :- #count { x } > 1.\n",
                  "p.lp:2:9: A103: regels en beperkingen (':-') zijn niet toegestaan; alleen feiten"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_rejected_with_exact_diagnostic(name, catalog):
    text, expected = CASES[name]
    assert diagnostics(text, catalog) == [expected]


def test_not_utf8(catalog):
    assert diagnostics(b"levert(p, fysiotherapie).\nprem(\xff).\n", catalog) == [
        "p.lp:2:6: C003: bestand is geen geldige UTF-8-tekst (byte 31)"
    ]


def test_too_large(catalog):
    assert diagnostics(OK * 10, catalog, limit=100) == [
        "p.lp:1:1: C004: bestand is te groot: 260 bytes, de grens is 100 bytes"
    ]


def test_errors_are_all_reported_and_positions_exact(catalog):
    text = OK + "prem(X).\n#const a=1.\nprm(p).\n"
    assert [d.split(": ")[1] for d in diagnostics(text, catalog)] == ["A105", "A101", "A200"]


def test_identical_duplicates_and_multiple_choices_are_fine(catalog):
    text = OK + "prem(p).\nprem(p).\nregistratie(p, irf).\nregistratie(p, kfir).\n"
    facts = read(text.encode(), "p.lp", catalog).facts
    assert [f.asp() for f in facts][-2:] == ["registratie(p,irf).", "registratie(p,kfir)."]


def test_dates_reach_clingo_as_integers(catalog):
    facts = read((OK + 'aanvraagdatum(p, "2026-03-14").\n').encode(), "p.lp", catalog).facts
    assert facts[-1].asp() == "aanvraagdatum(p,20260314)."


def test_cli_rejects_forged_contract_and_still_decides_the_others(tmp_path):
    forged = tmp_path / "forged.lp"
    forged.write_text('levert(x, fysiotherapie).\ndecision(x, fysiotherapie, zorgovereenkomst).\n')
    result = run("explain", "examples/providers/paramedische_zorg/fysio_a.lp", str(forged))
    assert result.exit_code == 2
    assert "Fysiotherapie: Zorgovereenkomst A" in result.stdout
    assert f"{forged}:2:1: A200:" in result.stderr   # no kenmerk; the engine's own are _decision etc.
    assert "Traceback" not in result.stderr


def test_cli_missing_file():
    result = run("explain", "bestaat_niet.lp")
    assert result.exit_code == 2
    assert result.stderr == "bestaat_niet.lp:1:1: C001: bestand niet gevonden: bestaat_niet.lp\n"


def test_provider_delivering_nothing_is_a_warning(tmp_path):
    path = tmp_path / "niets.lp"
    path.write_text("prem_extern_meetbureau(leeg).\n")
    result = run("explain", str(path))
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] + "\n" == (
        f"{path}:1:1: A208: aanbieder 'leeg' levert geen zorgsoort ('levert(leeg, zorgsoort).' ontbreekt); "
        "er valt niets te besluiten\n"
    )
