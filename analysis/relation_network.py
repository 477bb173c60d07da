"""Actor → actor networks from the relations table: who does what to whom, as a directed network.

:func:`relations_network` turns the events of :func:`analysis.relations.extract_relations` into a
:class:`~analysis.networks.Network` with ``meta["directed"]``: one edge per ordered pair of source
and target actor (by ``actor_id`` where the relations carry one, else by name), aggregated by
:func:`analysis.relations.dyads_by`. ``weight`` is the number of events, ``goldstein`` their mean
weighted Goldstein value, ``n_cooperation`` and ``n_conflict`` the events of positive and of
negative value, ``share_conflict`` = n_conflict / n, ``polarity`` the mean tone of their sentences.
Nodes carry ``n_events`` (sent and received), ``n_sent``, ``n_received`` and ``goldstein_sent``,
the mean value of the events an actor sends. Every export of :mod:`analysis.network_exports`
writes it directed. Columns in ``docs/tables.md``; the method in ``docs/networks.md``.

>>> import pandas as pd
>>> rel = pd.DataFrame({"source": ["Russland", "Russland", "Iran"], "target": ["Iran", "Iran", "Russland"],
...                     "goldstein": [1.0, -4.0, 3.0], "polarity": [0.1, -0.3, 0.2]})
>>> net = relations_network(rel)
>>> net.edges[["source", "target", "weight", "goldstein", "n_conflict"]].values.tolist()
[['Russland', 'Iran', 2.0, -1.5, 1], ['Iran', 'Russland', 1.0, 3.0, 0]]
"""
from __future__ import annotations

import pandas as pd

from analysis.errors import require_columns
from analysis.networks import Network

RELATION_EDGE_COLUMNS = ["source", "target", "weight", "goldstein", "n_cooperation", "n_conflict", "share_conflict",
                         "polarity"]
RELATION_NODE_COLUMNS = ["id", "label", "kind", "n_events", "n_sent", "n_received", "goldstein_sent"]


_FLOAT_COLUMNS = frozenset({"weight", "goldstein", "share_conflict", "polarity", "goldstein_sent"})


def _empty(columns: list[str]) -> pd.DataFrame:
    """A table of ``columns`` without rows, numeric columns as float."""
    return pd.DataFrame({c: pd.Series(dtype="float64" if c in _FLOAT_COLUMNS else object) for c in columns})


def _keyed(relations: pd.DataFrame, side: str) -> pd.Series:
    """The node id of a side (source, target): its actor id where there is one, else its name."""
    names = relations[side]
    ids = relations.get(f"{side}_actor_id")
    if ids is None:
        return names
    return ids.where(ids.notna() & (ids.astype(str).str.strip() != ""), names)


def relations_network(relations: pd.DataFrame, *, min_events: int = 1) -> Network:
    """The directed actor → actor network of ``relations`` (columns ``source``, ``target``,
    ``goldstein``; ``source_actor_id``, ``target_actor_id`` and ``polarity`` where present).
    Events without a source or a target are left out; ``min_events`` drops rarer dyads.

    >>> rel = pd.DataFrame({"source": ["A"], "target": ["B"], "goldstein": [2.0]})
    >>> relations_network(rel).nodes[["id", "n_sent", "n_received"]].values.tolist()
    [['A', 1, 0], ['B', 0, 1]]
    """
    from analysis.relations import dyads_by

    require_columns(relations, ["source", "target", "goldstein"], table="relations")
    meta = {"type": "relations", "directed": True, "min_events": min_events}
    rel = relations[relations["source"].notna() & relations["target"].notna()]
    keyed = rel.assign(source=_keyed(rel, "source"), target=_keyed(rel, "target"))
    dyads = dyads_by(keyed, (), directed=True, min_n=min_events) if len(keyed) else pd.DataFrame()
    if dyads.empty:
        return Network(_empty(RELATION_NODE_COLUMNS), _empty(RELATION_EDGE_COLUMNS), meta)
    edges = dyads.rename(columns={"n": "weight"}).astype({"weight": "float64"}).reindex(columns=RELATION_EDGE_COLUMNS)
    labels = dict(zip(keyed["source"], rel["source"])) | dict(zip(keyed["target"], rel["target"]))
    sent = edges.groupby("source")["weight"].sum()
    received = edges.groupby("target")["weight"].sum()
    value_sent = (edges["goldstein"] * edges["weight"]).groupby(edges["source"]).sum() / sent
    ids = sorted(set(edges["source"]) | set(edges["target"]), key=str)
    nodes = pd.DataFrame({"id": ids, "label": [labels[i] for i in ids], "kind": "actor"})
    nodes["n_sent"] = sent.reindex(ids).fillna(0).astype("int64").to_numpy()
    nodes["n_received"] = received.reindex(ids).fillna(0).astype("int64").to_numpy()
    nodes["n_events"] = nodes["n_sent"] + nodes["n_received"]
    nodes["goldstein_sent"] = value_sent.reindex(ids).to_numpy()
    return Network(nodes[RELATION_NODE_COLUMNS], edges.reset_index(drop=True), meta)
