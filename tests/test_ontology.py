"""The ontology, its closed namespace and the shipped Turtle agree."""

import importlib.util
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Literal

from conflictkg.ontology import CK, EVENT_CLASSES, gazetteer_files, lexicon_files, load_turtle, ontology_graph

ROOT = Path(__file__).resolve().parent.parent


def _generator():
    spec = importlib.util.spec_from_file_location("generate_namespace", ROOT / "tools" / "generate_namespace.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_namespace_matches_the_turtle():
    g = ontology_graph()
    generated = _generator().render(g)
    assert (ROOT / "ontology" / "namespace.py").read_text(encoding="utf-8") == generated, "run `make namespace`"


def test_misspelt_term_fails_loudly():
    assert str(CK.Airstrike).endswith("#Airstrike")
    with pytest.raises(AttributeError):
        CK.AirStrike  # noqa: B018


def test_required_terms_exist_with_labels_and_comments_in_both_languages():
    g = ontology_graph()
    required = ["Actor", "Person", "State", "ArmedGroup", "MilitaryForce", "GovernmentBody", "Organization",
                "Coalition", "Group", "Location", "Country", "Region", "Settlement", "Site", "Event", *EVENT_CLASSES,
                "Claim", "Document", "Sentence", "actor", "target", "location", "instrument", "time",
                "timeExpression", "fatalities", "injuries", "inResponseTo", "confidence", "claimant", "asserts",
                "quote", "medium", "backedBy", "alliedWith", "ledBy", "memberOf", "spokespersonFor", "role",
                "controls", "locatedIn", "text", "index", "start", "end", "inDocument"]
    for name in required:
        term = CK[name]
        for prop in (RDFS.label, RDFS.comment):
            langs = {o.language for o in g.objects(term, prop) if isinstance(o, Literal)}
            assert {"en", "ar"} <= langs, f"{name} lacks {prop} in en and ar"


def test_taxonomy_and_alignment():
    g = ontology_graph()
    for cls in ("Airstrike", "Shelling", "RocketAttack", "DroneAttack", "Bombing", "ArmedAssault"):
        assert (CK[cls], RDFS.subClassOf, CK.Attack) in g
    assert (CK.Actor, RDFS.subClassOf, __import__("rdflib").PROV.Agent) in g
    assert (CK.alliedWith, RDF.type, OWL.SymmetricProperty) in g
    assert (CK.locatedIn, RDF.type, OWL.TransitiveProperty) in g


def test_lexicon_and_gazetteer_parse_and_cover_both_languages():
    lex = load_turtle(lexicon_files())
    gaz = load_turtle(gazetteer_files())
    for cls in EVENT_CLASSES:
        triggers = list(lex.subjects(CK.evokes, CK[cls]))
        assert triggers, f"no trigger evokes {cls}"
    langs = {o.language for o in gaz.objects(None, RDFS.label) if isinstance(o, Literal)}
    assert {"ar", "en"} <= langs
    assert len(set(gaz.subjects(RDF.type, CK.Country))) >= 190
