"""The holder of an office by date is taken only where the text's office is that country's."""
import pandas as pd

from analysis.office_holders import mention_country, office_country, sitting_holder
from analysis.quotes import extract_quotes


def _speakers(text: str, date: str | None, source: str | None = None) -> dict[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [""], "date": [date], "text": [text],
                         "source": [source]})
    quotes = extract_quotes(arts, lang="en")
    return dict(zip(quotes["text"], quotes["speaker"]))


def test_a_mention_names_the_country_of_its_office():
    assert mention_country(["the", "French", "President"], 2, "en") == "France"
    assert mention_country(["Kenya’s", "President"], 1, "en") == "Kenya"  # in no list: the possessor as written
    assert mention_country("the U.S. President".split(), 2, "en") == "United States"
    assert mention_country("The President of the United States".split(), 1, "en") == "United States"
    assert mention_country("The President of Ghana".split(), 1, "en") == "Ghana"  # unknown: as written


def test_the_document_country_is_its_publishers_else_the_one_its_text_states():
    assert office_country("The President spoke.", "whitehouse.gov briefing room", "en") == "United States"
    assert office_country("The President of Ghana arrived. The President spoke.", "en.wikinews.org", "en") == "Ghana"
    assert office_country("The American President met the French President.", None, "en") == ""
    assert office_country("The President spoke.", None, "en") == ""


def test_another_countrys_office_keeps_the_texts_holder():
    assert sitting_holder("president", None, {"president": "Joe Biden"}, "en", country="Ghana") is None
    assert sitting_holder("president", None, {"president": "Joe Biden"}, "en", country="United States") == "Joe Biden"


def test_the_french_president_of_a_dated_text_is_not_the_us_holder():
    said = _speakers("The French President said that the summit was a success.", "2022-03-01")
    assert said["that the summit was a success"] != "Joe Biden"


def test_the_president_of_a_text_about_another_country_is_not_the_us_holder():
    text = "The President of Ghana arrived on Monday. The President said that the vote was fair."
    assert _speakers(text, "2022-03-01", "en.wikinews.org")["that the vote was fair"] != "Joe Biden"


def test_the_president_of_a_white_house_document_is_the_holder_of_its_date():
    text = "The President said that the economy is growing fast."
    assert _speakers(text, "2022-03-01", "whitehouse.gov briefing room")["that the economy is growing fast"] == "Joe Biden"
    assert _speakers(text, "2022-03-01", "en.wikinews.org")["that the economy is growing fast"] != "Joe Biden"
