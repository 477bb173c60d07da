"""English speaker names with the words of a title glued before them (docs/actors.md, "Titles
glued to a name")."""
import pytest

from analysis.speaker_names import drop_description
from analysis.speakers import _ArticleEntities


def _name(name: str, text: str = "") -> str:
    return drop_description(name, _ArticleEntities(text or name + " said the plan works.", "en"))


@pytest.mark.parametrize("name, expected", [
    ("Strategic Communications John Kirby", "John Kirby"),
    ("National Security Council Coordinator for Strategic Communications John Kirby", "John Kirby"),
    ("Press Secretary Karine Jean-Pierre", "Karine Jean-Pierre"),  # a hyphenated surname
    ("Office of Management and Budget Director Shalanda Young", "Shalanda Young"),  # linkers in the office
    ("Senator Chris Van Hollen", "Chris Van Hollen"),  # a two-word surname stays whole
    ("Secretary Pete Buttigieg", "Pete Buttigieg"),  # one word: a role noun
])
def test_title_chain_before_a_first_name_drops(name, expected):
    assert _name(name) == expected


@pytest.mark.parametrize("name", [
    "Kevin Thomas",  # opens with a first name: a surname that is a first name too stays
    "Mary Kay Henry",
    "National Park Service Mary Jackson Center",  # an organisation's Title Case name with a person's name in it
    "Build Back Better",  # no first name, no person of the article
    "Strategic Communications John Kirby Lee Walker Smith",  # more words than a person's name
    "Vice President Harris",  # the article names no Kamala Harris
    "Coretta Scott King",  # one word before a first name that is no role: a given name the list lacks
])
def test_near_misses_keep_their_words(name):
    assert _name(name) == name


def test_a_surname_after_a_title_takes_the_articles_full_form():
    text = "Kamala Harris visited Ohio on Monday. Later Vice President Harris said the plan works."
    assert _name("Vice President Harris", text) == "Kamala Harris"


def test_a_surname_after_lower_case_words_is_no_title_chain():
    text = "Kamala Harris visited Ohio on Monday. Later the people of Harris said so."
    assert _name("Later the Harris", text) == "Later the Harris"


@pytest.mark.parametrize("name, expected", [
    ("Biden Travels", "Joe Biden"),  # a headline's verb after the surname
    ("Build Back Biden", "Joe Biden"),  # a slogan before it
    ("Biden Harris", "Biden Harris"),  # two persons of the article
    ("Biden Administration", "Biden Administration"),  # an organisation named after him
    ("Biden’s Earth Day Summit", "Biden’s Earth Day Summit"),  # a possessive opens a headline
    ("García Márquez", "García Márquez"),  # a two-word surname
])
def test_headline_words_around_the_articles_surname(name, expected):
    text = ("Joe Biden met Kamala Harris and Gabriel García Márquez on Monday. "
            f"{name} said the plan works.")
    assert _name(name, text) == expected
