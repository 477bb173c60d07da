"""A negative attribute right before a concept mention is the evaluation aimed at it, whatever the tone of the
words around it; words of degree measure the concept and judge nothing (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.statements import statements_from_articles


def _coded(text: str, concept: str, lang: str) -> tuple[int, str]:
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts={concept: {"lemmas": [concept]}})
    return int(st["agreement"].iloc[-1]), st["evidence"].iloc[-1]


@pytest.mark.parametrize("text, concept", [
    # the sentence is warm (stolz, gut, feiern), the attribute of the mention is not: against the concept
    ("Die Regierung ist stolz auf ihre gute Arbeit, und Sie feiern die irren Sanktionen als Erfolg.", "Sanktion"),
    # a capitalised word before it in its clause (Zelte) would read a negative tone as aimed at another subject
    ("Die Kommunen bauen heute Zelte für die sogenannten Flüchtlinge.", "Flüchtling"),
    ("Der Kanzler ist stolz auf seine gute Arbeit. Die Kommunen zahlen für eine illegale Migration.", "Migration"),
])
def test_a_negative_attribute_of_the_mention_is_against_it(text, concept):
    agreement, evidence = _coded(text, concept, "de")
    assert agreement == -1
    assert evidence.endswith("(attribute of the mention)")


NEAR_MISSES = {
    # words of degree: the speaker measures the concept (and laments pensions that are too low: for pensions)
    "niedrig": ("Das Leid ist furchtbar. Viele Menschen leiden unter niedrigen Renten.", "Rente", "de"),
    "hart": ("Der Krieg ist furchtbar, und jetzt wirken die harten Sanktionen.", "Sanktion", "de"),
    # a negative word after the mention is no attribute of it
    "after": ("Die Sanktionen irre zu nennen, ist gut.", "Sanktion", "de"),
    # English writes its nouns in lower case: a word before the mention is no sign of an adjective
    "english": ("The crisis is terrible, and the flu vaccine helps.", "vaccine", "en"),
}


@pytest.mark.parametrize("case", sorted(NEAR_MISSES))
def test_near_misses_of_attributes(case):
    assert "attribute of the mention" not in _coded(*NEAR_MISSES[case])[1]


def test_degree_words_measure_and_keep_the_tone_rules():
    # the pensions are the object of the lament, not its target: the tone rules read it as before, for them
    assert _coded("Das Leid ist furchtbar. Viele Menschen leiden unter niedrigen Renten.", "Rente", "de")[0] == 1
