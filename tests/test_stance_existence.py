"""Negated existence: a clause saying the concept will not be there is against it, whatever the tone of the words
around it (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.stance_existence import existence_denied
from analysis.statements import statements_from_articles


def _coded(text: str, concept: str, lang: str) -> tuple[int, str]:
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts={concept: {"lemmas": [concept]}})
    return int(st["agreement"].iloc[-1]), st["evidence"].iloc[-1]


@pytest.mark.parametrize("text, concept, lang", [
    # a warm sentence (gut, versprechen) around the denial: the tone read +1 before
    ("„Das ist eine gute Nachricht: Es wird keine Steuererhöhungen geben“, sagte die Ministerin.", "Steuererhöhung", "de"),
    # an adjective between the negator and the mention
    ("„Mit uns darf es keine neuen Steuererhöhungen geben, das ist gut so“, sagte die Ministerin.", "Steuererhöhung", "de"),
    ("\"It is a great day: there will be no new taxes for families,\" the President said.", "tax", "en"),
])
def test_denied_existence_is_against_the_concept(text, concept, lang):
    agreement, evidence = _coded(text, concept, lang)
    assert agreement == -1
    assert "(existence denied)" in evidence


def test_a_denied_change_is_for_the_concept():
    # no reform of the Schuldenbremse: the head noun of change turns the denial, the speaker keeps it
    agreement, evidence = _coded("„Es wird keine Reform der Schuldenbremse geben“, sagte der Minister.",
                                 "Schuldenbremse", "de")
    assert (agreement, "existence denied" in evidence) == (1, True)


@pytest.mark.parametrize("text, at", [
    ("Wir wollen keine Steuererhöhungen.", 17),  # no word of existence in the clause
    ("Es gibt Steuererhöhungen, aber keine Entlastung.", 8),  # no negator before the mention
    ("Es wird keinen Zweifel geben, dass die Steuererhöhungen kommen.", 39),  # the negator in another clause
    # the present describes, or states a condition: "there is no democracy without protest" is for it
    ("Es gibt keine Demokratie ohne Protest.", 14),
])
def test_near_misses_of_denied_existence(text, at):
    assert existence_denied(text, at, lang="de") is None


def test_a_language_without_the_role_reads_none():
    assert existence_denied("Il n'y aura pas de hausse d'impôts.", 22, lang="fr") is None
