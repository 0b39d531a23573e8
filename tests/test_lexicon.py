"""Lexicons and gazetteer: shipped entries load, and a user's Turtle file extends them."""

import pytest
from reports import EN_REPORT

from conflictkg import InputError, KnowledgeGraph
from conflictkg.extract.lexicon import load_lexicon

USER_TTL = """
@prefix ck: <https://w3id.org/conflictkg/ontology#> .
@prefix ckid: <https://w3id.org/conflictkg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
ckid:northern-hills-brigade a ck:ArmedGroup ;
    rdfs:label "Northern Hills Brigade"@en, "لواء التلال الشمالية"@ar ;
    skos:altLabel "NHB"@en .
"""


def test_every_language_has_triggers_cues_and_a_gazetteer():
    for lang in ("ar", "en"):
        lex = load_lexicon(lang)
        kinds = {e.kind for buckets in lex.index.values() for entries in buckets.values() for _, e in entries}
        assert {"entity", "demonym", "trigger", "support", "weapon", "cue", "medium", "title", "head"} <= kinds
        assert len(lex.entities) > 1000


def test_a_user_lexicon_adds_an_actor(tmp_path):
    path = tmp_path / "mine.ttl"
    path.write_text(USER_TTL, encoding="utf-8")
    text = "The NHB shelled the town of Karmel on Monday, residents said."
    with KnowledgeGraph(lexicons=[str(path)]) as kg:
        kg.add_text(text, doc_id="nhb", date="2024-03-05")
        assert [e.actors for e in kg.events()] == [["Northern Hills Brigade"]]
    with KnowledgeGraph() as kg:  # without the file the acronym is unknown
        kg.add_text(text, doc_id="nhb", date="2024-03-05")
        assert [e.actors for e in kg.events()] == [[]]


def test_a_broken_user_lexicon_is_a_clear_error(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="not valid Turtle"), KnowledgeGraph(lexicons=[str(path)]) as kg:
        kg.add_text(EN_REPORT, doc_id="x")


def test_an_organ_of_a_state_belongs_to_its_country_in_the_gazetteer():
    entities = load_lexicon("ar").entities
    assert entities["israel-defense-forces"].member_of == ["israel"]
    assert entities["rapid-support-forces"].member_of == []  # not an organ of Sudan's state
