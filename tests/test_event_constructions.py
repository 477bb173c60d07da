"""Events stated by a construction: the partner of talks named by "with the Israelis" and its near misses."""
import pytest

from analysis.event_constructions import construction_spans
from analysis.events import find_events, summarize
from analysis.sentiment import score_text


def rel(text, lang="en"):
    s = summarize(find_events(text, lang))
    return s["relation"], s["event"]


@pytest.mark.parametrize("text", [
    "We have been talking with the Israelis about the crossings.",
    "candid enough with the Chinese about what it is we want",
    "now with the German government at multiple levels on our concerns",
    "She spoke with the French president this morning.",
    "We will keep working with our allies.",
    "willing to do business with the Saudis without",
])
def test_partner_phrase_is_consult(text):
    assert rel(text) == ("cooperation", "CONSULT")


@pytest.mark.parametrize("text", [
    "It was a war with the Russians.",                        # a topic noun before "with"
    "Tensions with the Chinese have grown.",
    "The competition with the Chinese is fierce.",           # a word of rivalry
    "issues associated with Chinese encroachment",           # no determiner: an adjective, not a people
    "with the Chinese encroachment on civil rights",         # a nationality before a noun that names no actor
    "He came back with the French fries.",                   # not a people: a plural noun follows
    "The meeting ended with the German anthem.",
])
def test_partner_near_misses(text):
    assert "(partner)" not in [h["term"] for h in find_events(text, "en")]


def test_a_stronger_event_decides_over_the_partner():
    assert rel("Fighting with the Russians continued as troops attacked the town.")[0] == "conflict"
    assert rel("The strikes with the Israelis killed twelve people.")[0] == "conflict"


def test_partner_is_explained_and_leaves_tone_alone():
    r = score_text("with the Israelis to see if we can get more trucks in", "en")
    hit = next(h for h in r["event_hits"] if h["term"] == "(partner)")
    assert hit["text"] == "with the Israelis" and hit["modifiers"] == ["construction:partner"]
    assert r["polarity"] == score_text("to see if we can get more trucks in", "en")["polarity"]


def test_languages_without_constructions():
    assert construction_spans("mit den Israelis".split(), "de") == []
    assert construction_spans("with the".split(), "en") == []
