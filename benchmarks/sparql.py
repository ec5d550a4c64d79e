#!/usr/bin/env python3
"""SPARQL latency of typical queries: rdflib's Memory store vs Oxigraph (in memory, and on disk through
`kgbuild query --store oxigraph:PATH`), side by side on the same graphs.

    .venv/bin/python benchmarks/sparql.py GRAPH.ttl [GRAPH.ttl ...]

Graphs: the outputs of benchmarks/throughput.py (1,000 and 10,000 articles: about 10^5 and 10^6 triples).
Queries (table output with labels, as `kgbuild query` prints it), about the entity that has the most
answers: who spoke with X; roles of X; 2-hop paths from X; the evidence (sentences) for one fact.
Latency: median of 5 runs after a warm-up (the first run alone when it takes over a second), in this process through kgbuild.query (load_for_query,
run_query, format_result); for the on-disk store also the whole `kgbuild query --store` command (process
start and imports included), once per query.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kgbuild.query import format_result, load_for_query, run_query

KGBUILD = Path(sys.executable).parent / "kgbuild"
PICK = {  # the entity (or fact) each query is about: the one with the most answers
    "spoke_with": "SELECT ?x WHERE { ?x kg:spoke_with ?o } GROUP BY ?x ORDER BY DESC(COUNT(*)) ?x LIMIT 1",
    "role": "SELECT ?x WHERE { ?x kg:role ?r } GROUP BY ?x ORDER BY DESC(COUNT(*)) ?x LIMIT 1",
    "hub": "SELECT ?x WHERE { ?st rdf:subject ?x } GROUP BY ?x ORDER BY DESC(COUNT(*)) ?x LIMIT 1",
    "fact": "SELECT ?s ?p ?o WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . FILTER(isIRI(?o)) } "
            "GROUP BY ?s ?p ?o ORDER BY DESC(COUNT(*)) ?s ?p ?o LIMIT 1",
}
QUERIES = {
    "who spoke with X": "SELECT ?other WHERE {{ {{ <{spoke_with}> kg:spoke_with ?other }} UNION "
                        "{{ ?other kg:spoke_with <{spoke_with}> }} }}",
    "roles of X": "SELECT ?role WHERE {{ <{role}> kg:role ?role }}",
    "2-hop paths from X": "SELECT DISTINCT ?p1 ?mid ?p2 ?far WHERE {{ <{hub}> ?p1 ?mid . ?mid ?p2 ?far . "
                          "?mid a ?t1 . ?far a ?t2 . FILTER(STRSTARTS(STR(?p1), STR(kg:)) && STRSTARTS(STR(?p2), "
                          "STR(kg:)) && STRSTARTS(STR(?t2), STR(kg:))) }}",
    "evidence for a fact": "SELECT ?sentence ?modality WHERE {{ ?st rdf:subject <{s}> ; rdf:predicate <{p}> ; "
                           "rdf:object <{o}> ; kg:modality ?modality ; prov:wasDerivedFrom/nif:anchorOf ?sentence }}",
}


def latency(graph, sparql: str) -> tuple[float, int]:
    """Median milliseconds of query + table output, and the number of lines printed."""
    started = time.perf_counter()
    text = format_result(graph, run_query(graph, sparql))
    times = [time.perf_counter() - started]  # kept alone when over a second (rdflib on 10^6 triples)
    for _ in range(5 if times[0] < 1 else 0):
        started = time.perf_counter()
        format_result(graph, run_query(graph, sparql))
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times), int(text.rsplit("(", 1)[1].split()[0])  # "(N rows)"


def command_ms(store: str, sparql: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(KGBUILD), "query", "--store", store, sparql], check=True, capture_output=True)
    return 1000 * (time.perf_counter() - started)


def measure(path: Path, folder: Path) -> dict:
    engines = {}
    for engine in ("rdflib", "oxigraph"):
        started = time.perf_counter()
        engines[engine] = load_for_query(path, engine)
        engines[f"{engine} load s"] = time.perf_counter() - started
    oxi = engines["oxigraph"]
    values = {}
    for name, sparql in PICK.items():
        row = next(iter(run_query(oxi, sparql)))
        values.update({name: row[0]} if name != "fact" else dict(zip("spo", row)))
    disk = folder / path.parent.name
    ox.Store(str(disk)).bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    store = f"oxigraph:{disk}"
    on_disk = load_for_query(store)
    result = {"graph": str(path), "triples": len(oxi), "rdflib_load_s": engines["rdflib load s"],
              "oxigraph_load_s": engines["oxigraph load s"], "queries": {}}
    for name, template in QUERIES.items():
        sparql = template.format(**values)
        rdflib_ms, rows = latency(engines["rdflib"], sparql)
        result["queries"][name] = {"rows": rows, "rdflib_memory_ms": rdflib_ms,
                                   "oxigraph_memory_ms": latency(oxi, sparql)[0],
                                   "oxigraph_disk_ms": latency(on_disk, sparql)[0],
                                   "kgbuild_query_store_command_ms": command_ms(store, sparql)}
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(Path(p), Path(tmp)) for p in sys.argv[1:]]
    print("| triples | query | rows | rdflib Memory | Oxigraph in memory | Oxigraph on disk | `kgbuild query --store` command |")
    print("|---|---|---|---|---|---|---|")
    for r in results:
        for name, q in r["queries"].items():
            print(f"| {r['triples']:,} | {name} | {q['rows']} | {q['rdflib_memory_ms']:.1f} ms | "
                  f"{q['oxigraph_memory_ms']:.1f} ms | {q['oxigraph_disk_ms']:.1f} ms | "
                  f"{q['kgbuild_query_store_command_ms']:.0f} ms |")
    for r in results:
        print(f"load {r['triples']:,} triples of Turtle: rdflib {r['rdflib_load_s']:.1f} s, "
              f"Oxigraph {r['oxigraph_load_s']:.1f} s")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
