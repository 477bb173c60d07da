"""Turns of transcripts and protocols, a record's own speaker, and what is no quotation in
conversation (the turn's own "I think", questions, English verbs without a content clause)."""
import pandas as pd
import pytest

from analysis.quotes import KINDS, extract_quotes
from analysis.quotes.turns import find_turns, speaker_label

BRIEFING = (
    "1:06 P.M. EST\n\n"
    "\xa0\xa0\xa0\xa0 MS. LEAVITT:\xa0 Good afternoon, everybody.\n\n"
    "Q\xa0\xa0\xa0 Good afternoon.  Did the President sign it?\n\n"
    "MS. LEAVITT:\xa0 I think we are in good shape.  The Secretary said that the talks went well.\n"
    "And, you know, we are not going to slow down.  “I will sign it,” I told them.\n\n"
    "THE PRESIDENT:  Thank you.  As you know, the deal is done.\n"
)


def quotes_of(text, lang="en", **columns):
    art = pd.DataFrame({"article_id": ["a"], "lang": [lang], "text": [text], **{k: [v] for k, v in columns.items()}})
    return extract_quotes(art)


def test_briefing_turns_have_the_labels_speakers():
    q = quotes_of(BRIEFING, title="Press Briefing by Press Secretary Karoline Leavitt and President Trump")
    turns = q[q["kind"] == "turn"]
    assert turns["speaker_mention"].fillna("").tolist() == ["Leavitt", "", "Leavitt", "President Trump"]
    assert turns["speaker"].tolist()[2:] == ["Karoline Leavitt", "Trump"]  # the full name from the title
    assert turns["speaker_resolution"].tolist() == ["label", "none", "label", "label"]
    assert turns["text"].iloc[1] == "Good afternoon.  Did the President sign it?"
    assert turns["text"].iloc[0] == "Good afternoon, everybody."  # the time before the first label is no turn
    assert (turns["quote_id"] == turns["turn_id"]).all()
    assert "turn" in KINDS


def test_inside_a_turn_the_turns_own_voice_is_no_quotation_and_first_person_is_its_speaker():
    q = quotes_of(BRIEFING)
    inner = q[q["kind"] != "turn"]
    # "I think …", "you know, …", "As you know, …" are the turn speaking; the Secretary is quoted
    assert inner["text"].tolist() == ["that the talks went well", "“I will sign it,”"]
    reported, direct = inner.iloc[0], inner.iloc[1]
    third = q.loc[q["kind"] == "turn", "quote_id"].iloc[2]
    assert reported["turn_id"] == third and reported["speaker_mention"] == "The Secretary"
    assert direct["speaker"] == "Leavitt" and direct["speaker_resolution"] == "turn"


def test_protocol_labels_with_role_party_and_role_phrase():
    text = ("Präsidentin Bärbel Bas:\nDas Wort hat die Kollegin Weidel.\n\n"
            "Dr. Alice Weidel (AfD):\nFrau Präsidentin! Meine Damen und Herren! Ich sage Ihnen: Das reicht nicht.\n\n"
            "Robert Habeck, Bundesminister für Wirtschaft und Klimaschutz:\nDer Kanzler hat gesagt, er werde kommen.\n")
    q = quotes_of(text, lang="de")
    turns = q[q["kind"] == "turn"]
    assert turns["speaker"].tolist() == ["Bärbel Bas", "Alice Weidel", "Robert Habeck"]
    assert turns["text"].iloc[1].startswith("Frau Präsidentin!")
    inner = q[q["kind"] != "turn"]
    assert inner["text"].tolist() == ["er werde kommen"]  # "Ich sage Ihnen: …" is Weidel's own turn
    assert inner["turn_id"].iloc[0] == turns["quote_id"].iloc[2]


def test_interview_labels():
    text = "Frage: Wie geht es weiter?\nAntwort: Wir verhandeln.\nFrage: Und dann?\nAntwort: Sehen wir.\n"
    turns = find_turns(text, "de")
    assert [text[t.body[0]:t.body[1]] for t in turns] == ["Wie geht es weiter?", "Wir verhandeln.", "Und dann?", "Sehen wir."]
    assert {t.speaker for t in turns} == {None}


def test_record_speaker_makes_the_record_one_turn():
    text = "Ich sage Ihnen: Das reicht nicht. Der Minister sagte, die Lage sei ernst. Wir haben gesagt, dass wir helfen."
    q = quotes_of(text, lang="de", **{"meta.speaker": "Britta Haßelmann"})
    turn = q[q["kind"] == "turn"].iloc[0]
    assert (turn["speaker"], turn["speaker_resolution"], turn["rule"]) == ("Britta Haßelmann", "record", "record_speaker")
    assert turn["text"] == text
    inner = q[q["kind"] != "turn"]
    assert inner["text"].tolist() == ["die Lage sei ernst"]
    assert inner["turn_id"].tolist() == [turn["quote_id"]]
    # the same text without the record's speaker keeps the quotations as before, without turns
    plain = quotes_of(text, lang="de")
    assert "turn" not in set(plain["kind"]) and plain["turn_id"].isna().all()


def test_record_speaker_column_is_checked():
    from analysis.errors import InputError
    art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": ["Er sagte, es sei gut."]})
    with pytest.raises(InputError, match="redner"):
        extract_quotes(art, record_speaker="redner")


@pytest.mark.parametrize("text,lang", [
    ("Bildung: Die SPD will Universitäten fördern.\nVerkehr: Mehr Geld für Straßen.\n", "de"),
    ("SUBJECT: Nominations\nNOTE: All times local.\n", "en"),
    ("A new study shows growth.\nA second one does not.\n", "en"),
    ("Nächster Redner: Kollege Müller.\n", "de"),
    ("WASHINGTON: The talks resumed on Monday.\n", "en"),
])
def test_headings_and_ordinary_lines_are_no_turns(text, lang):
    assert find_turns(text, lang) == []


def test_role_label_takes_the_name_from_the_title():
    turns = find_turns("THE PRESIDENT:  Thank you all.\n", "en", title="Remarks by President Biden on the Economy")
    assert [t.speaker for t in turns] == ["President Biden"]
    assert [t.speaker for t in find_turns("THE PRESIDENT:  Thank you all.\n", "en")] == ["the President"]


@pytest.mark.parametrize("sentence", [
    "I mean, imagine what they could do.",
    "So, you know, we are not going to slow our efforts.",
    "We wanted to make sure that we did this briefing.",
    "Can you say that the field has narrowed?",
    "It can be said that the economy grew.",
    "That said, China has quite a bit of policy space.",
    "We will take on some of our most acute challenges that drag the economy down.",
    "He has yet to explain why the loopholes should stay.",
    "You may have heard him say this often.",
    "The teams continued their efforts to find survivors.",
])
def test_english_conversation_is_no_quotation(sentence):
    q = quotes_of(sentence)
    assert q.empty, q[["kind", "rule", "text", "speaker_mention"]].values.tolist()


@pytest.mark.parametrize("sentence,kind,text,speaker", [
    ("The minister said the talks had failed.", "indirect", "the talks had failed", "The minister"),
    ("A Taliban spokesman said today that the group would bar women.", "indirect",
     "that the group would bar women", "A Taliban spokesman"),
    ("She vowed to fight the ruling in court.", "indirect", "to fight the ruling in court", "She"),
    ("Trump criticized the trade deal with Mexico.", "reported", "the trade deal with Mexico", "Trump"),
    ("The governor of Tennessee says that he was not informed.", "indirect", "that he was not informed",
     "The governor of Tennessee"),
])
def test_english_reports_with_a_content_clause_or_a_speech_act(sentence, kind, text, speaker):
    q = quotes_of(sentence)
    assert q[["kind", "text", "speaker_mention"]].values.tolist() == [[kind, text, speaker]]


def test_question_label_with_one_space():
    text = "Q Should the mayor resign, sir?\n\nTHE PRESIDENT: Wait a second.\n\nQ Will you call him?\n"
    turns = find_turns(text, "en")
    assert [(text[t.body[0]:t.body[1]], t.speaker) for t in turns] == [
        ("Should the mayor resign, sir?", None), ("Wait a second.", "the President"), ("Will you call him?", None)]


def test_role_label_named_from_the_title_without_its_trailing_words():
    text = "THE PRESIDENT: Thank you all.\n\nQ  Why now?\n"
    turns = find_turns(text, "en", title="Remarks by President Biden Before Business Roundtable")
    assert turns[0].speaker == "President Biden"


@pytest.mark.parametrize("title,speaker", [
    ("Remarks by President Trump Launches Operation Epic", "President Trump"),
    ("Remarks by President Biden Signing Three Bills", "President Biden"),
    ("Remarks by President Joe Biden", "President Joe Biden"),
])
def test_role_label_named_from_a_headline_title(title, speaker):
    turns = find_turns("THE PRESIDENT: Thank you all.\n\nQ  Why now?\n", "en", title=title)
    assert turns[0].speaker == speaker


def test_a_label_that_frames_one_quotation_gives_it_its_speaker_and_no_second_row():
    text = ("The move drew immediate praise:\n\n"
            "Coalition for a Prosperous America Chairman Zach Mottl: “A baseline tariff resets the trade environment.”\n\n"
            "Hyundai Steel: “We welcome it.”\n\n"
            "Steel Manufacturers Association President Philip K. Bell: “He is a champion of the steel industry.”")
    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["en"]}), lang="en")
    assert q["speaker"].tolist() == ["Zach Mottl", "Hyundai Steel", "Philip K. Bell"]
    assert q["kind"].tolist() == ["direct"] * 3


def test_fact_check_headings_are_no_speakers():
    text = ("MYTH: The bill is a tax break for billionaires.\n\nFACT: Democrats voted against it.\n\n"
            "MYTH: The bill is bad for families.\n\nFACT: The bill cuts taxes for families.")
    assert find_turns(text, "en") == []


def test_list_item_labels_wrapped_labels_and_list_headings():
    text = ("Here is what they are saying:\n\n"
            "-   CNBC: “Jobs are up.”\n"
            "-   NOW: “It is an illegal act.” (1/3/26)\n"
            "-   Peabody Energy CEO James\n Grech:\n “We stand here today.”\n")
    turns = [(t.speaker, text[t.body[0]:t.body[1]]) for t in find_turns(text, "en")]
    # the bullet opens a label, a label may be wrapped, an acronym keeps its capitals,
    # and "NOW:" is a list heading that ends the turn before it without being a speaker
    assert turns == [("CNBC", "“Jobs are up.”"), ("James Grech", "“We stand here today.”")]


def test_a_reaction_label_before_a_quotation_names_the_person_after_its_description():
    text = ("Reactions poured in.\n\n"
            "NewsNation host Katie Pavlich: “Absolutely remarkable.”\n\n"
            "Former Speaker of the House Kevin McCarthy: “Well said.”\n\n"
            "National Federation of Independent Business: “Good for small firms.”\n\n"
            "The Wall Street Journal: Hiring Defies Forecasts\n")
    turns = [(t.speaker, text[t.body[0]:t.body[1]]) for t in find_turns(text, "en")]
    # a title-case line that names no one ends the turn before it
    assert turns == [("Katie Pavlich", "“Absolutely remarkable.”"), ("Kevin McCarthy", "“Well said.”"),
                     ("National Federation of Independent Business", "“Good for small firms.”")]


def test_one_reaction_label_alone_is_no_transcript():
    text = "The minister spoke at length.\n\nNewsNation host Katie Pavlich: “Remarkable.”\n\nThen he left."
    assert find_turns(text, "en") == []


def test_office_and_department_are_no_part_of_the_name():
    arts = pd.DataFrame({"article_id": ["a"], "lang": ["en"], "text": [
        "Reactions poured in.\n\n-   Secretary of State Marco Rubio (March 2): “The operation is lawful.”\n"
        "-   Secretary of the Treasury Scott Bessent: “Markets are calm.”\n"]})
    q = extract_quotes(arts)
    assert set(q["speaker"]) == {"Marco Rubio", "Scott Bessent"}


def test_fact_sheet_headings_opening_with_a_gerund_or_verbal_noun_are_no_speakers():
    text = ("The plan.\n\nADDRESSING THE FENTANYL CRISIS: The United States will act.\n\n"
            "- Leveraging Private Funding: Since 2021 the Administration leveraged funds.\n\n"
            "MR. KIRBY: Thanks.\nQ   Why?\n")
    assert [t.speaker for t in speaker_label(text, "en")] == ["Kirby", None]
    de = "Vorwort.\n\nStärkung der Kommunen: Der Bund zahlt.\n\nDr. Alice Weidel (AfD): Meine Damen und Herren!\n"
    assert [t.speaker for t in speaker_label(de, "de")] == ["Alice Weidel"]


def test_a_fact_sheet_has_no_speaker_turns():
    text = ("The Administration acts.\n\nClean Water: The law invests $50 billion.\n\n"
            "Shared Climate Solutions: Kenya and the United States work together.\n")
    assert [t.speaker for t in speaker_label(text, "en")] == ["Clean Water", "Shared Climate Solutions"]
    assert speaker_label(text, "en", title="FACT SHEET: Kenya State Visit") == []
    assert speaker_label(text, "en", title="White\\_House Releases Fact\\_Sheet on Water") == []
    # unchanged: a transcript whose title speaks of a fact sheet only in passing is no fact sheet
    briefing = "MS. PSAKI: Hi.\nQ   Why?\n"
    assert [t.speaker for t in speaker_label(briefing, "en", title="Press Briefing on the Factsheet")] == ["Psaki", None]


def test_a_record_names_its_speaker_in_full():
    text = "Sehr geehrte Damen und Herren! Wir fordern mehr Geld für die Schulen."
    for name in ["Olaf in der Beek", "Britta Haßelmann"]:
        turn = quotes_of(text, lang="de", **{"meta.speaker": name}).query("kind == 'turn'").iloc[0]
        assert (turn["speaker"], turn["speaker_resolution"]) == (name, "record")
