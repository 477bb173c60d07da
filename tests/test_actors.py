"""The actors table: speakers merged across articles (analysis/actors.py, docs/actors.md)."""
import json

import pandas as pd
import pytest
from conftest import SAMPLE

from analysis import build_actors
from analysis.actor_names import actor_id, actor_kind, role_and_party
from analysis.actors import ACTOR_COLUMNS, merge_names
from analysis.cli import main
from analysis.errors import InputError


def _quotes(speakers, *, mentions=None, articles=None):
    articles = articles or [f"a{i}" for i in range(len(speakers))]
    frame = pd.DataFrame({"article_id": articles, "quote_id": [f"{a}-q{i}" for i, a in enumerate(articles)],
                          "kind": "indirect", "cue": "sagte", "speaker": speakers,
                          "speaker_resolution": ["explicit" if s else "none" for s in speakers]})
    if mentions is not None:
        frame["speaker_mention"] = mentions
    return frame


def _by_name(actors):
    return actors.set_index("name")


def test_short_name_merges_into_the_full_name_of_another_article():
    actors, quotes = build_actors(_quotes(["Donald Trump", "Trump", "Friedrich Merz", "Merz", "Merz"]))
    t = _by_name(actors)
    assert t.loc["Donald Trump", "aliases"] == ["Trump"] and t.loc["Donald Trump", "n_quotes"] == 2
    assert t.loc["Friedrich Merz", "aliases"] == ["Merz"] and t.loc["Friedrich Merz", "n_articles"] == 3
    assert sorted(t.index) == ["Donald Trump", "Friedrich Merz"]
    assert quotes["actor_id"].tolist() == [actor_id("Donald Trump")] * 2 + [actor_id("Friedrich Merz")] * 3


def test_shared_surname_keeps_the_short_form_apart_and_flags_it():
    actors, quotes = build_actors(_quotes(["Donald Trump", "Ivanka Trump", "Trump", "Trump"]))
    t = _by_name(actors)
    assert sorted(t.index) == ["Donald Trump", "Ivanka Trump", "Trump"]
    assert t["ambiguous"].to_dict() == {"Trump": True, "Donald Trump": False, "Ivanka Trump": False}
    assert t.loc["Trump", "n_quotes"] == 2 and t.loc["Trump", "kind"] == "person"
    assert t.loc["Donald Trump", "aliases"] == []


def test_merging_is_by_whole_words_at_the_end():
    merged, ambiguous = merge_names(["Un", "Jong Un", "Kim Jong Un", "Kim"], kinds={
        "Jong Un": "person", "Kim Jong Un": "person"})
    assert merged == {"Un": "Kim Jong Un", "Jong Un": "Kim Jong Un"} and ambiguous == set()
    merged, _ = merge_names(["Polizei", "Berliner Polizei"], kinds={"Berliner Polizei": "organisation"})
    assert merged == {}  # only person names take short forms


def test_a_name_opening_with_a_first_name_takes_no_glued_words_before_it():
    quotes = _quotes(["Joe Biden", "Fightin’ Joe Biden", "Marie Henry", "Mary Marie Henry"]).assign(lang="en")
    actors, _ = build_actors(quotes)
    t = _by_name(actors)
    assert t.loc["Joe Biden", "n_quotes"] == 1 and t.loc["Fightin’ Joe Biden", "n_quotes"] == 1
    assert t.loc["Mary Marie Henry", "aliases"] == ["Marie Henry"]  # a first name before it: the same person


def test_capitals_and_case_endings_normalise():
    actors, quotes = build_actors(_quotes(["Wladimir Putin", "PUTIN", "Putins", "Putin's", "Kim Jong Uns", "Kim Jong Un",
                                           "NATO", "Hans"]))
    t = _by_name(actors)
    assert t.loc["Wladimir Putin", "n_quotes"] == 4
    assert sorted(t.loc["Wladimir Putin", "aliases"]) == ["PUTIN", "Putin's", "Putins"]
    assert t.loc["Kim Jong Un", "aliases"] == ["Kim Jong Uns"]
    assert t.loc["NATO", "kind"] == "organisation" and "Han" not in t.index and t.loc["Hans", "n_quotes"] == 1
    assert quotes["actor_id"].nunique() == 4


def test_alias_table_overrides_merging_and_is_read_from_csv(tmp_path):
    q = _quotes(["Donald Trump", "Trump", "Kremlchef", "Wladimir Putin"])
    aliases = pd.DataFrame({"actor": ["Trump", "Wladimir Putin"], "alias": ["Trump", "Kremlchef"]})
    t = _by_name(build_actors(q, aliases=aliases)[0])
    assert sorted(t.index) == ["Donald Trump", "Trump", "Wladimir Putin"]
    assert t.loc["Wladimir Putin", "aliases"] == ["Kremlchef"] and t.loc["Trump", "ambiguous"] == False  # noqa: E712
    path = tmp_path / "aliases.csv"
    pd.DataFrame({"actor": ["Wladimir Putin"], "alias": ["Kremlchef"], "lang": ["de"]}).to_csv(path, index=False)
    q["lang"] = ["de", "de", "de", "en"]
    t = _by_name(build_actors(q, aliases=path)[0])
    assert t.loc["Wladimir Putin", "n_quotes"] == 2 and t.loc["Donald Trump", "n_quotes"] == 2


def test_conflicting_alias_rows_are_an_input_error_naming_the_rows():
    aliases = pd.DataFrame({"actor": ["Donald Trump", "Wladimir Putin", "Ivanka Trump"],
                            "alias": ["Trump", "Kremlchef", "trump"]})
    with pytest.raises(InputError, match=r"row 1: 'Trump' -> 'Donald Trump'; row 3: 'trump' -> 'Ivanka Trump'"):
        build_actors(_quotes(["Trump"]), aliases=aliases)
    with pytest.raises(InputError, match="different actors"):
        build_actors(_quotes([None]), aliases=aliases)


def test_empty_input_and_none_speakers():
    actors, quotes = build_actors(_quotes([]))
    assert list(actors.columns) == ACTOR_COLUMNS and actors.empty and quotes["actor_id"].tolist() == []
    actors, quotes = build_actors(_quotes([None, "", "  ", float("nan")]))
    assert actors.empty and quotes["actor_id"].tolist() == [None] * 4
    actors, quotes = build_actors(_quotes([None, "Angela Merkel", None]))
    assert actors["name"].tolist() == ["Angela Merkel"] and quotes["actor_id"].isna().tolist() == [True, False, True]


def test_every_row_and_column_is_kept_and_counts_add_up(sample_articles):
    from analysis import extract_quotes

    quotes = extract_quotes(sample_articles)
    actors, out = build_actors(quotes, articles=sample_articles)
    assert len(out) == len(quotes) and list(out.columns) == list(quotes.columns) + ["actor_id"]
    assert out.drop(columns="actor_id").equals(quotes)
    assert actors["n_quotes"].sum() == quotes["speaker"].notna().sum() == out["actor_id"].notna().sum() == 21
    t = _by_name(actors)
    assert t.loc["Wladimir Putin", "n_quotes"] == 14 and t.loc["Wladimir Putin", "role"] == "Präsident"
    assert t.loc["Kim Jong Un", "kind"] == "person" and t.loc["Ria", "kind"] == "media"
    assert t.loc["Russland", "kind"] == "country" and t.loc["Fernsehen", "kind"] == "media"


def test_first_and_last_date_come_from_the_articles():
    q = _quotes(["Olaf Scholz", "Scholz", "Olaf Scholz", "Robert Habeck"], articles=["a", "b", "c", "c"])
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "lang": "de", "text": "",
                         "date": pd.to_datetime(["2021-03-04", "2020-01-02", None])})
    t = _by_name(build_actors(q, articles=arts)[0])
    assert t.loc["Olaf Scholz", "first_date"] == pd.Timestamp("2020-01-02")
    assert t.loc["Olaf Scholz", "last_date"] == pd.Timestamp("2021-03-04")
    assert pd.isna(t.loc["Robert Habeck", "first_date"]) and t.loc["Olaf Scholz", "n_articles"] == 3


def test_kinds():
    de = ["Wladimir Putin", "Bundesministerium der Finanzen", "Berliner Polizei", "Deutsche Presse-Agentur", "dpa",
          "Der Spiegel", "Süddeutsche Zeitung", "USA", "Russland", "Moskau", "Ursula von der Leyen", "UN", "Un"]
    assert [actor_kind(n) for n in de] == ["person", "organisation", "organisation", "media", "media",
                                           "media", "media", "country", "country", "other", "person",
                                           "organisation", "other"]
    en = ["White House", "the New York Times", "State Department", "Joe Biden", "Reuters", "United States"]
    assert [actor_kind(n, lang="en") for n in en] == ["organisation", "media", "organisation", "person", "media",
                                                      "country"]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_non_governmental_organisations_are_organisations_not_persons(lang):
    ngos = ["Amnesty International", "Human Rights Watch", "Transparency International", "Greenpeace", "WWF", "Oxfam"]
    assert {actor_kind(n, lang=lang) for n in ngos} == {"organisation"}
    # near misses: a medium with "International" stays a medium, "Wwf" in a person's name is no acronym
    assert [actor_kind(n, lang=lang) for n in ("CNN International", "Jane Wwf")] == ["media", "person"]


def test_role_and_affiliation_from_mentions_and_text():
    assert role_and_party("der russische Präsident Wladimir Putin") == ("Präsident", None)
    assert role_and_party("CDU-Politikerin Julia Klöckner") == ("Politikerin", "CDU")
    assert role_and_party("Friedrich Merz (CDU)") == (None, "CDU")
    assert role_and_party("Senator Ted Cruz (R-Texas)", lang="en") == ("Senator", "Republican")
    q = _quotes(["Friedrich Merz", "Merz", "Annalena Baerbock"], articles=["a", "b", "b"],
                mentions=["Merz", "Merz", "sie"])
    arts = pd.DataFrame({"article_id": ["a", "b"], "lang": "de", "text": [
        "Der CDU-Vorsitzende Friedrich Merz sagte, er komme.",
        "Merz (CDU) und Außenministerin Annalena Baerbock (Grüne) sprachen."]})
    t = _by_name(build_actors(q, articles=arts)[0])
    assert t.loc["Friedrich Merz", ["role", "affiliation"]].tolist() == ["Vorsitzende", "CDU"]
    assert t.loc["Annalena Baerbock", ["role", "affiliation"]].tolist() == ["Außenministerin", "Grüne"]


def test_many_speakers_in_one_article_and_articles_without_names():
    names = [f"Person{i} Name{i}" for i in range(400)]
    q = _quotes(names + [None] * 5, articles=["big"] * 400 + [f"n{i}" for i in range(5)])
    arts = pd.DataFrame({"article_id": ["big"] + [f"n{i}" for i in range(5)], "lang": "de",
                         "text": [" ".join(f"Sprecher {n} sagte." for n in names)] + [""] * 5})
    actors, quotes = build_actors(q, articles=arts)
    assert len(actors) == 400 and set(actors["role"]) == {"Sprecher"} and quotes["actor_id"].notna().sum() == 400


def test_ids_are_stable_and_readable():
    assert actor_id("Friedrich Merz") == actor_id("Friedrich Merz") == "friedrich-merz-30fdba"
    assert actor_id("Müller").startswith("muller-") and actor_id("金正恩").startswith("actor-")
    a = build_actors(_quotes(["Friedrich Merz"]))[0]["actor_id"].item()
    b = build_actors(_quotes(["Merz", "Friedrich Merz", "Olaf Scholz"]))[0].set_index("name")["actor_id"]
    assert a == b["Friedrich Merz"]


def test_bad_input_is_an_input_error():
    with pytest.raises(InputError, match="quotes: missing column"):
        build_actors(pd.DataFrame({"article_id": ["a"]}))
    with pytest.raises(InputError, match="expected a pandas DataFrame"):
        build_actors([{"speaker": "x"}])
    with pytest.raises(InputError, match="articles: missing column"):
        build_actors(_quotes(["A B"]), articles=pd.DataFrame({"id": [1]}))
    with pytest.raises(InputError, match="file not found"):
        build_actors(_quotes(["A B"]), aliases="/no/such/aliases.csv")


def test_cli_writes_the_actors_csv(tmp_path, capsys):
    out, quotes_out = tmp_path / "actors.csv", tmp_path / "quotes.parquet"
    assert main(["actors", str(SAMPLE), "--out", str(out), "--quotes-out", str(quotes_out), "--lang", "de"]) == 0
    assert "7 actors from 21 attributed quotations in 1 articles" in capsys.readouterr().out
    table = pd.read_csv(out)
    assert list(table.columns) == ACTOR_COLUMNS
    assert table.iloc[0][["name", "kind", "n_quotes", "role"]].tolist() == ["Wladimir Putin", "person", 14, "Präsident"]
    assert json.loads(table.iloc[0]["aliases"]) == []
    quotes = pd.read_parquet(quotes_out)
    assert quotes["actor_id"].value_counts().iloc[0] == 14
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("actor,alias\nA,Putin\nB,Putin\n", encoding="utf-8")
    assert main(["actors", str(SAMPLE), "--out", str(tmp_path / "a2.csv"), "--actors", str(aliases)]) == 2
    assert "row 1: 'Putin' -> 'A'; row 2: 'Putin' -> 'B'" in capsys.readouterr().err
    assert not (tmp_path / "a2.csv").exists()


def test_quotes_per_month_and_the_plots():
    from analysis.actors import quotes_per_period
    from analysis.plots.actors import plot_actors_over_time, plot_top_actors

    q = _quotes(["Olaf Scholz", "Scholz", "Olaf Scholz", "Robert Habeck", "Polizei"], articles=list("abcde"))
    arts = pd.DataFrame({"article_id": list("abcde"), "lang": "de", "text": "",
                         "date": pd.to_datetime(["2021-03-04", "2021-03-20", "2021-05-01", None, "2021-05-02"])})
    actors, q = build_actors(q, articles=arts)
    per = quotes_per_period(q, actors, articles=arts, top=2)
    assert per[["period", "name", "n"]].astype(str).values.tolist() == [
        ["2021-03-01", "Olaf Scholz", "2"], ["2021-05-01", "Olaf Scholz", "1"], ["2021-05-01", "Polizei", "1"]]
    assert quotes_per_period(q, actors).empty  # no dates
    ax = plot_top_actors(actors, by="n_articles")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Robert Habeck", "Polizei", "Olaf Scholz"]
    assert plot_actors_over_time(per).get_lines()[0].get_ydata().tolist() == [2, 1]
    with pytest.raises(InputError, match="by: expected one of"):
        plot_top_actors(actors, by="kind")


def test_a_name_quoted_as_often_in_two_languages_gets_the_same_kind_in_every_run():
    """The language that decides a name's kind is chosen in a fixed order, not in the order of a set
    (which changes with Python's hash seed from one process to the next)."""
    import os
    import subprocess
    import sys

    script = ("import pandas as pd; from analysis import build_actors; "
              "q = pd.DataFrame({'article_id': list('abcdefgh'), 'lang': ['en', 'de', 'de', 'en'] * 2, "
              "'speaker': ['Handelsblatt'] * 2 + ['Wall Street Journal'] * 2 + ['Merkel'] * 2 + ['Die Zeit'] * 2}); "
              "print(build_actors(q)[0][['name', 'kind']].values.tolist())")
    kinds = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (5, 6, 7)}
    assert len(kinds) == 1


def test_actors_do_not_depend_on_the_hash_order_of_names():
    import os
    import subprocess
    import sys

    code = ("import pandas as pd; from analysis.actors import build_actors; "
            "q = pd.DataFrame({'article_id': ['a', 'b', 'c', 'd'], 'quote_id': [0, 0, 0, 0], 'lang': ['en'] * 4, "
            "'speaker': ['department', 'Department', 'Departments', 'Putins'], "
            "'speaker_mention': ['department', 'Department', 'Departments', 'Putins']}); "
            "_, quotes = build_actors(q); print(quotes['actor_id'].tolist())")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in range(6)}
    assert len(runs) == 1, runs
