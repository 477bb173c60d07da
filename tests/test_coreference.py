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
