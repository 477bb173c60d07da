import logging
import math

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import SAMPLE  # noqa: E402
from scipy import stats  # noqa: E402

from analysis.actor_mentions import actor_names, find_mentions  # noqa: E402
from analysis.cli import main  # noqa: E402
from analysis.errors import InputError  # noqa: E402
from analysis.relations import RELATION_COLUMNS, dyads_by, extract_relations  # noqa: E402


@pytest.fixture(scope="module")
def founding():
    from analysis.actors import build_actors
    from analysis.corpus import load_articles
    from analysis.quotes import extract_quotes
    from analysis.segment import split_sentences

    articles = load_articles([SAMPLE]).articles
    quotes = extract_quotes(articles)
    actors, quotes = build_actors(quotes, articles=articles)
    sentences = split_sentences(articles)
    return extract_relations(sentences, quotes=quotes, actors=actors, articles=articles), articles


def _units(*texts, lang="en"):
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "sentence": range(len(texts)),
                         "text": list(texts), "lang": lang})


def test_founding_article_dyads_a_reader_sees(founding):
    rel, articles = founding
    assert list(rel.columns[:len(RELATION_COLUMNS)]) == RELATION_COLUMNS
    pairs = {(r.source, r.target, r.event) for r in rel.itertuples()}
    # the meeting of the two leaders, in both directions of mention
    assert ("Kim Jong Un", "Wladimir Putin", "CONSULT") in pairs          # Kim Jong Un und Putin … Gespräch
    assert ("Wladimir Putin", "Kim Jong Un", "CONSULT") in pairs          # beim Gipfeltreffen mit Kim
    assert ("Nordkorea", "Wladimir Putin", "CONSULT") in pairs            # Treffen des nordkoreanischen Staatschefs mit Putin
    assert ("Russland", "Kim Jong Un", "SUPPORT") in pairs                # Russland unterstütze … Kim Jong Un, sagte Putin
    assert ("Russland", "Nordkorea", "RETREAT") in pairs                  # Moskau … Sanktionen gegen Pjöngjang gelockert
    assert ("Kim Jong Un", "USA", "CONSULT") in pairs                     # Gipfel mit US-Präsident Donald Trump
    kim_demand = rel[rel["event"] == "DEMAND"].iloc[0]
    assert kim_demand["source"] == "Kim Jong Un" and kim_demand["source_rule"] == "subject"   # Kim verlangte …
    talks = rel[rel["sentence"] == 3].iloc[0]   # Die Gespräche seien konstruktiv …, sagte Putin
    assert (talks["source"], talks["source_rule"], talks["quote_id"]) == ("Wladimir Putin", "speaker", "d6adebe942a28f87-q1")
    # start/end are offsets into the article text: they hold the words of the event hit
    text = articles["text"].item()
    assert all(text[r.start:r.end] == r.hits[0]["text"] for r in rel.itertuples())


def test_partner_words_and_places_in_english():
    names = pd.DataFrame({"name": ["Kim Jong Un"], "kind": ["person"]})
    rel = extract_relations(_units("The European Union imposed new sanctions on Iran.",
                                   "Washington wants talks with Kim.",
                                   "Russian troops attacked Ukraine on Monday.",
                                   "New sanctions were imposed on Russia by the EU."), actors=names)
    got = rel[["source", "target", "event"]].values.tolist()
    assert ["EU", "Iran", "SANCTION"] in got
    assert ["United States", "Kim Jong Un", "CONSULT"] in got
    assert rel.loc[rel["event"].isin(["FIGHT", "ASSAULT"]), ["source", "target"]].values.tolist()[0] == ["Russia", "Ukraine"]
    last = rel[rel["article_id"] == "a3"].iloc[0]
    assert (last["source"], last["target"], last["source_rule"]) == ("EU", "Russia", "agent")


def test_gazetteer_is_data_per_language():
    de = [(m.text, m.actor) for m in find_mentions("Der Kreml und Washington streiten; Russlands Botschafter", "de")]
    assert ("Kreml", "Russland") in de and ("Washington", "USA") in de and ("Russlands", "Russland") in de
    en = [(m.actor, m.rule) for m in find_mentions("the North Korean leader met the U.S. envoy", "en")]
    assert ("North Korea", "nationality") in en and ("United States", "place") in en
    with pytest.raises(InputError, match="no place gazetteer"):
        find_mentions("Paris", "xx")


def test_actor_names_single_words_only_when_unique():
    names = actor_names(pd.DataFrame({"name": ["Donald Trump", "Ivanka Trump"], "kind": ["person", "person"]}))
    assert "Trump" not in names.names and "Donald" in names.names
    with pytest.raises(InputError, match="actors"):
        actor_names(["Putin"])


def test_source_is_the_speaker_inside_a_quotation():
    text = "Wir werden die Ukraine weiter unterstützen, sagte Scholz."
    sentences = pd.DataFrame({"article_id": ["a"], "sentence": [0], "start": [10], "text": [text], "lang": ["de"]})
    quotes = pd.DataFrame({"article_id": ["a"], "quote_id": ["a-q0"], "spans": [[[10, 10 + text.index(",")]]],
                           "speaker": ["Olaf Scholz"]})
    row = extract_relations(sentences, quotes=quotes).iloc[0]
    assert (row["source"], row["target"], row["event"], row["quote_id"]) == ("Olaf Scholz", "Ukraine", "SUPPORT", "a-q0")
    assert row["start"] == 10 + text.index("unterstützen")


def test_bad_input_gives_clear_errors_or_empty_rows(caplog):
    with pytest.raises(InputError, match="text"):
        extract_relations(pd.DataFrame({"article_id": ["a"]}), lang="de")
    with pytest.raises(InputError, match="no event lexicon"):
        extract_relations(_units("x"), lang="xx")
    with pytest.raises(InputError, match="no language"):
        extract_relations(pd.DataFrame({"article_id": ["a"], "text": ["x"]}))
    names_only = _units("Russia, China, India, Brazil.", None, "", 42, "Iran " * 2000, "Frankreich bombardiert", lang="en")
    names_only.loc[5, "lang"] = "fr"
    with caplog.at_level(logging.WARNING):
        rel = extract_relations(names_only)
    assert rel.empty and list(rel.columns) == RELATION_COLUMNS
    assert "without an event lexicon" in caplog.text


def test_dyads_by_month_against_scipy():
    rng = np.random.default_rng(3)
    g = rng.choice([-10, -5, -2, 1, 3.5, 6], size=40)
    rel = pd.DataFrame({"source": ["A"] * 25 + ["B"] * 15, "target": ["B"] * 25 + ["A"] * 15, "goldstein": g,
                        "polarity": 0.0, "date": pd.to_datetime(["2024-01-15"] * 12 + ["2024-02-03"] * 28)})
    out = dyads_by(rel)
    row = out[(out["source"] == "A") & (out["month"] == pd.Timestamp("2024-02-01"))].iloc[0]
    x = g[12:25]
    lo, hi = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    assert row["n"] == 13 and math.isclose(row["goldstein"], x.mean())
    assert math.isclose(row["goldstein_lo"], lo) and math.isclose(row["goldstein_hi"], hi)
    k = int((x < 0).sum())
    ci = stats.binomtest(k, len(x)).proportion_ci(0.95, method="wilson")
    assert math.isclose(row["share_conflict_lo"], ci.low) and math.isclose(row["share_conflict_hi"], ci.high)
    both = dyads_by(rel, (), directed=False)
    assert len(both) == 1 and both["n"].item() == 40 and math.isclose(both["goldstein"].item(), g.mean())
    one = dyads_by(rel.iloc[:1], ())
    assert math.isnan(one["goldstein_lo"].item())


def test_dyads_by_leaves_out_incomplete_rows_and_says_so(caplog):
    rel = pd.DataFrame({"source": ["A", None], "target": ["B", "B"], "goldstein": [1.0, -2.0]})
    with caplog.at_level(logging.INFO, logger="analysis.relations"):
        out = dyads_by(rel, ())
    assert out["n"].tolist() == [1] and "1 of 2 relations without a source or a target" in caplog.text
    with pytest.raises(InputError, match="date"):
        dyads_by(rel)


def test_plots_draw_into_the_given_axes():
    import matplotlib.pyplot as plt

    from analysis.plots.relations import dyad_matrix, dyad_over_time

    rel = pd.DataFrame({"source": ["Russland", "Russland", "USA", "USA"], "target": ["Nordkorea"] * 4,
                        "goldstein": [1.0, 3.5, -5.0, -2.0], "polarity": 0.0,
                        "date": pd.to_datetime(["2019-04-01", "2019-05-02", "2019-04-03", "2019-05-04"])})
    monthly = dyads_by(rel)
    fig, (a, b) = plt.subplots(1, 2)
    assert dyad_over_time(monthly, ax=a) is a and len(a.get_lines()) >= 2
    assert dyad_matrix(monthly, ax=b) is b
    assert [t.get_text() for t in b.get_yticklabels()] == ["Nordkorea", "Russland", "USA"]
    with pytest.raises(InputError, match="empty"):
        dyad_matrix(monthly.iloc[:0])
    with pytest.raises(InputError, match="no events for"):
        dyad_over_time(monthly, dyads_shown=[("USA", "Russland")])
    plt.close(fig)


def test_cli_relations_writes_tables_and_checks_out_early(tmp_path, capsys):
    out, dyads = tmp_path / "rel.csv", tmp_path / "dyads.parquet"
    assert main(["relations", str(SAMPLE), "--out", str(out), "--dyads-out", str(dyads)]) == 0
    printed = capsys.readouterr().out
    assert "events in 40 sentences" in printed and "with source and target" in printed
    table = pd.read_csv(out)
    assert {"source", "target", "event", "hits"} <= set(table.columns) and len(table) > 10
    assert len(pd.read_parquet(dyads)) >= 3
    assert main(["relations", str(SAMPLE), "--out", str(tmp_path / "rel.txt")]) == 2


def test_quotes_read_back_from_csv_or_without_spans_are_read_as_such():
    text = "Wir werden die Ukraine weiter unterstützen, sagte Scholz."
    sentences = pd.DataFrame({"article_id": ["a"], "sentence": [0], "start": [float("nan")], "text": [text], "lang": ["de"]})
    quotes = pd.DataFrame({"article_id": ["a", "a"], "quote_id": ["a-q0", "a-q1"],
                           "spans": [f"[[0, {text.index(',')}]]", float("nan")], "speaker": ["Olaf Scholz", None]})
    row = extract_relations(sentences, quotes=quotes).iloc[0]
    assert (row["source"], row["quote_id"], row["start"]) == ("Olaf Scholz", "a-q0", text.index("unterstützen"))
    bad = quotes.assign(spans=["[[0, 5", None])
    with pytest.raises(InputError, match="a-q0"):
        extract_relations(sentences, quotes=bad)


def test_criticism_without_an_event_word_is_a_row_from_the_speaker_to_the_criticised():
    text = "„Die Regierung in Moskau handelt skrupellos, verantwortungslos und menschenverachtend“, sagte Merz."
    plain = "Eine unverantwortliche, menschenverachtende und skandalöse Politik Russlands."   # no copula: no verdict event
    mild = "Das ist eine fragwürdige Politik Russlands."
    sentences = pd.DataFrame({"article_id": ["a"] * 3, "sentence": [0, 1, 2], "start": [0, 200, 300],
                              "text": [text, plain, mild], "lang": ["de"] * 3})
    quotes = pd.DataFrame({"article_id": ["a"], "quote_id": ["q0"], "spans": [[[1, text.index("“")]]],
                           "speaker": ["Friedrich Merz"]})
    rel = extract_relations(sentences, quotes=quotes)
    assert rel["sentence"].tolist() == [0, 1]                       # the mild sentence is no criticism
    quoted, unquoted = rel.iloc[0], rel.iloc[1]
    assert (quoted["source"], quoted["target"], quoted["event"], quoted["quote_id"]) == ("Friedrich Merz", "Russland", "DISAPPROVE", "q0")
    assert (quoted["source_rule"], quoted["target_rule"], quoted["event_context"]) == ("speaker", "criticised", "criticism")
    assert quoted["goldstein"] == pytest.approx(-2 * -quoted["polarity"]) and quoted["goldstein"] < 0
    assert pd.isna(unquoted["source"]) and unquoted["target"] == "Russland"     # outside a quotation: the author
    assert (unquoted["start"], unquoted["end"]) == (200, 200 + len(plain))


def test_a_verdict_is_a_row_from_the_speaker_to_the_criticised():
    text = "„Das Vorgehen der Regierung in Moskau ist inakzeptabel“, sagte Merz."
    sentences = pd.DataFrame({"article_id": ["a"], "sentence": [0], "start": [0], "text": [text], "lang": ["de"]})
    quotes = pd.DataFrame({"article_id": ["a"], "quote_id": ["q0"], "spans": [[[1, text.index("“")]]],
                           "speaker": ["Friedrich Merz"]})
    row = extract_relations(sentences, quotes=quotes).iloc[0]
    assert (row["source"], row["target"], row["event"], row["goldstein"]) == ("Friedrich Merz", "Russland", "DISAPPROVE", -2.0)
    assert (row["source_rule"], row["target_rule"], row["event_context"]) == ("speaker", "criticised", "criticism")
