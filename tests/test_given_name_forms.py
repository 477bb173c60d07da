"""A short form of a given name with the same surname is the same person (Tony Fauci, Anthony Fauci)."""
import pandas as pd

from analysis.actor_reduction import ActorReduction
from analysis.actors import build_actors, given_name_forms

KINDS = dict.fromkeys(["Tony Fauci", "Anthony Fauci", "Bob Casey", "Robert Casey", "Tony Blair", "Anthony Blinken"],
                      "person")


def test_a_short_form_joins_the_more_quoted_form():
    counts = {"Tony Fauci": 1, "Anthony Fauci": 3, "Bob Casey": 2, "Robert Casey": 1}
    assert given_name_forms(sorted(KINDS), counts, kinds=KINDS, langs={}) == {
        "Tony Fauci": "Anthony Fauci", "Robert Casey": "Bob Casey"}


def test_different_surnames_or_given_names_stay_apart():
    counts = {"Tony Blair": 5, "Anthony Blinken": 5}
    assert given_name_forms(["Tony Blair", "Anthony Blinken"], counts, kinds=KINDS, langs={}) == {}


def test_the_surname_alone_then_joins_the_one_person():
    q = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "lang": ["en"] * 4,
                      "speaker": ["Anthony Fauci", "Tony Fauci", "Fauci", "Anthony Fauci"]})
    actors, _ = build_actors(q)
    assert actors[["name", "n_quotes", "ambiguous"]].values.tolist() == [["Anthony Fauci", 4, False]]


def test_the_chunked_reduction_gives_the_same_table(tmp_path):
    q = pd.DataFrame({"article_id": ["a", "b", "c"], "lang": ["en"] * 3,
                      "speaker": ["Tony Fauci", "Tony Fauci", "Anthony Fauci"]})
    red = ActorReduction(spool=tmp_path / "spool.parquet")
    red.add(q.iloc[:1])
    red.add(q.iloc[1:])
    chunked = red.result()
    red.close()
    assert chunked[["name", "n_quotes"]].values.tolist() == [["Tony Fauci", 3]]
    assert build_actors(q)[0][["name", "n_quotes"]].values.tolist() == [["Tony Fauci", 3]]
