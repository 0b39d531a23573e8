"""The interactive HTML viewer: one self-contained file, built with networkx + pyvis.

Two views: `events` shows events and claims as nodes next to the actors, places and documents they link
(the full n-ary picture); `actors` shows actor-to-actor relations aggregated from the events, weighted by
how many events back them. A query result (SELECT or CONSTRUCT) can narrow either view to the nodes it
names. Above `max_nodes` the most connected nodes are kept and the page says so.

Offline by construction: vis-network's JS and CSS are read from the installed pyvis package and inlined,
the page's Content-Security-Policy forbids every fetch, and nothing refers to a URL. Safe by construction:
document text reaches the page only as JSON inside a non-executing script element, with <, > and &
escaped, and the page's script inserts it with textContent (vis-network draws labels on a canvas and
inserts string tooltips as text), so markup in a name or sentence shows as text and never runs.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Literal, URIRef
from rdflib.query import Result

from conflictkg.errors import InputError
from conflictkg.graph.network import actor_network, to_networkx
from conflictkg.graph.records import pick_label
from conflictkg.graph.store import GraphStore

__all__ = ["write_html", "render_html", "page_data", "selected_iris", "style_of", "VIEWS", "STYLE"]

VIEWS = ("events", "actors")

# kind -> (group, colour, shape). Actors are dots, places triangles, events diamonds (one colour per type),
# claims stars and documents squares, so class reads from shape even where colours are close.
STYLE = {
    "State": ("actor", "#1f77b4", "dot"), "GovernmentBody": ("actor", "#6baed6", "dot"),
    "MilitaryForce": ("actor", "#08519c", "dot"), "ArmedGroup": ("actor", "#d62728", "dot"),
    "Coalition": ("actor", "#9467bd", "dot"), "Organization": ("actor", "#17becf", "dot"),
    "Group": ("actor", "#bcbd22", "dot"), "Person": ("actor", "#e377c2", "dot"), "Actor": ("actor", "#7f7f7f", "dot"),
    "Country": ("place", "#2ca02c", "triangle"), "Region": ("place", "#74c476", "triangle"),
    "Settlement": ("place", "#006d2c", "triangle"), "Site": ("place", "#a1d99b", "triangle"),
    "Location": ("place", "#c7e9c0", "triangle"),
    "Attack": ("event", "#ff7f0e", "diamond"), "Airstrike": ("event", "#fd8d3c", "diamond"),
    "Shelling": ("event", "#e6550d", "diamond"), "RocketAttack": ("event", "#a63603", "diamond"),
    "DroneAttack": ("event", "#fdae6b", "diamond"), "Bombing": ("event", "#d94801", "diamond"),
    "ArmedAssault": ("event", "#f16913", "diamond"), "ArmedClash": ("event", "#8c2d04", "diamond"),
    "Killing": ("event", "#67000d", "diamond"), "Condemnation": ("event", "#807dba", "diamond"),
    "Accusation": ("event", "#6a51a3", "diamond"), "Threat": ("event", "#54278f", "diamond"),
    "Endorsement": ("event", "#9e9ac8", "diamond"), "Cooperation": ("event", "#3f007d", "diamond"),
    "Event": ("event", "#fdd0a2", "diamond"),
    "Claim": ("claim", "#f2c500", "star"), "Document": ("document", "#969696", "square"),
}
_OTHER = ("other", "#cccccc", "dot")

_PREFIXES = """PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
_SOURCES = _PREFIXES + """SELECT ?n ?s ?text ?d ?evidence WHERE {
  ?n prov:wasDerivedFrom ?s . ?s ck:text ?text ; ck:inDocument ?d ; ck:start ?start .
  OPTIONAL { ?n rdfs:label ?evidence }
} ORDER BY ?d ?start"""
_FACTS = _PREFIXES + """SELECT ?n ?p ?v WHERE {
  VALUES ?p { ck:time ck:timeExpression ck:fatalities ck:injuries ck:instrument ck:medium ck:quote ck:confidence
              ck:role dcterms:title dcterms:date dcterms:language }
  ?n ?p ?v .
}"""
_NAMES = _PREFIXES + """SELECT DISTINCT ?n ?name WHERE {
  GRAPH ?g { ?n rdfs:label|skos:altLabel ?name . ?n a ?type }
  FILTER(?g NOT IN (<https://w3id.org/conflictkg/gazetteer>, <https://w3id.org/conflictkg/ontology>,
                    <https://w3id.org/conflictkg/lexicon>))
}"""
_KINDS = _PREFIXES + """SELECT ?n ?type WHERE { ?n a ?type . ?type rdfs:subClassOf* ck:Event }"""
_TERMS = _PREFIXES + """SELECT ?x ?label WHERE {
  GRAPH <https://w3id.org/conflictkg/ontology> { ?x rdfs:label ?label }
}"""
_FACT_ORDER = ("title", "date", "language", "time", "timeExpression", "fatalities", "injuries", "instrument",
               "medium", "quote", "role", "confidence")


def style_of(kind: str) -> tuple[str, str, str]:
    """(group, colour, shape) of a class name; unknown classes are grey dots in the group 'other'."""
    return STYLE.get(kind, _OTHER)


def selected_iris(result: Result | Iterable[str]) -> set[str]:
    """The IRIs a query result names: every IRI cell of a SELECT, every IRI subject or object of a
    CONSTRUCT or DESCRIBE graph; a plain iterable of IRIs is taken as it is."""
    if not isinstance(result, Result):
        return {str(x) for x in result}
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return {str(t) for s, _, o in result.graph for t in (s, o) if isinstance(t, URIRef)}
    if result.type != "SELECT":
        raise InputError("an ASK query names no nodes: use a SELECT or CONSTRUCT query to choose what to show")
    return {str(v) for row in result for v in row if isinstance(v, URIRef)}


def _local(iri: object) -> str:
    return re.split(r"[#/]", str(iri))[-1]


class _Store:
    """What the page shows beside the graph, read from the store once: term labels, sources, facts, names."""

    def __init__(self, store: GraphStore) -> None:
        terms: dict[str, list[Literal]] = defaultdict(list)
        for r in store.query(_TERMS):
            if isinstance(r.label, Literal):
                terms[_local(r.x)].append(r.label)
        self.terms = {k: (pick_label(v, "en", k), pick_label(v, "ar", k)) for k, v in terms.items()}
        self.sentences: list[list] = []  # [text, document index]
        self.documents: list[str] = []   # document IRIs; titles are their facts
        sentence_at: dict[str, int] = {}
        document_at: dict[str, int] = {}
        self.sources: dict[str, list[list]] = defaultdict(list)  # node -> [[sentence index, evidence]]
        for r in store.query(_SOURCES):
            doc = str(r.d)
            if doc not in document_at:
                document_at[doc] = len(self.documents)
                self.documents.append(doc)
            if str(r.s) not in sentence_at:
                sentence_at[str(r.s)] = len(self.sentences)
                self.sentences.append([str(r.text), document_at[doc]])
            self.sources[str(r.n)].append([sentence_at[str(r.s)], str(r.evidence or "")])
        self.facts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in store.query(_FACTS):
            values = self.facts[str(r.n)][_local(r.p)]
            if str(r.v) not in values:
                values.append(str(r.v))
        self.kinds = {str(r.n): _local(r.type) for r in store.query(_KINDS)}
        self.names: dict[str, set[str]] = defaultdict(set)
        for r in store.query(_NAMES):
            self.names[str(r.n)].add(str(r.name))

    def term(self, name: str, lang: str) -> str:
        en, ar = self.terms.get(name, (name, name))
        return ar if lang == "ar" else en

    def labels(self, iri: str, kind: str, attrs: dict) -> dict[str, str]:
        """label_en and label_ar: events by type and date, claims by class, documents by title."""
        family = style_of(kind)[0]
        if family in ("event", "claim"):
            when = self.facts[iri].get("time", [""])[0]
            return {f"label_{lang}": f"{self.term(kind, lang)} {when}".strip() for lang in ("en", "ar")}
        if family == "document" and self.facts[iri].get("title"):
            return {"label_en": self.facts[iri]["title"][0], "label_ar": self.facts[iri]["title"][0]}
        return {"label_en": attrs["label_en"], "label_ar": attrs["label_ar"]}

    def title(self, document: str) -> str:
        """A document's title, else its IRI's last segment (the document id)."""
        return self.facts.get(document, {}).get("title", [_local(document)])[0]

    def item(self, iri: str) -> dict:
        """Details of one node or event for the side panel: facts in a fixed order and source sentences."""
        facts = self.facts.get(iri, {})
        out: dict = {"facts": [[self.term(name, "en"), ", ".join(facts[name])] for name in _FACT_ORDER
                               if name in facts]}
        if iri in self.sources:
            out["src"] = self.sources[iri]
        return out


def _select(g: nx.MultiDiGraph, chosen: set[str], picks_edge) -> nx.MultiDiGraph:
    """The chosen nodes (kept even when alone) and every edge `picks_edge(s, o, attrs)` accepts, ends included."""
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, g.nodes[n]) for n in g.nodes if n in chosen)
    for s, o, key, attrs in g.edges(keys=True, data=True):
        if picks_edge(s, o, attrs):
            sub.add_node(s, **g.nodes[s])
            sub.add_node(o, **g.nodes[o])
            sub.add_edge(s, o, key=key, **attrs)
    return sub


def _keep_most_connected(g: nx.MultiDiGraph, max_nodes: int) -> nx.MultiDiGraph:
    """The `max_nodes` nodes of highest degree (ties by IRI, so the cut is stable) and the edges among them."""
    if g.number_of_nodes() <= max_nodes:
        return g
    keep = sorted(g.nodes, key=lambda n: (-g.degree(n), n))[:max_nodes]
    return g.subgraph(keep).copy()


def _view_graph(store: GraphStore, info: _Store, lang: str, view: str, chosen: set[str] | None,
                max_nodes: int) -> tuple[nx.MultiDiGraph, list[str]]:
    """The graph of the view, narrowed to a selection and cut to `max_nodes`, with notices saying so.

    In the events view a selection keeps the chosen nodes and every edge touching one. In the actors view
    it keeps the relations with a chosen end or backed by a chosen event or document (or an event from a
    chosen document), so a query returning events or documents shows who did what in them."""
    full = to_networkx(store, lang) if view == "events" else actor_network(store, lang)
    g, notices = full, []
    if chosen is not None:
        if view == "events":
            g = _select(full, chosen, lambda s, o, _: s in chosen or o in chosen)
        else:
            docs_of = {n: {info.documents[info.sentences[i][1]] for i, _ in src} for n, src in info.sources.items()}
            g = _select(full, chosen, lambda s, o, attrs: bool(
                s in chosen or o in chosen or chosen.intersection(attrs["events"])
                or chosen.intersection(attrs["documents"])
                or any(chosen & docs_of.get(e, set()) for e in attrs["events"])))
        named = f"{len(chosen)} IRI" + ("" if len(chosen) == 1 else "s")
        notices.append(f"Query selection: {g.number_of_nodes()} nodes, those the query's result names ({named}) "
                       "and their neighbours." if g.number_of_nodes() else "The query selected no node of this view.")
    total = g.number_of_nodes()
    g = _keep_most_connected(g, max_nodes)
    if g.number_of_nodes() < total:
        notices.append(f"Large graph: showing the {g.number_of_nodes()} most connected of {total} nodes "
                       f"(max nodes {max_nodes}); {total - g.number_of_nodes()} less connected nodes are hidden.")
    if not full.number_of_nodes():
        notices.append("This view is empty: the graph has no " +
                       ("documents yet." if view == "events" else "actor-to-actor relations."))
    return g, notices


def page_data(store: GraphStore, *, lang: str = "en", view: str = "events",
              selection: Result | Iterable[str] | None = None, max_nodes: int = 3000) -> dict:
    """Everything the page shows, as plain data: nodes and edges (built with pyvis), per-node details,
    the source sentences and documents they point to, the legend and the notices."""
    if view not in VIEWS:
        raise InputError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    if lang not in ("en", "ar"):
        raise InputError(f"unknown label language {lang!r}: use en or ar")
    if max_nodes < 1:
        raise InputError("max_nodes must be at least 1")
    info = _Store(store)
    chosen = None if selection is None else selected_iris(selection)
    g, notices = _view_graph(store, info, lang, view, chosen, max_nodes)
    net = Network(directed=True, cdn_resources="remote")  # assembles the nodes and edges; its template is unused
    ids = {n: i for i, n in enumerate(g.nodes)}
    items = {}
    for n, attrs in g.nodes(data=True):
        family, colour, shape = style_of(attrs["kind"])
        picked = chosen is not None and n in chosen
        extra = {"names": sorted(info.names[n] - {attrs["label_en"], attrs["label_ar"]})} if info.names.get(n) else {}
        net.add_node(ids[n], label=attrs["label"], shape=shape, kind=attrs["kind"], family=family, iri=n,
                     color={"background": colour, "border": "#000000"} if picked else colour,
                     borderWidth=3 if picked else 1, value=g.degree(n, weight="weight"),
                     **info.labels(n, attrs["kind"], attrs), **extra)
        item = info.item(n)
        if item["facts"] or "src" in item:
            items[n] = item
    for i, (s, o, key, attrs) in enumerate(g.edges(keys=True, data=True)):
        if view == "events":
            net.add_edge(ids[s], ids[o], id=i, rel=key, label_en=info.term(key, "en"), label_ar=info.term(key, "ar"))
            continue
        net.add_edge(ids[s], ids[o], id=i, rel=key, label_en=attrs["label_en"], label_ar=attrs["label_ar"],
                     value=attrs["weight"], count=attrs["weight"], events=attrs["events"],
                     documents=[info.title(d) for d in attrs["documents"]], arrows="" if attrs["symmetric"] else "to")
        for e in attrs["events"]:
            kind = info.kinds.get(e, "Event")
            items.setdefault(e, info.item(e) | {"kind": kind, **info.labels(e, kind, {})})
    kinds = sorted({k for _, k in g.nodes(data="kind")}, key=lambda k: (list(STYLE).index(k) if k in STYLE else 99, k))
    return {
        "view": view, "lang": lang, "nodes": net.nodes, "edges": net.edges, "items": items,
        "sentences": info.sentences, "documents": [info.title(d) for d in info.documents],
        "legend": [{"kind": k, "family": style_of(k)[0], "color": style_of(k)[1], "shape": style_of(k)[2],
                    "label_en": info.term(k, "en"), "label_ar": info.term(k, "ar")} for k in kinds],
        "relations": sorted({key for _, _, key in g.edges(keys=True)}), "notices": notices,
    }


def _safe_json(data: object) -> str:
    """JSON that cannot close the <script> element it sits in nor start markup: <, > and & are escaped."""
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
            .replace(">", "\\u003e").replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _assets() -> dict[str, str]:
    """vis-network's JS and CSS from the installed pyvis package, and the page's own script."""
    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    own = resources.files("conflictkg.graph").joinpath("assets")
    return {"VIS_JS": (lib / "vis-network.min.js").read_text(encoding="utf-8"),
            "VIS_CSS": (lib / "vis-network.css").read_text(encoding="utf-8"),
            "VIEWER_JS": own.joinpath("viewer.js").read_text(encoding="utf-8")}


def render_html(data: dict) -> str:
    """The page for `page_data`'s output: the template with its placeholders filled in one pass, so text
    inserted for one placeholder is never searched for another."""
    parts = _assets() | {"DATA": _safe_json(data)}
    template = resources.files("conflictkg.graph").joinpath("assets/viewer.html").read_text(encoding="utf-8")
    return re.sub(r"/\*(VIS_JS|VIS_CSS|VIEWER_JS|DATA)\*/", lambda m: parts[m.group(1)], template)


def write_html(store: GraphStore, path: str | Path, *, lang: str = "en", view: str = "events",
               selection: Result | Iterable[str] | None = None, max_nodes: int = 3000) -> int:
    """Write the viewer to `path`; returns its size in bytes. `selection` (a query result or IRIs)
    narrows the view to the nodes it names and their links."""
    page = render_html(page_data(store, lang=lang, view=view, selection=selection, max_nodes=max_nodes))
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(page, encoding="utf-8")
    return len(page.encode("utf-8"))
