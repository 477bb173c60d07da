"""Figures of discourse networks: the actor network, actors × concepts, polarisation over time."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import TwoSlopeNorm

from analysis.errors import InputError, require_columns
from analysis.plots.style import PALETTE, new_axes, short_label

AGREEMENT_CMAP = "PuOr"  # diverging and colour-blind safe: orange against, purple for


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def spread_labels(ax, texts, *, rounds: int = 200, step: float = 2.0) -> int:
    """Move the ``texts`` of ``ax`` apart (in display space, vertically, then horizontally when
    stuck) until no two overlap, or ``rounds`` passes; returns the overlaps left.

    >>> ax = new_axes()
    >>> texts = [ax.text(0.5, 0.5, "Putin"), ax.text(0.5, 0.5, "Kim")]
    >>> spread_labels(ax, texts)
    0
    """
    if len(texts) < 2:
        return 0
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    left = 0
    for r in range(rounds):
        boxes = [t.get_window_extent(renderer).expanded(1.05, 1.15) for t in texts]
        left = 0
        for i in range(len(texts)):
            for j in range(i + 1, len(texts)):
                if not _overlap(boxes[i], boxes[j]):
                    continue
                left += 1
                dy = step if boxes[i].y0 + boxes[i].y1 >= boxes[j].y0 + boxes[j].y1 else -step
                dx = (step if boxes[i].x0 >= boxes[j].x0 else -step) if r > rounds // 2 else 0.0
                for t, sign in ((texts[i], 1), (texts[j], -1)):
                    x, y = ax.transData.transform(t.get_position())
                    t.set_position(to_data.transform((x + sign * dx, y + sign * dy)))
        if not left:
            return 0
    return left


def plot_actor_network(net, *, top: int = 30, seed: int = 1, ax=None):
    """An actor network (:func:`analysis.networks.one_mode`): node size by activity
    (``n_statements``), colour by mean agreement (orange against, purple for), edge width by
    |weight| (dashed where negative), labels moved apart so that none overlaps. The ``top`` most
    active actors are shown; the layout is networkx's spring layout with ``seed``.

    >>> from analysis.networks import one_mode
    >>> st = pd.DataFrame({"actor": ["A", "B", "C"], "concept": ["x", "x", "x"], "agreement": [1, 1, -1]})
    >>> ax = plot_actor_network(one_mode(st, aggregation="ignore"))
    >>> sorted(t.get_text() for t in ax.texts)
    ['A', 'B', 'C']
    """
    import networkx as nx

    require_columns(net.nodes, ["id", "label", "n_statements", "agreement"], table="network nodes")
    ax = new_axes(ax, figsize=(8, 7))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if net.nodes.empty:
        ax.text(0.5, 0.5, "no statements: an empty network", ha="center", va="center", transform=ax.transAxes)
        return ax
    shown = net.nodes.sort_values(["n_statements", "id"], ascending=[False, True]).head(top)
    keep = set(shown["id"])
    edges = net.edges[net.edges["source"].isin(keep) & net.edges["target"].isin(keep)]
    g = nx.Graph()
    g.add_nodes_from(shown["id"])
    g.add_weighted_edges_from((s, t, abs(w)) for s, t, w in edges[["source", "target", "weight"]].itertuples(index=False))
    pos = nx.spring_layout(g, seed=seed, weight="weight")
    top_w = max(edges["weight"].abs().max(), 1e-9) if len(edges) else 1.0
    for s, t, w in edges[["source", "target", "weight"]].itertuples(index=False):
        (x0, y0), (x1, y1) = pos[s], pos[t]
        ax.plot([x0, x1], [y0, y1], color="#777777", alpha=0.6, zorder=1, linewidth=0.5 + 3 * abs(w) / top_w,
                linestyle="--" if w < 0 else "-")
    xy = np.array([pos[i] for i in shown["id"]])
    sizes = 80 + 900 * shown["n_statements"].to_numpy() / max(shown["n_statements"].max(), 1)
    norm = TwoSlopeNorm(vmin=-1, vcenter=0, vmax=1)
    dots = ax.scatter(xy[:, 0], xy[:, 1], s=sizes, c=shown["agreement"].astype(float), cmap=AGREEMENT_CMAP, norm=norm,
                      edgecolors="#333333", linewidths=0.6, zorder=2)
    texts = [ax.text(x, y, short_label(lb, 25), fontsize=8, ha="center", va="bottom", zorder=3)
             for (x, y), lb in zip(xy, shown["label"])]
    ax.margins(0.12)
    ax.figure.colorbar(dots, ax=ax, shrink=0.6, label="mean agreement (−1 against … +1 for)")
    ax.figure.tight_layout()  # the layout a saved figure gets, before the labels are spread
    spread_labels(ax, texts)
    kind = net.meta.get("aggregation", "")
    ax.set_title(f"Actor network ({kind}): size = statements, colour = agreement")
    return ax


def actor_concept_matrix(statements: pd.DataFrame, *, top_actors: int = 15, top_concepts: int = 15) -> pd.DataFrame:
    """Actors × concepts: the sum of agreement (for − against) of the most active actors and
    concepts, with the statement counts in ``.attrs["counts"]``.

    >>> st = pd.DataFrame({"actor": ["A", "A", "B"], "concept": ["x", "x", "y"], "agreement": [1, 1, -1]})
    >>> actor_concept_matrix(st).values.tolist()
    [[2, 0], [0, -1]]
    """
    require_columns(statements, ["actor", "concept", "agreement"], table="statements")
    key = statements["actor_id"].where(statements["actor_id"].notna(), statements["actor"]) \
        if "actor_id" in statements.columns else statements["actor"]
    st = statements.assign(_key=key.astype(str))
    actors = st["_key"].value_counts().head(top_actors).index
    concepts = st["concept"].value_counts().head(top_concepts).index
    part = st[st["_key"].isin(actors) & st["concept"].isin(concepts)]
    names = dict(zip(st["_key"], st["actor"].astype(str)))
    label = {k: names[k] if list(names.values()).count(names[k]) == 1 else f"{names[k]} ({k})" for k in actors}
    sums = part.pivot_table(index="_key", columns="concept", values="agreement", aggfunc="sum", fill_value=0)
    counts = part.pivot_table(index="_key", columns="concept", values="agreement", aggfunc="size", fill_value=0)
    sums = sums.reindex(index=actors, columns=concepts, fill_value=0).rename(index=label)
    sums.attrs["counts"] = counts.reindex(index=actors, columns=concepts, fill_value=0).rename(index=label)
    sums.index.name, sums.columns.name = "actor", "concept"
    return sums


def plot_actor_concept_heatmap(statements: pd.DataFrame, *, top_actors: int = 15, top_concepts: int = 15, ax=None):
    """Heatmap of :func:`actor_concept_matrix`: colour the sum of agreement (orange against,
    purple for), each cell annotated with its number of statements.

    >>> st = pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, -1]})
    >>> plot_actor_concept_heatmap(st).get_xlabel()
    'concept'
    """
    m = actor_concept_matrix(statements, top_actors=top_actors, top_concepts=top_concepts)
    ax = new_axes(ax, figsize=(max(6, 0.55 * m.shape[1] + 3), max(3, 0.4 * m.shape[0] + 2)))
    if m.empty:
        ax.text(0.5, 0.5, "no statements", ha="center", va="center", transform=ax.transAxes)
        ax.set_xlabel("concept")
        return ax
    lim = max(float(np.abs(m.to_numpy()).max()), 1.0)
    img = ax.imshow(m.to_numpy(dtype=float), cmap=AGREEMENT_CMAP, vmin=-lim, vmax=lim, aspect="auto")
    counts = m.attrs["counts"].to_numpy()
    for (i, j), n in np.ndenumerate(counts):
        if n:
            ax.text(j, i, str(n), ha="center", va="center", fontsize=7)
    ax.set_xticks(range(m.shape[1]), [short_label(c, 28) for c in m.columns], rotation=40, ha="right")
    ax.set_yticks(range(m.shape[0]), [short_label(a, 30) for a in m.index])
    ax.grid(False)
    ax.figure.colorbar(img, ax=ax, label="for − against (numbers: statements)")
    ax.set_xlabel("concept")
    ax.set_ylabel("actor")
    ax.set_title("Actors and concepts: stance")
    return ax


def polarisation(statements: pd.DataFrame, *, freq: str = "M", duplicates: str = "include") -> pd.DataFrame:
    """Per period of ``freq`` (pandas period alias: W, M, Q, Y): the conflict share
    ``P = conflict / (congruence + conflict)`` of the actor network of its statements
    (:func:`analysis.networks.one_mode`, sums of edge weights), with ``congruence``, ``conflict``,
    ``n_statements`` and ``n_actors``. P is 0 when actors who share concepts always agree, 1 when
    they always disagree; NaN for a period in which no two actors share a concept.

    >>> st = pd.DataFrame({"actor": ["A", "B", "A", "B"], "concept": ["x"] * 4, "agreement": [1, 1, 1, -1],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-01-09", "2024-02-01", "2024-02-03"])})
    >>> polarisation(st)[["period", "polarisation"]].astype(str).values.tolist()
    [['2024-01', '0.0'], ['2024-02', '1.0']]
    """
    from analysis.networks import one_mode

    require_columns(statements, ["actor", "concept", "agreement", "date"], table="statements")
    st = statements[pd.to_datetime(statements["date"], errors="coerce").notna()]
    columns = ["period", "congruence", "conflict", "polarisation", "n_statements", "n_actors"]
    if st.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    try:
        periods = pd.to_datetime(st["date"]).dt.to_period(freq)
    except ValueError:
        raise InputError(f"freq: expected a pandas period alias such as W, M, Q or Y, got {freq!r}") from None
    rows = []
    for period, part in st.groupby(periods, sort=True):
        cong = one_mode(part, aggregation="congruence", duplicates=duplicates).edges["weight"].sum()
        conf = one_mode(part, aggregation="conflict", duplicates=duplicates).edges["weight"].sum()
        share = conf / (cong + conf) if cong + conf else np.nan
        rows.append({"period": period, "congruence": float(cong), "conflict": float(conf), "polarisation": share,
                     "n_statements": len(part), "n_actors": part["actor"].nunique()})
    return pd.DataFrame(rows, columns=columns)


def plot_polarisation(statements: pd.DataFrame, *, freq: str = "M", ax=None):
    """The conflict share per period (:func:`polarisation`), bars of the statements behind it.

    >>> st = pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, -1],
    ...                    "date": pd.to_datetime(["2024-01-05", "2024-01-09"])})
    >>> plot_polarisation(st).get_ylabel()
    'polarisation (conflict share)'
    """
    table = polarisation(statements, freq=freq)
    ax = new_axes(ax)
    if table.empty:
        ax.text(0.5, 0.5, "no dated statements", ha="center", va="center", transform=ax.transAxes)
        ax.set_ylabel("polarisation (conflict share)")
        return ax
    x = table["period"].dt.to_timestamp()
    width = (x.diff().median() if len(x) > 1 else pd.Timedelta(days=20)) * 0.8
    counts = ax.twinx()
    counts.bar(x, table["n_statements"], width=width, color=PALETTE[5], alpha=0.3, zorder=0)
    counts.set_ylabel("statements")
    counts.grid(False)
    ax.set_zorder(counts.get_zorder() + 1)
    ax.patch.set_visible(False)
    ax.plot(x, table["polarisation"].astype(float), marker="o", color=PALETTE[3])
    ax.set_ylim(-0.05, 1.05)
    ax.set_ylabel("polarisation (conflict share)")
    ax.set_xlabel("period")
    ax.set_title("Polarisation over time: conflict / (congruence + conflict)")
    return ax

