"""The build: read -> parse -> extract -> resolve -> RDF, one article at a time through spaCy."""
from __future__ import annotations

import gc
import os
import time
from contextlib import contextmanager
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from spacy.language import Language
from tqdm import tqdm

from .chunks import extract_in_pieces
from .errors import NothingToBuild
from .extract import facts_of
from .model import Article, ArticleFacts
from .nlp import DEFAULT_MODEL, load_pipeline
from .rdf import GraphStats
from .reader import ALREADY_BUILT, ReadProblem, read_articles
from .resolve import resolve_entities
from .store import GraphStore, RdfStore


@dataclass
class BuildResult:
    """The built graph, its counts, and every input that was skipped or read with a warning."""

    graph: Graph | None  # None for a build into files (FileStore)
    stats: GraphStats
    problems: list[ReadProblem] = field(default_factory=list)
    seconds: float = 0.0
    facts: list[ArticleFacts] = field(default_factory=list)  # of every article in the graph
    written: bool = True  # False: nothing was written (see build's `strict`)

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
            problems.append(ReadProblem(item.origin, ALREADY_BUILT, skipped=False))
        else:
            yield item


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the facts of all articles pile up: its full passes over millions
    of live objects slow their making (reading the facts of 10,000 articles: 3.5 s with it, 1.9 s without);
    reference counting still frees everything else at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def default_workers() -> int:
    """All cores."""
    return os.cpu_count() or 1


def extraction_pipeline(model: str = DEFAULT_MODEL, gazetteer: Path | None = None) -> Language:
    """kgbuild's spaCy pipeline with the `kg_extract` component last (facts come out of each spaCy process)
    and `kg_worker_guard` first (a spaCy process ends with the build)."""
    nlp = load_pipeline(model, gazetteer)
    nlp.add_pipe("kg_worker_guard", first=True)
    nlp.add_pipe("kg_extract", last=True)
    return nlp


def extract_with(nlp: Language, articles: Iterable[Article],
                 n_process: int = 1) -> Iterator[ArticleFacts | tuple[Article, Exception]]:
    """The facts of each article in input order (or the article and why it failed), through nlp.pipe."""
    return extract_in_pieces(nlp, articles, facts_of, n_process=n_process)


def extract_articles(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
                     workers: int | None = None, dask: str | None = None,
                     progress: bool = False, problems: list[ReadProblem] | None = None,
                     known: Container[str] = frozenset()) -> Iterator[ArticleFacts]:
    """Read and parse the inputs in `workers` spaCy processes (default: all cores) or on the Dask cluster at
    `dask` ("local": a LocalCluster), yielding the facts of each article; skipped inputs go to `problems`,
    and so do articles whose id is `known` (not read again)."""
    problems = [] if problems is None else problems
    # read first (the texts stay with the facts anyway), so that the bar knows the total
    articles = list(_articles_only(read_articles(inputs), problems, known))
    if not articles:
        return  # no model to load
    if dask:
        from .cluster import extract_on_cluster

        results = extract_on_cluster(dask, articles, model=model, gazetteer=gazetteer)
    else:
        results = extract_with(extraction_pipeline(model, gazetteer), articles, workers or default_workers())
    for item in tqdm(results, disable=not progress, unit=" articles", desc="extracting", total=len(articles),
                     leave=False, dynamic_ncols=True):
        if isinstance(item, tuple):
            article, exc = item
            problems.append(ReadProblem(article.origin, f"extraction failed: {exc}"))
            continue
        if item.article.notes:
            problems.append(ReadProblem(item.article.origin, "; ".join(item.article.notes), skipped=False))
        yield item


def build(inputs: Iterable[str | Path], *, model: str = DEFAULT_MODEL, gazetteer: Path | None = None,
          workers: int | None = None, dask: str | None = None, progress: bool = False,
          store: GraphStore | None = None, strict: bool = False) -> BuildResult:
    """Build the knowledge graph of every article in the given files and folders into `store` (default: a
    new in-memory rdflib graph), together with the articles already there (not read again): entities are
    resolved over old and new articles alike, so the store ends up as if everything was built at once.

    Nothing is written when inputs were skipped and `strict`, or when no new article was read (unless the
    graph file of the stored facts was deleted: it is written again). Raises
    NothingToBuild when the inputs hold no article at all (none new, none already in the store): the store's
    earlier content is left as it was.
    """
    started = time.perf_counter()
    inputs = list(inputs)
    if not inputs:
        raise NothingToBuild("no input given; nothing written")
    store = RdfStore() if store is None else store
    problems: list[ReadProblem] = []
    with _collector_paused():
        before = store.load_facts()
        known = {f.article.id for f in before}
        new = list(extract_articles(inputs, model=model, gazetteer=gazetteer, workers=workers, dask=dask,
                                    progress=progress, problems=problems, known=known))
        if not new and not any(p.already_built for p in problems):
            reasons = "; ".join(map(str, problems[:3])) or "no .txt, .jsonl or .html file found"
            raise NothingToBuild(f"no article to build in {', '.join(map(str, inputs))} ({reasons}); "
                                 "nothing written")
        after = sorted([*before, *new], key=lambda a: a.article.id)
        resolution = resolve_entities(after)
        written = (bool(new) or store.missing) and not (strict and any(p.skipped for p in problems))
        stats = store.write(before, resolve_entities(before), after, resolution) if written else \
            GraphStats(len(after), len(resolution.entities), 0, 0)
    return BuildResult(graph=getattr(store, "graph", None), stats=stats, problems=problems,
                       seconds=time.perf_counter() - started, facts=after, written=written)
