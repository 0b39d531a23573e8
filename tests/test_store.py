"""The Oxigraph-backed store: named graphs per document, replace, remove, union, persistence, locks."""

import subprocess
import sys
import textwrap

import pyoxigraph
import pytest
import rdflib
from conftest import held_by_another_process
from rdflib import RDF
from reports import AR_REPORT, EN_REPORT

from conflictkg import KnowledgeGraph, StoreLockedError
from conflictkg.graph.iris import document_iri
from conflictkg.ontology import CK, GAZETTEER_GRAPH, LEXICON_GRAPH, ONTOLOGY_GRAPH

COUNT_EVENTS = """
PREFIX ck: <https://w3id.org/conflictkg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e prov:wasDerivedFrom ?s . ?s ck:inDocument ?doc }"""
COUNT_IN_DOC = COUNT_EVENTS.replace("SELECT", "SELECT ?doc").replace("WHERE", "WHERE").replace(
    "}", "} GROUP BY ?doc")


def _n(kg, query=COUNT_EVENTS, **b) -> int:
    return int(next(iter(kg.query(query, **b)))[0])


def test_each_document_has_its_own_named_graph_and_shipped_data_has_its_own(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    kg.add_text(AR_REPORT, doc_id="ar")
    graphs = set(kg.store.graphs())
    assert {document_iri("en"), document_iri("ar"), ONTOLOGY_GRAPH, LEXICON_GRAPH, GAZETTEER_GRAPH} <= graphs
    assert kg.documents() == ["ar", "en"]


def test_rebuild_is_idempotent(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    first = kg.store.triple_count()
    kg.add_text(EN_REPORT, doc_id="en")
    assert kg.store.triple_count() == first > 0


def test_re_adding_a_changed_document_replaces_it(kg):
    kg.add_text(EN_REPORT, doc_id="report")
    kg.add_text("Nothing happened today.", doc_id="report")
    assert _n(kg) == 0
    assert kg.documents() == ["report"]


def test_remove_drops_only_that_document(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    kg.add_text(AR_REPORT, doc_id="ar")
    ar_events = int(next(iter(kg.query(COUNT_IN_DOC, doc=document_iri("ar")))).n)
    assert kg.remove("en") is True
    assert kg.remove("en") is False
    assert kg.documents() == ["ar"]
    assert _n(kg) == ar_events > 0


def test_queries_see_the_union_of_documents(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    kg.add_text(AR_REPORT, doc_id="ar")
    docs = {str(r.doc) for r in kg.query(
        "PREFIX ck: <https://w3id.org/conflictkg/ontology#> "
        "SELECT DISTINCT ?doc WHERE { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?s . "
        "?s ck:inDocument ?doc }")}
    assert docs == {str(document_iri("en")), str(document_iri("ar"))}


def test_bound_values_are_data_not_query_text(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    before = kg.store.triple_count()
    hostile = '"} ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    rows = list(kg.query("SELECT ?name ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                         name=hostile))
    assert rows == []
    assert kg.store.triple_count() == before


def test_store_persists_across_processes(tmp_path):
    path = tmp_path / "store"
    with KnowledgeGraph(path) as kg:
        kg.add_text(EN_REPORT, doc_id="en")
        expected = kg.store.triple_count()
    code = textwrap.dedent(f"""
        from conflictkg import KnowledgeGraph
        with KnowledgeGraph({str(path)!r}) as kg:
            print(kg.documents(), kg.store.triple_count())
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == f"['en'] {expected}"


def test_a_store_held_by_another_process_gives_a_clear_error(tmp_path):
    path = tmp_path / "store"
    KnowledgeGraph(path).close()
    with held_by_another_process(path), pytest.raises(StoreLockedError, match="in use by another process"):
        KnowledgeGraph(path)


def test_dump_formats_round_trip(kg, tmp_path):
    kg.add_text(EN_REPORT, doc_id="en")
    doc = document_iri("en")
    for ext in ("trig", "nq", "jsonld"):  # datasets keep the document's named graph
        path = tmp_path / f"out.{ext}"
        kg.save(path)
        ds = rdflib.Dataset()
        ds.parse(path)
        assert (doc, RDF.type, CK.Document, doc) in ds
        assert any(q.graph_name.value == str(doc) for q in pyoxigraph.parse(path=str(path)))
    for ext in ("ttl", "nt"):  # graphs get the union
        path = tmp_path / f"out.{ext}"
        kg.save(path)
        assert (doc, RDF.type, CK.Document) in rdflib.Graph().parse(path)


def test_a_long_build_flushes_its_writes_so_memory_stays_flat(tmp_path, monkeypatch):
    import conflictkg.graph.store as store_module

    flushes, original = [], store_module.GraphStore.flush

    def counted(self):
        flushes.append(1)
        original(self)

    monkeypatch.setattr(store_module, "_FLUSH_EVERY", 20)
    monkeypatch.setattr(store_module.GraphStore, "flush", counted)
    with KnowledgeGraph(tmp_path / "store") as kg:
        kg.add_text(EN_REPORT, doc_id="en")
        kg.add_text(AR_REPORT, doc_id="ar")
    assert len(flushes) >= 2  # one per document at least: each has more than 20 triples


def test_labels_are_gathered_once_in_the_labels_graph(kg):
    kg.add_text(EN_REPORT, doc_id="en")
    kg.add_text(EN_REPORT.replace("Sunday", "Monday"), doc_id="en-2")
    assert len(_houthi_labels(kg)) == 1  # the English report names the Houthis; their label is stored once
    assert "labels" not in " ".join(kg.documents())


def test_a_store_written_before_the_labels_graph_gets_one_when_opened(tmp_path):
    from conflictkg.ontology import LABELS_GRAPH

    with KnowledgeGraph(tmp_path / "store") as kg:
        kg.add_text(EN_REPORT, doc_id="en")
        kg.store.remove_graph(LABELS_GRAPH)
    with KnowledgeGraph(tmp_path / "store") as kg:
        assert kg.store.has_graph(LABELS_GRAPH)
        assert len(_houthi_labels(kg)) == 1


def _houthi_labels(kg) -> list:
    return list(kg.query("SELECT ?node WHERE { GRAPH <https://w3id.org/conflictkg/labels> { ?node "
                         "<http://www.w3.org/2000/01/rdf-schema#label> ?label } FILTER(STR(?label) = 'Houthis') }"))
