"""Each quotation rule does what its docstring example says, and every quotation names a rule
of its language's table."""
import pandas as pd
import pytest

from analysis.quotes import explain_quote, extract_quotes, quote_rules
from analysis.quotes.rules import _rows, rule_examples

EXAMPLES = [(lang, function.__name__, example)
            for lang in ("de", "en") for _, function in _rows(lang)
            for example in rule_examples(function) if example["lang"] == lang]


def test_every_rule_has_an_example():
    for lang in ("de", "en"):
        table = quote_rules(lang)
        named = {name for lg, name, _ in EXAMPLES if lg == lang}
        assert set(table["rule"]) == named
        assert table["description"].str.len().gt(20).all()


@pytest.mark.parametrize("lang,rule,example", EXAMPLES, ids=[f"{lg}-{r}-{n}" for n, (lg, r, _) in enumerate(EXAMPLES)])
def test_rule_example(lang, rule, example):
    art = pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [example["sentence"]]})
    if "record" in example:  # the record's own speaker, as a loader gives it
        art["meta.speaker"] = example["record"]
    quotes = extract_quotes(art)
    hit = quotes[quotes["rule"] == rule]
    assert len(hit) == 1, quotes[["rule", "kind", "text"]].values.tolist()
    row = hit.iloc[0]
    for field, column in (("kind", "kind"), ("text", "text"), ("cue", "cue"), ("speaker", "speaker_mention")):
        if field in example:
            assert row[column] == example[field], (field, row[column])


def test_rules_in_the_quotes_table_are_in_the_rule_table(sample_articles):
    quotes = extract_quotes(sample_articles)
    assert quotes["rule"].notna().all() and len(quotes) > 10
    assert set(quotes["rule"]) <= set(quote_rules("de")["rule"])


def test_explain_quote_marks_the_parts():
    text = "Vorher. „Wir sind bereit“, sagte Kim gegenüber der Zeitung. Danach."
    art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]})
    row = extract_quotes(art).iloc[0]
    shown = explain_quote(row, art)
    lines = str(shown).splitlines()
    assert lines[0] == "[quote: „Wir sind bereit“], [cue: sagte] [speaker: Kim] gegenüber [addressee: der Zeitung]."
    assert lines[1].startswith("rule quotation_marks: ")
    assert "confidence 0.90" in lines[2] and "speaker Kim (explicit)" in lines[2]
    assert lines[3] == "frame: sagte Kim gegenüber der Zeitung"
    page = shown._repr_html_()
    assert "text-decoration: underline" in page and "&lt;" not in text and "Vorher" not in page


@pytest.mark.parametrize("quote,articles,message", [
    ("not a row", None, "one row"),
    ({"article_id": "zz", "spans": [[0, 3]]}, "articles", "not in the articles table"),
    ({"article_id": "a", "spans": [[0, 999]]}, "articles", "outside"),
    ({"article_id": "a", "spans": []}, "articles", "no quotation spans"),
    ({"article_id": "a", "spans": [["x", 2]]}, "articles", r"not a \[start, end\] pair"),
])
def test_explain_quote_rejects_bad_input(quote, articles, message):
    from analysis.errors import InputError

    art = pd.DataFrame({"article_id": ["a"], "text": ["Die Lage sei ernst, sagte er."]})
    with pytest.raises(InputError, match=message):
        explain_quote(quote, art if articles == "articles" else pd.DataFrame({"x": [1]}))


def test_a_participle_the_lemmatiser_misses_is_a_cue():
    # participles.tsv: "entschieden", "entschlossen" are the verbs, not the adjectives
    text = ("Das Ministerium hat entschieden, der Firma die Lizenz zu entziehen. "
            "Die Regierung hat sich entschlossen, die Steuern zu senken.")
    quotes = extract_quotes(pd.DataFrame({"article_id": ["x"], "lang": ["de"], "text": [text]}))
    assert quotes[["cue", "speaker_mention", "text"]].values.tolist() == [
        ["hat entschieden", "Das Ministerium", "der Firma die Lizenz zu entziehen"],
        ["hat entschlossen", "Die Regierung", "die Steuern zu senken"]]


def _quotes(text):
    return extract_quotes(pd.DataFrame({"article_id": ["x"], "lang": ["de"], "text": [text]}))


def test_der_with_an_adjective_in_en_is_no_subject():
    quotes = _quotes("Der englischsprachigen Zeitung sagte Filep Karma: „Ich werde im Gefängnis gehalten.“")
    assert quotes[["speaker_mention", "speaker"]].values.tolist() == [["Filep Karma", "Filep Karma"]]


def test_so_frame_after_a_quotation_skips_the_object_pronoun():
    quotes = _quotes("„Er ist die eiserne Hand in einem eisernen Handschuh“, so charakterisierte ihn "
                     "der Gewerkschaftsfunktionär Bernard Aubin von der CFTC.")
    assert quotes[["cue", "speaker"]].values.tolist() == [["charakterisierte", "Bernard Aubin"]]


def test_a_verb_that_is_no_cue_with_sich():
    assert _quotes("Abyei charakterisiert sich dadurch, dass die Bevölkerung arm ist.").empty


def test_a_medium_in_lower_case_and_an_unnamed_reporter_speak_for_the_medium():
    quotes = _quotes("Nach Angaben von n24 sei die Lage ruhig. Ein Reporter des Fernsehsenders n-tv "
                     "berichtete, die Polizei sei abgezogen.")
    assert quotes[["speaker_mention", "speaker"]].values.tolist() == [
        ["Angaben von n24", "n24"], ["Ein Reporter des Fernsehsenders n-tv", "n-tv"]]


@pytest.mark.parametrize("sentence,speaker", [
    ("Die Firma soll nach einem achtseitigen Bericht des Angestellten für Transporte kassiert haben.", "Angestellte"),
    ("Die Familie könnte nach Celebis Angaben versuchen, die Kinder zu entführen.", "Celebi"),
    ("Heute wurden nach israelischen Armeeangaben mindestens 40 Ziele angegriffen.", "Armee"),
    ("Künftig soll nach den Vorstellungen der Bundesregierung die Kommission umgangen werden.", "Bundesregierung"),
    # the noun as the fourth word after "nach", the furthest the rule reads
    ("Drei Menschen wurden nach einem achtseitigen internen Bericht der Polizei verletzt.", "Polizei"),
    # documents, laws and investigations as sources
    ("Nach einer Bestandsaufnahme von CNN starben dabei 40 Menschen.", "CNN"),
    ("Nach den Ermittlungen des Richters war der Angeklagte ein Wachmann.", "Richter"),
    ("Nach der Verfassung muss sich die Senatorin im Jahr 2010 der Wahl stellen.", "Verfassung"),
])
def test_nach_before_a_source_noun_further_on(sentence, speaker):
    quotes = _quotes(sentence)
    assert quotes[["rule", "speaker"]].values.tolist() == [["according_to_noun", speaker]]
    assert _quotes("Er fuhr nach Hause und schlief lange.").empty
    assert _quotes("Nach dem Ende der Ermittlungen fuhr er nach Hause.").empty


def test_a_particle_before_a_conjunction_closes_its_verb():
    quotes = _quotes("Der Kritiker wirft dem Künstler Betriebsblindheit vor und beanstandet die Förderung.")
    assert quotes[["rule", "cue", "speaker_mention"]].values.tolist() == [["speech_act", "wirft vor", "Der Kritiker"]]


def test_the_verb_after_und_governs_the_content_of_a_frame_before():
    quotes = _quotes("Er bezeichnete das Schreiben als grob und kündigte an, ein Vertreter werde kommen.")
    row = quotes[quotes["rule"] == "frame_before"].iloc[0]
    assert (row["cue"], row["speaker_mention"], row["text"]) == ("kündigte an", "Er", "ein Vertreter werde kommen")


def test_a_reported_speech_act_after_a_label():
    quotes = _quotes("Energiepolitik: Die Partei hält am Atomausstieg fest.")
    assert quotes[["rule", "text", "speaker_mention"]].values.tolist() == [
        ["speech_act", "Die Partei hält am Atomausstieg fest.", "Die Partei"]]


SPEECH_ACTS = [  # (sentence, cue, speaker mention) of reported speech acts
    # a fronted phrase or adverb, the subject after the verb
    ("Als Grund nannte die Behörde die mangelnde Sicherheit der Maschinen.", "nannte", "die Behörde"),
    ("Am Ende des Abends gab der Bundeswahlleiter eine Wahlbeteiligung von 77 Prozent bekannt.", "gab bekannt",
     "der Bundeswahlleiter"),
    ("In einem Interview sprach Angela Merkel von der Möglichkeit einer großen Koalition.", "sprach", "Angela Merkel"),
    ("Auch sie forderten den Rücktritt der Regierung.", "forderten", "sie"),
    # a plural present, the same form as the infinitive
    ("Die Medien sprechen von örtlichen Angestellten als Geiseln.", "sprechen", "Die Medien"),
    # estimates and agreements
    ("Die Polizei geht von Suizid aus.", "geht aus", "Die Polizei"),
    ("UNICEF schätzt die Zahl der Kinder auf 150 Millionen.", "schätzt", "UNICEF"),
    ("Die IG Metall wertet die Einigung als Erfolg.", "wertet", "Die IG Metall"),
    ("Betriebsrat und Geschäftsführung einigten sich auf einen Sozialplan.", "einigten", "Betriebsrat und Geschäftsführung"),
]

NO_SPEECH_ACTS = [
    "Als Lichtjahr bezeichnet man die Strecke, die das Licht in einem Jahr zurücklegt.",  # a definition
    "Die Abgeordneten wollen morgen über den Haushalt sprechen.",  # an infinitive after a modal
    "In der Nacht sprechen zu können, war sein Wunsch.",
    "Das Licht geht aus.",  # ausgehen is a speech act only with von (speech_act_contexts.tsv)
    "In Vietnam forderte die Naturkatastrophe 92 Menschenleben.",  # counts the dead, demands nothing
    "Das Unglück forderte 30 Todesopfer und viele Verletzte.",
    "Die Polizei wertete die Spuren aus.",  # werten is an evaluation only with als (auswerten: analyses)
    "Die Ermittler werten die Daten der Handys aus.",
]


@pytest.mark.parametrize("sentence,cue,speaker", SPEECH_ACTS)
def test_a_reported_speech_act(sentence, cue, speaker):
    quotes = _quotes(sentence)
    assert quotes[["rule", "cue", "speaker_mention"]].values.tolist() == [["speech_act", cue, speaker]]


@pytest.mark.parametrize("sentence", NO_SPEECH_ACTS)
def test_no_reported_speech_act(sentence):
    assert _quotes(sentence).empty


def test_a_plural_present_the_lemmatiser_reads_as_an_adjective_is_a_cue():
    # participles.tsv: "weisen" is the verb (hinweisen), not the adjective "weise"
    quotes = _quotes("In der Urteilsbegründung weisen die Richter auf die fehlende Rechtsgrundlage hin.")
    assert quotes[["rule", "cue", "speaker_mention"]].values.tolist() == [["speech_act", "weisen hin", "die Richter"]]
    assert _quotes("Die weisen Richter sitzen im Saal.").empty


@pytest.mark.parametrize("sentence,cue", [
    ("Der Leiter der UNO-Studie, Paulo Sérgio Pinheiro, kritisiert die Regierung.", "kritisiert"),
    ("Der Leiter der UNO-Studie, Paulo Sérgio Pinheiro, besuchte die Helfer und kritisierte die Regierung.", "kritisierte"),
])
def test_a_reported_speech_act_after_a_subject_with_an_apposition(sentence, cue):
    quotes = _quotes(sentence)
    assert quotes[["rule", "cue", "speaker"]].values.tolist() == [["speech_act", cue, "Paulo Sérgio Pinheiro"]]
    # a relative clause in commas is no apposition of the subject
    assert "speech_act" not in set(_quotes("Der Mann, den alle im Dorf kennen, forderte Geld.")["rule"])


def test_verbs_of_offering_and_computing_frame_their_content():
    quotes = _quotes("Vor vier Jahren hatte die Firma den Behörden angeboten, den Giftmüll zu entsorgen. "
                     "Die Wahlhelfer errechneten, dass Mussawi die Hälfte der Stimmen erhielt.")
    assert quotes[["cue", "speaker_mention", "text"]].values.tolist() == [
        ["hatte angeboten", "die Firma", "den Giftmüll zu entsorgen"],
        ["errechneten", "Die Wahlhelfer", "dass Mussawi die Hälfte der Stimmen erhielt"]]


@pytest.mark.parametrize("sentence,cue", [
    ("Die Verbände riefen dazu auf, am Abend den Strom abzuschalten.", "riefen auf"),
    ("Die Verbände hatten die Bürger aufgerufen, am Abend den Strom abzuschalten.", "hatten aufgerufen"),
])
def test_a_call_frames_its_zu_infinitive_as_content(sentence, cue):
    quotes = _quotes(sentence)
    assert quotes[["kind", "cue", "speaker_mention", "text"]].values.tolist() == [
        ["indirect", cue, "Die Verbände", "am Abend den Strom abzuschalten"]]


@pytest.mark.parametrize("sentence,content", [
    ("Die Sender bestehen jedoch darauf, Programme für alle zu machen.", "Programme für alle zu machen"),
    ("Der Minister besteht darauf, dass die Steuern sinken.", "dass die Steuern sinken"),
])
def test_insisting_on_frames_its_content(sentence, content):
    assert _quotes(sentence)[["kind", "text"]].values.tolist() == [["indirect", content]]


@pytest.mark.parametrize("sentence", [
    "Die Gefahr besteht, dass der Damm bricht.",  # bestehen is a cue only with darauf
    "Die Kommission besteht aus zwölf Mitgliedern.",
])
def test_bestehen_without_darauf_is_no_cue(sentence):
    assert _quotes(sentence).empty


def test_a_call_without_content_stays_a_speech_act():
    quotes = _quotes("Die Verbände riefen zu Protesten auf.")
    assert quotes[["kind", "rule", "cue"]].values.tolist() == [["reported", "speech_act", "riefen auf"]]
    assert _quotes("Er rief seinen Bruder an.").empty  # anrufen: a telephone call


@pytest.mark.parametrize("sentence,cue,speaker,text", [
    # the one asked or told is no speaker; the agent after von is
    ("Die Bürger wurden gebeten, zu Hause zu bleiben.", "wurden gebeten", None, "zu Hause zu bleiben"),
    ("Menschen mit Herzproblemen wurde geraten, nicht nach draußen zu gehen.", "wurde geraten", None,
     "nicht nach draußen zu gehen"),
    ("Die Einwohner wurden von den israelischen Behörden angewiesen, sich in Schutzräumen aufzuhalten.",
     "wurden angewiesen", "den israelischen Behörden", "sich in Schutzräumen aufzuhalten"),
])
def test_a_passive_frame_before_its_content(sentence, cue, speaker, text):
    quotes = _quotes(sentence)
    assert quotes[["rule", "cue", "speaker_mention", "text"]].values.tolist() == [["frame_before", cue, speaker, text]]


def test_a_passive_speech_act_with_its_agent():
    quotes = _quotes("Die Forderungen wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet.")
    assert quotes[["rule", "cue", "speaker"]].values.tolist() == [["speech_act", "wurden bezeichnet", "Manfred Stolpe"]]
    # without an agent, or with a cause after durch, a passive names no speaker
    assert _quotes("Die Angeklagten wurden zu drei Jahren Haft verurteilt.").empty
    assert _quotes("Bis zum Abend wurden keine Schäden durch den Sturm berichtet.").empty


def test_a_speaker_and_a_colon_frame_a_quotation():
    text = ("Der Minister verteidigte den Plan. „Wir handeln jetzt“, sagte er.\n\nDie Opposition reagierte prompt. "
            "CDU-Innenexperte Wolfgang Bosbach: „Das ist ein Skandal.“ Auch die Grünen protestierten.")
    quotes = _quotes(text)
    row = quotes[quotes["text"] == "„Das ist ein Skandal.“"].iloc[0]
    assert (row["speaker_mention"], row["speaker"]) == ("CDU-Innenexperte Wolfgang Bosbach", "Wolfgang Bosbach")
    assert "turn" not in set(quotes["kind"])  # the line opens with a sentence, not with a label
    # a pronoun before the colon is no speaker of its own
    assert _quotes("Er: „Das ist ein Skandal.“")["speaker_mention"].tolist() != ["Er"]


def test_the_one_quoted_in_a_passive_speaks():
    quotes = _quotes("Günther Platter wird von der Nachrichtenagentur Reuters mit den Worten zitiert, "
                     "es habe eine positive Resonanz gegeben.")
    assert quotes[["cue", "speaker"]].values.tolist() == [["wird zitiert", "Günther Platter"]]


@pytest.mark.parametrize("sentence,text", [
    # inside a relative clause the attribution says only what the clause says
    ("Für Aufsehen sorgte Lothar Tietge, der nach Angaben der Volksstimme seine Kollegen beschimpfte.",
     "seine Kollegen beschimpfte"),
    ("Der Mann, der laut Polizei betrunken war, wurde festgenommen.", "betrunken war"),
    # in the main clause it says the whole sentence
    ("Nach Angaben der Polizei wurde der Mann, der betrunken war, festgenommen.",
     "wurde der Mann, der betrunken war, festgenommen"),
])
def test_the_reach_of_an_attribution(sentence, text):
    assert _quotes(sentence)["text"].tolist() == [text]


def test_a_quoted_evaluation_in_a_speech_act_is_a_quotation():
    quotes = _quotes("SPD-Innenexperte Wiefelspütz nannte den Bericht eine „Zeitungsente“.")
    # as in the German news quotation dataset, the quoted words are the quotation, not the speech act
    assert quotes[["rule", "text", "speaker"]].values.tolist() == [["nested_quote", "„Zeitungsente“", "Wiefelspütz"]]
    # a quoted name after a noun stays a name
    assert "nested_quote" not in set(_quotes("Als Beispiele nennt VW die Modelle „Touareg“ und „Phaeton“.")["rule"])


def test_a_second_frame_after_und():
    quotes = _quotes("Die Kongressabgeordnete Carolyn McCarthy erklärte, Gillibrand sei das Postergirl der NRA, "
                     "und kündigte an, 2010 gegen Gillibrand kandidieren zu wollen.")
    assert quotes[["rule", "text", "speaker"]].values.tolist() == [
        ["frame_before", "Gillibrand sei das Postergirl der NRA", "Carolyn McCarthy"],
        ["coordinated_frame", "2010 gegen Gillibrand kandidieren zu wollen", "Carolyn McCarthy"]]
    # a second verb of the content is no frame of its own
    assert _quotes("Er sagte, er sei müde und gehe nach Hause.")["text"].tolist() == ["er sei müde und gehe nach Hause"]


def test_a_document_named_after_aus_frames_the_sentence_before():
    quotes = _quotes("Der Konzern plant eine Umwandlung in eine Europäische Gesellschaft. "
                     "Dies geht aus einer Pressemitteilung des Konzerns hervor.")
    assert quotes[["rule", "cue", "speaker"]].values.tolist() == [["points_back", "geht hervor", "Konzern"]]
    # a time after the preposition names no source
    assert _quotes("Der Konzern plant eine Umwandlung. Das teilte im Anschluss niemand mit.").empty


@pytest.mark.parametrize("sentence,speaker", [
    ("Wie aus einer Pressemitteilung des Konzerns hervorgeht, plant Fresenius eine Umwandlung.",
     "einer Pressemitteilung des Konzerns"),
    # after a colon the frame clause opens its own clause
    ("Ein weiterer Umstand kommt hinzu: Wie sich aus der Auswertung des Radars ergab, hatte der Kopilot "
     "versucht, mit der Maschine durchzustarten.", "der Auswertung des Radars"),
])
def test_a_document_in_a_wie_clause_speaks(sentence, speaker):
    quotes = _quotes(sentence)
    assert quotes[["rule", "speaker_mention"]].values.tolist() == [["as_clause", speaker]]


@pytest.mark.parametrize("sentence,rule,speaker", [
    ("Wie aus einer Verlautbarung der Schutztruppe hervorgeht, wurden fünf Zivilisten getötet.",
     "as_clause", "einer Verlautbarung der Schutztruppe"),
    ("Nach einem Kommuniqué der Regierung sind zwei Soldaten verletzt worden.",
     "according_to_noun", "einem Kommuniqué der Regierung"),
    ("Nach offiziellen Verlautbarungen haben sich 40 Menschen angesteckt.",
     "according_to_noun", "offiziellen Verlautbarungen"),
    # as the head of a compound
    ("Nach dem Abschlusskommuniqué des Gipfels soll die Hilfe verdoppelt werden.",
     "according_to_noun", "dem Abschlusskommuniqué des Gipfels"),
])
def test_an_announcement_noun_is_a_source(sentence, rule, speaker):
    quotes = _quotes(sentence)
    assert quotes[["rule", "speaker_mention"]].values.tolist() == [[rule, speaker]]


def test_an_announcement_noun_without_a_frame_is_no_quotation():
    assert _quotes("Die Verlautbarung wurde am Montag veröffentlicht.").empty
    assert _quotes("Das Kommuniqué der Gipfelteilnehmer umfasst zwölf Seiten.").empty


def test_what_became_known_is_a_quotation_without_a_speaker():
    quotes = _quotes("Im April wurde dann bekannt, dass der Sänger an Krebs litt.")
    assert quotes[["cue", "speaker_mention", "text"]].values.tolist() == [
        ["wurde bekannt", None, "dass der Sänger an Krebs litt"]]
    assert _quotes("Der Sänger wurde in den achtziger Jahren bekannt, als er nach Berlin zog.").empty


@pytest.mark.parametrize("sentence,speaker,content", [
    ("Die Behörde prüft. Die Staatsanwaltschaft hegt den Verdacht, Berger könnte Reisekosten falsch abgerechnet haben.",
     "Die Staatsanwaltschaft", "Berger könnte Reisekosten falsch abgerechnet haben"),  # einen Verdacht hegen: a thought
    ("Der Brief kam. Winter drückt in einem Kommentar seine Verwunderung darüber aus, warum das Amt so gehandelt hat.",
     "Winter", "warum das Amt so gehandelt hat"),  # etwas ausdrücken: speech
])
def test_a_suspicion_held_or_a_view_expressed_frames_its_clause(sentence, speaker, content):
    found = _quotes(sentence)
    assert found[["speaker_mention", "text"]].values.tolist() == [[speaker, content]]


def test_hegen_without_a_suspicion_is_no_cue():
    assert _quotes("Der Brief kam. Winter hegt große Sympathien für den Verein, der viel für die Stadt tue.").empty
