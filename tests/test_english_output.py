"""`explain --taal en` speaks English throughout (issue 11, must-have 1): for every example of
every domain, the English output holds no Dutch function word outside the quoted source text.

The policy gives its texts in both languages (`"Nederlands" / "English"`), its choice values
titles; the catalogue gives the rest. Left out of the search: a citation's quote (the source's
own Dutch words, labelled as such, which may quote in turn), the provider's own name, `[...]`
(file paths, --details), ids (`aanvraag_voor_1_september`) and abbreviations in capitals (NEN-EN).
Words that are Dutch and English alike ("of", "met", "is", "in", "over") cannot tell the two
apart and are not in the list; the same search over the Dutch output must find Dutch, so the
list does find what it is meant to find."""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, REPO, run

EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.lp"))
POLICY = "policies/paramedische_zorg"
DUTCH = set("""de het een van en voor niet zijn wordt worden door bij op aan uit naar als dan die dat nog
               geen ook alle heeft hebben tot te wel maar zich er wij ze deze dit welke indien tenzij nu
               vanaf uiterlijk eerste minste hoogstens nee ja onbekend waarde kenmerk zorgsoort
               zorgovereenkomst randvoorwaarde randvoorwaarden uitsluiting lezing alternatief""".split())
_QUOTED = re.compile(r"“.*”")             # a citation's quote: the source's own words (quotes nest)
_ID = re.compile(r"\w+_\w+")                # an id, as a reading may name a clause
_BRACKETED = re.compile(r"\[[^\]]*\]")    # a file path, or an id under --details
_WORD = re.compile(r"[^\W\d_]+")


def dutch_words(output: str, provider_label: str) -> list[tuple[str, str]]:
    found = []
    for line in output.splitlines():
        if line.startswith(provider_label + ":"):   # the provider's own name: input, not ours
            continue
        text = _ID.sub("", _BRACKETED.sub("", _QUOTED.sub("", line)))
        found += [(word, line.strip()) for word in _WORD.findall(text) if word.lower() in DUTCH and not word.isupper()]
    return found


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_the_english_explanation_has_no_dutch(path):
    result = run("explain", path.relative_to(REPO).as_posix(), "--taal", "en", "--citaten")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Dutch source text: “" in result.stdout   # the quotes are there, and labelled
    assert dutch_words(result.stdout, "Care provider") == []


def test_the_english_why_not_and_changes_have_no_dutch():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--beleid", POLICY, "--taal", "en",
                 "--doel", "A")
    assert "Practice registration in SKF's quality register (Keurmerk label): no → yes" in result.stdout
    assert dutch_words(result.stdout, "Care provider") == []


def test_the_search_finds_dutch_in_the_dutch_explanation():
    result = run("explain", "examples/providers/paramedische_zorg/fysio_b.lp", "--beleid", POLICY, "--taal", "nl")
    words = {word for word, _ in dutch_words(result.stdout, "Zorgaanbieder")}
    assert {"de", "het", "een", "van", "en", "voor"} <= words


def test_choice_values_are_named_by_their_titles_in_both_languages():
    path = "examples/providers/paramedische_zorg/fysio_b.lp"
    english = run("explain", path, "--beleid", POLICY, "--taal", "en").stdout
    dutch = run("explain", path, "--beleid", POLICY, "--taal", "nl").stdout
    assert "Kwaliteitsregister Paramedici, IRF, SKF (former scheme) or KFIR  (now: KFIR)" in english
    assert "Kwaliteitsregister Paramedici, IRF, SKF (oude regeling) of KFIR  (nu: KFIR)" in dutch


@pytest.mark.parametrize("years", [["--jaar", "2025"], ["--jaren", "2024-2026"]], ids=["derived", "side_by_side"])
def test_a_derived_year_speaks_english_too(years):
    """A year derived from a later one names its source ("version", not "versie") and its note."""
    result = run("explain", "examples/providers/paramedische_zorg/fysio_a.lp", "--taal", "en", *years)
    assert result.exit_code == 0, result.stderr
    assert "derived from paramedische_zorg 2026 version 2026-10" in result.stdout
    assert dutch_words(result.stdout, "Care provider") == []
