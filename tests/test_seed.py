"""Acceptance on the seed report (../shared/seeds/000_...): the facts of issue 3, line by line, through SPARQL."""

import pyoxigraph
import pytest
import rdflib
from conftest import SEED, SEED_DATE, require_shared
from rdflib import URIRef

from conflictkg import KnowledgeGraph
from conflictkg.graph.iris import sentence_iri

PREFIXES = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX id: <https://w3id.org/conflictkg/id/>
"""


def ask(kg: KnowledgeGraph, where: str, line: int | None = None) -> bool:
    """ASK over the seed; ?s is bound to the sentence of `line` when given."""
    bindings = {"s": sentence_iri("seed", line)} if line is not None else {}
    query = PREFIXES + "SELECT ?s WHERE { " + where + " } LIMIT 1"
    return bool(list(kg.query(query, **bindings)))


def event(kg, line, cls, extra=""):
    return ask(kg, f"?e prov:wasDerivedFrom ?s ; a ?t . ?t rdfs:subClassOf* ck:{cls} . {extra}", line)


def test_seed_builds_to_trig_that_rdflib_and_pyoxigraph_load(seed_path, tmp_path, runner):
    from conflictkg.cli import cli

    out = tmp_path / "seed.trig"
    result = runner.invoke(cli, ["build", str(seed_path), "--store", str(tmp_path / "s"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    ds = rdflib.Dataset()
    ds.parse(out, format="trig")
    assert any(ds.quads((None, rdflib.RDF.type, URIRef("https://w3id.org/conflictkg/ontology#Claim"), None)))
    assert sum(1 for _ in pyoxigraph.parse(path=str(out))) == sum(1 for _ in ds.quads())


def test_line0_clash_between_iran_backed_factions_and_us_led_coalition_in_eastern_syria(seed_kg):
    assert event(seed_kg, 0, "ArmedClash", """
        ?e ck:actor ?m , ?c ; ck:location ?east .
        ?m a ck:ArmedGroup ; ck:backedBy id:iran .
        ?c a ck:Coalition ; ck:ledBy id:united-states .
        ?east ck:locatedIn id:syria .""")


def test_line0_us_airstrike_in_iraq_and_syria(seed_kg):
    assert event(seed_kg, 0, "Airstrike", "?e ck:actor id:united-states ; ck:location id:iraq , id:syria .")


def test_line1_marotto_claims_on_twitter_a_rocket_attack_on_us_forces_without_actor(seed_kg):
    assert ask(seed_kg, """
        ?claim ck:claimant ?p ; ck:medium "Twitter" ; prov:wasDerivedFrom ?s ; ck:asserts ?e .
        ?p a ck:Person ; ck:spokespersonFor ?coalition .
        ?coalition a ck:Coalition .
        ?e a ck:RocketAttack ; ck:target ?forces .
        ?forces a ck:MilitaryForce .
        FILTER NOT EXISTS { ?e ck:actor ?anyone }""", 1)


def test_line1_counter_battery_shelling_by_us_forces(seed_kg):
    assert event(seed_kg, 1, "Shelling", "?e ck:actor ?f . ?f a ck:MilitaryForce .")


def test_line2_syrian_sources_claim_militia_shelling_of_the_us_base_at_al_omar(seed_kg):
    assert ask(seed_kg, """
        ?claim ck:claimant ?g ; prov:wasDerivedFrom ?s ; ck:asserts ?e .
        ?g a ck:Group .
        ?e a ck:Shelling ; ck:actor ?m ; ck:target ?base .
        ?m ck:backedBy id:iran .
        ?base a ck:Site .
        ?e ck:location ?field . ?field ck:locatedIn+ id:syria .""", 2)


def test_line2_coalition_shelling_of_al_mayadeen_which_the_militias_control(seed_kg):
    assert event(seed_kg, 2, "Shelling", """
        ?e ck:actor ?c ; ck:target ?town .
        ?c a ck:Coalition .
        ?town a ck:Settlement .
        ?m ck:controls ?town ; ck:backedBy id:iran .""")


def test_line3_marotto_is_the_same_node_as_in_line1(seed_kg):
    rows = list(seed_kg.query(PREFIXES + """
        SELECT DISTINCT ?p WHERE { ?c ck:claimant ?p ; prov:wasDerivedFrom ?s . ?s ck:index ?i .
                                   ?p a ck:Person . FILTER(?i IN (1, 3)) }"""))
    assert len(rows) == 1


def test_line4_sdf_control_al_omar_and_are_backed_by_the_us(seed_kg):
    assert ask(seed_kg, """?sdf ck:controls ?field ; ck:backedBy id:united-states .
                           ?field a ck:Site .""")


def test_line5_washington_accuses_the_iran_allied_militias(seed_kg):
    assert event(seed_kg, 5, "Accusation", "?e ck:actor id:united-states .")


def test_line6_blinken_and_the_white_house_endorse(seed_kg):
    assert event(seed_kg, 6, "Endorsement", """
        ?e ck:actor ?b , ?wh .
        ?b a ck:Person ; ck:memberOf id:united-states ; ck:role ?role .
        ?wh a ck:GovernmentBody .""")


def test_line7_blinken_claim_is_the_same_node(seed_kg):
    assert ask(seed_kg, """
        ?claim ck:claimant ?b ; prov:wasDerivedFrom ?s .
        ?b a ck:Person ; ck:memberOf id:united-states .""", 7)


def test_line8_militias_claim_a_killing_of_four_kataib_sayyid_al_shuhada_members_and_vow_to_retaliate(seed_kg):
    assert ask(seed_kg, """
        ?claim ck:claimant ?m ; ck:medium "statement" ; prov:wasDerivedFrom ?s ; ck:asserts ?k .
        ?k a ck:Killing ; ck:target ?victims ; ck:fatalities 4 .
        ?victims rdfs:label "Kataib Sayyid al-Shuhada"@en .""", 8)
    assert event(seed_kg, 8, "Threat", "?e ck:actor ?m . ?m a ck:ArmedGroup .")


@pytest.mark.parametrize("line", [9, 10, 11])
def test_lines9_to_11_condemnations_each_with_its_claim(seed_kg, line):
    assert ask(seed_kg, """
        ?e a ck:Condemnation ; prov:wasDerivedFrom ?s ; ck:actor ?who .
        ?claim ck:asserts ?e ; ck:claimant ?who .""", line)


def test_line11_the_iraqi_army_coordinates_with_the_us_military(seed_kg):
    assert event(seed_kg, 11, "Cooperation", """
        ?e ck:actor ?iraqi , ?us .
        ?iraqi a ck:MilitaryForce . ?us a ck:MilitaryForce . FILTER(?iraqi != ?us)""")


@pytest.mark.parametrize("line", [12, 13])
def test_lines12_13_strikes_ordered_by_president_biden(seed_kg, line):
    assert event(seed_kg, line, "Attack", """
        ?e ck:actor ?biden .
        ?biden a ck:Person ; ck:memberOf id:united-states ; ck:role ?role .""")


def test_line12_strikes_against_the_iran_backed_militias(seed_kg):
    assert event(seed_kg, 12, "Attack", "?e ck:target ?m . ?m ck:backedBy id:iran .")


def test_line13_in_syria_in_february_in_response_to_rocket_attacks_in_iraq(seed_kg):
    assert event(seed_kg, 13, "Attack", """
        ?e ck:location id:syria ; ck:timeExpression ?when ; ck:inResponseTo ?cause .
        ?cause a ck:RocketAttack ; ck:location id:iraq .
        FILTER(CONTAINS(STR(?when), "فبراير"))""")


def test_line14_two_us_officials_claim_militia_drone_attacks_in_iraq(seed_kg):
    assert ask(seed_kg, """
        ?claim ck:claimant ?g ; prov:wasDerivedFrom ?s ; ck:asserts ?e .
        ?g a ck:Group .
        ?e a ck:DroneAttack ; ck:actor ?m ; ck:location id:iraq .
        ?m ck:backedBy id:iran .""", 14)


def test_the_iran_backed_militias_are_one_node_across_the_report(seed_kg):
    rows = list(seed_kg.query(PREFIXES + """
        SELECT DISTINCT ?m WHERE { ?m a ck:ArmedGroup ; ck:backedBy id:iran . ?e ck:actor|ck:target ?m }"""))
    assert len(rows) == 1


def test_every_event_and_claim_points_to_its_sentence_with_true_offsets(seed_kg):
    text = require_shared(SEED).read_text(encoding="utf-8")
    rows = list(seed_kg.query(PREFIXES + """
        SELECT DISTINCT ?n ?start ?end ?text WHERE {
          { ?n a ck:Claim } UNION { ?n a ?t . ?t rdfs:subClassOf* ck:Event }
          ?n prov:wasDerivedFrom ?s . ?s ck:start ?start ; ck:end ?end ; ck:text ?text }"""))
    assert len(rows) > 20
    for r in rows:
        assert text[int(r.start):int(r.end)] == str(r.text)
    assert text.splitlines()[0] in {str(r.text) for r in rows}


def test_rebuilding_the_seed_gives_identical_triples(seed_path):
    def build() -> set:
        with KnowledgeGraph() as kg:
            kg.add_text(seed_path.read_text(encoding="utf-8"), doc_id="seed", date=SEED_DATE)
            return set(kg.store.document_union())
    assert build() == build()
