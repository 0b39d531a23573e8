"""Named queries: every one runs, parameters are data, and aggregates count each event once."""

import pytest
from reports import AR_REPORT, EN_REPORT

from conflictkg.queries import named_queries

SAMPLE_VALUES = {"actor": "Houthis", "target": "Rafah", "place": "Red Sea", "claimant": "Gaza Health Ministry",
                 "event": "https://w3id.org/conflictkg/id/doc/en/event/0", "since": "2024-01-01",
                 "until": "2024-12-31"}


@pytest.fixture
def kg2(kg):
    kg.add_text(EN_REPORT, doc_id="en", date="2024-01-17")
    kg.add_text(AR_REPORT, doc_id="ar", date="2024-01-15")
    return kg


def test_there_are_at_least_twelve_documented_queries():
    queries = named_queries()
    assert len(queries) >= 12
    for q in queries.values():
        assert q.title and q.description, q.name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_named_query_runs(kg2, name):
    params = {p: SAMPLE_VALUES[p] for p in named_queries()[name].params if p in SAMPLE_VALUES}
    list(kg2.named_query(name, **params))


def test_parameters_accept_labels_in_either_language_and_iris(kg2):
    by_label = {str(r.event) for r in kg2.named_query("attacks-by-actor", actor="houthis")}
    by_arabic = {str(r.event) for r in kg2.named_query("attacks-by-actor", actor="الحوثيون")}
    by_iri = {str(r.event) for r in kg2.named_query("attacks-by-actor",
                                                    actor="https://w3id.org/conflictkg/id/houthis")}
    assert by_label == by_arabic == by_iri and len(by_label) == 1


def test_a_hostile_parameter_is_data(kg2):
    before = kg2.store.triple_count()
    assert list(kg2.named_query("attacks-by-actor", actor='x" } ; DROP ALL ; { "')) == []
    assert kg2.store.triple_count() == before


def test_casualties_count_each_event_once(kg2):
    # the actor's labels sit in two graphs and two languages; sums must not multiply
    rows = {str(r.actorLabel): int(r.fatalities) for r in kg2.named_query("casualties-by-actor")}
    assert rows["Israel"] == 12


def test_air_strikes_that_killed_are_one_event_with_fatalities(kg2):
    israel = [e for e in kg2.events() if "Israel" in e.actors]
    assert [(e.type, e.fatalities) for e in israel] == [("Airstrike", 12)]
