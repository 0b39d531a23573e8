"""The document model: what the extractors find in a text, with no RDF in it.

graph/mapping.py turns a Document into triples. Offsets are character
positions in Document.text; entity references are Entity.key strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

__all__ = ["Sentence", "Entity", "Mention", "Event", "Claim", "Relation", "Document"]


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Entity:
    """One real-world actor or place. `key` is stable across documents and languages."""

    key: str
    types: set[str]
    labels: dict[str, str] = field(default_factory=dict)  # language -> canonical label
    aliases: set[tuple[str, str]] = field(default_factory=set)  # (surface text, language)
    wikidata: str | None = None
    roles: set[tuple[str, str]] = field(default_factory=set)  # (title text, language), persons only
    in_gazetteer: bool = False


@dataclass(frozen=True)
class Mention:
    key: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass
class Event:
    type: str  # most specific class name in the ck: taxonomy
    sentence: int
    start: int  # the trigger's span
    end: int
    trigger: str
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)  # weapon words as written
    time: date | None = None
    time_expression: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    in_response_to: int | None = None  # index into Document.events
    confidence: float = 0.5


@dataclass
class Claim:
    claimant: str
    sentence: int
    start: int  # the reporting cue's span
    end: int
    cue: str
    asserts: list[int] = field(default_factory=list)  # indices into Document.events
    quote: str | None = None
    medium: str | None = None
    confidence: float = 0.5


@dataclass(frozen=True)
class Relation:
    subject: str
    predicate: str  # a ck: property name: backedBy, controls, memberOf ...
    object: str
    sentence: int


@dataclass
class Document:
    doc_id: str
    text: str
    lang: str
    title: str | None = None
    source: str | None = None
    date: date | None = None
    sentences: list[Sentence] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def unnamed(self, key: str) -> bool:
        """An entity of this report only, described but not named ('مسلحون', 'a crowded market'): its key
        holds the document id."""
        return f"/{self.doc_id}/" in key

    def unattributed_events(self) -> list[int]:
        """Events no claim asserts: the document itself asserts them."""
        claimed = {i for c in self.claims for i in c.asserts}
        return [i for i in range(len(self.events)) if i not in claimed]
