"""The source after ``laut`` and ``nach`` (a demonstrative, a web address, more source nouns), and
the frame of a direct quotation with a ``wie`` clause."""
import pandas as pd
import pytest

from analysis.quotes import extract_quotes


def _quotes(text: str) -> pd.DataFrame:
    return extract_quotes(pd.DataFrame({"article_id": ["x"], "lang": ["de"], "text": [text]}))


@pytest.mark.parametrize("text,mention,speaker,content", [
    ("Laut wetterblog.de fiel am Montag in Kassel der erste Schnee.", "wetterblog.de", "wetterblog.de",
     "fiel am Montag in Kassel der erste Schnee"),
    ("Laut „radio-nord.de“ wurden zwei Brücken gesperrt.", "„radio-nord.de“", None,
     "wurden zwei Brücken gesperrt"),
    ("Laut dieser Umfrage wollen viele Pendler auf das Fahrrad umsteigen.", "dieser Umfrage", None,
     "wollen viele Pendler auf das Fahrrad umsteigen"),
])
def test_source_forms(text, mention, speaker, content):
    q = _quotes(text)
    assert len(q) == 1
    row = q.iloc[0]
    assert row["speaker_mention"] == mention
    assert row["text"] == content
    if speaker:
        assert row["speaker"] == speaker


@pytest.mark.parametrize("text,mention", [
    ("Laut Polizei wurden drei Menschen verletzt.", "Polizei"),
    ("Laut Artikel 12 des Vertrags entscheidet der Rat allein.", "Artikel 12 des Vertrags"),
    ("Nach Angaben der Behörde ist die Lage ruhig.", "Angaben der Behörde"),
])
def test_unchanged_sources(text, mention):
    assert _quotes(text)["speaker_mention"].tolist() == [mention]


def test_lower_case_words_with_a_dot_are_no_source():
    assert _quotes("Er fuhr laut und schnell. de facto war nichts passiert.").empty


@pytest.mark.parametrize("text,mention", [
    # a wie clause before a colon gives way to the main frame; after a quotation it names the speaker
    ("Wie das Magazin berichtete, sagte der Trainer: „Wir geben nicht auf.“", "der Trainer"),
    ("Wie der Sender meldete, soll Brandt dem Richter gesagt haben: „Ich war es nicht.“", "Brandt"),
    ("„Wir geben nicht auf“, wie der Trainer sagte.", "der Trainer"),
    ("„Wir geben nicht auf“, wie Brandt betonte.", "Brandt"),
    # unchanged
    ("Der Trainer sagte: „Wir geben nicht auf.“", "Der Trainer"),
    ("„Wir geben nicht auf“, sagte der Trainer.", "der Trainer"),
    ("Wie der Sender meldete: „Die Straße bleibt gesperrt.“", None),
])
def test_the_frame_of_a_direct_quotation_with_a_wie_clause(text, mention):
    q = _quotes(text)
    assert q["kind"].tolist() == ["direct"]
    got = q["speaker_mention"].iloc[0]
    assert got == mention or (mention is None and not isinstance(got, str))


@pytest.mark.parametrize("text,mention,speaker", [
    ("Nach diesen Erkenntnissen war der Fahrer zu schnell unterwegs.", "diesen Erkenntnissen", None),
    ("Nach einem Polizeidokument sollen die Täter geflohen sein.", "einem Polizeidokument", "Polizei"),
    ("Nach dem vorläufigen Endergebnis der Wahlbehörde liegt die Partei vorn.",
     "dem vorläufigen Endergebnis der Wahlbehörde", "Wahlbehörde"),
    ("Nach bisherigem Erkenntnisstand war ein Kabelbrand die Ursache.", "bisherigem Erkenntnisstand", None),
])
def test_more_source_nouns_after_nach(text, mention, speaker):
    q = _quotes(text)
    assert q["speaker_mention"].tolist() == [mention]
    got = q["speaker"].iloc[0]
    assert got == speaker or (speaker is None and not isinstance(got, str))


@pytest.mark.parametrize("text", [
    "Nach dem Spiel fuhren die Fans nach Hause.",
    "Nach diesem Sieg feierte die Mannschaft bis in die Nacht.",
])
def test_nach_before_no_source_noun_is_no_attribution(text):
    assert _quotes(text).empty


@pytest.mark.parametrize("text,mention", [
    ("Der Minister lobte dem „Tagblatt“ zufolge die Pläne der Stadt.", "dem „Tagblatt“"),
    ("Einer Mitteilung des Bundes der Steuerzahler (BdSt) zufolge stiegen die Kosten.",
     "Einer Mitteilung des Bundes der Steuerzahler (BdSt)"),
    ("Der Website sportnews.de zufolge ist der Trainer entlassen.", "Der Website sportnews.de"),
    # unchanged
    ("Den Berichten zufolge gab es keine Toten.", "Den Berichten"),
    ("Angaben der Polizei zufolge wurde niemand verletzt.", "Angaben der Polizei"),
])
def test_the_source_before_zufolge(text, mention):
    assert _quotes(text)["speaker_mention"].tolist() == [mention]


@pytest.mark.parametrize("text,quoted", [
    ("Der Bericht erschien am Dienstag. Danach sind die Mieten um zehn Prozent gestiegen.",
     "sind die Mieten um zehn Prozent gestiegen"),
    # unchanged: Danach after a sentence without a source is the time word
    ("Das Spiel endete am Abend. Danach fuhren die Fans nach Hause.", None),
    ("Der Bericht erschien am Dienstag, und die Mieten stiegen danach weiter.", None),
])
def test_danach_after_a_sentence_that_names_a_source(text, quoted):
    q = _quotes(text)
    assert q["text"].tolist() == ([quoted] if quoted else [])
