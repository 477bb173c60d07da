"""The benchmark dictionaries' context: a term of another country or side is no mention of the concept."""
from pathlib import Path

import pytest

from analysis.concepts import find_concepts, read_concepts

DICTS = Path(__file__).resolve().parents[1] / "benchmarks" / "concepts"
DE, EN = read_concepts(DICTS / "bundestag.yaml"), read_concepts(DICTS / "whitehouse.yaml")


def concepts(text, lang):
    return {m.concept for m in find_concepts(text, DE if lang == "de" else EN, lang=lang)}


@pytest.mark.parametrize("text, lang, concept", [
    ("We see troops massing at the border of Ukraine.", "en", "border security"),
    ("A calm on the border between Israel and Lebanon is possible.", "en", "border security"),
    ("There is still some Hamas infrastructure left.", "en", "infrastructure investment"),
    ("With the recent supplemental, FEMA received funds for the recovery.", "en", "aid to Ukraine"),
    ("Wir fordern steuerliche Entlastungen für alle.", "de", "Energiepreise und Entlastung"),
    ("Eine Neuregelung von Mitwirkungspflichten und Sanktionen im Bürgergeld ist nötig.", "de", "Sanktionen gegen Russland"),
    ("Sanktionen in Form von Bußgeldern schrecken ab.", "de", "Sanktionen gegen Russland"),
])
def test_another_sides_thing_is_no_mention(text, lang, concept):
    assert concept not in concepts(text, lang)


@pytest.mark.parametrize("text, lang, concept", [
    ("We need more agents at the border with Mexico.", "en", "border security"),
    ("The bill invests in infrastructure across the country.", "en", "infrastructure investment"),
    ("Congress must pass the supplemental for Ukraine now.", "en", "aid to Ukraine"),
    ("Die Entlastung bei den Strompreisen kommt.", "de", "Energiepreise und Entlastung"),
    ("Wir brauchen härtere Sanktionen gegen Russland.", "de", "Sanktionen gegen Russland"),
])
def test_the_concept_itself_still_counts(text, lang, concept):
    assert concept in concepts(text, lang)
