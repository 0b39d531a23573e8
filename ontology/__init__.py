"""The conflict ontology, SHACL shapes, lexicons and gazetteer, shipped as Turtle.

Everything here is data loaded with importlib.resources, never from the working
directory, so an installed package works from anywhere and offline.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Graph, Namespace, URIRef

from conflictkg.ontology.namespace import CK

__all__ = ["CK", "ID", "LEX", "ONTOLOGY_GRAPH", "LEXICON_GRAPH", "GAZETTEER_GRAPH", "LABELS_GRAPH", "EVENT_CLASSES",
           "ontology_graph", "shapes_graph", "lexicon_files", "gazetteer_files", "load_turtle"]

ID = Namespace("https://w3id.org/conflictkg/id/")
LEX = Namespace("https://w3id.org/conflictkg/lexicon/")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

# Named graphs that hold the shipped data inside a store, apart from documents.
ONTOLOGY_GRAPH = URIRef("https://w3id.org/conflictkg/ontology")
LEXICON_GRAPH = URIRef("https://w3id.org/conflictkg/lexicon")
GAZETTEER_GRAPH = URIRef("https://w3id.org/conflictkg/gazetteer")
# Every stored entity's labels once (document graphs repeat them): where queries look names up, so a
# label join costs the same with 10 documents as with 10,000.
LABELS_GRAPH = URIRef("https://w3id.org/conflictkg/labels")

# Every event class an extractor may emit; each is the most specific type.
EVENT_CLASSES = (
    "Attack", "Airstrike", "Shelling", "RocketAttack", "DroneAttack", "Bombing", "ArmedAssault",
    "ArmedClash", "Killing", "Condemnation", "Accusation", "Threat", "Endorsement", "Cooperation",
)

_PACKAGE = resources.files(__name__)


def _ttl_files(folder: str) -> list[Traversable]:
    return sorted((f for f in _PACKAGE.joinpath(folder).iterdir() if f.name.endswith(".ttl")),
                  key=lambda f: f.name)


def lexicon_files() -> list[Traversable]:
    """The shipped lexicon files (triggers, cues, titles, head nouns)."""
    return _ttl_files("lexicon")


def gazetteer_files() -> list[Traversable]:
    """The shipped gazetteer files (countries, places, actors, people)."""
    return _ttl_files("gazetteer")


def load_turtle(files: list[Traversable]) -> Graph:
    """Parse Turtle files into one graph."""
    graph = Graph()
    for f in files:
        graph.parse(data=f.read_text(encoding="utf-8"), format="turtle")
    return graph


@cache
def ontology_graph() -> Graph:
    """The ontology (classes, properties, alignment)."""
    return load_turtle([_PACKAGE.joinpath("conflict.ttl")])


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes the store is validated against."""
    return load_turtle([_PACKAGE.joinpath("shapes.ttl")])
