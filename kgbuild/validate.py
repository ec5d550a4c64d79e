"""Check a graph against the graph contract, the SHACL shapes in ontologies/shapes.ttl.

The default engine runs the contract as SPARQL on the graph's own store (an in-memory Oxigraph store for a
graph file): every constraint of a shape becomes one query that selects the focus nodes breaking it, after the
SPARQL definitions of SHACL's core constraint components (https://www.w3.org/TR/shacl/#core-components).
It knows the components shapes.ttl uses and refuses any other, so no check is ever silently dropped.
engine="pyshacl" runs the same shapes with pySHACL (full SHACL, an order of magnitude slower on large
graphs); the tests check that both report the same violations.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from .query import compact_iri, plain
from .rdf import new_graph
from .vocab import ONTOLOGY_DIR, ONTOLOGY_FILE

SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ENGINES = ("sparql", "pyshacl")
SHOWN_VALUE = 60  # characters of an offending value quoted in a report line

# Shape properties that describe rather than constrain.
_DESCRIPTIVE = {RDF.type, SH.message, SH.name, SH.description, SH.severity, SH.declare, SH.prefixes,
                SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target,
                SH.property, SH.path, SH.flags, RDFS.comment, RDFS.label}
_NODE_KINDS = {SH.IRI: "isIRI({v})", SH.BlankNode: "isBlank({v})", SH.Literal: "isLiteral({v})",
               SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
               SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
               SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))"}
_COMPARISONS = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}


@dataclass(frozen=True)
class Check:
    """One constraint as a SPARQL query selecting ?this (and, for a bad value, ?value) where it is broken."""

    query: str
    path: URIRef | None
    message: str


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _name(term: object) -> str:
    return compact_iri(term) if isinstance(term, URIRef) else str(term)


class _Compiler:
    """Turns the shapes of a shapes graph into Checks (the ontology graph supplies instances for sh:class)."""

    def __init__(self, shapes: Graph, ontology: Graph) -> None:
        self.shapes, self.ontology = shapes, ontology

    def checks(self) -> list[Check]:
        found = []
        for shape in sorted(set(self.shapes.subjects(RDF.type, SH.NodeShape)), key=str):
            target = self._target(shape)
            if target is not None:
                found += self._shape_checks(shape, target)
        return found

    def prologue(self) -> str:
        """PREFIX lines for rdf:, rdfs: and every prefix the shapes graph declares (sh:declare) for its SPARQL."""
        declared = {"rdf": str(RDF), "rdfs": str(RDFS)}
        declared |= {str(self.shapes.value(d, SH.prefix)): str(self.shapes.value(d, SH.namespace))
                     for d in self.shapes.objects(None, SH.declare)}
        return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(declared.items()))

    def _target(self, shape: Node) -> str | None:
        """A graph pattern binding ?this to each focus node of the shape, or None if it has no target."""
        patterns = [f"?this rdf:type/rdfs:subClassOf* {c.n3()} ." for c in self.shapes.objects(shape, SH.targetClass)]
        patterns += [f"VALUES ?this {{ {n.n3()} }}" for n in self.shapes.objects(shape, SH.targetNode)]
        patterns += [f"?this {p.n3()} [] ." for p in self.shapes.objects(shape, SH.targetSubjectsOf)]
        patterns += [f"[] {p.n3()} ?this ." for p in self.shapes.objects(shape, SH.targetObjectsOf)]
        for target in self.shapes.objects(shape, SH.target):
            select = self.shapes.value(target, SH.select)
            if select is None:
                raise ValueError(f"{SHAPES_FILE.name}: only SPARQL targets (sh:select) are supported as sh:target")
            patterns.append(f"{{ {select} }}")
        if not patterns:
            return None
        return "SELECT DISTINCT ?this WHERE { " + " UNION ".join(f"{{ {p} }}" for p in patterns) + " }"

    def _shape_checks(self, shape: Node, target: str) -> list[Check]:
        prologue = self.prologue()
        focus = f"{{ {target} }}"
        checks = []
        message = self.shapes.value(shape, SH.message)
        for component, test in self._value_tests(shape, "?this"):
            checks.append(Check(f"{prologue}SELECT ?this WHERE {{ {focus} FILTER (!({test})) }}", None,
                                str(message or self._default_message(shape, component))))
        for prop in self.shapes.objects(shape, SH.property):
            checks += self._property_checks(prop, prologue, focus)
        return checks

    def _property_checks(self, prop: Node, prologue: str, focus: str) -> list[Check]:
        path = self.shapes.value(prop, SH.path)
        if not isinstance(path, URIRef):
            raise ValueError(f"{SHAPES_FILE.name}: only single-property paths are supported (found {path!r})")
        custom = self.shapes.value(prop, SH.message)
        p = path.n3()

        def check(query: str, component: URIRef) -> Check:
            return Check(prologue + query, path, str(custom or self._default_message(prop, component)))

        checks = []
        if (least := self.shapes.value(prop, SH.minCount)) is not None:
            checks.append(check(f"SELECT ?this WHERE {{ {focus} OPTIONAL {{ ?this {p} ?value }} }} GROUP BY ?this "
                                f"HAVING (COUNT(DISTINCT ?value) < {int(least)})", SH.minCount))
        if (most := self.shapes.value(prop, SH.maxCount)) is not None:
            checks.append(check(f"SELECT ?this WHERE {{ {focus} ?this {p} ?value }} GROUP BY ?this "
                                f"HAVING (COUNT(DISTINCT ?value) > {int(most)})", SH.maxCount))
        for wanted in self.shapes.objects(prop, SH.hasValue):
            checks.append(check(f"SELECT ?this WHERE {{ {focus} FILTER NOT EXISTS {{ ?this {p} {wanted.n3()} }} }}",
                                SH.hasValue))
        for other in self.shapes.objects(prop, SH.lessThan):
            checks.append(check(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value ; {other.n3()} ?other "
                                f"FILTER (!COALESCE(?value < ?other, false)) }}", SH.lessThan))
        for component, test in self._value_tests(prop, "?value"):
            checks.append(check(f"SELECT DISTINCT ?this ?value WHERE {{ {focus} ?this {p} ?value "
                                f"FILTER (!({test})) }}", component))
        return checks

    def _value_tests(self, shape: Node, v: str) -> Iterator[tuple[URIRef, str]]:
        """(component, SPARQL expression true when the value `v` meets it) for each value constraint of `shape`."""
        for predicate, obj in sorted(self.shapes.predicate_objects(shape), key=lambda po: (str(po[0]), str(po[1]))):
            if predicate in _DESCRIPTIVE or predicate in (SH.minCount, SH.maxCount, SH.hasValue, SH.lessThan):
                continue
            yield predicate, self._value_test(shape, predicate, obj, v)

    def _value_test(self, shape: Node, predicate: URIRef, obj: Node, v: str) -> str:
        if predicate == SH.datatype:
            return f"(isLiteral({v}) && datatype({v}) = {obj.n3()})"
        if predicate == SH.nodeKind:
            return _NODE_KINDS[obj].format(v=v)
        if predicate in (SH.minLength, SH.maxLength):
            return f"(!isBlank({v}) && STRLEN(STR({v})) {'>=' if predicate == SH.minLength else '<='} {int(obj)})"
        if predicate == SH.pattern:
            flags = self.shapes.value(shape, SH.flags)
            return f"(!isBlank({v}) && REGEX(STR({v}), {Literal(str(obj)).n3()}, {Literal(str(flags or '')).n3()}))"
        if predicate in _COMPARISONS:
            return f"COALESCE({v} {_COMPARISONS[predicate]} {obj.n3()}, false)"
        if predicate == SH["in"]:
            return "(" + " || ".join(f"sameTerm({v}, {m.n3()})" for m in Collection(self.shapes, obj)) + ")" \
                if obj != RDF.nil else "false"
        if predicate == SH["class"]:
            classes = {obj, *self.ontology.transitive_subjects(RDFS.subClassOf, obj)}
            members = sorted({s for c in classes for s in self.ontology.subjects(RDF.type, c)
                              if isinstance(s, URIRef)}, key=str)
            in_ontology = f" || {v} IN ({', '.join(m.n3() for m in members)})" if members else ""
            return f"(EXISTS {{ {v} rdf:type/rdfs:subClassOf* {obj.n3()} }}{in_ontology})"
        if predicate == SH.node:
            return self._conforms(obj, v)
        if predicate in (SH["or"], SH["and"]):
            parts = [self._conforms(member, v) for member in Collection(self.shapes, obj)]
            return "(" + (" || " if predicate == SH["or"] else " && ").join(parts or ["true"]) + ")"
        if predicate == SH["not"]:
            return f"(!{self._conforms(obj, v)})"
        raise ValueError(f"{SHAPES_FILE.name}: {_name(predicate)} is not supported by the SPARQL checks "
                         "(use engine='pyshacl')")

    def _conforms(self, shape: Node, v: str) -> str:
        """An expression true when `v` conforms to `shape` (a shape of value constraints only)."""
        if (shape, SH.property, None) in self.shapes:
            raise ValueError(f"{SHAPES_FILE.name}: a shape with properties cannot be nested (sh:node, sh:or, sh:not)")
        tests = [test for _, test in self._value_tests(shape, v)]
        return "(" + " && ".join(tests or ["true"]) + ")"

    def _default_message(self, shape: Node, component: URIRef) -> str:
        """What a constraint without sh:message reports, e.g. 'has more than 1 value(s)'."""
        value = self.shapes.value(shape, component)
        if component == SH.node and (nested := self.shapes.value(value, SH.message)) is not None:
            return str(nested)
        if component == SH["in"]:
            shown = ", ".join(str(m) for m in Collection(self.shapes, value))
        elif component == SH.nodeKind:
            shown = str(value)[len(str(SH)):]
        else:
            shown = _name(value)
        return _MESSAGES.get(component, "breaks sh:" + str(component)[len(str(SH)):] + " {}").format(shown)


_MESSAGES = {
    SH.minCount: "needs at least {} value(s)", SH.maxCount: "has more than {} value(s)",
    SH.datatype: "a value is not a literal of type {}", SH.nodeKind: "a value is not of node kind {}",
    SH["class"]: "a value is not an instance of {}", SH["in"]: "a value is not one of {}",
    SH.pattern: "a value does not match /{}/", SH.minLength: "a value is shorter than {} characters",
    SH.maxLength: "a value is longer than {} characters", SH.minInclusive: "a value is less than {}",
    SH.maxInclusive: "a value is more than {}", SH.minExclusive: "a value is not more than {}",
    SH.maxExclusive: "a value is not less than {}", SH.hasValue: "lacks the value {}",
    SH.lessThan: "a value is not less than its {}", SH["or"]: "a value meets none of the alternatives",
}


@cache
def contract_checks() -> list[Check]:
    """The checks of ontologies/shapes.ttl, in a fixed order."""
    return _Compiler(_shapes(), _ontology()).checks()


def _on_sparql_engine(graph: Graph) -> Graph:
    """The graph itself when its store runs SPARQL natively (Oxigraph, an endpoint), else a copy in Oxigraph."""
    from oxrdflib import OxigraphStore
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    if isinstance(graph.store, (OxigraphStore, SPARQLStore)):
        return graph
    copy = new_graph("Oxigraph")
    copy.addN((s, p, o, copy) for s, p, o in graph)
    return copy


def _report_line(focus: Node, check: Check, value: Node | None) -> str:
    where = f"{_name(focus)} {_name(check.path)}" if check.path is not None else _name(focus)
    line = f"{where}: {check.message}"
    if value is not None:
        shown = str(value) if len(str(value)) <= SHOWN_VALUE else str(value)[:SHOWN_VALUE] + "..."
        line += f" (value {_name(value) if isinstance(value, URIRef) else repr(shown)})"
    return line


def violations(graph: Graph, *, engine: str = "sparql",
               progress: Callable[[list[Check]], Iterator[Check]] = iter) -> list[str]:
    """One line per violation of the contract, '<focus node> <path>: <message>' (with the offending value
    where there is one), sorted; [] if it conforms. `progress` wraps the list of checks (e.g. a progress bar)."""
    if engine == "pyshacl":
        return _pyshacl_violations(graph)
    if engine != "sparql":
        raise ValueError(f"unknown validation engine {engine!r} (one of {', '.join(ENGINES)})")
    target = _on_sparql_engine(graph)
    lines = set()
    for check in progress(contract_checks()):
        for row in target.query(check.query):
            value = plain(row["value"]) if "value" in row.labels else None
            lines.add(_report_line(row["this"], check, value))
    return sorted(lines)


def _pyshacl_violations(graph: Graph) -> list[str]:
    from pyshacl import validate  # slow to import: only when validating with it

    conforms, report, _ = validate(graph, shacl_graph=_shapes(), ont_graph=_ontology(), inference="none",
                                   advanced=True, allow_warnings=True)
    if conforms:
        return []
    lines = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus, path = report.value(result, SH.focusNode), report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage) or report.value(result, SH.sourceConstraintComponent)
        where = f"{_name(focus)} {_name(path)}" if path is not None else _name(focus)
        lines.add(f"{where}: {_name(message)}")
    return sorted(lines)
