"""Topic nouns carry no polarity alone; what is done to them decides (docs/sentiment.md, Topics)."""
import pandas as pd
import pytest

from analysis.sentiment import score_sentiment, score_text
from analysis.sentiment.steps import squash

CASES = [
    # (text, lang, sign of polarity, a modifier the topic hit must carry)
    ("Der Krieg in der Ukraine dauert an.", "de", 0, "topic-alone"),
    ("Wir alle wollen, dass dieser Krieg endet.", "de", 1, "topic-reverse:endet"),
    ("Russland will den Krieg beenden.", "de", 1, "topic:beenden"),
    ("Er gefährdet Frieden und Sicherheit.", "de", -1, "topic-harm:gefährdet"),
    ("Die EU verhängt neue Sanktionen gegen Russland.", "de", -1, "topic-confirm:verhängt"),
    ("Die EU hebt die Sanktionen auf.", "de", 1, "topic:hebt"),
    ("Es gibt keinen Frieden.", "de", -1, "topic:keinen"),
    ("Erstmals könnten die Sanktionen Russland treffen.", "de", 0, "topic-alone"),
    # harm reported as news: the report is not the speaker's evaluation
    ("Die Täter waren eine Gruppe bewaffneter Männer.", "de", 0, "topic-alone"),
    ("Der Unfall ereignete sich am Morgen auf der Autobahn.", "de", 0, "topic-alone"),
    ("Die Arbeitslosigkeit liegt bei fünf Prozent.", "de", 0, "topic-alone"),
    ("Die Inflation steigt weiter.", "de", -1, "topic-confirm:steigt"),
    ("Der Absturz ereignete sich kurz nach dem Start.", "de", 0, "topic-alone"),
    ("Nach der Niederlage trat der Trainer zurück.", "de", 0, "topic-alone"),
    ("This is a war that Russia started.", "en", 0, "topic-alone"),
    ("We all want that war to end.", "en", 1, "topic-reverse:end"),
    ("At the end of the war, the troops left.", "en", 0, "topic-alone"),
    ("The EU imposed sanctions on Iran.", "en", -1, "topic-confirm:imposed"),
    ("The EU lifted sanctions on Iran.", "en", 1, "topic:lifted"),
    ("Russia threatens peace in Europe.", "en", -1, "topic-harm:threatens"),
    ("Tensions at the border are rising.", "en", -1, "topic-confirm:rising"),
    ("320 people died in the flood.", "en", 0, "topic-alone"),
]


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


@pytest.mark.parametrize("text,lang,sign,modifier", CASES)
def test_topics_take_their_tone_from_what_is_done_to_them(text, lang, sign, modifier):
    r = score_text(text, lang, events=False)
    assert _sign(r["polarity"]) == sign, r["hits"]
    assert any(modifier in h["modifiers"] for h in r["hits"]), r["hits"]
    # every score stays explained by its entries: the squashed sum of the hits' values × weights
    assert r["polarity"] == pytest.approx(squash(sum(h["polarity"] * h["weight"] for h in r["hits"]), 1.0), abs=1e-4)


def test_names_with_topic_words_are_protected():
    r = score_text("Auf dem Platz des Himmlischen Friedens versammelten sich Studenten.", "de", events=False)
    assert r["polarity"] == 0 and not r["hits"]
    assert score_text("Die Rede wurde mit Spannung erwartet.", "de", events=False)["polarity"] == 0


def test_fast_and_explained_paths_agree_on_topics():
    texts = [t for t, *_ in CASES]
    langs = [lang for _, lang, *_ in CASES]
    units = pd.DataFrame({"text": texts, "lang": langs})
    fast = score_sentiment(units, hits=False, events=False)["polarity"]
    explained = score_sentiment(units, events=False)["polarity"]
    assert fast.tolist() == pytest.approx(explained.tolist(), abs=1e-6)


def test_one_weak_word_does_not_tone_a_sentence():
    weak = score_text("The economic zone is exclusive.", "en", events=False)   # exclusive: 0.12, one hit
    assert weak["n_hits"] == 1 and 0.05 < weak["polarity"] < 0.2 and weak["label"] == "neutral"
    two = score_text("The exclusive zone is determined.", "en", events=False)
    assert two["n_hits"] == 2 and two["label"] == "positive"
    units = pd.DataFrame({"text": ["The economic zone is exclusive."], "lang": ["en"]})
    assert score_sentiment(units, hits=False, events=False)["label"].item() == "neutral"


@pytest.mark.parametrize("text", ["The talks on the economic zone are exclusive.",   # talks: cooperation only
                                  "The war in the exclusive zone.",                  # war: topic alone
                                  "The exclusive talks on peace."])
def test_hits_without_polarity_are_no_evidence(text):
    one = score_text(text, "en", events=False)
    assert one["n_hits"] >= 2 and [h["term"] for h in one["hits"] if h["polarity"]] == ["exclusive"]
    assert one["label"] == "neutral"
    units = pd.DataFrame({"text": [text], "lang": ["en"]})
    assert score_sentiment(units, hits=False, events=False)["label"].item() == "neutral"   # the fast path too


def test_criticism_without_a_verb_of_criticising_is_disapprove():
    r = score_text("Eine unverantwortliche, menschenverachtende und skandalöse Politik.", "de")   # no copula: no verdict
    assert (r["relation"], r["event"], r["event_context"]) == ("conflict", "DISAPPROVE", "criticism")
    assert r["event_hits"][0]["modifiers"][0].startswith("tone:-")
    mild = score_text("Das ist eine fragwürdige Politik.", "de")
    assert mild["relation"] == "none"


@pytest.mark.parametrize("text,lang,event", [
    ("Russland zieht sich aus der Ukraine zurück.", "de", "RETREAT"),
    ("Israelisches Gebiet wurde von 40 Raketen getroffen.", "de", "FIGHT"),
    ("Die EU verkündet neue Sanktionen.", "de", "SANCTION"),
    ("The United States levied sanctions on Iran.", "en", "SANCTION"),
    ("Allies will discuss the path to membership.", "en", "CONSULT"),
    ("US troops will be leaving Syria.", "en", "RETREAT"),
])
def test_event_entries_from_the_dev_part(text, lang, event):
    assert score_text(text, lang)["event"] == event
