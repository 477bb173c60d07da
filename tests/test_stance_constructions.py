"""The stance constructions beyond the verbs: nouns of change, clause barriers, necessity, the English
passive, dictionary opposites and verbs against a problem (docs/networks.md, Agreement)."""
import pandas as pd
import pytest

from analysis.concepts import find_concepts, read_concepts
from analysis.errors import InputError
from analysis.stance import head_toward, stance_toward
from analysis.statements import statements_from_articles


def _agreement(text: str, concepts: dict, lang: str) -> list[tuple[str, int]]:
    """The statements of a speech of one speaker: (concept, agreement) by position."""
    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    st, _ = statements_from_articles(arts, concepts=concepts)
    return list(zip(st["concept"], st["agreement"]))


@pytest.mark.parametrize("text, lang, concept, agreement", [
    # a stance toward a noun of change is, times its sign, a stance toward the concept it heads
    ("Wir brauchen keine Reform der Schuldenbremse.", "de", "Schuldenbremse", 1),
    ("Wir fordern die Abschaffung der einrichtungsbezogenen Schuldenbremse.", "de", "Schuldenbremse", -1),
    ("We oppose cuts to Social Security.", "en", "Social Security", 1),
    ("We demand the repeal of Social Security.", "en", "Social Security", -1),
    ("We demand the expansion of Social Security.", "en", "Social Security", 1),
    ("Sie warnte vor einer Gefahr für die Demokratie.", "de", "Demokratie", 1),  # against a danger to it
    ("We warn against threats to Social Security.", "en", "Social Security", 1),
])
def test_a_noun_of_change_turns_the_stance_toward_its_object(text, lang, concept, agreement):
    concepts = {concept: {"phrases": [concept]} if " " in concept else {"lemmas": [concept]}}
    assert _agreement(text, concepts, lang) == [(concept, agreement)]


def test_head_toward_needs_a_link_word_and_knows_heads_by_lemma():
    assert head_toward("Die Kürzungen der Rente", 18, lang="de") == (-1, "Kürzungen")
    assert head_toward("Die Reform Rente", 11, lang="de") is None  # no link word between
    assert head_toward("an end to the war", 14, lang="en") == (-1, "end")
    assert head_toward("we support the war", 15, lang="en") is None


@pytest.mark.parametrize("text, lang, word", [
    ("Wir lehnen die Steuer ab, weil die Rente sinkt.", "de", "Rente"),
    ("Wir fordern mehr Geld, aber die Rente bleibt.", "de", "Rente"),
    ("We reject the tax because pensions fall.", "en", "pensions"),
    ("We support the tax, but pensions fall.", "en", "pensions"),
])
def test_a_stance_verb_does_not_reach_past_a_clause_of_its_own(text, lang, word):
    assert stance_toward(text, text.index(word), lang=lang) is None
    assert stance_toward(text, text.index("Steuer" if lang == "de" and "Steuer" in text else "tax"
                                          if lang == "en" else "Geld"), lang=lang) is not None


@pytest.mark.parametrize("text, lang, agreement", [
    ("Die Rente ist unverzichtbar.", "de", 1),
    ("Eine höhere Rente ist dringend notwendig.", "de", 1),
    ("Eine höhere Rente ist nicht nötig.", "de", -1),
    ("A higher pension is essential.", "en", 1),
    ("A higher pension is not necessary.", "en", -1),
])
def test_a_word_of_necessity_after_the_concept_is_a_demand(text, lang, agreement):
    word = "Rente" if lang == "de" else "pension"
    stance = stance_toward(text, text.index(word), lang=lang)
    assert (stance.agreement, stance.negated) == (agreement, agreement < 0)


def test_english_verbs_after_the_concept_count_in_the_passive_only():
    assert stance_toward("The tax will reduce pensions.", 4, lang="en") is None  # the tax is the subject
    assert stance_toward("The tax was rejected by the Senate.", 4, lang="en").agreement == -1
    # German verb-final clauses keep the verb after the object; a verb of wanting gives way to it
    assert stance_toward("Die SPD will die Steuer abschaffen.", 17, lang="de").agreement == -1
    assert stance_toward("Die SPD will die Steuer nicht abschaffen.", 17, lang="de").agreement == 1
    assert stance_toward("Die SPD will die Steuer.", 17, lang="de").agreement == 1


@pytest.mark.parametrize("text, lang, word, agreement", [
    ("Die FDP hat noch keiner Steuererhöhung zugestimmt.", "de", "Steuererhöhung", -1),
    ("Der Minister wollte beim Bürgergeld eine Milliarde einsparen.", "de", "Bürgergeld", -1),
    ("We will continue to enhance the tariffs.", "en", "tariffs", 1),
    ("The Senate voted against the tariffs.", "en", "tariffs", -1),
    ("Die EU hat neue Sanktionen verhängt.", "de", "Sanktionen", 1),
    ("We imposed new tariffs.", "en", "tariffs", 1),
])
def test_verbs_of_voting_saving_continuing_and_imposing(text, lang, word, agreement):
    assert stance_toward(text, text.index(word), lang=lang).agreement == agreement


def test_dictionary_opposites_are_read_with_a_sign():
    d = read_concepts({"Atomkraft": {"lemmas": ["Kernkraft"], "opposites": ["Atomausstieg", "Ausstieg aus der Kernkraft"]}})
    assert d[["kind", "pattern", "sign"]].values.tolist() == [
        ["lemma", "Kernkraft", 1], ["lemma", "Atomausstieg", -1], ["phrase", "Ausstieg aus der Kernkraft", -1]]
    assert [(m.pattern, m.sign) for m in find_concepts("Der Atomausstieg und die Kernkraft", d, lang="de")] == [
        ("Atomausstieg", -1), ("Kernkraft", 1)]


def test_a_csv_dictionary_gives_opposites_by_a_sign_column(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("concept,kind,pattern,sign\nclimate action,phrase,clean energy,1\n"
                    "climate action,phrase,climate change,-1\n", encoding="utf-8")
    assert read_concepts(path)["sign"].tolist() == [1, -1]
    path.write_text("concept,kind,pattern,sign\nclimate action,phrase,climate change,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: sign '2'"):
        read_concepts(path)


@pytest.mark.parametrize("text, lang, agreement", [
    ("Wir begrüßen den Atomausstieg.", "de", -1),                    # for the opposite: against the concept
    ("Wir wollen den Klimawandel bekämpfen.", "de", 1),                 # against the problem: for the remedy
    ("The President will fight climate change.", "en", 1),
    ("We must prevent the climate crisis.", "en", 1),
    ("We will renew the ban on assault weapons.", "en", 1),             # "ban" is the verb's word, counted once
    ("The climate crisis is a terrible threat to our children.", "en", 1),  # lamenting the problem
])
def test_a_stance_toward_an_opposite_is_reversed(text, lang, agreement):
    concepts = {"Atomkraft": {"lang": "de", "lemmas": ["Kernkraft"], "opposites": ["Atomausstieg"]},
                "Klimaschutz": {"lang": "de", "lemmas": ["Klimaschutz"], "opposites": ["Klimawandel"]},
                "climate action": {"lang": "en", "phrases": ["clean energy"], "opposites": ["climate change", "climate crisis"]},
                "gun safety": {"lang": "en", "phrases": ["background checks"], "opposites": ["assault weapons"]}}
    (concept, coded), = _agreement(text, concepts, lang)
    assert coded == agreement


def test_negative_tone_elsewhere_is_no_stance_against_the_concept():
    from analysis.stance import tone_agreement

    lament = "Das ist eine Schande und falsch. Wir wollen den Mindestlohn."
    assert tone_agreement(lament, lang="de", at=lament.index("Mindestlohn"))[0] == 1
    # unchanged: a negative word in the mention's own sentence, or no mention to aim at
    attack = "Der Mindestlohn ist eine Schande und falsch."
    assert tone_agreement(attack, lang="de", at=attack.index("Mindestlohn"))[0] == -1
    assert tone_agreement(lament, lang="de")[0] == -1
    assert tone_agreement("This is a great success.", lang="en", at=10)[0] == 1


@pytest.mark.parametrize("text, agreement", [
    ("The climate crisis is real, and our great plan is a success.", 1),  # a problem named: against it
    ("We welcome the climate crisis.", -1),  # unchanged: a stance construction toward the opposite
])
def test_naming_an_opposite_without_a_construction_is_against_it(text, agreement):
    concepts = {"climate action": {"phrases": ["clean energy"], "opposites": ["climate crisis"]}}
    assert _agreement(text, concepts, "en") == [("climate action", agreement)]


@pytest.mark.parametrize("text, concept, agreement", [
    ("We will deal with border security now.", "border security", 1),   # working on it
    ("We must address our broken immigration system.", "immigration", 1),
    ("They are not dealing with border security.", "border security", -1),
    ("We will tackle climate change.", "climate action", 1),              # a problem: against it
    ("We will reduce the tariffs.", "tariffs", -1),                       # unchanged: no verb of working on
])
def test_a_verb_of_working_on_a_matter_is_for_it(text, concept, agreement):
    concepts = {"border security": {"phrases": ["border security"]}, "immigration": {"lemmas": ["immigration"]},
                "tariffs": {"lemmas": ["tariff"]},
                "climate action": {"phrases": ["clean energy"], "opposites": ["climate change"]}}
    assert _agreement(text, concepts, "en") == [(concept, agreement)]


def test_a_verb_governing_an_infinitive_takes_no_side_on_what_follows():
    text = "Some folks wanted to talk about gun violence."
    assert stance_toward(text, text.index("gun"), lang="en") is None
    # unchanged: a stance verb in the infinitive, a preposition "to", a noun of change heading the mention
    for text, word, agreement in [("We want to protect Social Security.", "Social", 1),
                                  ("We object to the tariffs.", "tariffs", -1),
                                  ("We seek to end the tariffs.", "tariffs", 1)]:
        assert stance_toward(text, text.index(word), lang="en").agreement == agreement


def test_an_english_noun_after_the_mention_is_no_stance_verb():
    text = "Vaccines remain our most important tool in our fight against the virus."
    assert stance_toward(text, 0, lang="en") is None
    assert stance_toward("The tax was fought by the Senate.", 4, lang="en").agreement == -1  # unchanged: passive


@pytest.mark.parametrize("text, agreement", [
    ("We talked about the debt limit today.", 1),      # "debt" is the concept's own word, no tone: named, for it
    ("The debt limit is a terrible disaster.", -1),    # unchanged: the words around it
])
def test_a_concepts_own_words_are_no_tone_toward_it(text, agreement):
    assert _agreement(text, {"debt ceiling": {"phrases": ["debt limit"]}}, "en") == [("debt ceiling", agreement)]


@pytest.mark.parametrize("text, agreement", [
    ("Der Atomausstieg ist ein großer Sicherheitsgewinn und ein Erfolg.", -1),  # a reversal: tone reversed
    ("Der Klimawandel ist ein großer Erfolg für alle.", 1),                    # a problem named: against it
])
def test_an_opposite_that_reverses_the_concept_keeps_its_tone(text, agreement):
    concepts = {"Atomkraft": {"lemmas": ["Kernkraft"], "opposites": ["Atomausstieg"]},
                "Klimaschutz": {"lemmas": ["Klimaschutz"], "opposites": ["Klimawandel"]}}
    (_, coded), = _agreement(text, concepts, "de")
    assert coded == agreement


def test_a_verb_of_wanting_in_a_clause_of_its_own_does_not_reach_the_mention():
    text = "Sie wollen nicht mehr, sie können nicht mehr, und das ist kein Ruhmesblatt für unsere Demokratie."
    assert stance_toward(text, text.index("Demokratie"), lang="de") is None
    # unchanged: its object clause, its object
    for text in ["Wir wollen, dass die Sanktionen bleiben.", "Wir wollen die Sanktionen."]:
        assert stance_toward(text, text.index("Sanktionen"), lang="de").agreement == 1


@pytest.mark.parametrize("text, lang, agreement", [
    # a preposition of opposition governing the mention, alone or times a verb before it
    ("Vier Fünftel der Menschen sind gegen das Heizungsgesetz.", "de", -1),
    ("Wir haben gegen das unsägliche Heizungsgesetz geredet.", "de", -1),
    ("Wir sind nicht gegen das Heizungsgesetz.", "de", 1),
    ("Wir fordern Maßnahmen gegen das Heizungsgesetz.", "de", -1),
    ("Most Americans are against the assault weapons ban.", "en", -1),
    ("We will fight against the assault weapons ban.", "en", -1),     # right after the verb: the verb's own
    ("We are not against the assault weapons ban.", "en", 1),
    # must not change: the verb's own preposition, a noun of change before it, no preposition
    ("Wir sprechen uns gegen das Heizungsgesetz aus.", "de", -1),
    ("Wir verurteilen die Angriffe gegen das Heizungsgesetz.", "de", 1),
    ("Wir unterstützen das Heizungsgesetz.", "de", 1),
    ("We support the assault weapons ban.", "en", 1),
])
def test_a_preposition_of_opposition_is_against_the_mention(text, lang, agreement):
    concept = "Heizungsgesetz" if lang == "de" else "assault weapons ban"
    assert _agreement(text, {concept: {"phrases": [concept]}}, lang) == [(concept, agreement)]


def test_against_a_problem_is_for_the_concept_it_opposes():
    concepts = {"Klimaschutz": {"lemmas": ["Klimaschutz"], "opposites": ["Klimawandel"]}}
    assert _agreement("Wir kämpfen gemeinsam gegen den Klimawandel.", concepts, "de") == [("Klimaschutz", 1)]


@pytest.mark.parametrize("text, lang, agreement", [
    # a stance verb whose subject is the one addressed: the speaker contests the position
    ("Jetzt wollen Sie die Schuldenbremse abschaffen.", "de", 1),
    ("Aber stattdessen fordern Sie die Schuldenbremse.", "de", -1),
    ("Wir wissen, Sie lehnen die Schuldenbremse ab.", "de", 1),
    # must not change: the speaker's own, a third party ("sie"), "Sie" first in its sentence (she, they),
    # "Sie" in another clause, and English, whose "you" is the audience as often as an opponent
    ("Wir wollen die Schuldenbremse abschaffen.", "de", -1),
    ("Jetzt fordern sie die Schuldenbremse.", "de", 1),
    ("Sie fordert die Schuldenbremse.", "de", 1),
    ("Wir fordern die Schuldenbremse, Sie lehnen alles ab.", "de", 1),
    ("Now you oppose the Schuldenbremse.", "en", -1),
])
def test_a_position_ascribed_to_the_addressee_is_contested(text, lang, agreement):
    concepts = {"Schuldenbremse": {"lemmas": ["Schuldenbremse"]}}
    assert _agreement(text, concepts, lang) == [("Schuldenbremse", agreement)]


@pytest.mark.parametrize("text, lang, agreement", [
    # a negative word in another clause of the mention's sentence is aimed past the mention
    ("Das ist eine Schande, wir brauchen den Mindestlohn.", "de", 1),
    ("This is a disgrace, and we need the minimum wage.", "en", 1),
    # must not change: a negative word in the mention's own clause
    ("Der Mindestlohn ist eine Schande.", "de", -1),
    ("The minimum wage is a disgrace.", "en", -1),
])
def test_negative_tone_counts_in_the_mentions_clause(text, lang, agreement):
    concept = "Mindestlohn" if lang == "de" else "minimum wage"
    assert _agreement(text, {concept: {"phrases": [concept]}}, lang) == [(concept, agreement)]


def _coded(text: str, lang: str, **options) -> pd.DataFrame:
    from analysis import build_actors, extract_quotes
    from analysis.statements import build_statements

    arts = pd.DataFrame({"article_id": ["s"], "lang": [lang], "text": [text], "speaker": ["Anna Beispiel"]})
    actors, quotes = build_actors(extract_quotes(arts), articles=arts)
    concept = "Mindestlohn" if lang == "de" else "minimum wage"
    return build_statements(quotes, articles=arts, actors=actors, concepts={concept: {"phrases": [concept]}}, **options)


@pytest.mark.parametrize("text, lang", [
    ("Heute reden wir über den Mindestlohn.", "de"),
    ("Today we talk about the minimum wage.", "en"),
])
def test_a_mention_without_stance_or_tone_is_named_for_it(text, lang):
    st = _coded(text, lang)
    assert st[["agreement", "agreement_source"]].values.tolist() == [[1, "named"]]
    assert st["evidence"].iloc[0].endswith("named without a side: for it")
    kept = _coded(text, lang, neutral=0)
    assert kept[["agreement", "agreement_source"]].values.tolist() == [[0, "none"]]


@pytest.mark.parametrize("text, lang", [
    ("Wir fordern den Mindestlohn.", "de"),
    ("We oppose the minimum wage.", "en"),
])
def test_a_stance_is_not_named(text, lang):
    assert _coded(text, lang)["agreement_source"].tolist() == ["stance"]


@pytest.mark.parametrize("neutral", [2, -1, "1", True, None])
def test_neutral_must_be_zero_or_one(neutral):
    with pytest.raises(InputError, match="neutral: expected 0 or 1"):
        _coded("Wir fordern den Mindestlohn.", "de", neutral=neutral)


@pytest.mark.parametrize("text, agreement", [
    # the addressee's policy, named to contest it
    ("Heute beraten wir Ihr Heizungsgesetz.", -1),
    ("Heute beraten wir Ihr neues Heizungsgesetz.", -1),
    # must not change: a stance verb, the speaker's own, "Ihr" first in its sentence, a third party's ("ihrem")
    ("Wir unterstützen Ihr Heizungsgesetz.", 1),
    ("Heute beraten wir unser Heizungsgesetz.", 1),
    ("Ihr Heizungsgesetz kommt heute.", 1),
    ("Heute beraten wir ihr Heizungsgesetz.", 1),
])
def test_the_addressees_policy_is_contested(text, agreement):
    assert _agreement(text, {"Heizungsgesetz": {"lemmas": ["Heizungsgesetz"]}}, "de") == [("Heizungsgesetz", agreement)]


def test_english_has_no_addressee_possessive():
    assert _agreement("Today we discuss your minimum wage.", {"minimum wage": {"phrases": ["minimum wage"]}},
                      "en") == [("minimum wage", 1)]


@pytest.mark.parametrize("text, agreement", [
    # a demand on the one addressed, an imperative: the speaker's own stance, not a position ascribed
    ("Hören Sie auf, über die Schuldenbremse zu reden!", -1),
    ("Meine Bitte an die Union: Hören Sie auf, über die Schuldenbremse zu reden.", -1),
    ("Unterstützen Sie die Schuldenbremse!", 1),
    ("Kehren Sie um bei der Schuldenbremse!", -1),
    # a condition the speaker wants met
    ("Wenn Sie der Schuldenbremse zustimmen, haben wir eine Mehrheit.", 1),
    # must not change: a question ascribes the position, as a statement does
    ("Wollen Sie die Schuldenbremse abschaffen?", 1),
    ("Jetzt wollen Sie die Schuldenbremse abschaffen.", 1),
    ("Aber stattdessen fordern Sie die Schuldenbremse.", -1),
])
def test_an_imperative_or_a_condition_addressed_to_sie_is_the_speakers_demand(text, agreement):
    concepts = {"Schuldenbremse": {"lemmas": ["Schuldenbremse"]}}
    assert _agreement(text, concepts, "de") == [("Schuldenbremse", agreement)]


@pytest.mark.parametrize("text, agreement", [
    ("Wir setzen auf die Kernenergie.", 1),
    ("Wäre es nicht sinnvoller, auf Kernenergie zu setzen?", 1),
    ("Jetzt setzen Sie auf die Kernenergie, das ist falsch.", -1),  # the addressee's
    # must not change: no preposition auf
    ("Wir setzen heute die Debatte über die Kernenergie fort.", 1),
])
def test_setting_on_a_concept_is_for_it(text, agreement):
    assert _agreement(text, {"Atomkraft": {"lemmas": ["Kernenergie"]}}, "de") == [("Atomkraft", agreement)]


@pytest.mark.parametrize("text, agreement", [
    # a noun of change that the mention modifies: the stance is toward the compound
    ("We will pass an assault weapons ban.", 1),
    ("I am proud that I passed the assault weapons ban.", 1),
    ("We support Medicaid cuts.", -1),
    # must not change: the mention alone, or a noun that is no change
    ("We will pass a tax on assault weapons.", -1),
    ("We support Medicaid expansion.", 1),
    ("We support Medicaid.", 1),
])
def test_an_english_compound_of_change_turns_the_stance(text, agreement):
    concepts = {"gun safety": {"phrases": ["gun safety"], "opposites": ["assault weapons"]},
                "Medicaid": {"lemmas": ["Medicaid"]}}
    found = _agreement(text, concepts, "en")
    assert len(found) == 1 and found[0][1] == agreement
