"""Hand-made ArticleFacts and their graph (through resolve and rdf, no spaCy), with awkward text in them."""
from __future__ import annotations

from rdflib import Graph

from kgbuild.model import Article, ArticleFacts, Fact, LocalEntity, Sentence
from kgbuild.rdf import build_graph
from kgbuild.resolve import resolve_entities

TEXT = "Musk met Putin.\u2028 Odd \"quotes\" and ünïcode."


def article_facts(article_id: str = "a1") -> ArticleFacts:
    sentence = Sentence(0, 15, TEXT[:15])
    return ArticleFacts(
        article=Article(id=article_id, text=TEXT, origin="x.jsonl:3", title="T", date="2023-08-22",
                        source="https://example.org/a", dateline="Moscow", notes=("a note",)),
        sentences=[sentence],
        entities=[LocalEntity("e0", "Elon Musk", "Person", aliases={"Musk", "Elon"}, mentions=2),
                  LocalEntity("e1", "Vladimir Putin", "Person", mentions=1)],
        facts=[Fact("e0", "met_with", "e1", sentence, "svo", confidence=0.7, modality="reported",
                    attributed_to="e1", qualifiers=("former",), phrase="met"),
               Fact("e0", "role", "CEO", sentence, "appos", object_is_literal=True)],
    )


def small_graph() -> Graph:
    facts = [article_facts()]
    return build_graph(facts, resolve_entities(facts))[0]
