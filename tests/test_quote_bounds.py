"""Where a German quotation ends and where two quotations part: free indirect speech whose
Konjunktiv stands only in a relative or adverbial clause reports that clause, not the sentence
around it; a second frame after a comma and adverbs; the reportative soll and Konjunktiv as two
quotations; a second speaker in a main clause after a comma. Each with the near misses that must
stay as they were."""
import pandas as pd
import pytest

from analysis.quotes import extract_quotes
from analysis.quotes.lexicon import lexicon
from analysis.quotes.passes import adjunct_clause


def quotes_of(text):
    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))


# --- Konjunktiv only at the end of an adjunct clause: the clause is the quotation ----------

@pytest.mark.parametrize("text, clause", [
    ("„Er ist schuldig“, sagte der Richter. Für ihn gilt die höchste Sicherheitsstufe, weil er sich "
     "von seinen Komplizen bedroht fühle.", "weil er sich von seinen Komplizen bedroht fühle"),
    ("Die Lage sei ernst, sagte der Kommissar. Neben dem Gleichheitsgrundsatz, den der Gerichtshof "
     "immer wieder betone, gelten eigene Vorschriften.", "den der Gerichtshof immer wieder betone"),
])
def test_konjunktiv_in_an_adjunct_clause_reports_that_clause(text, clause):
    q = quotes_of(text)
    free = q[q["kind"] == "free_indirect"]
    assert free["text"].tolist() == [clause]


@pytest.mark.parametrize("text, sentence", [
    # the Konjunktiv in the main clause: the whole sentence
    ("Die Lage sei ernst, sagte der Minister. Die Reform komme, weil das Geld fehle.",
     "Die Reform komme, weil das Geld fehle."),
    # a dass-clause is the content of its main clause, no adjunct
    ("Die Lage sei ernst, sagte der Minister. Klar ist, dass die Reform komme.",
     "Klar ist, dass die Reform komme."),
    # a fronted adverbial clause before a main clause in Konjunktiv
    ("Die Lage sei ernst, sagte der Minister. Da das Geld fehle, müsse man sparen.",
     "Da das Geld fehle, müsse man sparen."),
])
def test_konjunktiv_outside_an_adjunct_clause_keeps_the_sentence(text, sentence):
    q = quotes_of(text)
    assert sentence in q["text"].tolist()


def test_a_clause_quotation_is_not_continued_by_the_next_sentence():
    q = quotes_of("„Er ist schuldig“, sagte der Richter. Für ihn gilt die höchste Sicherheitsstufe, "
                  "weil er sich bedroht fühle. Er habe Angst.")
    assert q.loc[q["kind"] == "free_indirect", "text"].tolist() == ["weil er sich bedroht fühle", "Er habe Angst."]


def test_adjunct_clause_needs_the_verb_last():
    lex = lexicon("de")
    lowers = ["es", "heißt", ",", "die", "regierung", "habe", "gelogen", "."]
    moods = [None, None, None, None, None, "I", None, None]
    assert adjunct_clause(lex, moods, lowers) is None  # "die Regierung habe gelogen": verb second
    lowers = ["es", "gilt", ",", "weil", "er", "fühle", "."]
    moods = [None, None, None, None, None, "I", None]
    assert adjunct_clause(lex, moods, lowers) == (3, 6)


# --- a second speech frame after a comma and an adverb: two quotations --------------------

@pytest.mark.parametrize("text, first, second", [
    ("Der Autor hat eingeräumt, er habe nicht exakt gearbeitet, jedoch stets beteuert, nicht "
     "absichtlich abgeschrieben zu haben.", "er habe nicht exakt gearbeitet",
     "nicht absichtlich abgeschrieben zu haben"),
    ("Der Moderator hatte erklärt, er habe Angst in Flugzeugen, gleichzeitig aber darauf hingewiesen, "
     "er unterscheide zwischen Gläubigen und Extremisten.", "er habe Angst in Flugzeugen",
     "er unterscheide zwischen Gläubigen und Extremisten"),
])
def test_a_comma_and_an_adverb_before_a_second_cue_part_two_quotations(text, first, second):
    q = quotes_of(text)
    assert q["text"].tolist() == [first, second]
    assert q["speaker"].nunique() == 1


@pytest.mark.parametrize("text", [
    # no cue after the adverb: the content goes on
    "Der Autor hat eingeräumt, er habe nicht exakt gearbeitet, jedoch stets pünktlich abgegeben.",
    # the second frame in Konjunktiv belongs to the content
    "Der Autor hat eingeräumt, er habe nicht exakt gearbeitet, jedoch habe er stets betont, es sei ihm ernst.",
])
def test_a_comma_and_an_adverb_without_a_frame_of_its_own_stay_one_quotation(text):
    assert len(quotes_of(text)) == 1


# --- the reportative soll and Konjunktiv: two quotations, not one run ----------------------

@pytest.mark.parametrize("text, parts", [
    ("Die Demonstranten sollen Bilder mit sich geführt haben. Dabei seien Geschäfte angegriffen worden.",
     ["Die Demonstranten sollen Bilder mit sich geführt haben.", "Dabei seien Geschäfte angegriffen worden."]),
    ("Die Lage sei ernst, sagte der Sprecher. Viele hätten angestanden. Es soll sich um keinen Anschlag gehandelt haben.",
     ["Die Lage sei ernst", "Viele hätten angestanden.", "Es soll sich um keinen Anschlag gehandelt haben."]),
])
def test_reportative_and_konjunktiv_sentences_part(text, parts):
    assert quotes_of(text)["text"].tolist() == parts


@pytest.mark.parametrize("text, parts", [
    ("Die Lage sei ernst, sagte der Sprecher. Viele hätten angestanden. Es sei kein Anschlag gewesen.",
     ["Die Lage sei ernst", "Viele hätten angestanden. Es sei kein Anschlag gewesen."]),
    ("Der Minister soll das Geld genommen haben. Er soll es versteckt haben.",
     ["Der Minister soll das Geld genommen haben. Er soll es versteckt haben."]),
])
def test_sentences_of_one_mood_still_run_on(text, parts):
    assert quotes_of(text)["text"].tolist() == parts


# --- a main clause with a speaker of its own after a comma: a second quotation -------------

@pytest.mark.parametrize("text, first, second, speaker", [
    ("Laut Veranstaltern kamen 7.000 Menschen, die Polizei spricht von 4.000 Teilnehmern.",
     "kamen 7.000 Menschen", "die Polizei spricht von 4.000 Teilnehmern.", "Polizei"),
    ("Der Präsident sagte, Annabi sei tot, doch der Sprecher erklärte, den Tod nicht bestätigen zu können.",
     "Annabi sei tot", "den Tod nicht bestätigen zu können", "Sprecher"),
])
def test_a_second_speaker_after_a_comma_parts_the_sentence(text, first, second, speaker):
    q = quotes_of(text)
    assert q["text"].tolist() == [first, second]
    assert q["speaker"].tolist()[1] == speaker


@pytest.mark.parametrize("text", [
    # Konjunktiv: the clause is still the first speaker's content
    "Der Minister sagte, die Lage sei ernst, die Opposition fordere Neuwahlen.",
    # a relative clause, no main clause
    "Die Firma wies die Vorwürfe zurück, die ihr gemacht wurden.",
    # a participle at the clause's end is no finite verb after its subject
    "Nach Angaben der Agentur hat Klien am Montag, dem 20. Februar, die Anzeige zurückgewiesen.",
])
def test_no_second_speaker_without_an_indicative_main_clause(text):
    assert len(quotes_of(text)) == 1
