"""SHACL: a conforming build passes; each kind of broken graph is caught with a readable message."""

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV
from reports import EN_REPORT

from conflictkg.graph.validate import validate_graph
from conflictkg.ontology import CK, ID


@pytest.fixture
def good(kg) -> Graph:
    kg.add_text(EN_REPORT, doc_id="en")
    graph = kg.store.document_union()
    assert validate_graph(graph) == []
    return graph


def _first(graph: Graph, cls: URIRef) -> URIRef:
    return next(s for s in graph.subjects(RDF.type, cls))


def _messages(graph: Graph) -> str:
    return "\n".join(str(v) for v in validate_graph(graph))


def test_an_event_with_two_specific_types_is_caught(good):
    event = _first(good, CK.DroneAttack)
    good.add((event, RDF.type, CK.Airstrike))
    assert "exactly one most specific event type" in _messages(good)


def test_an_event_without_a_source_sentence_is_caught(good):
    event = _first(good, CK.DroneAttack)
    good.remove((event, PROV.wasDerivedFrom, None))
    assert "derived from a ck:Sentence" in _messages(good)


def test_a_claim_without_claimant_is_caught(good):
    claim = _first(good, CK.Claim)
    good.remove((claim, CK.claimant, None))
    assert "claimant" in _messages(good)


def test_negative_or_fractional_fatalities_are_caught(good):
    event = _first(good, CK.Airstrike)
    good.set((event, CK.fatalities, Literal(-3, datatype=XSD.integer)))
    assert "fatalities" in _messages(good)
    good.set((event, CK.fatalities, Literal("2.5", datatype=XSD.decimal)))
    assert "fatalities" in _messages(good)


def test_a_label_without_language_tag_is_caught(good):
    good.add((ID["somebody"], RDFS.label, Literal("no language")))
    assert "language tag" in _messages(good)
