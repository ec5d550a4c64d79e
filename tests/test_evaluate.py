"""Scoring a graph against a reference (*.gold.json) on small hand-made graphs; no spaCy."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import PROV, RDF, RDFS

from kgbuild.evaluate import Gold, GraphView, as_json, find_article, gold_files, local_name, normalise, report, \
    score, text_matches
from kgbuild.vocab import KG, KGR, NIF

ENTITIES = [
    {"id": "alice", "name": "Alice Smith", "type": "Person", "aliases": ["Alice Smith", "Smith"]},
    {"id": "bob", "name": "Bob Jones", "type": "Person", "aliases": ["Bob Jones"]},
    {"id": "acme", "name": "Acme", "type": "Organization", "aliases": ["Acme", "Acme Corporation"]},
]


def graph(*triples: tuple[str, str, str], labels: dict[str, str], evidence: bool = True) -> Graph:
    """A graph following the graph model: labelled entities, triples, and a statement with a sentence each.

    Objects starting with '"' are literals; the rest are entity keys of `labels`.
    """
    g = Graph()
    for key, label in labels.items():
        g.add((KGR[key], RDF.type, KG.Person))
        g.add((KGR[key], RDFS.label, Literal(label)))
    sentence = KGR["article/a#char=0,40"]
    g.add((sentence, RDF.type, NIF.Sentence))
    g.add((sentence, NIF.anchorOf, Literal("A sentence long enough to count as evidence.")))
    for n, (s, p, o) in enumerate(triples):
        obj = Literal(o.strip('"')) if o.startswith('"') else KGR[o]
        g.add((KGR[s], KG[p], obj))
        if evidence:
            statement = KGR[f"statement/{n}"]
            g.add((statement, RDF.type, RDF.Statement))
            g.add((statement, RDF.subject, KGR[s]))
            g.add((statement, RDF.predicate, KG[p]))
            g.add((statement, RDF.object, obj))
            g.add((statement, PROV.wasDerivedFrom, sentence))
    return g


def gold(required: list[dict[str, Any]], optional: list[dict[str, Any]] = (),
         forbidden: list[dict[str, Any]] = (), **extra: Any) -> Gold:
    data = {"article": "a.txt", "entities": ENTITIES,
            "relations": {"required": list(required), "optional": list(optional), "forbidden": list(forbidden)},
            **extra}
    return Gold(Path("a.gold.json"), data)


LABELS = {"a": "Alice Smith", "b": "Bob Jones", "c": "Acme"}
WORKS_FOR = {"s": "alice", "p": ["works_for", "employee_of"], "o": "acme", "inverse": ["employs"]}


def run(g: Graph, reference: Gold) -> dict[str, Any]:
    return score(GraphView.of(g), reference).figures()


def test_exact_match_is_found_and_true_positive():
    result = run(graph(("a", "works_for", "c"), labels=LABELS), gold([WORKS_FOR]))
    assert (result["recall"], result["precision"], result["f1"]) == (1.0, 1.0, 1.0)
    assert result["provenance_coverage"] == 1.0


def test_alias_and_normalised_labels_match():
    labels = {"a": "SMITH", "c": "The Acme Corporation"}
    result = run(graph(("a", "works_for", "c"), labels=labels), gold([WORKS_FOR]))
    assert (result["recall"], result["entity_recall"], result["entity_precision"]) == (1.0, 0.667, 1.0)


def test_any_accepted_predicate_name_in_any_case_style():
    g = Graph()
    for key, label in LABELS.items():
        g.add((KGR[key], RDFS.label, Literal(label)))
    g.add((KGR["a"], KG.employeeOf, KGR["c"]))
    assert run(g, gold([WORKS_FOR]))["recall"] == 1.0


def test_inverse_name_with_swapped_ends_matches():
    result = run(graph(("c", "employs", "a"), labels=LABELS), gold([WORKS_FOR]))
    assert (result["recall"], result["precision"]) == (1.0, 1.0)


def test_inverse_needs_an_inverse_name():
    result = run(graph(("c", "works_for", "a"), labels=LABELS), gold([WORKS_FOR]))
    assert (result["recall"], result["false_positives"]) == (0.0, 1)


def test_symmetric_facts_match_both_ways_only_when_declared():
    spoke = {"s": "alice", "p": ["spoke_with"], "o": "bob"}
    g = graph(("b", "spoke_with", "a"), labels=LABELS)
    assert run(g, gold([{**spoke, "symmetric": True}]))["recall"] == 1.0
    assert run(g, gold([spoke]))["recall"] == 0.0


def test_forbidden_fact_is_counted_and_a_false_positive():
    forbidden = {"s": "alice", "p": ["role"], "o_text": ["diplomat", "statesman"]}
    result = run(graph(("a", "works_for", "c"), ("a", "role", '"diplomat"'), labels=LABELS),
                 gold([WORKS_FOR], forbidden=[forbidden]))
    assert (result["forbidden_asserted"], result["false_positives"], result["precision"]) == (1, 1, 0.5)


def test_optional_facts_and_allowed_extra_entities_are_ignored():
    met = {"s": "alice", "p": ["met_with"], "o": "bob"}
    labels = {**LABELS, "x": "Photo Agency"}
    result = run(graph(("a", "works_for", "c"), ("a", "met_with", "b"), ("x", "met_with", "a"), labels=labels),
                 gold([WORKS_FOR], optional=[met], allowed_extra_entities=["Photo Agency"]))
    assert (result["precision"], result["ignored"], result["entity_precision"]) == (1.0, 2, 1.0)


def test_role_text_matches_by_containment_from_five_characters():
    assert text_matches("former US undersecretary of defense", ["undersecretary"])
    assert text_matches("Reporter", ["reporter"])
    assert not text_matches("CEO", ["CEO of Acme"])  # too short to match inside


def test_duplicate_entities_and_entity_precision():
    labels = {"a": "Alice Smith", "a2": "Smith", "c": "Acme", "z": "Unknown Person"}
    result = run(graph(("a", "works_for", "c"), labels=labels), gold([WORKS_FOR]))
    assert result["duplicate_entities"] == {"alice": ["Alice Smith", "Smith"]}
    assert result["entity_precision"] == 0.75


def test_missing_fact_lowers_recall_and_lists_its_evidence():
    spoke = {"s": "alice", "p": ["spoke_with"], "o": "bob", "evidence": "Alice spoke with Bob"}
    result = score(GraphView.of(graph(("a", "works_for", "c"), labels=LABELS)), gold([WORKS_FOR, spoke]))
    assert result.figures()["recall"] == 0.5
    assert result.missing == ["alice spoke_with bob   <- Alice spoke with Bob"]
    assert "MISSING  alice spoke_with bob" in report([result], show=True)


def test_provenance_coverage_counts_relations_with_a_sentence():
    assert run(graph(("a", "works_for", "c"), labels=LABELS, evidence=False), gold([WORKS_FOR]))[
        "provenance_coverage"] == 0.0


def test_overall_figures_are_micro_averaged():
    one = score(GraphView.of(graph(("a", "works_for", "c"), labels=LABELS)), gold([WORKS_FOR]))
    spoke = {"s": "alice", "p": ["spoke_with"], "o": "bob"}
    other = score(GraphView.of(graph(("a", "met_with", "b"), labels=LABELS)), gold([spoke]))
    overall = as_json([one, other])
    assert (overall["recall"], overall["precision"], len(overall["articles"])) == (0.5, 0.5, 2)


def test_names_and_text_normalisation():
    assert local_name(KG.spokeWith) == "spoke_with"
    assert normalise("The Kremlin's") == "kremlin"


def test_reference_files_and_their_articles(tmp_path: Path):
    (tmp_path / "refs").mkdir()
    (tmp_path / "texts").mkdir()
    reference = tmp_path / "refs" / "a.gold.json"
    reference.write_text(json.dumps({"article": "a.txt", "entities": []}), encoding="utf-8")
    assert gold_files(tmp_path / "refs") == [reference]
    assert find_article(Gold.load(reference), [tmp_path / "texts"]) is None
    (tmp_path / "texts" / "a.txt").write_text("Text.", encoding="utf-8")
    assert find_article(Gold.load(reference), [tmp_path / "texts"]) == tmp_path / "texts" / "a.txt"


@pytest.mark.slow
def test_cli_agrees_with_the_shared_scorer_on_the_sample(tmp_path: Path):
    """`kgbuild evaluate --gold` finds the same required facts as ../shared/tools/kgscore.py."""
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    reference = repo.parent / "shared" / "gold" / "2023-08-22-musk-putin-starlink.gold.json"
    scorer = repo.parent / "shared" / "tools" / "kgscore.py"
    if not reference.is_file() or not scorer.is_file():
        pytest.skip("the shared references are not next to the repository")
    kgbuild = [sys.executable, "-m", "kgbuild.cli"]
    subprocess.run([*kgbuild, "build", str(repo / "seeds"), "--out", str(tmp_path)], check=True, capture_output=True)
    ours = subprocess.run([*kgbuild, "evaluate", "--gold", str(reference), "--graph", str(tmp_path / "graph.ttl"),
                           "--show"], capture_output=True, text=True, cwd=repo).stdout
    theirs = subprocess.run([sys.executable, str(scorer), str(tmp_path / "graph.ttl"), str(reference), "--show"],
                            capture_output=True, text=True).stdout

    def facts(text: str, marker: str) -> set[str]:
        lines = (re.match(rf"\s+{marker}\s+(.*?)(\s+<-.*)?$", line) for line in text.splitlines())
        return {m[1] for m in lines if m}
    assert facts(ours, "found") == facts(theirs, "found") and facts(ours, "found")
    assert facts(ours, "MISSING") == facts(theirs, "MISSING")
    given, built = (json.loads(subprocess.run([*kgbuild, "evaluate", "--gold", str(reference), *extra, "--format",
                                               "json"], capture_output=True, text=True, cwd=repo).stdout)
                    for extra in (["--graph", str(tmp_path / "graph.ttl")], []))
    assert built["articles"][0]["missing"] == given["articles"][0]["missing"]
