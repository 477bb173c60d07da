"""The holder of an opinion a sentence opens with (Für den Theologen … sei …) speaks for it."""
import pandas as pd
import pytest

from analysis.speaker_opinions import opinion_holder
from analysis.speakers import _ArticleEntities as ArticleEntities

BEFORE = "Der Abgeordnete Volker Beck sagte, das sei eine verpasste Chance. "


def quotes_of(text):
    from analysis.quotes import extract_quotes
    return extract_quotes(pd.DataFrame({"article_id": ["x"], "lang": ["de"], "text": [text]}))


@pytest.mark.parametrize("sentence, speaker", [
    ("Für den Theologen Hans Küng sei der Rücktritt „aus vielen Gründen verständlich“.", "Hans Küng"),
    ("Für den Bischof sei der Rücktritt aus vielen Gründen verständlich.", "Bischof"),  # a role noun
    ("Für die Opfer sei der Rücktritt aus vielen Gründen verständlich.", "Volker Beck"),  # no holder: inherited
    ("Für den Bischof ist der Rücktritt aus vielen Gründen verständlich, sagte Beck.", "Volker Beck"),  # its own frame
])
def test_a_sentence_opened_by_the_holder_of_an_opinion_is_his(sentence, speaker):
    found = quotes_of(BEFORE + sentence).sort_values("quote_id")
    assert found["speaker"].iloc[0] == "Volker Beck"
    assert found["speaker"].iloc[1] == speaker


def test_no_opinion_holder_without_konjunktiv():
    text = BEFORE + "Für den Bischof war der Tag lang."
    assert opinion_holder(ArticleEntities(text, "de"), text.index("der Tag")) is None
