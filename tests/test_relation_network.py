"""The actor -> actor relations network: counts and means against a hand calculation, every export
re-read as a directed graph with networkx and igraph, the network command."""
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest
from conftest import SAMPLE

from analysis.cli import main
from analysis.errors import InputError
from analysis.network_exports import write_network, xml_text
from analysis.relation_network import relations_network

igraph = pytest.importorskip("igraph")

NASTY = 'Müller <&> "Söhne" \'n\x01 Co'
RELATIONS = pd.DataFrame({
    "source": ["Russland", "Russland", "Russland", "Iran", "Schmidt", "Schmidt", None, NASTY],
    "source_actor_id": ["ru", "ru", "ru", "ir", "s-1", "s-2", None, "m-1"],
    "target": ["Iran", "Iran", "Iran", "Russland", "Iran", "Iran", "Iran", "Schmidt"],
    "target_actor_id": ["ir", "ir", "ir", "ru", "ir", "ir", "ir", "s-1"],
    "goldstein": [1.0, -4.0, 3.0, 2.0, -5.0, 6.0, 9.0, 0.5],
    "polarity": [0.1, -0.3, 0.2, 0.0, -0.5, 0.4, 0.0, 0.1],
})


def test_edges_count_events_and_average_goldstein_per_ordered_pair():
    net = relations_network(RELATIONS)
    e = net.edges.set_index(["source", "target"])
    # by hand: ru -> ir 3 events (1, -4, 3): mean 0, one conflict, two cooperation; ir -> ru one event (2)
    assert e.loc[("ru", "ir"), ["weight", "goldstein", "n_cooperation", "n_conflict"]].tolist() == [3, 0, 2, 1]
    assert e.loc[("ru", "ir"), "share_conflict"] == pytest.approx(1 / 3)
    assert e.loc[("ru", "ir"), "polarity"] == pytest.approx(0.0)
    assert e.loc[("ir", "ru"), ["weight", "goldstein"]].tolist() == [1, 2.0]
    # two actors named Schmidt stay apart by their ids; the event without a source is left out
    assert e.loc[("s-1", "ir"), "goldstein"] == -5.0 and e.loc[("s-2", "ir"), "goldstein"] == 6.0
    assert len(net.edges) == 5 and net.edges["weight"].sum() == len(RELATIONS) - 1
    n = net.nodes.set_index("id")
    assert n.loc["ru", ["n_sent", "n_received", "n_events"]].tolist() == [3, 1, 4]
    assert n.loc["ir", ["n_sent", "n_received"]].tolist() == [1, 5]
    assert n.loc["ru", "goldstein_sent"] == pytest.approx(0.0) and n.loc["s-2", "label"] == "Schmidt"
    assert net.meta["directed"] and net.graph().is_directed()


def test_min_events_and_no_relations():
    assert relations_network(RELATIONS, min_events=2).edges[["source", "target"]].values.tolist() == [["ru", "ir"]]
    empty = relations_network(RELATIONS.iloc[0:0])
    assert empty.nodes.empty and empty.edges.empty
    without_ids = relations_network(RELATIONS.drop(columns=["source_actor_id", "target_actor_id", "polarity"]))
    assert ("Russland", "Iran") in set(zip(without_ids.edges["source"], without_ids.edges["target"]))
    with pytest.raises(InputError, match="goldstein"):
        relations_network(RELATIONS.drop(columns="goldstein"))


@pytest.fixture(scope="module")
def net():
    return relations_network(RELATIONS)


def _label(node_id, net):
    return xml_text(net.nodes.set_index("id").loc[node_id, "label"])


@pytest.mark.parametrize("flavour", ["gephi", "visone"])
def test_graphml_reads_back_directed(tmp_path, net, flavour):
    path = write_network(net, tmp_path / "r.graphml", flavour=flavour)
    g = nx.read_graphml(path)
    assert g.is_directed() and (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    for s, t, w, gs in net.edges[["source", "target", "weight", "goldstein"]].itertuples(index=False):
        assert g.edges[s, t]["weight"] == pytest.approx(w) and g.edges[s, t]["goldstein"] == pytest.approx(gs)
    assert {g.nodes[i]["label"] for i in net.nodes["id"]} == {_label(i, net) for i in net.nodes["id"]}
    root = ET.parse(path).getroot()
    assert root.find("{http://graphml.graphdrawing.org/xmlns}graph").get("edgedefault") == "directed"
    ig = igraph.Graph.Read_GraphML(str(path))
    assert ig.is_directed() and (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))


def test_gexf_reads_back_directed(tmp_path, net):
    g = nx.read_gexf(write_network(net, tmp_path / "r.gexf"), version="1.3")
    assert g.is_directed() and (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    for s, t, w, k in net.edges[["source", "target", "weight", "n_conflict"]].itertuples(index=False):
        assert g.edges[s, t]["weight"] == pytest.approx(w) and g.edges[s, t]["n_conflict"] == k


def test_pajek_writes_arcs_that_read_back(tmp_path, net):
    path = write_network(net, tmp_path / "r.net")
    assert "*Arcs" in path.read_text(encoding="utf-8").splitlines()
    g = nx.read_pajek(path)
    assert g.is_directed() and (g.number_of_nodes(), g.number_of_edges()) == (len(net.nodes), len(net.edges))
    assert {"Schmidt [s-1]", "Schmidt [s-2]"} <= set(g.nodes)
    ig = igraph.Graph.Read_Pajek(str(path))
    assert ig.is_directed() and (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))
    assert sorted(ig.es["weight"]) == pytest.approx(sorted(net.edges["weight"]))


def test_ucinet_dl_is_not_mirrored(tmp_path, net):
    ig = igraph.Graph.Read_DL(str(write_network(net, tmp_path / "e.dl", dl_format="edgelist1")), True)
    assert (ig.vcount(), ig.ecount()) == (len(net.nodes), len(net.edges))
    assert sorted(ig.es["weight"]) == pytest.approx(sorted(net.edges["weight"]))
    lines = write_network(net, tmp_path / "m.dl").read_text(encoding="utf-8").splitlines()
    rows = [[float(v) for v in ln.split()] for ln in lines[lines.index("data:") + 1:]]
    index = {i: k for k, i in enumerate(net.nodes["id"])}
    for s, t, w in net.edges[["source", "target", "weight"]].itertuples(index=False):
        assert rows[index[s]][index[t]] == w  # row: source, column: target
    assert sum(v != 0 for r in rows for v in r) == len(net.edges)
    assert rows[index["ru"]][index["ir"]] == 3 and rows[index["ir"]][index["ru"]] == 1


def test_csv_lists_are_directed(tmp_path, net):
    write_network(net, tmp_path / "r.csv")
    edges, nodes = pd.read_csv(tmp_path / "r.csv"), pd.read_csv(tmp_path / "r.nodes.csv")
    assert set(edges["Type"]) == {"Directed"} and len(edges) == len(net.edges) and len(nodes) == len(net.nodes)
    g = nx.from_pandas_edgelist(edges, "Source", "Target", "Weight", create_using=nx.DiGraph)
    assert g.number_of_edges() == len(net.edges)


def test_network_command_writes_the_relations_network(tmp_path, capsys):
    rel = tmp_path / "rel.csv"
    assert main(["relations", str(SAMPLE), "--out", str(rel)]) == 0
    table = pd.read_csv(rel)
    out = tmp_path / "r.graphml"
    assert main(["network", str(rel), "--from-relations", "--type", "relations", "--out", str(out)]) == 0
    g = nx.read_graphml(out)
    dyads = table.dropna(subset=["source", "target"])
    assert len(dyads) > 0 and g.is_directed() and sum(d["weight"] for *_, d in g.edges(data=True)) == len(dyads)
    assert "relations network" in capsys.readouterr().out
    direct = tmp_path / "d.net"
    assert main(["network", str(SAMPLE), "--type", "relations", "--out", str(direct)]) == 0
    assert nx.read_pajek(direct).number_of_edges() == g.number_of_edges()


@pytest.mark.parametrize("argv, message", [
    (["--type", "relations", "--window", "30D"], "--window applies to the discourse networks"),
    (["--type", "relations", "--normalization", "average"], "--normalization applies"),
    (["--type", "relations", "--min-confidence", "0.6"], "--min-confidence applies to the discourse networks"),
    (["--type", "relations", "--exclude-neutral"], "--exclude-neutral applies to the discourse networks"),
    (["--type", "congruence", "--from-relations"], "--from-relations applies to --type relations"),
])
def test_relations_options_that_do_not_apply_are_errors(tmp_path, capsys, argv, message):
    code = main(["network", str(SAMPLE), *argv, "--out", str(tmp_path / "r.gexf")])
    assert code != 0 and message in capsys.readouterr().err
