"""The build: read -> parse -> extract -> resolve -> RDF, one article at a time through spaCy."""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from .extract import extract
from .lexicon import load_lexicon
from .model import Article, ArticleFacts
from .nlp import DEFAULT_MODEL, load_pipeline, parse
from .rdf import GraphStats, build_graph
from .reader import ReadProblem, read_articles
from .resolve import resolve_entities


@dataclass
class BuildResult:
    """The built graph, its counts, and every input that was skipped (with the reason)."""

    graph: Graph
    stats: GraphStats
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0


def _articles_only(items: Iterable[Article | ReadProblem], problems: list[ReadProblem],
                   max_length: int) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif len(item.text) > max_length:
            problems.append(ReadProblem(item.origin, f"article too long ({len(item.text):,} characters, "
                                                     f"limit {max_length:,})"))
        else:
            yield item


def extract_articles(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
                     workers: int = 1,
                     progress: bool = False, problems: list[ReadProblem] | None = None) -> Iterator[ArticleFacts]:
    """Read and parse the inputs, yielding the facts of each article; skipped inputs go to `problems`."""
    problems = [] if problems is None else problems
    nlp = load_pipeline(model, gazetteer)
    lexicon = load_lexicon()
    articles = _articles_only(read_articles(inputs), problems, nlp.max_length)
    for doc, article in tqdm(parse(nlp, articles, n_process=workers), disable=not progress,
                             unit=" articles", desc="extracting", leave=False):
        try:
            yield extract(doc, article, lexicon)
        except Exception as exc:  # one article's failure must not end the batch
            problems.append(ReadProblem(article.origin, f"extraction failed: {type(exc).__name__}: {exc}"))


def build(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
          workers: int = 1, progress: bool = False) -> BuildResult:
    """Build the knowledge graph of every article in the given files and folders."""
    started = time.perf_counter()
    problems: list[ReadProblem] = []
    facts = list(extract_articles(inputs, model=model, gazetteer=gazetteer, workers=workers, progress=progress,
                                  problems=problems))
    facts.sort(key=lambda a: a.article.id)
    resolution = resolve_entities(facts)
    graph, stats = build_graph(facts, resolution)
    return BuildResult(graph=graph, stats=stats, problems=problems, seconds=time.perf_counter() - started)
