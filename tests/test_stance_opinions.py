"""Negated opinions, contracted negators, negators of another clause, and the form of address read from the
language's resources (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.stance import LAMENT, opinion_negated, stance_toward, stance_words, tone_agreement
from analysis.statements import salutation_spans, statements_from_articles


def _agreement(text: str, concept: str, lang: str) -> list[tuple[str, int]]:
    concepts = {concept: {"phrases": [concept]} if " " in concept else {"lemmas": [concept]}}
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    return list(zip(st["concept"], st["agreement"]))


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # the words about the concept are positive, and the speaker does not believe them
    ("Wir glauben nicht, dass der Neubau von Kernkraftwerken eine gute Lösung wäre.", "de", "Kernkraftwerk", -1),
    ("He has said that he does not believe a border wall is effective.", "en", "border wall", -1),
    ("Wir glauben nicht, dass die Schuldenbremse schädlich und falsch ist.", "de", "Schuldenbremse", 1),
    # a stance verb in the object clause turns as well
    ("Ich glaube nicht, dass wir die Schuldenbremse brauchen.", "de", "Schuldenbremse", -1),
])
def test_a_negated_opinion_reverses_the_words_of_its_clause(text, lang, concept, agreement):
    assert _agreement(text, concept, lang)[-1][1] == agreement


@pytest.mark.parametrize("text, lang, concept, agreement", [
    ("Wir glauben, dass der Neubau von Kernkraftwerken eine gute Lösung wäre.", "de", "Kernkraftwerk", 1),  # not negated
    ("Ich glaube nicht nur, dass wir die Schuldenbremse brauchen.", "de", "Schuldenbremse", 1),  # "nicht nur"
    ("He believes a border wall is effective.", "en", "border wall", 1),
    # an opinion held, negative: the tone as before
    ("Wir glauben, dass die Schuldenbremse schädlich und falsch ist.", "de", "Schuldenbremse", -1),
])
def test_near_misses_of_a_negated_opinion(text, lang, concept, agreement):
    assert _agreement(text, concept, lang)[-1][1] == agreement


def test_opinion_negated_names_the_words():
    text = "Ich glaube nicht, dass die Schuldenbremse hilft."
    assert opinion_negated(text, text.index("Schuldenbremse"), lang="de") == "glaube nicht"
    # German needs the object clause: "glauben an" is no opinion of a clause
    text = "Ich glaube nicht an die Schuldenbremse."
    assert opinion_negated(text, text.index("Schuldenbremse"), lang="de") is None
    text = "I don't think the ceasefire will hold."
    assert opinion_negated(text, text.index("ceasefire"), lang="en") == "don't think"


@pytest.mark.parametrize("text", [
    # an infinitive with "zu" and a verb whose clause ends in a dash take no complement clause: no opinion
    "Ein wichtiger Schritt – in den Anträgen von Ihnen selbstverständlich nicht zu finden – ist die legale Migration.",
    "Alibi, weil Sie es am Ende nicht ernst meinen – so, wie Sie auch bei der Migration einknicken werden.",
    # a comma followed by a clause-opening word is no object clause of the verb
    "Ich meine nicht, wenn wir die Migration begrenzen, wird alles gut.",
])
def test_opinion_verbs_without_a_complement_clause(text):
    assert opinion_negated(text, text.index("Migration"), lang="de") is None


@pytest.mark.parametrize("text, words", [
    # a complementizer or a verb-second clause after the comma is the verb's object clause (must change the sign)
    ("Ich glaube nicht, dass die Migration begrenzt werden muss.", "glaube nicht"),
    ("Ich glaube nicht, die Migration ist das größte Problem.", "glaube nicht"),
    ("Wir finden nicht, dass die Migration gestoppt werden muss.", "finden nicht"),
])
def test_opinion_verbs_with_a_complement_clause(text, words):
    assert opinion_negated(text, text.index("Migration"), lang="de") == words


def test_a_negated_opinion_without_a_clause_keeps_the_tone():
    text = "Ein wichtiger Schritt – in Ihren Anträgen selbstverständlich nicht zu finden – ist die Ausweitung der legalen Migration."
    assert _agreement(text, "Migration", "de")[-1][1] == 1


@pytest.mark.parametrize("text, word, agreement", [
    ("We don't support new sanctions.", "sanctions", -1),  # a contracted negator ("*n't" in negators.txt)
    ("We don’t support new sanctions.", "sanctions", -1),
    ("They can't oppose the ceasefire.", "ceasefire", 1),
])
def test_contracted_negators_negate_the_verb(text, word, agreement):
    assert stance_toward(text, text.index(word), lang="en").agreement == agreement


@pytest.mark.parametrize("text, lang, word, agreement", [
    # a negator parted by clause marks from both the verb and the mention negates a verb of its own
    ("Experts are arguing for action; and that we can't wait to act, we can get vaccine shots in arms.", "en",
     "vaccine", 1),
    # near misses: a negator in the mention's clause, or in the verb's, still counts
    ("Wir fordern, dass keine Sanktionen verhängt werden.", "de", "Sanktionen", -1),
    ("We do not support, at this time, new sanctions.", "en", "sanctions", -1),
])
def test_a_negator_of_another_clause(text, lang, word, agreement):
    assert stance_toward(text, text.index(word), lang=lang).agreement == agreement


def test_the_form_of_address_comes_from_the_resources():
    endings = stance_words("de")["address_ending"]
    assert endings["en"] == 1 and endings["ten"] == -1
    assert stance_words("en")["address_ending"] == {}
    text = "Sie wollen die Schuldenbremse abschaffen."
    assert stance_toward(text, text.index("Schuldenbremse"), lang="de").agreement == 1  # the addressee's, reversed
    text = "Sie forderten die Abschaffung der Schuldenbremse."
    assert stance_toward(text, text.index("Schuldenbremse"), lang="de").agreement == 1  # "they": not reversed


@pytest.mark.parametrize("text, lang, concept", [
    # harm done to the concept, in its clause: a lament, for it
    ("Unsere Demokratie wird von vielen Seiten angegriffen; deswegen muss sie wehrhaft sein.", "de", "Demokratie"),
    ("Dadurch droht der Charakter der Demokratie selbst sich zu verändern.", "de", "Demokratie"),
    ("They attack democracy every single day.", "en", "democracy"),
    # an enemy of the concept heads it: against the enemy, for the concept
    ("Nehmt die Feinde der Demokratie ernst!", "de", "Demokratie"),
])
def test_harm_done_to_the_concept_is_a_lament(text, lang, concept):
    assert _agreement(text, concept, lang)[-1][1] == 1


@pytest.mark.parametrize("text, lang, concept", [
    # the concept does the harm (before an active verb of harm): against it
    ("Illegal immigration hurts American workers and undermines public safety.", "en", "immigration"),
    # a negative word in the clause that is no harm done: against it, as before
    ("Aufrüstung ist ein schlimmes Verbrechen und falsch.", "de", "Aufrüstung"),
])
def test_near_misses_of_harm_done(text, lang, concept):
    assert _agreement(text, concept, lang)[-1][1] == -1


def test_harm_done_is_named_in_the_evidence():
    text = "Unsere Demokratie wird von vielen Seiten angegriffen."
    assert tone_agreement(text, lang="de", band=0.05, at=text.index("Demokratie"))[1].endswith(LAMENT)


def test_forms_of_address_and_thanks_are_no_tone():
    text = ("Sehr geehrte Frau Präsidentin! Liebe Kolleginnen und Kollegen! Klimaschutz, liebe Freunde, ist teuer. "
            "Herzlichen Dank. Die Liebe zur Freiheit zählt, Werte Europas auch.")
    assert [text[s:e] for s, e in salutation_spans(text, "de")] == [
        "Sehr geehrte Frau Präsidentin", "Liebe Kolleginnen und Kollegen", "liebe Freunde", "Herzlichen Dank"]
    assert salutation_spans(text, "en") == []  # a language without the list blanks nothing


def test_a_greeting_no_longer_gives_the_tone():
    # "geehrt" of the greeting made this positive (tone 0.09); the sentence itself is a complaint
    text = "Sehr geehrte Frau Präsidentin! Liebe Kolleginnen und Kollegen! Die Mietpreisbremse ist zu niedrig."
    assert _agreement(text, "Mietpreisbremse", "de") == [("Mietpreisbremse", -1)]
    # near miss: without a greeting the tone is the sentence's, as before
    assert _agreement("Die Mietpreisbremse ist zu niedrig.", "Mietpreisbremse", "de") == [("Mietpreisbremse", -1)]


@pytest.mark.parametrize("text, concept", [
    # the mention behind another subject of its clause (a pronoun, a noun): the negative words are aimed at it
    ("Sie leiden unter niedrigeren Renten.", "Renten"),
    ("Ständig kündigen Sie weitere Entlastungen an, aber es ist eine Schande.", "Entlastungen"),
    ("Die Lage für Geflüchtete ist unerträglich.", "Geflüchtete"),
    # a betrayal of the concept is harm done to it, no fault of its own
    ("Hass, Missgunst und Ausgrenzung bedeuten Verrat an der Demokratie.", "Demokratie"),
])
def test_negative_words_aimed_at_another_subject(text, concept):
    agreement, evidence = tone_agreement(text, lang="de", band=0.05, at=text.index(concept))
    assert agreement == 1 and ("another subject" in evidence or evidence.endswith(LAMENT))


@pytest.mark.parametrize("text, concept, lang", [
    # near misses: the mention first in its clause is what the negative words are said of
    ("Aufrüstung und Krieg sind die schlimmsten ökologischen Verbrechen.", "Aufrüstung", "de"),
    ("Die Schuldenbremse ist falsch und schädlich.", "Schuldenbremse", "de"),
    # a negative noun heading the mention: the concept's own fault
    ("Das ist die Fehlsteuerung in der Zuwanderung.", "Zuwanderung", "de"),
    # a language without subject pronouns listed (English does not capitalise its nouns): as before
    ("They said the border wall is a terrible waste.", "border wall", "en"),
])
def test_near_misses_of_another_subject(text, concept, lang):
    assert tone_agreement(text, lang=lang, band=0.05, at=text.index(concept))[0] == -1


def test_negative_words_said_of_a_head_still_turn_with_it():
    # near miss: the exit from nuclear power called a disaster is for nuclear power, as the head had it
    text = "Wir wissen, dass der von der Union verantwortete Ausstieg aus Kohle und Kernkraft ein Desaster ist."
    assert _agreement(text, "Kernkraft", "de")[-1][1] == 1
