"""editors/vscode: the TextMate grammar is valid, its regexes compile (Python's `re` stands in for
Oniguruma; the grammar keeps to what both read alike), every keyword of grammar/caresq.lark is
highlighted, and the parts of every shipped policy get their scopes. The extension's manifest
names the grammar and the language configuration that are there."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / "editors" / "vscode"
GRAMMAR = json.loads((EXTENSION / "syntaxes" / "beleid.tmLanguage.json").read_text(encoding="utf-8"))
HIGHLIGHTED = ("keyword.", "storage.", "support.", "constant.")
# Oniguruma constructs Python reads differently or not at all: \h, \G, \p{..}, absent operator,
# possessive quantifiers, (?<name>..) groups.
ONIGURUMA_ONLY = re.compile(r"\\[hGHK]|\\p\{|\(\?~|[*+?}]\+|\(\?<[A-Za-z]")


def _regexes(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end"):
                yield value
            else:
                yield from _regexes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _regexes(value)


def _rules(rule):
    """The rules with a regex that `rule` stands for, its includes followed (in order)."""
    if "include" in rule:
        yield from _rules(GRAMMAR["repository"][rule["include"].removeprefix("#")])
    elif "match" in rule or "begin" in rule:
        yield rule
    else:
        for inner in rule["patterns"]:
            yield from _rules(inner)


TOP = [r for rule in GRAMMAR["patterns"] for r in _rules(rule)]


def _compiled(regex: str) -> re.Pattern:
    return re.compile(regex, re.M)


def tokens(text: str) -> list[tuple[str, str]]:
    """(text, scope) of every token, the way a TextMate engine picks them: at each point the rule
    whose match starts first wins, the earlier rule on a tie; a begin/end rule runs to its end,
    skipping what its own patterns match (an escaped quote). Each rule's next match is kept
    until the scan passes it, so a whole policy is read in one sweep."""
    found, pos = [], 0
    starts = [_compiled(rule.get("match") or rule["begin"]) for rule in TOP]
    ahead: list[re.Match | None] = [None] * len(TOP)
    while True:
        for i, pattern in enumerate(starts):
            if ahead[i] is None or ahead[i].start() < pos:
                m = pattern.search(text, pos)
                while m and m.end() == m.start():   # an empty match colours nothing
                    m = pattern.search(text, m.start() + 1)
                ahead[i] = m
        candidates = [(m.start(), i) for i, m in enumerate(ahead) if m]
        if not candidates:
            return found
        _, i = min(candidates)   # the earliest start, the earlier rule on a tie
        m, rule = ahead[i], TOP[i]
        end = m.end()
        if "begin" in rule:
            inner = [_compiled(r["match"]) for r in rule.get("patterns", [])]
            close_at = _compiled(rule["end"])
            while True:
                close = close_at.search(text, end)
                skip = [s for s in (p.search(text, end) for p in inner) if s and close and s.start() < close.start()]
                if not skip:
                    end = close.end() if close else len(text)
                    break
                end = min(s.end() for s in skip)
        found.append((text[m.start():end], rule["name"]))
        pos = end


def grammar_keywords() -> list[str]:
    """Every word the grammar spells in quotes (its keywords, months included)."""
    lark = re.sub(r"//[^\n]*", "", (ROOT / "grammar" / "caresq.lark").read_text(encoding="utf-8"))
    return sorted({w for w in re.findall(r'"([^"\n]+)"', lark) if re.fullmatch(r"[a-z][a-z/]*", w)})


def test_the_grammar_is_json_and_every_regex_compiles_in_python_and_oniguruma_alike():
    assert GRAMMAR["scopeName"] == "source.beleid" and "beleid" in GRAMMAR["fileTypes"]
    regexes = list(_regexes(GRAMMAR))
    assert len(regexes) > 15
    for regex in regexes:
        re.compile(regex)
        assert not ONIGURUMA_ONLY.search(regex), regex


def test_every_keyword_of_the_grammar_is_highlighted():
    keywords = grammar_keywords()
    assert {"beleid", "randvoorwaarde", "ja/nee", "tenzij", "oktober", "onderdruk"} <= set(keywords)
    unhighlighted = [k for k in keywords if not (len(tokens(k)) == 1 and tokens(k)[0][0] == k
                                                 and tokens(k)[0][1].startswith(HIGHLIGHTED))]
    assert not unhighlighted


def test_the_parts_of_a_clause_get_their_scopes():
    line = ('uitsluiting hoog "Hoog # geen commentaar \\" voor" (§3.2 "citaat") voor fysiotherapie:\n'
            '  behandelindex 2024 groter dan 12,5% en datum na 24 oktober 2025 of x ten minste 0,8.  # uitleg\n'
            'deadline d (§5): 2025-10-24.\n')
    scopes = tokens(line)
    assert ('"Hoog # geen commentaar \\" voor"', "string.quoted.double.beleid") in scopes
    assert ("§3.2", "entity.name.section.citation.beleid") in scopes
    assert ("12,5%", "constant.numeric.percentage.beleid") in scopes
    assert ("24 oktober 2025", "constant.numeric.date.beleid") in scopes
    assert ("2025-10-24", "constant.numeric.date.beleid") in scopes
    assert ("0,8", "constant.numeric.decimal.beleid") in scopes
    assert ("2024", "constant.numeric.integer.beleid") in scopes
    assert ("# uitleg", "comment.line.number-sign.beleid") in scopes
    assert ("uitsluiting", "storage.type.clause.beleid") in scopes and ("deadline", "storage.type.declaration.beleid") in scopes
    assert ("groter", "keyword.operator.comparison.beleid") in scopes and ("en", "keyword.operator.logical.beleid") in scopes
    assert not [t for t in scopes if t[0] in ("behandelindex", "fysiotherapie", "hoog", "x")]   # names stay plain
    assert tokens("kenmerk twijfel: ja/nee standaard nee.") == [
        ("kenmerk", "storage.type.declaration.beleid"), (":", "punctuation.separator.beleid"),
        ("ja/nee", "support.type.beleid"), ("standaard", "support.type.beleid"),
        ("nee", "constant.language.boolean.beleid"), (".", "punctuation.terminator.statement.beleid")]


@pytest.mark.parametrize("policy", sorted((ROOT / "policies").rglob("*.beleid")), ids=lambda p: p.parent.name)
def test_a_shipped_policy_is_highlighted_but_for_its_names(policy):
    """What no rule colours is whitespace and the author's names: no keyword, number or sign is missed."""
    text = policy.read_text(encoding="utf-8")
    covered, pos = [], 0
    for token, _ in tokens(text):
        start = text.index(token, pos)
        covered.append(text[pos:start])
        pos = start + len(token)
    covered.append(text[pos:])
    left = " ".join(covered).split()
    assert left and all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", word) for word in left), \
        sorted({w for w in left if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", w)})


def test_the_extension_names_files_that_exist():
    manifest = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    (language,) = manifest["contributes"]["languages"]
    (grammar,) = manifest["contributes"]["grammars"]
    assert language["extensions"] == [".beleid"] and grammar["language"] == language["id"]
    assert grammar["scopeName"] == GRAMMAR["scopeName"] and (EXTENSION / grammar["path"]).is_file()
    configuration = json.loads((EXTENSION / language["configuration"]).read_text(encoding="utf-8"))
    assert configuration["comments"]["lineComment"] == "#"
    assert (EXTENSION / manifest["main"]).is_file()
