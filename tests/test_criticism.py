"""Criticism without evaluative words: rhetorical questions, irony markers, concessive dismissal, demands,
negations aimed at the addressee."""
import pandas as pd
import pytest

from analysis.sentiment import score_sentiment, score_text


def _terms(r):
    return [h["term"] for h in r["hits"]]


@pytest.mark.parametrize("text,lang", [
    ("Ist das etwa gerecht?", "de"),                       # particle in a yes/no question, positive word reversed
    ("Wer will das schon?", "de"),                         # particle in a w-question, no evaluative word
    ("Was soll das?", "de"),                               # the fixed formula
    ("Glauben Sie ernsthaft, dass diese Reform hilft?", "de"),
    ("How can anyone trust this government?", "en"),
    ("Do you seriously believe this deal is fair?", "en"),
])
def test_rhetorical_questions_are_criticism(text, lang):
    r = score_text(text, lang, events=False)
    assert r["label"] == "negative" and r["polarity"] < -0.4


@pytest.mark.parametrize("text,lang", [
    ("Was ist schon gesagt worden.", "de"),                # no question
    ("Wer kommt morgen zu den Gesprächen?", "de"),         # a question without a particle
    ("Hat schon jemand gefragt?", "de"),                   # "schon" asks for an opener
    ("How are you?", "en"),
    ("Can anyone attend the meeting?", "en"),              # "anyone" asks for a wh-word
])
def test_genuine_questions_stay_neutral(text, lang):
    r = score_text(text, lang, events=False)
    assert "(rhetorical question)" not in _terms(r)


@pytest.mark.parametrize("text", [
    "Was ist Ihr Demokratieverständnis, dass Sie glauben, Abgeordnete müssten immer führen?",
    "Erklären Sie mir doch mal: Wozu sollen wir dafür Geld ausgeben?",
    "Warum legen Sie keinen eigenen Entwurf vor?",
])
def test_w_questions_put_to_the_audience_are_criticism(text):
    r = score_text(text, "de")
    assert "(rhetorical question)" in _terms(r) and r["label"] == "negative"
    assert r["event"] == "DISAPPROVE"


@pytest.mark.parametrize("text", [
    "Können Sie mir sagen, wann die Sitzung beginnt?",       # no w-word opens the question
    "Sie kamen nicht. Wer hat sie gerufen?",                 # a capital at the sentence start; "sie" is "they"
    "Was haben sie in Moskau vereinbart?",
    "Ich danke Ihnen für Ihre Aufmerksamkeit.",              # no question
])
def test_questions_without_formal_address_or_w_word_stay(text):
    assert "(rhetorical question)" not in _terms(score_text(text, "de"))


def test_rhetorical_question_reverses_its_positive_words_only():
    r = score_text("Ist das etwa gerecht? Die Lösung ist gut.", "de", events=False)
    by = {h["term"]: h for h in r["hits"]}
    assert by["gerecht"]["modifiers"] == ["rhetorical-question"] and by["gut"]["weight"] == 1.0


@pytest.mark.parametrize("text,lang,term", [
    ("Die sogenannte „Friedensmission“ ist eine Besatzung.", "de", "(irony)"),
    ("Der vermeintliche Erfolg der Regierung.", "de", "(irony)"),
    ("The so-called peace plan is a surrender.", "en", "(irony)"),
    ("The self-proclaimed president spoke.", "en", "(irony)"),
])
def test_irony_markers_reject_the_term_that_follows(text, lang, term):
    r = score_text(text, lang, events=False)
    assert r["label"] == "negative" and term in _terms(r)
    assert all(h["polarity"] * h["weight"] <= 0 for h in r["hits"])   # "Erfolg" reversed, not counted for


def test_irony_adverb_reporting_a_claim_is_no_marker():
    r = score_text("Er soll angeblich in Moskau gewesen sein.", "de", events=False)
    assert "(irony)" not in _terms(r)


def test_concession_dismissed_by_a_toneless_but_is_criticism():
    r = score_text("Die Regierung hat zwar einen Plan vorgelegt, aber er kommt erst im nächsten Jahr.", "de", events=False)
    assert r["label"] == "negative" and "(dismissal)" in _terms(r)
    late = score_text("Die Regierung hat zwar einen Plan vorgelegt, aber er kommt zu spät.", "de", events=False)
    assert late["label"] == "negative" and _terms(late) == ["zu spät"]  # a toned part after aber: no dismissal
    en = score_text("Admittedly, the talks were long, but nothing came of them.", "en", events=False)
    assert en["label"] == "negative"


def test_a_negative_concession_dismissed_is_positive():
    r = score_text("Das ist zwar schwierig, aber machbar.", "de", events=False)
    assert r["polarity"] > 0


def test_a_but_with_its_own_tone_needs_no_dismissal():
    r = score_text("Die Gespräche waren zwar lang, aber sehr erfolgreich.", "de", events=False)
    assert "(dismissal)" not in _terms(r) and r["label"] == "positive"


@pytest.mark.parametrize("text,lang", [
    ("Russland muss die Angriffe endlich einstellen.", "de"),
    ("Die Regierung soll sofort zurücktreten.", "de"),
    ("Russia must stop the attacks.", "en"),
    ("The regime must immediately release the prisoners.", "en"),
])
def test_demands_addressed_to_an_opponent_are_criticism(text, lang):
    r = score_text(text, lang, events=False)
    assert r["label"] == "negative" and "(demand)" in _terms(r)


def test_urgency_without_an_obligation_is_no_demand():
    assert "(demand)" not in _terms(score_text("Die Delegation reiste sofort ab.", "de", events=False))
    stop = score_text("The ceasefire will stop the attacks.", "en", events=False)
    assert "(demand)" not in _terms(stop) and stop["polarity"] > 0    # stopping attacks: a good outcome


@pytest.mark.parametrize("text", [
    "Dazu sind Sie offenbar nicht in der Lage.",                      # what the addressee cannot do
    "Verkaufen Sie die Leute nicht für dumm!",                        # a negated command to the addressee
    "Das Land braucht keine Ihrer Ausreden.",                         # a negator before the addressee's thing
    "Die wichtigen Punkte, die Sie nie erwähnen, fehlen im Entwurf.",
])
def test_a_negation_aimed_at_the_addressee_is_criticism(text):
    r = score_text(text, "de")
    # one hit of -0.5: squashed -0.5 / sqrt(1.25) = -0.447, beyond the German band of 0.4
    assert "(addressed negation)" in _terms(r) and r["label"] == "negative"
    assert (r["relation"], r["event"], r["event_context"]) == ("conflict", "DISAPPROVE", "criticism")


@pytest.mark.parametrize("text", [
    "Sie kamen am Abend nicht mehr zurück.",                          # a capital at the sentence start: any "sie"
    "Die Minister sagten, sie kämen nicht.",                          # lower case: not the addressee
    "Haben Sie das nicht gelesen?",                                   # a question (rhetorical only with a w-word)
    "Ich danke Ihnen für die Zusammenarbeit in diesem Jahr.",         # address without a negator
    "Damit haben Sie nicht nur Recht, Sie haben auch Erfolg.",       # "nicht nur" is no negation
])
def test_address_without_a_negation_aimed_at_it_is_no_criticism(text):
    assert "(addressed negation)" not in _terms(score_text(text, "de"))


def test_fast_and_explained_paths_agree():
    texts = ["Ist das etwa gerecht?", "Wer will das schon?", "Die sogenannte Reform.", "Sie hat zwar Pläne, aber keine Zeit.",
             "Russland muss endlich abziehen.", "Dazu sind Sie nicht in der Lage.", "Das Land braucht keine Ihrer Ausreden.",
             "How can anyone trust them?", "Russia must stop the attacks."]
    units = pd.DataFrame({"text": texts, "lang": ["de"] * 7 + ["en"] * 2})
    fast = score_sentiment(units, hits=False, events=False)
    explained = score_sentiment(units, events=False)
    assert fast["polarity"].tolist() == pytest.approx(explained["polarity"].tolist(), abs=1e-6)
    assert fast["label"].tolist() == explained["label"].tolist()


@pytest.mark.parametrize("text,lang,event", [
    ("Russland muss endlich abziehen.", "de", "DEMAND"),
    ("Wer will das schon?", "de", "DISAPPROVE"),
    ("Die sogenannte Friedensmission ist eine Besatzung.", "de", "DISAPPROVE"),
    ("How can anyone trust this regime?", "en", "DISAPPROVE"),
])
def test_criticism_by_its_form_is_a_verbal_conflict_event(text, lang, event):
    r = score_text(text, lang)
    assert (r["relation"], r["event"], r["event_context"]) == ("conflict", event, "criticism")
    assert r["event_hits"][0]["modifiers"][0].startswith("cue:")


def test_a_demand_on_an_opponent_is_a_relations_row_to_it():
    from analysis.relations import extract_relations

    s = pd.DataFrame({"article_id": ["a"], "text": ["Russland muss seine Truppen endlich aus der Ukraine zurückholen."], "lang": ["de"]})
    row = extract_relations(s).iloc[0]
    assert (row["event"], row["target"], row["target_rule"]) == ("DEMAND", "Russland", "criticised")


def test_bad_input_of_cue_words_stays_bounded():
    long = " ".join(["Wer will das schon? Russland muss endlich abziehen, zwar gut, aber"] * 250)   # 2,750 words
    r = score_text(long, "de")
    assert r["flag"] == "long_unit" and -1 <= r["polarity"] <= 0
    for text in ["etwa etwa etwa", "?", "zwar aber", "muss muss endlich", "so-called", "nicht nicht etwa gerecht?"]:
        r = score_text(text, "de" if text[0] != "s" else "en")
        assert -1 <= r["polarity"] <= 1 and r["flag"] == ""
