"""The HTML viewer without a browser: what the page contains (test_viewer_browser.py runs it in Chromium).

The graphs are built in-process from short English and Arabic texts written for these tests.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import RDF, RDFS, Literal, URIRef

from conflictkg import KnowledgeGraph
from conflictkg.errors import InputError
from conflictkg.graph.view import STYLE, page_data, render_html, write_html
from conflictkg.ontology import CK

ID = "https://w3id.org/conflictkg/id/"
HOUTHIS, ISRAEL, IRAN, US = ID + "houthis", ID + "israel", ID + "iran", ID + "united-states"
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
TEXTS = {  # doc id -> (text, date)
    "red-sea-1": ("Houthis attack ships in the Red Sea\nThe Iran-backed Houthis attacked Israel with drones on "
                  "Monday, a spokesman said. The United States condemned the Houthis. Hezbollah fighters clashed "
                  "with the Israeli army near Naqoura.", "2024-01-15"),
    "red-sea-2": ("More strikes\nThe Houthis attacked Israel again on Tuesday, the Israeli army said.", "2024-01-16"),
    "el-fasher": ("اشتباكات في الفاشر\nقصفت قوات الدعم السريع مدينة الفاشر يوم الأحد، وقالت لجان المقاومة إن القصف "
                  "أسفر عن مقتل خمسة مدنيين. وهاجم الحوثيون إسرائيل بطائرات مسيرة.", "2024-01-14"),
}


def build_kg(xss: bool = False) -> KnowledgeGraph:
    """The test graph; with `xss`, a document whose title and sentence carry markup, and an actor named with it."""
    kg = KnowledgeGraph()
    for doc_id, (text, day) in TEXTS.items():
        kg.add_text(text, doc_id=doc_id, date=day)
    if xss:
        kg.add_text(f"The Houthis attacked Israel on Monday, a statement titled {XSS} said.", doc_id="xss",
                    date="2024-01-15", title=XSS)
        actor = URIRef(ID + "xss-group")
        kg.store.replace_graph(URIRef(ID + "doc/xss-names"), [
            (actor, RDF.type, CK.ArmedGroup), (actor, RDFS.label, Literal(XSS, lang="en")),
            (actor, CK.alliedWith, URIRef(HOUTHIS))])
    return kg


@pytest.fixture(scope="module")
def kg():
    return build_kg()


def page_json(html: str) -> dict:
    """The data the page draws, parsed back from its JSON script element."""
    return json.loads(re.search(r'<script id="data" type="application/json">(.*?)</script>', html, re.S).group(1))


def node(data: dict, iri: str) -> dict:
    return next(n for n in data["nodes"] if n["iri"] == iri)


class _Loads(HTMLParser):
    """Every attribute of the page that would make a browser fetch something."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, k, v or "") for k, v in attrs if k in ("src", "href", "srcset", "data", "poster")]


def test_page_is_one_self_contained_file(kg, tmp_path):
    path = tmp_path / "graph.html"
    size = write_html(kg.store, path)
    html = path.read_text(encoding="utf-8")
    assert size == path.stat().st_size and size > 400_000  # vis-network's JS and CSS are inlined
    parser = _Loads()
    parser.feed(html)
    assert parser.found == []  # no script, link, img, iframe ... loads anything, local or remote
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", html, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", html, re.I) and "@import" not in html
    assert "default-src 'none'" in html  # and the page's CSP forbids any fetch
    assert "vis.Network" in html and "/*VIS_JS*/" not in html and "/*DATA*/" not in html


def test_nodes_edges_and_legend(kg):
    data = page_data(kg.store)
    g = kg.to_networkx()
    assert len(data["nodes"]) == g.number_of_nodes() and len(data["edges"]) == g.number_of_edges()
    for n in data["nodes"]:
        family, colour, shape = STYLE[n["kind"]]
        assert (n["family"], n["color"], n["shape"]) == (family, colour, shape)
    assert {k["kind"] for k in data["legend"]} == {n["kind"] for n in data["nodes"]}
    assert len({(k["color"], k["shape"]) for k in data["legend"]}) == len(data["legend"])  # each class distinct
    assert {"actor", "target", "location", "asserts", "claimant"} <= {e["label_en"] for e in data["edges"]}
    assert {e["rel"] for e in data["edges"]} == set(data["relations"])
    drones = next(n for n in data["nodes"] if n["kind"] == "DroneAttack" and "red-sea-1" in n["iri"])
    assert (drones["label_en"], drones["label_ar"]) == ("drone attack 2024-01-15", "هجوم بطائرة مسيرة 2024-01-15")
    assert next(n for n in data["nodes"] if n["kind"] == "Condemnation")["label_en"] == "condemnation"  # undated


def test_labels_in_the_chosen_language_with_fallback(kg):
    en, ar = page_data(kg.store, lang="en"), page_data(kg.store, lang="ar")
    assert node(en, HOUTHIS)["label"] == "Houthis" and node(ar, HOUTHIS)["label"] == "الحوثيون"
    assert (node(en, HOUTHIS)["label_en"], node(en, HOUTHIS)["label_ar"]) == ("Houthis", "الحوثيون")
    arabic_only = [n for n in en["nodes"] if n["family"] == "actor" and not n["label_en"].isascii()]
    assert arabic_only and all(n["label"] == n["label_ar"] for n in arabic_only)  # no English label: Arabic shown
    assert next(e for e in ar["edges"] if e["rel"] == "target")["label_ar"] == "الهدف"


def test_events_and_claims_point_to_their_sentence_and_document(kg):
    data = page_data(kg.store)
    event = next(n for n in data["nodes"] if n["kind"] == "Condemnation")
    (sentence, evidence), = data["items"][event["iri"]]["src"]
    text, doc = data["sentences"][sentence]
    assert text == "The United States condemned the Houthis." and evidence == "condemned"
    assert data["documents"][doc] == "Houthis attack ships in the Red Sea"
    drones = next(n for n in data["nodes"] if n["kind"] == "DroneAttack" and "red-sea-1" in n["iri"])
    facts = dict(data["items"][drones["iri"]]["facts"])
    assert (facts["time"], facts["time expression"], facts["instrument"]) == ("2024-01-15", "on Monday", "drones")
    claims = [n for n in data["nodes"] if n["kind"] == "Claim"]
    assert claims and all(data["items"][c["iri"]]["src"] for c in claims)


def test_markup_in_names_and_sentences_stays_data():
    html = render_html(page_data(build_kg(xss=True).store))
    assert "<script>window.__xss" not in html and "<img src=x" not in html  # escaped inside the JSON
    data = page_json(html)
    assert node(data, ID + "xss-group")["label_en"] == XSS  # ... and intact once parsed
    assert XSS in data["documents"] and any(XSS in text for text, _ in data["sentences"])


def test_actors_view_aggregates_events_into_weighted_relations(kg):
    data = page_data(kg.store, view="actors")
    assert {n["family"] for n in data["nodes"]} == {"actor"}
    by_iri = {n["id"]: n["iri"] for n in data["nodes"]}
    edges = {(by_iri[e["from"]], e["rel"], by_iri[e["to"]]): e for e in data["edges"]}
    attacked = edges[(HOUTHIS, "attacked", ISRAEL)]
    assert attacked["count"] == 3 and len(attacked["events"]) == 3  # two English reports and an Arabic one
    assert all(data["items"][e]["src"] for e in attacked["events"])
    assert edges[(US, "condemned", HOUTHIS)]["count"] == 1
    backs = edges[(IRAN, "backs", HOUTHIS)]  # "Iran-backed Houthis": a stated backedBy, drawn as Iran backs
    assert backs["events"] == [] and backs["documents"] == ["Houthis attack ships in the Red Sea"]
    assert data["relations"] == sorted({"attacked", "backs", "condemned"} | {e["rel"] for e in data["edges"]})


def test_a_select_query_narrows_the_view_to_its_nodes_and_their_links(kg):
    result = kg.query("PREFIX ck: <https://w3id.org/conflictkg/ontology#> SELECT ?e WHERE { ?e a ck:Condemnation }")
    data = page_data(kg.store, selection=result)
    iris = {n["iri"] for n in data["nodes"]}
    event = next(n for n in data["nodes"] if n["kind"] == "Condemnation")
    assert {event["iri"], US, HOUTHIS} <= iris and ISRAEL not in iris
    assert event["borderWidth"] == 3 and node(data, US)["borderWidth"] == 1  # the selected node stands out
    assert data["notices"] == [f"Query selection: {len(iris)} nodes, those the query's result names (1 IRI) "
                               "and their neighbours."]


def test_named_and_construct_queries_select_too(kg):
    named = page_data(kg.store, view="actors", selection=kg.named_query("attacks-by-actor", actor="الحوثيون"))
    assert {n["iri"] for n in named["nodes"]} == {HOUTHIS, ISRAEL}  # via the attack events it returns
    construct = kg.query("""PREFIX ck: <https://w3id.org/conflictkg/ontology#>
        CONSTRUCT { ?a ck:condemned ?t } WHERE { ?e a ck:Condemnation ; ck:actor ?a ; ck:target ?t }""")
    data = page_data(kg.store, view="actors", selection=construct)
    assert {n["iri"] for n in data["nodes"]} == {US, HOUTHIS, ISRAEL, IRAN}  # both, and the Houthis' links
    nothing = page_data(kg.store, selection=["https://example.org/none"])
    assert nothing["nodes"] == [] and nothing["notices"] == ["The query selected no node of this view."]


def test_large_graphs_keep_the_most_connected_nodes(kg):
    g = kg.to_networkx()
    data = page_data(kg.store, max_nodes=5)
    degrees = sorted((d for _, d in g.degree()), reverse=True)
    assert len(data["nodes"]) == 5
    assert sorted((g.degree(n["iri"]) for n in data["nodes"]), reverse=True) == degrees[:5]
    assert f"showing the 5 most connected of {g.number_of_nodes()} nodes" in data["notices"][0]


def test_bad_arguments_are_clear_errors(kg):
    with pytest.raises(InputError, match="unknown view"):
        page_data(kg.store, view="places")
    with pytest.raises(InputError, match="ASK"):
        page_data(kg.store, selection=kg.query("ASK { ?s ?p ?o }"))


def test_an_empty_graph_still_renders():
    with KnowledgeGraph() as empty:
        data = page_data(empty.store, view="actors")
    assert data["nodes"] == [] and "empty" in data["notices"][0]
