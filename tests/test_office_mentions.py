"""A role noun of an office takes its holder, not another person of the holder's surname; the
office of a country is no country; headings and counted groups name no single actor (English)."""
import pandas as pd

from analysis.quotes import extract_quotes
from analysis.speaker_quantities import counted_persons, heading


def _speakers(text: str, *, date: str | None = "2023-06-20", source: str | None = "whitehouse.gov",
              title: str = "Press Briefing") -> dict[str, str | None]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [title], "date": [date], "text": [text],
                         "source": [source]})
    quotes = extract_quotes(arts, lang="en")
    return dict(zip(quotes["text"], quotes["speaker"]))


BRIEFING = ("MS. JEAN-PIERRE: Good afternoon. President Biden will travel to Ohio tomorrow.\n\n"
            "Q Has the President spoken to Hunter Biden about the plea deal?\n\n"
            "MS. JEAN-PIERRE: The President said that he loves his son, and he is proud of him.")


def test_the_president_of_a_briefing_is_not_the_son_a_question_names():
    said = _speakers(BRIEFING)
    assert said["that he loves his son, and he is proud of him"] == "Joe Biden"


def test_the_holders_own_longer_form_is_kept():
    text = ("MS. LEAVITT: President Trump and Melania Trump hosted a dinner. Donald J. Trump spoke first.\n\n"
            "MS. LEAVITT: The President said that the dinner was a success.")
    assert _speakers(text, date="2025-03-01")["that the dinner was a success"] == "Donald J. Trump"
    text = ("MS. LEAVITT: President Trump and Melania Trump hosted a dinner.\n\n"
            "MS. LEAVITT: The President said that the dinner was a success.")
    assert _speakers(text, date="2025-03-01")["that the dinner was a success"] == "Donald Trump"  # not Melania


def test_a_full_name_the_text_states_the_office_with_is_kept():
    text = "President Joe Biden met Dr. Jill Biden in Ohio. The President said that the plant is open."
    assert _speakers(text, title="Remarks")["that the plant is open"] == "Joe Biden"


def test_the_president_of_the_united_states_is_the_office_not_the_country():
    text = "The President of the United States said that the economy is strong."
    assert _speakers(text, title="Remarks")["that the economy is strong"] == "Joe Biden"
    assert _speakers(text, date=None, source=None, title="Remarks")["that the economy is strong"] != "United States"


def test_the_office_of_a_possessor_no_list_names_is_not_the_us_holder():
    text = "Kenya’s President said that the talks were useful."
    assert _speakers(text, title="Remarks")["that the talks were useful"] != "Joe Biden"


def test_counted_persons_are_no_single_actor():
    assert counted_persons("The two leaders".split(), "en")
    assert counted_persons("Both sides".split(), "en")
    assert not counted_persons("The Two Sicilies".split(), "en")
    said = _speakers("President Biden met Prime Minister Kishida of Japan. The two leaders said that the "
                     "alliance is strong.", title="Readout")
    assert said["that the alliance is strong"] is None


def test_a_heading_in_capitals_is_no_speaker():
    assert heading(["PROMISE", "KEPT"], "en") and not heading(["Promise", "Kept"], "en")
    said = _speakers("Here are a few of those promises:\n\nPROMISE KEPT: “The border is closed.”", title="Fact Sheet")
    assert said["“The border is closed.”"] is None
