"""Network files that Gephi, visone, Pajek, UCINET and DNA open, written atomically.

:func:`write_network` chooses the format by the suffix: ``.graphml`` (GraphML; ``flavour="visone"``
adds the yFiles shapes and labels visone shows), ``.gexf`` (GEXF 1.3; a moving-window network is
dynamic, its edges carry one spell and one weight per window), ``.net`` (Pajek), ``.dl`` (UCINET
DL, full matrix) and ``.csv`` (an edge list in Gephi's column names, with the node list beside it
as ``<name>.nodes.csv``). :func:`write_dna_statements` writes the statements in the column layout
of DNA's statement export. Text that XML cannot hold (control characters other than tab, line
feed and carriage return) is written as the matching Unicode control picture (U+2400 + code:
``\\x01`` → ``␁``); ``<&"'`` are escaped by the XML writer. Node ids are the network's ids
(``actor_id``), labels its names; in Pajek and DL, where a label is the node's only name, labels
shared by two nodes get their id in brackets. GraphML ids are XML name tokens, as its schema
requires (:func:`graphml_id`: ``Sanktionen & Embargo`` → ``Sanktionen_x0020__x0026__x0020_Embargo``).

>>> import tempfile
>>> import pandas as pd
>>> from analysis.networks import two_mode
>>> net = two_mode(pd.DataFrame({"actor": ["A & B"], "concept": ["x"], "agreement": [1]}))
>>> path = write_network(net, Path(tempfile.mkdtemp()) / "n.graphml")
>>> import networkx as nx
>>> sorted(nx.read_graphml(path).nodes(data="label"))
[('A_x0020__x0026__x0020_B', 'A & B'), ('x', 'x')]
"""
from __future__ import annotations

import csv
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.errors import InputError, require_columns
from analysis.networks import Network
from analysis.outputs import atomic_path

log = logging.getLogger(__name__)

NETWORK_SUFFIXES = (".graphml", ".gexf", ".net", ".dl", ".csv")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YFILES_NS = "http://www.yworks.com/xml/graphml"
GEXF_NS = "http://gexf.net/1.3"
# what an id keeps as it is: ASCII letters and digits, ".", ":", "-", the Latin letters of U+00C0-U+024F
_NOT_IN_TOKEN = re.compile(r"[^A-Za-z0-9.:\-\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def xml_text(value) -> str:
    """``value`` as text XML 1.0 can hold: control characters become Unicode control pictures.

    >>> xml_text("a\\x01b")
    'a␁b'
    """
    text = "" if value is None else str(value)
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "\ufffd", text)


def graphml_id(value) -> str:
    """``value`` as a GraphML id, an XML name token: each character that a name token cannot hold
    (space, ``&``, ``/``, ...), and ``_``, becomes ``_xHHHH_`` with its code point (so distinct
    ids stay distinct). Letters of other scripts are escaped too, since XML parsers differ on them.

    >>> graphml_id("merz-a1b2"), graphml_id("Sanktionen & Embargo"), graphml_id("a_b")
    ('merz-a1b2', 'Sanktionen_x0020__x0026__x0020_Embargo', 'a_x005F_b')
    """
    return _NOT_IN_TOKEN.sub(lambda m: f"_x{ord(m.group()):04X}_", str(value))


def _attr_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "long"
    if pd.api.types.is_float_dtype(series):
        return "double"
    return "string"


def _value(v, kind: str):
    if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)):
        return None
    if isinstance(v, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(v).date().isoformat()
    if kind == "boolean":
        return "true" if v else "false"
    if kind == "long":
        return str(int(v))
    if kind == "double":
        return repr(float(v))
    return xml_text(v)


def _directed(net: Network) -> bool:
    """Whether ``net`` is directed (the relations network), so that its edges are written as arcs."""
    return bool(net.meta.get("directed"))


def _activity(nodes: pd.DataFrame) -> pd.Series:
    """A node's activity, the size visone draws: its statements (discourse) or events (relations)."""
    col = "n_statements" if "n_statements" in nodes.columns else "n_events"
    return nodes[col] if col in nodes.columns else pd.Series(0, index=nodes.index)


def _columns(df: pd.DataFrame, skip) -> list[tuple[str, str]]:
    return [(c, _attr_type(df[c])) for c in df.columns if c not in skip]


def _tostring(root: ET.Element) -> bytes:
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def graphml_bytes(net: Network, *, flavour: str = "gephi") -> bytes:
    """``net`` as GraphML (undirected, or directed for a directed network). ``flavour="visone"``
    adds yFiles ``ShapeNode`` labels, colours by kind and sizes by activity, which visone reads;
    Gephi reads both.

    >>> from analysis.networks import two_mode
    >>> net = two_mode(pd.DataFrame({"actor": ["A"], "concept": ["x"], "agreement": [1]}))
    >>> b'edgedefault="undirected"' in graphml_bytes(net), graphml_bytes(net).count(b"<edge ")
    (True, 1)
    """
    if flavour not in ("gephi", "visone"):
        raise InputError(f"flavour: expected 'gephi' or 'visone', got {flavour!r}")
    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YFILES_NS)
    g = f"{{{GRAPHML_NS}}}"
    root = ET.Element(f"{g}graphml")
    ncols = _columns(net.nodes, {"id"})
    ecols = _columns(net.edges, {"source", "target"})
    for domain, cols in (("node", ncols), ("edge", ecols)):
        for name, kind in cols:
            ET.SubElement(root, f"{g}key", {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name,
                                           "attr.type": kind})
    if flavour == "visone":
        ET.SubElement(root, f"{g}key", {"id": "n_graphics", "for": "node", "yfiles.type": "nodegraphics"})
    graph = ET.SubElement(root, f"{g}graph", {"id": "G", "edgedefault": "directed" if _directed(net) else "undirected"})
    activity = _activity(net.nodes)
    top = max(float(activity.max()), 1.0) if len(net.nodes) else 1.0
    for rec, size in zip(net.nodes.to_dict("records"), activity):
        node = ET.SubElement(graph, f"{g}node", {"id": graphml_id(rec["id"])})
        for name, kind in ncols:
            v = _value(rec[name], kind)
            if v is not None:
                ET.SubElement(node, f"{g}data", {"key": f"n_{name}"}).text = v
        if flavour == "visone":
            _visone_shape(ET.SubElement(node, f"{g}data", {"key": "n_graphics"}), rec, float(size or 0) / top)
    for i, rec in enumerate(net.edges.to_dict("records")):
        edge = ET.SubElement(graph, f"{g}edge", {"id": f"e{i}", "source": graphml_id(rec["source"]),
                                                 "target": graphml_id(rec["target"])})
        for name, kind in ecols:
            v = _value(rec[name], kind)
            if v is not None:
                ET.SubElement(edge, f"{g}data", {"key": f"e_{name}"}).text = v
    return _tostring(root)


def _visone_shape(data: ET.Element, rec: dict, share: float) -> None:
    y = f"{{{YFILES_NS}}}"
    size = 20 + 40 * share
    shape = ET.SubElement(data, f"{y}ShapeNode")
    ET.SubElement(shape, f"{y}Geometry", {"width": f"{size:.1f}", "height": f"{size:.1f}", "x": "0", "y": "0"})
    ET.SubElement(shape, f"{y}Fill", {"color": "#5B8DB8" if rec.get("kind") == "actor" else "#E8A33D",
                                       "transparent": "false"})
    ET.SubElement(shape, f"{y}NodeLabel").text = xml_text(rec.get("label"))
    ET.SubElement(shape, f"{y}Shape", {"type": "ellipse" if rec.get("kind") == "actor" else "rectangle"})


def gexf_bytes(net: Network) -> bytes:
    """``net`` as GEXF 1.3. A moving-window network (edges with ``window_start``/``window_end``)
    is written ``mode="dynamic"`` with ``timeformat="date"``: one edge per pair with a spell per
    window and its weight per window as a dynamic attribute; otherwise the graph is static. A
    directed network's edges are ``defaultedgetype="directed"``.

    >>> from analysis.networks import two_mode
    >>> net = two_mode(pd.DataFrame({"actor": ["A"], "concept": ["x"], "agreement": [1]}))
    >>> b'version="1.3"' in gexf_bytes(net), b'mode="static"' in gexf_bytes(net)
    (True, True)
    """
    ET.register_namespace("", GEXF_NS)
    x = f"{{{GEXF_NS}}}"
    dynamic = "window_start" in net.edges.columns
    root = ET.Element(f"{x}gexf", {"version": "1.3"})
    meta = ET.SubElement(root, f"{x}meta")
    ET.SubElement(meta, f"{x}creator").text = "analysis (discourse networks)"
    ET.SubElement(meta, f"{x}description").text = xml_text(", ".join(f"{k}={v}" for k, v in net.meta.items()))
    graph = ET.SubElement(root, f"{x}graph", {"defaultedgetype": "directed" if _directed(net) else "undirected",
                                              **({"mode": "dynamic", "timeformat": "date"} if dynamic
                                                 else {"mode": "static"})})
    ncols = _columns(net.nodes, {"id", "label"})
    skip = {"source", "target", "weight", "time", "window_start", "window_end", "n_window_statements"}
    ecols = _columns(net.edges, skip)
    for cls, cols, mode in (("node", ncols, "static"), ("edge", ecols + ([("weight", "double")] if dynamic else []),
                                                        "dynamic" if dynamic else "static")):
        attrs = ET.SubElement(graph, f"{x}attributes", {"class": cls, "mode": mode})
        for name, kind in cols:
            ET.SubElement(attrs, f"{x}attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(graph, f"{x}nodes")
    for rec in net.nodes.to_dict("records"):
        node = ET.SubElement(nodes, f"{x}node", {"id": xml_text(rec["id"]), "label": xml_text(rec["label"])})
        _attvalues(node, rec, ncols, x)
    edges = ET.SubElement(graph, f"{x}edges")
    if dynamic:
        _dynamic_edges(edges, net.edges, ecols, x)
    else:
        for i, rec in enumerate(net.edges.to_dict("records")):
            edge = ET.SubElement(edges, f"{x}edge", {"id": str(i), "source": xml_text(rec["source"]),
                                                     "target": xml_text(rec["target"]),
                                                     "weight": repr(float(rec["weight"]))})
            _attvalues(edge, rec, ecols, x)
    return _tostring(root)


def _attvalues(parent: ET.Element, rec: dict, cols, x: str) -> None:
    values = [(name, _value(rec.get(name), kind)) for name, kind in cols]
    values = [(n, v) for n, v in values if v is not None]
    if values:
        box = ET.SubElement(parent, f"{x}attvalues")
        for name, v in values:
            ET.SubElement(box, f"{x}attvalue", {"for": name, "value": v})


def _dynamic_edges(parent: ET.Element, edges: pd.DataFrame, ecols, x: str) -> None:
    day = lambda t: pd.Timestamp(t).date().isoformat()  # noqa: E731
    for i, ((s, t), rows) in enumerate(edges.groupby(["source", "target"], sort=True)):
        edge = ET.SubElement(parent, f"{x}edge", {"id": str(i), "source": xml_text(s), "target": xml_text(t),
                                                  "weight": repr(float(rows["weight"].abs().max()))})
        box = ET.SubElement(edge, f"{x}attvalues")
        for rec in rows.to_dict("records"):
            ET.SubElement(box, f"{x}attvalue", {"for": "weight", "value": repr(float(rec["weight"])),
                                                "start": day(rec["window_start"]), "end": day(rec["window_end"])})
        spells = ET.SubElement(edge, f"{x}spells")
        for rec in rows.to_dict("records"):
            ET.SubElement(spells, f"{x}spell", {"start": day(rec["window_start"]), "end": day(rec["window_end"])})


def _unique_labels(nodes: pd.DataFrame) -> list[str]:
    """Labels with the id added in brackets where two nodes share one, control characters as pictures."""
    labels = [xml_text(v) for v in nodes["label"]]
    shared = {lb for lb, n in Counter(labels).items() if n > 1}
    return [f"{lb} [{i}]" if lb in shared else lb for lb, i in zip(labels, nodes["id"])]


def pajek_text(net: Network, *, two_mode_header: bool = False) -> str:
    """``net`` as a Pajek ``.net`` file: ``*Vertices n`` (a two-mode network lists its actors first;
    ``two_mode_header`` writes Pajek's ``*Vertices n n_actors``, which networkx cannot read),
    quoted labels (``"`` inside a label becomes ``'``: Pajek has no escape), ``*Edges`` with weights
    (``*Arcs`` for a directed network).

    >>> from analysis.networks import one_mode
    >>> net = one_mode(pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, 1]}))
    >>> pajek_text(net).splitlines()
    ['*Vertices 2', '1 "A"', '2 "B"', '*Edges', '1 2 1']
    """
    nodes = net.nodes
    if net.meta.get("type") == "two-mode":
        nodes = nodes.sort_values("kind", key=lambda k: k.ne("actor"), kind="stable")
    labels = _unique_labels(nodes)
    index = {node_id: i + 1 for i, node_id in enumerate(nodes["id"])}
    n_actors = int((nodes["kind"] == "actor").sum())
    head = f"*Vertices {len(nodes)}" + (f" {n_actors}" if two_mode_header and net.meta.get("type") == "two-mode" else "")
    lines = [head] + [f'{index[i]} "{lb.replace(chr(34), chr(39))}"' for i, lb in zip(nodes["id"], labels)]
    lines.append("*Arcs" if _directed(net) else "*Edges")
    lines += [f"{index[s]} {index[t]} {float(w):g}" for s, t, w in
              net.edges[["source", "target", "weight"]].itertuples(index=False)]
    return "\r\n".join(lines) + "\r\n"


def dl_text(net: Network, *, dl_format: str = "fullmatrix") -> str:
    """``net`` as a UCINET DL file, labels quoted. ``fullmatrix`` (as DNA writes): square for a
    one-mode network (``dl n=…``), actors × concepts for a two-mode one (``dl nr=… nc=…``);
    ``edgelist1``: one ``i j weight`` line per edge (one-mode and two-mode alike, nodes numbered
    from 1 in the order of the labels). A directed network's matrix is not mirrored (row: source).

    >>> from analysis.networks import one_mode
    >>> net = one_mode(pd.DataFrame({"actor": ["A", "B"], "concept": ["x", "x"], "agreement": [1, 1]}))
    >>> dl_text(net).splitlines()
    ['dl n=2', 'format = fullmatrix', 'labels:', '"A"', '"B"', 'data:', '0 1', '1 0']
    """
    if dl_format not in ("fullmatrix", "edgelist1"):
        raise InputError(f"dl_format: expected 'fullmatrix' or 'edgelist1', got {dl_format!r}")
    quote = lambda s: '"' + s.replace('"', "'") + '"'  # noqa: E731
    two = net.meta.get("type") == "two-mode" and dl_format == "fullmatrix"
    if two:
        rows = net.nodes[net.nodes["kind"] == "actor"]
        cols = net.nodes[net.nodes["kind"] != "actor"]
        head = [f"dl nr={len(rows)} nc={len(cols)}", "format = fullmatrix", "row labels:",
                *map(quote, _unique_labels(rows)), "column labels:", *map(quote, _unique_labels(cols))]
    else:
        rows = cols = net.nodes
        head = [f"dl n={len(rows)}", f"format = {dl_format}", "labels:", *map(quote, _unique_labels(rows))]
    r = {i: k for k, i in enumerate(rows["id"])}
    c = {i: k for k, i in enumerate(cols["id"])}
    triples = [(r[s], c[t], w) for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False)]
    if dl_format == "edgelist1":
        body = [f"{i + 1} {j + 1} {float(w):g}" for i, j, w in triples]
    else:
        m = np.zeros((len(rows), len(cols)))
        for i, j, w in triples:
            m[i, j] = w
            if not two and not _directed(net):
                m[j, i] = w
        body = [" ".join(f"{v:g}" for v in row) for row in m]
    return "\n".join(head + ["data:"] + body) + "\n"


def _csv_tables(net: Network) -> tuple[pd.DataFrame, pd.DataFrame]:
    nodes = net.nodes.rename(columns={"id": "Id", "label": "Label"})
    edges = net.edges.rename(columns={"source": "Source", "target": "Target", "weight": "Weight"})
    edges.insert(2, "Type", "Directed" if _directed(net) else "Undirected")
    return nodes, edges


def write_network(net: Network, path: str | Path, *, flavour: str = "gephi", dl_format: str = "fullmatrix") -> Path:
    """Write ``net`` to ``path`` in the format of its suffix (``.graphml``, ``.gexf``, ``.net``,
    ``.dl``, ``.csv``); a moving-window network only to ``.gexf`` or ``.csv``. ``flavour`` is the
    GraphML flavour (gephi, visone), ``dl_format`` the DL layout (fullmatrix, edgelist1)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in NETWORK_SUFFIXES:
        raise InputError(f"{path}: a network file must end in {', '.join(NETWORK_SUFFIXES)}")
    if "window_start" in net.edges.columns and suffix not in (".gexf", ".csv"):
        raise InputError(f"{path}: a moving-window network is written as .gexf (time intervals) or .csv")
    if suffix == ".csv":
        nodes, edges = _csv_tables(net)
        with atomic_path(path.with_name(path.stem + ".nodes.csv")) as tmp:
            nodes.to_csv(tmp, index=False)
        with atomic_path(path) as tmp:
            edges.to_csv(tmp, index=False)
        return path
    data = {".graphml": lambda: graphml_bytes(net, flavour=flavour), ".gexf": lambda: gexf_bytes(net),
            ".net": lambda: pajek_text(net).encode("utf-8"), ".dl": lambda: dl_text(net, dl_format=dl_format).encode("utf-8")}[suffix]()
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path


DNA_COLUMNS = ["statement ID", "time", "document ID", "document title", "author", "source", "section", "type", "text",
               "person", "organization", "concept", "agreement"]


def dna_statements(statements: pd.DataFrame, *, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The statements in the columns of DNA's statement export (``statement ID``, ``time``,
    ``document ID``, ``document title``, …, ``person``, ``organization``, ``concept``,
    ``agreement``): the actor as person, the affiliation as organization, agreement as DNA's
    boolean (1 for, 0 against; empty for a neutral statement), and our ``actor_id``,
    ``quote_id``, ``start``, ``stop`` and ``agreement_value`` (−1, 0, +1) after them.

    >>> st = pd.DataFrame({"article_id": ["d1", "d1"], "actor": ["Kim", "Putin"], "concept": ["Sanktionen"] * 2,
    ...                    "agreement": [1, -1], "span": [[0, 9], [10, 20]]})
    >>> dna_statements(st)[["statement ID", "person", "concept", "agreement", "start"]].values.tolist()
    [[1, 'Kim', 'Sanktionen', '1', 0], [2, 'Putin', 'Sanktionen', '0', 10]]
    """
    require_columns(statements, ["article_id", "actor", "concept", "agreement"], table="statements")
    titles = dict(zip(articles["article_id"], articles["title"])) if articles is not None and "title" in articles else {}
    sources = dict(zip(articles["article_id"], articles["source"])) if articles is not None and "source" in articles else {}
    st = statements.reset_index(drop=True)
    time = pd.to_datetime(st["date"], errors="coerce") if "date" in st.columns else pd.Series(pd.NaT, index=st.index)
    spans = st["span"] if "span" in st.columns else pd.Series([[None, None]] * len(st))
    return pd.DataFrame({
        "statement ID": range(1, len(st) + 1), "time": time.dt.strftime("%Y-%m-%d %H:%M:%S").fillna(""),
        "document ID": st["article_id"], "document title": [titles.get(a, "") for a in st["article_id"]],
        "author": "", "source": [sources.get(a, "") for a in st["article_id"]], "section": "", "type": "",
        "text": st["text"] if "text" in st else "", "person": st["actor"],
        "organization": st["affiliation"].fillna("") if "affiliation" in st else "", "concept": st["concept"],
        "agreement": [{1: "1", -1: "0"}.get(int(a), "") for a in st["agreement"]],
        "actor_id": st.get("actor_id"), "quote_id": st.get("quote_id"),
        "start": [s[0] for s in spans], "stop": [s[1] for s in spans], "agreement_value": st["agreement"]})


def write_dna_statements(statements: pd.DataFrame, path: str | Path, *, articles: pd.DataFrame | None = None) -> Path:
    """Write :func:`dna_statements` to ``path`` as DNA writes it: semicolons, every text quoted, UTF-8."""
    with atomic_path(path) as tmp:
        dna_statements(statements, articles=articles).to_csv(tmp, sep=";", index=False, quoting=csv.QUOTE_NONNUMERIC)
    return Path(path)
