"""Positions against said in words of restriction, and harm done said in fixed phrases (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.stance import LAMENT, harm_frame, harm_frames, tone_agreement
from analysis.statements import statements_from_articles


def _agreement(text: str, concept: str, lang: str) -> int:
    concepts = {concept: {"phrases": [concept]} if " " in concept else {"lemmas": [concept]}}
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    return int(st["agreement"].iloc[-1])


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # restricting the concept is a position against it: a verb of restriction, a noun of restriction heading it
    ("Ihr Antrag leistet keinen Beitrag. Wir beschränken illegale Migration.", "de", "Migration", -1),
    ("Wir werden die Zuwanderung deutlich einschränken.", "de", "Zuwanderung", -1),
    ("Bei allen Debatten zur wirklich notwendigen Eindämmung der illegalen Migration muss unsere Leitlinie sein – "
     "und solche Vorschläge haben wir gemacht –: Es braucht einen Schutz vor Terror.", "de", "Migration", -1),
    ("Wir fordern eine Beschränkung der Zuwanderung.", "de", "Zuwanderung", -1),
    ("We will crack down on illegal immigration.", "en", "immigration", -1),
    ("We need to limit immigration and to curb tariffs.", "en", "tariffs", -1),
    ("Republicans want restrictions on abortion.", "en", "abortion", -1),
    # a stance against the restriction is for the concept
    ("Wir kritisieren die Eindämmung der Migration.", "de", "Migration", 1),
])
def test_restricting_the_concept_is_a_position_against_it(text, lang, concept, agreement):
    assert _agreement(text, concept, lang) == agreement


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # near misses: no word of restriction governs the mention
    ("Wir beschränken die Kosten, weil die Migration ein Gewinn ist.", "de", "Migration", 1),
    ("Wir unterstützen die Migration.", "de", "Migration", 1),
    ("We support immigration reform and a crackdown on fraud.", "en", "immigration", 1),
])
def test_near_misses_of_restriction(text, lang, concept, agreement):
    assert _agreement(text, concept, lang) == agreement


@pytest.mark.parametrize("text, lang, concept", [
    # harm done to the concept in a fixed phrase: a lament, for it
    ("This is a bad deal, a plan that puts our Eastern Flank NATO Allies and partners at risk.", "en", "NATO"),
    ("Our democracy is at risk.", "en", "democracy"),
    ("Wer die Demokratie in Gefahr bringt, handelt schändlich.", "de", "Demokratie"),
])
def test_harm_done_in_a_fixed_phrase_is_a_lament(text, lang, concept):
    assert _agreement(text, concept, lang) == 1


@pytest.mark.parametrize("text, lang, concept", [
    # near misses: the concept does the harm (the verb between it and the phrase), or no frame verb
    ("Illegal immigration puts American workers at risk.", "en", "immigration"),
    ("Illegal immigration is a risk for American workers.", "en", "immigration"),
])
def test_near_misses_of_harm_frames(text, lang, concept):
    assert _agreement(text, concept, lang) == -1


def test_harm_frames_are_read_by_language_and_named_in_the_evidence():
    assert (("in", "gefahr"), "bringen", "object") in harm_frames("de")
    assert harm_frames("xx") == ()
    text = "Die Demokratie gerät in Gefahr."
    assert harm_frame(text, text.index("Gefahr"), text.index("Demokratie"), lang="de")
    text = "Die Migration bringt die Demokratie in Gefahr."  # the verb between: Migration is no object of it
    assert not harm_frame(text, text.index("Gefahr"), text.index("Migration"), lang="de")
    text = "Our democracy is at risk, and the danger is real."
    assert tone_agreement(text, lang="en", band=0.05, at=text.index("democracy"))[1].endswith(LAMENT)
