"""The SPARQL endpoint (`conflictkg serve`), exercised on 127.0.0.1 only.

SPARQLWrapper, a client nobody here wrote, runs SELECT, ASK and CONSTRUCT; http.client checks the protocol's
status codes; a bounded load test (8 clients x 200 requests) checks that no request is lost under concurrency.
"""

from __future__ import annotations

import csv
import http.client
import inspect
import io
import json
import statistics
import threading
import time
from urllib.parse import quote, urlencode

import pytest
import rdflib
from conftest import graph_of
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, URLENCODED, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from conflictkg import KnowledgeGraph
from conflictkg.graph.server import (
    GRAPH_TYPES,
    SELECT_TYPES,
    Limits,
    SparqlServer,
    negotiate,
    network_keyword,
    serve,
)

TEXTS = {  # written for these tests: Sunday's strikes in Rafah told three times, and an attack at sea
    "ministry": ("Israeli air strikes killed 12 people in Rafah on Sunday, the Gaza health ministry said.",
                 "2024-01-15"),
    "army": ("Israeli air strikes killed 3 militants in Rafah on Sunday, the Israeli army said.", "2024-01-15"),
    "sea": ("The Iran-backed Houthis launched a drone attack on a commercial ship in the Red Sea on Tuesday, "
            "the U.S. military said.", "2024-01-17"),
    "ar": ("قالت وزارة الصحة في غزة إن غارات إسرائيلية قتلت 15 شخصا في رفح يوم الأحد.", "2024-01-15"),
}
PREFIXES = "PREFIX ck: <https://w3id.org/conflictkg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
EVENTS = PREFIXES + "SELECT ?event ?time WHERE { ?event ck:time ?time } ORDER BY ?event"
ASK_ARABIC = PREFIXES + 'ASK { ?place rdfs:label "رفح"@ar }'
CONSTRUCT = PREFIXES + "CONSTRUCT { ?event ck:time ?time } WHERE { ?event ck:time ?time }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
STREAMING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # 10^8 rows, produced one at a time
BLOCKING = (PREFIXES + "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"  # one row, after 10^7 joins
            "SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label ?b . ?c skos:altLabel ?d }")
HOSTILE = ['x" } ; DROP ALL ; { "', 'Houthis" || "1" = "1', "<https://w3id.org/conflictkg/id/houthis>", "}\n#"]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    """Keep urllib (under SPARQLWrapper) off any proxy: every request goes to 127.0.0.1 directly."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(name, "127.0.0.1,localhost")


@pytest.fixture(scope="module")
def graph():
    return graph_of(TEXTS)


def _start(kg: KnowledgeGraph, **limits) -> SparqlServer:
    server = SparqlServer(kg, ("127.0.0.1", 0), Limits(**limits))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(graph):
    srv = _start(graph)
    yield srv
    srv.shutdown()
    srv.server_close()


def request(srv: SparqlServer, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection(*srv.server_address[:2], timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read()
    finally:
        conn.close()


def get(srv, query: str, accept: str | None = None):
    return request(srv, "GET", f"/sparql?{urlencode({'query': query})}", headers={"Accept": accept} if accept else {})


def wrapper(srv, query: str, fmt: str, method: str | None = None) -> SPARQLWrapper:
    sw = SPARQLWrapper(f"{srv.url}/sparql")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(POST)
        sw.setRequestMethod(method)
    return sw


# -- SPARQLWrapper: SELECT, ASK, CONSTRUCT ----------------------------------------------------------------

@pytest.mark.parametrize("method", [None, URLENCODED, POSTDIRECTLY])
def test_select_through_sparqlwrapper_by_get_form_post_and_direct_post(server, graph, method):
    expected = [(str(r.event), str(r.time)) for r in graph.query(EVENTS)]
    rows = wrapper(server, EVENTS, JSON, method).queryAndConvert()["results"]["bindings"]
    assert [(r["event"]["value"], r["time"]["value"]) for r in rows] == expected and len(expected) == 4
    assert rows[0]["time"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"


@pytest.mark.parametrize("fmt", [XML, CSV, TSV])
def test_select_in_xml_csv_and_tsv_holds_the_same_rows(server, graph, fmt):
    expected = [str(r.event) for r in graph.query(EVENTS)]
    body = wrapper(server, EVENTS, fmt).queryAndConvert()
    if fmt == XML:
        got = [u.firstChild.data for u in body.getElementsByTagName("uri")]
    elif fmt == CSV:
        got = [row["event"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    else:
        lines = body.decode("utf-8").splitlines()
        assert lines[0] == "?event\t?time"
        got = [line.split("\t")[0].strip("<>") for line in lines[1:]]
    assert got == expected


def test_tsv_escapes_tabs_and_line_breaks_inside_literals(server):
    status, _, body = get(server, 'SELECT ?x WHERE { BIND("a\\tb\\nc" AS ?x) }', "text/tab-separated-values")
    assert status == 200 and body.decode("utf-8") == '?x\n"a\\tb\\nc"\n'


def test_ask_through_sparqlwrapper_in_json_and_xml(server):
    assert wrapper(server, ASK_ARABIC, JSON).queryAndConvert()["boolean"] is True
    assert wrapper(server, ASK_ARABIC.replace("رفح", "لا يوجد"), JSON).queryAndConvert()["boolean"] is False
    xml = wrapper(server, ASK_ARABIC, XML).queryAndConvert()
    assert xml.getElementsByTagName("boolean")[0].firstChild.data == "true"


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")  # inside SPARQLWrapper's parsing
@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, XML])
def test_construct_through_sparqlwrapper_in_turtle_json_ld_and_rdf_xml(server, graph, fmt):
    expected = set(graph.query(CONSTRUCT).graph)
    converted = wrapper(server, CONSTRUCT, fmt).queryAndConvert()
    got = rdflib.Graph().parse(data=converted, format="turtle") if fmt == TURTLE else converted
    assert set(got) == expected and len(expected) == 4


def test_arabic_text_survives_every_format(server):
    query = PREFIXES + 'SELECT ?label WHERE { ?place rdfs:label ?label FILTER(?label = "رفح"@ar) } LIMIT 1'
    for media in SELECT_TYPES:
        status, headers, body = get(server, query, media)
        assert status == 200 and headers["Content-Type"].startswith(media) and "رفح" in body.decode("utf-8"), media


# -- content negotiation --------------------------------------------------------------------------------

def test_negotiation_follows_q_values_wildcards_and_aliases():
    select = list(SELECT_TYPES)
    assert negotiate(None, select) == negotiate("*/*", select) == "application/sparql-results+json"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", select) == "application/sparql-results+xml"
    assert negotiate("text/*", select) == "text/csv"
    assert negotiate("application/sparql-results+json;q=0, */*;q=0.1", select) == "application/sparql-results+xml"
    assert negotiate("application/json", select, {"application/json": "application/sparql-results+json"}) \
        == "application/sparql-results+json"
    assert negotiate("image/png", select) is None
    assert negotiate("text/html,application/xhtml+xml,*/*;q=0.8", list(GRAPH_TYPES)) == "text/turtle"


@pytest.mark.parametrize(("query", "accept", "media"), [
    (EVENTS, "*/*", "application/sparql-results+json"),
    (EVENTS, "application/json", "application/sparql-results+json"),
    (ASK_ARABIC, None, "application/sparql-results+json"),
    (CONSTRUCT, "*/*", "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
])
def test_each_query_form_gets_a_sensible_format(server, query, accept, media):
    status, headers, body = get(server, query, accept)
    assert status == 200 and headers["Content-Type"].split(";")[0] == media and headers["Vary"] == "Accept"
    if media.endswith("json"):
        json.loads(body)


@pytest.mark.parametrize(("query", "accept"),
                         [(CONSTRUCT, "text/csv"), (ASK_ARABIC, "text/csv"), (EVENTS, "text/html")])
def test_a_format_the_result_cannot_take_is_406(server, query, accept):
    status, _, body = get(server, query, accept)
    assert status == 406 and b"results can be" in body


# -- errors: malformed, read-only, protocol ----------------------------------------------------------------

def test_a_malformed_query_is_400_with_the_parsers_message(server):
    status, headers, body = get(server, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert b"does not parse" in body and b"1:" in body  # the parser's position
    with pytest.raises(QueryBadFormed):
        wrapper(server, "SELECT * WHERE { ?s ?p }", JSON).query()


@pytest.mark.parametrize(("body", "content_type"), [
    (urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"),
    (b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
])
def test_updates_are_403_while_read_only_and_change_nothing(server, body, content_type):
    before = get(server, COUNT_ALL)[2]
    status, _, message = request(server, "POST", "/sparql", body, {"Content-Type": content_type})
    assert status == 403 and b"--allow-update" in message
    assert get(server, COUNT_ALL)[2] == before


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), [
    ("GET", "/sparql", None, {}, 400),  # no query
    ("GET", "/sparql?" + urlencode([("query", "ASK {}"), ("query", "ASK {}")]), None, {}, 400),
    ("GET", "/sparql?" + urlencode({"query": "ASK {}", "default-graph-uri": "urn:g"}), None, {}, 400),
    ("GET", "/sparql?" + urlencode({"update": "DROP ALL"}), None, {}, 405),
    ("POST", "/sparql", b"query=ASK%20%7B%7D", {"Content-Type": "text/plain"}, 415),
    ("POST", "/health", b"", {"Content-Type": "application/sparql-query"}, 405),
    ("GET", "/nowhere", None, {}, 404),
    ("GET", "/queries/no-such-query", None, {}, 404),
    ("GET", "/health", None, {"Host": "attacker.example:7878"}, 403),  # DNS rebinding
    ("GET", "/health", None, {"Host": "localhost:7878"}, 200),
])
def test_protocol_errors_have_their_status(server, method, path, body, headers, status):
    assert request(server, method, path, body, headers)[0] == status


@pytest.mark.parametrize(("text", "keyword"), [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service<http://127.0.0.1:9/sparql>{ ?s ?p ?o } }", "SERVICE"),
    ('SELECT * WHERE { ?s ?p "a\\"b" SERVICE <http://127.0.0.1:9/> {} }', "SERVICE"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("SELECT ?service WHERE { ?s ?p 'SERVICE' ; ex:service ?service } # SERVICE", None),
    ("SELECT * WHERE { ?s <http://example.org/SERVICE#LOAD> '''\nLOAD''' }", None),
])
def test_network_keywords_are_found_outside_strings_iris_and_comments(text, keyword):
    assert network_keyword(text) == keyword


def test_a_federated_query_is_refused_so_the_endpoint_fetches_nothing(server):
    status, _, body = get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 403 and b"SERVICE is disabled" in body
    assert get(server, 'SELECT ?x WHERE { BIND("SERVICE" AS ?x) }')[0] == 200


def test_sparqlwrapper_extra_format_parameters_are_ignored(server):
    status, _, body = request(server, "GET", "/sparql?" + urlencode({"query": ASK_ARABIC, "format": "json",
                                                                     "output": "json"}))
    assert status == 200 and json.loads(body)["boolean"] is True


def test_the_endpoint_binds_loopback_by_default():
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


# -- named queries, health, viewer -------------------------------------------------------------------------

def test_named_queries_are_listed_with_their_parameters(server):
    status, _, body = request(server, "GET", "/queries")
    listing = {q["name"]: q for q in json.loads(body)}
    assert status == 200 and len(listing) >= 12
    assert listing["timeline"]["params"]["since"]["default"] == "1900-01-01"
    assert "actor" in listing["attacks-by-actor"]["params"]


def test_a_named_query_binds_labels_in_either_language_like_the_api(server, graph):
    expected = {str(r.event) for r in graph.named_query("attacks-by-actor", actor="Houthis")}
    for actor in ("Houthis", "الحوثيون", "https://w3id.org/conflictkg/id/houthis"):
        status, _, body = request(server, "GET", f"/queries/attacks-by-actor?actor={quote(actor)}")
        rows = json.loads(body)["results"]["bindings"]
        assert status == 200 and {r["event"]["value"] for r in rows} == expected and len(expected) == 1, actor


@pytest.mark.parametrize("value", HOSTILE)
def test_a_hostile_parameter_value_is_data(server, value):
    before = get(server, COUNT_ALL)[2]
    status, _, body = request(server, "GET", f"/queries/attacks-by-actor?actor={quote(value)}")
    assert status == 200 and json.loads(body)["results"]["bindings"] == []
    assert get(server, COUNT_ALL)[2] == before


@pytest.mark.parametrize(("path", "message"), [
    ("/queries/attacks-by-actor", b"needs --param actor"),
    ("/queries/timeline?colour=red", b"has no parameter colour"),
])
def test_a_missing_or_unknown_parameter_is_400(server, path, message):
    status, _, body = request(server, "GET", path)
    assert status == 400 and message in body


def test_health_and_viewer(server):
    status, _, body = request(server, "GET", "/health")
    assert status == 200 and json.loads(body) | {"documents": 4, "read_only": True} == json.loads(body)
    status, headers, page = request(server, "GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html") and b"<html" in page
    assert request(server, "GET", "/")[2] == page  # built once, then served from memory


# -- updates when allowed ------------------------------------------------------------------------------------

def test_updates_apply_when_allowed_and_cross_origin_ones_are_refused():
    srv = _start(KnowledgeGraph(), allow_update=True)
    try:
        insert = "INSERT DATA { <urn:x:a> <urn:x:b> 'تجربة' }"
        sw = SPARQLWrapper(f"{srv.url}/sparql")
        sw.setMethod(POST)
        sw.setQuery(insert)
        assert sw.query().response.status == 204
        assert json.loads(get(srv, "ASK { <urn:x:a> <urn:x:b> 'تجربة' }")[2])["boolean"] is True
        status, _, _ = request(srv, "POST", "/sparql", b"DROP ALL", {"Content-Type": "application/sparql-update",
                                                                     "Origin": "https://evil.example"})
        assert status == 403 and json.loads(get(srv, "ASK { <urn:x:a> ?p ?o }")[2])["boolean"] is True
        status, _, body = request(srv, "POST", "/sparql", b"LOAD <http://127.0.0.1:9/data.ttl>",
                                  {"Content-Type": "application/sparql-update"})
        assert status == 403 and b"LOAD is disabled" in body
        status, _, body = request(srv, "POST", "/sparql", b"INSERT DATA { <urn:x:a> }",
                                  {"Content-Type": "application/sparql-update"})
        assert status == 400 and b"does not parse" in body
    finally:
        srv.shutdown()
        srv.server_close()


# -- limits: time and size -------------------------------------------------------------------------------------

def _answers_again(srv: SparqlServer, within: float = 60.0) -> bool:
    end = time.monotonic() + within
    while time.monotonic() < end:
        if get(srv, "ASK {}")[0] == 200:
            return True
        time.sleep(0.1)
    return False


def test_a_streaming_query_past_the_time_limit_is_503_and_stops(graph):
    srv = _start(graph, timeout=0.25, workers=1, max_results=10**9)
    try:
        started = time.monotonic()
        status, _, body = get(srv, STREAMING)
        assert status == 503 and b"ran out of time" in body and time.monotonic() - started < 5
        assert get(srv, "ASK {}")[0] == 200  # the one worker stopped between rows and is free again
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_blocking_query_past_the_time_limit_is_still_answered_on_time(graph):
    srv = _start(graph, timeout=0.1, workers=1)
    try:
        started = time.monotonic()
        status, _, body = get(srv, BLOCKING)
        assert status == 503 and b"limit is 0.1 s" in body and time.monotonic() - started < 5
        assert _answers_again(srv)  # once Oxigraph returns, the worker frees its slot
    finally:
        srv.shutdown()
        srv.server_close()


@pytest.mark.parametrize("query", [PREFIXES + "SELECT ?s ?l WHERE { ?s rdfs:label ?l }",
                                   PREFIXES + "CONSTRUCT WHERE { ?s rdfs:label ?l }"])
def test_a_result_over_max_results_is_422_and_a_limited_one_passes(graph, query):
    srv = _start(graph, max_results=3)
    try:
        status, _, body = get(srv, query)
        assert status == 422 and b"more than 3" in body and b"--max-results" in body
        assert get(srv, query.replace("rdfs:label ?l }", "rdfs:label ?l } LIMIT 3"))[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()


# -- load --------------------------------------------------------------------------------------------------------

def test_load_eight_clients_two_hundred_requests_each_none_lost(server, graph, capsys):
    """8 keep-alive clients x 200 mixed requests (GET, form POST, direct POST, named query) on 127.0.0.1."""
    n_events = len(list(graph.query(EVENTS)))
    n_attacks = len(list(graph.named_query("attacks-by-actor", actor="الحوثيون")))
    mix = [
        ("GET", "/sparql?" + urlencode({"query": EVENTS}), None, {}, n_events),
        ("POST", "/sparql", urlencode({"query": EVENTS}).encode(),
         {"Content-Type": "application/x-www-form-urlencoded"}, n_events),
        ("POST", "/sparql", ASK_ARABIC.encode(), {"Content-Type": "application/sparql-query"}, True),
        ("GET", "/queries/attacks-by-actor?" + urlencode({"actor": "الحوثيون"}), None, {}, n_attacks),
    ]
    clients, per_client = 8, 200
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        conn = http.client.HTTPConnection(*server.server_address[:2], timeout=60)
        mine, bad = [], []
        for i in range(per_client):
            method, path, body, headers, expected = mix[(i + k) % len(mix)]
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = json.loads(resp.read())
                got = data["boolean"] if "boolean" in data else len(data["results"]["bindings"])
                if resp.status != 200 or got != expected:
                    bad.append(f"{method} {path}: {resp.status} {got!r}")
            except (OSError, http.client.HTTPException, ValueError) as exc:
                bad.append(f"{method} {path}: {exc!r}")
                conn.close()
                conn = http.client.HTTPConnection(*server.server_address[:2], timeout=60)
            mine.append(time.perf_counter() - started)
        conn.close()
        with lock:
            latencies.extend(mine)
            failures.extend(bad)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    elapsed = time.perf_counter() - started
    assert not failures, failures[:5]
    assert len(latencies) == clients * per_client
    q = statistics.quantiles(latencies, n=100)
    with capsys.disabled():
        print(f"\nload: {clients} clients x {per_client} requests = {len(latencies)} in {elapsed:.2f} s, "
              f"{len(latencies) / elapsed:.0f} req/s; latency p50 {q[49] * 1000:.1f} ms, p95 {q[94] * 1000:.1f} ms, "
              f"p99 {q[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms; 0 lost")
