"""English speaker names: particles kept with their name, plural titles not glued to a surname."""
import pytest

from analysis.speaker_names import organisation_phrase
from analysis.speakers import _ArticleEntities
from tests.test_speakers import resolve_one


@pytest.mark.parametrize("text, mention, speaker", [
    # must change: the particles and the first name before them stay with the surname
    ("Ursula von der Leyen said on Monday that the deal was good.", "Ursula von der Leyen", "Ursula von der Leyen"),
    ("European Commission President Ursula von der Leyen: “We had a fantastic summit.”",
     "European Commission President Ursula von der Leyen", "Ursula von der Leyen"),
    ("Retired CIA Senior Operations Officer Rick de la Torre: “The President acted.”",
     "Retired CIA Senior Operations Officer Rick de la Torre", "Rick de la Torre"),
    # must change: a plural title before names joined by "and" is no part of the first one
    ("“We are making progress,” said Doctors Walensky and Fauci.", "Doctors Walensky", "Walensky"),
    # near misses: one particle, a title in the singular, an organisation opened by a role noun
    ("“It is safe,” said Ludwig van Beethoven.", "Ludwig van Beethoven", "Ludwig van Beethoven"),
    ("“It is safe,” said Dr. Anthony Fauci.", "Dr. Anthony Fauci", "Anthony Fauci"),
    ("“We help,” Doctors Without Borders said on Monday.", "Doctors Without Borders", "Doctors Without Borders"),
    ("“We help,” the group Doctors Without Borders said.", "the group Doctors Without Borders",
     "Doctors Without Borders"),
])
def test_english_speaker_names(text, mention, speaker):
    assert resolve_one(text, mention, lang="en")[0] == speaker


@pytest.mark.parametrize("text, lang, names", [
    ("The speech of Ursula von der Leyen was long.", "en", {"Ursula von der Leyen"}),  # after "of" (an office)
    ("The Secretary of Homeland Security Kristi Noem said so.", "en", {"Kristi Noem"}),  # the office still drops
    ("Secretary of State Ludwig van Beethoven said so.", "en", {"Ludwig van Beethoven"}),
    ("Hans de la Torre sagte, es sei gut.", "de", {"Hans de la Torre"}),  # a German first name before the particles
    ("Der Angriffskrieg von Wladimir Putin geht weiter.", "de", {"Wladimir Putin"}),  # near miss: a noun and its von
    ("Der Plan von de Maizière sei gut.", "de", {"de Maizière"}),  # near miss: no first name before the particles
])
def test_names_of_an_article_keep_their_particles(text, lang, names):
    assert _ArticleEntities(text, lang).known == names


def test_organisation_phrase():
    assert organisation_phrase("Doctors Without Borders said".split(), "en") == "Doctors Without Borders"
    assert organisation_phrase(["Doctors", "Walensky"], "en") is None
    assert organisation_phrase(["Ärzte", "ohne", "Grenzen"], "de") == "Ärzte ohne Grenzen"
