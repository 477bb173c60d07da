"""A role noun the article names: the person set off by commas after a spokesperson's
organisation, also with a name particle (docs/actors.md, "Measured with the cause table")."""
import pytest

from test_coreference import resolve_all


@pytest.mark.parametrize("text, mention, expected", [
    ("Die Sprecherin der Stiftung Warentest, Heike van Laak, sagte dazu, man bleibe dabei.",
     "Die Sprecherin der Stiftung Warentest", "Heike van Laak"),  # a particle inside the apposed name
    ("Ein Sprecher der Polizei, Hans Weber, sagte, es sei ruhig.", "Ein Sprecher der Polizei", "Hans Weber"),
])
def test_spokesperson_with_an_apposed_name_is_the_person(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Ein Sprecher der Polizei sagte, es sei ruhig.", "Ein Sprecher der Polizei", "Polizei"),  # no name: the police
    ("Ein Sprecher der Polizei, der anonym bleiben wollte, sagte, es sei ruhig.", "Ein Sprecher der Polizei",
     "Polizei"),  # a relative clause, no name
    ("Die Sprecherin der Stiftung Warentest, Heike, sagte, man bleibe dabei.",
     "Die Sprecherin der Stiftung Warentest", "Stiftung Warentest"),  # one word is no full name
])
def test_spokesperson_without_an_apposed_full_name_speaks_for_the_organisation(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Es sei gut, meldete die US-amerikanische Musikzeitschrift „Billboard“.",
     "die US-amerikanische Musikzeitschrift „Billboard“", "Billboard"),
    ("Es sei gut, meldete die Tageszeitung ''La Nacion''.", "die Tageszeitung ''La Nacion", "La Nacion"),  # cut before the mark
    ("Die Partei „Die Linke“ sagte, es sei gut.", "Die Partei „Die Linke“", "Die Linke"),
])
def test_quoted_name_after_a_medium_or_organisation_noun(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Es sei gut, meldete die Zeitschrift Stern.", "die Zeitschrift Stern", "Zeitschrift Stern"),  # no marks: as before
    ("Die Initiative „Grünes Tal“ teilte mit, es sei gut.", "Die Initiative „Grünes Tal“",
     "Initiative Grünes Tal"),  # a noun of no medium or organisation kind
    ("Der Sänger „Bounty Killer“ sagte, es sei gut.", "Der Sänger „Bounty Killer“", "Bounty Killer"),
])
def test_quoted_name_after_other_nouns_stays(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]
