"""The same event told in Arabic and in English gives the same actor and place nodes, with evidence in both."""

from collections import defaultdict

import pytest
from evaluation import load_cases
from rdflib import URIRef

from conflictkg import KnowledgeGraph

QUERY = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?doc ?type ?role ?value WHERE {
  ?e prov:wasDerivedFrom ?s ; a ?type . ?s ck:inDocument ?doc .
  VALUES ?role { ck:actor ck:target ck:location }
  ?e ?role ?value .
}"""


@pytest.fixture(scope="module")
def pairs():
    cases = load_cases("pairs.toml")
    kg = KnowledgeGraph()
    for case in cases:
        kg.add_text(case["text"], doc_id=case["id"], date=case.get("date"))
    roles: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in kg.query(QUERY):
        roles[(str(r.doc).rsplit("/", 1)[1], str(r.type).rsplit("#", 1)[1])][str(r.role).rsplit("#", 1)[1]].add(
            str(r.value))
    wanted = {c["id"].rsplit("-", 1)[0]: c["event"][0]["type"] for c in cases}
    return kg, roles, wanted


def _with_containers(kg: KnowledgeGraph, places: set[str]) -> set[str]:
    """The places and every place they lie in (a port is in its city)."""
    out = set(places)
    for place in places:
        out |= {str(r.up) for r in kg.query(
            "SELECT ?p ?up WHERE { ?p <https://w3id.org/conflictkg/ontology#locatedIn>+ ?up }", p=URIRef(place))}
    return out


def test_each_pair_shares_its_actor_nodes_and_a_place(pairs):
    kg, roles, wanted = pairs
    assert len(wanted) == 8
    for pair, cls in sorted(wanted.items()):
        ar, en = roles[(f"{pair}-ar", cls)], roles[(f"{pair}-en", cls)]
        assert ar["actor"] and ar["actor"] == en["actor"], (pair, dict(ar), dict(en))
        where_ar = _with_containers(kg, ar["location"] | ar["target"])
        places = where_ar & _with_containers(kg, en["location"] | en["target"])
        assert places, (pair, dict(ar), dict(en))


def test_a_shared_node_has_evidence_in_both_languages(pairs):
    kg, _, _ = pairs
    rows = kg.query("""
        PREFIX ck: <https://w3id.org/conflictkg/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?actor (COUNT(DISTINCT ?lang) AS ?langs) (COUNT(DISTINCT ?s) AS ?sentences) WHERE {
          ?e ck:actor ?actor ; prov:wasDerivedFrom ?s . ?s ck:inDocument ?d . ?d dcterms:language ?lang .
        } GROUP BY ?actor""")
    both = {str(r.actor).rsplit("/", 1)[1]: int(r.sentences) for r in rows if int(r.langs) == 2}
    assert {"houthis", "israel", "russia", "rapid-support-forces", "al-shabaab"} <= set(both)
    assert all(n >= 2 for n in both.values())
