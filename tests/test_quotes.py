"""`caresq-logic citaten --bronnen DIR`: a quote that is not verbatim in its source text is
reported at the citation; the texts it needs ship in tests/fixtures/citaten, so this runs in CI.
(`make test` also runs the command on the real seed texts when ../shared/seeds is there.)"""

from __future__ import annotations

import shutil

from caresq_logic import passes

from conftest import TESTS, run

FIXTURES = TESTS / "fixtures" / "citaten"


def test_a_quote_not_in_the_source_is_reported_with_its_place():
    result = run("citaten", str(FIXTURES / "proef.beleid"), "--bronnen", str(FIXTURES))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:1] == [   # then the source line with a caret
        f"{FIXTURES / 'proef.beleid'}:7:22: T001: citaat staat niet letterlijk in bron.txt: "
        "\"De praktijk is ook 's avonds bereikbaar.\""
    ]


def test_a_verbatim_quote_passes_across_line_breaks(tmp_path):
    text = (FIXTURES / "proef.beleid").read_text(encoding="utf-8")
    (tmp_path / "proef.beleid").write_text(text.split("randvoorwaarde avond")[0], encoding="utf-8")
    shutil.copy(FIXTURES / "bron.txt", tmp_path)
    result = run("citaten", str(tmp_path / "proef.beleid"), "--bronnen", str(tmp_path), "--taal", "en")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "1 quote(s) found verbatim in their source texts\n"


def test_a_missing_source_text_is_an_error(tmp_path):
    result = run("citaten", str(FIXTURES / "proef.beleid"), "--bronnen", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{FIXTURES / 'proef.beleid'}:1:1: T003: bron bron.txt niet gevonden")


def test_every_deciding_clause_of_the_shipped_policies_quotes_its_source():
    """What `citaten` cannot see: a deciding clause without any quote."""
    for policy in passes.load(None).policies:
        assert policy.header.source, f"{policy.path} names its source text with `bron`"
        unquoted = [c.id for c in policy.clauses.values()
                    if c.kind in ("randvoorwaarde", "aanvullende_voorwaarde", "selectie", "uitsluiting",
                                  "differentiatiefactor") and not c.citation.quote]
        assert unquoted == [], policy.path
