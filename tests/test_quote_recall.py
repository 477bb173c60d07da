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
