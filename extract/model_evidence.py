"""Optional evidence from a spaCy pipeline the user has installed (`--model NAME`).

conflictkg never downloads a model: `spacy.load` takes an installed package name
or a directory. Its named entities add actors and places where the rules found
nothing, and when it parses, a trigger verb's subject and object fill an event's
actor and target where the rules left them empty; the rules always win.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import spacy

from conflictkg.errors import InputError
from conflictkg.extract.model import Event
from conflictkg.extract.registry import EMention, Registry
from conflictkg.extract.text import Token

__all__ = ["ModelEvidence", "model_evidence", "ENTITY_CLASSES", "fill_from_parse"]

# spaCy's usual labels -> ontology classes (NORP is left to the demonym tables)
ENTITY_CLASSES = {"PERSON": "Person", "PER": "Person", "ORG": "Organization", "GPE": "Settlement",
                  "LOC": "Region", "FAC": "Site"}


@cache
def _load(name: str):
    try:
        return spacy.load(name)
    except OSError:
        raise InputError(f"spaCy pipeline {name!r} is not installed here; install it with pip (conflictkg never "
                         "downloads models) or leave out --model") from None


# dependency labels (spaCy's English and Universal Dependencies names) -> the role their word fills
_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
_OBJECTS = frozenset({"dobj", "obj"})
_AGENTS = frozenset({"agent", "obl:agent"})


@dataclass
class ModelEvidence:
    """What a user's pipeline says about a text, in character offsets."""

    entities: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, ontology class)
    # verb start offset -> role -> the (start, end) of the word filling it
    arguments: dict[int, dict[str, tuple[int, int]]] = field(default_factory=dict)


def model_evidence(text: str, name: str) -> ModelEvidence:
    """Entities, and each verb's subject and object when the pipeline parses."""
    parsed = _load(name)(text)
    evidence = ModelEvidence([(e.start_char, e.end_char, ENTITY_CLASSES[e.label_]) for e in parsed.ents
                              if e.label_ in ENTITY_CLASSES])
    if not parsed.has_annotation("DEP"):
        return evidence
    for token in parsed:
        role = "actor" if token.dep_ in _SUBJECTS | _AGENTS else (
            "target" if token.dep_ in _OBJECTS | _PASSIVE_SUBJECTS else None)
        head = token.head if token.dep_ not in _AGENTS else token.head.head  # "shelled by X": by -> shelled
        if role is not None and head is not token:
            evidence.arguments.setdefault(head.idx, {}).setdefault(role, (token.idx, token.idx + len(token)))
    return evidence


def fill_from_parse(events: list[Event], mentions: list[EMention], tokens: list[Token],
                    arguments: dict[int, dict[str, tuple[int, int]]], reg: Registry) -> None:
    """Fill an empty actor or target from the parse: the mention holding the verb's subject or object."""
    for ev in events:
        found = arguments.get(ev.start)
        if not found:
            continue
        for role, attr in (("actor", "actors"), ("target", "targets")):
            span = found.get(role)
            if span is None or getattr(ev, attr):
                continue
            m = next((m for m in mentions if tokens[m.i].start <= span[0] and span[1] <= tokens[m.j - 1].end), None)
            if m is not None and (role == "target" or reg.is_actor(m.key)) and m.key not in ev.actors + ev.targets:
                getattr(ev, attr).append(m.key)
