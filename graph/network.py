"""The graph as networkx, in two shapes.

`to_networkx`: the full n-ary picture. Nodes are entities, events, claims and documents; edges are roles
and relations, as stored.

`actor_network`: actors only. Each edge is an actor-to-actor relation drawn from events (attacked, clashed
with, condemned, accused, threatened, backs, allied with), or stated directly (backedBy, alliedWith). It
carries the events and documents behind it, and its weight is how many there are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from rdflib import RDF, RDFS, Literal, URIRef

from conflictkg.graph.records import pick_label
from conflictkg.graph.store import GraphStore
from conflictkg.ontology import CK

__all__ = ["to_networkx", "actor_network", "EDGE_PREDICATES", "ACTOR_RELATIONS"]

EDGE_PREDICATES = ("actor", "target", "location", "claimant", "asserts", "inResponseTo", "backedBy", "alliedWith",
                   "ledBy", "memberOf", "spokespersonFor", "controls", "locatedIn")

_DOCUMENT_GRAPHS = """FILTER(?g NOT IN (<https://w3id.org/conflictkg/gazetteer>, <https://w3id.org/conflictkg/ontology>,
                    <https://w3id.org/conflictkg/lexicon>))"""

_EDGES = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
SELECT DISTINCT ?s ?p ?o WHERE {
  VALUES ?p { ck:actor ck:target ck:location ck:claimant ck:asserts ck:inResponseTo ck:backedBy ck:alliedWith
              ck:ledBy ck:memberOf ck:spokespersonFor ck:controls ck:locatedIn }
  GRAPH ?g { ?s ?p ?o }
""" + _DOCUMENT_GRAPHS + "\n}"

# relation -> (English, Arabic, symmetric); actor-to-actor edges of the actors view
ACTOR_RELATIONS = {
    "attacked": ("attacked", "هاجم", False),
    "clashed": ("clashed with", "اشتبك مع", True),
    "condemned": ("condemned", "أدان", False),
    "accused": ("accused", "اتهم", False),
    "threatened": ("threatened", "هدد", False),
    "backs": ("backs", "يدعم", False),
    "allied": ("allied with", "متحالف مع", True),
}
_EVENT_RELATION = {"Attack": "attacked", "Airstrike": "attacked", "Shelling": "attacked", "RocketAttack": "attacked",
                   "DroneAttack": "attacked", "Bombing": "attacked", "ArmedAssault": "attacked", "Killing": "attacked",
                   "ArmedClash": "clashed", "Condemnation": "condemned", "Accusation": "accused",
                   "Threat": "threatened", "Endorsement": "backs", "Cooperation": "allied"}

_ACTOR_ROLES = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?event ?type ?role ?x WHERE {
  VALUES ?role { ck:actor ck:target }
  ?event a ?type ; ?role ?x .
  ?type rdfs:subClassOf* ck:Event .
  ?x a ?cls . ?cls rdfs:subClassOf* ck:Actor .
}"""

_STATED = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
SELECT DISTINCT ?s ?p ?o ?g WHERE {
  VALUES ?p { ck:backedBy ck:alliedWith }
  GRAPH ?g { ?s ?p ?o }
""" + _DOCUMENT_GRAPHS + "\n}"


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _add_nodes(g: nx.MultiDiGraph, store: GraphStore, nodes: Iterable[str], lang: str) -> None:
    """Add `nodes` with kind (class name), label (in `lang`, else the other language), label_ar and label_en."""
    for n in sorted(nodes):
        node = URIRef(n)
        types = {_local(t) for t in store.dataset.objects(node, RDF.type) if str(t).startswith(str(CK))}
        labels = [x for x in store.dataset.objects(node, RDFS.label) if isinstance(x, Literal)]
        fallback = n.rsplit("/", 1)[-1]
        g.add_node(n, kind=_kind(types), label=pick_label(labels, lang, fallback),
                   label_en=pick_label(labels, "en", fallback), label_ar=pick_label(labels, "ar", fallback))


def to_networkx(store: GraphStore, lang: str = "en") -> nx.MultiDiGraph:
    """A MultiDiGraph of the document graphs; node attributes: kind (class name), label, label_ar, label_en."""
    g = nx.MultiDiGraph()
    edges = [(str(r.s), _local(r.p), str(r.o)) for r in store.query(_EDGES)]
    _add_nodes(g, store, {n for s, _, o in edges for n in (s, o)}, lang)
    for s, p, o in edges:
        g.add_edge(s, o, key=p, label=p)
    return g


def actor_network(store: GraphStore, lang: str = "en") -> nx.MultiDiGraph:
    """Actor-to-actor edges keyed by relation; attributes: events and documents (IRIs) behind it, weight.

    An event links each of its actors to each of its targets; a clash or cooperation also links its actors
    to one another (both sides of "X clashed with Y" are actors). Symmetric relations keep one edge per
    pair, from the smaller IRI. `backedBy` is drawn the other way round, as "backs".
    """
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(), "target": set()})
    kinds: dict[str, str] = {}
    for r in store.query(_ACTOR_ROLES):
        kind = _local(r.type)
        if kind in _EVENT_RELATION:
            kinds[str(r.event)] = kind
            roles[str(r.event)][_local(r.role)].add(str(r.x))
    found: dict[tuple[str, str, str], dict[str, set[str]]] = defaultdict(lambda: {"events": set(), "documents": set()})

    def link(a: str, b: str, relation: str, source: str, what: str) -> None:
        if a == b:
            return
        if ACTOR_RELATIONS[relation][2] and b < a:
            a, b = b, a
        found[(a, b, relation)][what].add(source)

    for event, kind in kinds.items():
        relation, actors, targets = _EVENT_RELATION[kind], roles[event]["actor"], roles[event]["target"]
        pairs = [(a, t) for a in actors for t in targets]
        if ACTOR_RELATIONS[relation][2]:
            pairs += [(a, b) for a in actors for b in actors]
        for a, b in pairs:
            link(a, b, relation, event, "events")
    for r in store.query(_STATED):
        s, o = str(r.s), str(r.o)
        if _local(r.p) == "backedBy":
            link(o, s, "backs", str(r.g), "documents")
        else:
            link(s, o, "allied", str(r.g), "documents")

    g = nx.MultiDiGraph()
    _add_nodes(g, store, {n for a, b, _ in found for n in (a, b)}, lang)
    for (a, b, relation), sources in sorted(found.items()):
        en, ar, symmetric = ACTOR_RELATIONS[relation]
        g.add_edge(a, b, key=relation, relation=relation, label_en=en, label_ar=ar, symmetric=symmetric,
                   events=sorted(sources["events"]), documents=sorted(sources["documents"]),
                   weight=len(sources["events"]) + len(sources["documents"]))
    return g


def _kind(types: set[str]) -> str:
    """One class name for display: State wins over Country (a country node is both)."""
    if not types:
        return "Entity"
    for preferred in ("State", "Claim", "Document"):
        if preferred in types:
            return preferred
    return sorted(types)[0]
