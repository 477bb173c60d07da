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


@pytest.mark.parametrize("text, mention, expected", [
    ("Es blieb ruhig, den Beobachtern zufolge blieb der Aufruhr aus.", "den Beobachtern", "Beobachter"),
    ("Es blieb ruhig. Politischen Beobachtern zufolge blieb der Aufruhr aus.", "Politischen Beobachtern",
     "politische Beobachter"),  # capitalised only at the sentence's opening
    ("Das sei laut Gutachtern nicht zu halten.", "Gutachtern", "Gutachter"),
    ("Es blieb ruhig, einem Augenzeugen zufolge blieb der Aufruhr aus.", "einem Augenzeugen", "Augenzeuge"),
])
def test_dative_of_an_unnamed_group_becomes_its_nominative(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Es blieb ruhig, den Diplomaten zufolge blieb der Aufruhr aus.", "den Diplomaten", "Diplomaten"),  # no -er noun
    ("Der Konzern teilte mit, es blieb ruhig.", "Der Konzern", "Konzern"),  # -ern of the nominative
    ("Die Zeitschrift Stern berichtete, es blieb ruhig.", "Stern", "Zeitschrift Stern"),  # as before
])
def test_nouns_in_ern_that_are_no_dative_plural_stay(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


def test_a_genitive_alone_names_no_speaker():
    text = "Des Weiteren werde geprüft, ob das Gesetz komme."
    assert resolve_all(text, ["Des Weiteren"]) == [None]


def test_a_genitive_before_its_noun_keeps_the_speaker():
    text = "Des Kanzlers Sprecher Hans Weber sagte, das Gesetz komme."
    assert resolve_all(text, ["Des Kanzlers Sprecher Hans Weber"]) == ["Hans Weber"]


@pytest.mark.parametrize("text, mention, expected", [
    ("Die Demokratische Partei Thailands kündigte an, sie werde klagen.", "Die Demokratische Partei Thailands",
     "Demokratische Partei Thailands"),  # an organisation's name with its country's genitive
    ("Die Demokratische Partei kündigte an, sie werde klagen.", "Die Demokratische Partei", "Demokratische Partei"),
    ("Die Partei Thailands kündigte an, sie werde klagen.", "Die Partei Thailands", "Thailands"),  # as before
])
def test_organisation_name_with_a_genitive(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]
