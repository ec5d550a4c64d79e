"""kgbuild: news articles -> a knowledge graph in which every fact keeps its source sentence.

    import kgbuild
    kg = kgbuild.build("seeds/")          # or kgbuild.load("out/graph.ttl")
    kg.query("SELECT ?o WHERE { ?s kg:spoke_with ?o }", labels=True)   # -> pandas DataFrame
    kg.evidence("Elon Musk", "kg:spoke_with", "Vladimir Putin")
    kg.entities(type="Person"); kg.roles(); kg.neighbours("Elon Musk", hops=2)
    kg.facts("Elon Musk"); kg.articles("Elon Musk"); kg.single_source_facts()
    kg.to_networkx(); kg.view("graph.html")
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputNotFound, KgbuildError, NothingToBuild, UnknownName

if TYPE_CHECKING:
    from .api import KnowledgeGraph, build

__all__ = ["InputNotFound", "KgbuildError", "KnowledgeGraph", "NothingToBuild", "UnknownName", "build", "load"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The API on first use: the command line (`kgbuild build`) starts without pandas and networkx."""
    if name not in {"KnowledgeGraph", "build", "load"}:
        raise AttributeError(f"module 'kgbuild' has no attribute '{name}'")
    from . import api

    return api.KnowledgeGraph.load if name == "load" else getattr(api, name)
