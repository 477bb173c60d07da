"""A role alone names the office's holder on the document's date, unless the text names another holder."""
import pandas as pd

from analysis.office_holders import holders_on, sitting_holder
from analysis.quotes import extract_quotes


def _speakers(text: str, date: str | None) -> dict[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [""], "date": [date], "text": [text],
                         "source": ["whitehouse.gov briefing room"]})  # a document of the US offices
    quotes = extract_quotes(arts, lang="en")
    return dict(zip(quotes["text"], quotes["speaker"]))


def test_the_holder_changes_on_the_first_day_of_a_term():
    assert holders_on("2025-01-19", "en")["president"] == "Joe Biden"
    assert holders_on("2025-01-20", "en")["president"] == "Donald Trump"
    assert holders_on("2021-01-19", "en")["vice president"] == "Mike Pence"
    assert holders_on("2021-01-20T15:00:00Z", "en")["vice president"] == "Kamala Harris"


def test_no_date_or_no_table_names_no_holder():
    assert holders_on(None, "en") == {} and holders_on("not a date", "en") == {}
    assert holders_on("2022-01-01", "de") == {}


def test_the_president_of_a_briefing_on_both_sides_of_a_term_boundary():
    text = "The President said that the economy is growing fast."
    assert _speakers(text, "2024-12-30")["that the economy is growing fast"] == "Joe Biden"
    assert _speakers(text, "2025-02-03")["that the economy is growing fast"] == "Donald Trump"


def test_the_vice_president_turn_label_takes_the_holder_of_the_date():
    text = "THE VICE PRESIDENT:  Thank you all for coming to this event today.\n"
    assert set(_speakers(text, "2023-05-04").values()) == {"Kamala Harris"}
    assert set(_speakers(text, "2025-05-04").values()) == {"JD Vance"}


def test_a_holder_of_another_term_named_in_the_text_gives_way():
    text = ("President Obama signed the law in 2010. "
            "The President said that the law protects families.")
    assert _speakers(text, "2022-03-01")["that the law protects families"] == "Joe Biden"


def test_a_holder_the_table_does_not_list_keeps_the_role():
    text = ("President Emmanuel Macron arrived in Paris. "
            "The President said that the summit was a success.")
    assert _speakers(text, "2022-03-01")["that the summit was a success"] == "Emmanuel Macron"
    assert sitting_holder("vice president", None, {"president": "Joe Biden"}, "en") is None


def test_without_a_date_the_role_is_resolved_from_the_text_alone():
    text = "President Obama signed the law in 2010. The President said that the law protects families."
    assert _speakers(text, None)["that the law protects families"] == "Obama"


def test_a_possessive_of_a_former_holder_gives_way_and_the_holder_keeps_the_texts_form():
    assert sitting_holder("president", "Obama’s", {"president": "Joe Biden"}, "en") == "Joe Biden"
    assert sitting_holder("vice president", "Harris", {"vice president": "Kamala Harris"}, "en") == "Harris"
