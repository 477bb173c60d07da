"""Nouns of change beyond the single word before the mention: German compounds ending in a head, a
noun coordinated with the mention under one head, a lament aimed past the mention, English
compounds of relief, and "require" as a demand (docs/networks.md, Toward what)."""
import pandas as pd
import pytest

from analysis.stance import head_toward
from analysis.statements import statements_from_articles

ATOM = {"Atomkraft": {"lemmas": ["Kernkraft", "Kernkraftwerk", "Kernenergie"], "opposites": ["Atomausstieg"]}}
DEMOKRATIE = {"Demokratie": {"lemmas": ["Demokratie"]}}
DEBT = {"student debt relief": {"phrases": ["debt relief"], "opposites": ["student debt"]}}
SCHULDEN = {"Schuldenbremse": {"lemmas": ["Schuldenbremse"]}}
GUNS = {"gun safety": {"phrases": ["background checks"], "opposites": ["assault weapons"]}}


def _agreement(text: str, concepts: dict, lang: str) -> list[int]:
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    return st["agreement"].tolist()


@pytest.mark.parametrize("text, head", [
    ("Wir fordern die Laufzeitverlängerung der Kernkraftwerke", (1, "Laufzeitverlängerung")),
    ("den Wiedereinstieg in die Kernkraft", (1, "Wiedereinstieg")),
    ("der Ausstieg aus Kohle und Kernkraft", (-1, "Ausstieg")),
    ("die Reform der Rente und der Schuldenbremse", (-1, "Reform")),
])
def test_a_compound_or_a_coordination_is_headed(text, head):
    assert head_toward(text, text.rindex(" ") + 1, lang="de") == head


@pytest.mark.parametrize("text", [
    "die Legende der Kernkraft",        # ends in "ende", shorter than a compound head may be
    "Wir wollen Kohle und Kernkraft",   # a coordination without a head
    "der Ausstieg, und Kernkraft",      # a clause mark between
])
def test_near_misses_have_no_head(text):
    assert head_toward(text, text.rindex(" ") + 1, lang="de") is None


@pytest.mark.parametrize("text, lang, concepts, agreement", [
    ("Wir fordern die Komplettabschaffung der Schuldenbremse.", "de", SCHULDEN, -1),
    ("Der von der Union verantwortete Ausstieg aus Kohle und Kernkraft ist ein Desaster.", "de", ATOM, 1),
    ("Verschwörungsideologien haben sich mit Corona verbreitet, antisemitisch und hasserfüllt. "
     "Das gefährdet unsere Demokratie nicht, sagen manche. Es ist eine Gefahr für unsere Demokratie.", "de",
     DEMOKRATIE, 1),
    ("We will deliver student debt relief to millions of borrowers.", "en", DEBT, 1),
    ("Congress must ban assault weapons, require background checks for all gun sales.", "en", GUNS, 1),
])
def test_sentences_that_change(text, lang, concepts, agreement):
    assert _agreement(text, concepts, lang)[-1] == agreement


@pytest.mark.parametrize("text, lang, concepts, agreement", [
    ("Wir kritisieren die Legende der Kernkraft.", "de", ATOM, -1),
    ("Wir fordern die Laufzeitverlängerung der Kernkraftwerke.", "de", ATOM, 1),  # a head for it: the same sign
    ("Kohle und Kernkraft sind ein Desaster.", "de", ATOM, -1),
    ("Wir fordern die Abschaffung der Demokratie.", "de", DEMOKRATIE, -1),  # a stance, not a lament
    ("Student debt is crushing families.", "en", DEBT, 1),                  # the problem named: for relief
    ("Congress must ban background checks.", "en", GUNS, -1),
])
def test_near_misses_do_not_change(text, lang, concepts, agreement):
    assert _agreement(text, concepts, lang)[-1] == agreement


@pytest.mark.parametrize("speaker, coded", [
    ("Sector-specific Risk Assessment", 0),   # a memorandum heading taken for a speaker
    ("Risk Management Plan", 0),
    ("Sector Risk Management Agency", 1),     # an agency speaks
    ("Plan", 1),                              # one word: a name, not a heading
])
def test_a_heading_taken_for_a_speaker_codes_no_statement(speaker, coded):
    from analysis.statements import build_statements

    text = f"{speaker}: each agency shall support critical infrastructure."
    arts = pd.DataFrame({"article_id": ["m"], "lang": ["en"], "text": [text]})
    quotes = pd.DataFrame({"article_id": ["m"], "quote_id": ["m-q0"], "kind": ["turn"], "speaker": [speaker],
                           "spans": [[[len(speaker) + 2, len(text)]]]})
    st = build_statements(quotes, articles=arts, concepts={"infrastructure": {"lemmas": ["infrastructure"]}})
    assert len(st) == coded
