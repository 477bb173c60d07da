"""Statements coded from quotations: concepts, agreement, the founding article as a reader codes it."""
import pandas as pd
import pytest

from analysis.concepts import discover_concepts, find_concepts, read_concepts
from analysis.errors import InputError
from analysis.stance import stance_toward, tone_agreement
from analysis.statements import (
    STATEMENT_COLUMNS,
    build_statements,
    statements_from_articles,
)

FOUNDING_CONCEPTS = {
    "Neuauflage der Sechs-Parteien-Gespräche": {"phrases": ["Neuauflage der Sechs-Parteien-Gespräche"]},
    "Lockerung der Sanktionen": {"phrases": ["Lockerung der Sanktionen", "Lockerung der Strafmaßnahmen"],
                                 "regexes": [r"Sanktionen\b.{0,40}\bgelockert"]},
    "Abkehr vom Atomarsenal": {"phrases": ["Abkehr vom nordkoreanischen Atomarsenal", "Abkehr vom Atomarsenal"]},
    "Normalisierung der Beziehungen zu den USA": {"phrases": ["Normalisierung der Beziehungen"]},
}


@pytest.fixture(scope="module")
def founding(sample_articles):
    st, _ = statements_from_articles(sample_articles, concepts=FOUNDING_CONCEPTS)
    return st


def test_founding_article_coded_as_a_reader_codes_it(founding):
    # Read from the article: Putin "sprach sich für eine Neuauflage der Sechs-Parteien-Gespräche aus"
    # and "für eine Normalisierung der Beziehungen zwischen Nordkorea und den USA ausgesprochen";
    # Kim "verlangte eine erhebliche Lockerung der Strafmaßnahmen"; Moskau "setzt sich dafür ein,
    # dass … die Sanktionen gegen Pjöngjang gelockert werden"; Washington "dringt … auf eine
    # unumkehrbare, nachweisbare Abkehr vom nordkoreanischen Atomarsenal".
    coded = set(zip(founding["actor"], founding["concept"], founding["agreement"]))
    assert coded == {
        ("Wladimir Putin", "Neuauflage der Sechs-Parteien-Gespräche", 1),
        ("Wladimir Putin", "Normalisierung der Beziehungen zu den USA", 1),
        ("Kim Jong Un", "Lockerung der Sanktionen", 1),
        ("Moskau", "Lockerung der Sanktionen", 1),
        ("Washington", "Abkehr vom Atomarsenal", 1),
    }
    assert set(founding["agreement_source"]) == {"stance"}
    assert list(founding.columns) == STATEMENT_COLUMNS


def test_statements_trace_back_to_their_words(founding, sample_articles):
    text = sample_articles["text"].iloc[0]
    for row in founding.itertuples():
        s, e = row.concept_span
        assert row.span[0] <= s < e <= row.span[1]
        assert text[row.span[0]:row.span[1]] == row.text
    kim = founding[founding["actor"] == "Kim Jong Un"].iloc[0]
    assert text[slice(*kim.concept_span)] == "Lockerung der Strafmaßnahmen"
    assert "verlangte" in kim.evidence


@pytest.mark.parametrize("text, lang, agreement", [
    ("Die SPD lehnt eine Lockerung der Sanktionen ab.", "de", -1),
    ("Die SPD lehnt eine Lockerung der Sanktionen nicht ab.", "de", 1),
    ("Die Grünen fordern keine Lockerung der Sanktionen.", "de", -1),
    ("Die Union warnte vor einer Lockerung der Sanktionen.", "de", -1),
    ("Die FDP sprach sich gegen eine Lockerung der Sanktionen aus.", "de", -1),
    ("Die Linke kritisiert die Lockerung der Sanktionen.", "de", -1),
    ("Die Regierung unterstützt eine Lockerung der Sanktionen.", "de", 1),
    ("Die Regierung unterstützt eine Lockerung der Sanktionen nicht.", "de", -1),
    ("Die Regierung fordert nicht nur eine Lockerung der Sanktionen, sondern mehr.", "de", 1),
    ("We support not only an easing of sanctions but more.", "en", 1),
    ("The Senate rejected an easing of sanctions.", "en", -1),
    ("The President called for an easing of sanctions.", "en", 1),
    ("We oppose any easing of sanctions.", "en", -1),
    ("We support an easing of sanctions.", "en", 1),
    ("We do not support an easing of sanctions.", "en", -1),
])
def test_stance_constructions_with_negation(text, lang, agreement):
    start = text.index("Lockerung" if lang == "de" else "easing")
    assert stance_toward(text, start, lang=lang).agreement == agreement


def test_no_stance_construction_gives_none_and_tone_decides():
    assert stance_toward("Die Sanktionen wurden gestern beschlossen.", 4, lang="de") is None
    text = "Die SPD fordert mehr Geld. Die Sanktionen bleiben."  # a stance verb of the sentence before
    assert stance_toward(text, text.index("Sanktionen"), lang="de") is None
    assert tone_agreement("Das ist eine gute, konstruktive Lösung", lang="de")[0] == 1
    assert tone_agreement("Das ist ein schwerer Fehler und eine Katastrophe", lang="de")[0] == -1


def test_concept_dictionary_yaml_and_csv(tmp_path):
    y = tmp_path / "c.yaml"
    y.write_text("Sanktionen:\n  lang: de\n  lemmas: [Sanktion]\n  regexes: ['Strafma(ß|ss)nahme']\n", encoding="utf-8")
    c = tmp_path / "c.csv"
    c.write_text("concept,kind,pattern,lang\nSanktionen,lemma,Sanktion,de\nSanktionen,regex,Strafma(ß|ss)nahme,de\n",
                 encoding="utf-8")
    for d in (read_concepts(y), read_concepts(c)):
        assert d[["kind", "pattern"]].values.tolist() == [["lemma", "Sanktion"], ["regex", "Strafma(ß|ss)nahme"]]
        ms = find_concepts("Neue Sanktionen und Strafmaßnahmen", d, lang="de")
        assert [(m.start, m.end) for m in ms] == [(5, 15), (20, 34)]
        assert find_concepts("new sanctions", d, lang="en") == []  # entries hold for German only


@pytest.mark.parametrize("body, line, words", [
    ("Sanktionen:\n  lemmas: [Sanktion\n", 3, "not valid YAML"),
    ("Sanktionen:\n  lemmas: [Sanktion]\nAbrüstung:\n  regexes: ['abr(']\n", 4, "invalid regex"),
    ("Sanktionen:\n  lemmas: [Sanktion]\nAbrüstung:\n  lemas: [x]\n", 4, "unknown field 'lemas'"),
    ("Sanktionen: Sanktion\n", 1, "expected lemmas:"),
    ("- a\n- b\n", 1, "expected a mapping"),
])
def test_malformed_yaml_dictionary_names_the_line(tmp_path, body, line, words):
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=rf"line {line}\b.*{words}"):
        read_concepts(path)


def test_malformed_csv_dictionary_names_the_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("concept,kind,pattern\nA,lemma,a\nB,stem,b\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 3: kind 'stem'"):
        read_concepts(path)
    path.write_text("name,pattern\nA,a\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"line 1: missing column\(s\) concept, kind"):
        read_concepts(path)
    with pytest.raises(InputError, match="must end in .yaml"):
        path.with_suffix(".txt").write_text("x", encoding="utf-8")
        read_concepts(path.with_suffix(".txt"))


def test_discovered_concepts_are_key_lemmas_without_speaker_names():
    q = pd.DataFrame({"text": ["Die Sanktionen gegen Russland müssen bleiben, sagt Scholz."] * 3
                      + ["Sanktion ist Sanktion, Herr Scholz."], "lang": ["de"] * 4,
                      "speaker": ["Olaf Scholz"] * 3 + ["Friedrich Merz"]})
    d = discover_concepts(q, lang="de")
    assert "Sanktion" in d["concept"].tolist()  # Sanktionen and Sanktion merged by lemma
    assert not {"Scholz", "Herr"} & set(d["concept"])  # a speaker's name, a generic noun
    assert "Russland" not in discover_concepts(q, lang="de", min_speakers=2)["concept"].tolist()  # one speaker only


def test_without_dictionary_concepts_are_discovered(sample_articles):
    st, _ = statements_from_articles(sample_articles)
    assert set(st["concept"]) == {"Gespräch"}  # the one key noun that several speakers use
    assert set(st["actor"]) >= {"Wladimir Putin", "Ria"}


def test_no_quotations_give_an_empty_table():
    art = pd.DataFrame({"article_id": ["a"], "lang": ["de"], "text": ["Es regnet in Berlin."]})
    st, _ = statements_from_articles(art, concepts=FOUNDING_CONCEPTS)
    assert st.empty and list(st.columns) == STATEMENT_COLUMNS


def test_quotes_of_unknown_articles_are_an_input_error():
    q = pd.DataFrame({"article_id": ["x"], "quote_id": ["x-q0"], "spans": [[[0, 3]]], "speaker": ["A"]})
    with pytest.raises(InputError, match="not in articles"):
        build_statements(q, articles=pd.DataFrame({"article_id": ["a"], "text": ["abc"]}), concepts={})


def test_a_long_speech_takes_the_tone_around_the_concept_not_of_its_greetings():
    greetings = " ".join(["Sehr geehrte Frau Präsidentin, liebe Kolleginnen und Kollegen, vielen herzlichen Dank."] * 4)
    text = (greetings + " Wir reden heute über vieles. Es geht um Strom. Die Kernkraft ist eine gefährliche, "
            "teure Sackgasse. Das wissen alle. Es ist so. " + greetings)
    arts = pd.DataFrame({"article_id": ["s"], "lang": ["de"], "text": [text], "speaker": ["Julia Verlinden"]})
    st, _ = statements_from_articles(arts, concepts={"Kernkraft": {"lemmas": ["Kernkraft"]}})
    assert st[["actor", "concept", "agreement"]].values.tolist() == [["Julia Verlinden", "Kernkraft", -1]]
    assert "Sackgasse" in st["evidence"].item() or "gefährlich" in st["evidence"].item()


def test_a_compiled_dictionary_finds_what_the_table_finds():
    from analysis.concepts import compile_concepts

    d = read_concepts({"Sanktionen": {"lemmas": ["Sanktion"], "phrases": ["Lockerung der Strafmaßnahmen"],
                                      "regexes": [r"Strafma(ß|ss)nahme"], "opposites": ["Sanktionsende"]},
                       "Gespräche": {"phrases": ["Sechs-Parteien-Gespräche", "Lockerung der Gespräche"]}})
    texts = ["Kim verlangte eine Lockerung der Strafmaßnahmen und neue Sanktionen.",
             "Das Sanktionsende und die Sechs-Parteien-Gespräche; Strafmassnahmen.", ""]
    compiled = compile_concepts(d, lang="de")
    for text in texts:
        assert find_concepts(text, compiled) == find_concepts(text, d, lang="de")
    assert [m.sign for m in find_concepts(texts[1], compiled)] == [-1, 1, 1]
