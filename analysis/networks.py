"""Discourse networks from statements, computed as the Discourse Network Analyzer (DNA) computes them.

The statements table (:mod:`analysis.statements`) is first reduced by a duplicate filter
(:func:`filter_duplicates`: one statement per actor, concept and agreement per document, calendar
week, month or year), then counted into ``A[i, c, k]``: the statements of actor ``i`` on concept
``c`` with the ``k``-th agreement value ``q_k`` (the values found in the statements, e.g. −1, +1).

* :func:`two_mode`: actor × concept; ``ignore`` Σ_k A, ``positive``/``negative`` the counts of
  statements for/against, ``subtract`` Σ_k q_k A (for minus against), ``combine`` a code (1 only
  for, 2 only against, 3 both); normalisation ``activity`` (divide by the actor's row total) or
  ``prominence`` (by the concept's column total).
* :func:`one_mode`: actor × actor (or concept × concept with ``mode="concepts"``); ``congruence``
  W_ij = Σ_c Σ_k1 Σ_k2 A[i,c,k1] A[j,c,k2] (1 − |q_k1 − q_k2| / range), ``conflict`` the same with
  |q_k1 − q_k2| / range, ``subtract`` congruence − conflict, ``ignore`` Σ_c (Σ_k A[i,c,k])(Σ_k A[j,c,k]);
  normalisation ``average`` (÷ (n_i + n_j)/2), ``jaccard`` (÷ m10 + m01 + m11) or ``cosine``
  (÷ n_i n_j), n_i = Σ_c,k A[i,c,k].
* :func:`windowed` repeats either over a moving time window.

Formulas, defaults and references (Leifeld 2013, 2017; the DNA manual) are in ``docs/networks.md``.
Nodes are keyed by ``actor_id`` (two actors with one name stay apart), labelled by name.

>>> import pandas as pd
>>> st = pd.DataFrame({"article_id": ["a", "a", "b"], "actor": ["A", "B", "B"], "concept": ["x", "x", "x"],
...                    "agreement": [1, 1, -1]})
>>> one_mode(st, aggregation="congruence").edges[["source", "target", "weight"]].values.tolist()
[['A', 'B', 1.0]]
>>> one_mode(st, aggregation="conflict").edges[["source", "target", "weight"]].values.tolist()
[['A', 'B', 1.0]]
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy import sparse

from analysis.errors import InputError, require_columns

log = logging.getLogger(__name__)

DUPLICATES = ("include", "document", "week", "month", "year")
TWO_MODE = ("combine", "positive", "negative", "subtract", "ignore")
ONE_MODE = ("congruence", "conflict", "subtract", "ignore")
TWO_MODE_NORMS = (None, "activity", "prominence")
ONE_MODE_NORMS = (None, "average", "jaccard", "cosine")
NODE_COLUMNS = ["id", "label", "kind", "affiliation", "n_statements", "n_positive", "n_negative", "n_neutral",
                "agreement", "first_date", "last_date"]
EDGE_COLUMNS = ["source", "target", "weight", "n_statements"]


@dataclass
class Network:
    """A network as tidy tables: ``nodes`` (``id``, ``label``, ``kind`` …), ``edges`` (``source``,
    ``target``, ``weight`` …) and ``meta`` (how it was computed)."""

    nodes: pd.DataFrame
    edges: pd.DataFrame
    meta: dict = field(default_factory=dict)

    def graph(self):
        """The network as a :mod:`networkx` graph (undirected unless ``meta["directed"]``; node and edge
        columns as attributes)."""
        return to_networkx(self)


def _choice(value, allowed, name: str):
    if value not in allowed:
        shown = ", ".join("None" if a is None else repr(a) for a in allowed)
        raise InputError(f"{name}: expected one of {shown}, got {value!r}")
    return value


def _prepared(statements: pd.DataFrame) -> pd.DataFrame:
    """Statements with a node key per actor (``actor_id``, else the name) and numeric agreement."""
    require_columns(statements, ["actor", "concept", "agreement"], table="statements")
    st = statements.copy()
    ids = st["actor_id"] if "actor_id" in st.columns else pd.Series([None] * len(st), index=st.index)
    st["actor_key"] = [i if isinstance(i, str) and i else str(a) for i, a in zip(ids, st["actor"])]
    st["agreement"] = pd.to_numeric(st["agreement"], errors="coerce")
    bad = st["agreement"].isna() | st["actor"].isna() | st["concept"].isna()
    if bad.any():
        raise InputError(f"statements: {int(bad.sum())} row(s) without actor, concept or a numeric agreement, "
                         f"the first at index {st.index[bad.to_numpy()][0]!r}")
    st["agreement"] = st["agreement"].astype("int64")
    if "date" not in st.columns:
        st["date"] = pd.NaT
    st["date"] = pd.to_datetime(st["date"], errors="coerce")
    return st


def filter_duplicates(statements: pd.DataFrame, *, per: str = "document") -> pd.DataFrame:
    """Statements without duplicates: one statement per actor, concept and agreement within each
    document (``article_id``), ISO calendar week, month or year of ``date`` (``include`` keeps all).
    Statements without a date form one period of their own. The first statement is kept.

    >>> st = pd.DataFrame({"article_id": ["a", "a", "b"], "actor": ["A"] * 3, "concept": ["x"] * 3,
    ...                    "agreement": [1, 1, 1], "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-03"])})
    >>> len(filter_duplicates(st, per="document")), len(filter_duplicates(st, per="week"))
    (2, 1)
    """
    _choice(per, DUPLICATES, "duplicates")
    if per == "include" or statements.empty:
        return statements
    st = _prepared(statements)
    if per == "document":
        require_columns(st, ["article_id"], table="statements")
        period = st["article_id"].astype(str)
    else:
        iso = st["date"].dt.isocalendar()
        period = {"week": iso["year"].astype(str) + "-W" + iso["week"].astype(str),
                  "month": st["date"].dt.strftime("%Y-%m"), "year": st["date"].dt.strftime("%Y")}[per]
        period = period.where(st["date"].notna(), "undated").astype(str)
    keep = ~pd.DataFrame({"p": period, "a": st["actor_key"], "c": st["concept"], "q": st["agreement"]}).duplicated()
    return statements[keep.to_numpy()]


def _counts(st: pd.DataFrame, rows: str, cols: str, values: list[int]):
    """Row labels, column labels and one sparse count matrix per agreement value."""
    r_index = pd.Index(sorted(st[rows].astype(str).unique()))
    c_index = pd.Index(sorted(st[cols].astype(str).unique()))
    r = r_index.get_indexer(st[rows].astype(str))
    c = c_index.get_indexer(st[cols].astype(str))
    mats = []
    for v in values:
        sel = (st["agreement"] == v).to_numpy()
        mats.append(sparse.csr_matrix((np.ones(int(sel.sum())), (r[sel], c[sel])),
                                      shape=(len(r_index), len(c_index))))
    return r_index, c_index, mats


def _node_table(st: pd.DataFrame, key: str, label: str, kind: str) -> pd.DataFrame:
    if st.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in NODE_COLUMNS})
    keys = st[key].astype(str)
    g = st.groupby(keys, sort=True)
    a = st["agreement"]

    def count(mask: pd.Series) -> np.ndarray:  # per node, in the order of g (vectorised: windowed() calls this often)
        return mask.groupby(keys, sort=True).sum().astype(int).to_numpy()

    out = pd.DataFrame({
        "id": g.size().index, "label": g[label].first().astype(str).to_numpy(), "kind": kind,
        "affiliation": (g["affiliation"].first().to_numpy() if "affiliation" in st.columns and kind == "actor"
                        else None),
        "n_statements": g.size().to_numpy(), "n_positive": count(a > 0), "n_negative": count(a < 0),
        "n_neutral": count(a == 0),
        "agreement": g["agreement"].mean().round(4).to_numpy(),
        "first_date": g["date"].min().to_numpy(), "last_date": g["date"].max().to_numpy()})
    return out[NODE_COLUMNS]


def _values(st: pd.DataFrame, values) -> list[int]:
    return sorted(int(v) for v in (values if values is not None else st["agreement"].unique()))


def _two_mode_matrix(mats: list, values: list[int], aggregation: str):
    total = sum(mats, sparse.csr_matrix(mats[0].shape)) if mats else None
    if aggregation == "ignore":
        return total
    if aggregation == "positive":
        return sum((m for m, v in zip(mats, values) if v > 0), sparse.csr_matrix(total.shape))
    if aggregation == "negative":
        return sum((m for m, v in zip(mats, values) if v < 0), sparse.csr_matrix(total.shape))
    if aggregation == "subtract":
        return sum((m * v for m, v in zip(mats, values)), sparse.csr_matrix(total.shape))
    pos = sum((m for m, v in zip(mats, values) if v > 0), sparse.csr_matrix(total.shape))
    neg = sum((m for m, v in zip(mats, values) if v < 0), sparse.csr_matrix(total.shape))
    return (pos > 0).astype(float) + 2 * (neg > 0).astype(float)


def two_mode(statements: pd.DataFrame, *, aggregation: str = "combine", normalization: str | None = None,
             duplicates: str = "include", values=None, exclude_neutral: bool = False) -> Network:
    """The actor × concept network; an edge per actor and concept with a non-zero weight.

    ``aggregation``: combine (1 only for, 2 only against, 3 both), positive, negative, subtract
    (for − against, weighted by the agreement value), ignore (all statements);
    ``normalization``: None, activity (÷ the actor's total), prominence (÷ the concept's total);
    ``duplicates``: see :func:`filter_duplicates`; ``values``: the agreement values of the
    qualifier (default: those found); ``exclude_neutral`` drops agreement 0 first.

    >>> st = pd.DataFrame({"actor": ["A", "A", "B"], "concept": ["x", "x", "x"], "agreement": [1, -1, 1]})
    >>> two_mode(st).edges[["source", "target", "weight"]].values.tolist()
    [['A', 'x', 3.0], ['B', 'x', 1.0]]
    """
    _choice(aggregation, TWO_MODE, "aggregation")
    _choice(normalization, TWO_MODE_NORMS, "normalization")
    st = _prepared(filter_duplicates(statements, per=duplicates))
    if exclude_neutral:
        st = st[st["agreement"] != 0]
    meta = {"type": "two-mode", "aggregation": aggregation, "normalization": normalization, "duplicates": duplicates}
    nodes = pd.concat([_node_table(st, "actor_key", "actor", "actor"), _node_table(st, "concept", "concept", "concept")],
                      ignore_index=True)
    if st.empty:
        return Network(nodes, _no_edges(EDGE_COLUMNS), meta)
    values = _values(st, values)
    rows, cols, mats = _counts(st, "actor_key", "concept", values)
    m = _two_mode_matrix(mats, values, aggregation).tocsr().astype(float)
    total = sum(mats, sparse.csr_matrix(m.shape))
    if normalization:
        axis = 1 if normalization == "activity" else 0
        base = (m != 0).astype(float) if aggregation == "combine" else (
            total if aggregation == "subtract" else abs(m))
        denom = np.asarray(base.sum(axis=axis)).ravel()
        scale = np.divide(1.0, denom, out=np.zeros_like(denom), where=denom != 0)
        m = (sparse.diags(scale) @ m) if axis == 1 else (m @ sparse.diags(scale))
    return Network(nodes, _edges(m, rows, cols, total, upper=False), meta)


def _no_edges(columns) -> pd.DataFrame:
    dtypes = {"weight": "float64", "n_statements": "int64", "n_shared": "int64"}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in columns})


def _edges(m, rows, cols, total, *, upper: bool) -> pd.DataFrame:
    coo = sparse.coo_matrix(m)
    keep = coo.data != 0
    if upper:
        keep &= coo.row < coo.col
    i, j, w = coo.row[keep], coo.col[keep], coo.data[keep]
    n = np.asarray(total[i, j]).ravel() if len(i) else np.array([], dtype=float)
    out = pd.DataFrame({"source": rows[i].astype(object), "target": cols[j].astype(object),
                        "weight": np.round(w.astype(float), 10), "n_statements": n.astype("int64")})
    return out.sort_values(["source", "target"], kind="stable").reset_index(drop=True)


def one_mode(statements: pd.DataFrame, *, aggregation: str = "congruence", normalization: str | None = None,
             mode: str = "actors", duplicates: str = "include", values=None, exclude_neutral: bool = False) -> Network:
    """The actor × actor (``mode="actors"``) or concept × concept (``mode="concepts"``) network:
    an undirected edge per pair with a non-zero weight (self-ties excluded).

    ``aggregation``: congruence, conflict, subtract, ignore; ``normalization``: None, average,
    jaccard, cosine (formulas in the module docstring and ``docs/networks.md``).

    >>> st = pd.DataFrame({"actor": ["A", "B", "A", "B"], "concept": ["x", "x", "y", "y"], "agreement": [1, 1, 1, -1]})
    >>> one_mode(st, aggregation="subtract").edges["weight"].tolist()  # agree on x, disagree on y
    []
    >>> one_mode(st, aggregation="conflict").edges["weight"].tolist()
    [1.0]
    >>> one_mode(st, aggregation="congruence", normalization="average").edges["weight"].tolist()
    [0.5]
    """
    net, blocks = _one_mode_parts(statements, aggregation=aggregation, normalization=normalization, mode=mode,
                                  duplicates=duplicates, values=values, exclude_neutral=exclude_neutral)
    edges = list(blocks)
    return Network(net.nodes, pd.concat(edges, ignore_index=True) if edges else net.edges, net.meta)


def _one_mode_parts(statements: pd.DataFrame, *, aggregation: str = "congruence", normalization: str | None = None,
                    mode: str = "actors", duplicates: str = "include", values=None,
                    exclude_neutral: bool = False) -> tuple[Network, Iterator[pd.DataFrame]]:
    """:func:`one_mode` without its edges, and the edges as a table per block of rows."""
    _choice(aggregation, ONE_MODE, "aggregation")
    _choice(normalization, ONE_MODE_NORMS, "normalization")
    _choice(mode, ("actors", "concepts"), "mode")
    st = _prepared(filter_duplicates(statements, per=duplicates))
    if exclude_neutral:
        st = st[st["agreement"] != 0]
    key, other, label, kind = (("actor_key", "concept", "actor", "actor") if mode == "actors"
                               else ("concept", "actor_key", "concept", "concept"))
    meta = {"type": "one-mode", "mode": mode, "aggregation": aggregation, "normalization": normalization,
            "duplicates": duplicates}
    net = Network(_node_table(st, key, label, kind), _no_edges(["source", "target", "weight", "n_shared"]), meta)
    if st.empty:
        return net, iter(())
    values = _values(st, values)
    rows, _, mats = _counts(st, key, other, values)
    return net, _one_mode_edges(mats, values, rows, aggregation, normalization)


#: A one-mode network is computed for blocks of rows of about this many actor pairs at a time, so
#: that memory grows with the edges of a block, not with actors².
BLOCK_PAIRS = 2_000_000


def _one_mode_block(block: list, mats: list, values: list[int], aggregation: str):
    """The weights of the rows in ``block`` (``block[k]`` the rows of ``mats[k]``) against all rows."""
    if aggregation == "ignore":
        return sum(block[1:], block[0]) @ sum(mats[1:], mats[0]).T
    rng = (values[-1] - values[0]) or 1
    cong = confl = None
    for b1, v1 in zip(block, values):
        for m2, v2 in zip(mats, values):
            prod = b1 @ m2.T
            d = abs(v1 - v2) / rng
            cong = prod * (1 - d) if cong is None else cong + prod * (1 - d)
            confl = prod * d if confl is None else confl + prod * d
    if aggregation == "congruence":
        return cong
    return confl if aggregation == "conflict" else cong - confl


def _norm(block: list, mats: list, n: np.ndarray, normalization: str | None, r, lo: int, col) -> np.ndarray | None:
    """The denominator of the pairs ``(lo + r[k], col[k])`` (DNA's average, Jaccard or cosine), or
    None; ``r`` indexes the rows of ``block`` (rows ``lo``… of ``mats``), ``col`` all rows."""
    if normalization is None:
        return None
    if normalization == "average":
        return (n[r + lo] + n[col]) / 2
    if normalization == "cosine":
        return n[r + lo] * n[col]
    at = lambda m: np.asarray(sparse.csr_matrix(m)[r, col]).ravel()  # noqa: E731
    m11 = at(sum((b @ m.T for b, m in zip(block[1:], mats[1:])), block[0] @ mats[0].T))
    # m10: i's statements where j has none of that concept and value (and m01 the other way round)
    m10 = n[r + lo] - at(sum((b @ (m > 0).astype(float).T for b, m in zip(block[1:], mats[1:])),
                              block[0] @ (mats[0] > 0).astype(float).T))
    m01 = n[col] - at(sum(((b > 0).astype(float) @ m.T for b, m in zip(block[1:], mats[1:])),
                          (block[0] > 0).astype(float) @ mats[0].T))
    return m10 + m01 + m11


def _one_mode_edges(mats: list, values: list[int], rows: pd.Index, aggregation: str, normalization: str | None):
    """The edges of the upper triangle with a non-zero weight, a table per block of rows in order
    of (source, target); ``n_shared``: the concepts (actors) both spoke of."""
    total = sum(mats[1:], mats[0])
    n = np.asarray(total.sum(axis=1)).ravel()
    spoke = (total > 0).astype(float)
    size = max(1, BLOCK_PAIRS // max(1, len(rows)))
    for lo in range(0, len(rows), size):
        block = [m[lo:lo + size] for m in mats]
        coo = sparse.coo_matrix(_one_mode_block(block, mats, values, aggregation), dtype=float)
        keep = (coo.row + lo < coo.col) & (coo.data != 0)
        r, j, w = coo.row[keep], coo.col[keep], coo.data[keep]
        d = _norm(block, mats, n, normalization, r, lo, j)
        if d is not None:
            w = np.divide(w, d, out=np.zeros_like(w), where=d != 0)
            r, j, w = r[w != 0], j[w != 0], w[w != 0]
        order = np.lexsort((j, r))  # the rows are sorted labels: index order is (source, target) order
        r, j, w = r[order], j[order], w[order]
        shared = np.asarray((spoke[lo:lo + size] @ spoke.T)[r, j]).ravel() if len(r) else np.array([])
        yield pd.DataFrame({"source": rows[r + lo].astype(object), "target": rows[j].astype(object),
                            "weight": np.round(w.astype(float), 10), "n_shared": shared.astype("int64")})


NETWORK_TYPES = ("two-mode", "congruence", "conflict", "subtract", "concepts")


def discourse_network(statements: pd.DataFrame, *, type: str = "congruence", **options) -> Network:
    """A network by name: ``two-mode`` (actor × concept, :func:`two_mode`), ``congruence``,
    ``conflict``, ``subtract`` (actor × actor, :func:`one_mode`) or ``concepts`` (concept ×
    concept congruence); ``options`` go to that function.

    >>> st = pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, -1]})
    >>> len(discourse_network(st, type="conflict").edges)
    1
    """
    _choice(type, NETWORK_TYPES, "type")
    if type == "two-mode":
        return two_mode(statements, **options)
    return one_mode(statements, **_one_mode_options(type, options))


def _one_mode_options(type: str, options: dict) -> dict:
    """The options of :func:`one_mode` for a network ``type`` of :func:`discourse_network`."""
    return {**({"mode": "concepts"} if type == "concepts" else {"aggregation": type}), **options}


def network_blocks(statements: pd.DataFrame, *, type: str = "congruence", **options) -> tuple[Network, Iterator]:
    """:func:`discourse_network` without its edges, and the edges as a sequence of tables that
    concatenate to its edges. A one-mode network is computed a block of rows at a time
    (:data:`BLOCK_PAIRS` pairs), so the memory it takes grows with a block's edges, not with the
    square of the number of actors.

    >>> st = pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, -1]})
    >>> net, blocks = network_blocks(st, type="conflict")
    >>> len(net.nodes), [len(b) for b in blocks]
    (2, [1])
    """
    _choice(type, NETWORK_TYPES, "type")
    if type == "two-mode":
        net = two_mode(statements, **options)
        return Network(net.nodes, net.edges.iloc[:0], net.meta), iter([net.edges])
    return _one_mode_parts(statements, **_one_mode_options(type, options))


def to_networkx(net: Network):
    """``net`` as an undirected :class:`networkx.Graph` (a :class:`networkx.DiGraph` when
    ``net.meta["directed"]``, the relations network): nodes by ``id`` with the other node columns
    as attributes (``bipartite`` 0 for actors, 1 for concepts), edges with their columns; missing
    values are left out, dates become ISO text.

    >>> st = pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, -1]})
    >>> g = two_mode(st).graph()
    >>> sorted(g.nodes), g.nodes["x"]["bipartite"], g.edges["B", "x"]["weight"]
    (['A', 'B', 'x'], 1, 2.0)
    """
    import networkx as nx

    graph = nx.DiGraph if net.meta.get("directed") else nx.Graph
    g = graph(**{k: v for k, v in net.meta.items() if v is not None})
    for rec in net.nodes.to_dict("records"):
        attrs = {k: _plain(v) for k, v in rec.items() if k != "id" and not _missing(v)}
        attrs["bipartite"] = 0 if rec.get("kind") == "actor" else 1
        g.add_node(rec["id"], **attrs)
    for rec in net.edges.to_dict("records"):
        g.add_edge(rec["source"], rec["target"],
                   **{k: _plain(v) for k, v in rec.items() if k not in ("source", "target") and not _missing(v)})
    return g


def _missing(v) -> bool:
    return v is None or (not isinstance(v, (list, tuple, np.ndarray)) and bool(pd.isna(v)))


def _plain(v):
    """A value networkx writers take: Python scalars, dates as ISO text."""
    if isinstance(v, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(v).date().isoformat()
    if isinstance(v, np.generic):
        return v.item()
    return v


def windowed(statements: pd.DataFrame, *, window: str = "30D", step: str = "1D", type: str = "congruence",
             **options) -> Network:
    """The network over a moving time window, as DNA's time-window export: a window of length
    ``window`` centred on each time step (every ``step`` from the first to the last statement
    date), only windows that lie wholly within the dates, empty windows left out. Edges carry
    ``time`` (the centre), ``window_start`` and ``window_end`` (inclusive), one row per edge and
    window; nodes are those of the whole network. The agreement values are those of all
    statements, so that every window uses the same range. Undated statements are left out.

    >>> st = pd.DataFrame({"actor": ["A", "B", "A", "B"], "concept": ["x"] * 4, "agreement": [1, 1, 1, -1],
    ...                    "date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-05", "2024-01-06"])})
    >>> w = windowed(st, window="3D", type="conflict")
    >>> w.edges[["time", "weight"]].astype(str).values.tolist()
    [['2024-01-05', '1.0']]
    """
    try:
        size, stride = pd.Timedelta(window), pd.Timedelta(step)
    except (ValueError, TypeError):
        raise InputError(f"window/step: expected a duration such as '30D' or '2W', got {window!r}/{step!r}") from None
    if size <= pd.Timedelta(0) or stride <= pd.Timedelta(0):
        raise InputError(f"window/step: expected positive durations, got {window!r}/{step!r}")
    st = _prepared(statements)
    values = options.pop("values", None)
    if values is None and not st.empty:
        values = _values(st, None)
    whole = discourse_network(statements, type=type, values=values, **options)
    dated = st[st["date"].notna()]
    if len(dated) < len(st):
        log.warning("windowed: %d undated statement(s) left out", len(st) - len(dated))
    meta = {**whole.meta, "window": window, "step": step}
    if dated.empty:
        return Network(whole.nodes, whole.edges.iloc[0:0].assign(time=None, window_start=None, window_end=None), meta)
    first, last = dated["date"].min().normalize(), dated["date"].max().normalize()
    half = pd.Timedelta(days=round((size.days - 1) / 2)) if size >= pd.Timedelta(days=1) else size / 2
    frames = []
    t = first
    while t <= last:
        lo, hi = t - half, t + half
        if lo >= first and hi <= last:
            part = dated[(dated["date"] >= lo) & (dated["date"] < hi + pd.Timedelta(days=1))]
            if len(part):
                edges = discourse_network(part.drop(columns=["actor_key"]), type=type, values=values, **options).edges
                frames.append(edges.assign(time=t, window_start=lo, window_end=hi, n_window_statements=len(part)))
        t += stride
    edges = pd.concat(frames, ignore_index=True) if frames else whole.edges.iloc[0:0].assign(
        time=pd.NaT, window_start=pd.NaT, window_end=pd.NaT, n_window_statements=0)
    return Network(whole.nodes, edges, meta)
