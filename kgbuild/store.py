"""Where a build keeps its graph and the facts behind it, so that later builds add to it.

Every store keeps the facts of the articles in it (one JSON line of ArticleFacts per article): a later
build skips those articles and resolves entities over old and new articles together, so `build A` then
`build B` gives the graph of `build A B`. Stores (`open_store`):

  DIR (--out)          DIR/graph.ttl, DIR/graph.html and the facts in DIR/facts.jsonl; rewritten whole
                       (graph.ttl's first line holds the digest of the rest, so that --append notices a
                       graph changed since, e.g. by `kgbuild query --update`, instead of losing the change)
  oxigraph:PATH        an Oxigraph database on disk (rdflib store plugin oxrdflib)
  http(s)://.../query  a SPARQL 1.1 endpoint with Update (the update endpoint: .../update)

The rdflib stores get only the triples that change, and keep the facts in the named graph FACTS_GRAPH.
"""
from __future__ import annotations

import gc
import hashlib
import json
import re
import multiprocessing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import is_dataclass
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph, Literal
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore

from .errors import KgbuildError
from .files import write_atomic
from .model import Article, ArticleFacts, Fact, LocalEntity, Sentence
from .rdf import GraphStats, add_triples, article_iri, graph_triples, in_memory, new_graph, turtle, update_graph
from .resolve import Resolution
from .vocab import KG, KGR

FACTS_FILE = "facts.jsonl"
GRAPH_FILE = "graph.ttl"
HTML_FILE = "graph.html"
VIEW_MAX_ARTICLES = 5_000  # drawing graph.html takes about 85 KB of memory and 1.5 ms per article
T = TypeVar("T")
FACTS_GRAPH = KGR["facts"]  # named graph of the facts in an rdflib store: <article> kg:facts "JSON line"


class StoreError(KgbuildError, ValueError):
    """The store cannot be opened, or its stored facts cannot be read."""


def _encode(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if is_dataclass(value):
        return vars(value)  # what dataclasses.asdict gives, without its deep copies
    raise TypeError(f"cannot store {type(value).__name__}")


def dumps(facts: ArticleFacts) -> str:
    """One article's facts as one line of JSON."""
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, default=_encode)


def loads(line: str) -> ArticleFacts:
    """The ArticleFacts of a line written by `dumps`."""
    data = json.loads(line)
    article = data["article"]
    return ArticleFacts(
        article=Article(**{**article, "notes": tuple(article.get("notes", ()))}),
        sentences=[Sentence(**s) for s in data["sentences"]],
        entities=[LocalEntity(**{**e, "aliases": set(e["aliases"])}) for e in data["entities"]],
        facts=[Fact(**{**f, "sentence": Sentence(**f["sentence"]), "qualifiers": tuple(f["qualifiers"])})
               for f in data["facts"]],
    )


def save_facts(folder: Path, facts: Iterable[ArticleFacts]) -> None:
    """Write DIR/facts.jsonl atomically, articles in id order."""
    ordered = sorted(facts, key=lambda f: f.article.id)
    write_atomic(folder / FACTS_FILE, "".join(dumps(f) + "\n" for f in ordered))


# The first line of a graph.ttl written by a build: a Turtle comment with the digest of the lines after it.
_GRAPH_HEADER = "# written by kgbuild build from {facts}; sha256 of the lines below: {digest}\n"
_HEADER_DIGEST = re.compile(rb"^# written by kgbuild build .*; sha256 of the lines below: ([0-9a-f]{64})\n")


def graph_file_pieces(body: bytes) -> tuple[bytes, bytes]:
    """The Turtle of a built graph as written to DIR/graph.ttl: the header line with its digest, then `body`."""
    digest = hashlib.sha256(body).hexdigest()
    return _GRAPH_HEADER.format(facts=FACTS_FILE, digest=digest).encode("ascii"), body


def check_unchanged(path: Path) -> None:
    """StoreError unless the graph file is as a build wrote it (appending rebuilds it from the stored facts:
    a change made since, e.g. with `kgbuild query --update`, would be lost)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    header = _HEADER_DIGEST.match(data)
    if header is None or hashlib.sha256(data[header.end():]).hexdigest() != header[1].decode():
        raise StoreError(f"{path} is not as kgbuild build wrote it (changed by kgbuild query --update or an "
                         f"edit?): --append would rebuild it from {FACTS_FILE} and lose the change; build into "
                         f"another --out folder, or delete {path} and build again with --append to rebuild it "
                         "from the facts")


def load_facts(folder: Path) -> list[ArticleFacts]:
    """The facts stored in DIR/facts.jsonl; none for a folder without a graph.
    Raises StoreError for a graph without its facts file or an unreadable one."""
    path = folder / FACTS_FILE
    if not path.exists():
        if (folder / GRAPH_FILE).exists():
            raise StoreError(f"{path}: not found, so {folder / GRAPH_FILE} cannot be appended to "
                             "(build it again without --append)")
        return []
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 may occur
        return [loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path}: cannot read stored facts ({exc})") from None


class RdfStore:
    """A graph in any rdflib store (in memory by default), with the facts in its named graph FACTS_GRAPH."""

    def __init__(self, graph: Graph | None = None, name: str = "memory") -> None:
        self.graph = new_graph() if graph is None else graph
        self.name = name
        self._facts = Graph(store=self.graph.store, identifier=FACTS_GRAPH)

    def load_facts(self) -> list[ArticleFacts]:
        """The facts of every article in the store."""
        try:
            return [loads(str(line)) for line in self._facts.objects(None, KG.facts)]
        except (OSError, ValueError, KeyError, TypeError) as exc:  # OSError: an endpoint not reached
            raise StoreError(f"{self.name}: cannot read stored facts ({exc})") from None

    missing = False  # the graph is the store: never missing beside its facts

    def write(self, before: Sequence[ArticleFacts], old: Resolution, after: Sequence[ArticleFacts],
              new: Resolution) -> GraphStats:
        """Bring the graph from `before` to `after` (see rdf.update_graph), then store the new facts."""
        known = {f.article.id for f in before}
        try:
            stats = update_graph(self.graph, before, old, after, new)
            add_triples(self._facts, ((article_iri(f.article.id), KG.facts, Literal(dumps(f)))
                                      for f in after if f.article.id not in known))
        except OSError as exc:  # an endpoint that refuses the update
            raise StoreError(f"{self.name}: cannot write ({exc})") from None
        return stats

    def close(self) -> None:
        """Write everything out and let go of the store (an Oxigraph database is unlocked once collected)."""
        self.graph.commit()
        self.graph.close()
        gc.collect()


class FileStore:
    """DIR/graph.ttl (streamed out, never held as a graph), DIR/graph.html and DIR/facts.jsonl; without
    `append` the folder's earlier graph is replaced. graph.html is drawn from a copy of the whole graph in
    memory, so only for up to VIEW_MAX_ARTICLES articles (larger graphs: `kgbuild view` with --focus or
    --max-nodes)."""

    def __init__(self, folder: Path, append: bool = False) -> None:
        self.folder, self.append = Path(folder), append
        self.name = str(self.folder / GRAPH_FILE)
        self.caption = ""    # what graph.html shows
        self.drawn = False   # whether graph.html was drawn

    def load_facts(self) -> list[ArticleFacts]:
        """The facts of the earlier builds with --append, else none. Raises StoreError when the graph file
        was changed since it was built (rebuilding it from the facts would lose the change)."""
        if not self.append:
            return []
        facts = load_facts(self.folder)
        if (self.folder / GRAPH_FILE).exists():
            check_unchanged(self.folder / GRAPH_FILE)
        return facts

    @property
    def missing(self) -> bool:
        """Whether the graph file of stored facts is missing (deleted to be rebuilt from them)."""
        return self.append and (self.folder / FACTS_FILE).exists() and not (self.folder / GRAPH_FILE).exists()

    def write(self, before: Sequence[ArticleFacts], old: Resolution, after: Sequence[ArticleFacts],
              new: Resolution) -> GraphStats:
        """Write the whole graph of `after` as Turtle, its HTML view, then the facts (a build killed in between
        heals on --append)."""
        from .network import UNUSED_PREDICATES, to_networkx
        from .view import write_html

        def view() -> str:
            graph = in_memory(t for t in graph_triples(after, new, GraphStats(0, 0, 0, 0))
                              if t[1] not in UNUSED_PREDICATES)
            return write_html(to_networkx(graph), self.folder / HTML_FILE, title="kgbuild: knowledge graph")

        self.drawn = len(after) <= VIEW_MAX_ARTICLES
        caption = _alongside(view) if self.drawn else None
        stats = GraphStats(len(after), len(new.entities), 0, 0)
        write_atomic(self.folder / GRAPH_FILE, graph_file_pieces(turtle(graph_triples(after, new, stats))))
        save_facts(self.folder, after)
        if caption is None:
            (self.folder / HTML_FILE).unlink(missing_ok=True)  # an earlier build's view would not match
        self.caption = caption() if caption else ""
        return stats

    def close(self) -> None:
        """Nothing is left open."""


GraphStore = RdfStore | FileStore


def _alongside(work: Callable[[], T]) -> Callable[[], T]:
    """Start `work` in a forked process, on another core (where processes can fork; else run it now);
    the function returned waits for its result."""
    if "fork" not in multiprocessing.get_all_start_methods():
        result = work()
        return lambda: result
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)

    def child() -> None:
        try:
            send.send((True, work()))
        except Exception as exc:
            send.send((False, exc))

    process = context.Process(target=child, daemon=True)
    process.start()
    send.close()

    def wait() -> T:
        try:
            ok, value = receive.recv()
        except EOFError:
            raise RuntimeError(f"the process writing {HTML_FILE} died (exit code {process.exitcode})") from None
        finally:
            process.join()
        if not ok:
            raise value
        return value

    return wait


ENDPOINT_SUFFIX = ("/query", "/update")


def open_graph(spec: str, *, read_only: bool = False) -> Graph:
    """The rdflib graph of a store named `oxigraph:PATH` or by a SPARQL endpoint URL (see the module doc)."""
    if spec.startswith("oxigraph:"):
        path = spec.removeprefix("oxigraph:")
        if read_only and not Path(path).is_dir():
            raise StoreError(f"{spec}: no Oxigraph store at {path}")
        try:
            store = ox.Store.read_only(path) if read_only else ox.Store(path)
        except OSError as exc:
            raise StoreError(f"{spec}: cannot open the Oxigraph store ({exc})") from None
        return new_graph(OxigraphStore(store=store))
    if spec.startswith(("http://", "https://")):
        query, update = ENDPOINT_SUFFIX
        store = SPARQLStore(spec) if read_only else SPARQLUpdateStore(
            spec, spec.removesuffix(query) + update if spec.endswith(query) else spec, autocommit=False)
        graph = new_graph(store)
        graph.default_union = True  # else rdflib sends queries to a graph named urn:x-rdflib:default
        return graph
    raise StoreError(f"{spec}: not a store (give oxigraph:PATH or the URL of a SPARQL endpoint)")


def is_store(spec: str) -> bool:
    """Whether `spec` names a store (oxigraph:PATH, an endpoint URL) rather than a graph file."""
    return spec.startswith(("oxigraph:", "http://", "https://"))


def open_store(spec: str | None, out: Path, *, append: bool = False) -> GraphStore:
    """The store of a build: `spec` (oxigraph:PATH or an endpoint URL), else the files in `out`."""
    return FileStore(out, append) if spec is None else RdfStore(open_graph(spec), spec)
