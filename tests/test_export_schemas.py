"""GraphML and GEXF exports validated against the published XML schemas (GraphML 1.0, GEXF).

The schemas are not ours to ship: ``python benchmarks/fetch_schemas.py`` fetches them (checked
by SHA-256) into ``~/.cache/analysis/xsd`` or ``ANALYSIS_XSD``; the tests skip without them.
"""
import os
from pathlib import Path

import pandas as pd
import pytest

from analysis.network_exports import GEXF_NS, YFILES_NS, gexf_bytes, graphml_bytes
from analysis.networks import discourse_network, windowed
from analysis.relation_network import relations_network
from analysis.statements import statements_from_articles

etree = pytest.importorskip("lxml.etree")
XSD = Path(os.environ.get("ANALYSIS_XSD") or Path.home() / ".cache" / "analysis" / "xsd")
pytestmark = pytest.mark.skipif(not (XSD / "graphml.xsd").exists() or not (XSD / "gexf.xsd").exists(),
                                reason=f"no schemas in {XSD} (python benchmarks/fetch_schemas.py)")
GEXF_12 = "http://www.gexf.net/1.2draft"

HOSTILE = pd.DataFrame({  # names XML and XML ids cannot hold as they are; two actors named alike
    "article_id": ["d1", "d1", "d2", "d2", "d3", "d3", "d3"],
    "actor_id": ["m-1", "s_1", "s-2", "m-1", "s_1", "s-2", "p/1"],
    "actor": ['Müller <&> "Söhne"\x01', "Schmidt", "Schmidt", 'Müller <&> "Söhne"\x01', "Schmidt", "Schmidt",
              "Путин 🕊"],
    "affiliation": ["CDU", None, "SPD", "CDU", None, "SPD", None],
    "concept": ["Sanktionen & <Embargo>", "Sanktionen & <Embargo>", "Neuauflage der Gespräche", "Abrüstung",
                "Abrüstung", "Neuauflage der Gespräche", "Sanktionen & <Embargo>"],
    "agreement": [1, -1, 1, 1, 1, -1, -1],
    "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-05", "2024-01-09", "2024-01-09",
                            "2024-01-09"]),
})
TYPES = ["two-mode", "congruence", "conflict", "subtract", "concepts"]


@pytest.fixture(scope="module")
def schemas():
    return {name: etree.XMLSchema(etree.parse(str(XSD / f"{name}.xsd"))) for name in ("graphml", "gexf")}


@pytest.fixture(scope="module")
def networks(sample_articles):
    statements, _ = statements_from_articles(sample_articles)
    nets = {f"{source} {kind}": discourse_network(st, type=kind)
            for source, st in (("sample", statements), ("hostile", HOSTILE)) for kind in TYPES}
    nets["hostile window"] = windowed(HOSTILE, window="5D", type="conflict")
    nets["relations"] = relations_network(pd.DataFrame({
        "source": ["Russland", "Путин 🕊"], "source_actor_id": ["ru", "p/1"], "target": ["Iran", "Iran"],
        "target_actor_id": ["ir", "ir"], "goldstein": [1.0, -4.0], "polarity": [0.1, -0.3]}))
    assert len(nets["sample two-mode"].edges) > 0
    return nets


def _errors(schema, doc) -> list[str]:
    return [] if schema.validate(doc) else [e.message for e in schema.error_log][:3]


def _without_yfiles(doc):
    """The document with yWorks' extension removed (``yfiles.type`` keys, ``y:`` elements): that
    extension validates only against yWorks' own schema, which builds on GraphML's."""
    for key in [k for k in doc.iter("{*}key") if k.get("yfiles.type")]:
        key.getparent().remove(key)
    for el in list(doc.iter(f"{{{YFILES_NS}}}*")):
        data = el.getparent()
        if data is not None and not data.tag.startswith(f"{{{YFILES_NS}}}"):
            data.getparent().remove(data)
    return doc


def test_graphml_validates_against_graphml_1_0(schemas, networks):
    for name, net in networks.items():
        assert _errors(schemas["graphml"], etree.fromstring(graphml_bytes(net))) == [], name


def test_visone_graphml_validates_once_the_yfiles_extension_is_set_aside(schemas, networks):
    for name, net in networks.items():
        doc = etree.fromstring(graphml_bytes(net, flavour="visone"))
        assert doc.find(f".//{{{YFILES_NS}}}ShapeNode") is not None
        assert _errors(schemas["graphml"], _without_yfiles(doc)) == [], name


def test_gexf_validates_against_the_gexf_schema(schemas, networks):
    """GEXF 1.3 has no published schema offline; the 1.2draft schema, under the 1.3 namespace,
    checks the elements, attributes and their order that both versions share."""
    for name, net in networks.items():
        raw = gexf_bytes(net).replace(GEXF_NS.encode(), GEXF_12.encode()).replace(b'version="1.3"', b'version="1.2"')
        assert _errors(schemas["gexf"], etree.fromstring(raw)) == [], name
