"""The graph as networkx: nodes are entities, events, claims and documents; edges are roles and relations."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import RDF, RDFS, Literal, URIRef

from conflictkg.graph.records import pick_label
from conflictkg.graph.store import GraphStore
from conflictkg.ontology import CK

__all__ = ["to_networkx", "EDGE_PREDICATES"]

EDGE_PREDICATES = ("actor", "target", "location", "claimant", "asserts", "inResponseTo", "backedBy", "alliedWith",
                   "ledBy", "memberOf", "spokespersonFor", "controls", "locatedIn")

_EDGES = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { ck:actor ck:target ck:location ck:claimant ck:asserts ck:inResponseTo ck:backedBy ck:alliedWith
              ck:ledBy ck:memberOf ck:spokespersonFor ck:controls ck:locatedIn }
  GRAPH ?g { ?s ?p ?o }
  FILTER(?g NOT IN (<https://w3id.org/conflictkg/gazetteer>, <https://w3id.org/conflictkg/ontology>,
                    <https://w3id.org/conflictkg/lexicon>))
}"""

def to_networkx(store: GraphStore, lang: str = "en") -> nx.MultiDiGraph:
    """A MultiDiGraph of the document graphs; node attributes: kind (class name), label, label_ar, label_en."""
    g = nx.MultiDiGraph()
    edges = [(str(r.s), str(r.p).rsplit("#", 1)[1], str(r.o)) for r in store.query(_EDGES)]
    nodes = {n for s, _, o in edges for n in (s, o)}
    types: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, list[Literal]] = defaultdict(list)
    for s in nodes:
        node = URIRef(s)
        types[s].update(str(t).rsplit("#", 1)[1] for t in store.dataset.objects(node, RDF.type)
                        if str(t).startswith(str(CK)))
        labels[s].extend(x for x in store.dataset.objects(node, RDFS.label) if isinstance(x, Literal))
    for n in sorted(nodes):
        fallback = n.rsplit("/", 1)[-1]
        g.add_node(n, kind=_kind(types[n]), label=pick_label(labels[n], lang, fallback),
                   label_en=pick_label(labels[n], "en", fallback), label_ar=pick_label(labels[n], "ar", fallback))
    for s, p, o in edges:
        g.add_edge(s, o, key=p, label=p)
    return g


def _kind(types: set[str]) -> str:
    """One class name for display: State wins over Country (a country node is both)."""
    if not types:
        return "Entity"
    for preferred in ("State", "Claim", "Document"):
        if preferred in types:
            return preferred
    return sorted(types)[0]
