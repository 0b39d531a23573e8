"""--model: a user's installed spaCy pipeline adds entity evidence; a missing one is a clear error."""

import pytest
import spacy

from conflictkg import InputError, KnowledgeGraph
from conflictkg.cli import cli

TEXT = "The Zorgistan Liberation Front shelled the town of Karmel on Monday, residents said."


@pytest.fixture(scope="module")
def pipeline_dir(tmp_path_factory):
    """A small spaCy pipeline saved to disk, as a user's trained model would be installed."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Zorgistan Liberation Front"}])
    path = tmp_path_factory.mktemp("model") / "zorg"
    nlp.to_disk(path)
    return str(path)


def _actor_types(kg: KnowledgeGraph) -> set[str]:
    rows = kg.query("""PREFIX ck: <https://w3id.org/conflictkg/ontology#>
        SELECT DISTINCT ?t WHERE { ?e ck:actor ?a . ?a a ?t }""")
    return {str(r.t).rsplit("#", 1)[1] for r in rows}


def test_model_entities_type_names_the_rules_do_not_know(pipeline_dir):
    with KnowledgeGraph() as plain:
        plain.add_text(TEXT, doc_id="z")
        assert _actor_types(plain) == {"Actor"}
    with KnowledgeGraph(model=pipeline_dir) as kg:
        kg.add_text(TEXT, doc_id="z")
        assert _actor_types(kg) == {"Organization"}
        assert [e.actors for e in kg.events()] == [["Zorgistan Liberation Front"]]


def test_a_missing_model_is_a_user_error(runner, tmp_path):
    with pytest.raises(InputError, match="not installed"), KnowledgeGraph(model="no_such_pipeline_xx") as kg:
        kg.add_text(TEXT, doc_id="z")
    result = runner.invoke(cli, ["build", "-", "--store", str(tmp_path / "s"), "--model", "no_such_pipeline_xx"],
                           input=TEXT)
    assert result.exit_code == 1 and "not installed" in result.output


PARSED = "The Front, which residents say has grown in recent months, shelled Karmel on Monday."


@spacy.Language.component("toy_parser")
def _toy_parser(doc):
    """Stands in for a trained parser: 'Front' is the subject and 'Karmel' the object of 'shelled'."""
    by_text = {t.text: t for t in doc}
    if {"Front", "shelled", "Karmel"} <= set(by_text):
        by_text["Front"].head, by_text["Front"].dep_ = by_text["shelled"], "nsubj"
        by_text["Karmel"].head, by_text["Karmel"].dep_ = by_text["shelled"], "dobj"
    return doc


@pytest.fixture(scope="module")
def parsing_pipeline_dir(tmp_path_factory):
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Front"}])
    nlp.add_pipe("toy_parser")
    path = tmp_path_factory.mktemp("model") / "parser"
    nlp.to_disk(path)
    return str(path)


def test_a_parse_fills_the_roles_the_rules_left_empty(parsing_pipeline_dir):
    with KnowledgeGraph() as plain:
        plain.add_text(PARSED, doc_id="p")
        assert [e.actors for e in plain.events()] == [[]]
    with KnowledgeGraph(model=parsing_pipeline_dir) as kg:
        kg.add_text(PARSED, doc_id="p")
        assert [e.actors for e in kg.events()] == [["Front"]]
