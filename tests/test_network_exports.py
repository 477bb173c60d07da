"""Network files re-read with networkx and igraph; XML well-formed and shaped as the schemas require."""
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from analysis.errors import InputError
from analysis.network_exports import (
    dna_statements,
    graphml_id,
    pajek_text,
    write_dna_statements,
    write_network,
    xml_text,
)
from analysis.networks import discourse_network, windowed

igraph = pytest.importorskip("igraph")

NASTY = 'Müller <&> "Söhne" \'n\x01 Co'
STATEMENTS = pd.DataFrame({
    "article_id": ["d1", "d1", "d2", "d2", "d3", "d3"],
    "quote_id": ["d1-q0", "d1-q1", "d2-q0", "d2-q1", "d3-q0", "d3-q1"],
    "actor_id": ["m-1", "s-1", "s-2", "m-1", "s-1", "s-2"],
    "actor": [NASTY, "Schmidt", "Schmidt", NASTY, "Schmidt", "Schmidt"],
    "affiliation": ["CDU", None, "SPD", "CDU", None, "SPD"],
    "concept": ["Sanktionen & <Embargo>", "Sanktionen & <Embargo>", "Sanktionen & <Embargo>", "Abrüstung",
                "Abrüstung", "Abrüstung"],
    "agreement": [1, -1, 1, 1, 1, -1],
    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-05", "2024-01-09", "2024-01-09"]),
    "text": ["a", "b", "c", "d", "e", "f"], "span": [[0, 1]] * 6,
})
TYPES = ["two-mode", "congruence", "conflict", "subtract", "concepts"]


def _label(node_id, net):
    return xml_text(net.nodes.set_index("id").loc[node_id, "label"])


@pytest.mark.parametrize("kind", TYPES)
@pytest.mark.parametrize("flavour", ["gephi", "visone"])
def test_graphml_reads_back_with_networkx_and_igraph(tmp_path, kind, flavour):
    net = discourse_network(STATEMENTS, type=kind)
    path = write_network(net, tmp_path / "n.graphml", flavour=flavour)
    g = nx.read_graphml(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    for node_id in net.nodes["id"]:
        assert g.nodes[graphml_id(node_id)]["label"] == _label(node_id, net)
        assert g.nodes[graphml_id(node_id)]["n_statements"] == net.nodes.set_index("id").loc[node_id, "n_statements"]
    for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False):
        assert g.edges[graphml_id(s), graphml_id(t)]["weight"] == pytest.approx(w)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))
    assert sorted(ig.vs["label"]) == sorted(_label(i, net) for i in net.nodes["id"])


def test_graphml_structure_follows_the_schema(tmp_path):
    net = discourse_network(STATEMENTS, type="two-mode")
    root = ET.parse(write_network(net, tmp_path / "n.graphml", flavour="visone")).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert root.tag == f"{ns}graphml"
    children = [c.tag for c in root]
    assert children[-1] == f"{ns}graph" and set(children[:-1]) == {f"{ns}key"}  # keys precede the graph
    keys = {k.get("id") for k in root.iter(f"{ns}key")}
    graph = root.find(f"{ns}graph")
    assert graph.get("edgedefault") == "undirected"
    ids = {n.get("id") for n in graph.iter(f"{ns}node")}
    assert all(d.get("key") in keys for d in graph.iter(f"{ns}data"))
    assert all(e.get("source") in ids and e.get("target") in ids for e in graph.iter(f"{ns}edge"))
    labels = [x.text for x in root.iter("{http://www.yworks.com/xml/graphml}NodeLabel")]
    assert xml_text(NASTY) in labels


def test_names_that_break_xml_survive(tmp_path):
    net = discourse_network(STATEMENTS, type="two-mode")
    for suffix in (".graphml", ".gexf"):
        path = write_network(net, tmp_path / f"n{suffix}")
        raw = path.read_text(encoding="utf-8")
        assert "\x01" not in raw and "&lt;&amp;&gt;" in raw
        ET.parse(path)  # well-formed
    g = nx.read_gexf(tmp_path / "n.gexf", version="1.3")
    assert 'Müller <&> "Söhne" \'n\u2401 Co' in {d["label"] for _, d in g.nodes(data=True)}


@pytest.mark.parametrize("kind", TYPES)
def test_gexf_reads_back(tmp_path, kind):
    net = discourse_network(STATEMENTS, type=kind)
    path = write_network(net, tmp_path / "n.gexf")
    g = nx.read_gexf(path, version="1.3")
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    for node_id in net.nodes["id"]:
        assert g.nodes[node_id]["label"] == _label(node_id, net)
        assert g.nodes[node_id]["kind"] == net.nodes.set_index("id").loc[node_id, "kind"]
    for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False):
        assert g.edges[s, t]["weight"] == pytest.approx(w)


def test_gexf_structure_and_time_intervals(tmp_path):
    net = windowed(STATEMENTS, window="5D", type="conflict")
    assert len(net.edges) > 0
    root = ET.parse(write_network(net, tmp_path / "w.gexf")).getroot()
    x = "{http://gexf.net/1.3}"
    assert root.tag == f"{x}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{x}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    order = [c.tag for c in graph]
    assert order.index(f"{x}attributes") < order.index(f"{x}nodes") < order.index(f"{x}edges")
    declared = {a.get("id") for a in graph.iter(f"{x}attribute")}
    assert all(v.get("for") in declared for v in graph.iter(f"{x}attvalue"))
    spells = [(s.get("start"), s.get("end")) for s in graph.iter(f"{x}spell")]
    assert len(spells) == len(net.edges)
    assert all(a <= b for a, b in spells)
    g = nx.read_gexf(tmp_path / "w.gexf", version="1.3")
    assert g.number_of_edges() == net.edges[["source", "target"]].drop_duplicates().shape[0]
    assert g.graph["mode"] == "dynamic"


@pytest.mark.parametrize("kind", TYPES)
def test_pajek_round_trips(tmp_path, kind):
    net = discourse_network(STATEMENTS, type=kind)
    path = write_network(net, tmp_path / "n.net")
    g = nx.read_pajek(path)
    assert (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    ig = igraph.Graph.Read_Pajek(str(path))
    assert (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))
    assert sorted(ig.es["weight"]) == pytest.approx(sorted(net.edges["weight"]))
    labels = {n for n in g.nodes}
    if kind != "concepts":  # the two Schmidts keep their ids
        assert {"Schmidt [s-1]", "Schmidt [s-2]"} <= labels
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"*Vertices {len(net.nodes)}"
    if kind == "two-mode":  # actors first; Pajek's own two-mode header on request
        actors = {ln.split(" ", 1)[1].strip('"') for ln in lines[1:4]}
        assert actors == {xml_text(NASTY).replace('"', "'"), "Schmidt [s-1]", "Schmidt [s-2]"}
        assert pajek_text(net, two_mode_header=True).splitlines()[0] == f"*Vertices {len(net.nodes)} 3"


@pytest.mark.parametrize("kind", TYPES)
def test_ucinet_dl_edgelist_reads_with_igraph(tmp_path, kind):
    # igraph's DL reader takes weighted edge lists (its full-matrix reader only 0/1 cells) and splits
    # labels at spaces, so counts and weights are compared here, labels in the full-matrix test below
    net = discourse_network(STATEMENTS, type=kind)
    path = write_network(net, tmp_path / "n.dl", dl_format="edgelist1")
    ig = igraph.Graph.Read_DL(str(path), False)
    assert (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))
    assert sorted(ig.es["weight"]) == pytest.approx(sorted(net.edges["weight"]))


def _read_fullmatrix(text: str):
    """An independent reader of a square full-matrix DL file: labels and the matrix."""
    lines = text.splitlines()
    n = int(lines[0].split("=")[1])
    labels = [ln.strip('"') for ln in lines[lines.index("labels:") + 1:lines.index("data:")]]
    rows = [[float(v) for v in ln.split()] for ln in lines[lines.index("data:") + 1:]]
    assert len(labels) == n and len(rows) == n and all(len(r) == n for r in rows)
    return labels, rows


@pytest.mark.parametrize("kind", ["congruence", "conflict", "subtract", "concepts"])
def test_ucinet_dl_fullmatrix(tmp_path, kind):
    net = discourse_network(STATEMENTS, type=kind)
    labels, m = _read_fullmatrix(write_network(net, tmp_path / "n.dl").read_text(encoding="utf-8"))
    assert all(m[i][j] == m[j][i] for i in range(len(m)) for j in range(len(m)))
    index = dict(zip(net.nodes["id"], range(len(labels))))
    for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False):
        assert m[index[s]][index[t]] == pytest.approx(w)
    assert sum(v != 0 for r in m for v in r) == 2 * len(net.edges)
    if kind != "concepts":
        assert {"Schmidt [s-1]", "Schmidt [s-2]"} <= set(labels)


def test_ucinet_dl_two_mode_is_a_rectangle(tmp_path):
    net = discourse_network(STATEMENTS, type="two-mode")
    lines = write_network(net, tmp_path / "n.dl").read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["dl nr=3 nc=2", "format = fullmatrix"]
    assert lines[lines.index("column labels:") + 1:lines.index("data:")] == ['"Abrüstung"', '"Sanktionen & <Embargo>"']
    data = lines[lines.index("data:") + 1:]
    assert len(data) == 3 and all(len(r.split()) == 2 for r in data)
    assert sum(float(v) != 0 for r in data for v in r.split()) == len(net.edges)


def test_csv_edge_and_node_lists(tmp_path):
    net = discourse_network(STATEMENTS, type="congruence")
    write_network(net, tmp_path / "n.csv")
    edges = pd.read_csv(tmp_path / "n.csv")
    nodes = pd.read_csv(tmp_path / "n.nodes.csv")
    assert list(edges.columns[:4]) == ["Source", "Target", "Type", "Weight"] and len(edges) == len(net.edges)
    assert list(nodes.columns[:2]) == ["Id", "Label"] and len(nodes) == len(net.nodes)
    g = nx.from_pandas_edgelist(edges, "Source", "Target", "Weight")
    assert g.number_of_edges() == len(net.edges)


def test_dna_statement_csv(tmp_path):
    path = write_dna_statements(STATEMENTS, tmp_path / "s.csv")
    back = pd.read_csv(path, sep=";", keep_default_na=False)
    assert list(back.columns[:13]) == ["statement ID", "time", "document ID", "document title", "author", "source",
                                       "section", "type", "text", "person", "organization", "concept", "agreement"]
    assert len(back) == len(STATEMENTS)
    assert back["agreement"].astype(str).tolist() == ["1", "0", "1", "1", "1", "0"]
    assert back["person"].iloc[0] == NASTY and back["actor_id"].tolist() == STATEMENTS["actor_id"].tolist()
    neutral = dna_statements(STATEMENTS.assign(agreement=0))
    assert set(neutral["agreement"]) == {""} and set(neutral["agreement_value"]) == {0}


def test_empty_networks_write_every_format(tmp_path):
    empty = STATEMENTS.iloc[0:0]
    for kind in TYPES:
        net = discourse_network(empty, type=kind)
        for suffix in (".graphml", ".gexf", ".net", ".dl", ".csv"):
            path = write_network(net, tmp_path / f"{kind}{suffix}")
            assert path.exists()
        assert nx.read_graphml(tmp_path / f"{kind}.graphml").number_of_nodes() == 0
        assert nx.read_gexf(tmp_path / f"{kind}.gexf", version="1.3").number_of_nodes() == 0


def test_bad_targets_are_input_errors(tmp_path):
    net = discourse_network(STATEMENTS, type="congruence")
    with pytest.raises(InputError, match="must end in"):
        write_network(net, tmp_path / "n.txt")
    with pytest.raises(InputError, match="moving-window"):
        write_network(windowed(STATEMENTS, window="5D"), tmp_path / "n.net")
    with pytest.raises(InputError, match="flavour"):
        write_network(net, tmp_path / "n.graphml", flavour="yed")
