import re

import pandas as pd

from analysis.coreference import sentence_starts
from analysis.speakers import resolve_speakers


def resolve_all(text, mentions, lang="de"):
    rows, at = [], 0
    for m in mentions:
        start = re.compile(rf"\b{re.escape(m)}\b").search(text, at).start()
        at = start + len(m)
        rows.append({"article_id": "x", "speaker_mention": m, "speaker_span": [start, at],
                     "speaker_resolution": "explicit"})
    out = resolve_speakers(pd.DataFrame(rows), pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]}))
    return list(out["speaker"])


TEXT = ("Wolfgang Wieland sagte, die Kontrolle sei schwierig. "
        "Der Präsidentschaftskandidat der Opposition, Morgan Tsvangirai, analysierte die Lage. "
        "Die Pläne der Regierung unter Robert Mugabe bezeichnete er als Verbrechen.")


def test_pronoun_takes_the_subject_named_since_the_previous_speaker():
    # the subject of the sentence before, not the previous speaker nor the later Mugabe of a phrase
    assert resolve_all(TEXT, ["Wolfgang Wieland", "er"]) == ["Wolfgang Wieland", "Morgan Tsvangirai"]


def test_pronoun_without_a_new_subject_keeps_the_previous_speaker():
    text = "Wolfgang Wieland sagte, die Kontrolle sei schwierig. Die Lage sei ernst, fügte er hinzu."
    assert resolve_all(text, ["Wolfgang Wieland", "er"]) == ["Wolfgang Wieland", "Wolfgang Wieland"]


def test_names_inside_a_quotation_are_no_subject():
    text = ("Wolfgang Wieland sagte etwas. „Morgan Tsvangirai hat recht“, sagte er. "
            "Er fügte hinzu, die Lage sei ernst.")
    assert resolve_all(text, ["Wolfgang Wieland", "Er"]) == ["Wolfgang Wieland", "Wolfgang Wieland"]


def test_a_short_subject_becomes_the_name_introduced_before():
    text = ("Die Abgeordnete Gisela Piltz und Wolfgang Wieland sprachen. Wieland sagte, alles sei gut. "
            "Piltz schloss sich an. Sie warf der Regierung Versagen vor.")
    assert resolve_all(text, ["Wieland", "Sie"]) == ["Wolfgang Wieland", "Gisela Piltz"]


def test_english_pronouns_keep_the_previous_speaker():
    text = "John Smith said it was fine. Later Mary Jones arrived. He added that all was well."
    assert resolve_all(text, ["John Smith", "He"], lang="en") == ["John Smith", "John Smith"]


def test_sentence_starts():
    assert sentence_starts("Er kam. Sie ging.", 0, 17) == [0, 8]


def test_a_noun_after_an_article_is_no_subject():
    text = ("Martin Lee sagte, dies sei keine Demokratie. Was die Einwohner Hongkongs wollten, sei das Wahlrecht. "
            "Er nannte es eine Farce.")
    assert resolve_all(text, ["Martin Lee", "Er"]) == ["Martin Lee", "Martin Lee"]


def test_role_with_a_genitive_and_the_name_in_commas():
    text = ("Der Geschäftsführer der Abfallentsorgungsfirma, Gerd-Jürgen Bruckschen, hatte das Verfahren verteidigt. "
            "Später wies der Geschäftsführer alle Vorwürfe zurück.")
    assert resolve_all(text, ["der Geschäftsführer"]) == ["Gerd-Jürgen Bruckschen"]


def test_an_organisation_noun_takes_the_compound_named_before():
    text = ("Das isländische Fischereiministerium legte die Quote fest. Sie sei tragfähig, so das Ministerium. "
            "Die Polizei sagte nichts.")
    assert resolve_all(text, ["das Ministerium", "Die Polizei"]) == ["Fischereiministerium", "Polizei"]
