"""Quotations after a source frame (laut, nach Angaben, zufolge) and cues of speech that the
German rules read: each construction with a sentence of its own."""
import pandas as pd

from analysis.quotes import extract_quotes


def quotes_of(text):
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))


def rows(text, cols=("kind", "text", "cue", "speaker_mention")):
    return quotes_of(text)[list(cols)].values.tolist()


# --- a source frame whose whole content is quoted: one direct quotation, not two ---------------

def test_quoted_content_after_laut_is_one_direct_quotation():
    text = "Laut Innenministerin Anna Berg „ist die Lage unter Kontrolle“."
    assert rows(text) == [["direct", "„ist die Lage unter Kontrolle“", "Laut", "Innenministerin Anna Berg"]]


def test_quoted_content_after_zufolge_keeps_its_source_as_speaker():
    q = quotes_of("Die Sitzung endete spät. Der Mitteilung zufolge „bleibt das Werk geschlossen“.")
    assert q[["kind", "text", "cue", "speaker_mention"]].values.tolist() == [
        ["direct", "„bleibt das Werk geschlossen“", "zufolge", "Der Mitteilung"]]
    assert not isinstance(q["speaker"].iloc[0], str)  # a source without a holder: no actor, never the quoted words


def test_quoted_part_of_a_longer_content_stays_mixed_with_its_direct_part():
    text = "Nach Angaben der Stadt sei der Platz „vorerst gesperrt“."
    assert rows(text, ("kind", "text")) == [["mixed", "sei der Platz „vorerst gesperrt“"], ["direct", "„vorerst gesperrt“"]]
