"""SPARQL over a built graph, with the project's prefixes pre-declared, as a table, CSV or JSON."""
from __future__ import annotations

import csv
import difflib
import io
import json
import re
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from oxrdflib import OxigraphStore
from pyparsing import ParseException, ParseResults
from rdflib import Graph, Literal, URIRef, plugin
from rdflib.namespace import RDFS, XSD
from rdflib.parser import Parser
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from rdflib.query import Result
from rdflib.term import Node
from rdflib.util import guess_format

from .errors import KgbuildError
from .files import write_atomic
from .progress import reading
from .rdf import new_graph, turtle
from .store import StoreError, is_store, open_graph
from .vocab import ONTOLOGY_FILE, PREFIX_IRIS, PREFIXES



T = TypeVar("T")
# Parts of a query that read data from outside the graph, by their name in rdflib's parse tree.
_REMOTE = {"ServiceGraphPattern": "SERVICE", "DatasetClause": "FROM", "UsingClause": "USING", "Load": "LOAD"}


class QueryError(KgbuildError, ValueError):
    """The graph file or the query cannot be used."""


def load_graph(path: str | Path, graph: Graph | None = None, prefix: str = "") -> Graph:
    """Parse an RDF file (Turtle, N-Triples, RDF/XML, JSON-LD, ...) chosen by its extension, into `graph`
    (default: a new rdflib Memory graph) with the parser named `prefix` + format ("ox-": pyoxigraph's)."""
    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file")
    graph = new_graph() if graph is None else graph
    fmt = guess_format(str(path)) or "turtle"
    streamed = bool(prefix) and _has_parser(prefix + fmt)  # pyoxigraph's parsers read as they go
    try:
        with reading(path) if streamed else open(path, "rb") as source:
            graph.parse(source=source, format=prefix + fmt if streamed else fmt, publicID=path.resolve().as_uri())
    except Exception as exc:
        raise QueryError(f"{path}: cannot parse graph: {exc}") from exc
    return graph


def _has_parser(name: str) -> bool:
    try:
        plugin.get(name, Parser)
    except plugin.PluginException:
        return False
    return True


def _remote_parts(node: object) -> set[str]:
    """The SERVICE, FROM, USING and LOAD keywords found anywhere in a parsed query or update."""
    found = set()
    if isinstance(node, CompValue) and node.name in _REMOTE:
        found.add(_REMOTE[node.name])
    children = node.values() if isinstance(node, dict) else node if isinstance(node, (list, ParseResults)) else ()
    for child in children:
        found |= _remote_parts(child)
    return found


# Parts of a query that name nothing: IRIs, strings and comments (blanked before looking for prefixed names).
_OPAQUE = re.compile(r'<[^<>"{}|^`\\\s]*>|"""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\''
                     r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*')
_PREFIXED_NAME = re.compile(r"(?<![\w?$.:</-])([A-Za-z][\w.-]*)?:((?:[\w-]|\.(?=[\w-]))*)")
_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)


def _position(text: str, index: int) -> str:
    line = text.count("\n", 0, index) + 1
    return f"line {line}, column {index - (text.rfind(chr(10), 0, index) + 1) + 1}"


def _prefixed_names(sparql: str) -> list[tuple[int, str, str]]:
    """(offset, prefix, local name) of every prefixed name in a query, outside IRIs, strings and comments."""
    blanked = _OPAQUE.sub(lambda m: " " * len(m.group()), sparql)
    return [(m.start(), m[1] or "", m[2]) for m in _PREFIXED_NAME.finditer(blanked)]


def _check_prefixes(sparql: str) -> None:
    """QueryError naming the first prefix the query neither declares nor finds pre-declared."""
    declared = set(PREFIXES) | {m[1] or "" for m in _DECLARED_PREFIX.finditer(sparql)}
    for offset, prefix, _ in _prefixed_names(sparql):
        if prefix not in declared:
            raise QueryError(f"unknown prefix '{prefix}:' at {_position(sparql, offset)} (pre-declared: "
                             f"{', '.join(p + ':' for p in PREFIXES)}; or add PREFIX {prefix}: <...>)")


@cache
def _ontology_terms() -> frozenset[str]:
    """Local names of the kg: terms the ontology declares (read from its Turtle text: no RDF parsing)."""
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    return frozenset(re.findall(r"^kg:([\w-]+)\s", text, re.MULTILINE))


def undeclared_terms(sparql: str) -> list[str]:
    """One warning per kg: term of a query that the ontology does not declare, naming the closest one."""
    if "kg" in {m[1] for m in _DECLARED_PREFIX.finditer(sparql)}:
        return []  # kg: means something else in this query
    terms = _ontology_terms()
    warnings = []
    for offset, prefix, local in _prefixed_names(sparql):
        if prefix == "kg" and local and local not in terms:
            close = difflib.get_close_matches(local, terms, n=1, cutoff=0.6)
            hint = f"; did you mean kg:{close[0]}?" if close else ""
            warnings.append(f"kg:{local} ({_position(sparql, offset)}) is not declared in the ontology{hint}")
    return warnings


# One token of a query: an IRI, a string, a variable, a prefixed name (with any '/' a user may paste into it),
# a word, or one other character.
_TOKEN = re.compile(r'<[^<>\s]*>?|"[^"\n]*"?|\'[^\'\n]*\'?|[?$]\w+|[A-Za-z][\w.-]*:[\w.%/#=,-]*|:[\w.%/-]*|\w+|\S')
_SLASHED_NAME = re.compile(r"^([A-Za-z][\w.-]*):([\w.%-]*/[\w.%/#=,-]*)$")
# Oxigraph's errors: "error at LINE:COLUMN: expected one of ..., a sentence, ..." (the sentences are the news)
_ENGINE_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_SENTENCE = re.compile(r"(?<![\w'\"])([A-Z][a-z]+(?: [\w'-]+)+)(?=,|$)")


def _found_at(sparql: str, index: int) -> str:
    """What a reader is told was found where a query goes wrong: the token there, with a fix for a pasted
    'kgr:person/elon-musk' (a prefixed name cannot hold '/')."""
    start = len(sparql) - len(sparql[index:].lstrip())
    token = _TOKEN.match(sparql, start)
    if token is None:
        return "the query ends too early"
    slashed = _SLASHED_NAME.match(token.group())
    if slashed and slashed[1] in PREFIX_IRIS:
        iri = compact_iri(URIRef(PREFIX_IRIS[slashed[1]] + slashed[2]))
        return f"unexpected {token.group()!r} (a prefixed name cannot hold '/': write {iri})"
    return f"unexpected {token.group()[:40]!r}"


def _oxigraph_diagnosis(sparql: str, exc: Exception) -> tuple[int, str] | None:
    """(offset, plain sentence or "") of an Oxigraph error "error at LINE:COLUMN: expected ...", if it is one."""
    located = _ENGINE_ERROR.search(str(exc))
    if located is None:
        return None
    line, column = int(located[1]), int(located[2])
    offset = sum(len(before) + 1 for before in sparql.split("\n")[:line - 1]) + column - 1
    sentences = _SENTENCE.findall(located[3].replace("\n", " "))
    sentence = sentences[0] if sentences else ""
    if sentence[1:2].islower():
        sentence = sentence[0].lower() + sentence[1:]
    return min(offset, len(sparql)), sentence


def _syntax_error(sparql: str, exc: ParseException) -> QueryError:
    """A one-line message for a SPARQL syntax error: where (the start of the clause rdflib's parser could not
    read), and what was found there."""
    return QueryError(f"SPARQL syntax error at {_position(sparql, exc.loc)}: {_found_at(sparql, exc.loc)}")


def _engine_error(sparql: str, exc: Exception, failed: str = "query failed") -> QueryError:
    """A one-line message for a query the engine refused or could not run (Oxigraph lists the grammar it
    expected: only its position and any plain sentence in it are kept)."""
    diagnosis = _oxigraph_diagnosis(sparql, exc)
    if diagnosis is None:
        text = str(exc).strip()
        return QueryError(f"{failed}: {text.splitlines()[0][:200] if text else type(exc).__name__}")
    offset, sentence = diagnosis
    if sparql[offset:].strip():
        return QueryError(f"SPARQL error at {_position(sparql, offset)}: {sentence or _found_at(sparql, offset)}")
    # found only once the whole query was read: a variable bound twice, or selected but not grouped
    return QueryError(f"SPARQL error: {sentence or 'Oxigraph cannot evaluate this query'} (a variable bound "
                      "twice, or selected but not grouped?); --engine rdflib may run it")


def _parse(sparql: str, *, update: bool, allow_remote: bool) -> ParseResults | CompValue:
    """The parsed query (or update, when `update`); QueryError for a query of the other kind, a syntax
    error, an unknown prefix, or one that reads other graphs (SERVICE, FROM, USING, LOAD) without
    `allow_remote`."""
    _check_prefixes(sparql)
    try:
        parsed = (parseUpdate if update else parseQuery)(sparql)
    except ParseException as exc:
        try:
            (parseQuery if update else parseUpdate)(sparql)
        except ParseException:
            raise _syntax_error(sparql, exc) from None
        raise QueryError("not a SPARQL Update (run queries without --update)" if update else
                         "SPARQL Update refused: the graph is read-only (use --update to change it)") from None
    remote = _remote_parts(parsed)
    if remote and not allow_remote:
        raise QueryError(f"{', '.join(sorted(remote))} would read data from outside the graph; "
                         "use --allow-remote to allow it")
    return parsed


def load_for_query(spec: str | Path, engine: str = "oxigraph") -> Graph:
    """The graph to query: a store (oxigraph:PATH, read-only; an endpoint URL), or a graph file loaded into
    an in-memory Oxigraph store (fast to load and to query; literals come back in Oxigraph's canonical
    form, e.g. xsd:nonNegativeInteger as xsd:integer) or, with engine "rdflib", into rdflib's Memory store."""
    if is_store(str(spec)):
        try:
            return open_graph(str(spec), read_only=True)
        except StoreError as exc:
            raise QueryError(str(exc)) from None
    if engine == "rdflib":
        return load_graph(spec)
    return load_graph(spec, new_graph("Oxigraph"), prefix="ox-")


def _native(graph: Graph) -> bool:
    """Whether the graph's store runs SPARQL itself (Oxigraph, an endpoint) rather than rdflib's engine."""
    return isinstance(graph.store, (OxigraphStore, SPARQLStore))


def run_query(graph: Graph, sparql: str, *, allow_remote: bool = False) -> Result:
    """Run a read-only SPARQL query; kg:, schema:, prov:, nif:, rdfs:, skos: ... need no PREFIX lines.
    Updates are refused, and so are SERVICE and FROM unless `allow_remote`."""
    parsed = _parse(sparql, update=False, allow_remote=allow_remote)
    try:
        if _native(graph):
            return _plain_strings(graph.query(sparql, initNs=PREFIX_IRIS))
        return graph.query(translateQuery(parsed, initNs=PREFIXES))
    except Exception as exc:
        raise _engine_error(sparql, exc) from exc


def plain(term: Node) -> Node:
    """A literal typed xsd:string as the simple literal: the same RDF 1.1 term, which Oxigraph returns with
    its datatype and rdflib (and so its result formats) without."""
    return Literal(str(term)) if isinstance(term, Literal) and term.datatype == XSD.string else term


def _plain_strings(result: Result) -> Result:
    if result.type == "SELECT":
        result.bindings = [{var: plain(value) for var, value in row.items()} for row in result.bindings]
    elif result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = new_graph()
        graph += (tuple(map(plain, triple)) for triple in result.graph)
        result.graph = graph
    return result


def run_update(graph: Graph, sparql: str, *, allow_remote: bool = False) -> None:
    """Apply a SPARQL Update to the graph (LOAD, USING and SERVICE only with `allow_remote`)."""
    parsed = _parse(sparql, update=True, allow_remote=allow_remote)
    try:
        if _native(graph):
            graph.update(sparql, initNs=PREFIX_IRIS)
            graph.commit()
        else:
            graph.update(translateUpdate(parsed, initNs=PREFIXES))
    except Exception as exc:
        raise _engine_error(sparql, exc, "update failed") from exc


def save_graph(graph: Graph, path: str | Path) -> None:
    """Write a graph to its file atomically, in the format the file's extension names."""
    write_atomic(Path(path), graph.serialize(format=guess_format(str(path)) or "turtle"))


def within(seconds: float, work: Callable[[], T]) -> T:
    """The result of `work()`, run in a worker thread; QueryError if it takes more than `seconds`
    (0: no limit). The worker of a query given up on is left to the end of the process."""
    outcome: list[tuple[bool, Any]] = []

    def worker() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the caller
            outcome.append((False, exc))

    thread = threading.Thread(target=worker, daemon=True)
    thread.start()
    thread.join(seconds or None)
    if not outcome:
        raise QueryError(f"query stopped after {seconds:g} s (--timeout); make it more selective or allow more time")
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


_LOCAL_NAME = re.compile(r"^\w(?:[\w.-]*[\w-])?$|^$")


def compact_iri(iri: URIRef) -> str:
    """The IRI as SPARQL (and Turtle) read it back: prefix:name in a project namespace (the longest matching
    one) when the rest is a valid local name ("person:elon-musk"), else <IRI>."""
    text = str(iri)
    matches = [(len(ns), p) for p, ns in PREFIX_IRIS.items() if text.startswith(ns)]
    for length, prefix in sorted(matches, reverse=True):
        if _LOCAL_NAME.match(text[length:]):
            return f"{prefix}:{text[length:]}"
    return f"<{text}>"


def _cell(graph: Graph, term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        short = compact_iri(term)
        label = graph.value(term, RDFS.label)
        return f"{label} ({short})" if label is not None else short
    return str(term)


def _csv_cell(term) -> str:
    return "" if term is None else compact_iri(term) if isinstance(term, URIRef) else str(term)


def _sparql_json(result: Result) -> str:
    """The SPARQL 1.1 JSON results (full IRIs, for programs), with one more member before "results":
    "as_sparql", each IRI of the results as a query reads it back ("person:elon-musk"). Standard readers
    (rdflib, Oxigraph) skip it."""
    data = json.loads(result.serialize(format="json"))
    iris = {term for row in (result.bindings if result.type == "SELECT" else ()) for term in row.values()
            if isinstance(term, URIRef)}
    ordered = {"head": data.pop("head")}
    if result.type == "SELECT":
        ordered["as_sparql"] = {str(iri): compact_iri(iri) for iri in sorted(iris)}
    return json.dumps({**ordered, **data}, ensure_ascii=False, indent=2)


def _turtle(graph: Graph) -> str:
    """A CONSTRUCT or DESCRIBE result as Turtle, with only the project prefixes it uses: its prefixed names
    read back in a query as written."""
    used = {compact_iri(term).partition(":")[0] for triple in graph for term in triple
            if isinstance(term, URIRef) and not compact_iri(term).startswith("<")}
    return turtle(graph, {p: PREFIX_IRIS[p] for p in sorted(used)}).decode("utf-8")


def format_result(graph: Graph, result: Result, fmt: str = "table") -> str:
    """Render query results: an aligned text table (IRIs shown with their labels), CSV or SPARQL JSON for
    SELECT; yes/no (table) or SPARQL JSON for ASK; Turtle for CONSTRUCT and DESCRIBE. Every IRI printed
    (and every key of the JSON's "as_sparql") reads back in a query as written."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        if fmt != "table":
            raise QueryError(f"--format {fmt}: a CONSTRUCT or DESCRIBE query gives RDF, printed as Turtle "
                             "(leave out --format; or kgbuild export for JSON-LD)")
        return _turtle(result.graph).rstrip("\n")
    if fmt == "json":
        return _sparql_json(result)
    if result.type == "ASK":
        if fmt == "csv":
            raise QueryError("--format csv: an ASK query gives yes or no (leave out --format, or use json)")
        return "yes" if result.askAnswer else "no"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([str(v) for v in result.vars])
        writer.writerows([_csv_cell(row[v]) for v in result.vars] for row in result)
        return out.getvalue()
    header = [str(v) for v in result.vars]
    rows = [[_cell(graph, row[v]) for v in result.vars] for row in result]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)
