"""A surname held with a role merges into the full name the corpus gives that role's holder."""
import pandas as pd

from analysis.actor_reduction import ActorReduction
from analysis.actors import build_actors

ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c", "d", "e"],
    "lang": ["en"] * 5,
    "text": ["President Joe Biden said the bill would pass.",
             "Jill Biden said teachers deserve a raise.",
             "President Biden said the economy is strong.",
             "Dr. Biden said reading matters.",
             "Senator Biden said the vote was close."],
})
QUOTES = pd.DataFrame({
    "article_id": ["a", "b", "c", "c", "d", "e"],
    "speaker": ["Joe Biden", "Jill Biden", "Biden", "Biden", "Biden", "Biden"],
    "speaker_mention": ["President Joe Biden", "Jill Biden", "President Biden", "He", "Dr. Biden", "Senator Biden"],
    "lang": ["en"] * 6,
})


def _names(actors, quotes):
    return quotes["actor_id"].map(dict(zip(actors["actor_id"], actors["name"]))).tolist()


def test_a_surname_held_with_the_role_of_one_full_name_is_that_person():
    actors, quotes = build_actors(QUOTES, articles=ARTICLES)
    names = _names(actors, quotes)
    assert names[:4] == ["Joe Biden", "Jill Biden", "Joe Biden", "Joe Biden"]  # "He" in an article of President Biden
    row = actors.set_index("name").loc["Joe Biden"]
    assert row["n_quotes"] == 3 and row["aliases"] == ["Biden"] and row["role"] == "President"


def test_a_surname_without_a_role_or_with_another_role_stays_apart_and_flagged():
    actors, quotes = build_actors(QUOTES, articles=ARTICLES)
    assert _names(actors, quotes)[4:] == ["Biden", "Biden"]  # "Dr. Biden" names no role; no full name is a senator
    assert actors.set_index("name").loc["Biden", "ambiguous"]


def test_a_role_stated_with_two_full_names_decides_nothing():
    quotes = pd.concat([QUOTES, pd.DataFrame({"article_id": ["f"], "speaker": ["Jill Biden"], "lang": ["en"],
                                              "speaker_mention": ["President Jill Biden of the club"]})])
    articles = pd.concat([ARTICLES, pd.DataFrame({"article_id": ["f"], "lang": ["en"],
                                                  "text": ["President Jill Biden of the club spoke."]})])
    actors, linked = build_actors(quotes, articles=articles)
    assert _names(actors, linked)[2] == "Biden"  # stated twice with each


def test_a_unique_full_name_takes_its_surname_whatever_the_role():
    quotes = QUOTES[QUOTES["speaker"] != "Jill Biden"]
    actors, linked = build_actors(quotes, articles=ARTICLES)
    assert set(_names(actors, linked)) == {"Joe Biden"}


def test_the_actor_reduction_holds_the_roles_as_one_pass(tmp_path):
    expected, linked = build_actors(QUOTES, articles=ARTICLES)
    reduction = ActorReduction(spool=tmp_path / "actors")
    for ids in (["a", "b"], ["c"], ["d", "e"]):
        reduction.add(QUOTES[QUOTES["article_id"].isin(ids)], ARTICLES[ARTICLES["article_id"].isin(ids)])
    pd.testing.assert_frame_equal(reduction.result(), expected)
    assert pd.concat(list(reduction.actor_ids()), ignore_index=True).tolist() == linked["actor_id"].tolist()
    reduction.close()


def test_a_role_alone_is_no_short_name_and_a_full_name_opens_with_a_first_name():
    quotes = pd.DataFrame({
        "article_id": ["a", "b", "c", "c", "d"],
        "speaker": ["Lloyd Austin", "Defense Austin", "Austin", "President", "Earthjustice Vice President"],
        "speaker_mention": ["Secretary Lloyd Austin", "Secretary of Defense Austin", "Secretary Austin", "the President",
                            "Earthjustice Vice President"],
        "lang": ["en"] * 5})
    quotes = pd.concat([quotes, pd.DataFrame({"article_id": ["e"], "speaker": ["Student President"], "lang": ["en"],
                                              "speaker_mention": ["Student President"]})], ignore_index=True)
    actors, linked = build_actors(quotes)
    names = _names(actors, linked)
    assert names[2] == "Lloyd Austin"  # not the glued "Defense Austin", stated Secretary as often
    assert names[3] == "President"  # a role noun alone stays apart, though stated with "Student President"


def test_a_role_noun_alone_merges_into_no_longer_name():
    actors, linked = build_actors(pd.DataFrame({"article_id": ["a", "b"], "speaker": ["President", "Vice President"],
                                                "lang": ["en", "en"]}))
    assert _names(actors, linked) == ["President", "Vice President"]
