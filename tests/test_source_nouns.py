"""One table of source nouns serves the quotation cues and the speaker step (source_nouns.tsv)."""
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.quotes.lexicon import lexicon
from analysis.resources import source_nouns, table
from analysis.speaker_sources import countries_and_sources


@pytest.mark.parametrize("lang", ["de", "en"])
def test_each_noun_is_listed_once_and_both_steps_read_the_same_table(lang):
    t = table(lang, "source_nouns")
    assert not t["noun"].duplicated().any()
    assert set(t["cue"]) <= {"yes", "no"}
    assert lexicon(lang).nouns == set(source_nouns(lang, "cue"))
    assert countries_and_sources(lang)[1] == source_nouns(lang, "speaker")


def test_a_form_of_the_speaker_step_belongs_to_one_noun():
    t = table("de", "source_nouns")
    forms = [f.lower() for fs in t["source_forms"] for f in fs.split("|") if f]
    assert len(forms) == len(set(forms))
    row = t.set_index("noun").loc["Bericht"]
    assert row["cue"] == "yes" and "Berichts" in row["source_forms"].split("|")


def test_a_person_cue_noun_is_no_source_of_the_speaker_step():
    assert "augenzeuge" in source_nouns("de", "cue")
    assert "augenzeuge" not in source_nouns("de", "speaker")


def test_the_use_is_cue_or_speaker():
    with pytest.raises(InputError):
        source_nouns("de", "holder")
    assert source_nouns("xx", "cue") == frozenset()


def test_speech_verbs_hold_verbs_only():
    verbs = table("de", "speech_verbs")
    assert not set(verbs["lemma"]) & set(table("de", "source_nouns")["noun"]) and "pos" not in verbs


def test_a_cue_noun_of_the_quotation_rules_is_a_source_of_the_speaker_step_too():
    from analysis.speakers import _ArticleEntities
    from analysis.speaker_sources import source_holder

    ents = _ArticleEntities("", "de")
    assert source_holder("Berechnungen eines Forschers".split(), ents, "de") == "Forscher"
    assert source_holder(["Regierungskommuniqué"], ents, "de") == "Regierung"


def test_a_compound_whose_modifier_is_the_topic_names_no_holder():
    from analysis.speakers import _ArticleEntities
    from analysis.speaker_sources import source_holder

    ents = _ArticleEntities("", "de")
    assert source_holder(["Korruptionsvorwurf"], ents, "de") is None
    assert source_holder(["Wachstumsprognose"], ents, "de") is None
    assert source_holder(["Polizeiangaben"], ents, "de") == "Polizei"
    assert "vorwurf" in source_nouns("de", "speaker") and "vorwurf" not in source_nouns("de", "compound")


@pytest.mark.parametrize("text, mention, speaker", [
    ("Laut einem Artikel von „BBC News“ leben acht Millionen Menschen oberhalb der Armutsgrenze.",
     "einem Artikel von „BBC News“", "BBC News"),
    ("Nach Angaben von „Spiegel Online“ sei der Plan gescheitert.", "Angaben von „Spiegel Online“", "Spiegel Online"),
    ("Nach Schäubles Idee soll im Zweifel die Mehrheit entscheiden.", "Schäubles Idee", "Schäuble"),
])
def test_a_document_or_an_idea_names_its_holder(text, mention, speaker):
    from analysis.quotes import extract_quotes

    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    assert q[["speaker_mention", "speaker"]].values.tolist() == [[mention, speaker]]


@pytest.mark.parametrize("text, mention, speaker", [
    ("Der Minister Hans Berg kam. Nach seinen Angaben wird das Defizit wachsen.", "seinen Angaben", "Hans Berg"),
    ("Eine Million Euro fehlt. Nach meiner Prognose wird das Defizit wachsen.", "meiner Prognose", None),
])
def test_a_first_person_possessive_names_no_one_nearby(text, mention, speaker):
    from analysis.quotes import extract_quotes

    q = extract_quotes(pd.DataFrame({"article_id": ["a"], "text": [text], "lang": ["de"]}))
    assert q["speaker_mention"].tolist() == [mention]
    got = q["speaker"].iloc[0]
    assert got == speaker or (speaker is None and not isinstance(got, str))

