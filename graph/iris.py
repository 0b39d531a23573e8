"""Stable IRIs under https://w3id.org/conflictkg/id/.

Entities get one IRI across documents and languages (their key); documents,
sentences, events and claims get IRIs from the document id and their position,
so rebuilding the same text yields the same IRIs.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rdflib import URIRef

from conflictkg.ontology import ID

__all__ = ["slug", "entity_iri", "document_iri", "sentence_iri", "event_iri", "claim_iri", "doc_id_from_iri"]

_NOT_SLUG = re.compile(r"[^\w]+", re.UNICODE)


def slug(text: str) -> str:
    """Lower-case words joined by hyphens; letters of any script are kept."""
    return _NOT_SLUG.sub("-", text.casefold()).strip("-_") or "x"


def _iri(path: str) -> URIRef:
    return URIRef(ID[quote(path, safe="/-_.~")] if path.isascii() else ID[path])


def entity_iri(key: str) -> URIRef:
    return _iri(key)


def document_iri(doc_id: str) -> URIRef:
    return _iri(f"doc/{doc_id}")


def sentence_iri(doc_id: str, index: int) -> URIRef:
    return _iri(f"doc/{doc_id}/sentence/{index}")


def event_iri(doc_id: str, index: int) -> URIRef:
    return _iri(f"doc/{doc_id}/event/{index}")


def claim_iri(doc_id: str, index: int) -> URIRef:
    return _iri(f"doc/{doc_id}/claim/{index}")


def doc_id_from_iri(iri: str) -> str | None:
    """The document id of a document IRI, or None for other IRIs."""
    prefix = str(ID) + "doc/"
    if not iri.startswith(prefix) or "/" in iri[len(prefix):]:
        return None
    return iri[len(prefix):]
