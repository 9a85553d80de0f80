"""kg push (Graph Store Protocol) and kg query --endpoint, against a real Oxigraph server on 127.0.0.1."""

from __future__ import annotations

import base64
import csv
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import QueryError
from kg.push import push
from kg.query import EndpointError, query

from .conftest import require_client

runner = CliRunner()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _oxigraph_binary() -> str:
    local = Path(sys.executable).parent / "oxigraph"
    return str(local) if local.exists() else require_client("oxigraph", "pip install oxigraph (test extra)")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """An Oxigraph server on a free loopback port; stopped when the module is done."""
    binary = _oxigraph_binary()
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxi")),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph did not start: {proc.stderr.read().decode()[:500]}") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover
            proc.kill()


def _named_graph(base: str, iri: str) -> rdflib.Graph:
    req = urllib.request.Request(f"{base}/store?graph={urllib.parse.quote(iri, safe='')}",
                                 headers={"Accept": "application/n-triples"})
    g = rdflib.Graph()
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            g.parse(data=resp.read().decode("utf-8"), format="nt")
    except urllib.error.HTTPError as exc:
        if exc.code != 404:
            raise
    return g


def _put(base: str, iri: str, nt: str) -> None:
    req = urllib.request.Request(f"{base}/store?graph={urllib.parse.quote(iri, safe='')}", data=nt.encode(),
                                 method="PUT", headers={"Content-Type": "application/n-triples"})
    urllib.request.urlopen(req, timeout=10).close()


def _graphs(base: str) -> set[str]:
    res = query(None, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", endpoint=f"{base}/query")
    return {str(r.g) for r in res}


def isomorphic(a: rdflib.Graph, b: rdflib.Graph) -> bool:
    """Same triples, literals compared by value where the store keeps a canonical form
    (Oxigraph stores xsd:decimal "0.750" as "0.75"); there are no blank nodes to map."""
    from decimal import Decimal

    def canon(t):
        if isinstance(t, rdflib.Literal) and t.datatype == rdflib.XSD.decimal:
            return ("decimal", Decimal(str(t)).normalize())
        return t

    assert not any(isinstance(x, rdflib.BNode) for g in (a, b) for t in g for x in t)
    return len(a) == len(b) and {tuple(map(canon, t)) for t in a} == {tuple(map(canon, t)) for t in b}


OLD = "<urn:old:s> <urn:old:p> <urn:old:o> .\n"


@pytest.fixture(scope="module")
def seed_ttl(seed_build):
    return seed_build[1] / "graph.ttl"


def test_push_replace_leaves_exactly_the_graph(server, seed_ttl):
    _put(server, "urn:kg:test", OLD)
    r = runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"{server}/store", "--graph", "urn:kg:test"])
    assert r.exit_code == 0, r.output
    want = rdflib.Graph().parse(seed_ttl)
    got = _named_graph(server, "urn:kg:test")
    assert len(got) == len(want) and isomorphic(got, want)
    # again: replaced, not duplicated or merged
    assert runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"{server}/store",
                               "--graph", "urn:kg:test"]).exit_code == 0
    assert isomorphic(_named_graph(server, "urn:kg:test"), want)


def test_push_then_query_endpoint_with_prefixes(server, seed_ttl):
    push(seed_ttl, f"{server}/store", graph_iri="urn:kg:q")
    want = rdflib.Graph().parse(seed_ttl)
    r = runner.invoke(app, ["query", "--endpoint", f"{server}/query", "--format", "csv",
                            "SELECT ?s WHERE { GRAPH <urn:kg:q> { ?s a kg:Company } } ORDER BY ?s"])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    from kg.namespace import KG

    assert rows[0] == ["s"]
    assert [row[0] for row in rows[1:]] == sorted(str(s) for s in want.subjects(rdflib.RDF.type, KG.Company))
    r = runner.invoke(app, ["query", "--endpoint", f"{server}/query", "--format", "json",
                            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg:q> { ?s ?p ?o } }"])
    assert r.exit_code == 0 and f'"value": "{len(want)}"' in r.output
    r = runner.invoke(app, ["query", "--endpoint", f"{server}/query",
                            "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
    assert r.exit_code == 2 and "SERVICE" in r.output


def test_push_packaged_query_against_endpoint(server, seed_ttl):
    push(seed_ttl, f"{server}/store", graph_iri="urn:kg:pk")
    want = rdflib.Graph().parse(seed_ttl)
    from kg.namespace import KG

    # who offers what (no entailment on the server side: offers has no sub-relations)
    pairs = sorted({(str(s), str(o)) for s, o in want.subject_objects(KG.offers)})
    if not pairs:
        pytest.skip("the seed graph has no offers relation any more")
    obj = want.value(rdflib.URIRef(pairs[0][1]), rdflib.RDFS.label)
    r = runner.invoke(app, ["query", "--endpoint", f"{server}/query?union-default-graph", "--name", "who-does",
                            "--param", "relation=offers", "--param", f"object={obj}", "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    assert rows[0] == ["subject", "label", "relation", "object"]
    assert sorted(row[0] for row in rows[1:]) == sorted(s for s, o in pairs if o == pairs[0][1])


def test_push_chunked_replace_is_all_or_nothing(server, seed_ttl):
    want = rdflib.Graph().parse(seed_ttl)
    _put(server, "urn:kg:chunks", OLD)
    with pytest.raises(EndpointError, match="HTTP 404.*nothing was changed") as err:
        push(seed_ttl, f"{server}/store", graph_iri="urn:kg:chunks", chunk_size=50,
             update_endpoint=f"{server}/no-such-update")
    assert err.value.exit_code == 4
    old = _named_graph(server, "urn:kg:chunks")
    assert {tuple(map(str, t)) for t in old} == {("urn:old:s", "urn:old:p", "urn:old:o")}
    assert not any(g.startswith("urn:kg-builder:upload:") for g in _graphs(server))
    res = push(seed_ttl, f"{server}/store", graph_iri="urn:kg:chunks", chunk_size=50)
    assert res.chunks == -(-len(want) // 50) > 1
    assert isomorphic(_named_graph(server, "urn:kg:chunks"), want)
    assert not any(g.startswith("urn:kg-builder:upload:") for g in _graphs(server))


def test_push_append_adds(server, seed_ttl):
    _put(server, "urn:kg:app", OLD)
    r = runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"{server}/store", "--graph", "urn:kg:app",
                            "--append", "--chunk-size", "100"])
    assert r.exit_code == 0, r.output
    want = rdflib.Graph().parse(seed_ttl)
    want.parse(data=OLD, format="nt")
    assert isomorphic(_named_graph(server, "urn:kg:app"), want)


def test_push_closed_port(seed_ttl):
    port = _free_port()
    r = runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert r.exit_code == 3
    assert "Cannot reach" in r.output
    r = runner.invoke(app, ["query", "--endpoint", f"http://127.0.0.1:{port}/query", "ASK { ?s ?p ?o }"])
    assert r.exit_code == 3 and "Cannot reach" in r.output


class _Failing(BaseHTTPRequestHandler):
    """Answers 401 to requests with credentials (echoing them, as a careless server might), else 503."""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        auth = self.headers.get("Authorization")
        if auth:
            user_pw = base64.b64decode(auth.split()[1]).decode()
            code, body = 401, f"bad credentials {user_pw}"
        else:
            code, body = 503, "store is read-only for maintenance"
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body.encode())

    do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@pytest.fixture()
def failing_server():
    httpd = HTTPServer(("127.0.0.1", 0), _Failing)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_push_server_errors_are_reported(failing_server, seed_ttl, monkeypatch):
    r = runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"{failing_server}/store"])
    assert r.exit_code == 5
    out = " ".join(r.output.split())
    assert "HTTP 503" in out and "store is read-only for maintenance" in out
    monkeypatch.setenv("KG_TEST_PW", "s3cr3t-pw")
    r = runner.invoke(app, ["push", str(seed_ttl), "--endpoint", f"{failing_server}/store",
                            "--user", "alice", "--password-env", "KG_TEST_PW"])
    assert r.exit_code == 4
    out = " ".join(r.output.split())
    assert "HTTP 401" in out and "bad credentials alice:***" in out
    assert "s3cr3t-pw" not in r.output.replace("\n", "")


def test_push_refuses_bad_input(tmp_path, seed_ttl):
    with pytest.raises(EndpointError, match="must be an http"):
        push(seed_ttl, "ftp://127.0.0.1/store")
    r = runner.invoke(app, ["push", str(tmp_path), "--endpoint", "http://127.0.0.1:9/store"])
    assert r.exit_code == 2 and "No graph at" in r.output
