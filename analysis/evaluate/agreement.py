"""Agreement between two independent readings of the same units.

Cohen's (1960) kappa corrects the observed share of agreement ``p_o`` for the agreement two
readers would reach by chance with their own label distributions, ``p_e``:

    kappa = (p_o - p_e) / (1 - p_e),   p_e = sum_c  (n_c^A / n) (n_c^B / n)

where ``n_c^A`` and ``n_c^B`` count how often reading A and reading B chose class ``c``. Kappa is
1 for full agreement, 0 for agreement at chance level and negative below it. When both readings
use one and the same class throughout (``p_e == 1``) kappa is undefined; :func:`cohen_kappa`
returns 1.0 if they agree on every unit then (nothing left to disagree on) and NaN otherwise.

Reference: J. Cohen (1960), "A coefficient of agreement for nominal scales", *Educational and
Psychological Measurement* 20(1), 37–46.

>>> cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"])
0.5
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from analysis.errors import InputError


def cohen_kappa(a, b) -> float:
    """Cohen's kappa of two label sequences of equal length (labels compared as given; an empty
    string is a label like any other).

    >>> cohen_kappa(["x", "y"], ["x", "y"])
    1.0
    """
    a, b = list(a), list(b)
    if len(a) != len(b):
        raise InputError(f"cohen_kappa: reading A has {len(a)} labels but reading B has {len(b)}")
    n = len(a)
    if n == 0:
        raise InputError("cohen_kappa: no units labelled in both readings")
    p_o = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[c] * cb[c] for c in ca.keys() | cb.keys()) / (n * n)
    if p_e == 1.0:
        return 1.0 if p_o == 1.0 else float("nan")
    return (p_o - p_e) / (1 - p_e)


def agreement(a: pd.DataFrame, b: pd.DataFrame, dims, *, key: str = "unit_id") -> pd.DataFrame:
    """Per dimension: the units labelled in both readings (``n``), the observed agreement
    ``p_o`` and Cohen's ``kappa``. ``a`` and ``b`` are tables with the column ``key`` and one
    column per dimension; units only one reading has are left out.

    >>> A = pd.DataFrame({"unit_id": [1, 2, 3], "tone": ["neutral", "positive", "negative"]})
    >>> B = pd.DataFrame({"unit_id": [1, 2], "tone": ["neutral", "positive"]})
    >>> agreement(A, B, ["tone"])[["n", "kappa"]].values.tolist()
    [[2.0, 1.0]]
    """
    for name, t in (("A", a), ("B", b)):
        missing = [c for c in [key, *dims] if c not in t.columns]
        if missing:
            raise InputError(f"reading {name} lacks the columns {', '.join(missing)}; found {', '.join(t.columns)}")
    both = a[[key, *dims]].merge(b[[key, *dims]], on=key, suffixes=("_a", "_b"))
    rows = []
    for d in dims:
        x, y = both[f"{d}_a"].fillna("").tolist(), both[f"{d}_b"].fillna("").tolist()
        rows.append({"dimension": d, "n": float(len(both)),
                     "p_o": sum(p == q for p, q in zip(x, y)) / len(both) if len(both) else float("nan"),
                     "kappa": cohen_kappa(x, y) if len(both) else float("nan")})
    return pd.DataFrame(rows).set_index("dimension")
