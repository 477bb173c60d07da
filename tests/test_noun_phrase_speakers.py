"""A German word group taken for a speaker names no actor and codes no statement."""
import pandas as pd
import pytest

from analysis.noun_phrase_speakers import plain_noun_phrase, record_speakers
from analysis.statements import build_statements


@pytest.mark.parametrize("name", ["Landesteile von Russland", "Andeutungen", "Jobs und Arbeitsplätze",
                                  "Zweiter Mythos", "Differenzen", "Ende der 70er-Jahre"])
def test_a_plain_noun_phrase_is_no_name(name):
    assert plain_noun_phrase(name, lang="de")


@pytest.mark.parametrize("name, known", [
    ("Olaf Scholz", frozenset()),                     # a given name
    ("Hubertus Heil", frozenset({"Heil"})),           # a name the records give
    ("Bundesregierung", frozenset()), ("Bundesrechnungshof", frozenset()),   # organisations
    ("Deutschen Landkreistages", frozenset()),        # an organisation in the genitive
    ("FDP", frozenset()), ("Union", frozenset()),     # parties
    ("Bundeskanzler", frozenset()), ("Innenministerin", frozenset()),        # role nouns
    ("Skudelny", frozenset()),                        # a surname no lexicon knows
])
def test_a_name_an_organisation_a_party_or_a_role_is_kept(name, known):
    assert not plain_noun_phrase(name, lang="de", known=known)


def test_english_capitals_are_names():
    assert not plain_noun_phrase("Differences", lang="en")


def test_record_speakers():
    arts = pd.DataFrame({"article_id": ["a", "b"], "speaker": ["Steffi Lemke", None]})
    assert record_speakers(arts) == ({"a"}, {"Steffi", "Lemke"})
    assert record_speakers(arts.drop(columns="speaker")) == (frozenset(), frozenset())


def test_a_word_group_codes_no_statement_and_a_named_speaker_does():
    text = "Andeutungen sagen, die Rente sei sicher. Steffi Lemke sagt, die Rente sei sicher."
    arts = pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"], "speaker": ["Steffi Lemke"]})
    quotes = pd.DataFrame({"article_id": ["a", "a"], "quote_id": ["q1", "q2"], "speaker": ["Andeutungen", "Steffi Lemke"],
                           "spans": [[(19, 39)], [(60, 80)]], "kind": ["indirect", "indirect"]})
    out = build_statements(quotes, articles=arts, concepts={"Rente": {"lemmas": ["Rente"]}}, lang="de")
    assert out["actor"].tolist() == ["Steffi Lemke"]
    news = build_statements(quotes, articles=arts.drop(columns="speaker"), concepts={"Rente": {"lemmas": ["Rente"]}},
                            lang="de")
    assert news["actor"].tolist() == ["Andeutungen", "Steffi Lemke"]   # news: the rule keeps to speeches
