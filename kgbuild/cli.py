"""The `kgbuild` command line: build, query, view."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import __version__
from .errors import KgbuildError
from .settings import DEFAULT_MODEL, EXPORT_FORMATS, MAX_NODES, QUERY_FORMATS
from .prefixes import PREFIX_IRIS

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2


def _fail(message: str) -> int:
    print(f"kgbuild: {message}", file=sys.stderr)
    return EXIT_USAGE


def _same_file(graph: str, out: str | None) -> bool:
    """Whether writing `out` would replace the graph file being read."""
    from .store import is_store

    return out is not None and not is_store(graph) and Path(out).resolve() == Path(graph).resolve()


def cmd_build(args: argparse.Namespace) -> int:
    missing = [p for p in args.inputs if not os.path.lexists(p)]
    if missing and len(missing) == len(args.inputs):
        return _fail(f"{missing[0]}: no such file or directory")
    if args.store is None and os.path.exists(args.out) and not os.path.isdir(args.out):
        return _fail(f"--out {args.out}: a file, not a folder (the build writes graph.ttl, graph.html and "
                     "facts.jsonl into a folder)")
    if args.workers is not None and args.workers < 1:
        return _fail("--workers: give 1 or more processes")
    from .errors import NothingToBuild
    from .pipeline import build  # spaCy: once the arguments are known to be good
    from .store import HTML_FILE, VIEW_MAX_ARTICLES, FileStore, open_store

    try:
        store = open_store(args.store, Path(args.out), append=args.append)
        try:
            result = build(args.inputs, model=args.model, gazetteer=args.gazetteer, workers=args.workers,
                           dask=args.dask, progress=sys.stderr.isatty(), store=store, strict=args.strict)
        finally:
            store.close()
    except NothingToBuild as exc:
        print(f"kgbuild: {exc}", file=sys.stderr)
        return EXIT_SKIPPED
    for problem in result.problems:
        print(f"{'skipped' if problem.skipped else 'warning'} {problem}", file=sys.stderr)
    skipped = result.skipped
    if not result.written:
        print(f"kgbuild: {len(skipped)} input(s) skipped; --strict: nothing written" if args.strict else
              f"kgbuild: no new article; {store.name} unchanged", file=sys.stderr)
        return EXIT_SKIPPED if skipped else EXIT_OK
    s = result.stats
    drawn = isinstance(store, FileStore) and store.drawn
    where = f"{store.name}, {Path(args.out) / HTML_FILE}" if drawn else store.name
    print(f"{s.articles} articles, {s.entities} entities, {s.relations} relations, {s.statements} statements "
          f"in {result.seconds:.1f} s -> {where}")
    if drawn and store.caption:
        print(f"{HTML_FILE} shows {store.caption} (kgbuild view --max-nodes N --focus NAME for other parts)")
    elif isinstance(store, FileStore) and not drawn:
        html = Path(args.out) / HTML_FILE
        print(f"{html} not drawn (a build draws it for up to {VIEW_MAX_ARTICLES:,} articles): kgbuild view "
              f"{store.name} --out {html} draws the {MAX_NODES} most connected entities, or with --focus NAME a part")
    if skipped:
        print(f"{len(skipped)} input(s) skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    from .query import (format_result, load_for_query, load_graph, run_query, run_update, save_graph,
                        undeclared_terms, within)
    from .store import FACTS_FILE, GRAPH_FILE, is_store, open_graph

    target, sparql = (args.store, args.graph) if args.store else (args.graph, args.sparql)
    if target is None or (args.store and args.sparql is not None):
        return _fail("give a graph file or --store STORE, then the query")
    if (sparql is None) == (args.file is None):
        return _fail("give a SPARQL query or --file FILE (one of them)")
    if args.timeout < 0:
        return _fail("--timeout: give 0 (no limit) or more seconds")
    try:
        sparql = Path(args.file).read_text(encoding="utf-8") if args.file else sparql
    except OSError as exc:
        return _fail(f"{args.file}: cannot read query: {exc.strerror}")
    for warning in undeclared_terms(sparql):
        print(f"kgbuild: warning: {warning}", file=sys.stderr)
    if args.update:
        graph = open_graph(target) if is_store(target) else load_graph(target)
        before = len(graph)
        within(args.timeout, lambda: run_update(graph, sparql, allow_remote=args.allow_remote))
        if not is_store(target):
            save_graph(graph, target)
        print(f"updated {target}: {before} -> {len(graph)} triples")
        if not is_store(target) and Path(target).name == GRAPH_FILE and (Path(target).parent / FACTS_FILE).exists():
            print(f"kgbuild: note: build --append into {Path(target).parent} would rebuild {target} from "
                  f"{FACTS_FILE} and lose this change, so it now refuses to", file=sys.stderr)
        graph.close()
    else:
        graph = load_for_query(target, args.engine)
        text = within(args.timeout, lambda: format_result(
            graph, run_query(graph, sparql, allow_remote=args.allow_remote), args.format))
        print(text, end="" if text.endswith("\n") else "\n")
    return EXIT_OK


def cmd_view(args: argparse.Namespace) -> int:
    from .network import to_networkx
    from .query import load_for_query
    from .store import is_store
    from .view import write_html

    if _same_file(args.graph, args.out):
        return _fail(f"--out {args.out}: that is the graph being read; give another file")
    graph = load_for_query(args.graph)
    name = args.graph if is_store(args.graph) else Path(args.graph).name
    try:
        caption = write_html(to_networkx(graph), Path(args.out), title=f"kgbuild: {name}", focus=args.focus,
                             hops=args.hops, max_nodes=args.max_nodes, isolated=args.isolated,
                             warn=lambda message: print(f"kgbuild: warning: {message}", file=sys.stderr))
    except KeyError:
        return _fail(f"--focus {args.focus}: no entity has this name, alias or IRI")
    print(f"wrote {args.out}" + (f" ({caption})" if caption else ""))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from .progress import bar
    from .query import load_for_query
    from .validate import SHAPES_FILE, violations

    graph = load_for_query(args.graph)
    found = violations(graph, progress=lambda checks: bar(checks, desc="validating", unit="checks"))
    for line in found:
        print(line)
    if found:
        print(f"{args.graph}: {len(found)} violation(s) of {SHAPES_FILE.name}", file=sys.stderr)
        return EXIT_SKIPPED
    print(f"{args.graph} conforms to {SHAPES_FILE.name}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export
    from .files import write_atomic
    from .query import load_for_query

    # the RDF formats give every literal as written (rdflib); the entity network reads faster from Oxigraph
    if _same_file(args.graph, args.out):
        return _fail(f"--out {args.out}: that is the graph being read; give another file")
    engine = "rdflib" if args.format in ("jsonld", "nquads") else "oxigraph"
    data = export(load_for_query(args.graph, engine=engine), args.format)
    if args.out:
        write_atomic(Path(args.out), data)
        print(f"wrote {args.out}")
    else:
        sys.stdout.buffer.write(data)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    if args.knowledgenet:
        from .knowledgenet import run

        if not args.knowledgenet.is_file():
            return _fail(f"{args.knowledgenet}: no such file")
        result = run(args.knowledgenet, model=args.model, limit=args.limit, workers=args.workers,
                     progress=sys.stderr.isatty())
        print(json.dumps(result.as_json(), indent=2) if args.format == "json" else result.report())
        return EXIT_OK

    from .evaluate import as_json, report, score_references

    if not args.gold.exists():
        return _fail(f"{args.gold}: no such file or directory")
    try:
        scores, problems = score_references(args.gold, model=args.model, graph=args.graph, folders=args.articles)
    except (KgbuildError, OSError, ValueError, KeyError) as exc:
        return _fail(f"cannot evaluate: {exc}")
    for problem in problems:
        print(f"skipped {problem}", file=sys.stderr)
    if not scores:
        return _fail(f"{args.gold}: no reference could be scored")
    print(json.dumps(as_json(scores), indent=2) if args.format == "json" else report(scores, show=args.show))
    return EXIT_SKIPPED if problems else EXIT_OK


GRAPH_HELP = "graph file (out/graph.ttl) or store (oxigraph:PATH, http://HOST/query), read only"


def _count(text: str) -> int:
    """argparse type: a whole number, 0 or more."""
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def parser() -> argparse.ArgumentParser:
    """The argument parser of the `kgbuild` command."""
    top = argparse.ArgumentParser(prog="kgbuild", description="Build a knowledge graph with sentence "
                                  "provenance from news articles, and query or view it.")
    top.add_argument("--version", action="version", version=f"kgbuild {__version__}")
    sub = top.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="extract facts from articles into out/graph.ttl and out/graph.html")
    b.add_argument("inputs", nargs="+", help=".txt, .jsonl or .html files, or folders of them")
    b.add_argument("--out", default="out", help="output folder (default: out)")
    b.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy model package (default: {DEFAULT_MODEL})")
    b.add_argument("--gazetteer", type=Path, help="names the model misses: lines 'name<TAB>Type[<TAB>canonical name]'")
    b.add_argument("--workers", type=int, help="spaCy processes (default: all cores)")
    b.add_argument("--strict", action="store_true", help="any skipped input is fatal: exit 1, write nothing")
    b.add_argument("--append", action="store_true",
                   help="add the articles to the graph in --out (kept facts: DIR/facts.jsonl) instead of replacing it")
    b.add_argument("--store", metavar="STORE",
                   help="build into this store instead of --out, adding to what is there: oxigraph:PATH (a database "
                        "on disk) or the URL of a SPARQL 1.1 endpoint with Update (http://HOST/query)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="extract on a Dask cluster: the scheduler's tcp://HOST:8786, or 'local' for one on this machine")
    b.set_defaults(run=cmd_build, command_parser=b)

    declared = ", ".join(p + ":" for p in PREFIX_IRIS)
    q = sub.add_parser("query", help=f"run a SPARQL query ({declared} pre-declared)",
                       description=f"Run a SPARQL query on a graph. Pre-declared prefixes: {declared} "
                       "(person:NAME is kgr:person/NAME). Every IRI printed reads back in a query as "
                       "written: person:elon-musk, or <IRI> where no prefix fits.",
                       epilog="example: kgbuild query out/graph.ttl --format csv "
                              "'SELECT ?o WHERE { person:elon-musk kg:spoke_with ?o }'")
    q.add_argument("graph", nargs="?",
                   help=GRAPH_HELP.removesuffix(", read only") + "; see --store")
    q.add_argument("sparql", nargs="?", help="the query text")
    q.add_argument("--store", metavar="STORE", help="query this store (oxigraph:PATH or an endpoint URL); "
                   "the first argument is then the query")
    q.add_argument("--engine", choices=("oxigraph", "rdflib"), default="oxigraph",
                   help="for a graph file: load it into Oxigraph (default; fast, canonical literals) "
                        "or rdflib (every literal exactly as written)")
    q.add_argument("--file", help="read the query from this file instead")
    q.add_argument("--format", choices=QUERY_FORMATS, default="table", help="output format (default: table)")
    q.add_argument("--update", action="store_true", help="allow a SPARQL Update and write the graph back (atomically)")
    q.add_argument("--allow-remote", action="store_true", help="allow SERVICE, FROM/USING and LOAD of other graphs")
    q.add_argument("--timeout", type=float, default=30, metavar="SECONDS",
                   help="stop a query that runs longer (default: 30; 0: no limit)")
    q.set_defaults(run=cmd_query, command_parser=q)

    v = sub.add_parser("view", help="write the interactive HTML view of a graph")
    v.add_argument("graph", help=GRAPH_HELP)
    v.add_argument("--out", default="graph.html", help="HTML file to write (default: graph.html)")
    v.add_argument("--focus", metavar="NAME", help="draw only the entities around this one (label, alias or IRI)")
    v.add_argument("--hops", type=_count, default=1, help="with --focus: how many relations away (default: 1)")
    v.add_argument("--max-nodes", type=_count, default=MAX_NODES,
                   help=f"draw at most this many entities, the most connected (default: {MAX_NODES}; 0: all)")
    v.add_argument("--isolated", action="store_true",
                   help="also draw entities without any relation (left out by default)")
    v.set_defaults(run=cmd_view, command_parser=v)

    va = sub.add_parser("validate", help="check a graph against the graph contract (ontologies/shapes.ttl, SHACL)")
    va.add_argument("graph", help=GRAPH_HELP)
    va.set_defaults(run=cmd_validate, command_parser=va)

    e = sub.add_parser("export", help="write a graph as GraphML or GEXF (entity network) or JSON-LD or N-Quads")
    e.add_argument("graph", help=GRAPH_HELP)
    e.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="output format")
    e.add_argument("--out", help="file to write (default: standard output)")
    e.set_defaults(run=cmd_export, command_parser=e)

    ev = sub.add_parser("evaluate", help="score extraction against references (*.gold.json) or KnowledgeNet")
    against = ev.add_mutually_exclusive_group(required=True)
    against.add_argument("--gold", type=Path, help="a *.gold.json reference, or a folder of them")
    against.add_argument("--knowledgenet", type=Path, metavar="FILE.jsonl", help="KnowledgeNet passages with facts")
    ev.add_argument("--graph", type=Path, help="with --gold: score this graph instead of building the articles")
    ev.add_argument("--articles", type=Path, action="append", default=[], metavar="DIR",
                    help="with --gold: another folder to look for the articles in (repeatable)")
    ev.add_argument("--show", action="store_true", help="with --gold: list found, missing and wrong facts")
    ev.add_argument("--limit", type=_count, help="with --knowledgenet: only the first N documents")
    ev.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    ev.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy model package (default: {DEFAULT_MODEL})")
    ev.add_argument("--workers", type=int, default=1, help="spaCy processes (default: 1)")
    ev.set_defaults(run=cmd_evaluate, command_parser=ev)
    return top


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    """The arguments of a command, options and positionals in any order ("query GRAPH --format csv QUERY")."""
    top = parser()
    args, rest = top.parse_known_args(argv)
    if rest:  # positionals after options: parse the command's own arguments again, intermixed
        args = args.command_parser.parse_intermixed_args(argv[argv.index(args.command) + 1:],
                                                         argparse.Namespace(command=args.command))
    return args


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kgbuild` command; returns the exit status."""
    try:
        args = parse_arguments(sys.argv[1:] if argv is None else argv)
        return args.run(args)
    except BrokenPipeError:  # the reader went away (`kgbuild ... | head`): stop quietly, as git and ripgrep do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing more to flush at exit
        return 141  # 128 + SIGPIPE, what a shell reports for a command that SIGPIPE ended
    except KgbuildError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        print("kgbuild: interrupted; previous output left as it was", file=sys.stderr)
        return 130
    except OSError as exc:  # e.g. the output folder cannot be written
        return _fail(f"{exc.filename or 'output'}: {exc.strerror or exc}")


if __name__ == "__main__":
    sys.exit(main())
