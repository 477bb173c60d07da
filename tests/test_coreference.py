import re

import pandas as pd
import pytest

from analysis.coreference import person_antecedent, sentence_starts
from analysis.speakers import _ArticleEntities, resolve_speakers


def resolve_all(text, mentions, lang="de"):
    rows, at = [], 0
    for m in mentions:
        start = re.compile(rf"(?<!\w){re.escape(m)}(?!\w)").search(text, at).start()
        at = start + len(m)
        rows.append({"article_id": "x", "speaker_mention": m, "speaker_span": [start, at],
                     "speaker_resolution": "explicit"})
    out = resolve_speakers(pd.DataFrame(rows), pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]}))
    return list(out["speaker"])


TEXT = ("Wolfgang Wieland sagte, die Kontrolle sei schwierig. "
        "Der Präsidentschaftskandidat der Opposition, Morgan Tsvangirai, analysierte die Lage. "
        "Die Pläne der Regierung unter Robert Mugabe bezeichnete er als Verbrechen.")


def test_sentence_starts():
    assert sentence_starts("Er kam. Sie ging.", 0, 17) == [0, 8]


def test_english_he_takes_the_president_mentioned_since_the_last_named_person():
    text = ("MS. LEAVITT: Senator Tom Cotton said that he has seen the intelligence.\n\n"
            "Q And the tariffs?\n\n"
            "MS. LEAVITT: The President Donald Trump was clear. Again, the president has said that he "
            "is still considering that.")
    ents = _ArticleEntities(text, "en")
    cotton = text.index("Tom Cotton")
    assert person_antecedent(ents, text.index("he is still"), [(cotton, "Tom Cotton")]) == "Donald Trump"
    assert person_antecedent(ents, text.index("he has seen"), [(cotton, "Tom Cotton")]) == "Tom Cotton"


def test_english_he_skips_organisations_and_capitalised_phrases():
    text = ("President Biden met the White House Counsel’s Office. Executive Director for Strategic Planning. "
            "He said more.")
    q = pd.DataFrame({"article_id": ["x"], "speaker_mention": ["He"], "speaker_span": [[text.index("He said"), text.index("He said") + 2]],
                      "speaker_resolution": ["explicit"]})
    out = resolve_speakers(q, pd.DataFrame({"article_id": ["x"], "lang": ["en"], "text": [text]}))
    assert out["speaker"].item() == "Biden"


def test_the_verb_gives_the_number_of_sie():
    text = "Claudia Mo sprach von Schüssen. Es sei ruhig, sagte sie. Es sei laut, sagten sie."
    assert [s if isinstance(s, str) else None for s in resolve_all(text, ["Claudia Mo", "sie", "sie"])] == [
        "Claudia Mo", "Claudia Mo", None]
    text = ("Gerhard Schröder sagte etwas. Werner Schulz und Jelena Hoffmann klagen. "
            "Die Frage sei offen, erklärten sie.")
    assert resolve_all(text, ["Gerhard Schröder", "sie"])[1] != "Gerhard Schröder"


def test_verb_number_stays_in_the_clause():
    from analysis.pronoun_agreement import verb_number

    text = "Sie will nicht kandidieren. Sie wird zitiert."
    assert verb_number(text, text.rindex("Sie"), 3) == "sg"
    assert verb_number("„Nein“, sagten sie.", 15, 3) == "pl"
    assert verb_number("Sie, die Chefin, lachte.", 0, 3) is None
    # "Herr Scholz, Sie haben gesagt": the form of address takes a plural verb for one person
    assert verb_number("Herr Scholz, Sie haben gesagt, es gehe.", 13, 3) is None
    assert verb_number("Herr Scholz, Sie sagte, es gehe.", 13, 3) == "sg"


def test_a_role_in_the_genitive_introduces_its_name():
    text = ("Die Ansichten des venezolanischen Präsidenten Hugo Chávez sind bekannt. "
            "Der venezolanische Staatschef kündigte einen Vorschlag an.")
    assert resolve_all(text, ["Der venezolanische Staatschef"]) == ["Hugo Chávez"]
    # a plural in the dative, and a common noun after a genitive, introduce no one
    text = ("Sie sprachen mit den Entführern Nasser Baoum. Er klagte gegen die Entscheidung des "
            "Bundespräsidenten Klage. Der Bundespräsident schwieg.")
    ents = _ArticleEntities(text, "de")
    assert [r[3] for r in ents.roles] == []


def test_sie_with_a_singular_verb_is_no_plural_noun():
    text = "Augenzeugen berichteten von Panzern. Die Gewerkschaft der Polizei warnte. Sie sagte, es sei ernst."
    ents = _ArticleEntities(text, "de")
    assert not ents.agrees("sie", "Augenzeugen", "sg") and ents.agrees("sie", "Augenzeugen", "pl")


def test_a_lower_case_medium_is_one_word():
    # "the newspaper" is a lower-case fragment, not the medium it describes
    speaker = resolve_all("As the newspaper reported, the plan failed.", ["the newspaper"], lang="en")[0]
    assert not isinstance(speaker, str)
    assert resolve_all("Nach Angaben von n24 sei es ruhig.", ["Angaben von n24"]) == ["n24"]


def test_a_pronoun_takes_the_unnamed_spokesperson_of_the_sentence_before():
    text = ("Die Zeitung Haaretz meldete den Beginn der Offensive. Die Offensive wurde von einer "
            "Armeesprecherin bestätigt. Sie sagte, das Ziel sei erreicht.")
    assert resolve_all(text, ["Die Zeitung Haaretz", "Sie"])[1] == "Armee"


@pytest.mark.parametrize("text,mentions,lang,speakers", [
    # the subject of the sentence before, not the previous speaker nor the later Mugabe of a phrase
    pytest.param(TEXT,
                 ["Wolfgang Wieland", "er"], "de", ["Wolfgang Wieland", "Morgan Tsvangirai"], id="pronoun_takes_the_subject_named_since_the_previous_speaker"),
    pytest.param("Wolfgang Wieland sagte, die Kontrolle sei schwierig. Die Lage sei ernst, fügte er hinzu.",
                 ["Wolfgang Wieland", "er"], "de", ["Wolfgang Wieland", "Wolfgang Wieland"], id="pronoun_without_a_new_subject_keeps_the_previous_speaker"),
    pytest.param("Wolfgang Wieland sagte etwas. „Morgan Tsvangirai hat recht“, sagte er. "
                 "Er fügte hinzu, die Lage sei ernst.",
                 ["Wolfgang Wieland", "Er"], "de", ["Wolfgang Wieland", "Wolfgang Wieland"], id="names_inside_a_quotation_are_no_subject"),
    pytest.param("Die Abgeordnete Gisela Piltz und Wolfgang Wieland sprachen. Wieland sagte, alles sei gut. "
                 "Piltz schloss sich an. Sie warf der Regierung Versagen vor.",
                 ["Wieland", "Sie"], "de", ["Wolfgang Wieland", "Gisela Piltz"], id="a_short_subject_becomes_the_name_introduced_before"),
    pytest.param("John Smith said it was fine. Later Mary Jones arrived. He added that all was well.",
                 ["John Smith", "He"], "en", ["John Smith", "John Smith"], id="english_pronouns_keep_the_previous_speaker"),
    pytest.param("Martin Lee sagte, dies sei keine Demokratie. Was die Einwohner Hongkongs wollten, sei das Wahlrecht. "
                 "Er nannte es eine Farce.",
                 ["Martin Lee", "Er"], "de", ["Martin Lee", "Martin Lee"], id="a_noun_after_an_article_is_no_subject"),
    pytest.param("Der Geschäftsführer der Abfallentsorgungsfirma, Gerd-Jürgen Bruckschen, hatte das Verfahren verteidigt. "
                 "Später wies der Geschäftsführer alle Vorwürfe zurück.",
                 ["der Geschäftsführer"], "de", ["Gerd-Jürgen Bruckschen"], id="role_with_a_genitive_and_the_name_in_commas"),
    pytest.param("Das isländische Fischereiministerium legte die Quote fest. Sie sei tragfähig, so das Ministerium. "
                 "Die Polizei sagte nichts.",
                 ["das Ministerium", "Die Polizei"], "de", ["Fischereiministerium", "Polizei"], id="an_organisation_noun_takes_the_compound_named_before"),
    pytest.param("Ärzte ohne Grenzen teilte mit, drei Flugzeuge der Hilfsorganisation seien gelandet. "
                 "Der Organisation zufolge wurden viele Helfer eingestellt.",
                 ["Ärzte ohne Grenzen", "Der Organisation"], "de", ["Ärzte ohne Grenzen", "Ärzte ohne Grenzen"],
                 id="a_generic_compound_takes_up_the_organisation_that_spoke"),
    # near miss: the speaker before the compound is a role noun itself, the compound stays
    pytest.param("Die Polizei teilte mit, das Innenministerium prüfe den Fall. Das Ministerium sagte nichts.",
                 ["Die Polizei", "Das Ministerium"], "de", ["Polizei", "Innenministerium"],
                 id="a_compound_after_a_role_noun_speaker_stays"),
    # near miss: a person spoke before the compound
    pytest.param("Klaus Müller sagte, das Fischereiministerium prüfe den Fall. Das Ministerium sagte nichts.",
                 ["Klaus Müller", "Das Ministerium"], "de", ["Klaus Müller", "Fischereiministerium"],
                 id="a_compound_after_a_person_speaker_stays"),
    # "er" skips Claudia Mo, the newer subject, for the man named before her
    pytest.param("Li Fei Wang sagte, die Wahl sei frei. Claudia Mo widersprach ihm im Parlament. "
                 "Die Regeln seien klar, fügte er hinzu.",
                 ["Li Fei Wang", "er"], "de", ["Li Fei Wang", "Li Fei Wang"], id="a_first_name_gives_the_gender_of_a_person"),
    pytest.param("Nach Angaben des Roten Kreuzes starben zehn Menschen. Das Weiße Haus schwieg.",
                 ["Angaben des Roten Kreuzes", "Das Weiße Haus"], "de", ["Rotes Kreuz", "Weißes Haus"], id="an_institution_named_with_an_adjective_takes_its_nominative"),
    pytest.param("Der Beamte Filep Karma wurde verhaftet. Filep Karma sagte, er kämpfe weiter.",
                 ["Filep Karma"], "de", ["Filep Karma"], id="a_describing_noun_before_a_full_name_is_dropped"),
    pytest.param("Der rheinland-pfälzische Ministerpräsident Kurt Beck (SPD) hat eigenen Angaben zufolge Briefe erhalten.",
                 ["eigenen Angaben"], "de", ["Kurt Beck"], id="eigene_angaben_name_the_subject_of_their_clause-1"),
    pytest.param("Die ersten Funde machten sie im Jahr 2000, im Jahr 2004 war die Gruppe nach eigener Aussage am Ziel.",
                 ["eigener Aussage"], "de", ["Gruppe"], id="eigene_angaben_name_the_subject_of_their_clause-2"),
    pytest.param("In einem Positionspapier des Bundesministeriums des Innern heißt es, die Lage sei ernst.",
                 ["einem Positionspapier des Bundesministeriums des Innern"], "de", ["Bundesministerium des Innern"], id="a_ministry_keeps_the_genitive_of_its_name"),
    pytest.param("Das habe laut einem Augenzeugen lange gedauert.",
                 ["einem Augenzeugen"], "de", ["Augenzeuge"], id="a_weak_noun_after_a_singular_article_is_one_person-1"),
    pytest.param("Nach Angaben von Augenzeugen sei es ruhig.",
                 ["Angaben von Augenzeugen"], "de", ["Augenzeugen"], id="a_weak_noun_after_a_singular_article_is_one_person-2"),
])
def test_resolve_all(text, mentions, lang, speakers):
    assert resolve_all(text, mentions, lang=lang) == speakers
