"""A surname held with a role that the document's title gives to its holder ("Remarks by President
Biden") is not another person's full name of the text (docs/actors.md, "The title's holder")."""
import pandas as pd
import pytest

from analysis.speakers import resolve_speakers

TITLE = "Remarks by President\\_Biden on Gun Violence\\_Prevention"


def _speaker(text, mention, title=TITLE):
    start = text.index(mention)
    quotes = pd.DataFrame([{"article_id": "x", "speaker_mention": mention, "speaker_span": [start, start + len(mention)],
                            "speaker_resolution": "explicit"}])
    articles = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "text": [text], "title": [title]})
    return resolve_speakers(quotes, articles)["speaker"].iat[0]


def test_the_titles_president_is_not_the_first_lady_of_the_same_surname():
    text = ("It's good to see the First Lady, Dr. Jill Biden, who cares deeply about this issue. "
            "President Biden said the laws must change.")
    assert _speaker(text, "President Biden") == "Biden"


@pytest.mark.parametrize("text, title, expected", [
    # the text gives the title's role to the full name: the holder's full name
    ("President Joe Biden met the First Lady, Dr. Jill Biden. President Biden said the laws must change.", TITLE,
     "Joe Biden"),
    # no title naming the holder: the article's full name, as before
    ("It's good to see Jill Biden here. President Biden said the laws must change.", "", "Jill Biden"),
    # a title holding another role noun: as before
    ("It's good to see Jill Biden here. President Biden said the laws must change.",
     "Statement by Senator Biden on the Budget", "Jill Biden"),
])
def test_near_misses_keep_the_full_name(text, title, expected):
    assert _speaker(text, "President Biden", title=title) == expected
