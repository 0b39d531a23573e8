"""Text -> document model (sentences, mentions, events, claims, relations), Arabic and English.

`extract_document` is the one entry point; it needs no RDF and no network.
"""

from conflictkg.extract.lang import SUPPORTED, detect_language
from conflictkg.extract.model import Claim, Document, Entity, Event, Relation, Sentence
from conflictkg.extract.pipeline import document_id, extract_document

__all__ = ["extract_document", "document_id", "detect_language", "SUPPORTED", "Document", "Sentence",
           "Entity", "Event", "Claim", "Relation"]
