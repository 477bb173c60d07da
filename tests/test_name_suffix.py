"""A generation after a surname (Jr., Sr., II, III) belongs to the name, never stands for it."""
import pandas as pd

from analysis.quotes import extract_quotes
from analysis.speaker_mentions import mention_head
from analysis.speakers import _ArticleEntities


def test_the_suffix_after_a_comma_is_glued_to_the_name():
    ents = _ArticleEntities("", "en")
    assert mention_head("Robert F. Kennedy, Jr.", ents) == "Robert F. Kennedy Jr."
    assert mention_head("Martin Luther King, Sr.", ents) == "Martin Luther King Sr."
    assert mention_head("John Smith, a spokesman", ents) == "John Smith"  # an apposition still goes


def test_a_speaker_written_with_a_comma_before_jr_is_the_whole_name():
    arts = pd.DataFrame({"article_id": ["x"], "lang": ["en"], "title": [""],
                         "text": ["Secretary Robert F. Kennedy, Jr. said that the food supply must be safe."]})
    speakers = set(extract_quotes(arts, lang="en")["speaker"])
    assert "Jr." not in speakers and "Jr" not in speakers
    assert any(isinstance(s, str) and s.endswith("Kennedy Jr.") for s in speakers)
