"""SPARQL on a 1-million-triple graph: rdflib vs pyoxigraph (embedded), through kg.query.

Makes a synthetic graph in the shape `kg build` writes (entities with type,
label and provenance; direct relation triples; one kg:Statement node with
~13 triples per piece of evidence), then times loading (parse + materialised
entailments) and a few queries on each engine.

    .venv/bin/python benchmarks/bench_query.py [--triples 1000000] [--engines oxigraph,rdflib]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from kg.query import open_store, query, run_packaged

KG = "https://w3id.org/kg-builder/ontology#"
BASE = "https://w3id.org/kg-builder/graph/"
RELS = ["partnersWith", "restricts", "bans", "pays", "paysCommissionTo", "investsIn", "acquires",
        "competesWith", "suppliesTo", "offers", "develops"]
CLASSES = ["Company", "Company", "Company", "Country", "GovernmentBody", "Person", "Product"]


def make_graph(path: Path, triples: int, seed: int = 7) -> int:
    rnd = random.Random(seed)
    n_ent = max(100, triples // 50)
    n_st = (triples - n_ent * 5) // 15
    lines = []
    ent = [f"<{BASE}entity/E{i}>" for i in range(n_ent)]
    doc = f"<{BASE}document/d0>"
    lines.append(f'{doc} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}Document> .')
    lines.append(f'{doc} <https://schema.org/datePublished> "2024-08-23"^^<http://www.w3.org/2001/XMLSchema#date> .')
    for i, e in enumerate(ent):
        lines += [f"{e} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{KG}{rnd.choice(CLASSES)}> .",
                  f'{e} <http://www.w3.org/2000/01/rdf-schema#label> "Entity {i}"@en .',
                  f'{e} <http://www.w3.org/2004/02/skos/core#altLabel> "E{i}"@en .',
                  f'{e} <{KG}mentionCount> "{rnd.randint(1, 50)}"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                  f"{e} <http://www.w3.org/ns/prov#wasDerivedFrom> {doc} ."]
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    for k in range(n_st):
        s, o = rnd.sample(ent, 2)
        p = rnd.choice(RELS)
        st = f"<{BASE}statement/s{k}>"
        lines += [f"{s} <{KG}{p}> {o} .",
                  f"{st} <{rdf}type> <{KG}Statement> .", f"{st} <{rdf}subject> {s} .",
                  f"{st} <{rdf}predicate> <{KG}{p}> .", f"{st} <{rdf}object> {o} .",
                  f"{st} <http://www.w3.org/ns/prov#wasDerivedFrom> {doc} .",
                  f'{st} <{KG}sentence> "Sentence {k} about {p}."@en .',
                  f'{st} <{KG}startOffset> "{k}"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                  f'{st} <{KG}endOffset> "{k + 40}"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                  f'{st} <{KG}confidence> "0.{rnd.randint(300, 950)}"^^<http://www.w3.org/2001/XMLSchema#decimal> .',
                  f'{st} <{KG}modality> "fact" .',
                  f'{st} <{KG}asserted> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> .',
                  f'{st} <{KG}triggerText> "{p}" .',
                  f'{st} <{KG}date> "2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"^^<http://www.w3.org/2001/XMLSchema#date> .']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(set(lines))


QUERIES = {
    "who restricts E42 (sub-properties)": "SELECT ?s WHERE { ?s kg:restricts <%sentity/E42> }" % BASE,
    "count organizations (subclasses)": "SELECT (COUNT(?x) AS ?n) WHERE { ?x a kg:Organization }",
    "top 10 pairs by evidence (aggregate over all statements)":
        "SELECT ?s ?o (COUNT(?st) AS ?n) WHERE { ?st rdf:subject ?s ; rdf:object ?o } "
        "GROUP BY ?s ?o ORDER BY DESC(?n) LIMIT 10",
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--engines", default="oxigraph,rdflib")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nt"
        n = make_graph(path, args.triples)
        print(f"graph: {n} triples")
        for engine in args.engines.split(","):
            t0 = time.perf_counter()
            store = open_store(path, engine=engine)
            print(f"{engine}: load + entailments {time.perf_counter() - t0:.1f} s")
            for name, q in QUERIES.items():
                t0 = time.perf_counter()
                rows = len(list(query(store, q)))
                print(f"{engine}: {name}: {time.perf_counter() - t0:.2f} s ({rows} rows)")
            t0 = time.perf_counter()
            rows = len(list(run_packaged(store, "relations-of-entity", {"entity": "Entity 42"})))
            print(f"{engine}: packaged relations-of-entity (label lookup + query): "
                  f"{time.perf_counter() - t0:.2f} s ({rows} rows)")


if __name__ == "__main__":
    main()
