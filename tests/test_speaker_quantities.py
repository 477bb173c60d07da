"""A quantity or an unnamed group of people before "of" names no actor; a name with "of" does."""
import pandas as pd

from analysis.quotes import extract_quotes
from analysis.speaker_quantities import counted_group


def _speakers(text: str) -> dict[str, str]:
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [""], "text": [text]})
    quotes = extract_quotes(arts, lang="en")
    return dict(zip(quotes["text"], quotes["speaker"]))


def test_shares_figures_and_collectives_before_of_are_counted_groups():
    for mention in ("29 percent of Republicans", "a bipartisan group of senators", "half of voters",
                    "40% of parents", "a majority of Americans"):
        assert counted_group(mention.split(), "en"), mention


def test_names_and_offices_with_of_are_no_counted_groups():
    for mention in ("Secretary of State Antony Blinken", "the Group of Seven", "Bank of America", "Republicans"):
        assert not counted_group(mention.split(), "en"), mention


def test_a_poll_share_gets_no_actor_but_a_senator_does():
    speakers = _speakers("In the poll, 29 percent of Republicans said that they would get the vaccine. "
                         "Senator Mitt Romney said that the bill is a good start.")
    assert "that they would get the vaccine" in speakers and pd.isna(speakers["that they would get the vaccine"])
    assert speakers["that the bill is a good start"] == "Mitt Romney"
