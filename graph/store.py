"""The graph store: an rdflib Dataset on Oxigraph, one named graph per document.

With a directory the store persists (RocksDB under Oxigraph); without one it
lives in memory. Shipped data (ontology, lexicons, gazetteer) sits in named
graphs of its own; queries see the union of all graphs. Bulk writes go through
Oxigraph's native loaders, and a document's graph is replaced in one step so a
rebuild never doubles triples.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox, to_ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from conflictkg.errors import FormatError, QueryError, StoreLockedError
from conflictkg.graph.mapping import LABEL_PREDICATES, Triple
from conflictkg.ontology import _PACKAGE as _ONTOLOGY_PACKAGE
from conflictkg.ontology import (
    CK,
    GAZETTEER_GRAPH,
    LABELS_GRAPH,
    LEXICON_GRAPH,
    ONTOLOGY_GRAPH,
    gazetteer_files,
    lexicon_files,
)

__all__ = ["GraphStore", "SHIPPED_GRAPHS", "rdf_format"]

SHIPPED_GRAPHS = (ONTOLOGY_GRAPH, LEXICON_GRAPH, GAZETTEER_GRAPH)
_NOT_DOCUMENTS = frozenset(str(g) for g in (*SHIPPED_GRAPHS, LABELS_GRAPH))

# Oxigraph keeps written quads in RocksDB memtables until a flush: flushing this often keeps a long
# build's memory flat (about 250 MiB per 1,000 documents otherwise) at a small cost in speed.
_FLUSH_EVERY = 50_000

_FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".ttl": ox.RdfFormat.TURTLE,
            ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
            ".owl": ox.RdfFormat.RDF_XML}


def rdf_format(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise FormatError(f"unknown RDF file extension {suffix!r} in {str(path)!r}; "
                          f"use one of {', '.join(sorted(_FORMATS))}")
    return _FORMATS[suffix]


def _shipped_sources() -> dict[URIRef, list]:
    return {ONTOLOGY_GRAPH: [_ONTOLOGY_PACKAGE.joinpath("conflict.ttl")],
            LEXICON_GRAPH: lexicon_files(), GAZETTEER_GRAPH: gazetteer_files()}


class GraphStore:
    """Named graphs in Oxigraph, queried through rdflib with bound parameters."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self._unflushed = 0  # quads written since the last flush
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                self._ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            if "lock" in str(exc).lower():
                raise StoreLockedError(str(self.path)) from None
            raise
        self.dataset = Dataset(store=OxigraphStore(store=self._ox), default_union=True)
        if not read_only:
            self._install_shipped_data()
            self._gather_labels()

    def _gather_labels(self) -> None:
        """A store written before the labels graph existed gets it from its documents, once."""
        labels = ox.NamedNode(str(LABELS_GRAPH))
        if self._ox.contains_named_graph(labels) or not any(
                g.value not in _NOT_DOCUMENTS for g in self._ox.named_graphs()):
            return
        self._ox.extend([ox.Quad(q.subject, q.predicate, q.object, labels) for p in LABEL_PREDICATES
                         for q in self._ox.quads_for_pattern(None, ox.NamedNode(str(p)), None)
                         if not isinstance(q.graph_name, ox.DefaultGraph) and q.graph_name.value not in _NOT_DOCUMENTS])
        self._ox.add_graph(labels)

    # -- shipped data ------------------------------------------------------
    def _install_shipped_data(self) -> None:
        """Load ontology, lexicons and gazetteer, replacing them when the package's copy changed."""
        for graph, files in _shipped_sources().items():
            texts = [f.read_text(encoding="utf-8") for f in files]
            digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()
            marker = ox.Quad(ox.NamedNode(str(graph)), ox.NamedNode(str(CK.contentHash)),
                             ox.Literal(digest), ox.NamedNode(str(graph)))
            if next(self._ox.quads_for_pattern(*marker), None) is not None:
                continue
            self.remove_graph(graph)
            for text in texts:
                self._ox.load(input=text.encode("utf-8"), format=ox.RdfFormat.TURTLE,
                              to_graph=ox.NamedNode(str(graph)))
            self._ox.add(marker)

    # -- graphs --------------------------------------------------------------
    def add_labels(self, triples: Iterable[Triple]) -> None:
        """Gather entity labels in the labels graph (a set: a label stored twice is stored once)."""
        g = ox.NamedNode(str(LABELS_GRAPH))
        self._ox.extend([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples])

    def replace_graph(self, graph: URIRef, triples: Iterable[Triple]) -> int:
        """Make `graph` hold exactly `triples`; returns how many were stored."""
        g = ox.NamedNode(str(graph))
        quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
        if self._ox.contains_named_graph(g):
            self._ox.remove_graph(g)
        self._ox.extend(quads)
        if not quads:  # an empty document still exists as a graph
            self._ox.add_graph(g)
        self._unflushed += len(quads)
        if self._unflushed >= _FLUSH_EVERY:
            self.flush()
        return len(set(quads))

    def remove_graph(self, graph: URIRef) -> bool:
        """Drop a named graph; False when it was not there."""
        g = ox.NamedNode(str(graph))
        if not self._ox.contains_named_graph(g):
            return False
        self._ox.remove_graph(g)
        return True

    def has_graph(self, graph: URIRef) -> bool:
        return self._ox.contains_named_graph(ox.NamedNode(str(graph)))

    def graphs(self) -> list[URIRef]:
        """Every named graph, shipped ones included."""
        return sorted(URIRef(g.value) for g in self._ox.named_graphs())

    def triple_count(self) -> int:
        """Quads in all document graphs, counted inside Oxigraph (the build summary asks after every build)."""
        return sum(int(n.value) for g, n in self._ox.query(_COUNT_IN_NAMED_GRAPHS) if g.value not in _NOT_DOCUMENTS)

    # -- query ---------------------------------------------------------------
    def query(self, sparql: str, bindings: Mapping[str, URIRef | Literal] | None = None) -> Result:
        """Run SPARQL over the union of graphs; `bindings` are bound as values, never pasted in."""
        try:
            return self.dataset.query(sparql, initBindings=dict(bindings or {}))
        except SyntaxError as exc:
            raise QueryError(f"the SPARQL query does not parse: {exc}") from None
        except RuntimeError as exc:
            if "projection" in str(exc):  # Oxigraph binds only variables the query returns
                raise QueryError(f"{exc}: a bound variable must also appear in the SELECT clause") from None
            raise QueryError(f"the SPARQL query cannot run: {exc}") from None
        except (ValueError, TypeError, NotImplementedError) as exc:
            raise QueryError(f"the SPARQL query cannot run: {exc}") from None

    # -- files ---------------------------------------------------------------
    def load_file(self, path: str | Path, graph: URIRef | None = None) -> None:
        """Bulk-load an RDF file; triples of a triple format go into `graph` (or the default graph)."""
        fmt = rdf_format(path)
        target = ox.NamedNode(str(graph)) if graph is not None else ox.DefaultGraph()
        kwargs = {} if fmt.supports_datasets else {"to_graph": target}
        try:
            self._ox.load(path=str(path), format=fmt, **kwargs)
        except SyntaxError as exc:
            raise FormatError(f"{str(path)!r} is not valid {fmt.name}: {exc}") from None

    def dump(self, out: str | Path | BinaryIO, fmt: ox.RdfFormat | None = None, *,
             include_shipped: bool = True) -> None:
        """Write the store to a path or binary stream; dataset formats keep the named graphs,
        triple formats get their union. The format comes from the path's extension unless given."""
        fmt = fmt or rdf_format(out)  # type: ignore[arg-type]
        quads = self._quads(include_shipped)
        data = quads if fmt.supports_datasets else sorted(
            {ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        if isinstance(out, (str, Path)):
            with open(out, "wb") as f:
                ox.serialize(data, f, format=fmt, prefixes=_PREFIXES)
        else:
            ox.serialize(data, out, format=fmt, prefixes=_PREFIXES)

    def _quads(self, include_shipped: bool) -> list[ox.Quad]:
        shipped = set() if include_shipped else _NOT_DOCUMENTS
        return [q for q in self._ox.quads_for_pattern(None, None, None)
                if isinstance(q.graph_name, ox.DefaultGraph) or q.graph_name.value not in shipped]

    def document_union(self) -> Graph:
        """The triples of every document graph in one in-memory rdflib Graph (for SHACL)."""
        graph = Graph()
        for q in self._quads(include_shipped=False):
            if not isinstance(q.graph_name, ox.DefaultGraph):
                graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
        return graph

    def flush(self) -> None:
        """Write buffered changes to disk; until then RocksDB holds them in memory."""
        if self.path is not None and not self.read_only:  # Oxigraph flushes read-write stores only
            self._ox.flush()
        self._unflushed = 0

    def close(self) -> None:
        """Release the directory lock so another process may open the store."""
        self.flush()
        self.dataset.close()  # oxrdflib drops its reference: the lock goes with the last one
        del self.dataset
        del self._ox


_COUNT_IN_NAMED_GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
_PREFIXES = {"ck": str(CK), "id": "https://w3id.org/conflictkg/id/", "prov": "http://www.w3.org/ns/prov#",
             "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
             "xsd": "http://www.w3.org/2001/XMLSchema#", "dcterms": "http://purl.org/dc/terms/",
             "owl": "http://www.w3.org/2002/07/owl#"}
