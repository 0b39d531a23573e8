"""Every CLI command, its output and its exit status (0 ok, 1 user error, 2 usage error)."""

import json
import subprocess
import sys

import pytest
import rdflib
from conftest import held_by_another_process
from reports import AR_REPORT, EN_REPORT

from conflictkg.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "en.txt").write_text(EN_REPORT, encoding="utf-8")
    (folder / "sub" / "ar.txt").write_text(AR_REPORT, encoding="utf-8")
    return folder


@pytest.fixture
def built(runner, corpus, tmp_path):
    store = tmp_path / "store"
    result = runner.invoke(cli, ["build", str(corpus), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return store


def test_every_command_has_help(runner):
    assert set(COMMANDS) >= {"build", "query", "export", "validate", "stats", "view"}
    for name in COMMANDS:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output and len(result.output) > 100, name


def test_build_prints_a_summary_and_recurses_into_directories(runner, corpus, tmp_path):
    result = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / "s"), "--date", "2024-01-16"])
    assert result.exit_code == 0, result.output
    for word in ("documents", "sentences", "events", "claims", "actors", "places"):
        assert word in result.output
    assert "│ 2 " in result.output.split("documents", 1)[1].split("\n", 1)[0] + " "


def test_build_writes_trig_and_html(runner, corpus, tmp_path):
    trig, html = tmp_path / "out" / "g.trig", tmp_path / "out" / "g.html"
    result = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / "s"), "--out", str(trig),
                                 "--html", str(html)])
    assert result.exit_code == 0, result.output
    ds = rdflib.Dataset()
    ds.parse(trig)
    assert len(ds) > 0 and html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_build_from_stdin(runner, tmp_path):
    result = runner.invoke(cli, ["build", "-", "--store", str(tmp_path / "s")], input=EN_REPORT)
    assert result.exit_code == 0, result.output


def test_build_without_paths_builds_the_sample_corpus(runner, tmp_path):
    result = runner.invoke(cli, ["build", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "│ 6 " in result.output


def test_missing_path_is_a_user_error_and_loses_nothing(runner, built):
    before = runner.invoke(cli, ["stats", "--store", str(built)]).output
    result = runner.invoke(cli, ["build", "no/such/file.txt", "--store", str(built)])
    assert result.exit_code == 1
    assert "no/such/file.txt" in result.output and "Traceback" not in result.output
    assert runner.invoke(cli, ["stats", "--store", str(built)]).output == before


def test_binary_and_non_utf8_files_are_skipped_with_a_warning(runner, corpus, tmp_path):
    (corpus / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (corpus / "latin1.txt").write_bytes("Sécurité à Gaza".encode("latin-1"))
    result = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "image.txt" in result.output and "latin1.txt" in result.output
    assert "│ 2 " in result.output.split("documents", 1)[1].split("\n", 1)[0] + " "


def test_an_empty_file_yields_a_document_with_no_facts(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    store = tmp_path / "s"
    assert runner.invoke(cli, ["build", str(empty), "--store", str(store)]).exit_code == 0
    out = runner.invoke(cli, ["query", "--store", str(store), "--format", "csv",
                              "SELECT (COUNT(?e) AS ?n) WHERE { ?e <http://www.w3.org/ns/prov#wasDerivedFrom> ?s }"])
    assert out.output.splitlines() == ["n", "0"]
    docs = runner.invoke(cli, ["stats", "--store", str(store)]).output
    assert "documents" in docs and "│ 1 " in docs


def test_usage_errors_exit_2(runner, tmp_path):
    assert runner.invoke(cli, ["build", "--no-such-option"]).exit_code == 2
    assert runner.invoke(cli, ["query", "--store", str(tmp_path)]).exit_code == 2
    assert runner.invoke(cli, ["export"]).exit_code == 2
    assert runner.invoke(cli, ["build", "--jobs", "0"]).exit_code == 2


def test_user_errors_exit_1_with_a_message(runner, built, tmp_path):
    cases = [
        (["build", "--date", "yesterday", "--store", str(built)], "YYYY-MM-DD"),
        (["query", "--store", str(tmp_path / "nowhere"), "SELECT * WHERE {?s ?p ?o}"], "no store"),
        (["query", "--store", str(built), "SELEC nonsense"], "does not parse"),
        (["query", "--store", str(built), "--name", "no-such-query"], "no named query"),
        (["query", "--graph", str(tmp_path / "missing.trig"), "SELECT * {}"], "no such file"),
        (["build", "--lexicon", str(tmp_path / "none.ttl"), "--store", str(built)], "lexicon file not found"),
    ]
    for args, message in cases:
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert message in result.output and "Traceback" not in result.output, (args, result.output)


def test_query_formats_and_named_queries(runner, built):
    q = "SELECT ?d WHERE { ?d a <https://w3id.org/conflictkg/ontology#Document> } ORDER BY ?d"
    table = runner.invoke(cli, ["query", q, "--store", str(built)])
    assert table.exit_code == 0 and "2 rows" in table.output
    csv_out = runner.invoke(cli, ["query", q, "--store", str(built), "--format", "csv"]).output.splitlines()
    assert csv_out[0] == "d" and len(csv_out) == 3
    tsv_out = runner.invoke(cli, ["query", q, "--store", str(built), "--format", "tsv"]).output.splitlines()
    assert len(tsv_out) == 3
    data = json.loads(runner.invoke(cli, ["query", q, "--store", str(built), "--format", "json"]).output)
    assert data["head"]["vars"] == ["d"] and len(data["results"]["bindings"]) == 2
    listing = runner.invoke(cli, ["query", "--list"]).output
    assert "who-attacked-whom" in listing and "--param actor" in listing
    named = runner.invoke(cli, ["query", "--name", "attacks-by-actor", "--param", "actor=Houthis",
                                "--store", str(built), "--format", "csv"])
    assert named.exit_code == 0 and len(named.output.splitlines()) >= 2, named.output


def test_query_from_file_and_from_a_graph_file(runner, built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", encoding="utf-8")
    assert runner.invoke(cli, ["query", "--file", str(rq), "--store", str(built)]).exit_code == 0
    trig = tmp_path / "all.trig"
    assert runner.invoke(cli, ["export", "--format", "trig", "-o", str(trig), "--store", str(built)]).exit_code == 0
    out = runner.invoke(cli, ["query", "--file", str(rq), "--graph", str(trig), "--format", "csv"])
    assert out.exit_code == 0 and int(out.output.splitlines()[1]) > 100


def test_export_formats(runner, built, tmp_path):
    for fmt in ("trig", "nq", "ttl", "nt", "jsonld", "graphml", "gexf", "events-csv"):
        path = tmp_path / f"export.{fmt}"
        result = runner.invoke(cli, ["export", "--format", fmt, "-o", str(path), "--store", str(built)])
        assert result.exit_code == 0, (fmt, result.output)
        assert path.stat().st_size > 0
    header = (tmp_path / "export.events-csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("event,type,actors,targets,locations")


def test_validate_and_stats_and_view(runner, built, tmp_path):
    result = runner.invoke(cli, ["validate", "--store", str(built)])
    assert result.exit_code == 0 and "conforms" in result.output
    stats = runner.invoke(cli, ["stats", "--store", str(built)])
    assert stats.exit_code == 0 and "most connected actors" in stats.output
    html = tmp_path / "v.html"
    view = runner.invoke(cli, ["view", "--store", str(built), "-o", str(html)])
    assert view.exit_code == 0 and html.exists()


def test_locked_store_is_a_clear_user_error(built):
    with held_by_another_process(built):
        result = subprocess.run([sys.executable, "-m", "conflictkg", "build", "--store", str(built)],
                                capture_output=True, text=True)
    assert result.returncode == 1
    assert "in use by another process" in result.stderr and "Traceback" not in result.stderr


def test_jobs_gives_the_same_graph(runner, corpus, tmp_path):
    outs = []
    for jobs in ("1", "2"):
        trig = tmp_path / f"j{jobs}.nq"
        result = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / f"s{jobs}"), "--jobs", jobs,
                                     "--out", str(trig)])
        assert result.exit_code == 0, result.output
        outs.append(sorted(trig.read_text(encoding="utf-8").splitlines()))
    assert outs[0] == outs[1]
