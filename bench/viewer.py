"""Viewer benchmark: how long a page of 1k or 5k nodes takes to settle in headless Chromium.

    python bench/viewer.py                    # 1000 and 5000 nodes, 3 loads each, about a minute
    python bench/viewer.py --sizes 500 2000 --repeats 5

For each size it builds a synthetic graph in an in-memory store (actors, places, events with roles and
source sentences, claims, documents, in the proportions of real news), writes the viewer with
`write_html` (max nodes = the size, so nothing is cut), loads it from file:// in Debian's headless
chromium through Selenium, and reads `window.conflictkg.readyAt`: milliseconds from navigation start
until vis-network's stabilization finished, the first stable render. It also times a redraw and a
filter click on the settled page, which is what "responsive" means to a user. Medians over the loads
are printed as a Markdown table and written with the machine to bench/results/viewer.json. Offline:
nothing is downloaded. Not part of the tests.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Literal, URIRef
from rdflib.namespace import PROV
from report import viewer_table
from run import machine_info
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conflictkg.graph.store import GraphStore
from conflictkg.graph.view import write_html
from conflictkg.ontology import CK, ID

RESULTS = Path(__file__).resolve().parent / "results" / "viewer.json"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--window-size=1400,900")
ACTOR_KINDS = ("State", "ArmedGroup", "MilitaryForce", "GovernmentBody", "Person", "Organization")
PLACE_KINDS = ("Country", "Region", "Settlement", "Site")
EVENT_KINDS = ("Airstrike", "Shelling", "DroneAttack", "ArmedClash", "Killing", "Condemnation", "Attack")


def synthetic_store(nodes: int, seed: int = 0) -> GraphStore:
    """About `nodes` graph nodes: 20% actors, 10% places, 45% events, 22% claims, 3% documents."""
    rng = random.Random(seed)
    actors = [URIRef(f"{ID}actor-{i}") for i in range(nodes // 5)]
    places = [URIRef(f"{ID}place-{i}") for i in range(nodes // 10)]
    docs = max(1, nodes * 3 // 100)
    events_per_doc, claims_per_doc = 15, 7
    store = GraphStore()
    for d in range(docs):
        doc = URIRef(f"{ID}doc/d{d}")
        triples = [(doc, RDF.type, CK.Document)]
        for i, node in enumerate(actors + places):  # labels live in the documents, as the extractor writes them
            if i % docs == d:
                kind = ACTOR_KINDS[i % len(ACTOR_KINDS)] if i < len(actors) else PLACE_KINDS[i % len(PLACE_KINDS)]
                triples += [(node, RDF.type, CK[kind]), (node, RDFS.label, Literal(f"{kind} {i}", lang="en")),
                            (node, RDFS.label, Literal(f"فاعل {i}", lang="ar"))]
        for e in range(events_per_doc):
            event, sentence = URIRef(f"{doc}/event/{e}"), URIRef(f"{doc}/sentence/{e}")
            a, t, p = rng.choice(actors), rng.choice(actors), rng.choice(places)
            triples += [(sentence, CK.text, Literal(f"Actor {a} struck {t} near {p}.")), (sentence, CK.inDocument, doc),
                        (sentence, CK.start, Literal(e * 40)), (event, RDF.type, CK[rng.choice(EVENT_KINDS)]),
                        (event, RDFS.label, Literal("struck", lang="en")), (event, PROV.wasDerivedFrom, sentence),
                        (event, CK.actor, a), (event, CK.target, t), (event, CK.location, p)]
            if e % 3 == 0:
                triples.append((doc, CK.asserts, event))
        for c in range(claims_per_doc):
            claim = URIRef(f"{doc}/claim/{c}")
            triples += [(claim, RDF.type, CK.Claim), (claim, CK.claimant, rng.choice(actors)),
                        (claim, PROV.wasDerivedFrom, URIRef(f"{doc}/sentence/{c}")),
                        (claim, CK.asserts, URIRef(f"{doc}/event/{rng.randrange(events_per_doc)}"))]
        store.replace_graph(doc, triples)
    return store


def browser(profile: str) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def load(driver: webdriver.Chrome, page: Path, timeout: float = 300) -> dict[str, float]:
    """Open the page once; ms to the first stable render, to redraw it, and to apply a filter click."""
    driver.get("about:blank")
    driver.get(page.as_uri())
    end = time.monotonic() + timeout
    while not driver.execute_script("return Boolean(window.conflictkg && window.conflictkg.ready)"):
        if time.monotonic() > end:
            raise TimeoutError(f"{page} did not settle in {timeout} s")
        time.sleep(0.05)
    return driver.execute_script("""
        const k = window.conflictkg, t0 = performance.now();
        k.network.renderer._redraw();
        const t1 = performance.now();
        document.querySelector('input[data-family="claim"]').click();
        const t2 = performance.now();
        return {ready_ms: k.readyAt, redraw_ms: t1 - t0, filter_ms: t2 - t1};""")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time to first stable render of the viewer in headless Chromium.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="node counts (default 1000 5000)")
    parser.add_argument("--repeats", type=int, default=3, help="page loads per size; medians are kept (default 3)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON output (default bench/results/viewer.json)")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="conflictkg-bench-") as tmp:
        driver = browser(str(Path(tmp) / "profile"))
        try:
            for size in args.sizes:
                store = synthetic_store(size)
                page = Path(tmp) / f"graph-{size}.html"
                start = time.perf_counter()
                nbytes = write_html(store, page, max_nodes=size)
                write_s = time.perf_counter() - start
                runs = [load(driver, page) for _ in range(args.repeats)]
                data_nodes, data_edges = driver.execute_script(
                    "return [window.conflictkg.nodes.length, window.conflictkg.edges.length]")
                rows.append({"nodes": data_nodes, "edges": data_edges, "html_bytes": nbytes, "write_s": write_s,
                             **{k: statistics.median(r[k] for r in runs) for k in runs[0]}, "runs": runs})
        finally:
            driver.quit()
    print(viewer_table(rows))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine_info(), "repeats": args.repeats, "results": rows}, indent=2)
                        + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
