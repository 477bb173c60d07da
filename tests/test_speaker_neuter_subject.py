"""A neuter subject pronoun (*es*) of a cue that is not impersonal is a speaker mention and takes up
the neuter institution or role before it; *hieß es*, *Es heißt* still point elsewhere
(docs/actors.md, "Measured with a cause table of the lost mentions of documents 1–280")."""
import pandas as pd
import pytest

from analysis.clause_antecedent import neuter_subject
from analysis.quotes import extract_quotes
from analysis.speakers import _ArticleEntities


def _quotes(text: str) -> pd.DataFrame:
    articles = pd.DataFrame({"article_id": ["a"], "title": [""], "text": [text], "lang": ["de"]})
    return extract_quotes(articles)


def _speaker_of(text: str, content: str):
    q = _quotes(text)
    row = q[q["text"].str.contains(content, regex=False)]
    assert len(row) == 1, q[["text", "speaker"]]
    value = row["speaker"].iloc[0]
    return None if pd.isna(value) else value


@pytest.mark.parametrize("text, content, expected", [
    # the sentence before opens with the institution
    ("Das Gericht nutzte die Begründung zur Verteidigung in eigener Sache. Es weist den Vorwurf als "
     "abwegig zurück, man habe immer weiter verhandelt.", "man habe immer weiter verhandelt", "Gericht"),
    # the institution after the finite verb of the sentence before, the pronoun after its own verb
    ("Im Ausschluss der Öffentlichkeit erkannte das Ministerium ein Problem. Hier stellte es fest, dass "
     "die Berichte unvollständig waren.", "dass die Berichte unvollständig waren", "Ministerium"),
    # free indirect speech after it continues the institution
    ("Das Bundesverfassungsgericht tagte am Montag. Es erklärte, das Gesetz sei nichtig. Die Regeln "
     "seien zu unbestimmt gewesen.", "Die Regeln seien zu unbestimmt gewesen.", "Bundesverfassungsgericht"),
])
def test_es_takes_the_neuter_institution_before_it(text, content, expected):
    assert _speaker_of(text, content) == expected


def test_es_without_a_neuter_institution_keeps_the_previous_speaker():
    text = ("Renate Künast sagte, es müsse nun Schluss sein mit Blockaden. Es drohe „eine dramatische "
            "Erwärmung, die nur durch Umsteuern abgewendet werden kann“.")
    q = _quotes(text)
    direct = q[q["kind"] == "direct"]
    assert direct["speaker"].tolist() == ["Renate Künast"]  # no institution: as after "hieß es" before


@pytest.mark.parametrize("text, content", [
    ("Das Ministerium tagte am Montag. Es heißt, dass der Vertrag gültig sei.", "dass der Vertrag gültig sei"),
    ("Das Ministerium tagte am Montag. In der Erklärung hieß es, dass der Vertrag gültig sei.",
     "dass der Vertrag gültig sei"),
])
def test_impersonal_cues_keep_es_as_a_placeholder(text, content):
    q = _quotes(text)
    row = q[q["text"].str.contains(content, regex=False)]
    assert len(row) == 1
    assert str(row["speaker_mention"].iloc[0]).lower() != "es"  # heißen: es points elsewhere


@pytest.mark.parametrize("text", [
    "Das Wetter war am Montag schlecht. Es erklärte, der Vertrag gelte.",  # a thing holds no statement
    "Die Regierung tagte am Montag. Es erklärte, der Vertrag gelte.",  # a feminine institution
])
def test_no_neuter_institution(text):
    assert neuter_subject(_ArticleEntities(text, "de"), text.index("Es"), "es") is None


def test_a_masculine_pronoun_is_not_read_as_neuter():
    text = "Das Ministerium tagte. Er erklärte, der Vertrag gelte."
    assert neuter_subject(_ArticleEntities(text, "de"), text.index("Er"), "er") is None


def test_an_expletive_es_without_an_institution_gives_no_speaker():
    text = "Renate Künast sagte, es müsse Schluss sein. Es warnten die Experten schon lange, dass die Erwärmung drohe."
    assert _speaker_of(text, "dass die Erwärmung drohe") is None  # not the previous speaker
