"""German separable particle verbs: the joins, and their effect on tone."""
import math

import numpy as np
import pytest

from analysis.errors import InputError
from analysis.particle_verbs import final_particles, join_particle_verbs, particles
from analysis.resources import table
from analysis.segment import lemmatize
from analysis.sentiment import (
    lexicon,
    polarity_only,
    score_sentiment,
    score_text,
)
from analysis.sentiment.batch import may_join
from analysis.sentiment.parameters import NEGATED_NEGATIVE, TOKEN_RE
from analysis.sentiment.word_types import remember_chunk


def joins(sentence: str, **kw) -> list[tuple[str, str, str]]:
    words = TOKEN_RE.findall(sentence)
    lemmas = [lemmatize(w, "de") for w in words]
    return [(words[j.verb], words[j.particle], j.lemma) for j in join_particle_verbs(words, lemmas, **kw)]


@pytest.mark.parametrize("sentence,expected", [
    ("Russland weist die Vorwürfe zurück.", ("weist", "zurück", "zurückweisen")),
    ("Die Regierung lehnt den Vorschlag ab.", ("lehnt", "ab", "ablehnen")),
    ("Er warf ihm Lügen vor.", ("warf", "vor", "vorwerfen")),
    ("Der Rat stimmte dem Plan zu.", ("stimmte", "zu", "zustimmen")),
    ("Er gibt auf.", ("gibt", "auf", "aufgeben")),
    ("Die Armee griff die Stadt an – und zwar heftig.", ("griff", "an", "angreifen")),
    # the lemma of "brach(en)" alone is the adjective: the verb-final form "abbrachen" has the verb
    ("Die Gespräche brachen ab.", ("brachen", "ab", "abbrechen")),
    # the first word that joins is the finite verb, not a participle after it
    ("Er weist die neu gestellten Forderungen zurück.", ("weist", "zurück", "zurückweisen")),
    # after a coordinating conjunction, the verb of the second conjunct
    ("Er kam und lehnte ab.", ("lehnte", "ab", "ablehnen")),
    ("Er lehnt den Plan und die Forderung ab.", ("lehnt", "ab", "ablehnen")),
    # verb first (question), and a first word that joins into no verb ("zudem")
    ("Lehnt er das ab?", ("Lehnt", "ab", "ablehnen")),
    ("Dem stimmt sie zu.", ("stimmt", "zu", "zustimmen")),
    # the verb-final form is unknown, the joined lemma known
    ("Wir haben Großes vor.", ("haben", "vor", "vorhaben")),
])
def test_joins_a_finite_verb_with_the_particle_ending_its_clause(sentence, expected):
    assert joins(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "Er geht ab und zu.",                    # particle not at the clause end; a pair of adverbs
    "Es ging auf und ab.",
    "Er lehnt am Zaun.",                      # a preposition
    "Er lehnt an der Wand.",
    "Sie kritisiert ihn, weil er es ablehnt.",  # verb-final: already one word
    "Es gibt kein Zurück.",                   # a capitalised particle is a noun
    "Er lehnt den Plan, den sie vorlegte, ab.",  # particle cut off by a comma: left unjoined
])
def test_no_join(sentence):
    assert joins(sentence) == []


def test_final_particles_and_bad_input():
    assert final_particles("Er gibt auf .".split()) == [2]
    assert final_particles(["Er", "gibt", "auf"]) == [2]       # the sentence end
    assert final_particles("Er geht ab und zu .".split()) == []
    assert particles("en") == frozenset() and join_particle_verbs(["He", "gives", "up"], ["he", "give", "up"],
                                                                    lang="en") == []
    with pytest.raises(InputError, match="3 words but 2 lemmas"):
        join_particle_verbs(["Er", "gibt", "auf"], ["er", "geben"])


def test_a_lexicon_accepts_joins_simplemma_does_not_know():
    assert joins("Er macht deutlich, dass er bleibt.") == []
    assert joins("Er macht deutlich, dass er bleibt.", lexicon={"deutlichmachen"}) == [
        ("macht", "deutlich", "deutlichmachen")]


def test_independently_against_the_quotation_lexicon():
    # speech_verbs.tsv lists particle verbs with their base and particle, written by hand for quotation
    # attribution: the base (the finite form of the third person plural) with its particle at the end
    # of a main clause must give the listed lemma
    verbs = table("de", "speech_verbs")
    verbs = verbs[verbs["particle"] != ""]
    assert len(verbs) > 50 and set(verbs["particle"]) <= particles("de")
    lemmas = set(verbs["lemma"].str.lower())
    for row in verbs.itertuples():
        assert joins(f"Sie {row.base} es {row.particle}.", lexicon=lemmas) == [
            (row.base, row.particle, row.lemma.lower())], row.lemma
    # without that lexicon all but the verbs simplemma does not know join as well
    unknown = [r.lemma for r in verbs.itertuples() if not joins(f"Sie {r.base} es {r.particle}.")]
    assert unknown == ["deutlichmachen"]


# --- tone --------------------------------------------------------------------------------------

def squash(s: float) -> float:
    return s / math.sqrt(s * s + 1.0)


def test_the_verb_takes_the_joined_lemmas_entry_and_the_particle_nothing():
    v = lexicon("de").entries["ablehnen"].polarity
    split = score_text("Die Regierung lehnt den Vorschlag ab.", "de")
    whole = score_text("Die Regierung ablehnt den Vorschlag.", "de")  # the same words, one of them joined
    assert split["polarity"] == pytest.approx(squash(v)) == pytest.approx(whole["polarity"])
    assert [h["term"] for h in split["hits"]] == ["ablehnen"]
    assert split["hits"][0]["modifiers"] == ["particle-verb:lehnt+ab"]
    text = "Die Regierung lehnt den Vorschlag ab."
    assert text[split["hits"][0]["start"]:split["hits"][0]["end"]] == "lehnt"


def test_negation_reaches_the_joined_verb():
    v = lexicon("de").entries["ablehnen"].polarity
    r = score_text("Die Regierung lehnt den Vorschlag nicht ab.", "de")
    # a negated negative word: weak evidence (NEGATED_NEGATIVE)
    assert r["polarity"] > 0 and r["polarity"] == pytest.approx(squash(v * NEGATED_NEGATIVE["de"]))
    assert r["polarity"] == pytest.approx(score_text("Die Regierung ablehnt den Vorschlag nicht.", "de")["polarity"])
    assert r["hits"][0]["modifiers"][:2] == ["particle-verb:lehnt+ab", "negated-after:nicht"]


def test_a_joined_shifter_reverses_what_it_governs():
    r = score_text("Die EU hebt die Sanktionen auf.", "de")
    assert r["polarity"] > 0 and [h["term"] for h in r["hits"]] == ["Sanktion"]


def test_a_join_without_a_lexicon_entry_changes_nothing():
    r = score_text("Die Sitzung findet morgen statt.", "de")
    assert (r["polarity"], r["n_hits"]) == (0.0, 0)


PARTICLE_UNITS = [
    "Russland weist die Vorwürfe zurück.", "Russland weist die Vorwürfe nicht zurück.",
    "Die Regierung lehnt den Vorschlag ab.", "Die Regierung lehnt den Vorschlag nicht ab.",
    "Lehnt er das ab?", "Er gibt auf", "Die Armee griff die Stadt an – und zwar heftig.",
    "Der Rat stimmte dem Plan zu, die Opposition lehnte ihn ab.", "Er geht ab und zu.",
    "Sie lehnt an der Wand.", "Die Gespräche brachen ab; eine Einigung war nicht möglich.",
    "„Wir stimmen zu“, sagte sie.", "Es gibt kein Zurück.", "Die EU hebt die Sanktionen auf.",
]


def test_fast_paths_give_the_explained_scores():
    texts = PARTICLE_UNITS + [" ".join(PARTICLE_UNITS * 8)]  # and a long unit, scored per sentence
    explained = score_sentiment(texts, lang="de")
    fast = score_sentiment(texts, lang="de", hits=False)
    for col in ("polarity", "cooperation", "certainty", "n_hits"):
        assert fast[col].tolist() == explained[col].tolist(), col
    np.testing.assert_allclose(polarity_only(texts, "de"), explained["polarity"], atol=1e-6)
    one_by_one = [score_text(t, "de", hits=False)["polarity"] for t in texts]
    np.testing.assert_allclose(one_by_one, explained["polarity"], atol=1e-6)
    assert explained["n_hits"].iloc[0] == 2 and explained["polarity"].iloc[8] == 0.0


def test_only_units_with_a_joinable_verb_and_particle_take_the_rule_path():
    lx = lexicon("de")
    units = ["Sie lehnt den Plan ab.", "Sie lehnt ab – den Plan", "Sie lehnt den Plan ab", "Sie lehnt den Plan ab ",
             "Sie lehnt den Plan ab“", "Sie lehnt an der Wand.", "Sie geht ab und zu.", "Der Plan ist gut.",
             "Die Sitzung findet morgen statt.", ""]
    words = [u.split() for u in units]
    for chunk in {w for u in words for w in u}:
        remember_chunk(chunk, lx)
    assert sorted(may_join(units, words, lx.chunks)) == [0, 1, 2, 3, 4]
