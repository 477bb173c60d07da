"""Speaker resolution: names, inflection, pronouns, roles, alias tables."""
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.speakers import read_actors, resolve_speakers

TEXT = ("Der nordkoreanische Machthaber Kim Jong Un und der russische Präsident Wladimir Putin trafen sich. "
        "Putin sagte etwas. Er lachte. Der Kremlchef trank. Kim Jong Uns Zug fuhr ab. Der Präsident ging.")


def quotes(*mentions):
    rows = []
    for m in mentions:
        start = TEXT.index(m)
        rows.append({"article_id": "a", "speaker_mention": m, "speaker_span": [start, start + len(m)],
                     "speaker_resolution": "explicit"})
    return pd.DataFrame(rows)


ARTICLES = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": [TEXT]})


def resolved(*mentions, **kw):
    out = resolve_speakers(quotes(*mentions), ARTICLES, **kw)
    return list(zip(out["speaker"], out["speaker_resolution"]))


def resolve_one(text, mention, lang="de"):
    """Resolve one speaker mention in a one-article text; (speaker, speaker_resolution)."""
    start = text.index(mention)
    q = pd.DataFrame({"article_id": ["x"], "speaker_mention": [mention], "speaker_span": [[start, start + len(mention)]],
                      "speaker_resolution": ["explicit"]})
    out = resolve_speakers(q, pd.DataFrame({"article_id": ["x"], "lang": [lang], "text": [text]}))
    return out["speaker"].item(), out["speaker_resolution"].item()


def test_short_name_becomes_full_name_from_apposition():
    assert resolved("Putin") == [("Wladimir Putin", "explicit")]


def test_apposition_keeps_the_name_part():
    assert resolved("der russische Präsident Wladimir Putin") == [("Wladimir Putin", "explicit")]


def test_genitive_name_to_base_form():
    assert resolved("Kim Jong Uns") == [("Kim Jong Un", "explicit")]


def test_pronoun_takes_previous_speaker():
    assert resolved("Putin", "Er") == [("Wladimir Putin", "explicit"), ("Wladimir Putin", "pronoun")]


def test_role_with_implied_nationality():
    # Kremlchef implies "russisch": the Russian head of state, not the North Korean one
    assert resolved("Der Kremlchef") == [("Wladimir Putin", "role")]


def test_role_noun_matches_same_role():
    assert resolved("Der Präsident") == [("Wladimir Putin", "role")]


def test_missing_mention_gives_none():
    q = pd.DataFrame({"article_id": ["a"], "speaker_mention": [None], "speaker_span": [None],
                      "speaker_resolution": ["none"]})
    out = resolve_speakers(q, ARTICLES)
    assert out["speaker"].iloc[0] is None and out["speaker_resolution"].iloc[0] == "none"


def test_alias_table_from_dataframe_csv_and_yaml(tmp_path):
    table = pd.DataFrame({"actor": ["Vladimir Putin"], "alias": ["Wladimir Putin"], "lang": ["de"]})
    assert resolved("Putin", actors=table) == [("Vladimir Putin", "alias")]
    csv = tmp_path / "actors.csv"
    table.to_csv(csv, index=False)
    assert resolved("Putin", actors=csv) == [("Vladimir Putin", "alias")]
    yml = tmp_path / "actors.yaml"
    yml.write_text("Vladimir Putin:\n  - Wladimir Putin\n  - Kremlchef\n", encoding="utf-8")
    assert resolved("Der Kremlchef", actors=yml) == [("Vladimir Putin", "alias")]


def test_alias_table_errors_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_actors(tmp_path / "missing.csv")
    with pytest.raises(InputError, match="alias"):
        read_actors(pd.DataFrame({"actor": ["x"]}))


def test_empty_quotes_table():
    out = resolve_speakers(pd.DataFrame({"article_id": [], "speaker_mention": []}), ARTICLES)
    assert list(out.columns)[-2:] == ["speaker", "speaker_resolution"] and out.empty


def test_role_suffixes_of_words():
    from analysis.role_words import role_suffixes

    assert role_suffixes(["außenminister", "präsidentin", "staatschef", "haus", ""], "de") == [8, 11, 4, 0, 0]


def _speaker_of(text, mention):
    """The speaker resolved for ``mention`` at its first occurrence in a one-article text."""
    quotes = pd.DataFrame({"article_id": ["a"], "speaker_mention": [mention], "speaker_span": [[text.index(mention)]]})
    return resolve_speakers(quotes, pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))["speaker"].iloc[0]


def test_a_role_noun_in_e_takes_an_n_ending():
    from analysis.role_words import find_role_words, role_key, role_suffixes

    assert role_suffixes(["fraktionsvorsitzenden", "experten", "landrat", "garten"], "de") == [12, 8, 7, 0]
    text = "Er traf den Fraktionsvorsitzenden Peter Struck und die Gartenbauern Hans Meier."
    assert [text[a:b] for a, b in find_role_words(text, role_key("de"))] == ["Fraktionsvorsitzenden"]


@pytest.mark.parametrize("text,mention,speaker", [
    ("Landrat Michael Adam (SPD) besuchte die Schule. Der Landrat sagte, er sei zufrieden.",
     "Der Landrat", "Michael Adam"),
    ("Der Bundesdatenschutzbeauftragte Peter Schaar warnte, die Daten seien nicht sicher.",
     "Der Bundesdatenschutzbeauftragte Peter Schaar", "Peter Schaar"),
    # near miss: a role noun the article names no holder for stays the role
    ("Die Schule wurde geschlossen. Der Landrat sagte, er sei zufrieden.", "Der Landrat", "Landrat"),
])
def test_office_nouns_of_the_role_table(text, mention, speaker):
    assert _speaker_of(text, mention) == speaker


def test_role_nouns_from_tokens_equal_the_text_search(sample_articles):
    """extract_quotes hands speaker resolution the role nouns found through the tokens; the
    speakers are the same as with the search over the text."""
    from analysis.quotes import extract_quotes

    with_tokens = extract_quotes(sample_articles)
    by_text = resolve_speakers(extract_quotes(sample_articles, resolve=False), sample_articles)
    assert with_tokens["speaker"].tolist() == by_text["speaker"].tolist()
    assert with_tokens["speaker_resolution"].tolist() == by_text["speaker_resolution"].tolist()
    assert "Wladimir Putin" in set(with_tokens["speaker"])


@pytest.mark.parametrize("lang,text,mention,speaker", [
    ("de", "Nach russischen Angaben war nichts geplant.", "russischen Angaben", "Russland"),
    ("de", "Aus amerikanischen Kreisen hieß es, man warte.", "amerikanischen Kreisen", "USA"),
    ("en", "The talks failed, according to Russian sources.", "Russian sources", "Russia"),
])
def test_nationality_adjective_with_a_source_noun_names_the_country(lang, text, mention, speaker):
    assert resolve_one(text, mention, lang) == (speaker, "nationality")


def test_nationality_with_a_role_stays_a_role():
    assert resolved("der russische Präsident") == [("Wladimir Putin", "role")]


def test_nationality_adjective_with_an_actor_noun_is_not_the_country():
    assert resolve_one("Wie das russische Fernsehen zeigte, lachten beide.", "das russische Fernsehen")[0] == "Fernsehen"


@pytest.mark.parametrize("text,mention,speaker", [
    ("Nach Angaben der Polizei wurden drei Menschen verletzt.", "Angaben der Polizei", "Polizei"),
    ("Nach Informationen des Spiegels plant die Regierung neue Sanktionen.", "Informationen des Spiegels", "Spiegel"),
    ("Nach Polizeiangaben wurden drei Menschen verletzt.", "Polizeiangaben", "Polizei"),
    ("Nach Regierungsangaben sei die Lage stabil.", "Regierungsangaben", "Regierung"),
    ("Nach Angaben der russischen Seite sei alles gut.", "Angaben der russischen Seite", "Russland"),
    ("Nach Angaben von Kritikern sei die Lage ernst.", "Angaben von Kritikern", "Kritiker"),
    ("Nach Einschätzung des Airbus-Chefs Thomas Enders sei die Lage ernst.",  # a title keeps the name bare
     "Einschätzung des Airbus-Chefs Thomas Enders", "Thomas Enders"),
    ("Nach Meinung politischer Beobachter sei die Lage ernst.", "Meinung politischer Beobachter", "Beobachter"),
    ("Laut einer gemeinsamen Presseerklärung der Dortmunder Staatsanwaltschaft sei er tot.",
     "einer gemeinsamen Presseerklärung der Dortmunder Staatsanwaltschaft", "Dortmunder Staatsanwaltschaft"),
])
def test_the_holder_of_a_source_noun_speaks(text, mention, speaker):
    assert resolve_one(text, mention)[0] == speaker


def test_source_held_by_a_role_resolves_the_role():
    text = "Der Kremlchef Wladimir Putin kam. Nach Angaben des Kremlchefs sei alles gut."
    assert resolve_one(text, "Angaben des Kremlchefs") == ("Wladimir Putin", "role")


@pytest.mark.parametrize("lang,mention,speaker", [
    ("en", "Dean Baker, co-director of the Center for Economic and Policy Research", "Dean Baker"),
    ("de", "Erik Schweickert, der verbraucherschutzpolitische Sprecher der FDP", "Erik Schweickert"),
    ("de", "der Chef der Behörde, Frank Weise", "Frank Weise"),          # the name in apposition
    ("de", "Ministerpräsident Günther Oettinger (CDU)", "Günther Oettinger"),
    ("de", "Josef Schuster vom Zentralrat der Juden", "Josef Schuster"),
    ("de", "ein Regierungssprecher in Berlin", "Regierung"),  # an unnamed spokesperson voices the government
])
def test_speaker_is_the_head_of_a_long_mention(lang, mention, speaker):
    assert resolve_one(f"Die Lage sei ernst, sagte {mention}.", mention, lang)[0] == speaker


@pytest.mark.parametrize("text,mention,speaker,how", [
    ("Die Polizei hat nach eigenen Angaben drei Männer festgenommen.", "eigenen Angaben", "Polizei", "explicit"),
    ("Nach eigenen Angaben hat die Feuerwehr das Feuer gelöscht.", "eigenen Angaben", "Feuerwehr", "explicit"),
    ("Der OSZE-Bericht nennt die Wahl unfair.", "Der OSZE-Bericht", "OSZE", "explicit"),
    ("Laut dem Bericht war die Wahl unfair.", "dem Bericht", None, "unresolved"),
    ("Es gab Berichte, denen zufolge alles ruhig war.", "denen", None, "unresolved"),
    ("Die Regierung der Insel widersprach, deren Angaben zufolge alles ruhig war.", "deren Angaben", None, "unresolved"),
])
def test_sources_possessives_and_relatives(text, mention, speaker, how):
    assert resolve_one(text, mention) == (speaker, how)


@pytest.mark.parametrize("text,mention,speaker", [
    ("Konzernchef Michael O’Leary sagte, es gehe gut.", "Konzernchef Michael O’Leary", "Michael O’Leary"),
    ("Martin Winterkorn kam. VW-Chef Winterkorn sagte, es gehe gut.", "VW-Chef Winterkorn", "Martin Winterkorn"),
    ("Ronny Tong von der Civic Party sagte, es gehe gut.", "Ronny Tong von der Civic Party", "Ronny Tong"),
    ("Ursula von der Leyen sagte, es gehe gut.", "Ursula von der Leyen", "Ursula von der Leyen"),
    ("Es sprach der Chef des Verwaltungsrats Ulrich Müller.",
     "der Chef des Verwaltungsrats Ulrich Müller", "Ulrich Müller"),
    ("Laut Oumar Kondé ist es gut. Kondé sagte, es gehe gut.", "Kondé", "Oumar Kondé"),
    ("Die Gesundheit Kim Jong Uns ist gut. Kim sagte, es gehe gut.", "Kim", "Kim Jong Un"),
    ("Der Vorsitzende Richter Klaus Tolksdorf sagte, es gehe gut.",
     "Der Vorsitzende Richter Klaus Tolksdorf", "Klaus Tolksdorf"),
    ("Der zuständige Gewerkschaftsvorstand Uwe Foullong sagte, es gehe gut.",
     "zuständige Gewerkschaftsvorstand Uwe Foullong", "Uwe Foullong"),
    ("Staatssekretär Harald Stegemann sagte, es gehe gut.", "Staatssekretär Harald Stegemann", "Harald Stegemann"),
    ("Ursula von der Leyen kam. Von der Leyen sagte, es gehe gut.", "Von der Leyen", "Ursula von der Leyen"),
    ("Mayra Veliz von der Staatsanwaltschaft sagte, es gehe gut.",
     "Mayra Veliz von der Staatsanwaltschaft", "Mayra Veliz"),
    ("Verhandlungsführer Hans-Peter Lafos von der Gewerkschaft sagte, es gehe gut.",
     "Verhandlungsführer Hans-Peter Lafos von der Gewerkschaft", "Hans-Peter Lafos"),
    ("Die SPD-Abgeordnete und Delmenhorster Bürgermeisterin Swantje Hartmann sagte, es gehe gut.",
     "Die SPD-Abgeordnete und Delmenhorster Bürgermeisterin Swantje Hartmann", "Swantje Hartmann"),
])
def test_canonical_names_without_roles_tails_or_short_forms(text, mention, speaker):
    assert resolve_one(text, mention)[0] == speaker


def test_name_inventory_of_an_article():
    from analysis.speaker_names import name_runs
    from analysis.speakers import _ArticleEntities

    text = ("Der russische Präsident Wladimir Putin traf am Donnerstag Kim Jong Un. In der Stadt Wladiwostok "
            "sprach Ursula von der Leyen. Dann kam George W. Bush.")
    names = [n for _, n in name_runs(text, _ArticleEntities(text, "de"))]
    assert names == ["Wladimir Putin", "Kim Jong Un", "Ursula von der Leyen", "George W. Bush"]


@pytest.mark.parametrize("text,mention,lang", [
    ("Ihr Antrag ist falsch, sagte er.", "Ihr Antrag", "de"),
    ("The deal has been signed, officials say.", "been", "en"),
])
def test_things_and_fragments_are_no_speakers(text, mention, lang):
    assert resolve_one(text, mention, lang) == (None, "unresolved")


def test_pronoun_with_its_object_is_the_pronoun():
    text = "Wladimir Putin kam. Er sagte, Sie Fehler vorzuwerfen sei falsch."
    assert resolve_one(text, "Sie Fehler")[1] in ("pronoun", "unresolved")
    assert resolve_one(text, "Sie Fehler")[0] != "Sie Fehler"


def test_junk_speaker_reasons():
    from analysis.evaluate.actors import junk_speakers

    q = pd.DataFrame({"speaker": ["industry leaders", "been", "I", "Danach", "Donald Trump"]})
    assert junk_speakers(q, lang="en").tolist()[:3] == ["", "lower-case", "pronoun"]
    assert junk_speakers(q.iloc[3:], lang="de").tolist() == ["function word", ""]


def test_one_word_name_is_not_extended_into_an_organisation_named_after_it():
    text = "The Trump Administration announced new tariffs. Trump said the tariffs would stay."
    assert resolve_one(text, "Trump", lang="en")[0] == "Trump"
    # a person's full name still wins
    text2 = "Donald Trump met the press. The Trump Administration announced tariffs. Trump said more."
    assert resolve_one(text2, "Trump", lang="en")[0] == "Donald Trump"


def test_a_word_that_is_part_of_a_longer_name_still_takes_it():
    text = "The United States welcomed the deal. States agreed to the terms."
    assert resolve_one(text, "States", lang="en")[0] == "United States"


@pytest.mark.parametrize("mention,speaker", [
    ("As Jake", "Jake Sullivan"), ("Kirby earlier today", "John Kirby"), ("That’s Eric Holder", "Eric Holder"),
    ("Pentagon already", "Pentagon"), ("Russian sources", "Russia"),
])
def test_english_speaker_fragments_lose_the_words_around_the_name(mention, speaker):
    text = f"Jake Sullivan, John Kirby and Eric Holder spoke. Later on, {mention} said something."
    assert resolve_one(text, mention, lang="en")[0] == speaker


@pytest.mark.parametrize("mention", ["The judge", "Trump’s running mate", "The people"])
def test_english_mentions_without_a_name_or_with_a_possessive_stay_whole(mention):
    from analysis.speaker_names import trim_fragment
    assert trim_fragment(mention.split(), "en") == mention.split()


def test_a_role_is_not_resolved_to_a_name_introduced_after_it():
    text = ("Insgesamt spricht die Polizei von weniger Gewalt. An den Wagen der Bereitschaftspolizei CRS "
            "wurden Einschusslöcher gefunden.")
    assert resolve_one(text, "die Polizei") == ("Polizei", "explicit")


@pytest.mark.parametrize("text,mention,speaker", [
    # an indefinite article introduces someone new: no earlier spokesperson, the police speak
    ("Laut Justizsprecher Joachim Banke ist es gut. Ein Polizeisprecher sagte, es gehe gut.", "Ein Polizeisprecher", "Polizei"),
    # the definite role takes the spokesperson named before
    ("Laut Polizeisprecher Axel Stüken ist es gut. Der Polizeisprecher sagte, es gehe gut.", "Der Polizeisprecher", "Axel Stüken"),
    # the holder of a source after an indefinite article is new too
    ("Die Bauerngewerkschaft Movement kam. Nach Angaben einer Bauerngewerkschaft sei es gut.",
     "Angaben einer Bauerngewerkschaft", "Bauerngewerkschaft"),
    ("Nach Ansicht von Beobachtern sei es gut.", "Ansicht von Beobachtern", "Beobachter"),
    # a source noun in the genitive of the head is no source: the authors speak
    ("Die Autoren der Studie werfen den Behörden vor, es sei schlecht.", "Die Autoren der Studie", "Autoren der Studie"),
    # a first part that is no organisation stays the role
    ("Ein Pressesprecher sagte, es gehe gut.", "Ein Pressesprecher", "Pressesprecher"),
])
def test_indefinite_roles_are_new_and_unnamed_spokespersons_voice_their_organisation(text, mention, speaker):
    assert resolve_one(text, mention)[0] == speaker


def test_a_pronoun_takes_the_name_without_its_describing_noun():
    text = ("Ziemendorff sprach mit dem Einheimischen Telesforo Santillan, der die Gegend kennt. "
            "Er hofft, dass etwas für sein Dorf abfällt.")
    assert resolve_one(text, "Er")[0] == "Telesforo Santillan"


@pytest.mark.parametrize("title,name", [
    ("Remarks by President Biden During Keynote Address at the Summit", "Biden"),
    ("Remarks by Vice President Harris After Swearing In of Judge", "Harris"),
])
def test_a_name_from_a_title_ends_before_a_function_word(title, name):
    from analysis.speakers import _ArticleEntities
    ents = _ArticleEntities("They spoke.", "en")
    ents.add_title(title)
    assert [n for _, n in ents.names] == [name]


@pytest.mark.parametrize("text,mention,speaker", [
    ("Die Staatsanwaltschaft ermittelt gegen Kurt Ertel. Außerdem warf die Staatsanwaltschaft Ertel vor, "
     "Regeln verletzt zu haben.", "die Staatsanwaltschaft Ertel", "Staatsanwaltschaft"),
    # near misses: a place after the noun is its name; a surname no one bears in full stays
    ("Die Staatsanwaltschaft Nürnberg-Fürth ermittelt gegen Kurt Ertel. Die Staatsanwaltschaft Nürnberg-Fürth "
     "teilte mit, er sei gefasst.", "Die Staatsanwaltschaft Nürnberg-Fürth", "Staatsanwaltschaft Nürnberg-Fürth"),
    ("Die Staatsanwaltschaft Ertel teilte mit, die Ermittlungen dauerten an.", "Die Staatsanwaltschaft Ertel",
     "Staatsanwaltschaft Ertel"),
])
def test_a_surname_after_an_organisation_noun_is_the_object(text, mention, speaker):
    assert _speaker_of(text, mention) == speaker


@pytest.mark.parametrize("text,mention,speaker", [
    ("Stephen Singer, ein Klimaexperte vom WWF erklärte, der Bericht sei gut.", "ein Klimaexperte vom WWF",
     "Stephen Singer"),
    # near misses: no person before the comma; the person is named in the sentence before
    ("Der WWF, ein Sprecher des Verbandes erklärte, der Bericht sei gut.", "ein Sprecher des Verbandes", "Verband"),
    ("Er traf Stephen Singer. Ein Klimaexperte vom WWF erklärte, der Bericht sei gut.", "Ein Klimaexperte vom WWF",
     "Klimaexperte"),
])
def test_an_indefinite_role_after_a_name_and_comma_is_that_person(text, mention, speaker):
    assert _speaker_of(text, mention) == speaker
