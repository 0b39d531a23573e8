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
