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
