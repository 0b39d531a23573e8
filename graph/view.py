"""The interactive HTML viewer: one self-contained file, built with pyvis + networkx.

vis-network's JS and CSS are read from the installed pyvis package and inlined,
so the page works from file:// with the network off. Document text reaches the
page only as JSON inside a script block with <, > and & escaped, and the page
puts it into the DOM with textContent, so markup in a name or sentence is shown
as text and never runs.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network

from conflictkg.graph.network import to_networkx
from conflictkg.graph.store import GraphStore

__all__ = ["write_html", "KIND_STYLE"]

# colour and shape per class: actors are dots, places triangles, events diamonds, claims boxes
KIND_STYLE = {
    "Person": ("#e6550d", "dot"), "State": ("#3182bd", "dot"), "ArmedGroup": ("#d62728", "dot"),
    "MilitaryForce": ("#8c564b", "dot"), "GovernmentBody": ("#6baed6", "dot"), "Organization": ("#17becf", "dot"),
    "Coalition": ("#9467bd", "dot"), "Group": ("#bcbd22", "dot"), "Actor": ("#7f7f7f", "dot"),
    "Country": ("#2ca02c", "triangle"), "Region": ("#74c476", "triangle"), "Settlement": ("#31a354", "triangle"),
    "Site": ("#a1d99b", "triangle"), "Claim": ("#fdd0a2", "box"), "Document": ("#cccccc", "box"),
}
_EVENT_STYLE = ("#ff7f0e", "diamond")

_PROVENANCE = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?n ?text ?title ?evidence WHERE {
  ?n prov:wasDerivedFrom ?s . ?s ck:text ?text ; ck:inDocument ?d .
  OPTIONAL { ?d dcterms:title ?title }
  OPTIONAL { ?n rdfs:label ?evidence }
}"""


def _safe_json(data: object) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return (json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), \
        (lib / "vis-network.css").read_text(encoding="utf-8")


def _keep_most_connected(g: nx.MultiDiGraph, max_nodes: int) -> tuple[nx.MultiDiGraph, int]:
    if g.number_of_nodes() <= max_nodes:
        return g, 0
    keep = sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:max_nodes]
    return g.subgraph(keep).copy(), g.number_of_nodes() - max_nodes


def write_html(store: GraphStore, path: str | Path, *, lang: str = "en", max_nodes: int = 3000) -> int:
    """Write the viewer to `path`; returns its size in bytes."""
    g, dropped = _keep_most_connected(to_networkx(store, lang), max_nodes)
    provenance = {str(r.n): {"sentence": str(r.text), "doc_title": str(r.title or ""),
                             "evidence": str(r.evidence or "")} for r in store.query(_PROVENANCE)}
    net = Network(directed=True, cdn_resources="remote")  # only used to assemble nodes and edges
    for n, attrs in g.nodes(data=True):
        kind = attrs["kind"]
        colour, shape = KIND_STYLE.get(kind, _EVENT_STYLE)
        net.add_node(n, label=attrs["label"], color=colour, shape=shape, title=f"{kind}: {attrs['label']}",
                     kind=kind, label_en=attrs["label_en"], label_ar=attrs["label_ar"], **provenance.get(n, {}))
    for s, o, attrs in g.edges(data=True):
        net.add_edge(s, o, label=attrs["label"], arrows="to")
    js, css = _vis_assets()
    template = resources.files("conflictkg.graph").joinpath("assets/viewer.html").read_text(encoding="utf-8")
    legend = {k: {"color": c, "shape": s} for k, (c, s) in KIND_STYLE.items()} | {
        "Event": {"color": _EVENT_STYLE[0], "shape": _EVENT_STYLE[1]}}
    page = (template.replace("/*VIS_CSS*/", css).replace("/*VIS_JS*/", js)
            .replace("/*DATA*/", _safe_json({"nodes": net.nodes, "edges": net.edges, "lang": lang,
                                              "dropped": dropped, "legend": legend})))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return len(page.encode("utf-8"))
