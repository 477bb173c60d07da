"""A pointer (Demnach, wonach) with no speaker before it takes up the holder of the sentence it points
back to; a pronoun opening a subordinate clause takes up its main clause (docs/actors.md, "Measured
with a cause table of the pronoun and role errors")."""
import pandas as pd
import pytest

from analysis.clause_antecedent import main_clause_antecedent, previous_subject
from analysis.speaker_pointers import holds_statements, pointer_holder
from analysis.speakers import _ArticleEntities, resolve_speakers


def _resolve(text: str, rows: list[tuple[str, str | None, str]]) -> list:
    """Speakers of quotations given as (cue, mention or None, resolution), in text order."""
    cues = [text.index(c) for c, _, _ in rows]
    ments = [text.index(m) if m else None for _, m, _ in rows]
    quotes = pd.DataFrame({
        "article_id": ["a"] * len(rows), "speaker_mention": [m for _, m, _ in rows],
        "speaker_span": [[p, p + len(m)] if m else None for p, (_, m, _) in zip(ments, rows)],
        "cue_span": [[c, c + len(cue)] for c, (cue, _, _) in zip(cues, rows)],
        "speaker_resolution": [r for _, _, r in rows], "spans": [[[c + 8, c + 20]] for c in cues]})
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    return out["speaker"].tolist()


@pytest.mark.parametrize("text, expected", [
    ("Das Bundeskartellamt hat heute seinen Bericht vorgelegt. Demnach gebe es keinen Verstoß.", "Bundeskartellamt"),
    ("Die Regierungskoalition hat sich am Sonntag geeinigt. Demnach sollen die Werke länger laufen.",
     "Regierungskoalition"),
    ("Angela Merkel hat am Montag ihren Plan vorgestellt. Demnach soll die Steuer sinken.", "Angela Merkel"),
])
def test_a_pointer_takes_the_holder_of_the_sentence_before(text, expected):
    assert _resolve(text, [("Demnach", None, "none")]) == [expected]


@pytest.mark.parametrize("text", [
    "Der gefälschte Lebenslauf war im Internet veröffentlicht worden. Demnach habe sie studiert.",  # a thing
    "Inzwischen sind präzise Beschuldigungen bekannt geworden. Demnach steht der Kopilot in der Kritik.",
    "Nach Angaben der Polizei war es ruhig. Demnach gab es keine Festnahmen.",  # a source phrase opens it
    "Der Flughafen von Kythira wurde geschlossen. Demnach fallen alle Flüge aus.",  # a place
])
def test_a_pointer_after_a_sentence_without_a_holder_stays_open(text):
    assert _resolve(text, [("Demnach", None, "none")]) == [None]


def test_a_pointer_inside_its_sentence_and_an_inherited_one_keep_their_own_rule():
    text = "Die SPD hat gewonnen. Nils Schmid wird demnach Minister."
    assert pointer_holder(_ArticleEntities(text, "de"), text.index("demnach")) is None
    text = "Der Bericht der Polizei kam. Die Regierung hat entschieden. Demnach soll es so sein."
    ents = _ArticleEntities(text, "de")
    assert pointer_holder(ents, text.index("Demnach")) == ("Die Regierung", text.index("Die Regierung"))


def test_a_relative_pointer_takes_its_own_sentence():
    text = "Die Staatsanwaltschaft veröffentlichte eine Erklärung, wonach der Mann schuldig sei."
    assert _resolve(text, [("wonach", None, "none")]) == ["Staatsanwaltschaft"]


def test_holders_and_things():
    ents = _ArticleEntities("", "de")
    assert [holds_statements(m, ents) for m in ("Der Minister", "Die Polizei", "Das Urteil", "Die Studie")] == [
        True, True, False, False]


@pytest.mark.parametrize("text, pronoun, expected", [
    ("Gestern wurde der Tageszeitung Kalameh Sabz das Erscheinen untersagt, nachdem sie berichtet hatte.",
     "sie", "Kalameh Sabz"),
    ("Im Notruf war Peter Maier zu hören, wie er angegeben hat, er sei bedroht worden.", "er", "Peter Maier"),
    ("Die Ministerin Anna Berg verließ den Saal, weil sie empört war.", "sie", "Anna Berg"),
])
def test_a_pronoun_in_a_subordinate_clause_takes_the_main_clause(text, pronoun, expected):
    ents = _ArticleEntities(text, "de")
    agree = lambda n: ents.agrees(pronoun, n)  # noqa: E731
    assert main_clause_antecedent(ents, text.index(f" {pronoun} ") + 1, pronoun, agree, lambda p, w: None) == expected


@pytest.mark.parametrize("text, pronoun", [
    ("Peter Maier kam. Er sagte, er sei bedroht worden.", "er"),  # no subordinator: not this rule
    ("Die Kritik an Angela Merkel wuchs, nachdem sie gesprochen hatte.", "sie"),  # a prepositional object
    ("Gestern kam Peter Maier, nachdem sie angerufen hatte.", "sie"),  # no agreeing candidate
])
def test_no_main_clause_antecedent(text, pronoun):
    ents = _ArticleEntities(text, "de")
    at = text.rindex(f" {pronoun} ") + 1
    assert main_clause_antecedent(ents, at, pronoun, lambda n: ents.agrees(pronoun, n), lambda p, w: None) is None


def test_a_main_clause_pronoun_is_resolved_as_that_pronoun():
    text = "Danach kommentierte er seinen Ausfall, als er die Fans kritisierte."
    ents = _ArticleEntities(text, "de")
    seen = []
    found = main_clause_antecedent(ents, text.rindex(" er ") + 1, "er", lambda n: True,
                                   lambda p, w: seen.append((p, w)) or "Wayne Rooney")
    assert found == "Wayne Rooney" and seen == [(text.index(" er ") + 1, "er")]


def test_a_later_quotation_after_the_pointer_is_unaffected():
    text = "Das Bundeskartellamt hat den Bericht vorgelegt. Demnach gebe es keinen Verstoß. Der Minister Peter Kurz sagte, das sei gut."
    assert _resolve(text, [("Demnach", None, "none"), ("sagte", "Der Minister Peter Kurz", "explicit")]) == [
        "Bundeskartellamt", "Peter Kurz"]


@pytest.mark.parametrize("text, pronoun, expected", [
    ("Die Regierung hat lange getagt. Sie beschloss neue Regeln.", "sie", "Regierung"),
    ("Eine abgespaltene Splittergruppe der TRT orientiert sich neu. Sie beschloss den Beitritt.", "sie",
     "Splittergruppe"),
])
def test_a_pronoun_takes_the_institution_opening_the_sentence_before(text, pronoun, expected):
    ents = _ArticleEntities(text, "de")
    assert previous_subject(ents, text.rindex(pronoun.capitalize()), pronoun, lambda n: ents.agrees(pronoun, n)) == expected


@pytest.mark.parametrize("text, pronoun, at", [
    ("Die Regierung hat lange getagt. Er beschloss neue Regeln.", "er", "Er"),  # another gender
    ("Das Urteil fiel am Montag. Es beschloss nichts.", "es", "Es"),  # a thing
    ("Angela Merkel hat lange getagt. Sie beschloss neue Regeln.", "sie", "Sie"),  # a name: subject_antecedent's
    ("Die Regierung hat getagt. Danach beschloss sie neue Regeln.", "sie", "sie"),  # not opening its sentence
])
def test_no_institution_antecedent(text, pronoun, at):
    ents = _ArticleEntities(text, "de")
    assert previous_subject(ents, text.index(at), pronoun, lambda n: ents.agrees(pronoun, n)) is None


def test_the_institution_wins_over_the_previous_speaker():
    text = ("Peter Kurz sagte, das sei gut. Die Regierung hat danach lange getagt. Sie beschloss, dass alles "
            "bleibe.")
    assert _resolve(text, [("sagte", "Peter Kurz", "explicit"), ("beschloss", "Sie", "explicit")]) == [
        "Peter Kurz", "Regierung"]


def test_inheritance_stops_where_the_sentence_before_names_another_holder():
    text = ("Peter Kurz sagte, es sei gut. Das Bundeskartellamt hat den Fall geprüft. Es gebe keinen Verstoß. "
            "Peter Kurz sagte danach, er bleibe dabei. Es sei alles in Ordnung.")
    quotes = pd.DataFrame({
        "article_id": ["a"] * 3, "speaker_mention": ["Peter Kurz", "Peter Kurz", "Peter Kurz"],
        "speaker_span": [[0, 10], [0, 10], [text.rindex("Peter"), text.rindex("Peter") + 10]],
        "cue_span": [[11, 16], None, None], "speaker_resolution": ["explicit", "inherited", "inherited"],
        "spans": [[[18, 28]], [[text.index("Es gebe"), text.index("Verstoß") + 7]],
                  [[text.index("Es sei alles"), len(text)]]]})
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    # the second: the institute of the sentence before; the third: the sentence before is the speaker's own
    assert out["speaker"].tolist() == ["Peter Kurz", "Bundeskartellamt", "Peter Kurz"]


def test_inheritance_holds_inside_a_sentence_and_after_a_thing():
    from analysis.speaker_pointers import continued_holder
    text = "Peter Kurz sagte, es sei gut. Das Urteil fiel am Montag. Es gebe keinen Verstoß."
    ents = _ArticleEntities(text, "de")
    assert continued_holder(ents, text.index("Es gebe"), 0) is None  # a thing names no holder
    text = "Peter Kurz sagte, es sei gut. Das Bundeskartellamt hat geprüft, es gebe keinen Verstoß."
    ents = _ArticleEntities(text, "de")
    assert continued_holder(ents, text.index("es gebe"), 0) is None  # the quotation opens inside its sentence


def test_the_last_resort_name_is_no_prepositional_object():
    from analysis.clause_antecedent import nearest_subject_name
    text = "Das meint Rick Homans vom Sekretariat für Entwicklung in New Mexico. „Das ist gut“, sagte er."
    ents = _ArticleEntities(text, "de")
    cands = [(text.index("Rick"), "Rick Homans"), (text.index("New"), "New Mexico")]
    assert nearest_subject_name(ents, text.index("sagte er") + 6, cands) == "Rick Homans"
    assert nearest_subject_name(ents, text.index("sagte er") + 6, cands[1:]) == "New Mexico"  # the only one
    assert _resolve(text, [("sagte", "er", "explicit")]) == ["Rick Homans"]
    english = _ArticleEntities(text, "en")  # English keeps the latest name
    assert nearest_subject_name(english, text.index("sagte er") + 6, cands) == "New Mexico"


@pytest.mark.parametrize("text, expected", [
    ("Angela Merkel kam. Dabei griff sie den Präsidenten an: „Das geht nicht.“", ("sie", "Angela Merkel")),
    ("Die Bundesregierung reagierte prompt: „Das geht nicht.“", ("Die Bundesregierung", "Bundesregierung")),
])
def test_a_colon_frame_without_a_speech_verb_gives_its_subject(text, expected):
    quotes = pd.DataFrame({"article_id": ["a"], "speaker_mention": [None], "speaker_span": [None], "cue_span": [None],
                           "speaker_resolution": ["none"], "spans": [[[text.index("Das geht"), len(text) - 1]]]})
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    assert (out.at[0, "speaker_mention"], out.at[0, "speaker"]) == expected


@pytest.mark.parametrize("text", [
    "Als Begründung wurde angegeben: „Das geht nicht.“",  # a passive
    "Das Fazit des Berichts lautete: „Das geht nicht.“",  # a thing
    "Dabei sagten wir ihm: „Das geht nicht.“",  # first person
    "Er sagte „gut“ und fügte hinzu: „Das geht nicht.“",  # a quotation in the frame
    "Die Lage ist ernst. „Das geht nicht.“",  # no colon
])
def test_no_colon_frame_subject(text):
    from analysis.speaker_pointers import colon_frame_subject
    assert colon_frame_subject(_ArticleEntities(text, "de"), text.index("Das geht")) is None


def test_a_name_after_a_preposition_is_no_opening_subject():
    text = ("Die Kanzlerin Angela Merkel sprach. Die Lage in New York verglich Merkel mit dem Jahr 1933. "
            "Dann griff sie an, sagte sie.")
    assert _resolve(text, [("sprach", "Die Kanzlerin Angela Merkel", "explicit"), ("sagte", "sie", "explicit")]) == [
        "Angela Merkel", "Angela Merkel"]


def test_a_name_particle_is_no_preposition():
    text = ("Der Minister Karl-Theodor zu Guttenberg sprach. Zu Guttenberg hatte Fehler eingeräumt. "
            "Er hatte aber auch gesagt, es sei ihm ein Anliegen.")
    assert _resolve(text, [("sprach", "Der Minister Karl-Theodor zu Guttenberg", "explicit"), ("gesagt", "Er", "explicit")]) == [
        "Karl-Theodor zu Guttenberg", "Karl-Theodor zu Guttenberg"]


def test_church_offices_are_roles():
    text = "Papst Franziskus kam nach Rom. Dann sagte der Papst, er gehe."
    assert _resolve(text, [("sagte", "der Papst", "explicit")]) == ["Franziskus"]


def _rows(text: str, rows: list[tuple[str, str | None, str | None, str]]) -> pd.DataFrame:
    """Quotations given as (quoted text, mention or None, cue or None, resolution)."""
    at = [text.index(q) for q, _, _, _ in rows]
    return pd.DataFrame({
        "article_id": ["a"] * len(rows), "spans": [[[a, a + len(q)]] for a, (q, _, _, _) in zip(at, rows)],
        "speaker_mention": [m for _, m, _, _ in rows],
        "speaker_span": [[text.index(m), text.index(m) + len(m)] if m else None for _, m, _, _ in rows],
        "cue_span": [[text.index(c), text.index(c) + len(c)] if c else None for _, _, c, _ in rows],
        "speaker_resolution": [r for _, _, _, r in rows]})


def test_a_continuation_after_a_pointer_inherits_its_holder():
    text = "Das Bundeskartellamt hat den Bericht vorgelegt. Demnach gebe es keinen Verstoß. Die Lage sei jedoch schlecht."
    quotes = _rows(text, [("gebe es keinen Verstoß", None, "Demnach", "none"),
                          ("Die Lage sei jedoch schlecht", None, None, "none")])
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    assert out["speaker"].tolist() == ["Bundeskartellamt", "Bundeskartellamt"]
    assert out["speaker_resolution"].tolist() == ["explicit", "inherited"]


def test_no_continuation_across_a_sentence_or_a_paragraph():
    text = ("Das Bundeskartellamt hat den Bericht vorgelegt. Demnach gebe es keinen Verstoß. Der Markt wächst. "
            "Die Lage sei jedoch schlecht.\n\nEs gebe keine Lösung.")
    quotes = _rows(text, [("gebe es keinen Verstoß", None, "Demnach", "none"),
                          ("Die Lage sei jedoch schlecht", None, None, "none"), ("Es gebe keine Lösung", None, None, "none")])
    out = resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    assert out["speaker"].isna().tolist() == [False, True, True]


@pytest.mark.parametrize("text, expected", [
    ("Die Regierung hat am Montag getagt. Dabei wurde beschlossen, dass die Steuer sinkt.", "Die Regierung"),
    ("Der Vorstand hat am Freitag getagt. Insbesondere wird kritisiert, dass die Aktionäre schweigen.",
     "Der Vorstand"),
])
def test_an_agentless_passive_takes_the_holder_of_the_sentence_before(text, expected):
    from analysis.speaker_pointers import passive_holder
    cue = text.index("beschlossen") if "beschlossen" in text else text.index("wird")
    assert passive_holder(_ArticleEntities(text, "de"), cue)[0] == expected


@pytest.mark.parametrize("text, cue", [
    ("Die Regierung hat am Montag getagt. Die Opposition wurde aufgefordert, dass sie zustimme.", "wurde"),  # own subject
    ("Die Regierung hat am Montag getagt. Ihm wird vorgeworfen, dass er gelogen habe.", "wird"),  # a pronoun
    ("Die Regierung hat am Montag getagt. Von der Opposition wurde kritisiert, dass sie tagte.", "wurde"),  # an agent
    ("Der Lebenslauf war gefälscht. Dabei wurde beschlossen, dass die Steuer sinkt.", "beschlossen"),  # a thing before
    ("Die Regierung hat am Montag getagt. Dabei hat Merkel betont, dass die Steuer sinkt.", "betont"),  # no passive
])
def test_no_holder_for_a_passive_with_its_own_agent_or_subject(text, cue):
    from analysis.speaker_pointers import passive_holder
    assert passive_holder(_ArticleEntities(text, "de"), text.index(cue)) is None
