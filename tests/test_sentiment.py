"""Tests of the sentiment engine: the diplomatic probe suite, rules, bad input, aggregation."""
from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.errors import InputError
from analysis.sentiment import (
    N_SCALAR,
    available_languages,
    explain,
    lexicon,
    polarity_only,
    score_sentiment,
    score_text,
    tone_by,
)
from analysis.sentiment.aggregate import grouped_intervals
from analysis.sentiment.parameters import DEFAULT_BAND, NEUTRAL_BAND, TOKEN_RE
from analysis.sentiment.score import _label, _labels
from analysis.sentiment.word_types import remember

ROOT = Path(__file__).resolve().parents[1]

# (sentence, expected sign of polarity, expected sign of cooperation); 0 means |value| < 0.05
PROBES_DE = [
    # cooperation, formulas
    ("Die Gespräche verliefen konstruktiv, diplomatisch und in freundschaftlicher Atmosphäre.", 1, 1),
    ("Beide Seiten vereinbarten eine engere Zusammenarbeit.", 1, 1),
    ("Die Außenminister erzielten eine Einigung über die Waffenruhe.", 1, 1),
    ("Man setze auf Dialog und Deeskalation.", 1, 1),
    ("Die Normalisierung der Beziehungen kommt voran.", 1, 1),
    ("Der Präsident sprach sich für eine Festigung der Freundschaft aus.", 1, 1),
    ("Die Friedensgespräche werden in Genf fortgesetzt.", 0, 1),  # Frieden is a topic: no polarity alone
    ("Es war ein offenes Gespräch.", -1, -1),
    ("Die Delegationen führten offene Gespräche über die Zollfrage.", -1, -1),
    ("Russland und China bekräftigten ihre strategische Partnerschaft.", 1, 1),
    # conflict, failure
    ("Die Verhandlungen wurden ergebnislos abgebrochen.", -1, -1),
    ("Es gab Streit über die Sanktionen.", -1, -1),
    ("Washington drohte mit neuen Strafmaßnahmen.", -1, -1),
    ("Die Sanktionsdrohung verschärft den Atomkonflikt.", -1, -1),
    ("Pjöngjang stellte ein Ultimatum.", -1, -1),
    ("Die Lage an der Grenze eskaliert.", -1, -1),
    ("Der Gipfel ist gescheitert.", -1, -1),
    ("Moskau wies die Vorwürfe als Provokation zurück.", -1, -1),
    # negation before and after the verb
    ("Russland akzeptiert die Bedingungen nicht.", -1, -1),
    ("Die Regierung unterstützt den Plan nicht.", -1, -1),
    ("Die Gespräche verliefen keineswegs konstruktiv.", -1, -1),
    ("Es gab keine Einigung.", -1, -1),
    ("Eine Einigung war nicht möglich.", -1, -1),
    ("Ein Durchbruch ist nicht in Sicht.", -1, -1),
    ("Die Regierung kritisiert das Abkommen nicht.", 1, 1),
    ("Ohne Zusammenarbeit wird es keinen Frieden geben.", -1, -1),
    ("Weder Frieden noch Stabilität sind zu erwarten.", -1, -1),
    ("Russland wird nicht die Bedingungen des Westens akzeptieren.", -1, -1),
    ("Eine Abrüstung sei nicht möglich, ohne dem Staat seine Unversehrtheit zu garantieren.", -1, -1),
    # double negation
    ("Eine Einigung ist nicht unmöglich.", 1, 1),
    ("Das Treffen blieb nicht ohne Erfolg.", 1, 1),
    ("Es war nicht nur konstruktiv, sondern auch herzlich.", 1, 1),
    # contrast
    ("Die Gespräche waren schwierig, aber am Ende stand eine Einigung.", 1, 1),
    ("Man lobte die Zusammenarbeit, doch der Streit über die Zölle bleibt.", -1, -1),
    ("Die Stimmung war freundlich, jedoch scheiterten die Verhandlungen.", -1, -1),
    # hedges (certainty) and intensifiers
    ("Ein weiteres Treffen ist derzeit nicht geplant.", 0, 0),
    ("Möglicherweise wird es eine Einigung geben.", 1, 1),
    ("Die Beziehungen sind äußerst angespannt.", -1, -1),
    # sentences of the founding article (data/putin-kim-wladiwostok.de.txt)
    ("Die Gespräche seien konstruktiv, diplomatisch und in freundschaftlicher Atmosphäre verlaufen, sagte Putin vor Medienvertretern.", 1, 1),
    ("Er wolle auf die „Festigung der Freundschaft“ und das Wohlergehen der der beiden Nationen trinken, sowie auf die Gesundheit Kim Jong Uns und aller im Raum Anwesenden, sagte der Präsident.", 1, 1),
    ("„Sie brauchen nur eine Garantie für ihre Sicherheit.“", 1, 1),
    ("Der russische Staatschef sprach sich für eine Neuauflage der Sechs-Parteien-Gespräche aus, um internationale Garantien zu erreichen.", 1, 1),
    ("Nach russischen Angaben war aber zunächst nicht geplant, dass Vereinbarungen unterzeichnet werden.", -1, -1),
    ("Das Treffen dauerte offenbar länger als geplant – gut zwei Stunden haben die beiden Politiker im Gespräch miteinander verbracht, berichtet die Nachrichtenagentur Ria.", 1, 1),
    # valence shifters: reversing what they govern
    ("Die Aufhebung der Sanktionen wurde beschlossen.", 1, 1),
    ("Beide Seiten wollen die Spannungen abbauen.", 1, 1),
    ("Die Sanktionen wurden gelockert.", 1, 1),
    ("Die Regierung setzt auf die Beilegung des Konflikts.", 1, 1),
    ("Moskau will eine Einigung verhindern.", -1, -1),
]

PROBES_EN = [
    ("The talks were constructive and held in a friendly atmosphere.", 1, 1),
    ("Both sides agreed to deepen their cooperation.", 1, 1),
    ("The ministers reached an agreement on a ceasefire.", 1, 1),
    ("The summit ended with a breakthrough.", 1, 1),
    ("They praised the strategic partnership between the two countries.", 1, 1),
    ("The president welcomed the de-escalation.", 1, 1),
    ("Beijing called for dialogue and reconciliation.", 1, 1),
    ("The two leaders had a frank exchange of views.", -1, -1),
    ("The normalization of relations is making progress.", 1, 1),
    ("The peace talks will resume in Geneva.", 0, 1),  # peace is a topic: no polarity alone
    # conflict, failure
    ("The negotiations collapsed without result.", -1, -1),
    ("Washington threatened new sanctions.", -1, -1),
    ("The dispute over tariffs escalated.", -1, -1),
    ("Pyongyang issued an ultimatum.", -1, -1),
    ("The summit failed.", -1, -1),
    ("Moscow condemned the provocation.", -1, -1),
    ("Tensions at the border are rising.", -1, -1),
    ("The talks ended in deadlock.", -1, -1),
    # negation
    ("An agreement was not possible.", -1, -1),
    ("Russia did not accept the terms.", -1, -1),
    ("The talks were not constructive.", -1, -1),
    ("There was no agreement.", -1, -1),
    ("A breakthrough is not in sight.", -1, -1),
    ("They never trusted each other.", -1, -1),
    ("Without cooperation there will be no peace.", -1, -1),
    ("The government does not criticize the agreement.", 1, 1),
    ("There was neither trust nor cooperation.", -1, -1),
    # double negation and "not only"
    ("The meeting was not without success.", 1, 0),
    ("The talks were not only constructive but also cordial.", 1, 1),
    ("A deal is not impossible.", 0, 1),  # deal is a relation word: no polarity alone, no evaluation here
    # contrast
    ("The talks were difficult, but an agreement was reached.", 0, 1),  # a reported agreement is no praise
    ("They praised the cooperation, but the dispute over tariffs remains.", -1, -1),
    ("The atmosphere was friendly; however, the negotiations failed.", -1, -1),
    # hedges, intensifiers
    ("A further meeting is not planned.", 0, 0),
    ("Perhaps there will be an agreement.", 0, 1),
    ("Relations are extremely tense.", -1, -1),
    ("The partnership is very strong.", 1, 1),
    ("The sanctions are slightly harmful.", -1, -1),
    ("Officials reaffirmed their commitment to peace.", 1, 1),
    ("The attack killed twelve civilians.", -1, -1),
    ("The peace agreement was signed in Washington.", 0, 1),  # a treaty signed: a plain report
    # valence shifters
    ("Both sides agreed to ease tensions.", 1, 1),
    ("Washington moved to lift the sanctions.", 1, 1),
    ("The talks aim to defuse the crisis.", 1, 1),
    ("Russia tried to prevent an agreement.", -1, -1),
    ("The move would suspend cooperation with Moscow.", -1, -1),
]


def _sign(x: float) -> int:
    return 0 if abs(x) < 0.05 else (1 if x > 0 else -1)


@pytest.mark.parametrize("sentence,pol,coop", PROBES_DE)
def test_probe_de(sentence, pol, coop):
    r = score_text(sentence, "de")
    assert (_sign(r["polarity"]), _sign(r["cooperation"])) == (pol, coop), explain(sentence, "de")


@pytest.mark.parametrize("sentence,pol,coop", PROBES_EN)
def test_probe_en(sentence, pol, coop):
    r = score_text(sentence, "en")
    assert (_sign(r["polarity"]), _sign(r["cooperation"])) == (pol, coop), explain(sentence, "en")


def test_probe_suite_size():
    assert len(PROBES_DE) >= 40 and len(PROBES_EN) >= 40


# --- rules ------------------------------------------------------------------------------------

def test_negation_after_the_verb_is_recorded_in_hits():
    hits = score_text("Russland akzeptiert die Bedingungen nicht.", "de")["hits"]
    assert [h["modifiers"] for h in hits] == [["negated-after:nicht"]]
    assert hits[0]["weight"] == pytest.approx(N_SCALAR)


def test_negation_forward_to_the_clause_final_verb():
    hits = score_text("Russland wird nicht die Bedingungen des Westens akzeptieren.", "de")["hits"]
    assert [h["modifiers"] for h in hits] == [["negated-forward:nicht"]]


def test_negation_window_is_bounded_by_the_clause():
    # "nicht" belongs to the first clause; "Einigung" in the second is not negated
    hits = score_text("Das geht nicht, und es gab eine Einigung.", "de")["hits"]
    assert all(h["weight"] > 0 for h in hits if h["term"] == "Einigung")


def test_nicht_nur_is_no_negation():
    r = score_text("Es war nicht nur konstruktiv.", "de")
    assert r["polarity"] > 0 and not any("negat" in m for h in r["hits"] for m in h["modifiers"])


def test_intensifier_and_dampener_scale_the_hit():
    base = score_text("Die Lage ist angespannt.", "de")["hits"][0]["weight"]
    strong = score_text("Die Lage ist äußerst angespannt.", "de")["hits"][0]["weight"]
    weak = score_text("Die Lage ist etwas angespannt.", "de")["hits"][0]["weight"]
    assert weak < base < strong


def test_valence_shifter_reverses_what_it_governs_and_adds_no_tone_itself():
    hits = {h["term"]: h for h in score_text("Russland will die Sanktionen aufheben.", "de")["hits"]}
    assert hits["Sanktion"]["weight"] == pytest.approx(N_SCALAR) and "reversed:aufheben" in hits["Sanktion"]["modifiers"]
    assert all(h["weight"] == 0 for t, h in hits.items() if t != "Sanktion")
    # "negative" shifters leave positive hits alone; English shifters do not reach back
    assert score_text("The sanctions were lifted.", "en")["polarity"] < 0
    assert score_text("They ease the friendship.", "en")["polarity"] > 0


def test_contrast_weights():
    hits = score_text("Es gab Streit, aber eine Einigung.", "de")["hits"]
    w = {h["term"]: h["weight"] for h in hits}
    assert w["Streit"] == pytest.approx(0.5) and w["Einigung"] == pytest.approx(1.5)


@pytest.mark.parametrize("word,parts", [
    ("Sanktionsdrohung", "compound:Sanktion+Drohung"),
    ("Atomkonflikt", "compound:Atom+Konflikt"),
    ("Handelsstreit", "compound:handels+Streit"),
])
def test_german_compounds_matched_by_parts(word, parts):
    hits = score_text(f"Der {word} wächst.", "de")["hits"]
    assert hits and hits[0]["modifiers"][0] == parts and hits[0]["polarity"] < 0


@pytest.mark.parametrize("sentence,terms", [
    ("Das ist wohl so.", []),                             # adverb wohl, not the noun Wohl
    ("Wohl dem, der hilft.", ["Wohl", "helfen"]),
    ("Wir sorgen für Sicherheit.", ["Sicherheit"]),       # verb sorgen, not the noun Sorgen
    ("Die Sorgen wachsen.", ["Sorge", "wachsen"]),
    ("Die Gespräche scheiterten.", ["Gespräch", "scheitern"]),  # the verb entry, not the noun Scheitern
    ("Er ist schon da.", []),                             # schon is not schön (stems keep umlauts)
    ("Das ist bereits passiert.", []),                    # same stem, other word: bereits ≠ bereit
    ("Die Verbindung steht.", []),                        # Verbindung ≠ verbindlich
    ("Die Lage eskalierte.", ["eskalieren"]),             # an inflected form still matches
    ("Guter Rat.", ["gut"]),
    ("Der Gesundheitsminister sprach.", []),              # a compound naming an actor has no tone
    ("Der Bürgermeister lobte das Projekt.", ["loben"]),  # not Bürger|Meister
    ("BILDplus lesen.", []),                              # mixed case: no compound
    ("Abgeordnete des BÜNDNISSES 90/DIE GRÜNEN beantragen.", []),  # a party name (listed), no alliance
    ("Das Bündnis hält.", ["Bündnis"]),
    ("Einige Länder warten.", []),                        # function word einige (some) is not einig (agreed)
    ("Sie sind sich einig.", ["einig"]),
    ("Der Beton ist hart.", ["hart"]),                    # Beton is not a form of betonen
    ("Russland kann liefern.", []),                       # könnte hedges, kann does not
    ("Die Gespräche könnten scheitern.", ["Gespräch", "könnten", "scheitern"]),
    ("In bestimmten Fällen gilt das.", []),              # determiner, not the booster "bestimmt"
    ("Die Friedensgespräche begannen.", ["Friedensgespräche"]),
])
def test_german_word_forms_match_only_their_own_entries(sentence, terms):
    assert [h["term"] for h in score_text(sentence, "de")["hits"]] == terms


def test_compound_splitting_does_not_cut_inside_words():
    # Frage is not F+rage, regieren is not re+gieren, ernsthaft is an adjective (not split)
    terms = [h["term"] for h in score_text("Die Frage ist, wie sie regieren.", "de")["hits"]]
    assert terms == []


def test_hedges_lower_certainty_and_boosters_raise_it():
    assert score_text("Möglicherweise kommt es offenbar zu einem Treffen.", "de")["certainty"] < 0
    assert score_text("Das ist eindeutig und unumkehrbar.", "de")["certainty"] > 0
    assert score_text("It is apparently possible.", "en")["certainty"] < 0
    assert score_text("This is clearly irreversible.", "en")["certainty"] > 0


def test_formula_phrase_is_one_hit_with_offsets():
    text = "Sie trafen sich in freundschaftlicher Atmosphäre."
    hits = score_text(text, "de")["hits"]
    assert len(hits) == 1
    assert text[hits[0]["start"]:hits[0]["end"]] == "in freundschaftlicher Atmosphäre"


def test_polarity_formula():
    # one plain hit: S = v, polarity = S / sqrt(S^2 + alpha)
    r = score_text("Krieg.", "de", alpha=1.0)
    v = lexicon("de").entries["krieg"].polarity
    assert r["polarity"] == pytest.approx(v / math.sqrt(v * v + 1.0))


def test_lexicons_have_hundreds_of_entries_with_three_columns():
    for lang in ("de", "en"):
        dip = [e for e in lexicon(lang).entries.values() if e.source == "diplomatic"]
        assert len({e.term for e in dip}) >= 250
        assert any(e.cooperation > 0 for e in dip) and any(e.cooperation < 0 for e in dip)
        assert any(e.certainty < 0 for e in dip) and any(e.certainty > 0 for e in dip)
    assert len(lexicon("en").entries) > 7000  # vaderSentiment's lexicon is read
    assert len(lexicon("de").entries) > 3000  # textblob-de's lexicon is read


def test_polarity_only_matches_score_sentiment():
    texts = [s for s, _, _ in PROBES_DE]
    fast = polarity_only(texts, "de")
    full = score_sentiment(texts, lang="de")["polarity"].to_numpy()
    np.testing.assert_allclose(fast, full, atol=1e-6)


@pytest.mark.parametrize("lang,probes", [("de", PROBES_DE), ("en", PROBES_EN)])
def test_fast_paths_match_the_explained_scores(lang, probes):
    # chunks with punctuation attached, a long unit scored per sentence, an empty and a missing unit
    texts = [s for s, _, _ in probes]
    texts += [" ".join(texts * 3), "(" + texts[0].replace(" ", ",  ") + ")", "   ", None]
    # the words of multi-word entries, in order (the entry) and reversed (plain words only)
    terms = [e.term for v in list(lexicon(lang).phrases.values())[:40] for _, e in v]
    texts += [f"Sie nannten es {t}." for t in terms] + [" und ".join(t.split()[::-1]) for t in terms]
    explained = score_sentiment(texts, lang=lang)
    fast = score_sentiment(texts, lang=lang, hits=False)
    for col in ("polarity", "cooperation", "certainty", "n_hits", "flag"):
        assert fast[col].tolist() == explained[col].tolist(), col
    assert explained["n_hits"].tolist() == explained["hits"].map(len).tolist()
    assert explained["flag"].tolist()[len(probes):len(probes) + 4] == ["long_unit", "", "empty", "missing"]
    np.testing.assert_allclose(polarity_only(texts, lang), explained["polarity"], atol=1e-6)


def test_tokens_of_a_text_are_the_tokens_of_its_whitespace_chunks():
    # the batch path screens a unit by its str.split chunks and tokenizes the whole text for the
    # rules: every character at which str.split splits must be one that TOKEN_RE skips
    split_at = [chr(cp) for cp in range(sys.maxunicode + 1) if len(f"a{chr(cp)}b".split()) != 1]
    assert "\u00a0" in split_at and "\u3000" in split_at and "-" not in split_at
    for ch in split_at:
        assert TOKEN_RE.findall(f"a{ch}b") == ["a", "b"], hex(ord(ch))
    text = "Keine\u00a0Einigung,  sagte\tsie (gestern).\u2029„Gut“"
    assert TOKEN_RE.findall(text) == [t for chunk in text.split() for t in TOKEN_RE.findall(chunk)]
    # and every chunk holds a token, so a unit has at least as many tokens as chunks (the batch
    # calls a unit of more than LONG_UNIT chunks long without counting its tokens)
    kept = set(split_at)
    assert all(TOKEN_RE.match(chr(cp)) for cp in range(sys.maxunicode + 1) if chr(cp) not in kept)


def test_labels_of_a_table_are_the_labels_of_its_rows():
    # score_sentiment labels its rows by NumPy per language: the same as _label row by row, with
    # the language's band, a given band or pair, and rows in languages without a band of their own
    p = np.array([0.3, 0.3, 0.01, -0.5, 0.15, -0.06, 0.0, 0.5, 0.19, -0.19, 0.05, -0.05])
    n = np.array([2, 2, 2, 1, 1, 2, 0, 1, 1, 1, 2, 2])
    langs = ["de", "en", "en", "en", "en", "xx", float("nan"), "de", "en", "en", "en", "en"]
    for band in (None, 0.1, (0.05, 0.2), 0):
        want = [_label(x, NEUTRAL_BAND.get(lg, DEFAULT_BAND) if band is None else band, k, lg)
                for x, k, lg in zip(p.tolist(), n.tolist(), langs)]
        assert _labels(p, n, langs, band) == want, band
        assert _labels(p[1:5], n[1:5], langs[1:5], band) == want[1:5], band  # one language


@pytest.mark.parametrize("lang,sentence,needs", [
    # a negator or intensifier with no lexicon word within its reach changes nothing: plain sums
    ("en", "They did not go there , which was good .", False),
    ("en", "They did not go good .", True),                  # a hit 3 words after the negator
    ("en", "We are very much in favour of peace talks .", False),
    ("en", "We are very good friends .", True),
    ("en", "It was not , in the end , a good day .", False),  # the clause ends before the hit
    # a multi-word entry needs its first two words one after the other
    ("en", "We will , of course , agree .", True),
    ("en", "The course of the talks was good .", False),       # both words, not in that order
    ("en", "They acted in good faith .", True),
    ("en", "Their faith in good leaders grew .", False),
    ("de", "Die Regierung hat nicht gesagt , dass es gut sei .", True),  # post-negator: reaches back
])
def test_rule_words_out_of_reach_take_the_plain_sums(lang, sentence, needs):
    lx = lexicon(lang)
    toks = sentence.split()
    for t in toks:
        remember(t, lx)
    assert lx.words.needs_rules(toks) is needs
    texts = [sentence, sentence.replace(" ,", ",").replace(" .", ".")]
    explained = score_sentiment(texts, lang=lang)
    assert polarity_only(texts, lang).tolist() == pytest.approx(explained["polarity"].tolist(), abs=1e-6)
    assert score_sentiment(texts, lang=lang, hits=False)["n_hits"].tolist() == explained["n_hits"].tolist()


@pytest.mark.parametrize("sentence,label", [
    ("Rafsandschani ist am Sonntag im Alter von 82 Jahren gestorben.", "neutral"),  # a report of a death
    ("Bei dem Anschlag wurden zwölf Menschen getötet.", "neutral"),
    ("Liebe Kolleginnen und Kollegen, die Welt schaut auf Deutschland.", "neutral"),  # a form of address
    ("Ich liebe dieses Land.", "positive"),                                         # the verb keeps its tone
    ("Das Regime gefährdet den Frieden und ist eine Schande.", "negative"),
])
def test_reports_of_death_and_forms_of_address_carry_no_tone(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("The protests have since moved to other issues.", "neutral"),   # a report of protests
    ("Protesters gathered outside the embassy.", "neutral"),
    ("The protests were a disgrace.", "negative"),                   # an evaluation of them
])
def test_english_reports_of_protest_carry_no_tone(sentence, label):
    assert score_text(sentence, "en", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label,relation", [
    ("The shooting took place outside a school in Texas.", "neutral", "none"),   # reports of harm
    ("He was charged with several crimes.", "neutral", "none"),
    ("She is dying of cancer.", "neutral", "none"),                               # no criticism either
    ("The killing was a horrific crime.", "negative", "conflict"),                # an evaluative word beside it
    ("Cancer is a terrible disease.", "negative", "none"),
    ("The attack killed twelve civilians.", "negative", "conflict"),              # kill is no report word
])
def test_english_reports_of_harm_carry_no_tone(sentence, label, relation):
    r = score_text(sentence, "en")
    assert (r["label"], r["relation"]) == (label, relation)


@pytest.mark.parametrize("sentence,label", [
    ("On Saturday the senator won the state's primary election.", "neutral"),   # a result reported
    ("The gold medal went to a runner from Kenya.", "neutral"),
    ("The team won a great and glorious victory.", "positive"),                  # judged beside it
    ("Nobody wins from this terrible deal.", "negative"),                       # win keeps its tone
])
def test_english_results_of_contests_carry_no_tone(sentence, label):
    assert score_text(sentence, "en", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("What is your reaction to the drone strikes on the port?", "neutral"),     # strikes reported
    ("The town council has restrictions on deliveries.", "neutral"),         
    ("The strikes were a terrible mistake.", "negative"),                         # judged beside them
    ("The government will tighten restrictions on imports.", "negative"),         # a predicate acting on them
])
def test_english_strikes_and_restrictions_reported_carry_no_tone(sentence, label):
    assert score_text(sentence, "en", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("The talks moved slowly with respect to the border question.", "neutral"),  # "concerning"
    ("The two cities have ten and twelve million people respectively.", "neutral"),
    ("He was abroad when the news broke.", "neutral"),                             # became known
    ("The minister treated her guests with great respect.", "positive"),          # respect itself
    ("Talks broke down after an hour.", "negative"),
])
def test_english_formulas_of_another_sense_carry_no_tone(sentence, label):
    assert score_text(sentence, "en", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("Allies will also discuss Ukraine's path to future membership in NATO.", "neutral"),  # relation words report
    ("And so, that is our commitment to Ukraine.", "neutral"),
    ("The two countries signed a treaty on trade and joint patrols.", "neutral"),
    ("The president welcomed the agreement.", "positive"),          # welcome evaluates: no relation word
    ("Both sides agreed to deepen their cooperation.", "positive"),  # a predicate acting on the relation word
    ("The agreement was a historic success.", "positive"),          # evaluative words beside it
    ("An agreement was not possible.", "negative"),                 # a negated clause predicate gives it back
    ("There was no agreement.", "negative"),                        # so does a negator
])
def test_english_relation_words_carry_no_polarity_alone(sentence, label):
    assert score_text(sentence, "en", events=False)["label"] == label


@pytest.mark.parametrize("sentence,sign", [
    ("Die Länder Berlin und Brandenburg beschlossen das Gesetz.", 0),  # a place name, not Brand + burg
    ("Das Brandenburger Tor.", 0),
    ("Ein Brand zerstörte die Burg vollständig.", -1),                # the words themselves keep their tone
])
def test_place_names_are_no_toned_compounds(sentence, sign):
    assert _sign(score_text(sentence, "de", events=False)["polarity"]) == sign


@pytest.mark.parametrize("sentence,label", [
    ("Die Opposition prangerte die Willkür der Behörden an.", "negative"),   # criticism, a particle verb
    ("Moskau bezichtigt Kiew der Sabotage.", "negative"),                    # accusation
    ("Die Lage spitzt sich zu.", "negative"),                                # escalation
    ("Die Regierung missachtet das Urteil.", "negative"),                    # breach of law
    ("Die Regierung begeht einen offenen Rechtsbruch.", "negative"),
    ("Das Gericht stellte klar, dass die Abschalteinrichtungen rechtswidrig sind.", "neutral"),  # a ruling reported
    ("Er hat die Entscheidung nicht bemängelt.", "neutral"),                 # negated: no criticism
    ("Das Verfahren ist rechtmäßig.", "neutral"),
    ("Das Treffen fand auf der Insel Rügen statt.", "neutral"),             # the island, not the verb rügen
    ("Die Hunde hetzen über das Feld.", "neutral"),                          # hetzen: running, not agitation
])
def test_german_acts_against_another_side_are_negative(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label,sign", [
    ("Die Regierung macht es den Betrieben viel zu schwer.", "negative", -1),   # excess: a wrong degree
    ("Die Mittel sind viel zu gering.", "negative", -1),
    ("Für die Kommunen bleiben gerade mal 20 Millionen Euro übrig.", "neutral", -1),  # a minimiser: weak alone
    ("Wir haben viel zu tun.", "neutral", 0),                                  # viel + infinitive, no excess
    ("Die Kiste ist schwer.", "neutral", 0),
])
def test_german_excess_and_minimisers_are_negative(sentence, label, sign):
    r = score_text(sentence, "de", events=False)
    assert (r["label"], _sign(r["polarity"])) == (label, sign)


@pytest.mark.parametrize("sentence,label", [
    ("Das ist die bittere Realität für die Studierenden.", "negative"),      # dismay at what is reported
    ("Es war ein sehr bedrückender Moment.", "negative"),
    ("Die Lage in der Region ist alarmierend.", "negative"),
    ("Die Zahlen sind nicht besorgniserregend.", "neutral"),                 # negated: no alarm
    ("Bitterfeld liegt in Sachsen-Anhalt.", "neutral"),                      # a name, no tone
])
def test_german_dismay_and_alarm_are_negative(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("Der Versuch ist fehlgeschlagen.", "negative"),
    ("Die Wahl war eine Klatsche für den Kanzler.", "negative"),
    ("Die Lage der Bauern hat sich weiter verschlechtert.", "negative"),
    ("Der Plan ist nicht misslungen.", "neutral"),                           # negated: no failure
    ("Die Ministerin sprach über die Lage der Bauern.", "neutral"),          # no loss reported
])
def test_german_loss_and_failure_are_negative(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("Die Polizei konnte den Anschlag vereiteln.", "positive"),              # thwarting an attack
    ("Die Polizei hat mehrere Anschläge vereitelt.", "positive"),
    ("Die Polizei meldete mehrere Anschläge.", "neutral"),                   # the topic alone
])
def test_german_thwarting_reverses_what_it_stops(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("sentence,label", [
    ("Teilweise seien die Aktivitäten der Bahn geradezu betrügerisch.", "negative"),   # dishonest conduct
    ("Die Stimmung unter den Sportlern war verärgert und resigniert.", "negative"),    # dejection
    ("Die Vorbereitung der Regierung war dürftig.", "negative"),                     # a poor performance
    ("Der Plan ist keineswegs halbherzig.", "neutral"),                              # negated: no deficiency
    ("Die Korruptionsbekämpfung wurde verstärkt.", "neutral"),                       # no judgement of a conduct
])
def test_german_dejection_dishonesty_and_deficiency_are_negative(sentence, label):
    assert score_text(sentence, "de", events=False)["label"] == label


@pytest.mark.parametrize("lang,sentence,label", [
    ("en", "He said he expects no political turmoil between Austria and Hungary.", "neutral"),  # no good news
    ("en", "If Iran did not impose the rule, would you have played?", "neutral"),
    ("en", "The talks were not constructive.", "negative"),     # a negated positive word keeps its full weight
    ("en", "Washington moved to lift the sanctions.", "positive"),  # a shifter is no negation
    ("en", "The plan is not bad at all, it is excellent.", "positive"),
    ("de", "Die Regierung lehnt den Vorschlag nicht ab.", "neutral"),
    ("de", "Die Toten waren Frauen und Kinder, die keine Terroristen sind.", "neutral"),  # no praise
    ("de", "Die Verhandlungen waren nicht erfolgreich.", "negative"),  # a negated positive word: full weight
])
def test_a_negated_negative_word_is_weak_evidence(lang, sentence, label):
    assert score_text(sentence, lang, events=False)["label"] == label


def test_german_cooperation_words_keep_their_polarity():
    # German has no relation-word list: its neutral band (0.4) already asks for more than one word
    assert score_text("China ist ein wichtiger Partner und ein Freund.", "de", events=False)["label"] == "positive"


# --- tables and bad input ---------------------------------------------------------------------

def test_score_sentiment_keeps_columns_and_index():
    units = pd.DataFrame({"article_id": ["a", "b"], "quote_id": [1, 2],
                          "text": ["Die Gespräche scheiterten.", "Sie erzielten eine Einigung."]}, index=[10, 20])
    out = score_sentiment(units, lang="de")
    assert list(out.index) == [10, 20]
    assert out.columns[:3].tolist() == ["article_id", "quote_id", "text"]
    assert out["label"].tolist() == ["negative", "positive"]
    assert {"polarity", "label", "cooperation", "certainty", "hits", "flag"} <= set(out.columns)


def test_custom_text_column_and_band():
    units = pd.DataFrame({"body": ["Das ist gut."]})
    assert score_sentiment(units, text_col="body", lang="de", band=0.99)["label"].item() == "neutral"
    assert score_sentiment(units, text_col="body", lang="de", band=0.0)["label"].item() == "positive"


def test_empty_whitespace_and_non_string_units():
    out = score_sentiment(pd.DataFrame({"text": ["", "   \n ", None, 42, float("nan")]}), lang="de")
    assert out["label"].eq("neutral").all() and out["polarity"].eq(0).all()
    assert out["flag"].tolist() == ["empty", "empty", "missing", "non_string", "missing"]


def test_language_without_lexicon():
    with pytest.raises(InputError, match="no sentiment lexicon for language 'fr'"):
        score_sentiment(["Bonjour"], lang="fr")
    out = score_sentiment(pd.DataFrame({"text": ["La paix.", "Die Lage ist gut."], "lang": ["fr", "de"]}))
    assert out["flag"].tolist() == ["no_lexicon", ""]
    assert out["polarity"].iloc[0] == 0 and out["polarity"].iloc[1] > 0
    assert set(available_languages()) >= {"de", "en"}


def test_missing_columns_and_language_are_input_errors():
    with pytest.raises(InputError, match="missing column"):
        score_sentiment(pd.DataFrame({"body": ["x"]}), lang="de")
    with pytest.raises(InputError, match="no language given"):
        score_sentiment(pd.DataFrame({"text": ["x"]}))


def test_very_long_unit_is_scored_per_sentence():
    text = " ".join(["Die Gespräche waren konstruktiv.", "Es gab Streit."] * 6000)  # ~ 30,000 words
    r = score_text(text, "de")
    assert r["flag"] == "long_unit"
    one = (score_text("Die Gespräche waren konstruktiv.", "de")["polarity"]
           + score_text("Es gab Streit.", "de")["polarity"]) / 2
    assert r["polarity"] == pytest.approx(one)
    assert len(r["hits"]) == 12000 + 6000  # Gespräch, konstruktiv, Streit per pair
    assert text[r["hits"][-1]["start"]:r["hits"][-1]["end"]] == "Streit"
    # a long unit without any punctuation is cut into pieces as well
    assert score_text("Frieden " * 5000, "de")["flag"] == "long_unit"


def test_mixed_language_text_uses_the_unit_language():
    r = score_text("Putin sagte: „This is a great success“, und lobte die Zusammenarbeit.", "de")
    assert r["polarity"] > 0 and any(h["term"] == "Zusammenarbeit" for h in r["hits"])
    r_en = score_text("The minister said the talks were „sehr konstruktiv“ and a success.", "en")
    assert r_en["polarity"] > 0


def test_explain_renders_html_with_highlights():
    ex = explain("Die Gespräche sind gescheitert.", "de")
    assert "<span" in ex._repr_html_() and "gescheitert" in ex._repr_html_()
    assert str(ex).startswith("polarity -")
    row = score_sentiment(pd.DataFrame({"text": ["Russland akzeptiert die Bedingungen nicht."]}), lang="de").iloc[0]
    html = explain(row)._repr_html_()
    assert "negated-after:nicht" in html and "border-bottom" in html
    assert "&lt;b&gt;" in explain("<b>Frieden</b>", "de")._repr_html_()  # text is escaped


# --- aggregation ------------------------------------------------------------------------------

def _scored():
    rng = np.random.default_rng(1)
    n = 60
    return pd.DataFrame({
        "speaker": rng.choice(["Putin", "Kim", "Lawrow"], n),
        "source": rng.choice(["dpa", "AFP"], n),
        "date": pd.to_datetime("2019-04-01") + pd.to_timedelta(rng.integers(0, 90, n), unit="D"),
        "polarity": rng.uniform(-1, 1, n), "cooperation": rng.uniform(-1, 1, n), "certainty": rng.uniform(-1, 1, n),
        "label": rng.choice(["positive", "neutral", "negative"], n),
    })


def test_tone_by_matches_an_independent_t_interval():
    df = _scored()
    out = tone_by(df, "speaker").set_index("speaker")
    for sp, g in df.groupby("speaker"):
        lo, hi = stats.t.interval(0.95, len(g) - 1, loc=g["polarity"].mean(), scale=stats.sem(g["polarity"]))
        assert out.loc[sp, "n"] == len(g)
        assert out.loc[sp, "polarity"] == pytest.approx(g["polarity"].mean())
        assert out.loc[sp, "polarity_lo"] == pytest.approx(lo) and out.loc[sp, "polarity_hi"] == pytest.approx(hi)
        assert out.loc[sp, "share_positive"] == pytest.approx((g["label"] == "positive").mean())


def test_grouped_intervals_against_scipy():
    df = _scored().assign(negative=lambda d: d["label"] == "negative")
    out = grouped_intervals(df, ["speaker"], means=("cooperation",), shares=("negative",), level=0.9, min_n=3)
    assert (out["n"] >= 3).all() and list(out["n"]) == sorted(out["n"], reverse=True)
    for row in out.itertuples(index=False):
        g = df[df["speaker"] == row.speaker]
        lo, hi = stats.t.interval(0.9, len(g) - 1, loc=g["cooperation"].mean(), scale=stats.sem(g["cooperation"]))
        assert (row.cooperation_lo, row.cooperation_hi) == pytest.approx((lo, hi))
        k = int(g["negative"].sum())
        ci = stats.binomtest(k, len(g)).proportion_ci(0.9, method="wilson")
        assert row.n_negative == k and row.share_negative == pytest.approx(k / len(g))
        assert (row.share_negative_lo, row.share_negative_hi) == pytest.approx((ci.low, ci.high))
    assert list(grouped_intervals(df.iloc[:0], ["speaker"], shares=("negative",)).columns) == [
        "speaker", "n", "n_negative", "share_negative", "share_negative_lo", "share_negative_hi"]


def test_tone_by_month_and_several_keys():
    df = _scored()
    by_month = tone_by(df, "month")
    assert by_month["n"].sum() == len(df) and len(by_month) == df["date"].dt.to_period("M").nunique()
    two = tone_by(df, ["source", "speaker"], min_n=5)
    assert (two["n"] >= 5).all() and {"source", "speaker"} <= set(two.columns)


def test_tone_by_single_unit_group_has_nan_interval_and_errors_are_clear():
    df = pd.DataFrame({"speaker": ["A"], "polarity": [0.5], "cooperation": [0.0], "certainty": [0.0]})
    out = tone_by(df, "speaker")
    assert out["n"].item() == 1 and math.isnan(out["polarity_lo"].item())
    with pytest.raises(InputError, match="missing column"):
        tone_by(df, "source")
    assert tone_by(df.iloc[:0], "speaker").empty


def test_founding_article_sentences_score_and_aggregate():
    path = ROOT / "data" / "putin-kim-wladiwostok.de.txt"
    if not path.exists():
        pytest.skip("sample article absent")
    from analysis.corpus import load_articles
    from analysis.segment import split_sentences

    articles, _ = load_articles([str(path)])
    sents = split_sentences(articles)
    scored = score_sentiment(sents.merge(articles[["article_id", "lang"]], on="article_id"))
    assert (scored["flag"] == "").all()
    assert scored["cooperation"].mean() > 0  # a summit in friendly atmosphere
    assert tone_by(scored, "article_id")["n"].item() == len(sents)


# --- plots ------------------------------------------------------------------------------------

def test_tone_plots_draw_into_the_given_axes(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.plots import save_figure
    from analysis.plots.tone import (
        cooperation_vs_polarity,
        tone_by_speaker,
        tone_over_time,
    )

    df = _scored()
    by_speaker = tone_by(df, "speaker")
    fig, axes = plt.subplots(1, 3)
    assert tone_by_speaker(by_speaker, ax=axes[0]) is axes[0]
    assert len(axes[0].get_yticklabels()) == 3
    assert cooperation_vs_polarity(by_speaker, ax=axes[1]) is axes[1]
    assert len(axes[1].texts) == 3
    ax = tone_over_time(tone_by(df, ["month", "source"]), group="source", ax=axes[2])
    assert ax is axes[2] and len(ax.get_lines()) >= 2
    assert all(p.exists() for p in save_figure(fig, "tone", folder=tmp_path))
    plt.close(fig)
    with pytest.raises(InputError):
        tone_by_speaker(by_speaker.iloc[:0])
    with pytest.raises(InputError, match="missing column"):
        tone_over_time(by_speaker)


def test_explain_a_row_read_back_from_parquet_or_scored_without_hits(tmp_path):
    scored = score_sentiment(["Die Gespräche scheiterten nicht."], lang="de")
    scored.to_parquet(tmp_path / "s.parquet")
    back = pd.read_parquet(tmp_path / "s.parquet").iloc[0]
    assert "negated-after:nicht" in str(explain(back))
    no_hits = score_sentiment(["Die Gespräche scheiterten nicht."], lang="de", hits=False).iloc[0]
    assert str(explain(no_hits, "de")) == str(explain(back))


def test_collector_is_paused_while_scoring_and_restored():
    import gc

    assert gc.isenabled()
    score_sentiment(["Die Gespräche waren konstruktiv."], lang="de")
    polarity_only(["talks failed"], "en")
    assert gc.isenabled()


@pytest.mark.parametrize("sentence,terms", [
    ("The United Nations met.", []),                     # part of a name: no tone
    ("He backed the Clean Air Act.", ["backed"]),
    ("United we stand.", ["united"]),                    # a capital at the sentence start says nothing
    ("It was a Good idea.", ["good"]),                   # no capitalised neighbour
    ("She said: Good news.", ["good"]),
    ("United States officials met.", []),               # listed names: also at the sentence start
    ("The Department of Energy said.", []),
    ("Peace talks resumed.", ["peace", "talks"]),
])
def test_english_names_carry_no_tone(sentence, terms):
    assert [h["term"] for h in score_text(sentence, "en")["hits"]] == terms
    assert polarity_only([sentence], "en")[0] == pytest.approx(score_text(sentence, "en")["polarity"])


@pytest.mark.parametrize("sentence", [
    "Er könne aber nicht sagen, ob für solche Beratungen die Zeit reif sei.",  # the founding article
    "Er könne nicht sagen, ob die Zeit reif sei.",
    "Man kann noch nicht sagen, wie es ausgeht.",
])
def test_cannot_say_is_a_hedge_also_with_a_particle(sentence):
    assert score_text(sentence, "de")["certainty"] < -0.3


def test_scatter_labels_work_on_vector_backends(tmp_path):
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    from analysis.plots.tone import cooperation_vs_polarity

    tone = pd.DataFrame({"speaker": ["A", "B", "C"], "n": [3, 2, 2], "polarity": [0.4, 0.4, 0.4],
                         "cooperation": [0.3, 0.3, 0.3]})
    fig = Figure()
    FigureCanvasSVG(fig)
    ax = cooperation_vs_polarity(tone, ax=fig.add_subplot())
    fig.savefig(tmp_path / "tone.svg")
    assert [t.get_text() for t in ax.texts] == ["A", "B", "C"]
    assert len({t.get_position() for t in ax.texts}) == 3  # moved apart, not stacked


FILLER = "in the report on the plans of the regional office for the coming year"  # 15 words of no tone


@pytest.mark.parametrize("sentence,label", [
    ("They will expand the program .", "positive"),                       # one weak word in a short clause
    (f"They will expand the program {FILLER} .", "neutral"),              # ... in a long report: too little
    (f"They will expand and improve the program {FILLER} .", "positive"),  # two words of tone are evidence
    (f"It had devastating effects {FILLER} .", "negative"),               # one strong word still tones it
])
def test_one_word_of_tone_is_less_evidence_in_a_longer_sentence(sentence, label):
    rows = score_sentiment([sentence], lang="en", events=False)
    assert rows["label"].iloc[0] == label
    assert score_sentiment([sentence], lang="en", hits=False, events=False)["label"].iloc[0] == label  # fast path
    assert score_text(sentence, "en", events=False)["label"] == label


def test_the_length_of_a_sentence_leaves_german_evidence_alone():
    assert score_text("Wir werden die Ukraine in den kommenden Jahren und in allen Fragen der Region "
                      "weiter unterstützen .", "de", events=False)["label"] == "positive"


def test_table_labels_weigh_evidence_by_the_words_of_each_row():
    p, n = np.array([0.3, 0.3, 0.3]), np.array([1, 1, 1])
    words = np.array([10, 20, 20])
    assert _labels(p, n, ["en", "en", "de"], 0.05, words) == ["positive", "neutral", "positive"]
    assert [_label(x, 0.05, 1, lg, w) for x, lg, w in zip(p.tolist(), ["en", "en", "de"], words)] == \
        ["positive", "neutral", "positive"]


@pytest.mark.parametrize("text,label", [
    # a judgement of conduct or policy that the base lexicon weighs at a fifth: one word passes the band of 0.4
    ("So geht seriöse Finanzpolitik.", "positive"),
    ("Die Onlinewahl ist sinnvoll.", "positive"),
    ("Er nannte die Wahl eine Ungerechtigkeit.", "negative"),
    ("Das ist eine bösartige Kampagne.", "negative"),
    ("Damit hat sich die Regierung ins eigene Knie geschossen.", "negative"),   # the image of harming oneself
    ("Er trug nach dem Spiel eine Schiene am Knie.", "neutral"),                 # a knee, no image
])
def test_german_judgements_of_conduct(text, label):
    assert score_text(text, "de", events=False)["label"] == label
