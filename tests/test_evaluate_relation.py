"""The labelled relation set: assembling it from two readings, reading it back, scoring on it."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.datasets import shared_dir
from analysis.errors import InputError
from analysis.events import plover_categories
from analysis.evaluate.relation import (
    LABELS_PATH,
    assemble_labels,
    evaluate_relation,
    read_labels,
)


def _sample():
    return pd.DataFrame({"id": ["aaa", "bbb", "ccc"], "source": ["wikinews"] * 3, "record": ["r1", "r1", "r2"],
                         "start": [0, 40, 5], "end": [30, 90, 60], "lang": ["en"] * 3, "part": ["dev", "test", "test"],
                         "text": ["secret one", "secret two", "secret three"]})


def test_assemble_labels_keeps_both_readings_and_no_text():
    a = pd.DataFrame({"unit_id": ["aaa", "bbb", "ccc"], "tone": ["positive", "neutral", "negative"],
                      "relation": ["cooperation", "none", "conflict"], "event": ["AGREE", "", "FIGHT"]})
    b = pd.DataFrame({"unit_id": ["bbb", "aaa"], "tone": ["negative", "positive"],
                      "relation": ["none", "cooperation"], "event": ["", "CONSULT"]})
    adj = a.copy()
    adj.loc[2, "event"] = "ASSAULT"
    out = assemble_labels(_sample(), {"a": a, "b": b}, adj)
    assert "text" not in out.columns
    assert out["event_a"].tolist() == ["AGREE", "", "FIGHT"]
    assert out["event_b"].tolist() == ["CONSULT", "", ""]  # ccc has no reading B
    assert out["tone_b"].tolist() == ["positive", "negative", ""]
    assert out["event"].tolist() == ["AGREE", "", "ASSAULT"]
    assert out[["id", "start", "end"]].values.tolist() == [["aaa", 0, 30], ["bbb", 40, 90], ["ccc", 5, 60]]


def test_read_labels_rejects_unknown_tone(tmp_path):
    p = tmp_path / "l.tsv"
    p.write_text("id\tsource\trecord\tstart\tend\tlang\tpart\ttone\trelation\tevent\n"
                 "aaa\twikinews\tr1\t0\t3\ten\tdev\tgood\tnone\t\n", encoding="utf-8")
    with pytest.raises(InputError, match="tone must be one of negative, neutral, positive; row 2 has 'good'"):
        read_labels(p)


def test_committed_labels_are_ids_and_offsets_with_two_readings():
    t = read_labels()
    assert len(t) >= 400 and t["id"].is_unique
    assert "text" not in t.columns
    assert set(t["lang"]) == {"de", "en"} and set(t["part"]) == {"dev", "test"}
    assert (t["end"] > t["start"]).all()
    assert {"tone_a", "tone_b", "relation_a", "relation_b", "event_a", "event_b"} <= set(t.columns)
    # the part follows the id's hash, as drawn
    assert ((t["id"].str[11].map(lambda h: int(h, 16) % 2) == 0) == (t["part"] == "dev")).all()


@pytest.mark.skipif(not (shared_dir() / "corpora" / "wikinews.en.jsonl.gz").exists(), reason="needs ../shared")
def test_evaluate_relation_on_the_test_part():
    r = evaluate_relation(LABELS_PATH, part="test")
    assert r["missing"] == 0 and r["n"] == sum(r["gold"].values())
    assert r["en"]["n"] + r["de"]["n"] == r["n"]
    for key in ("relation", "tone", "polarity"):
        assert 0 <= r[key]["macro_f1"] <= 1
        assert sum(sum(row.values()) for row in r[key]["confusion"].values()) == r["n"]
    assert set(r["polarity"]["confusion"]) == {"negative", "neutral", "positive"}


def test_reading_agreement_of_the_committed_labels():
    from analysis.evaluate.agreement import cohen_kappa
    from analysis.evaluate.relation import reading_agreement

    t = read_labels()
    k = reading_agreement()
    k = k[(k["reading"] == "a") & (k["against"] == "b")].set_index(["lang", "dimension"])
    both = t[(t["relation_a"] != "") & (t["relation_b"] != "")]
    assert k.loc[("all", "tone"), "n"] == len(both)
    assert k.loc[("all", "relation"), "kappa"] == pytest.approx(cohen_kappa(both["relation_a"], both["relation_b"]))
    assert k.loc[("de", "tone"), "n"] + k.loc[("en", "tone"), "n"] == len(both)
    assert (k["kappa"] > 0.4).all()  # the two readings agree well beyond chance


def _three_readings(tmp_path):
    """Four units, readings a, b, c (c leaves u4 unread) and the adjudicated labels."""
    rel = {"a": ["conflict", "none", "none", "cooperation"], "b": ["conflict", "none", "conflict", "cooperation"],
           "c": ["conflict", "conflict", "none", ""], "": ["conflict", "none", "none", "cooperation"]}
    event = {"conflict": "DISAPPROVE", "cooperation": "SUPPORT", "none": "", "": ""}
    tone = ["neutral", "negative", "neutral", "positive"]
    t = pd.DataFrame({"id": ["u1", "u2", "u3", "u4"], "source": ["wikinews"] * 4, "record": ["r"] * 4,
                      "start": [0, 10, 20, 30], "end": [9, 19, 29, 39], "lang": ["de", "de", "en", "en"],
                      "part": ["dev"] * 4})
    for name, r in rel.items():
        sfx = f"_{name}" if name else ""
        t[f"tone{sfx}"] = [x if y else "" for x, y in zip(tone, r)]
        t[f"relation{sfx}"] = r
        t[f"event{sfx}"] = [event[x] for x in r]
    p = tmp_path / "three.tsv"
    t.to_csv(p, sep="\t", index=False)
    return p


def test_reading_agreement_reports_every_pair_and_each_reading_against_the_adjudicated(tmp_path):
    from analysis.evaluate.relation import reading_agreement

    k = reading_agreement(_three_readings(tmp_path)).set_index(["reading", "against", "lang", "dimension"])
    assert sorted(set(k.index.droplevel([2, 3]))) == [("a", "adjudicated"), ("a", "b"), ("a", "c"),
                                                      ("b", "adjudicated"), ("b", "c"), ("c", "adjudicated")]
    assert len(k) == 6 * 3 * 3  # pairs × (de, en, all) × dimensions
    # a–b relation over four units: p_o 3/4, p_e (1·2 + 2·1 + 1·1)/16 = 5/16, kappa 7/11
    assert k.loc[("a", "b", "all", "relation"), "p_o"] == pytest.approx(0.75)
    assert k.loc[("a", "b", "all", "relation"), "kappa"] == pytest.approx(7 / 11)
    assert k.loc[("a", "b", "de", "relation"), "kappa"] == pytest.approx(1.0)
    assert k.loc[("a", "b", "en", "relation"), "kappa"] == pytest.approx(1 / 3)  # p_o 1/2, p_e 1/4
    # c read three units: against the adjudicated p_o 2/3, p_e 4/9, kappa 0.4; against b below chance
    assert k.loc[("c", "adjudicated", "all", "relation"), "n"] == 3
    assert k.loc[("c", "adjudicated", "all", "relation"), "kappa"] == pytest.approx(0.4)
    assert k.loc[("b", "c", "all", "event"), "kappa"] == pytest.approx(-0.5)  # p_o 1/3, p_e 5/9
    assert k.loc[("a", "adjudicated", "all", "tone"), "kappa"] == pytest.approx(1.0)
    assert k.loc[("c", "adjudicated", "en", "tone"), "n"] == 1


def test_draw_sample_with_another_salt_skips_labelled_sentences(monkeypatch):
    import analysis.evaluate.relation as rel

    text = "Die USA und China verhandeln in Genf über Zölle. Russland und die Ukraine sprechen heute in Istanbul."
    monkeypatch.setattr(rel, "SOURCES", {"bundestag": ("unused", "de")})
    monkeypatch.setattr(rel, "_records", lambda source: iter([("r1", text)]))
    first = rel.draw_sample(1, records_per_source=1)
    second = rel.draw_sample(2, records_per_source=1, salt="relation-other", exclude=first)
    assert len(first) == 1 and len(second) == 1
    assert second["start"].item() != first["start"].item()
    # the id is the salted hash: the same sentence drawn with another salt has another id
    again = rel.draw_sample(2, records_per_source=1, salt="relation-other")
    assert set(again["id"]).isdisjoint(first["id"]) and len(again) == 2


def test_second_development_set_is_new_sentences_all_dev():
    first, second = read_labels(), read_labels(LABELS_PATH.with_name("relation-dev2.tsv"))
    assert len(second) >= 190 and second["id"].is_unique and set(second["part"]) == {"dev"}
    assert "text" not in second.columns and set(second["lang"]) == {"de", "en"}
    assert not set(zip(first["record"], first["start"])) & set(zip(second["record"], second["start"]))
    assert ((second["event"] == "") == (second["relation"] == "none")).all()


@pytest.mark.parametrize("name, earlier", [
    ("relation-dev3.tsv", ("relation.tsv", "relation-dev2.tsv")),
    ("relation-dev4.tsv", ("relation.tsv", "relation-dev2.tsv", "relation-dev3.tsv")),
    ("relation-dev5.tsv", ("relation.tsv", "relation-dev2.tsv", "relation-dev3.tsv", "relation-dev4.tsv")),
])
def test_later_development_sets_are_new_sentences_all_dev(name, earlier):
    later = read_labels(LABELS_PATH.with_name(name))
    assert len(later) >= 190 and later["id"].is_unique and set(later["part"]) == {"dev"}
    assert "text" not in later.columns and set(later["lang"]) == {"de", "en"}
    seen = set().union(*(set(zip(t["record"], t["start"]))
                         for t in (read_labels(LABELS_PATH.with_name(f)) for f in earlier)))
    assert not seen & set(zip(later["record"], later["start"]))
    assert ((later["event"] == "") == (later["relation"] == "none")).all()
    assert (later[[f"relation_{r}" for r in "ab"]] != "").all().all()
    assert set(later["event"]) - {""} <= set(plover_categories()["event"])
