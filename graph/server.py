"""A SPARQL 1.1 Protocol endpoint over a KnowledgeGraph, on the standard library's ThreadingHTTPServer.

Routes:
    /sparql          GET ?query=; POST form-encoded (query= or update=), application/sparql-query or
                     application/sparql-update. The Accept header picks the result format.
    /queries         the named queries, their descriptions and parameters (JSON)
    /queries/NAME    one named query; URL parameters are bound as values, never pasted into its text
    /health          liveness and a store summary (JSON)
    /                the interactive viewer, built on the first request and again after an update

Why it looks like this: analysts' tools (YASGUI, SPARQLWrapper, Protégé, Jupyter) speak the SPARQL
protocol, and the project needs no web framework to answer it. The endpoint is read-only unless started
with allow_update, and binds to 127.0.0.1 unless told otherwise.

Limits: each query runs on a daemon worker thread while the request thread waits for it until the time
limit, then answers 503. A SELECT stops between rows at the limit; an aggregate, sort or CONSTRUCT
runs inside Oxigraph and cannot be interrupted, so it finishes in the background while a semaphore caps
how many queries run at once. A result with more rows (or triples) than max_results is refused with 422
rather than cut short, so that a client never mistakes a partial answer for a whole one.

Browsers: any web page the user opens can send requests to 127.0.0.1. So SERVICE (in a query) and LOAD (in
an update), for which Oxigraph would fetch a URL, are refused with 403; so is an update from another origin;
and on loopback a request whose Host is not a loopback name (DNS rebinding) is refused too.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import os
import re
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote, urlsplit

from rdflib import XSD, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result

from conflictkg.errors import ConflictKGError, InputError
from conflictkg.graph.view import write_html
from conflictkg.ontology import CK
from conflictkg.queries import named_queries

if TYPE_CHECKING:
    from conflictkg.api import KnowledgeGraph

__all__ = ["Limits", "SparqlServer", "negotiate", "network_keyword", "serve"]

_log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # bytes of a POST body: a query or update longer than 1 MiB is refused with 413

# media type -> rdflib serializer name; the first of each table is the answer to Accept: */*
SELECT_TYPES = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv"}
ASK_TYPES = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml"}
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
               "application/rdf+xml": "xml"}
# other names clients send for the same formats (SPARQLWrapper asks for some of these)
_RESULT_ALIASES = {"application/json": "application/sparql-results+json",
                   "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"}
_GRAPH_ALIASES = {"application/turtle": "text/turtle", "application/x-turtle": "text/turtle",
                  "text/plain": "application/n-triples", "application/json": "application/ld+json",
                  "application/x-json+ld": "application/ld+json"}
# strings, IRIs and comments: the words inside them are not keywords
_OPAQUE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""' r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
                     r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_NETWORK = re.compile(r"(?<![\w:?$])(SERVICE|LOAD)(?![\w:-])", re.IGNORECASE)
# protocol parameters that choose a dataset; the endpoint always queries the union of all graphs
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri")


@dataclass(frozen=True)
class Limits:
    """What the endpoint allows: updates, seconds per request, rows or triples per result, queries at once."""

    allow_update: bool = False
    timeout: float = 30.0
    max_results: int = 100_000
    workers: int = max(4, os.cpu_count() or 1)


class HTTPError(Exception):
    """A response with an error status and a one-paragraph plain-text explanation."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def negotiate(accept: str | None, offers: Sequence[str], aliases: Mapping[str, str] | None = None) -> str | None:
    """The offered media type the Accept header rates highest, ties going to the earlier offer;
    the first offer when there is no header, None when the client accepts none of them."""
    if not accept:
        return offers[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.lower()
        ranges.append(((aliases or {}).get(media, media), q))

    def quality(offer: str) -> float:
        # the most specific range that matches decides: type/subtype, then type/*, then */*
        for candidate in (offer, offer.split("/")[0] + "/*", "*/*"):
            qs = [q for media, q in ranges if media == candidate]
            if qs:
                return max(qs)
        return 0.0

    best, best_q = None, 0.0
    for offer in offers:
        q = quality(offer)
        if q > best_q:
            best, best_q = offer, q
    return best


def network_keyword(text: str) -> str | None:
    """SERVICE or LOAD when the query or update would make Oxigraph fetch from the network, else None."""
    found = _NETWORK.search(_OPAQUE.sub(" ", text))
    return found.group(1).upper() if found else None


def _tsv_term(term: object) -> str:
    """A term in the Turtle syntax SPARQL TSV uses, with tabs and line breaks escaped."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        text = str(term).translate({0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return term.n3()  # type: ignore[attr-defined]


def serialize(result: Result, media: str) -> bytes:
    """A query result in the format of `media` (one of the *_TYPES keys)."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        result.graph.bind("ck", CK)  # ck:actor in Turtle, not ns1:actor
        return result.graph.serialize(format=GRAPH_TYPES[media], encoding="utf-8")
    fmt = SELECT_TYPES[media]
    if fmt != "tsv":
        return result.serialize(format=fmt, encoding="utf-8")
    lines = ["\t".join(f"?{v}" for v in result.vars)]  # rdflib has no TSV result serializer
    lines += ["\t".join(_tsv_term(t) for t in row) for row in result]
    return ("\n".join(lines) + "\n").encode("utf-8")


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: one thread per connection; queries on worker threads under the time limit."""

    daemon_threads = True
    block_on_close = False  # idle keep-alive connections must not hold up shutdown

    def __init__(self, kg: KnowledgeGraph, address: tuple[str, int], limits: Limits | None = None) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)
        self.kg = kg
        self.loopback = _is_loopback(address[0])
        self.limits = limits = limits or Limits()
        self._slots = threading.BoundedSemaphore(limits.workers)
        self._viewer: bytes | None = None
        self._viewer_lock = threading.Lock()
        kg.query("ASK {}")  # rdflib sets up its namespace bindings on first use; do it before threads share it

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{f'[{host}]' if ':' in host else host}:{port}"

    def _run(self, work: Callable[[float], object], deadline: float) -> object:
        """Run work(deadline) on a daemon worker thread; 503 when it is not done by the deadline."""
        if not self._slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise HTTPError(503, f"the server is busy: {self.limits.workers} queries are still running; "
                                 "try again later")
        future: Future = Future()

        def target() -> None:
            try:
                future.set_result(work(deadline))
            except Exception as exc:  # handed to the waiting request thread
                future.set_exception(exc)
            finally:
                self._slots.release()

        threading.Thread(target=target, name="sparql-worker", daemon=True).start()
        try:
            return future.result(timeout=max(0.0, deadline - time.monotonic()))
        except TimeoutError:
            raise self._out_of_time() from None

    def _out_of_time(self) -> HTTPError:
        return HTTPError(503, f"the query ran out of time: the limit is {self.limits.timeout:g} s per request; "
                              "add LIMIT, narrow the patterns, or ask for a longer --timeout")

    def _too_large(self, what: str) -> HTTPError:
        return HTTPError(422, f"the result has more than {self.limits.max_results} {what} (the server's "
                              "--max-results); add LIMIT or narrow the query")

    def _bounded(self, result: Result, deadline: float) -> Result:
        """The result held in memory; an error past the deadline (checked between rows) or max_results."""
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            if len(result.graph) > self.limits.max_results:
                raise self._too_large("triples")
            return result
        if result.type == "ASK":
            return result
        names, rows = result.vars, []
        try:
            for row in result:
                if time.monotonic() > deadline:  # stop working: the request has had its 503
                    raise self._out_of_time()
                if len(rows) == self.limits.max_results:
                    raise self._too_large("rows")
                rows.append({v: t for v, t in zip(names, row, strict=True) if t is not None})
        finally:
            # Oxigraph's row iterator may only be freed on the thread that made it, and rdflib's Result holds
            # it in a reference cycle: after an early stop, close it here rather than in another thread's GC
            rest = getattr(result, "_genbindings", None)
            if rest is not None:
                rest.close()
        bounded = Result("SELECT")
        bounded.vars, bounded.bindings = names, rows
        return bounded

    def query(self, text: str, deadline: float) -> Result:
        """Run a SPARQL query over the union of all graphs."""
        return self._run(lambda d: self._bounded(self.kg.query(text), d), deadline)  # type: ignore[return-value]

    def named(self, name: str, params: dict[str, str], deadline: float) -> Result:
        """Run a named query with its parameters bound as values, the same way the API does."""
        return self._run(lambda d: self._bounded(self.kg.named_query(name, **params), d),  # type: ignore[return-value]
                         deadline)

    def update(self, text: str, deadline: float) -> None:
        """Apply a SPARQL Update (to the default graph unless it names a GRAPH), then persist it."""
        def work(_: float) -> None:
            try:  # rdflib's own update path cannot run on a union-graph Dataset; Oxigraph's can
                self.kg.store.dataset.store.update(text, {}, {}, DATASET_DEFAULT_GRAPH_ID)
            except SyntaxError as exc:
                raise HTTPError(400, f"the SPARQL update does not parse: {exc}") from None
            self.kg.store.flush()
            with self._viewer_lock:
                self._viewer = None
        self._run(work, deadline)

    def viewer(self) -> bytes:
        """The viewer page, built once with write_html and kept until an update changes the graph."""
        with self._viewer_lock:
            if self._viewer is None:
                with tempfile.TemporaryDirectory() as tmp:
                    path = Path(tmp) / "graph.html"
                    write_html(self.kg.store, path)
                    self._viewer = path.read_bytes()
            return self._viewer


Response = tuple[int, bytes, str, dict[str, str]]


def _text(status: int, message: str) -> Response:
    """An error response: the message as plain text."""
    return status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {}


def _json(data: object) -> Response:
    """A 200 response with `data` as JSON (Arabic kept as is, not escaped)."""
    return 200, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"), "application/json", {}


def _refuse_network(text: str) -> None:
    """403 for a query or update that would make Oxigraph fetch a URL."""
    keyword = network_keyword(text)
    if keyword:
        raise HTTPError(403, f"{keyword} is disabled: this endpoint answers from its own graph and fetches "
                             "nothing from the network")


def _single(params: dict[str, list[str]], key: str) -> str | None:
    """The one value of a URL or form parameter; None when absent, 400 when repeated."""
    values = params.get(key, [])
    if len(values) > 1:
        raise HTTPError(400, f"give {key} once, not {len(values)} times")
    return values[0] if values else None


class _Handler(BaseHTTPRequestHandler):
    """Routes one connection's requests; every response carries a Content-Length, so connections stay open."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "conflictkg"
    timeout = 60  # seconds an idle keep-alive connection may hold its thread
    disable_nagle_algorithm = True  # headers and body go out in two writes; Nagle would hold the body ~40 ms

    def do_GET(self) -> None:
        self._respond(self._get)

    def do_POST(self) -> None:
        self._respond(self._post)

    def log_message(self, format: str, *args: object) -> None:
        _log.info("%s %s", self.address_string(), format % args)

    def _respond(self, route: Callable[[float], Response]) -> None:
        deadline = time.monotonic() + self.server.limits.timeout
        try:
            host = urlsplit("//" + (self.headers.get("Host") or "")).hostname
            if self.server.loopback and host and not _is_loopback(host):
                raise HTTPError(403, f"Host {host} is not a loopback name; this endpoint serves 127.0.0.1 only")
            status, body, content_type, headers = route(deadline)
        except HTTPError as exc:
            status, body, content_type, headers = _text(exc.status, str(exc))
        except ConflictKGError as exc:  # a query that does not parse, a missing or unknown parameter
            status, body, content_type, headers = _text(400, str(exc))
        except Exception:
            _log.exception("error while answering %s", self.path)
            status, body, content_type, headers = _text(500, "internal error; the server log has the details")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def _get(self, deadline: float) -> Response:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/sparql":
            return self._sparql(params, deadline, post=False)
        if url.path == "/queries":
            return _json([{"name": q.name, "title": q.title, "description": q.description, "url": f"/queries/{q.name}",
                           "params": {p: {"default": d, "help": h} for p, (d, h) in q.params.items()}}
                          for q in named_queries().values()])
        if url.path.startswith("/queries/"):
            return self._named(unquote(url.path[len("/queries/"):]), params, deadline)
        if url.path == "/health":
            return _json({"status": "ok", "documents": len(self.server.kg.documents()),
                          "read_only": not self.server.limits.allow_update, "timeout": self.server.limits.timeout,
                          "max_results": self.server.limits.max_results})
        if url.path == "/":
            return 200, self.server.viewer(), "text/html; charset=utf-8", {}
        raise HTTPError(404, f"no such page: {url.path}; try /sparql, /queries, /health or /")

    def _post(self, deadline: float) -> Response:
        url = urlsplit(self.path)
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            raise HTTPError(411, "a POST needs a Content-Length header")
        if int(length) > MAX_BODY:
            self.close_connection = True  # the body stays unread
            raise HTTPError(413, f"the request body is over {MAX_BODY} bytes")
        try:
            body = self.rfile.read(int(length)).decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPError(400, "the request body is not UTF-8") from None
        if url.path != "/sparql":
            raise HTTPError(405, "POST queries and updates to /sparql; other pages take GET")
        params = parse_qs(url.query, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if content_type == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif content_type in ("application/sparql-query", "application/sparql-update"):
            params.setdefault("query" if content_type.endswith("query") else "update", []).append(body)
        else:
            raise HTTPError(415, "send application/x-www-form-urlencoded, application/sparql-query or "
                                 f"application/sparql-update, not {content_type or 'no Content-Type'}")
        return self._sparql(params, deadline, post=True)

    def _sparql(self, params: dict[str, list[str]], deadline: float, post: bool) -> Response:
        given = [p for p in _DATASET_PARAMS if p in params]
        if given:
            raise HTTPError(400, f"{given[0]} is not supported: queries see the union of all graphs; "
                                 "use GRAPH <iri> { ... } in the query to read one graph")
        query, update = _single(params, "query"), _single(params, "update")
        if query is not None and update is not None:
            raise HTTPError(400, "give a query or an update, not both")
        if update is not None:
            if not post:
                raise HTTPError(405, "send SPARQL Update with POST")
            if not self.server.limits.allow_update:
                raise HTTPError(403, "this endpoint is read-only; restart it with --allow-update to accept updates")
            origin = self.headers.get("Origin")
            if origin and urlsplit(origin).netloc != self.headers.get("Host"):
                raise HTTPError(403, f"updates from another origin ({origin}) are refused")
            _refuse_network(update)
            self.server.update(update, deadline)
            return 204, b"", "text/plain; charset=utf-8", {}
        if query is None:
            raise HTTPError(400, "give a SPARQL query: GET /sparql?query=... or POST query=...")
        _refuse_network(query)
        return self._negotiated(self.server.query(query, deadline))

    def _named(self, name: str, params: dict[str, list[str]], deadline: float) -> Response:
        if name not in named_queries():
            raise HTTPError(404, f"no named query {name!r}; GET /queries lists them")
        values = {key: str(_single(params, key)) for key in params}
        return self._negotiated(self.server.named(name, values, deadline))

    def _negotiated(self, result: Result) -> Response:
        """The result in the format the Accept header asks for, or 406 when it accepts none we make."""
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            offers, aliases = GRAPH_TYPES, _GRAPH_ALIASES
        else:
            offers, aliases = (ASK_TYPES if result.type == "ASK" else SELECT_TYPES), _RESULT_ALIASES
        accept = self.headers.get("Accept")
        media = negotiate(accept, list(offers), aliases)
        if media is None:
            raise HTTPError(406, f"{result.type} results can be {', '.join(offers)}; Accept: {accept} asks for none")
        return 200, serialize(result, media), f"{media}; charset=utf-8", {"Vary": "Accept"}


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def serve(kg: KnowledgeGraph, host: str = "127.0.0.1", port: int = 7878, limits: Limits | None = None) -> None:
    """Serve `kg` until interrupted (Ctrl-C): what `conflictkg serve` runs."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        server = SparqlServer(kg, (host, port), limits)
    except OSError as exc:
        raise InputError(f"cannot listen on {host}:{port}: {exc.strerror or exc}; "
                         "pass --port with another number or --host with another address") from None
    if not _is_loopback(host):
        _log.warning("warning: listening on %s, so other machines can reach the endpoint", host)
    _log.info("SPARQL endpoint %s/sparql (%s); the viewer is at /, named queries at /queries; Ctrl-C stops",
              server.url, "read-write" if server.limits.allow_update else "read-only")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
