"""SHACL validation of the document graphs with pySHACL, reported readably."""

from __future__ import annotations

from dataclasses import dataclass

import pyshacl
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from conflictkg.ontology import ontology_graph, shapes_graph

__all__ = ["Violation", "validate_graph"]


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.focus}{where}: {self.message}"


def validate_graph(data: Graph) -> list[Violation]:
    """Violations of the shipped shapes in `data` (one graph, e.g. the union of document graphs);
    an empty list means it conforms."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(),
                                           inference="none", advanced=True, allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        path = report.value(result, SH.resultPath)
        out.append(Violation(str(report.value(result, SH.focusNode)),
                             str(path) if isinstance(path, URIRef) else "",
                             str(report.value(result, SH.resultMessage) or "violates a shape")))
    return sorted(set(out), key=str)
