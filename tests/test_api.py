"""The Python API (kgbuild.load, KnowledgeGraph): behaviour on a hand-built graph that follows the contract."""
from __future__ import annotations

from pathlib import Path

import pytest
from oxrdflib import OxigraphStore

import kgbuild
from kgbuild.vocab import KG
from sample_graph import sample_graph


@pytest.fixture()
def graph_file(tmp_path: Path) -> Path:
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


@pytest.fixture()
def kg(graph_file: Path) -> kgbuild.KnowledgeGraph:
    return kgbuild.load(graph_file)


def test_load_reads_every_triple_into_oxigraph(kg: kgbuild.KnowledgeGraph) -> None:
    assert isinstance(kg.graph.store, OxigraphStore)
    assert len(kg.graph) == len(sample_graph())


def test_a_loaded_graph_answers_queries_and_gives_evidence(kg: kgbuild.KnowledgeGraph) -> None:
    spoke = kg.query("SELECT ?s ?o WHERE { ?s kg:spoke_with ?o }", labels=True)
    assert spoke.to_dict("records") == [{"s": "Elon Musk", "o": "Vladimir Putin"}]
    evidence = kg.evidence("Elon Musk", "spoke_with", "Vladimir Putin")
    assert sorted(evidence["sentence"]) == ["He said he had spoken with Putin.", "Musk may have spoken with Putin."]
    assert sorted(evidence["modality"]) == ["asserted", "hedged"]


def test_load_opens_an_oxigraph_store(tmp_path: Path, graph_file: Path) -> None:
    import pyoxigraph as ox

    store = ox.Store(str(tmp_path / "db"))
    store.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    del store
    kg = kgbuild.load(f"oxigraph:{tmp_path / 'db'}")
    assert kg.query("SELECT ?o WHERE { ?s kg:founded ?o }", labels=True)["o"].tolist() == ["SpaceX"]


@pytest.fixture(params=["memory", "oxigraph"])
def any_kg(request: pytest.FixtureRequest, graph_file: Path) -> kgbuild.KnowledgeGraph:
    """The sample graph in rdflib's Memory store (as kgbuild.build gives it) and in Oxigraph (kgbuild.load)."""
    return kgbuild.KnowledgeGraph(sample_graph()) if request.param == "memory" else kgbuild.load(graph_file)


def test_repr_counts_entities_facts_and_articles(any_kg: kgbuild.KnowledgeGraph) -> None:
    assert repr(any_kg) == f"<KnowledgeGraph: 5 entities, 3 facts, 2 articles ({len(sample_graph())} triples)>"


def test_entities_by_type(any_kg: kgbuild.KnowledgeGraph) -> None:
    every = any_kg.entities()
    assert every.columns.tolist() == ["entity", "type", "mentions", "articles", "aliases", "iri"]
    assert every.iloc[0].to_dict() == {"entity": "Elon Musk", "type": "kg:Person", "mentions": 5, "articles": 2,
                                       "aliases": "Elon, Musk", "iri": "person:elon-musk"}
    assert set(every.type) == {"kg:Person", "kg:Organization", "kg:Law"}
    for name in ("Person", "person", "kg:Person", "https://w3id.org/kgbuild/ontology#Person"):
        assert sorted(any_kg.entities(type=name).entity) == ["Colin Kahl", "Elon Musk", "Vladimir Putin"]
    with pytest.raises(kgbuild.UnknownName, match="no type named 'Persn'.*did you mean 'kg:Person'"):
        any_kg.entities(type="Persn")


def test_roles_are_the_stated_ones(any_kg: kgbuild.KnowledgeGraph) -> None:
    assert any_kg.roles().drop(columns="iri").to_dict("records") == [
        {"entity": "Elon Musk", "type": "kg:Person", "role": "billionaire", "sentences": 1, "articles": 1}]


def test_neighbours_hop_by_hop(any_kg: kgbuild.KnowledgeGraph) -> None:
    near = any_kg.neighbours("Musk")  # an alias
    assert near[["neighbour", "hops", "predicate"]].values.tolist() == [
        ["SpaceX", 1, "kg:founded"], ["Vladimir Putin", 1, "kg:spoke_with"]]
    far = any_kg.neighbours("SpaceX", hops=2)
    assert far[["neighbour", "hops", "subject", "predicate", "object"]].values.tolist() == [
        ["Elon Musk", 1, "Elon Musk", "kg:founded", "SpaceX"],
        ["Vladimir Putin", 2, "Elon Musk", "kg:spoke_with", "Vladimir Putin"]]
    assert far.iri.tolist() == ["person:elon-musk", "person:vladimir-putin"]


def test_facts_and_articles_of_an_entity(any_kg: kgbuild.KnowledgeGraph) -> None:
    facts = any_kg.facts("person:elon-musk")  # an IRI as the tables print it
    assert facts[["predicate", "object", "sentences", "articles"]].values.tolist() == [
        ["kg:founded", "SpaceX", 1, 1], ["kg:role", "billionaire", 1, 1], ["kg:spoke_with", "Vladimir Putin", 2, 2]]
    assert set(facts.subject) == {"Elon Musk"} and facts.modalities.tolist()[2] == "asserted, hedged"
    articles = any_kg.articles("vladimir putin")
    assert articles[["title", "statements"]].values.tolist() == [["Musk and Putin", 2], [sample_title(), 1]]
    assert [str(d) for d in articles.date] == ["2023-08-22", "2023-09-01"]


def sample_title() -> str:
    from sample_graph import XSS_TITLE

    return XSS_TITLE


def test_single_source_facts(any_kg: kgbuild.KnowledgeGraph) -> None:
    single = any_kg.single_source_facts()
    assert single[["subject", "predicate", "object"]].values.tolist() == [
        ["Elon Musk", "kg:founded", "SpaceX"], ["Elon Musk", "kg:role", "billionaire"]]
    assert single.evidence.tolist()[1] == "Billionaire Elon Musk."


def test_labelled_query_shows_kg_names_for_predicates(any_kg: kgbuild.KnowledgeGraph) -> None:
    rows = any_kg.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (?p = kg:spoke_with) }", labels=True)
    assert rows.values.tolist() == [["Elon Musk", "kg:spoke_with", "Vladimir Putin"]]
    assert any_kg.query("SELECT ?p WHERE { ?s ?p ?o FILTER (?p = kg:spoke_with) }").p[0] == str(KG.spoke_with)


@pytest.mark.parametrize("predicate", ["spoke_with", "kg:spoke_with", "spoke with", str(KG.spoke_with)])
def test_evidence_takes_a_predicate_as_people_write_it(any_kg: kgbuild.KnowledgeGraph, predicate: str) -> None:
    assert len(any_kg.evidence("Elon Musk", predicate, "Vladimir Putin")) == 2


@pytest.mark.parametrize("args, message", [
    (("Elon Musc", "spoke_with", "Vladimir Putin"), "no entity named 'Elon Musc'.*did you mean 'Elon Musk'"),
    (("Elon Musk", "kg:spokewith", "Vladimir Putin"), "no predicate named 'kg:spokewith'.*did you mean 'kg:spoke_with'"),
    (("Elon Musk", "spoke_with", "Vladimir Putn"), "no object named 'Vladimir Putn'.*did you mean 'Vladimir Putin'"),
    (("Elon Musk", "role", "billionair"), "no object named 'billionair'.*did you mean 'billionaire'"),
])
def test_misspelt_names_raise_with_suggestions(any_kg: kgbuild.KnowledgeGraph, args: tuple[str, ...],
                                                message: str) -> None:
    with pytest.raises(kgbuild.UnknownName, match=message) as raised:
        any_kg.evidence(*args)
    assert isinstance(raised.value, KeyError) and isinstance(raised.value, kgbuild.KgbuildError)


def test_an_entity_by_iri_label_or_alias(any_kg: kgbuild.KnowledgeGraph) -> None:
    from sample_graph import MUSK

    for name in ("Elon Musk", "ELON MUSK", "Elon", f"<{MUSK}>", str(MUSK), "person:elon-musk", "kgr:person/elon-musk"):
        assert any_kg.entity(name) == MUSK


def test_pagerank_on_the_network(any_kg: kgbuild.KnowledgeGraph) -> None:
    import networkx as nx

    from sample_graph import MUSK, PUTIN, SPACEX

    ranks = nx.pagerank(nx.DiGraph(any_kg.to_networkx()))  # scipy, a dependency, computes it
    assert sum(ranks.values()) == pytest.approx(1)
    assert min(ranks[str(PUTIN)], ranks[str(SPACEX)]) > ranks[str(MUSK)]  # both are pointed to by Musk


def test_view_focus_takes_any_name_and_suggests(any_kg: kgbuild.KnowledgeGraph, tmp_path: Path) -> None:
    page = any_kg.view(tmp_path / "view.html", focus="person:vladimir-putin")
    assert "Vladimir Putin" in page.read_text(encoding="utf-8")
    with pytest.raises(kgbuild.UnknownName, match="did you mean 'Vladimir Putin'"):
        any_kg.view(tmp_path / "view.html", focus="Vladimir Putn")


def test_view_leaves_out_entities_without_relations_unless_asked(kg: kgbuild.KnowledgeGraph, tmp_path: Path) -> None:
    assert "Some Act" not in kg.view(tmp_path / "overview.html").read_text(encoding="utf-8")
    assert "Some Act" in kg.view(tmp_path / "all.html", isolated=True).read_text(encoding="utf-8")
