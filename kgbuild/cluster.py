"""Cluster mode: the articles are extracted in batches on the workers of a Dask cluster (dask.distributed),
which send back only their facts; the client resolves the entities of all of them and writes the store.

Each worker process loads the spaCy pipeline once (`_pipeline` is cached per process).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path

from spacy.language import Language

from .errors import KgbuildError
from .model import Article, ArticleFacts
from .nlp import DEFAULT_MODEL
from .pipeline import default_workers, extract_with, extraction_pipeline

BATCH = 32        # articles per task
IN_FLIGHT = 4     # tasks per worker thread submitted ahead


class ClusterError(KgbuildError, RuntimeError):
    """The Dask scheduler cannot be reached."""


@cache
def _pipeline(model: str, gazetteer: Path | None) -> Language:
    return extraction_pipeline(model, gazetteer)


def extract_batch(articles: list[Article], model: str = DEFAULT_MODEL,
                  gazetteer: Path | None = None) -> list[ArticleFacts | tuple[Article, Exception]]:
    """The facts of a batch of articles (run on a worker; see pipeline.extract_with)."""
    return list(extract_with(_pipeline(model, gazetteer), articles))


def extract_on_cluster(address: str, articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                       gazetteer: Path | None = None) -> Iterator[ArticleFacts | tuple[Article, Exception]]:
    """Extract on the Dask scheduler at `address` (tcp://HOST:8786), or on a LocalCluster of one
    single-threaded worker process per core for "local"; results come in the order they finish, and at most
    IN_FLIGHT batches per worker thread are read ahead."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = LocalCluster(n_workers=default_workers(), threads_per_worker=1) if address == "local" else None
    try:
        try:
            client = Client(cluster if cluster is not None else address)
        except (OSError, ValueError) as exc:
            raise ClusterError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
        with client:
            remaining = iter(articles)
            batches = iter(lambda: list(islice(remaining, BATCH)), [])
            ahead = IN_FLIGHT * max(1, sum(client.nthreads().values()))
            running = as_completed(client.submit(extract_batch, b, model, gazetteer, pure=False)
                                   for b in islice(batches, ahead))
            for future in running:
                yield from future.result()
                for batch in islice(batches, 1):
                    running.add(client.submit(extract_batch, batch, model, gazetteer, pure=False))
    finally:
        if cluster is not None:
            cluster.close()
