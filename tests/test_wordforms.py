"""Word-level facts: umlaut-preserving stems against NLTK's Snowball, compound heads, hyphen parts."""
import pytest
from hypothesis import given
from hypothesis import strategies as st
from nltk.stem import SnowballStemmer

from analysis.errors import InputError
from analysis.wordforms import compound_split_point, hyphen_parts, stem

_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})


@given(st.text(alphabet="abcdefghilmnorstuäöüß", min_size=1, max_size=14))
def test_stem_is_snowball_with_umlauts_restored(word):
    ours = stem(word, "de")
    assert ours.translate(_FOLD).replace("ß", "ss") == SnowballStemmer("german").stem(word)
    if ours != SnowballStemmer("german").stem(word):
        assert word.lower().startswith(ours)  # a prefix of the word itself, umlauts kept


def test_stem_keeps_schon_and_schoen_apart():
    assert stem("schön") != stem("schon")
    assert stem("running", "en") == "run"
    with pytest.raises(InputError, match="Snowball"):
        stem("word", "xx")


def test_compound_split_point_and_hyphen_parts():
    assert compound_split_point("Koalitionsvertrag") == len("Koalitions")  # linking -s-
    assert compound_split_point("atomkonflikt") is None  # lower case: not a German noun
    assert compound_split_point("atomkonflikt", nouns_only=False) == 4
    assert hyphen_parts("Nord‐Korea") == [(0, "Nord"), (5, "Korea")]  # U+2010 hyphen
    assert hyphen_parts("-") == []
