"""Name forms of found quotations: a describing noun or a compound adjective before a person's full
name, and a medium's edition or website that speaks as the medium (docs/actors.md, "Wrong actors of
found quotations, documents 1–340")."""
import pandas as pd
import pytest

from test_coreference import resolve_all


@pytest.mark.parametrize("text, mention, expected", [
    ("Das sei falsch, sagte der bekannte Nazijäger Efraim Zuroff.", "der bekannte Nazijäger Efraim Zuroff",
     "Efraim Zuroff"),  # role ending -jäger, also in the genitive below
    ("Nach Einschätzung des erfahrenen Wilderjägers Tomas Berg sei es vorbei.",
     "Einschätzung des erfahrenen Wilderjägers Tomas Berg", "Tomas Berg"),
    ("Die Parteikollegin Ines Roth sagte, es reiche nicht.", "Die Parteikollegin Ines Roth", "Ines Roth"),
    ("Der Rechtsintellektuelle Piet Wolter schrieb, es sei vorbei.", "Der Rechtsintellektuelle Piet Wolter",
     "Piet Wolter"),
])
def test_describing_noun_before_a_full_name_drops(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Der US-amerikanische Linksintellektuelle Colm Breen sagte, es reiche.",
     "Der US-amerikanische Linksintellektuelle Colm Breen", "Colm Breen"),
    ("Die CDU-nahe Parteikollegin Vera Klaas schrieb, es sei gut.", "Die CDU-nahe Parteikollegin Vera Klaas",
     "Vera Klaas"),  # a compound adjective is skipped like a lower-case one, then the describing noun
])
def test_hyphen_compound_adjective_before_a_noun_is_skipped(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Die Schäden seien groß, meldete die Online-Ausgabe des „Tagblatt“.", "die Online-Ausgabe des „Tagblatt“",
     "Tagblatt"),
    ("Es sei ruhig, berichtete die Internetseite der „Rundschau“.", "die Internetseite der „Rundschau“",
     "Rundschau"),
])
def test_part_of_a_quoted_medium_speaks_as_the_medium(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("text, mention, expected", [
    ("Die Initiative „Grünes Tal“ teilte mit, es sei gut.", "Die Initiative „Grünes Tal“",
     "Initiative Grünes Tal"),  # the quoted name beside the noun, no genitive: as before
])
def test_quoted_name_beside_a_noun_is_not_a_part(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


def quotes_of(text):
    from analysis.quotes import extract_quotes
    return extract_quotes(pd.DataFrame({"article_id": ["x"], "lang": ["de"], "text": [text]}))


@pytest.mark.parametrize("text, mention", [
    ("Eine Erhöhung der Beiträge bezeichnete Lindqvist als falsch, weil sie niemandem helfe.", "Lindqvist"),
    ("Die Schließung der Klinik nannte Berger einen Fehler, die Stadt brauche sie.", "Berger"),
    ("Die Verlängerung der Frist kritisierte der Bürgermeister Paul Winter, sie sei zu lang.",
     "der Bürgermeister Paul Winter"),  # der and a role noun after the verb: the subject
    ("Relativierend fügte Berger hinzu: „Die Stadt braucht die Klinik.“", "Berger"),  # a present participle alone
])
def test_a_fronted_thing_gives_way_to_the_name_after_the_verb(text, mention):
    assert quotes_of(text)["speaker_mention"].iloc[0] == mention


@pytest.mark.parametrize("text, mention", [
    ("Die Regierung bezeichnete Lindqvist als Lügner, er habe alles erfunden.", "Die Regierung"),  # an institution
    ("Die Stiftung nannte Berger einen Förderer, er habe viel gegeben.", "Die Stiftung"),
    ("Eine Erhöhung der Beiträge bezeichnete er als falsch, weil sie niemandem helfe.", "er"),  # as before
])
def test_an_institution_or_pronoun_keeps_its_place(text, mention):
    assert quotes_of(text)["speaker_mention"].iloc[0] == mention


@pytest.mark.parametrize("clause, speaker", [
    ("Der Ermittler, der als wichtiger Zeuge gilt, will nun seine Arbeit einstellen", "Ermittler"),  # a role noun
    ("Die Nachbarn, die im Ort wohnen, sehen alles gelassen", None),  # someone unnamed: no speaker, as before
])
def test_a_colon_clause_with_a_role_noun_before_a_relative_clause_keeps_its_role(clause, speaker):
    text = "Eva Stern sagte: „Ich freue mich auf das Land.“ " + clause + ": „Sie ist eine von uns, lasst sie in Ruhe.“"
    found = [s if isinstance(s, str) else None for s in quotes_of(text).sort_values("quote_id")["speaker"]]
    assert found == ["Eva Stern", speaker]


@pytest.mark.parametrize("clause, speaker", [
    ("Die Anwendung der neuen Regeln stellte der Bürgermeister Paul Winter in Frage", "Paul Winter"),
    ("Die Regierung der Stadt kritisierte Winter scharf", "Regierung der Stadt"),  # an institution: as before
])
def test_a_colon_clause_opened_by_a_fronted_thing_takes_the_name_after_the_verb(clause, speaker):
    text = "Eva Stern sagte: „Ich freue mich auf das Land.“ " + clause + ": „Das ist nicht lebensnah.“"
    assert quotes_of(text).sort_values("quote_id")["speaker"].tolist() == ["Eva Stern", speaker]


@pytest.mark.parametrize("text, mention", [
    ("Der Fall ist alt. Monatelang haben die Stadtwerke abgestritten, dass die Türen unsicher seien.",
     "die Stadtwerke"),
    ("Der Fall ist alt. Jahrelang hatte Berger behauptet, die Klinik sei sicher.", "Berger"),
])
def test_an_adverb_of_duration_before_the_verb_is_no_speaker(text, mention):
    assert quotes_of(text)["speaker_mention"].iloc[0] == mention


@pytest.mark.parametrize("text, mention", [
    ("Der Plan war alt. Ende Januar verkündete der Verband dann, dass man sich bewerben werde.", "der Verband"),
    ("Der Plan war alt. Anfang März 2006 teilte Berger mit, dass man sich bewerben werde.", "Berger"),
])
def test_a_time_phrase_before_the_verb_is_no_speaker(text, mention):
    assert quotes_of(text)["speaker_mention"].iloc[0] == mention


@pytest.mark.parametrize("text, mention, expected", [
    ("Der Streit war alt. Von der Leyen betonte, es gebe keinen Plan.", "Von der Leyen", "Von der Leyen"),
    ("Der Streit war alt. Van der Bellen sagte, es gebe keinen Plan.", "Van der Bellen", "Van der Bellen"),
    ("Die Organisatoren der Konferenz betonten, es gebe keinen Plan.", "Die Organisatoren der Konferenz",
     "Organisatoren"),  # a group with a thing's genitive: its head noun, as before
])
def test_a_name_opened_by_its_particle_is_no_group_with_a_genitive(text, mention, expected):
    assert resolve_all(text, [mention]) == [expected]


@pytest.mark.parametrize("clause, speaker", [
    ("Jegliche Mitverantwortung für die Affäre im Bezirk Nord der Partei weist Hartmann von sich", "Hartmann"),
    ("Keine Einigung sieht Winter bei den Gesprächen", "Winter"),  # keine opens a fronted thing too
    ("Jede Verantwortung für den Streit lehnt Winter ab", "Winter"),
    ("Keine Einigung ist bei den Gesprächen in Sicht", None),  # no name after the verb: no speaker, as before
])
def test_a_colon_clause_opened_by_a_thing_with_its_attachments_takes_one_name_after_the_verb(clause, speaker):
    text = "Eva Stern sagte: „Ich freue mich auf das Land.“ " + clause + ": „Das war nicht ich, sondern der Vorstand.“"
    found = [s if isinstance(s, str) else None for s in quotes_of(text).sort_values("quote_id")["speaker"]]
    assert found == ["Eva Stern", speaker]
