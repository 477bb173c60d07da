"""Another office of the same noun (Vice President, former President) is not the role's holder; a
pronoun takes up "the President" written with a capital."""
import pandas as pd

from analysis.quotes import extract_quotes
from analysis.speakers import _ArticleEntities


def _speakers(text: str, title: str = "") -> dict[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [title], "text": [text]})
    quotes = extract_quotes(arts, lang="en")
    return dict(zip(quotes["text"], quotes["speaker"]))


def test_the_president_is_not_the_vice_president_named_later():
    text = ("President Joe Biden spoke on Monday. Vice President Kamala Harris traveled to Ohio. "
            "The President said that the bill must pass.")
    assert _speakers(text)["that the bill must pass"] == "Joe Biden"


def test_the_president_is_not_a_former_president():
    text = ("President Joe Biden spoke on Monday. Former President Donald Trump held a rally. "
            "The President said that the border needs funding.")
    assert _speakers(text)["that the border needs funding"] == "Joe Biden"


def test_the_vice_president_is_the_vice_president():
    text = ("President Joe Biden spoke on Monday. Vice President Kamala Harris traveled to Ohio. "
            "The Vice President said that the plant will open.")
    assert _speakers(text)["that the plant will open"] == "Kamala Harris"


def test_a_pronoun_after_the_president_is_the_president_not_an_earlier_speaker():
    text = ("President Joe Biden spoke on Monday. Senator Joe Manchin said that the bill was dead. "
            "Well, the President has given major speeches on voting. He has also said that voting rights are fundamental.")
    assert _speakers(text)["that voting rights are fundamental"] == "Joe Biden"


def test_an_office_modifier_is_kept_with_the_role_noun():
    ents = _ArticleEntities("Vice President Kamala Harris and President Joe Biden met.", "en")
    assert {(r[3], r[4]) for r in ents.roles} == {("Kamala Harris", "vice president"), ("Joe Biden", "president")}
