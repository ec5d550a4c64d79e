"""kgbuild: news articles -> a knowledge graph in which every fact keeps its source sentence.

    import kgbuild
    kg = kgbuild.build("seeds/")          # or kgbuild.load("out/graph.ttl")
    kg.query("SELECT ?o WHERE { ?s kg:spoke_with ?o }", labels=True)   # -> pandas DataFrame
    kg.evidence("Elon Musk", "spoke_with", "Vladimir Putin")
    kg.to_networkx(); kg.view("graph.html")
"""
from .api import KnowledgeGraph, build

load = KnowledgeGraph.load

__all__ = ["KnowledgeGraph", "build", "load"]
__version__ = "0.1.0"
