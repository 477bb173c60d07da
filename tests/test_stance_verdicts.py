"""Verdicts said of a concept, verbs of wanting negated before their object clause, and commas that open a clause
of their own (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.stance import stance_toward
from analysis.stance import stance_words
from analysis.stance_verdicts import verdict_toward
from analysis.statements import statements_from_articles
from tests.test_stance_restrictions import _agreement


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # a predicate of wrongness or rightness said of the concept as the subject of its clause
    ("Die Schuldenbremse ist der falsche Weg.", "de", "Schuldenbremse", -1),
    ("Ich sage Ihnen: Die Schuldenbremse war ein Fehler.", "de", "Schuldenbremse", -1),
    ("Ich glaube, dass die Schuldenbremse gescheitert ist.", "de", "Schuldenbremse", -1),
    ("Die Schuldenbremse ist nicht der richtige Weg.", "de", "Schuldenbremse", -1),
    ("Die Schuldenbremse ist kein Fehler.", "de", "Schuldenbremse", 1),
    ("Der Mindestlohn ist richtig und wichtig.", "de", "Mindestlohn", 1),
    # a noun of change heading the mention turns the verdict: against its abolition is for it
    ("Die Abschaffung der Schuldenbremse wäre ein Fehler.", "de", "Schuldenbremse", 1),
    ("The border wall is a mistake.", "en", "border wall", -1),
])
def test_a_verdict_on_the_concept_takes_a_side(text, lang, concept, agreement):
    assert _agreement(text, concept, lang) == agreement


@pytest.mark.parametrize("text, lang, start", [
    # near misses: the verdict is said of another subject, or the mention is in the predicate or a relative clause
    ("Ja, diese Forderung nach tragfähigen Energiepreisen ist richtig.", "de", "Energiepreisen"),
    ("Wir reden über die Schuldenbremse, die falsch ist.", "de", "Schuldenbremse"),
    ("Das Problem ist nicht die Schuldenbremse.", "de", "Schuldenbremse"),
    ("Die Schuldenbremse hat Fehler gemacht.", "de", "Schuldenbremse"),
    ("We talked about the border wall and what is right.", "en", "border wall"),
])
def test_near_misses_of_verdicts(text, lang, start):
    assert verdict_toward(text, text.index(start), lang=lang) is None


def test_verdict_words_are_read_by_language():
    assert stance_words("de")["verdict"]["falsche"] == -1 and stance_words("en")["verdict"]["right"] == 1
    assert "ist" in stance_words("de")["copula"] and not stance_words("xx")["verdict"]


@pytest.mark.parametrize("text, concept, agreement", [
    # a verb of wanting negated before the comma of its object clause: the negator is the verb's
    ("Wir wollen ja gar nicht, dass sich jetzt jeder eine Wärmepumpe kauft.", "Wärmepumpe", -1),
    ("Wir wollen nicht, dass die Schuldenbremse abgeschafft wird.", "Schuldenbremse", 1),
    ("Wir wollen, dass die Schuldenbremse abgeschafft wird.", "Schuldenbremse", -1),
    ("Wir wollen, dass jeder eine Wärmepumpe kauft.", "Wärmepumpe", 1),
])
def test_wanting_negated_before_its_object_clause(text, concept, agreement):
    assert stance_toward(text, text.index(concept), lang="de").agreement == agreement


def test_near_miss_wanting_in_a_clause_of_its_own():
    # more than a few words, or words that are not lower case, between the verb and the comma: no object clause
    text = "Sie wollen nicht mehr über Sachfragen reden, dass die Demokratie leidet, ist Ihnen egal."
    assert stance_toward(text, text.index("Demokratie"), lang="de") is None


@pytest.mark.parametrize("text, concept, agreement", [
    # a comma before und, wenn opens a clause of its own: the stance verb before it does not reach the mention
    ("Wir verurteilen jede Form von Ausgrenzung, und wir stehen für einen Sport, der die Demokratie stärkt.",
     "Demokratie", 1),
    ("Wir lehnen das ab, wenn die Demokratie davon profitiert.", "Demokratie", 1),
])
def test_a_comma_before_a_clause_opener_ends_the_verb_reach(text, concept, agreement):
    assert _agreement(text, concept, "de") == agreement


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # near misses: a list without a comma before und, an object clause after the comma, an English list comma
    ("Wir lehnen Steuererhöhungen, Kürzungen und die Schuldenbremse ab.", "de", "Schuldenbremse", -1),
    ("Wir lehnen ab, dass die Schuldenbremse bleibt.", "de", "Schuldenbremse", -1),
    ("We oppose tax hikes, cuts, and the border wall.", "en", "border wall", -1),
])
def test_near_misses_of_clause_openers(text, lang, concept, agreement):
    assert _agreement(text, concept, lang) == agreement


@pytest.mark.parametrize("text, agreement", [
    # a verdict said of another mention of the concept in the window decides a mention without a construction
    ("Was heißt denn Schuldenbremse? Schuldenbremse heißt für die Menschen: weniger Wohnungen. "
     "Die Schuldenbremse ist der falsche Weg.", -1),
    ("Wir reden heute über die Schuldenbremse. Die Abschaffung der Schuldenbremse wäre ein Fehler.", 1),
])
def test_a_verdict_nearby_decides_the_other_mentions(text, agreement):
    concepts = {"Schuldenbremse": {"lemmas": ["Schuldenbremse"]}}
    arts = pd.DataFrame({"article_id": ["s"], "lang": ["de"], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    assert st["agreement"].tolist() == [agreement] * len(st) and len(st) >= 2


def test_near_miss_a_verdict_nearby_leaves_a_stance_construction():
    # the mention with a stance verb of its own keeps it; another concept's verdict decides nothing
    text = "Wir lehnen die Schuldenbremse ab. Die Schuldenbremse ist richtig. Der Mindestlohn ist gut."
    concepts = {"Schuldenbremse": {"lemmas": ["Schuldenbremse"]}, "Mindestlohn": {"lemmas": ["Mindestlohn"]}}
    arts = pd.DataFrame({"article_id": ["s"], "lang": ["de"], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    assert st[["concept", "agreement"]].values.tolist() == [["Schuldenbremse", -1], ["Schuldenbremse", 1],
                                                             ["Mindestlohn", 1]]


@pytest.mark.parametrize("text, start, agreement", [
    # a form of address set off by commas after the mention does not end its clause
    ("Ihre Kindergrundsicherung, Frau Paus, ist eine Mogelpackung.", 5, -1),
    ("Die Schuldenbremse, Herr Kollege Lindner, ist richtig.", 4, 1),
])
def test_a_form_of_address_inside_the_clause_keeps_the_verdict(text, start, agreement):
    assert verdict_toward(text, start, lang="de").agreement == agreement


@pytest.mark.parametrize("text, start", [
    # a clause of saying between the mention and the verdict is no form of address
    ("Die Kindergrundsicherung, sagt Frau Paus, ist eine Mogelpackung.", 4),
    # Frau with a word in lower case after it is no name in an address
    ("Die Kindergrundsicherung, Frau und Mann, ist eine Mogelpackung.", 4),
])
def test_near_misses_of_forms_of_address(text, start):
    assert verdict_toward(text, start, lang="de") is None
