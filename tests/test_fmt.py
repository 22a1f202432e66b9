"""`caresq-logic fmt` (issue 13.4): one canonical layout that never changes what a policy says.

Every shipped policy and every .beleid under tests/ is formatted: the result parses to the same
nodes (Spans take no part in equality), formatting it again changes nothing, and every comment is
still there, in order. The command rewrites files atomically, `--check` changes nothing and exits
1, and a file that does not parse is reported with its position and left as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caresq_logic import fmt as formatting
from caresq_logic.diagnostics import Failed
from caresq_logic.language.format import format_text
from caresq_logic.language.parser import parse
from conftest import POLICIES, TESTS, run
from test_fuzz import DSL_WORDS, EXAMPLES_PER_TARGET, FUZZ, SMALL_POLICY, mutated

FILES = sorted(POLICIES.rglob("*.beleid")) + sorted(TESTS.rglob("*.beleid"))
# A quote, or a comment (a `#` outside quotes): the comments of a text, in order.
_QUOTE_OR_COMMENT = re.compile(r'"(?:[^"\\]|\\.)*"|#[^\n]*')


def comments(text: str) -> list[str]:
    return [m.group().rstrip() for m in _QUOTE_OR_COMMENT.finditer(text) if m.group().startswith("#")]


def assert_formats_faithfully(text: str, name: str) -> str:
    formatted = format_text(text, name)
    assert parse(formatted, name) == parse(text, name)
    assert format_text(formatted, name) == formatted, "formatting twice changes the text"
    assert comments(formatted) == comments(text)
    assert formatted.endswith("\n") and not formatted.endswith("\n\n")
    for line in formatted.splitlines():   # quotes and comments are never broken: only they go past 100
        assert len(line) <= 100 or '"' in line or "#" in line, line
        assert line == line.rstrip(), "trailing whitespace"
    return formatted


def test_the_files_are_found():
    assert len([f for f in FILES if POLICIES in f.parents]) >= 5 and len(FILES) >= 30


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(POLICIES.parent).as_posix())
def test_every_policy_and_test_file_formats_to_the_same_policy(path: Path):
    text = path.read_text(encoding="utf-8")
    try:
        parse(text, path.name)
    except Failed as failed:   # a golden file of a syntax error: fmt says the same, at the same place
        with pytest.raises(Failed) as raised:
            format_text(text, path.name)
        assert raised.value.diagnostics == failed.diagnostics
        return
    assert_formats_faithfully(text, path.name)


EVERY_PLACE = '''

# boven de kop
beleid x 2026 "X"   # achter de kop
  bron "a.txt".
# direct na de kop


# na twee lege regels
zorgsoort fysio "Fysio".   # achter een zorgsoort
kenmerk a: ja/nee. kenmerk b "B": getal.
randvoorwaarde r1 (§3.1 "een citaat") voor fysio:   # achter de dubbele punt
  # op een eigen regel binnen de clausule
  a en   # achter en
  b groter dan 3.
zorgovereenkomst A (§3) voor fysio: alle randvoorwaarden. # aan het eind
# slot

# na het slot'''

EVERY_PLACE_FORMATTED = '''# boven de kop
beleid x 2026 "X"  # achter de kop
  bron "a.txt".
# direct na de kop

# na twee lege regels
zorgsoort fysio "Fysio".  # achter een zorgsoort
kenmerk a: ja/nee.
kenmerk b "B": getal.
randvoorwaarde r1 (§3.1 "een citaat")
  voor fysio:  # achter de dubbele punt
  # op een eigen regel binnen de clausule
  a
  en  # achter en
  b groter dan 3.
zorgovereenkomst A (§3) voor fysio: alle randvoorwaarden.  # aan het eind
# slot

# na het slot
'''


def test_comments_stay_where_they_are():
    assert assert_formats_faithfully(EVERY_PLACE, "c.beleid") == EVERY_PLACE_FORMATTED


def test_the_layout():
    long_scope = ", ".join(f"zorgsoort_{i}" for i in range(12))
    text = (f'beleid x 2026 "X". kenmerk k: meerkeuze uit {", ".join(f"waarde_{i}" for i in range(14))}.\n'
            f'randvoorwaarde r "Titel" (§3.1 "citaat") voor {long_scope} lezing "deze" alternatief "die": '
            f'(k is waarde_1 of waarde_2) en niet (k is waarde_3) of ja_of_nee en (aantal groter dan 3 of ja_of_nee) '
            f'of k is waarde_6 of waarde_7 of waarde_8 of waarde_9 of waarde_10 of waarde_11 of waarde_12 '
            f'of waarde_13.\n')
    assert format_text(text, "l.beleid") == (
        'beleid x 2026 "X".\n'
        'kenmerk k:\n'
        '  meerkeuze uit waarde_0, waarde_1, waarde_2, waarde_3, waarde_4, waarde_5, waarde_6, waarde_7,\n'
        '      waarde_8, waarde_9, waarde_10, waarde_11, waarde_12, waarde_13.\n'
        'randvoorwaarde r "Titel" (§3.1 "citaat")\n'
        '  voor zorgsoort_0, zorgsoort_1, zorgsoort_2, zorgsoort_3, zorgsoort_4, zorgsoort_5, zorgsoort_6,\n'
        '      zorgsoort_7, zorgsoort_8, zorgsoort_9, zorgsoort_10, zorgsoort_11\n'
        '  lezing "deze"\n'
        '  alternatief "die":\n'
        '  (k is waarde_1 of waarde_2) en niet (k is waarde_3)\n'
        '  of ja_of_nee en (aantal groter dan 3 of ja_of_nee)\n'
        '  of k is waarde_6 of waarde_7 of waarde_8 of waarde_9 of waarde_10 of waarde_11 of waarde_12\n'
        '      of waarde_13.\n')


def test_an_en_inside_an_of_is_indented():
    names = " en ".join(f"kenmerk_met_een_lange_naam_{i}" for i in range(5))
    text = f'beleid x 2026 "X". randvoorwaarde r (§1) voor a: {names} of kort.\n'
    assert format_text(text, "e.beleid").splitlines()[3:] == [
        "  kenmerk_met_een_lange_naam_0",
        *(f"    en kenmerk_met_een_lange_naam_{i}" for i in range(1, 5)),
        "  of kort.",
    ]


def test_the_words_as_written_stay():
    text = ('beleid x 2026 "X". kenmerk n: aantal. kenmerk d: datum.\n'
            'randvoorwaarde r (§ 3.1 "een   citaat\n  over regels") voor alle zorgsoorten: n meer dan 3 en d voor 1 mei 2026.\n')
    formatted = assert_formats_faithfully(text, "w.beleid")
    assert 'meer dan 3' in formatted and 'd voor 1 mei 2026' in formatted and '(§ 3.1 "een   citaat\n  over regels")' in formatted


@FUZZ
@given(mutated(SMALL_POLICY, [*DSL_WORDS, "# opmerking\n", "  # achter\n", "\n\n\n"]))
def test_mutated_policies_format_faithfully_or_fail_as_the_parser_does(text):
    try:
        parse(text, "f.beleid")
    except Failed:
        with pytest.raises(Failed):
            format_text(text, "f.beleid")
        return
    assert_formats_faithfully(text, "f.beleid")


# Where whitespace may go in the small policy: every space or line break outside a quote or comment.
GAPS = [m.start() for m in re.finditer(r'"(?:[^"\\]|\\.)*"|#[^\n]*|(\s)', SMALL_POLICY) if m.group(1)]


@st.composite
def relaid(draw):
    """The small policy with comments, line breaks and spaces put between its tokens."""
    text = SMALL_POLICY
    for at in sorted(draw(st.lists(st.sampled_from(GAPS), max_size=12)), reverse=True):
        extra = draw(st.sampled_from(["  # achter\n", "\n# eigen regel\n", "\n", "\n\n\n", "   ", "\t"]))
        text = text[:at] + extra + text[at:]
    return text


@settings(FUZZ, max_examples=max(EXAMPLES_PER_TARGET // 3, 1))   # each example formats twice
@given(relaid())
def test_comments_and_whitespace_anywhere_format_faithfully(text):
    assert_formats_faithfully(text, "f.beleid")


# ---- the command ---------------------------------------------------------------------------------

UNFORMATTED = 'beleid x 2026 "X"\n   bron "a.txt" .\nzorgsoort  fysio "Fysio".   # fysio\n'
FORMATTED = 'beleid x 2026 "X" bron "a.txt".\nzorgsoort fysio "Fysio".  # fysio\n'


def test_fmt_rewrites_in_place_and_check_changes_nothing(tmp_path):
    folder = tmp_path / "beleid"
    (folder / "sub").mkdir(parents=True)
    policy, done, other = folder / "sub" / "x.beleid", folder / "klaar.beleid", folder / "notities.txt"
    policy.write_text(UNFORMATTED, encoding="utf-8")
    done.write_text(FORMATTED, encoding="utf-8")
    other.write_text("geen beleid  .", encoding="utf-8")
    checked = run("fmt", "--check", str(folder))
    assert checked.exit_code == 1
    assert checked.stdout == (f"zou anders opgemaakt worden: {policy.as_posix()}\n"
                              "1 bestand(en) zou(den) anders opgemaakt worden, 1 al in orde\n")
    assert policy.read_text(encoding="utf-8") == UNFORMATTED
    diffed = run("fmt", "--diff", "--taal", "en", str(policy))
    assert diffed.exit_code == 1 and policy.read_text(encoding="utf-8") == UNFORMATTED
    assert f"would reformat: {policy}\n--- {policy}\n+++ {policy}\n" in diffed.stdout
    assert '\n-zorgsoort  fysio "Fysio".   # fysio\n' in diffed.stdout
    assert '\n+zorgsoort fysio "Fysio".  # fysio\n' in diffed.stdout
    formatted = run("fmt", str(folder))
    assert formatted.exit_code == 0 and formatted.stdout == "1 bestand(en) opgemaakt, 1 ongewijzigd\n"
    assert policy.read_text(encoding="utf-8") == FORMATTED and other.read_text(encoding="utf-8") == "geen beleid  ."
    assert run("fmt", "--check", str(folder)).exit_code == 0


def test_a_file_that_does_not_parse_is_reported_and_left_untouched(tmp_path):
    broken, fine = tmp_path / "kapot.beleid", tmp_path / "goed.beleid"
    broken.write_bytes(b'beleid x 2026 "X".\nzorgsoort fysio "Fysio"\nrandvoorwaarde r (\xc2\xa73) voor fysio: a.\n')
    fine.write_text(UNFORMATTED, encoding="utf-8")
    before = broken.read_bytes()
    for args in (("fmt",), ("fmt", "--check")):
        result = run(*args, str(tmp_path))
        assert result.exit_code == 2
        assert f"{broken.as_posix()}:3:1: B100: " in result.stderr and "Traceback" not in result.stderr
        assert broken.read_bytes() == before
    assert fine.read_text(encoding="utf-8") == FORMATTED   # the other files are still formatted


def test_missing_paths_and_empty_folders_are_errors(tmp_path):
    missing = run("fmt", str(tmp_path / "nergens.beleid"))
    assert missing.exit_code == 2 and ": C001: " in missing.stderr
    empty = run("fmt", "--check", str(tmp_path))
    assert empty.exit_code == 2 and ": C005: " in empty.stderr


def test_a_file_that_cannot_be_written_is_c030(tmp_path, monkeypatch):
    policy = tmp_path / "x.beleid"
    policy.write_text(UNFORMATTED, encoding="utf-8")

    def refuse(output, chunks, inputs=()):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(formatting.atomic, "write_file", refuse)
    result = run("fmt", str(policy))
    assert result.exit_code == 2 and f"{policy}:1:1: C030: " in result.stderr
    assert policy.read_text(encoding="utf-8") == UNFORMATTED
