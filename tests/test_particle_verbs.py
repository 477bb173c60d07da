"""German separable particle verbs: the joins."""
import pytest

from analysis.errors import InputError
from analysis.particle_verbs import final_particles, join_particle_verbs, particles
from analysis.resources import table
from analysis.segment import lemmatize
from analysis.sentiment.parameters import TOKEN_RE


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
