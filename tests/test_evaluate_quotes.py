"""Quotation scorer: hand-computed values, a brute-force alignment, the JSON export, the command."""
import itertools
import json

import pandas as pd
import pytest

from analysis.datasets import read_german_news_quotes
from analysis.errors import InputError
from analysis.evaluate.quotes import score_quotes, write_german_news_quotes

# ten one-character tokens "a b c d e f g h i j" at offsets 0, 2, 4, ...
TEXT = "a b c d e f g h i j"
TOKENS = pd.DataFrame({"article_id": "d", "token": range(10), "start": range(0, 20, 2), "end": range(1, 20, 2)})


def sp(first, last):
    """Char span covering tokens first..last (inclusive)."""
    return [2 * first, 2 * last + 1]


def quote(kind, msg, speaker=None, cue=None):
    return {"article_id": "d", "kind": kind, "spans": [sp(*m) for m in msg],
            "speaker_spans": [sp(*speaker)] if speaker else [], "cue_spans": [sp(*cue)] if cue else []}


def test_hand_computed_scores():
    gold = pd.DataFrame([quote("direct", [(0, 3)], speaker=(8, 8), cue=(9, 9)),
                         quote("indirect", [(5, 7)], speaker=(4, 4))])
    pred = pd.DataFrame([quote("direct", [(1, 3)], speaker=(8, 8), cue=(7, 7)),
                         quote("reported", [(6, 9)])])
    s = score_quotes(pred, gold, TOKENS)
    # message: pred {1,2,3} ∩ gold {0,1,2,3} = 3; pred {6,7,8,9} ∩ gold {5,6,7} = 2
    assert s.summary["message_precision"] == pytest.approx(5 / 7)
    assert s.summary["message_recall"] == pytest.approx(5 / 7)
    # speaker: tp 1 of system 1, gold 2; cue: tp 0 of system 1, gold 1
    roles = s.roles.set_index("role")
    assert roles.loc["speaker", ["tp", "n_system", "n_gold"]].tolist() == [1, 1, 2]
    assert roles.loc["cue", ["tp", "n_system", "n_gold"]].tolist() == [0, 1, 1]
    assert s.summary["roles_pooled"] == ["speaker", "cue"]
    assert s.summary["roles_precision"] == pytest.approx(1 / 2) and s.summary["roles_recall"] == pytest.approx(1 / 3)
    assert s.summary["joint_precision"] == pytest.approx(6 / 9) and s.summary["joint_recall"] == pytest.approx(6 / 10)
    # quote-level: pair 1 F1 = 6/7 >= .5, pair 2 F1 = 4/7 >= .5
    assert s.summary["quote_f1"] == 1.0
    assert s.summary["speaker_accuracy"] == pytest.approx(1 / 2)
    kinds = s.by_kind.set_index(["side", "kind"])
    assert kinds.loc[("gold", "direct"), "message_token_recall"] == pytest.approx(3 / 4)


def _brute_force_tp(pred_sets, gold_sets):
    """Best total overlap over all one-to-one assignments (the independent calculation)."""
    best = 0
    n = max(len(pred_sets), len(gold_sets))
    P = pred_sets + [set()] * (n - len(pred_sets))
    G = gold_sets + [set()] * (n - len(gold_sets))
    for perm in itertools.permutations(range(n)):
        best = max(best, sum(len(P[i] & G[j]) for i, j in zip(range(n), perm)))
    return best


@pytest.mark.parametrize("seed", range(8))
def test_alignment_equals_brute_force(seed):
    import random

    rng = random.Random(seed)

    def random_quotes(k):
        out = []
        for _ in range(k):
            a = rng.randrange(10)
            b = rng.randrange(a, 10)
            out.append((a, b))
        return out

    P, G = random_quotes(rng.randrange(1, 5)), random_quotes(rng.randrange(1, 5))
    pred = pd.DataFrame([quote("direct", [p]) for p in P])
    gold = pd.DataFrame([quote("direct", [g]) for g in G])
    s = score_quotes(pred, gold, TOKENS)
    expected = _brute_force_tp([set(range(a, b + 1)) for a, b in P], [set(range(a, b + 1)) for a, b in G])
    assert s.roles.set_index("role").loc["message", "tp"] == expected


def test_no_predictions_scores_zero():
    gold = pd.DataFrame([quote("direct", [(0, 3)])])
    s = score_quotes(pd.DataFrame({"article_id": [], "spans": [], "kind": []}), gold, TOKENS)
    assert s.summary["message_f1"] == 0.0 and s.summary["n_gold"] == 1 and s.summary["n_system"] == 0


def test_export_round_trip(tmp_path):
    articles = pd.DataFrame({"article_id": ["d"], "title": ["T"], "text": [TEXT], "origin": ["x"]})
    pred = pd.DataFrame([quote("indirect", [(0, 3), (6, 7)], speaker=(8, 8), cue=(9, 9))])
    (path,) = write_german_news_quotes(pred, articles, tmp_path, tokens=TOKENS)
    doc = json.loads(path.read_text(encoding="utf-8"))
    ann = doc["annotations"][0]
    assert ann["type"] == "Indirect" and ann["quote"]["tokenIds"] == [0, 1, 2, 3, 6, 7]
    assert ann["quote"]["spans"][1] == {"begin": 6, "end": 8, "charBegin": 12, "charEnd": 15}
    back = read_german_news_quotes(files=[path])
    s = score_quotes(pred, back.quotes.assign(article_id="d"), TOKENS)
    assert s.summary["joint_f1"] == 1.0


def test_evaluate_quotes_command(shared, tmp_path):
    from analysis.cli import main

    out = tmp_path / "scores.json"
    gold = shared / "datasets" / "german-news-quotes" / "dev"
    assert main(["evaluate-quotes", "--gold", str(gold), "--limit", "4", "--json", str(out),
                 "--export", str(tmp_path / "pred")]) == 0
    scores = json.loads(out.read_text(encoding="utf-8"))
    for key in ("message_f1", "roles_f1", "joint_f1", "quote_f1", "speaker_accuracy"):
        assert 0.0 <= scores[key] <= 1.0
    assert scores["n_documents"] == 4
    assert len(list((tmp_path / "pred").glob("*.json"))) == 4


def test_quotes_command_csv(tmp_path):
    from pathlib import Path

    from analysis.cli import main

    sample = Path(__file__).resolve().parents[1] / "data" / "putin-kim-wladiwostok.de.txt"
    out = tmp_path / "q.csv"
    assert main(["quotes", str(sample), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert "Wladimir Putin" in set(table["speaker"])
    assert json.loads(table["spans"].iloc[0])[0][0] >= 0


def test_actor_labels_and_scores(tmp_path):
    from analysis.evaluate.actors import read_actor_labels, score_actors

    path = tmp_path / "labels.tsv"
    path.write_text("document\tannotation\tmention_kind\tactor\taliases\n"
                    "1\t0\tname\tWladimir Putin\t\n1\t1\tpronoun\tWladimir Putin\t\n"
                    "1\t2\tsource\tPolizei\tJenaer Polizei\n1\t3\tnone\t\t\n", encoding="utf-8")
    labels = read_actor_labels(path)
    assert labels["quote_id"].tolist() == ["gnq-1-q0", "gnq-1-q1", "gnq-1-q2", "gnq-1-q3"]
    gold = pd.DataFrame({"quote_id": ["gnq-1-q0", "gnq-1-q1", "gnq-1-q2", "gnq-1-q3"]})
    pred = pd.DataFrame({"speaker": ["wladimir  putin", None, "Jenaer Polizei"]})
    alignment = pd.DataFrame({"gold": [0, 1, 2, 3], "system": [0, 1, 2, None], "matched": [True, True, True, False]})
    s = score_actors(alignment, pred, gold, labels)
    # q0 right (case and spaces), q1 no speaker, q2 right by alias; q3 has no actor and is not scored
    assert s.summary["n_labelled"] == 3
    assert s.summary["speaker_entity_accuracy"] == pytest.approx(2 / 3)
    assert s.summary["speaker_entity_accuracy_pronoun"] == 0.0
    # Putin: two matched quotations, one named "wladimir putin", one None -> 1 of 2 consistent
    assert s.summary["actor_consistency"] == pytest.approx(0.5)


def test_actor_label_errors(tmp_path):
    from analysis.evaluate.actors import read_actor_labels

    bad = tmp_path / "bad.tsv"
    bad.write_text("document\tannotation\tmention_kind\tactor\n1\t0\tperson\tX\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown mention_kind on lines \\[2\\]"):
        read_actor_labels(bad)
    bad.write_text("document\tannotation\tmention_kind\tactor\n1\t0\tname\tX\n1\t0\tname\tY\n", encoding="utf-8")
    with pytest.raises(InputError, match="labelled twice"):
        read_actor_labels(bad)


def test_shipped_actor_labels_of_both_splits_are_found_and_read():
    from analysis.evaluate.actors import default_labels, read_actor_labels

    for split in ("dev", "train"):
        labels = read_actor_labels(default_labels("german-news-quotes", split))
        assert labels["quote_id"].str.match(r"gnq-\d+-q\d+$").all()
        assert (labels["actor_key"].str.len().isin([0, 12])).all()
    train = pd.read_csv(default_labels("german-news-quotes", "train"), sep="\t", dtype=str)
    assert train["document"].nunique() >= 50


def test_train_actor_labels_are_the_first_documents_of_the_salted_order():
    from analysis.datasets import shared_dir
    from analysis.evaluate.actors import default_labels, sample_order

    train = pd.read_csv(default_labels("german-news-quotes", "train"), sep="\t", dtype=str)
    folder = shared_dir() / "datasets" / "german-news-quotes" / "train"
    if not folder.is_dir():
        pytest.skip("german-news-quotes train split not available")
    docs = [p.name.split(" ")[0] for p in folder.glob("*.json")]
    first = sample_order(docs)[:400]
    labelled = set(train["document"])
    assert labelled <= set(first)          # no document from outside the first 400
    assert len(labelled) == 308            # the other 92 have no quotation


def test_a_batch_is_a_range_of_the_salted_order_both_ends_included():
    from analysis.errors import InputError
    from analysis.evaluate.actors import batch_documents, sample_order

    docs = [str(n) for n in range(1000, 1030)]
    order = sample_order(docs)
    assert batch_documents(docs, "1:10") == order[:10]
    assert batch_documents(docs, "11:30") == order[10:]
    assert batch_documents(docs, "5:5") == [order[4]]
    for bad in ("0:10", "10:5", "1-10", "a:b"):
        with pytest.raises(InputError):
            batch_documents(docs, bad)
