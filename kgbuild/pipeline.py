"""The build: read -> parse -> extract -> resolve -> RDF, one article at a time through spaCy."""
from __future__ import annotations

import time
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from tqdm import tqdm

from .chunks import extract_in_pieces
from .extract import extract
from .lexicon import load_lexicon
from .model import Article, ArticleFacts
from .nlp import DEFAULT_MODEL, load_pipeline
from .rdf import GraphStats, build_graph
from .reader import ReadProblem, read_articles
from .resolve import resolve_entities


@dataclass
class BuildResult:
    """The built graph, its counts, and every input that was skipped or read with a warning."""

    graph: Graph
    stats: GraphStats
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0
    facts: list[ArticleFacts] = field(default_factory=list)  # of every article in the graph

    @property
    def skipped(self) -> list[ReadProblem]:
        """The inputs that were not built (the other problems are warnings)."""
        return [p for p in self.problems if p.skipped]


def _articles_only(items: Iterable[Article | ReadProblem], problems: list[ReadProblem],
                   known: Container[str]) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ReadProblem):
            problems.append(item)
        elif item.id in known:
            problems.append(ReadProblem(item.origin, "already in the graph", skipped=False))
        else:
            yield item


def extract_articles(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
                     workers: int = 1,
                     progress: bool = False, problems: list[ReadProblem] | None = None,
                     known: Container[str] = frozenset()) -> Iterator[ArticleFacts]:
    """Read and parse the inputs, yielding the facts of each article; skipped inputs go to `problems`,
    and so do articles whose id is `known` (not read again)."""
    problems = [] if problems is None else problems
    nlp = load_pipeline(model, gazetteer)
    lexicon = load_lexicon()
    articles = _articles_only(read_articles(inputs), problems, known)
    for item in tqdm(extract_in_pieces(nlp, articles, lambda doc, a: extract(doc, a, lexicon), n_process=workers),
                     disable=not progress, unit=" articles", desc="extracting", leave=False):
        if isinstance(item, tuple):
            article, exc = item
            problems.append(ReadProblem(article.origin, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        if item.article.notes:
            problems.append(ReadProblem(item.article.origin, "; ".join(item.article.notes), skipped=False))
        yield item


def build(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
          workers: int = 1, progress: bool = False, previous: Sequence[ArticleFacts] = ()) -> BuildResult:
    """Build the knowledge graph of every article in the given files and folders, together with the
    `previous` facts of articles built before (store.load_facts); those articles are not read again."""
    started = time.perf_counter()
    problems: list[ReadProblem] = []
    facts = list(previous) + list(extract_articles(inputs, model=model, gazetteer=gazetteer, workers=workers,
                                                   progress=progress, problems=problems,
                                                   known={f.article.id for f in previous}))
    facts.sort(key=lambda a: a.article.id)
    resolution = resolve_entities(facts)
    graph, stats = build_graph(facts, resolution)
    return BuildResult(graph=graph, stats=stats, problems=problems, seconds=time.perf_counter() - started,
                       facts=facts)
