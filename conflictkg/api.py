"""The Python API: `KnowledgeGraph`, a thin layer over extract/ and graph/.

    from conflictkg import KnowledgeGraph
    kg = KnowledgeGraph()                      # in memory; KnowledgeGraph("dir") persists
    kg.add_text("...", doc_id="report-1", date="2024-01-12")
    kg.query("SELECT ...", actor="Houthis")    # values are bound, never pasted into the query
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.query import Result

from conflictkg.build import Source, extract_all, read_sources, title_of
from conflictkg.errors import InputError
from conflictkg.extract import Document, extract_document
from conflictkg.graph.export import export
from conflictkg.graph.iris import document_iri, slug
from conflictkg.graph.mapping import document_triples, label_triples
from conflictkg.graph.network import to_networkx
from conflictkg.graph.records import ClaimRecord, EventRecord, read_claims, read_events
from conflictkg.graph.store import SHIPPED_GRAPHS, GraphStore
from conflictkg.graph.validate import Violation, validate_graph
from conflictkg.graph.view import write_html
from conflictkg.queries import get_query, named_queries

__all__ = ["KnowledgeGraph", "BuildSummary", "parse_date"]


def parse_date(value: str | date | None) -> date | None:
    """A date from 'YYYY-MM-DD' (or a date); a clear error otherwise."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"invalid date {value!r}: use YYYY-MM-DD, e.g. 2024-01-31") from None


def _bind(value: object) -> URIRef | Literal:
    if isinstance(value, (URIRef, Literal)):
        return value
    if isinstance(value, str) and value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    return Literal(value)


@dataclass
class BuildSummary:
    """What a build added: counts for the CLI's summary."""

    documents: int = 0
    sentences: int = 0
    events: Counter = field(default_factory=Counter)
    claims: int = 0
    actors: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)

    def add(self, doc: Document) -> None:
        self.documents += 1
        self.sentences += len(doc.sentences)
        self.events.update(e.type for e in doc.events)
        self.claims += len(doc.claims)
        for key, ent in doc.entities.items():
            kinds = ent.types
            if kinds & {"Country", "Region", "Settlement", "Site", "Location"}:
                self.places.add(key)
            if kinds - {"Country", "Region", "Settlement", "Site", "Location"}:
                self.actors.add(key)


class KnowledgeGraph:
    """A conflict knowledge graph: extraction, storage, SPARQL, exports and the viewer in one object."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False,
                 lexicons: Iterable[str] = (), model: str | None = None) -> None:
        self.store = GraphStore(path, read_only=read_only)
        self.lexicons = tuple(str(p) for p in lexicons)
        self.model = model  # an installed spaCy pipeline used as extra evidence; never downloaded

    # -- adding and removing documents --------------------------------------------
    def add_document(self, doc: Document) -> int:
        """Store an extracted document in its own named graph, replacing an earlier version."""
        stored = self.store.replace_graph(document_iri(doc.doc_id), document_triples(doc))
        self.store.add_labels(label_triples(doc))
        return stored

    def add_text(self, text: str, doc_id: str | None = None, lang: str | None = None,
                 date: str | date | None = None, title: str | None = None, source: str | None = None) -> Document:
        """Extract `text` and store it; returns the extracted document model."""
        doc = extract_document(text, doc_id=slug(doc_id) if doc_id else None, lang=lang, date=parse_date(date),
                               title=title or title_of(text, doc_id or "untitled"), source=source,
                               lexicons=self.lexicons, model=self.model)
        self.add_document(doc)
        return doc

    def add_file(self, path: str | Path, lang: str | None = None, date: str | date | None = None) -> Document:
        """Extract one UTF-8 text file and store it under an id from its file name."""
        sources = read_sources([str(path)], warn=_raise_input_error)
        if len(sources) != 1:
            raise InputError(f"{path} is a directory; use add_files() or `conflictkg build` for many files")
        return self._add_sources(sources, lang=lang, date=date)[0]

    def add_files(self, paths: Iterable[str | Path], lang: str | None = None, date: str | date | None = None,
                  jobs: int = 1) -> list[Document]:
        """Extract and store many files or directories (skipping unreadable files with an InputError)."""
        return self._add_sources(read_sources([str(p) for p in paths], warn=_raise_input_error),
                                 lang=lang, date=date, jobs=jobs)

    def _add_sources(self, sources: list[Source], lang: str | None, date: str | date | None,
                     jobs: int = 1) -> list[Document]:
        docs = list(extract_all(sources, lang=lang, day=parse_date(date), lexicons=self.lexicons, jobs=jobs,
                                model=self.model))
        for doc in docs:
            self.add_document(doc)
        self.store.flush()
        return docs

    def remove(self, doc_id: str) -> bool:
        """Remove a document's graph; False when there was none."""
        removed = self.store.remove_graph(document_iri(doc_id))
        self.store.flush()
        return removed

    def documents(self) -> list[str]:
        """Ids of the stored documents."""
        prefix = str(document_iri(""))
        return sorted(str(g)[len(prefix):] for g in self.store.graphs()
                      if g not in SHIPPED_GRAPHS and str(g).startswith(prefix))

    # -- reading ------------------------------------------------------------------
    def query(self, sparql: str, **bindings: object) -> Result:
        """Run SPARQL over all graphs; keyword values are bound to ?variables (IRIs when they look like one)."""
        return self.store.query(sparql, {k: _bind(v) for k, v in bindings.items()})

    def named_query(self, name: str, **params: object) -> Result:
        """Run a shipped query by name; missing parameters take their defaults."""
        q = get_query(name)
        unknown = set(params) - set(q.params)
        if unknown:
            raise InputError(f"query {name!r} has no parameter {', '.join(sorted(unknown))}; "
                             f"it takes: {', '.join(q.params) or 'none'}")
        values = {k: default for k, (default, _) in q.params.items() if default is not None} | params
        missing = [k for k in q.params if k not in values]
        if missing:
            raise InputError(f"query {name!r} needs --param {missing[0]}=VALUE ({q.params[missing[0]][1]})")
        return self.query(q.text, **values)

    def events(self, lang: str = "en") -> list[EventRecord]:
        """Every event as a typed record, role fillers labelled in `lang` when possible."""
        return read_events(self.store, lang)

    def claims(self, lang: str = "en") -> list[ClaimRecord]:
        """Every claim as a typed record."""
        return read_claims(self.store, lang)

    def to_networkx(self, lang: str = "en") -> nx.MultiDiGraph:
        return to_networkx(self.store, lang)

    def validate(self) -> list[Violation]:
        """SHACL violations in the document graphs (an empty list when all conform)."""
        return validate_graph(self.store.document_union())

    # -- writing files --------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Serialise the whole dataset; the format comes from the extension (.trig .nq .ttl .nt .jsonld)."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.store.dump(path)

    def export(self, fmt: str, path: str | Path | None = None, lang: str = "en") -> None:
        """Export as trig, nq, ttl, nt, jsonld, graphml, gexf or events-csv (stdout when no path)."""
        export(self.store, fmt, str(path) if path is not None else None, lang)

    def to_html(self, path: str | Path, lang: str = "en", max_nodes: int = 3000, view: str = "events",
                query: str | None = None, params: dict[str, object] | None = None) -> int:
        """Write the interactive viewer; returns the file size in bytes.

        `view` is "events" (events and claims as nodes) or "actors" (actor-to-actor relations weighted by
        the events behind them). `query`, a named query or SPARQL SELECT/CONSTRUCT text, narrows the page
        to the nodes its result names and their links; `params` bind its variables as values.
        """
        selection = None
        if query is not None:
            named = query in named_queries() or re.fullmatch(r"[\w-]+", query)  # a misspelt name gets a clear error
            selection = (self.named_query if named else self.query)(query, **(params or {}))
        return write_html(self.store, path, lang=lang, view=view, selection=selection, max_nodes=max_nodes)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _raise_input_error(message: str) -> None:
    raise InputError(message)
