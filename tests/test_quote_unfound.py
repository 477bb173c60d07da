"""German quotations the rules once did not find at all, each with the near misses that must stay
as they were: a pointer with content of its own, a quantifier before the subject of a speech
act, an adverb after the source of so, a lower-case compound after so, a verb of naming that
points back to nothing."""
import pandas as pd
import pytest

from analysis.quotes import extract_quotes


def quotes_of(text):
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))


# --- "So erklärte X, dass …": a frame with content of its own points back to nothing ------

@pytest.mark.parametrize("text, content, speaker", [
    ("Die Opposition war empört. So erklärte FDP-Finanzexperte Jürgen Koppelin, dass die Schulden "
     "nur wegen der Steuer sänken.", "dass die Schulden nur wegen der Steuer sänken", "Jürgen Koppelin"),
    ("Viele Menschen sind eingeschlossen. So berichtete Gary Moore im Fernsehen, er warte auf Rettung.",
     "er warte auf Rettung", "Gary Moore"),
    ("Die Lage ist ernst. Das sagte der Minister: Man müsse jetzt handeln.", "Man müsse jetzt handeln",
     "Minister"),
])
def test_a_pointer_with_content_of_its_own_frames_that_content(text, content, speaker):
    q = quotes_of(text)
    assert "points_back" not in set(q["rule"])
    assert q["text"].tolist() == [content]
    assert q["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [
    "Die Firma ist gesund. Das teilte das Ministerium mit.",
    "Die Firma ist gesund. Das sagte der Minister, nachdem er die Bilanz gesehen hatte.",
    "Die Firma ist gesund. So sagte es der Minister, der Sprecher der Regierung.",
])
def test_a_pointer_without_content_frames_the_sentence_before(text):
    q = quotes_of(text)
    assert q["rule"].tolist() == ["points_back"]
    assert q["text"].tolist() == ["Die Firma ist gesund."]


# --- quantifiers before the subject of a speech act: "Andere Medien berichten von …" ------

@pytest.mark.parametrize("text, speaker", [
    ("Andere Medien berichten von 13 Passagieren und zwei Besatzungsmitgliedern.", "Medien"),
    ("Weitere Abgeordnete kritisierten den Entwurf scharf.", "Abgeordnete"),
])
def test_a_quantifier_opens_the_subject_of_a_speech_act(text, speaker):
    q = quotes_of(text)
    assert q[["rule", "speaker"]].values.tolist() == [["speech_act", speaker]]


@pytest.mark.parametrize("text", [
    "Weitere Aktionen sind angekündigt.",           # a passive without its agent names no speaker
    "Andere Züge fahren von Berlin nach Hamburg.",  # no speech act
    "Zahlreiche Menschen wurden verletzt.",
])
def test_a_quantifier_makes_no_speech_act_of_its_own(text):
    assert quotes_of(text).empty


# --- ", so X weiter": the adverb after the source is no part of it -------------------------

@pytest.mark.parametrize("text, mention", [
    ("Auch diese Uninformiertheit habe Methode, so Elshorst weiter.", "Elshorst"),
    ("Die Lage sei ernst, so der Sprecher zudem.", "der Sprecher"),
    # unchanged: an apposition after the source stays
    ("Die Lage sei ernst, so der Sprecher der Polizei, Hans Müller.", "der Sprecher der Polizei, Hans Müller"),
])
def test_an_adverb_after_the_source_of_so_is_left_out(text, mention):
    q = quotes_of(text)
    assert q[["rule", "speaker_mention"]].values.tolist() == [["so_source", mention]]


# --- ", so verdi-Verhandlungsführer X": a compound with a lower-case first part ------------

@pytest.mark.parametrize("text, speaker", [
    ("Während der Feiertage sollen die Streiks ausgesetzt werden, so verdi-Verhandlungsführer Frank Bäsler.",
     "Frank Bäsler"),
    ("Die Lage sei ernst, so dpa-Korrespondent Peter Müller.", "Peter Müller"),
])
def test_so_before_a_compound_with_a_capitalised_head_names_the_source(text, speaker):
    q = quotes_of(text)
    assert q[["rule", "speaker"]].values.tolist() == [["so_source", speaker]]


@pytest.mark.parametrize("text", [
    "Die Lage war ernst, so ernst wie nie.",          # so before a lower-case word
    "Die Preise stiegen, so dass viele verzichteten.",
    "Die Geräte sind klein, so e-mail-fähig wie nie.",  # a lower-case compound without a capitalised head
])
def test_so_before_a_lower_case_word_names_no_source(text):
    assert "so_source" not in set(quotes_of(text)["rule"])


# --- a verb that only names an act points back to no earlier words --------------------------

@pytest.mark.parametrize("text, rules", [
    ("Die Lage ist ernst. So bezeichnete er es als eine Möglichkeit, neue Wege zu gehen.", []),
    ("Der Streit ist beigelegt. Das nannte der Minister einen Erfolg.", ["speech_act"]),
])
def test_a_verb_of_naming_makes_no_pointer(text, rules):
    q = quotes_of(text)
    assert q["rule"].tolist() == rules
    assert not q["text"].str.startswith(("Die Lage", "Der Streit")).any()


@pytest.mark.parametrize("text", [
    "Die Firma ist gesund. Das bestätigte der Minister.",
    "Die Firma ist gesund. So berichtete es die Zeitung.",
])
def test_a_verb_of_speech_still_points_back(text):
    q = quotes_of(text)
    assert q[["rule", "text"]].values.tolist() == [["points_back", "Die Firma ist gesund."]]
