"""Quotations the German rules find (and the ones they must leave alone): Konjunktiv forms,
speech acts of the reported class, frames."""
import pandas as pd
import pytest

from analysis.quotes import extract_quotes


def quotes_of(text, lang="de"):
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": [lang], "text": [text]}))


def rows(text):
    return quotes_of(text)[["kind", "text", "speaker_mention"]].values.tolist()


# --- Konjunktiv I of verbs in -eln and -ern; first person before its verb -------------------

@pytest.mark.parametrize("text,content,mention", [
    ("Amato sagte, es handele sich um einen Racheakt.", "es handele sich um einen Racheakt", "Amato"),
    ("Der Minister erklärte, das verhindere neue Schulden.", "das verhindere neue Schulden", "Der Minister"),
])
def test_konjunktiv_of_verbs_in_eln_and_ern_marks_content(text, content, mention):
    assert rows(text) == [["indirect", content, mention]]


@pytest.mark.parametrize("text", [
    "Beim nächsten Mal werde ich mich auch selbst wählen.",       # "werde ich": first person, indicative
    "Deshalb fordere ich die Fraktionen jetzt auf.",              # "fordere ich" (fordern in -ern)
    "Das bedauere ich sehr.",
    "Dazu rufe ich uns alle auf.",
])
def test_a_verb_before_ich_is_no_konjunktiv(text):
    assert "free_indirect" not in set(quotes_of(text)["kind"])


@pytest.mark.parametrize("text,kind", [
    ("Die Reform komme im Mai.", "free_indirect"),                # Konjunktiv I alone stays reported words
    ("Die Lage sei ernst, sagte der Minister.", "indirect"),
])
def test_konjunktiv_without_ich_unchanged(text, kind):
    assert quotes_of(text)["kind"].tolist() == [kind]


# --- speech acts of the reported class: advice, complaints, appraisals ------------------------

@pytest.mark.parametrize("text,mention", [
    ("Analysten halten einen Silberpreis von 60 Dollar für wahrscheinlich.", "Analysten"),
    ("Die Schüler klagten über zu viel Stress und zu wenig Freizeit.", "Die Schüler"),
    ("Sie forderte die Gewerkschaft zu neuen Verhandlungen auf.", "Sie"),
    ("Der Präsidentenrat stufte das Gesetz als verfassungswidrig ein.", "Der Präsidentenrat"),
    ("Gleichzeitig empfahl der ehemalige Umweltminister Jürgen Trittin den Umstieg auf Erdgasautos.",
     "der ehemalige Umweltminister Jürgen Trittin"),
    ("Die Bundesregierung verweist auf die Bedeutung der Demokratie.", "Die Bundesregierung"),
    ("Der Bund der Steuerzahler rechnet mit Kosten von 50 Milliarden Euro.", "Der Bund der Steuerzahler"),
])
def test_new_reported_speech_acts(text, mention):
    assert rows(text) == [["reported", text, mention]]


def test_halten_fuer_frames_a_content_clause():
    assert rows("Die Weltgesundheitsorganisation hält es für unwahrscheinlich, dass man sich ansteckt.") == [
        ["indirect", "dass man sich ansteckt", "Die Weltgesundheitsorganisation"]]


@pytest.mark.parametrize("text", [
    "Der Patient klagte über Schmerzen in der Brust.",                  # a complaint of the body
    "Deutschland bestreitet sein zweites Gruppenspiel gegen Spanien.",  # to play a match
    "Shelby hält seit 2007 den Weltrekord für das schnellste Auto.",
    "Nürnberg führt die Tabelle mit 59 Punkten an.",
    "Sollte sich das Hochwasser auf hohem Niveau halten, könnte es Probleme geben.",  # halten without für
    "Die Polizei rechnete die Kosten zusammen.",                         # rechnen without mit
    "Der Bürgermeister hielt eine Rede, in der er die Helfer lobte.",
])
def test_no_speech_act_for_other_senses(text):
    assert quotes_of(text).empty


# --- ", so X," in the middle of the content --------------------------------------------------

@pytest.mark.parametrize("text,content,mention", [
    ("Sein Rivale McCain, so Obama, würde massiv Spenden erhalten.",
     "Sein Rivale McCain … würde massiv Spenden erhalten", "Obama"),
    ("Bis zum Juni, so die Ergebnisse eines Richters, der gegen ihn ermittelt, seien viele Menschen deportiert worden.",
     "Bis zum Juni … seien viele Menschen deportiert worden", "die Ergebnisse eines Richters, der gegen ihn ermittelt"),
])
def test_so_source_in_the_middle(text, content, mention):
    assert rows(text) == [["indirect", content, mention]]


@pytest.mark.parametrize("text,content,mention", [
    ("Es gab keine Schäden, so ein Sprecher der Polizei, Peter Müller.", "Es gab keine Schäden",
     "ein Sprecher der Polizei, Peter Müller"),
    ("Es gab keine Schäden, so ein Sprecher der Polizei am Montag.", "Es gab keine Schäden",
     "ein Sprecher der Polizei am Montag"),
])
def test_so_source_at_the_end_unchanged(text, content, mention):
    assert rows(text) == [["indirect", content, mention]]


# --- a subject with a relative clause --------------------------------------------------------

@pytest.mark.parametrize("text,kind,content,mention", [
    ("Der Politiker, der seit Jahren im Bundestag sitzt, sagte, die Lage sei ernst.", "indirect",
     "die Lage sei ernst", "Der Politiker, der seit Jahren im Bundestag sitzt"),
    ("Deiss, der zurückgetreten war, sagte, er wolle neuen Politikern Platz machen.", "indirect",
     "er wolle neuen Politikern Platz machen", "Deiss, der zurückgetreten war"),
    ("Der Minister, der gestern in Berlin war, kritisierte die Entscheidung scharf.", "reported",
     "Der Minister, der gestern in Berlin war, kritisierte die Entscheidung scharf.", "Der Minister, der gestern in Berlin war"),
])
def test_subject_with_a_relative_clause(text, kind, content, mention):
    assert rows(text) == [[kind, content, mention]]


def test_a_fronted_object_with_a_relative_clause_is_no_speaker():
    q = quotes_of("Die Zahl der Menschen, die getötet worden sein sollen, gab die Agentur Xinhua mit 10 an.")
    assert not q["speaker_mention"].fillna("").str.startswith("Die Zahl").any()


# --- the speaker of a colon frame after its verb ----------------------------------------------

@pytest.mark.parametrize("text,mention", [
    ("Hier sparte der Bundespräsident auch nicht mit Kritik: „Jeder sollte wissen, wie es weitergeht.“",
     "der Bundespräsident"),
    ("Den Unmut der CDU brachte die Sprecherin Annette Widmann-Mauz zum Ausdruck: „Es ist nicht hinnehmbar.“",
     "die Sprecherin Annette Widmann-Mauz"),
    ("Dabei griff sie den iranischen Präsidenten an: „Ein Präsident, der so redet, ist gefährlich.“", "sie"),
])
def test_colon_clause_subject_after_the_verb(text, mention):
    assert quotes_of(text)[["kind", "speaker_mention"]].values.tolist() == [["direct", mention]]


@pytest.mark.parametrize("text,mention", [
    ("Der Minister zeigte sich zufrieden: „Das ist ein guter Tag für alle.“", "Der Minister"),
    ("CDU-Innenexperte Wolfgang Bosbach: „Das ist ein Skandal, den wir nicht hinnehmen.“",
     "CDU-Innenexperte Wolfgang Bosbach"),
])
def test_colon_clause_subject_first_unchanged(text, mention):
    assert quotes_of(text)[["kind", "speaker_mention"]].values.tolist() == [["direct", mention]]


def test_colon_clause_without_a_name_names_no_speaker():
    q = quotes_of("Die Lage ist klar: „Wir müssen jetzt handeln, und zwar schnell.“")
    assert q["speaker_mention"].isna().all()


@pytest.mark.parametrize("text, speaker", [
    # a reportative sentence with no quotation before reports the institution just named as subject
    ("Die Staatsanwaltschaft Nürnberg-Fürth hat Anklage gegen einen Mann erhoben. Außerdem soll er drei Söhne "
     "gezeugt haben.", "Staatsanwaltschaft Nürnberg-Fürth"),
    ("Einen neuen Strang des Virus haben New Yorker Gesundheitsbehörden bei einem Mann entdeckt. Er soll "
     "resistent gegen Medikamente gewesen sein.", "New Yorker Gesundheitsbehörden"),
    # unchanged: a person as subject, a passive, a party in brackets after a person
    ("Seit März sitzt der Rentner in Untersuchungshaft. Er soll drei Söhne gezeugt haben.", None),
    ("Der Organisation werden enge Verbindungen nachgesagt. Dulmatin soll in Lagern ausgebildet worden sein.", None),
])
def test_a_reportative_sentence_reports_the_institution_named_before(text, speaker):
    quotes = extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))
    row = quotes[quotes["rule"] == "reportative"].iloc[-1]
    assert (row["speaker"] if isinstance(row["speaker"], str) else None) == speaker


def test_a_source_without_a_holder_takes_no_party_in_brackets_before():
    # "Idee" is a source noun: "Nach der Idee" frames the sentence, and names no holder (not the CDU)
    text = "Innenminister Hans Weber (CDU) nimmt den Streit zum Anlass. Nach der Idee soll die Mehrheit entschieden haben."
    quotes = extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))
    row = quotes.iloc[-1]
    assert row["speaker_mention"] == "der Idee" and not isinstance(row["speaker"], str)
