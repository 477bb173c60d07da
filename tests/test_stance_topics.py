"""A concept named as a topic takes no side; the addressee first in a sentence, a verb of refusing, and what
"Sie" can or cannot do (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.stance import stance_toward, topic_named
from analysis.statements import statements_from_articles


def _agreement(text: str, concept: str, lang: str) -> list[tuple[str, int, str]]:
    concepts = {concept: {"phrases": [concept]} if " " in concept else {"lemmas": [concept]}}
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    return list(zip(st["concept"], st["agreement"], st["agreement_source"]))


@pytest.mark.parametrize("text, lang, concept", [
    ("Sie hätten eine Aktuelle Stunde zum Thema Pflege beantragt und nicht zum Thema Flüchtlinge.", "de", "Flüchtlinge"),
    ("Es nutzt denen, wenn die Parteien beim Thema Migration übereinander herfallen.", "de", "Migration"),
    ("Im Bereich Asyl gibt der Bund den Ländern 1,7 Milliarden Euro.", "de", "Asyl"),
    ("Harris will host a discussion regarding climate action, clean energy, and sustainable infrastructure.", "en",
     "infrastructure"),
])
def test_a_concept_named_as_a_topic_takes_no_side(text, lang, concept):
    assert _agreement(text, concept, lang) == [(concept, 0, "none")]


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # a topic noun as subject or object, not framed by a preposition: the speaker takes a side
    ("Das Thema der Strompreise müssen wir eng im Blick behalten.", "de", "Strompreise", 1),
    # a stance construction wins over the frame
    ("Beim Thema Migration fordern wir eine Begrenzung der Migration.", "de", "Migration", -1),
    # naming a programme in one's own words stays for it
    ("We've talked a lot about infrastructure, and it is working for families.", "en", "infrastructure", 1),
])
def test_near_misses_of_a_topic_keep_their_side(text, lang, concept, agreement):
    assert _agreement(text, concept, lang)[-1][1] == agreement


def test_topic_named_gives_the_word_or_none():
    text = "Wir wollen beim Thema Migration vorankommen."
    assert topic_named(text, text.index("Migration"), lang="de") == "Thema"
    assert topic_named("Wir wollen die Flüchtlinge schützen.", 15, lang="de") is None
    text = "Das Thema Taurus wurde schon angesprochen."
    assert topic_named(text, text.index("Taurus"), lang="de") is None


@pytest.mark.parametrize("text, word, agreement", [
    # "Sie" first in its sentence with a verb in the form of address: the addressee's position, contested
    ("Sie wollen die illegale Migration an dieser Stelle nicht stoppen; das ist Ihr Problem.", "Migration", -1),
    # refusing is against what is refused, here ascribed to the addressee
    ("Sie weigern sich, über eine Reform der Schuldenbremse zu verhandeln.", "Schuldenbremse", 1),
    # what "Sie" cannot do is the speaker's claim: "you will not be able to prevent it" is for it
    ("Aber Sie werden die Renaissance der Kernenergie nicht verhindern können.", "Kernenergie", 1),
])
def test_constructions_of_the_addressee(text, word, agreement):
    assert stance_toward(text, text.index(word), lang="de").agreement == agreement


@pytest.mark.parametrize("text, word, agreement", [
    ("Sie warnte vor Schäden an der Demokratie.", "Demokratie", -1),  # "she": the singular verb
    ("Sie forderten die Abschaffung der Schuldenbremse.", "Schuldenbremse", 1),  # past tense: "they" as often
    ("Jetzt wollen Sie die Schuldenbremse abschaffen.", "Schuldenbremse", 1),  # the addressee, no ability
    ("Wir weigern uns nicht, die Schuldenbremse zu reformieren.", "Schuldenbremse", 1),  # the speaker's own
])
def test_near_misses_of_the_addressee(text, word, agreement):
    assert stance_toward(text, text.index(word), lang="de").agreement == agreement


def test_the_statement_of_a_refusal_turns_through_the_noun_of_change():
    text = "Sie weigern sich, über eine Reform der Schuldenbremse zu verhandeln."
    assert _agreement(text, "Schuldenbremse", "de") == [("Schuldenbremse", -1, "stance")]
