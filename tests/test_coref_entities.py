"""Speaker entities: describing nouns, spokespersons, source holders, salient antecedents.

The sentences are written for these tests (names and events invented), one construction each.
"""
import pandas as pd
import pytest
from test_coreference import resolve_all


def quotes_of(text):
    from analysis.quotes import extract_quotes

    return extract_quotes(pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [text]}))


@pytest.mark.parametrize("text, mentions, speakers", [
    ("Der Autor Jonas Winter hat ein Buch über Schulen geschrieben. Seit Mai vertritt er die These, alles sei neu.",
     ["Der Autor Jonas Winter", "er"], ["Jonas Winter", "Jonas Winter"]),
    ("Nach Angaben des Kritikers Paul Sommer sei der Film zu lang gewesen.",
     ["Angaben des Kritikers Paul Sommer"], ["Paul Sommer"]),
    ("Nach Angaben des Rezensenten Paul Sommer sei der Film zu lang gewesen.",
     ["Angaben des Rezensenten Paul Sommer"], ["Paul Sommer"]),
    ("Brandts Verteidiger Karl Huber hält das Urteil für falsch. Huber betonte, dass es Zeugen gebe.",
     ["Brandts Verteidiger Karl Huber", "Huber"], ["Karl Huber", "Karl Huber"]),
    # names that stay as they are: three given or family names, a name of two words
    ("Hans Peter Müller sagte, es sei gut. Thomas Mann sagte, es sei gut.",
     ["Hans Peter Müller", "Thomas Mann"], ["Hans Peter Müller", "Thomas Mann"]),
])
def test_a_describing_noun_before_a_name_is_no_part_of_it(text, mentions, speakers):
    assert resolve_all(text, mentions) == speakers


@pytest.mark.parametrize("mention, speaker", [
    ("ein Sprecher des bayerischen Umweltministeriums", "Umweltministerium"),
    ("Ein Sprecher der Bundesagentur für Wasserbau (BAW) in Karlsruhe", "Bundesagentur für Wasserbau"),
    ("Eine Sprecherin der Feuerwehr", "Feuerwehr"),
    ("ein Sprecher der norwegischen Streitkräfte", "Streitkräfte"),
    ("Der Sprecher der Regierung, Hans Meier", "Hans Meier"),  # named: the person speaks
    ("Angaben des Bundesamts für Verbraucherschutz", "Bundesamt für Verbraucherschutz"),
    ("Angaben der Polizei für Montag", "Polizei"),  # a date is no part of the name
])
def test_an_unnamed_spokesperson_speaks_for_the_organisation_in_the_genitive(mention, speaker):
    assert resolve_all(f"Wie {mention} sagte, sei es gut.", [mention]) == [speaker]


@pytest.mark.parametrize("mention, speaker", [
    ("Ein WWF-Sprecher", "WWF"),  # an acronym before the hyphen: the organisation
    ("Ein Polizeisprecher", "Polizei"),
    # unchanged: no organisation before the role noun
    ("Ein Presse-Sprecher", "Presse-Sprecher"),
    ("Ein Pressesprecher", "Pressesprecher"),
])
def test_an_unnamed_spokesperson_compound_speaks_for_its_organisation(mention, speaker):
    assert resolve_all(f"{mention} sagte, es sei gut.", [mention]) == [speaker]


def test_an_unnamed_spokesperson_of_a_company_is_the_company_named_before():
    text = "Die Firma Nordwerk baut Fähren. „Es bleibt bei zwei Werften“, gab ein Sprecher des Unternehmens bekannt."
    assert resolve_all(text, ["ein Sprecher des Unternehmens"]) == ["Nordwerk"]


@pytest.mark.parametrize("mention, speaker", [
    ("Darstellungen des Verlages", "Verlag"),
    ("Meinung Norwegens", "Norwegen"),
    ("eine Information des Landeskriminalamtes (LKA) in Mainz", "Landeskriminalamt"),
])
def test_the_holder_of_a_source_noun_speaks(mention, speaker):
    assert resolve_all(f"Nach {mention} sei es gut.", [mention]) == [speaker]


def test_a_definite_source_noun_takes_the_holder_of_its_earlier_mention():
    text = ("Bei der Vorstellung des Umweltschutzberichts 2019 sprach er lange. Weiter führt der Bericht aus, die "
            "Luft sei sauberer. Nach Angaben des Berichts sanken die Werte. Eine Studie des Agrarministeriums liegt "
            "vor. Laut dieser Studie würden viele Höfe aufgeben. In ersten Berichten hieß es, alles sei ruhig.")
    found = resolve_all(text, ["der Bericht", "Angaben des Berichts", "dieser Studie", "ersten Berichten"])
    assert found[:3] == ["Umweltschutz", "Umweltschutz", "Agrarministerium"] and pd.isna(found[3])


@pytest.mark.parametrize("text, mention", [
    ("Laut dem Bericht sei es so.", "dem Bericht"),  # no earlier mention: no holder
    ("Der Bericht der Woche kam. Laut dem Bericht sei es so.", "dem Bericht"),  # a time is no holder
])
def test_a_source_without_a_holder_stays_unresolved(text, mention):
    assert pd.isna(resolve_all(text, [mention])[0])


@pytest.mark.parametrize("text, mention, speaker", [
    ("Die „Initiative für ein Grünes Tal“ berichtete über eine Demonstration.", "Die „Initiative",
     "Initiative für ein Grünes Tal"),
    ("Der Sturm kostete laut der Abendpost 12 Menschen das Leben.", "der Abendpost 12 Menschen", "Abendpost"),
    ("An Bord waren nach Behördenangaben 80 Reisende.", "Behördenangaben 80 Reisende", "Behörden"),
    ("Die Gruppe G8 sagte, es sei gut.", "Die Gruppe G8", "Gruppe G8"),  # a name with a number stays
    ("Der Minister bestritt nach Angaben der staatlichen dänischen Nachrichtenagentur Ritzau den Plan.",
     "Angaben der staatlichen", "Ritzau"),
])
def test_a_mention_cut_inside_a_quoted_name_or_run_into_a_number_is_repaired(text, mention, speaker):
    assert resolve_all(text, [mention]) == [speaker]


def test_der_verlag_is_the_publishing_house_named_before():
    text = ("Das Medienhaus Brenner erklärte, das Blatt stecke in einer schwierigen Lage. "
            "Der Verlag schlug den Mitarbeitern vor, sich neu zu bewerben. Der Verlag Random House teilte mit, er sei bereit.")
    assert resolve_all(text, ["Das Medienhaus Brenner", "Der Verlag", "Der Verlag Random House"]) == [
        "Brenner", "Brenner", "Random House"]


def test_a_pronoun_after_a_quotation_opened_by_a_colon_takes_the_speaker_of_that_clause():
    text = ("Wie die Agentur Reuters berichtet, seien Boote zu sehen gewesen. Besorgt äußerte sich auch die "
            "Vorsitzende des Vereins Freunde der Küste, Maria Berger, zu den Plänen: „Wir fürchten um die "
            "Strände“, sagte sie gegenüber dem Radio.")
    assert resolve_all(text, ["die Agentur Reuters", "sie"]) == ["Reuters", "Maria Berger"]


def test_a_colon_clause_without_an_agreeing_person_leaves_the_pronoun_to_the_earlier_speaker():
    text = ("Wie Angela Merkel sagte, sei es gut. Der Minister Hans Meier traf dann Peter Müller in Berlin: "
            "„Wir sind Freunde“, sagte sie.")
    assert resolve_all(text, ["Angela Merkel", "sie"]) == ["Angela Merkel", "Angela Merkel"]


@pytest.mark.parametrize("text, mention, speaker", [
    ("„Es war ein Angriff“, hieß es vom Abgeordneten des dänischen Parlaments Lars Holm.",
     "Abgeordneten des dänischen Parlaments Lars Holm", "Lars Holm"),
    ("Der Chef des Aufsichtsrats Peter Braun sagte, es sei gut.", "Der Chef des Aufsichtsrats Peter Braun",
     "Peter Braun"),
    ("Nach Angaben des brasilianischen Präsidenten Luiz Souza sei es gut.",
     "Angaben des brasilianischen Präsidenten Luiz Souza", "Luiz Souza"),
])
def test_a_genitive_noun_after_an_adjective_is_no_part_of_the_name_after_it(text, mention, speaker):
    assert resolve_all(text, [mention]) == [speaker]


def test_hiess_es_vom_names_the_source():
    assert quotes_of("„Es war ein gezielter Angriff auf uns alle“, hieß es vom Abgeordneten Lars Holm.")[
        "speaker"].tolist() == ["Lars Holm"]


def test_a_name_with_a_hyphen_particle_is_a_name():
    from analysis.evaluate.actors import junk_speakers

    text = ("In einem Gespräch erklärte der Direktor der Arabischen Wasserbehörde (AWB), Karim el-Masri, der See "
            "trockne aus. Zuvor sei laut el-Masri nichts geschehen. Dem Sender al-Arabija zufolge wird gebaut.")
    mentions = ["der Direktor der Arabischen Wasserbehörde (AWB)", "el-Masri", "Dem Sender al-Arabija"]
    assert resolve_all(text, mentions) == ["Karim el-Masri", "Karim el-Masri", "al-Arabija"]
    assert junk_speakers(pd.DataFrame({"speaker": ["el-Masri", "al-", "denen"]})).tolist() == ["", "lower-case",
                                                                                               "lower-case"]


def test_a_role_with_a_genitive_is_the_role_of_its_head_noun():
    text = ("Der stellvertretende Direktor der Chilenischen Seenotrettung, Diego Pérez Soto, sagte, dass Teile "
            "gefunden wurden. „Die Lage ist klar“, so der stellvertretende Chef der Behörde.")
    assert resolve_all(text, ["der stellvertretende Chef der Behörde"]) == ["Diego Pérez Soto"]


@pytest.mark.parametrize("text, speaker", [
    ("Nach eigenen Angaben erhielt das Bundesamt für Strahlenschutz mehr Geld.", "Bundesamt für Strahlenschutz"),
    ("Die Polizei hat nach eigenen Angaben für Montag nichts geplant.", "Polizei"),
])
def test_nach_eigenen_angaben_names_the_whole_institution(text, speaker):
    assert resolve_all(text, ["eigenen Angaben"]) == [speaker]


@pytest.mark.parametrize("text, speaker", [
    ("Rocklegende Eva Stern zum Umzug aufs Land: „Die meisten Kisten sind schon gepackt, aber ich bleibe noch.“",
     "Eva Stern"),
    ("Die Lage ist klar: „Wir müssen jetzt handeln und alle zusammen stehen.“", None),  # no one named
    ("Am Montag kam es zum Eklat: „Wir müssen jetzt handeln und alle zusammen stehen.“", None),
])
def test_a_clause_closed_by_a_colon_names_the_speaker_of_the_quotation_after_it(text, speaker):
    q = quotes_of(text)
    assert len(q) == 1
    found = q["speaker"].iloc[0]
    assert (found if isinstance(found, str) else None) == speaker


def test_a_quotation_after_a_colon_clause_with_its_own_subject_inherits_no_speaker():
    text = ("Eva Stern sagte: „Ich freue mich auf das Leben auf dem Land.“ Die Nachbarn im Ort sehen "
            "alles gelassen: „Sie ist eine von uns, lasst sie doch in Ruhe.“")
    speakers = [s if isinstance(s, str) else None for s in quotes_of(text).sort_values("quote_id")["speaker"]]
    assert speakers[0] == "Eva Stern" and speakers[1] is None


def test_a_possessive_with_a_role_noun():
    text = ("Moreno befindet sich derzeit in Rom. Nach Gerüchten teilte dessen Stellvertreter mit, er rufe an. "
            "Der Kanzler Olaf Scholz kam. Sein Sprecher sagte, es sei gut. Seine Pläne seien gut.")
    found = resolve_all(text, ["dessen Stellvertreter", "Sein Sprecher", "Seine Pläne"])
    assert found[:2] == ["Stellvertreter", "Olaf Scholz"] and pd.isna(found[2])  # a thing is no actor


@pytest.mark.parametrize("text, speaker", [
    ("Ministerin Clara Wendt schrieb bei Twitter: „Das sind schlimme Nachrichten aus dem Norden“, weiter hieß "
     "es, man sei bestürzt.", "Clara Wendt"),
    ("„Das sind schlimme Nachrichten aus dem Norden“, hieß es in einer Erklärung der Regierung.", "Regierung"),
])
def test_a_frame_after_that_only_points_elsewhere_gives_way_to_a_named_frame_before(text, speaker):
    q = quotes_of(text)
    assert q.loc[q["kind"] == "direct", "speaker"].iloc[0] == speaker


@pytest.mark.parametrize("text, mention", [
    ("Den deutlichen Rückgang der Unfälle bezifferte die Behörde auf zwölf Prozent.", "die Behörde"),
    ("Den Vorschlag lehnte Ministerin Clara Wendt ab, sie sagte, er sei falsch.", "Ministerin Clara Wendt"),
    ("Den Vertretern der Presse sagte der Minister, die Lage sei ernst.", "der Minister"),
    ("Den Haag teilte mit, die Lage sei ernst.", "Den Haag"),  # a city's name: no object
])
def test_a_fronted_object_is_no_speaker(text, mention):
    assert quotes_of(text)["speaker_mention"].iloc[0] == mention


def test_an_object_pronoun_after_the_verb_is_no_speaker():
    text = ("Der Sturm war schwer. Im Radio zeigte sich die Landesregierung betroffen über den Schaden und nannte "
            "ihn eine „bittere Prüfung“.")
    assert quotes_of(text)["speaker"].tolist() == ["Landesregierung"]


@pytest.mark.parametrize("text, cue, mention", [
    ("Unter Berufung auf nicht näher genannte Kreise gab die Abendpost an, dem Trainer sei gekündigt worden.",
     "gab an", "die Abendpost"),
    ("Die Firma werde neu „aufgestellt“. Das erklärte Direktor Jan Olsen am Montag.", "erklärte", "Direktor Jan Olsen"),
    ("Er bezeichnete Putin als Freund, der helfe.", "bezeichnete", "Er"),
])
def test_a_participle_before_its_noun_is_no_cue(text, cue, mention):
    q = quotes_of(text)
    assert (q["cue"].iloc[0], q["speaker_mention"].iloc[0]) == (cue, mention)


def test_the_first_pronoun_of_an_article_follows_the_chain_of_pronoun_subjects():
    from analysis.coreference import chain_subject, sentence_starts
    from analysis.speakers import _ArticleEntities

    text = ("2001 gewann Anna Maria Keller als erste Frau das Rennen. Heute wurde die am 3. Mai 1960 in dem kleinen "
            "Dorf Hausen geborene Sportlerin 60 Jahre alt. Nach ihrer Zeit als Läuferin wurde sie Trainerin. Sie war "
            "es, die das von Präsidentin Lisa Braun gesetzte Ziel erreichen sollte. Nach einem Lauf mit ihren "
            "Kolleginnen Eva Roth und Petra Lang meldete sie sich mit den Worten: „Wir sind da.“")
    ents = _ArticleEntities(text, "de")
    assert chain_subject(ents, text.index("sie sich"), "sie", lambda n: True) == "Anna Maria Keller"
    assert sentence_starts("Am 5. August 1930 kam er. Im Jahr 2005. Danach ging er.", 0, 55) == [0, 26, 40]


def test_a_definite_office_takes_up_the_person_named_before_an_unnamed_role_stays():
    text = ("Ulrike Brandt (SPD) traf in Kiel ihren Amtskollegen Jonas Winter. Die Kanzlerin sagte, es sei gut. "
            "Die Polizei sagte, alles sei ruhig. Der Richter sagte, es sei Zeit.")
    assert resolve_all(text, ["Die Kanzlerin", "Die Polizei", "Der Richter"]) == ["Ulrike Brandt", "Polizei", "Richter"]


@pytest.mark.parametrize("text, speakers", [
    # a demonstrative takes the latest person named, not the previous speaker
    ("Der Anwalt Peter Gruber sagte, sein Mandant sei unschuldig. Die Anklage stützt sich auf Tom Becker. "
     "Dieser behauptete, Gruber habe gelogen.", ["Peter Gruber", "Tom Becker"]),
    # unchanged: nobody named near the demonstrative, the speaker goes on
    ("Eva Lind sagte, der Plan sei gut. " + "Die Sitzung dauerte bis in den späten Abend hinein. " * 7 +
     "Diese betonte, man habe viel erreicht.", ["Eva Lind", "Eva Lind"]),
])
def test_a_demonstrative_takes_the_latest_person_named(text, speakers):
    assert quotes_of(text)["speaker"].tolist() == speakers


@pytest.mark.parametrize("text, speaker", [
    # a demonstrative takes up the newest role noun of its gender, named or not
    ("Der Bürgermeister Peter Müller hat den Fall gemeldet. Anlass war die Anzeige eines Privatdetektivs. "
     "Dieser behauptete, dass Ertel Dienstfahrten abgerechnet habe.", "Privatdetektiv"),
    ("Ein Sprecher der Polizei hat den Fall gemeldet. Dieser sagte, dass alles ruhig geblieben sei.", "Polizei"),
    ("Der Minister Karl Huber kam. Der Präsident Hans Müller traf den Minister. "
     "Dieser sagte, dass die Gespräche gut gewesen seien.", "Karl Huber"),
    # unchanged: a noun of another gender, a person named after the noun
    ("Anlass war die Anzeige einer Privatdetektivin. Der Bürgermeister Peter Müller kam. "
     "Dieser behauptete, dass Ertel Dienstfahrten abgerechnet habe.", "Peter Müller"),
    ("Die Anzeige kam von einem Privatdetektiv und dem Bürgermeister Peter Müller. "
     "Dieser behauptete, dass Ertel Dienstfahrten abgerechnet habe.", "Peter Müller"),
])
def test_a_demonstrative_takes_up_the_newest_role_noun_of_its_gender(text, speaker):
    assert quotes_of(text)["speaker"].tolist()[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Die Organisatoren des Festivals teilten mit, dass 9.000 Gäste erwartet würden.", "Organisatoren"),
    ("Die Bewohner des Tals sagten, sie hätten nichts gehört.", "Bewohner"),
    # unchanged: a role, an organisation in the genitive, a thing's ending, an acronym
    ("Der Präsident der Republik sagte, er habe nichts gehört.", "Präsident der Republik"),
    ("Mitarbeiter des Ministeriums sagten, sie hätten nichts gehört.", "Ministerium"),  # staff speak for it
    ("Die Kriminalabteilung des Landeskommandos teilte mit, dass zwei Männer gefasst worden seien.",
     "Kriminalabteilung des Landeskommandos"),
    ("Anhänger der PLR sagten, sie würden weiter protestieren.", "Anhänger der PLR"),
    # a subject cut before the preposition of an organisation's name goes on to its end
    ("Ärzte ohne Grenzen erklärte, dass die Lage in den Lagern katastrophal sei.", "Ärzte ohne Grenzen"),
    ("Reporter ohne Grenzen kritisierte, dass zwei Journalisten verhaftet worden seien.", "Reporter ohne Grenzen"),
    ("Die Ärzte ohne Ausbildung sagten, dass sie helfen wollten.", "Ärzte"),  # unchanged: no organisation
])
def test_unnamed_groups_and_organisation_names_cut_before_a_preposition(text, speaker):
    assert quotes_of(text)["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a medium's or organisation's noun followed by its name in quotation marks: the name speaks
    ("Die Wochenzeitung „Die Zeit“ meldet, die Sängerin habe die Angaben bezweifelt.", "Die Zeit"),
    ("Die Organisation „Ärzte für die Welt“ teilte mit, dass 20 Helfer vor Ort seien.", "Ärzte für die Welt"),
    # unchanged: quotation marks after the verb hold content
    ("Die Zeitung meldet, es gebe „mehrere Tote“ in der Stadt.", "Zeitung"),
])
def test_a_quoted_name_after_a_medium_noun_is_the_speaker(text, speaker):
    assert quotes_of(text)["speaker"].tolist()[0] == speaker
