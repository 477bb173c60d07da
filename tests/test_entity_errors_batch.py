"""The ``--batch`` option of ``benchmarks/entity_errors.py``: which documents of the salted order it keeps."""
import argparse
import importlib.util
from pathlib import Path

import pytest

from analysis.evaluate.actors import sample_order

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "entity_errors.py"
_spec = importlib.util.spec_from_file_location("entity_errors", _PATH)
entity_errors = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(entity_errors)


def test_batch_range_parses_and_rejects():
    assert entity_errors.batch_range("221:280") == (221, 280)
    for bad in ("220", "0:5", "9:3", "a:b"):
        with pytest.raises(argparse.ArgumentTypeError):
            entity_errors.batch_range(bad)


def test_in_batch_is_a_slice_of_the_order_from_one():
    docs = [str(d) for d in range(1000, 1030)]
    order = sample_order(docs)
    assert entity_errors.in_batch(docs, (1, 10)) == order[:10]
    assert entity_errors.in_batch(docs, (11, 30)) == order[10:]
    assert set(entity_errors.in_batch(docs, (1, 10))).isdisjoint(entity_errors.in_batch(docs, (11, 30)))
