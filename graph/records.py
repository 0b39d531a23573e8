"""Typed records of events and claims, read back from the store with the named queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import Literal

from conflictkg.queries import get_query

__all__ = ["EventRecord", "ClaimRecord", "read_events", "read_claims", "pick_label"]


@dataclass
class EventRecord:
    iri: str
    type: str
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)
    instruments: list[str] = field(default_factory=list)
    time: str | None = None
    time_expression: str | None = None
    fatalities: int | None = None
    injuries: int | None = None
    confidence: float | None = None
    claimants: list[str] = field(default_factory=list)
    sentence: str = ""
    start: int = 0
    end: int = 0
    document: str = ""
    title: str | None = None


@dataclass
class ClaimRecord:
    iri: str
    claimant: str
    claimant_iri: str
    medium: str | None = None
    quote: str | None = None
    events: list[str] = field(default_factory=list)
    event_types: list[str] = field(default_factory=list)
    confidence: float | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    document: str = ""


def pick_label(labels: list[Literal], lang: str, fallback: str) -> str:
    """The label in `lang`, else in the other language, else the fallback; stable when there are several."""
    for want in (lang, None):
        found = sorted(str(x) for x in labels if want is None or x.language == want)
        if found:
            return min(found, key=len)
    return fallback


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def read_events(store, lang: str = "en") -> list[EventRecord]:
    """One record per event, most specific type only, with role fillers as labels in `lang`."""
    rows = list(store.query(get_query("events").text))
    events: dict[str, EventRecord] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        key = str(r.event)
        types[key].add(_local(r.type))
        if key in events:
            continue
        events[key] = EventRecord(
            key, "", time=str(r.time) if r.time else None,
            time_expression=str(r.timeExpression) if r.timeExpression else None,
            fatalities=int(r.fatalities) if r.fatalities is not None else None,
            injuries=int(r.injuries) if r.injuries is not None else None,
            confidence=float(r.confidence) if r.confidence is not None else None,
            sentence=str(r.text), start=int(r.start), end=int(r.end), document=str(r.document),
            title=str(r.title) if r.title else None)
    for key, ts in types.items():  # the extractor asserts only the most specific type (SHACL checks it)
        events[key].type = sorted(ts)[0]
    labels: dict[tuple[str, str, str], list[Literal]] = defaultdict(list)
    for r in store.query(get_query("event-roles").text):
        if str(r.event) not in events:
            continue
        slot = (str(r.event), _local(r.role), str(r.value))
        labels.setdefault(slot, [])
        if isinstance(r.label, Literal):
            labels[slot].append(r.label)
    attr = {"actor": "actors", "target": "targets", "location": "locations", "instrument": "instruments"}
    for (event, role, value), ls in sorted(labels.items()):
        text = value if role == "instrument" else pick_label(ls, lang, _local(value))
        getattr(events[event], attr[role]).append(text)
    for c in read_claims(store, lang):
        for e in c.events:
            if e in events and c.claimant not in events[e].claimants:
                events[e].claimants.append(c.claimant)
    return list(events.values())


def read_claims(store, lang: str = "en") -> list[ClaimRecord]:
    """One record per claim, with the events it asserts."""
    claims: dict[str, ClaimRecord] = {}
    claimant_labels: dict[str, list[Literal]] = defaultdict(list)
    for r in store.query(get_query("claims").text):
        key = str(r.claim)
        if isinstance(r.claimantLabel, Literal):
            claimant_labels[key].append(r.claimantLabel)
        c = claims.get(key)
        if c is None:
            c = claims[key] = ClaimRecord(
                key, "", str(r.claimant), medium=str(r.medium) if r.medium else None,
                quote=str(r.quote) if r.quote else None,
                confidence=float(r.confidence) if r.confidence is not None else None,
                sentence=str(r.text), start=int(r.start), end=int(r.end), document=str(r.document))
        if r.event is not None and str(r.event) not in c.events:
            c.events.append(str(r.event))
    for key, c in claims.items():
        c.claimant = pick_label(claimant_labels[key], lang, _local(c.claimant_iri))
    return list(claims.values())

