"""A name after an article and a describing noun: the subject a pronoun takes, and the name
without the noun (docs/actors.md, "Measured with 160 labelled train documents")."""
import pytest

from analysis.speaker_names import drop_description
from analysis.speakers import _ArticleEntities
from test_coreference import resolve_all

BEFORE = "Bernd Lange sagte, das Gesetz komme bald. "
AFTER = " Er erklärte, es helfe allen."


def test_pronoun_takes_the_full_name_apposed_to_a_nationality_noun():
    text = BEFORE + "Der Italiener Marco Bellini unterstützt das Vorhaben." + AFTER
    assert resolve_all(text, ["Bernd Lange", "Er"]) == ["Bernd Lange", "Marco Bellini"]


@pytest.mark.parametrize("middle", [
    "Die Anhänger Marco Bellinis feierten den Beschluss.",  # a genitive after a noun that describes no one
    "Der Italiener Bellini unterstützt das Vorhaben.",  # one name word after the noun
])
def test_pronoun_keeps_the_previous_speaker_without_an_apposed_full_name(middle):
    assert resolve_all(BEFORE + middle + AFTER, ["Bernd Lange", "Er"]) == ["Bernd Lange", "Bernd Lange"]


@pytest.mark.parametrize("name, expected", [
    ("Feministin Anna Berger", "Anna Berger"),  # the feminine of a describing ending (-ist)
    ("Italiener Marco Bellini", "Marco Bellini"),  # a nationality noun of "italienisch"
    ("Italienerin Anna Berger", "Anna Berger"),
    ("Christin Anna Huber", "Christin Anna Huber"),  # a first name, though -ist + -in
    ("Kerstin Anna Huber", "Kerstin Anna Huber"),
    ("Fischer Hans Weber", "Fischer Hans Weber"),  # -er of no nationality adjective
])
def test_describing_noun_before_a_full_name(name, expected):
    assert drop_description(name, _ArticleEntities(name + " sagte etwas.", "de")) == expected
