"""Map the extractors' Document model to RDF triples under the ck: ontology.

The triples of one document go into that document's named graph; they carry
the entities' types and labels too, so each graph describes itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from conflictkg.extract.model import Document, Entity
from conflictkg.graph.iris import claim_iri, document_iri, entity_iri, event_iri, sentence_iri
from conflictkg.ontology import CK, WIKIDATA

__all__ = ["document_triples", "label_triples", "LABEL_PREDICATES", "Triple"]

Triple = tuple[URIRef, URIRef, URIRef | Literal]

_ROLES = (("actors", CK.actor), ("targets", CK.target), ("locations", CK.location))
LABEL_PREDICATES = (RDFS.label, SKOS.altLabel)  # what the store's labels graph gathers


def _int(n: int) -> Literal:
    return Literal(n, datatype=XSD.nonNegativeInteger)


def _decimal(x: float) -> Literal:
    return Literal(f"{x:.2f}", datatype=XSD.decimal)


def _entity_triples(entity: Entity) -> Iterator[Triple]:
    node = entity_iri(entity.key)
    for t in sorted(entity.types):
        yield node, RDF.type, CK[t]
    for lang, label in sorted(entity.labels.items()):
        yield node, RDFS.label, Literal(label, lang=lang)
    canonical = set(entity.labels.items())
    for text, lang in sorted(entity.aliases):
        if (lang, text) not in canonical:
            yield node, SKOS.altLabel, Literal(text, lang=lang)
    for text, lang in sorted(entity.roles):
        yield node, CK.role, Literal(text, lang=lang)
    if entity.wikidata:
        yield node, OWL.sameAs, WIKIDATA[entity.wikidata]


def label_triples(doc: Document) -> Iterator[Triple]:
    """The labels and alt labels of `doc`'s entities: what the store's labels graph gathers."""
    for entity in doc.entities.values():
        for triple in _entity_triples(entity):
            if triple[1] in LABEL_PREDICATES:
                yield triple


def document_triples(doc: Document) -> Iterator[Triple]:
    """Every triple that describes `doc`, in a deterministic order."""
    d = document_iri(doc.doc_id)
    yield d, RDF.type, CK.Document
    yield d, DCTERMS.identifier, Literal(doc.doc_id)
    yield d, DCTERMS.language, Literal(doc.lang, datatype=XSD.language)
    yield d, CK.contentHash, Literal(hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    if doc.title:
        yield d, DCTERMS.title, Literal(doc.title, lang=doc.lang)
    if doc.source:
        yield d, DCTERMS.source, Literal(doc.source)
    if doc.date:
        yield d, DCTERMS.date, Literal(doc.date, datatype=XSD.date)

    for s in doc.sentences:
        node = sentence_iri(doc.doc_id, s.index)
        yield node, RDF.type, CK.Sentence
        yield node, CK.inDocument, d
        yield node, CK.index, _int(s.index)
        yield node, CK.start, _int(s.start)
        yield node, CK.end, _int(s.end)
        yield node, CK.text, Literal(s.text)

    for entity in doc.entities.values():
        yield from _entity_triples(entity)
    for r in doc.relations:
        yield entity_iri(r.subject), CK[r.predicate], entity_iri(r.object)

    for i, e in enumerate(doc.events):
        node = event_iri(doc.doc_id, i)
        yield node, RDF.type, CK[e.type]
        yield node, RDFS.label, Literal(e.trigger, lang=doc.lang)
        yield node, PROV.wasDerivedFrom, sentence_iri(doc.doc_id, e.sentence)
        yield node, CK.confidence, _decimal(e.confidence)
        for attr, prop in _ROLES:
            for key in getattr(e, attr):
                yield node, prop, entity_iri(key)
        for weapon in e.instruments:
            yield node, CK.instrument, Literal(weapon, lang=doc.lang)
        if e.time:
            yield node, CK.time, Literal(e.time, datatype=XSD.date)
        if e.time_expression:
            yield node, CK.timeExpression, Literal(e.time_expression, lang=doc.lang)
        if e.fatalities is not None:
            yield node, CK.fatalities, _int(e.fatalities)
        if e.injuries is not None:
            yield node, CK.injuries, _int(e.injuries)
        if e.in_response_to is not None:
            yield node, CK.inResponseTo, event_iri(doc.doc_id, e.in_response_to)
    for i in doc.unattributed_events():
        yield d, CK.asserts, event_iri(doc.doc_id, i)

    for i, c in enumerate(doc.claims):
        node = claim_iri(doc.doc_id, i)
        yield node, RDF.type, CK.Claim
        yield node, CK.claimant, entity_iri(c.claimant)
        yield node, PROV.wasDerivedFrom, sentence_iri(doc.doc_id, c.sentence)
        yield node, CK.confidence, _decimal(c.confidence)
        yield node, RDFS.label, Literal(c.cue, lang=doc.lang)
        for ev in c.asserts:
            yield node, CK.asserts, event_iri(doc.doc_id, ev)
        if c.quote:
            yield node, CK.quote, Literal(c.quote, lang=doc.lang)
        if c.medium:
            yield node, CK.medium, Literal(c.medium)
