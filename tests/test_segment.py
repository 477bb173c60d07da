import importlib

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.segment import lemmatize, segment, segment_text


def sentences_of(text: str, lang: str = "de") -> list[str]:
    return segment(pd.DataFrame({"article_id": ["a"], "text": [text]}), lang=lang).sentences["text"].tolist()


def test_founding_article_sentences(sample_articles):
    sentences, tokens = segment(sample_articles)
    assert len(sentences) == 40  # counted by reading the article: 3+2+4+5+3+1+5+4+4+2+3+4
    assert sentences["paragraph"].nunique() == 12
    assert "„Sie brauchen nur eine Garantie für ihre Sicherheit.“" in sentences["text"].tolist()
    assert "„Es gibt keine Geheimnisse“, sagte er." in sentences["text"].tolist()
    text = sample_articles["text"].iloc[0]
    for row in sentences.itertuples():
        assert text[row.start:row.end] == row.text
    assert (tokens["end"] > tokens["start"]).all()
    assert tokens.loc[tokens["text"] == "Sechs-Parteien-Gespräche", "lemma"].iloc[0] == "Sechs-Parteien-Gespräch"


@pytest.mark.parametrize("text,expected", [
    ("Das Treffen ist am 13. September. Es regnet.", ["Das Treffen ist am 13. September.", "Es regnet."]),
    ("Der 2. Gipfel scheiterte. Danach kam nichts.", ["Der 2. Gipfel scheiterte.", "Danach kam nichts."]),
    ("Er nannte z. B. Russland. Dann ging er.", ["Er nannte z. B. Russland.", "Dann ging er."]),
    ("Sie kamen u. a. aus China und Dr. Meier bzw. Nr. 5 auch. Gut.", ["Sie kamen u. a. aus China und Dr. Meier bzw. Nr. 5 auch.", "Gut."]),
    ("Es waren ca. 50 Leute. Mehr nicht.", ["Es waren ca. 50 Leute.", "Mehr nicht."]),
    ("„Sie brauchen nur eine Garantie für ihre Sicherheit.“ Über diese Garantien müsse man reden.",
     ["„Sie brauchen nur eine Garantie für ihre Sicherheit.“", "Über diese Garantien müsse man reden."]),
    ("„Darf ich?“, fragte sie. Er nickte.", ["„Darf ich?“, fragte sie.", "Er nickte."]),
    ("„Wir kommen. Das ist sicher.“, sagte Putin. Dann ging er.", ["„Wir kommen. Das ist sicher.“, sagte Putin.", "Dann ging er."]),
    ("»Nein!« rief er. Sie ging.", ["»Nein!« rief er.", "Sie ging."]),
    ('"Wann?", fragte er. Niemand antwortete.', ['"Wann?", fragte er.', "Niemand antwortete."]),
    ("Erster Absatz ohne Punkt\nZweiter Absatz.", ["Erster Absatz ohne Punkt", "Zweiter Absatz."]),
    ("Was nun?! Keiner weiß es...", ["Was nun?!", "Keiner weiß es..."]),
])
def test_german_sentence_edge_cases(text, expected):
    assert sentences_of(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Mr. Smith went to Washington. He met Sen. Jones.", ["Mr. Smith went to Washington.", "He met Sen. Jones."]),
    ("The U.S. economy grew in Jan. 2019. Prices rose.", ["The U.S. economy grew in Jan. 2019.", "Prices rose."]),
    ("“We are ready,” said Mr. Biden. “Are you?” he asked.", ["“We are ready,” said Mr. Biden.", "“Are you?” he asked."]),
    ("George W. Bush spoke. It rained.", ["George W. Bush spoke.", "It rained."]),
])
def test_english_sentence_edge_cases(text, expected):
    assert sentences_of(text, "en") == expected


def test_tokens_of_tricky_words():
    _, _, words, _ = segment_text("Nord- und Südkorea: geht's um US-Präsident Trumps 2.000 Dollar (ca. 3,5 %)?")
    assert words == ["Nord-", "und", "Südkorea", ":", "geht's", "um", "US-Präsident", "Trumps", "2.000", "Dollar",
                     "(", "ca.", "3,5", "%", ")", "?"]


@pytest.mark.parametrize("word,lang,lemma", [
    ("Gesprächen", "de", "Gespräch"), ("sagte", "de", "sagen"), ("Garantien", "de", "Garantie"),
    ("Beziehungen", "de", "Beziehung"), ("talks", "en", "talk"), ("said", "en", "say"), ("sanctions", "en", "sanction"),
])
def test_lemmas(word, lang, lemma):
    assert lemmatize(word, lang) == lemma


def test_token_flags_and_columns():
    tokens = segment(pd.DataFrame({"article_id": ["a"], "text": ["Die Gespräche, sagte er."], "lang": ["de"]})).tokens
    assert list(tokens.columns) == ["article_id", "sentence", "paragraph", "start", "end", "text", "lower", "lemma", "is_stop", "is_punct"]
    assert tokens["is_stop"].tolist() == [True, False, False, False, True, False]
    assert tokens["is_punct"].tolist() == [False, False, True, False, False, True]
    assert tokens["lower"].iloc[0] == "die"


def test_empty_and_missing_texts():
    s, t = segment(pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["", None, "   \n "]}))
    assert s.empty and t.empty and list(s.columns)[:3] == ["article_id", "paragraph", "sentence"]


def test_unknown_language_still_segments(caplog):
    s, t = segment(pd.DataFrame({"article_id": ["a"], "text": ["Ceci est une phrase. Et une autre."]}), lang="xx")
    assert len(s) == 2 and (t["lemma"] == t["text"]).all()


def test_requires_columns():
    from analysis.errors import InputError
    with pytest.raises(InputError, match="missing column"):
        segment(pd.DataFrame({"txt": ["a"]}))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode_offsets_slice_back(text):
    sentences, tokens = segment(pd.DataFrame({"article_id": ["a"], "text": [text]}))
    for row in tokens.itertuples():
        assert text[row.start:row.end] == row.text and row.text.strip() == row.text and row.text
    for row in sentences.itertuples():
        assert text[row.start:row.end] == row.text
    assert tokens["sentence"].is_monotonic_increasing


def test_combining_marks_stay_in_their_word_and_other_scripts_end_sentences():
    sentences = sentences_of("नमस्ते दुनिया। यह दूसरा वाक्य है।", "hi")
    assert sentences == ["नमस्ते दुनिया।", "यह दूसरा वाक्य है।"]
    _, _, words, _ = segment_text("Cafe\u0301 und हिंदी")
    assert words == ["Cafe\u0301", "und", "हिंदी"]


def test_articles_segmented_together_as_each_alone():
    # consecutive articles in one language are segmented as one joined text: nothing may leak across
    texts = ["Er sprach über Nord-", " und Südkorea. Dann ging er »", "„Ja.“", ", sagte sie. Dr", ". Meier kam am 13",
             ". September.", "", "Was nun?“", "“ fragte er.\n\nEnde", "Mr. Smith said it.", "U.S", ". Army"]
    langs = ["de"] * 9 + ["en", "en", "de"]
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "text": texts, "lang": langs})
    sentences, tokens = segment(articles)
    for i, row in articles.iterrows():
        alone = segment(articles.iloc[[i]])
        pd.testing.assert_frame_equal(sentences[sentences["article_id"] == row["article_id"]].reset_index(drop=True), alone.sentences)
        pd.testing.assert_frame_equal(tokens[tokens["article_id"] == row["article_id"]].reset_index(drop=True), alone.tokens)
    assert tokens.loc[tokens["article_id"] == "a0", "text"].iloc[-1] == "-"  # not "Nord-": the next article's "und" is not seen
    assert sentences["article_id"].tolist().count("a6") == 0


def test_word_features_stay_right_when_the_vocabulary_starts_afresh(monkeypatch):
    seg = importlib.import_module("analysis.segment")  # the package exports a function of the same name
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": ["Die Gespräche, sagte er.", "Er sagte: Die Gespräche!"]})
    expected = segment(articles).tokens
    monkeypatch.setattr(seg, "MAX_TYPES", 3)
    for i in range(2):
        tokens = segment(articles.iloc[[i]]).tokens
        pd.testing.assert_frame_equal(tokens, expected[expected["article_id"] == articles["article_id"][i]].reset_index(drop=True))
    assert len(seg._vocabulary("de")) <= 3 + 8


def test_threads_segmenting_at_once_get_the_same_tables(sample_articles):
    from concurrent.futures import ThreadPoolExecutor

    seg = importlib.import_module("analysis.segment")
    texts = sample_articles["text"].iloc[0].split("\n\n")
    parts = [pd.DataFrame({"article_id": [f"p{i}"], "text": [t], "lang": ["de"]}) for i, t in enumerate(texts)]
    expected = [segment(p).tokens for p in parts]
    seg._vocabulary("de").start_afresh()  # every thread meets new word types
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda p: segment(p).tokens, parts * 4))
    for got, want in zip(results, expected * 4):
        pd.testing.assert_frame_equal(got, want)
