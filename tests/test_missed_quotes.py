"""The document selections of ``benchmarks/missed_quotes.py`` (halves and ``--batch``)."""
import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "missed_quotes.py"


def _script():
    spec = importlib.util.spec_from_file_location("missed_quotes", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_a_batch_keeps_the_articles_of_a_range_of_the_salted_order():
    from analysis.evaluate.actors import sample_order

    mq = _script()
    ids = [f"gnq-{n}" for n in range(2000, 2040)]
    order = sample_order([i.removeprefix("gnq-") for i in ids])
    assert mq.batch_ids(ids, "1:10") == {f"gnq-{d}" for d in order[:10]}
    assert mq.batch_ids(ids, "11:40") == {f"gnq-{d}" for d in order[10:]}
    halves = mq.halves(ids)
    first = mq.batch_ids(ids, "1:20")
    # a half of a batch is the batch's documents at even (A) or odd (B) positions of the split's order
    assert first & halves["A"] == {f"gnq-{d}" for d in order[0:20:2]}
    assert first & halves["B"] == {f"gnq-{d}" for d in order[1:20:2]}
