"""A document (the Executive Order, This Proclamation) is no speaker."""
import pandas as pd

from analysis.quotes import extract_quotes
from analysis.speaker_quantities import no_actor


def test_a_mention_ending_in_a_documents_noun_names_no_actor():
    assert no_actor("The Executive Order".split(), "en") and no_actor("This Proclamation".split(), "en")
    assert no_actor("the Order".split(), "en")
    assert not no_actor("the Fraternal Order of Police".split(), "en")  # an organisation ends in another word
    assert not no_actor("President Biden".split(), "en")


def test_the_order_that_declares_is_no_speaker():
    text = ("President Trump signed an Executive Order on Monday. "
            "The Executive Order declares that the border is in a state of emergency.")
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [""], "text": [text]})
    speakers = set(extract_quotes(arts, lang="en")["speaker"].dropna())
    assert "Executive Order" not in speakers and "The Executive Order" not in speakers
