"""The `conflictkg` command: a thin click layer over conflictkg.KnowledgeGraph.

Exit status: 0 success, 1 a user error (bad path, file, query, locked store),
2 a usage error (unknown option, missing argument).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from conflictkg.api import BuildSummary, KnowledgeGraph, parse_date
from conflictkg.build import extract_all, read_sources, sample_sources
from conflictkg.errors import ConflictKGError, InputError
from conflictkg.graph import server
from conflictkg.graph.export import EXPORT_FORMATS
from conflictkg.queries import named_queries

DEFAULT_STORE = "conflictkg-data"
err = Console(stderr=True)
out = Console(soft_wrap=True)

class _Group(click.Group):
    """Turns ConflictKGError into a one-line message and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConflictKGError as exc:
            raise click.ClickException(str(exc)) from None

@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflictkg")
def cli() -> None:
    """Build, query and view a knowledge graph of conflict news (Arabic and English), offline."""

def _store_options(f):
    f = click.option("--graph", "graph_file", type=click.Path(dir_okay=False),
                     help="Read an RDF file (.trig .nq .ttl .nt .jsonld) instead of a store.")(f)
    return click.option("--store", "store_dir", type=click.Path(file_okay=False),
                        help=f"Store directory [default: ./{DEFAULT_STORE}].")(f)

def _open(store_dir: str | None, graph_file: str | None, *, read_only: bool = False) -> KnowledgeGraph:
    """A store to read: an RDF file loaded in memory, or an existing store directory."""
    if graph_file:
        if not Path(graph_file).is_file():
            raise InputError(f"no such file: {graph_file}")
        kg = KnowledgeGraph()
        kg.store.load_file(graph_file)
        return kg
    path = Path(store_dir or DEFAULT_STORE)
    if not path.is_dir():
        raise InputError(f"no store at {path}; run `conflictkg build` first or pass --store/--graph")
    return KnowledgeGraph(path, read_only=read_only)

@cli.command()
@click.argument("paths", nargs=-1)
@click.option("--store", "store_dir", type=click.Path(file_okay=False), default=DEFAULT_STORE, show_default=True,
              help="Store directory (persistent).")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Also write the whole dataset (.trig .nq .ttl .nt .jsonld).")
@click.option("--html", type=click.Path(dir_okay=False), help="Also write the interactive viewer.")
@click.option("--lang", type=click.Choice(["auto", "ar", "en"]), default="auto", show_default=True,
              help="Language of the documents; auto detects it per document.")
@click.option("--date", "day", help="Report date YYYY-MM-DD, to resolve 'on Sunday' to a date.")
@click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(dir_okay=False),
              help="Extra lexicon/gazetteer Turtle file to merge (repeatable).")
@click.option("--model", help="An installed spaCy pipeline (package name or directory) whose entities are "
                              "extra evidence; optional, never downloaded.")
def build(paths, store_dir, out, html, lang, day, jobs, lexicons, model) -> None:
    """Extract PATHS (.txt files, directories, or - for stdin) into the store.

    With no PATHS, builds the sample corpus shipped with conflictkg.
    Re-adding a document replaces its earlier version.
    """
    when = parse_date(day)
    for f in lexicons:
        if not Path(f).is_file():
            raise InputError(f"lexicon file not found: {f}")
    summary = BuildSummary()
    sources = read_sources(paths, warn=lambda m: (err.print(f"[yellow]warning:[/] {m}"),
                                                  summary.skipped.append(m))) if paths else sample_sources()
    with KnowledgeGraph(store_dir, lexicons=lexicons, model=model) as kg:
        docs = extract_all(sources, lang=None if lang == "auto" else lang, day=when,
                           lexicons=kg.lexicons, jobs=jobs, model=model)
        with Progress(console=err, transient=True, disable=len(sources) < 5) as progress:
            task = progress.add_task("extracting", total=len(sources))
            for doc in docs:
                kg.add_document(doc)
                summary.add(doc)
                progress.advance(task)
        kg.store.flush()
        _print_summary(summary, kg)
        if out:
            kg.save(out)
            out_console(f"wrote {out}")
        if html:
            size = kg.to_html(html)
            out_console(f"wrote {html} ({size / 1024:.0f} KiB)")

def out_console(message: str) -> None:
    out.print(message, markup=False, highlight=False)

def _print_summary(s: BuildSummary, kg: KnowledgeGraph) -> None:
    table = Table(title="conflictkg build", show_header=False)
    table.add_row("documents", str(s.documents))
    table.add_row("sentences", str(s.sentences))
    table.add_row("events", str(sum(s.events.values())))
    for cls, n in sorted(s.events.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(f"  {cls}", str(n))
    table.add_row("claims", str(s.claims))
    table.add_row("actors", str(len(s.actors)))
    table.add_row("places", str(len(s.places)))
    table.add_row("skipped files", str(len(s.skipped)))
    table.add_row("documents in store", str(len(kg.documents())))
    table.add_row("document triples in store", str(kg.store.triple_count()))
    out.print(table)

def _rows(result) -> tuple[list[str], list[list[str]]]:
    names = [str(v) for v in result.vars]
    return names, [["" if r[v] is None else str(r[v]) for v in names] for r in result]

def _print_result(result, fmt: str) -> None:
    if result.type == "ASK":
        out_console("true" if result.askAnswer else "false")
        return
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="turtle"))
        return
    if fmt == "json":
        sys.stdout.write(result.serialize(format="json").decode("utf-8") + "\n")
        return
    names, rows = _rows(result)
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
        return
    table = Table(*names)
    for row in rows:
        table.add_row(*row)
    out.print(table)
    out_console(f"{len(rows)} rows")

def _bindings(params: tuple[str, ...]) -> dict[str, str]:
    """--param KEY=VALUE options as a dict (a leading ? on KEY is dropped)."""
    bindings = {}
    for p in params:
        key, sep, value = p.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{p!r} is not KEY=VALUE", param_hint="--param")
        bindings[key.strip().lstrip("?")] = value
    return bindings

@cli.command()
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a .rq file.")
@click.option("--name", help="Run a shipped named query (see --list).")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Bind a query variable (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True)
@_store_options
def query(sparql, query_file, name, list_queries, params, fmt, store_dir, graph_file) -> None:
    """Run SPARQL over the store: a query string, --file F.rq or --name NAME.

    Parameter values are bound as data, never pasted into the query.
    """
    if list_queries:
        for q in named_queries().values():
            out_console(f"{q.name}: {q.title}. {q.description}")
            for p, (default, help_text) in q.params.items():
                out_console(f"    --param {p}=...  {help_text}" + (f" [default: {default}]" if default else ""))
        return
    given = [x for x in (sparql, query_file, name) if x]
    if len(given) != 1:
        raise click.UsageError("give exactly one of SPARQL, --file or --name (or --list)")
    bindings = _bindings(params)
    if query_file:
        if not Path(query_file).is_file():
            raise InputError(f"no such query file: {query_file}")
        sparql = Path(query_file).read_text(encoding="utf-8")
    with _open(store_dir, graph_file) as kg:
        result = kg.named_query(name, **bindings) if name else kg.query(sparql, **bindings)
        _print_result(result, fmt)

@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file [default: stdout].")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True,
              help="Label language for graphml, gexf and events-csv.")
@_store_options
def export_cmd(fmt, output, lang, store_dir, graph_file) -> None:
    """Export the graph: RDF (trig nq ttl nt jsonld), graphml, gexf, or events-csv (one row per event)."""
    with _open(store_dir, graph_file) as kg:
        kg.export(fmt, output, lang)
    if output:
        err.print(f"wrote {output}", markup=False, highlight=False)

@cli.command()
@_store_options
def validate(store_dir, graph_file) -> None:
    """Check the document graphs against the SHACL shapes; exit 1 when any violation is found."""
    with _open(store_dir, graph_file) as kg:
        violations = kg.validate()
    if not violations:
        out_console("conforms: no SHACL violations")
        return
    for v in violations:
        out_console(f"violation: {v}")
    raise click.ClickException(f"{len(violations)} SHACL violation(s)")

@cli.command()
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many actors to list.")
@_store_options
def stats(top, store_dir, graph_file) -> None:
    """Counts of documents, events, claims and entities, and the most connected actors."""
    with _open(store_dir, graph_file) as kg:
        events = kg.events()
        claims = kg.claims()
        g = kg.to_networkx()
        table = Table(title="conflictkg stats", show_header=False)
        table.add_row("documents", str(len(kg.documents())))
        table.add_row("document triples", str(kg.store.triple_count()))
        table.add_row("events", str(len(events)))
        for cls, n in Counter(e.type for e in events).most_common():
            table.add_row(f"  {cls}", str(n))
        table.add_row("claims", str(len(claims)))
        actor_kinds = {"Person", "State", "ArmedGroup", "MilitaryForce", "GovernmentBody", "Organization",
                       "Coalition", "Group", "Actor"}
        actors = [n for n, k in g.nodes(data="kind") if k in actor_kinds]
        table.add_row("actors", str(len(actors)))
        table.add_row("places", str(sum(1 for _, k in g.nodes(data="kind") if k in
                                        {"Country", "Region", "Settlement", "Site"})))
        out.print(table)
        ranked = sorted(actors, key=lambda n: (-g.degree(n), g.nodes[n]["label"]))[:top]
        top_table = Table("actor", "kind", "connections", title="most connected actors")
        for n in ranked:
            top_table.add_row(g.nodes[n]["label"], g.nodes[n]["kind"], str(g.degree(n)))
        out.print(top_table)

@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default="graph.html", show_default=True,
              help="HTML file to write.")
@click.option("--lang", type=click.Choice(["en", "ar"]), default="en", show_default=True, help="Label language.")
@click.option("--view", "view_name", type=click.Choice(["events", "actors"]), default="events", show_default=True,
              help="events: events and claims as nodes; actors: actor-to-actor relations weighted by events.")
@click.option("--query", metavar="NAME|SPARQL",
              help="Show only the nodes a named query (see `conflictkg query --list`) or a SPARQL SELECT or "
                   "CONSTRUCT names, with their links.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Bind a --query variable (repeatable).")
@click.option("--max-nodes", type=click.IntRange(10, 100_000), default=3000, show_default=True,
              help="Keep the most connected nodes above this size (the page says so).")
@_store_options
def view(output, lang, view_name, query, params, max_nodes, store_dir, graph_file) -> None:
    """Write the interactive HTML viewer: one self-contained file that works offline."""
    bindings = _bindings(params)
    if bindings and not query:
        raise click.UsageError("--param binds variables of --query; give --query too")
    with _open(store_dir, graph_file) as kg:
        size = kg.to_html(output, lang=lang, max_nodes=max_nodes, view=view_name, query=query, params=bindings)
    out_console(f"wrote {output} ({size / 1024:.0f} KiB)")

@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; any other than loopback lets other machines query the graph.")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True,
              help="TCP port; 0 picks a free one.")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update; without it updates get 403.")
@click.option("--timeout", type=click.FloatRange(0, min_open=True), default=30.0, show_default=True,
              help="Seconds a request may take; a query still running then gets 503.")
@click.option("--max-results", type=click.IntRange(1), default=100_000, show_default=True,
              help="Most rows (or triples) a result may have; a larger one gets 422.")
@_store_options
def serve(host, port, allow_update, timeout, max_results, store_dir, graph_file) -> None:
    """Serve the graph as a SPARQL 1.1 endpoint until Ctrl-C.

    SPARQL at /sparql (GET or POST; the Accept header picks JSON, XML, CSV, TSV, Turtle, N-Triples or
    JSON-LD), named queries at /queries/NAME?param=value, the viewer at / and /health. Read-only unless
    --allow-update.
    """
    with _open(store_dir, graph_file, read_only=not allow_update) as kg:
        server.serve(kg, host, port, server.Limits(allow_update=allow_update, timeout=timeout,
                                                   max_results=max_results))


def main() -> None:
    cli()
