"""Optional evidence from a spaCy pipeline the user has installed (`--model NAME`).

conflictkg never downloads a model: `spacy.load` takes an installed package name
or a directory. Its named entities add actors and places where the rules found
nothing; the rules' own mentions always win.
"""

from __future__ import annotations

from functools import cache

import spacy

from conflictkg.errors import InputError

__all__ = ["model_entities", "ENTITY_CLASSES"]

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


def model_entities(text: str, name: str) -> list[tuple[int, int, str]]:
    """(start, end, ontology class) for each entity the pipeline finds in `text`."""
    return [(e.start_char, e.end_char, ENTITY_CLASSES[e.label_]) for e in _load(name)(text).ents
            if e.label_ in ENTITY_CLASSES]
