"""Exports: RDF serialisations, graph formats for network tools, and the events table analysts open."""

from __future__ import annotations

import csv
import sys
from typing import TextIO

import networkx as nx

from conflictkg.errors import FormatError
from conflictkg.graph.network import to_networkx
from conflictkg.graph.records import read_events
from conflictkg.graph.store import GraphStore, rdf_format

__all__ = ["EXPORT_FORMATS", "export", "write_events_csv"]

RDF_FORMATS = ("trig", "nq", "ttl", "nt", "jsonld")
EXPORT_FORMATS = RDF_FORMATS + ("graphml", "gexf", "events-csv")
_EVENT_COLUMNS = ("event", "type", "actors", "targets", "locations", "instruments", "time", "time_expression",
                  "fatalities", "injuries", "claimants", "confidence", "sentence", "document", "title")


def write_events_csv(store: GraphStore, out: TextIO, lang: str = "en") -> int:
    """One row per event; list cells are joined with '; '. Returns the number of rows."""
    writer = csv.writer(out)
    writer.writerow(_EVENT_COLUMNS)
    events = read_events(store, lang)
    for e in events:
        writer.writerow([e.iri, e.type, "; ".join(e.actors), "; ".join(e.targets), "; ".join(e.locations),
                         "; ".join(e.instruments), e.time or "", e.time_expression or "",
                         "" if e.fatalities is None else e.fatalities, "" if e.injuries is None else e.injuries,
                         "; ".join(e.claimants), "" if e.confidence is None else e.confidence, e.sentence,
                         e.document, e.title or ""])
    return len(events)


def export(store: GraphStore, fmt: str, path: str | None, lang: str = "en") -> None:
    """Write the store in `fmt` to `path` (stdout when None, for text formats)."""
    if fmt not in EXPORT_FORMATS:
        raise FormatError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "events-csv":
        if path is None:
            write_events_csv(store, sys.stdout, lang)
        else:
            with open(path, "w", encoding="utf-8", newline="") as f:
                write_events_csv(store, f, lang)
        return
    if fmt in ("graphml", "gexf"):
        graph = nx.DiGraph(to_networkx(store, lang))  # both formats want one edge per pair
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        writer(graph, path if path is not None else sys.stdout.buffer)
        return
    store.dump(path if path is not None else sys.stdout.buffer, rdf_format("x." + fmt))
