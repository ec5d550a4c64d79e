"""Score built graphs against hand-made references (`*.gold.json`): entities, facts, provenance.

Matching (the reference format of ../shared/gold, see the README):
  * a graph entity is a labelled node that is not a provenance node; it is the gold entity whose name or
    one of whose aliases equals its label after normalisation (case, punctuation, "'s", leading article);
  * a graph relation is entity -predicate-> entity, or a role-like predicate with a literal object;
    predicates are compared by snake_case local name against any of the names a gold fact accepts;
  * a gold fact matches with subject and object as given, swapped when it is `symmetric`, swapped with
    one of its `inverse` names, or, for `o_text` facts, when the object text contains or equals a wanted
    text (substring only for texts of 5 characters or more);
  * required facts count for recall; graph relations matching a required fact are true positives, those
    matching an optional fact or touching an `allowed_extra_entities` name are ignored, the rest (and
    every forbidden match) are false positives.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .vocab import ONTOLOGY_DIR

GOLD_SUFFIX = ".gold.json"
SEED_FOLDERS = (Path("seeds"), ONTOLOGY_DIR.parent / "seeds")
ROLE_PREDICATES = {"role", "title", "position_held", "holds_position", "occupation", "description", "is_a",
                   "job_title", "position"}
LABELS = {RDFS.label, SKOS.prefLabel, URIRef("http://schema.org/name"), URIRef("https://schema.org/name")}
# Local names of predicates that describe nodes or provenance rather than relate entities.
BOOKKEEPING = {
    "type", "label", "pref_label", "alt_label", "name", "same_as", "comment", "see_also", "defined_by",
    "subject", "predicate", "object", "mentioned_in", "mention", "mentions", "has_mention", "confidence",
    "was_derived_from", "was_generated_by", "generated_at_time", "anchor_of", "begin_index", "end_index",
    "reference_context", "source", "date", "date_published", "headline", "url", "identifier", "evidence",
    "sentence", "in_sentence", "extracted_by", "extractor", "modality", "polarity", "attributed_to",
    "reported_by", "wikidata", "alias", "aliases", "entity_type", "ner_label", "count", "mention_count",
}
# rdf:type local names of provenance nodes (statements, sentences, articles), which are not entities.
PROVENANCE_TYPES = {"statement", "extraction", "sentence", "context", "string", "article", "news_article",
                    "document", "mention", "activity", "phrase", "word"}


def snake(name: str) -> str:
    """snake_case of a name: "spokeWith" and "spoke-with" -> "spoke_with"."""
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")


def local_name(term: Node) -> str:
    """snake_case local name of an IRI: the part after the last '#', '/' or ':'."""
    text = str(term)
    for separator in ("#", "/", ":"):
        if separator in text:
            text = text.rsplit(separator, 1)[1] or text
    return snake(text)


def normalise(text: str) -> str:
    """Comparison form of a name or text: lower case, no "'s", punctuation or leading article."""
    text = re.sub(r"'s\b", "", text.lower().replace("\u2019", "'"))
    text = re.sub(r"^(the|a|an) ", "", re.sub(r"[^a-z0-9 ]+", " ", text).strip())
    return re.sub(r"\s+", " ", text).strip()


def text_matches(value: str, wanted: Iterable[str]) -> bool:
    """Whether a role text equals one of the wanted texts, or contains or is contained in one (5+ chars)."""
    value = normalise(value)
    for want in map(normalise, wanted):
        if value == want or (len(want) >= 5 and want in value) or (len(value) >= 5 and value in want):
            return True
    return False


@dataclass(frozen=True)
class Relation:
    """One relation of the graph: subject node, predicate, object node or literal, and their names."""

    subject: Node
    predicate: Node
    object: Node
    name: str           # snake_case local name of the predicate
    object_text: str    # label of the object entity, or the literal


@dataclass
class GraphView:
    """What the scoring reads from a graph: entity labels, types and relations."""

    graph: Graph
    labels: dict[Node, str]
    types: dict[Node, set[str]]
    entities: set[Node]
    relations: list[Relation]

    @classmethod
    def of(cls, graph: Graph) -> GraphView:
        labels: dict[Node, str] = {}
        for label_predicate in LABELS:
            for node, label in graph.subject_objects(label_predicate):
                if isinstance(label, Literal):
                    labels.setdefault(node, str(label))
        types: dict[Node, set[str]] = {}
        for node, cls_ in graph.subject_objects(RDF.type):
            types.setdefault(node, set()).add(local_name(cls_))
        provenance = {n for n, t in types.items() if t & PROVENANCE_TYPES} | set(graph.subjects(RDF.subject, None))
        entities = set(labels) - provenance
        relations = []
        for s, p, o in graph:
            name = local_name(p)
            if s not in entities or p in LABELS or name in BOOKKEEPING:
                continue
            if o in entities:
                relations.append(Relation(s, p, o, name, labels[o]))
            elif name in ROLE_PREDICATES and (isinstance(o, Literal) or o in labels):
                relations.append(Relation(s, p, o, name, str(o) if isinstance(o, Literal) else labels[o]))
        return cls(graph, labels, types, entities, relations)

    def has_provenance(self, relation: Relation) -> bool:
        """Whether a statement of the relation reaches a sentence-like literal in at most two steps."""
        for statement in self.graph.subjects(RDF.subject, relation.subject):
            if (statement, RDF.predicate, relation.predicate) not in self.graph \
                    or (statement, RDF.object, relation.object) not in self.graph:
                continue
            frontier = {statement}
            for _ in range(2):
                reached = set()
                for node in frontier:
                    for p, o in self.graph.predicate_objects(node):
                        if p in (RDF.subject, RDF.object):
                            continue
                        if isinstance(o, Literal) and len(str(o)) >= 20 and " " in str(o):
                            return True
                        if isinstance(o, (URIRef, BNode)):
                            reached.add(o)
                frontier = reached
        return False


@dataclass
class Gold:
    """A reference file: entities with aliases, required/optional/forbidden facts, entity checks."""

    path: Path
    data: dict[str, Any]

    @classmethod
    def load(cls, path: Path) -> Gold:
        return cls(path, json.loads(path.read_text(encoding="utf-8")))

    @property
    def article(self) -> str:
        return self.data["article"]

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.data["entities"]

    def facts(self, kind: str) -> list[dict[str, Any]]:
        return self.data.get("relations", {}).get(kind, [])

    def entity_of(self, label: str) -> str | None:
        """Id of the first gold entity whose name or an alias is the label (normalised)."""
        key = normalise(label)
        return next((e["id"] for e in self.entities if key in {normalise(a) for a in [*e["aliases"], e["name"]]}),
                    None)


def fact_matches(fact: dict[str, Any], subject: str | None, name: str, obj: str | None, object_text: str) -> bool:
    """Whether a graph relation (gold ids of its ends, predicate name, object text) is this gold fact."""
    names = {snake(n) for n in fact["p"]}
    if "o_text" in fact:
        return subject == fact["s"] and name in names and text_matches(object_text, fact["o_text"])
    forward = (subject, obj) == (fact["s"], fact["o"])
    backward = (subject, obj) == (fact["o"], fact["s"])
    return (forward and name in names) or (backward and fact.get("symmetric", False) and name in names) \
        or (backward and name in {snake(n) for n in fact.get("inverse", [])})


def _fact_text(fact: dict[str, Any]) -> str:
    return f"{fact['s']} {fact['p'][0]} {fact.get('o', fact.get('o_text', [''])[0])}"


def _ratio(part: int, whole: int, empty: float = 0.0) -> float:
    return part / whole if whole else empty


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class ArticleScore:
    """The figures of one reference against one graph, with the facts behind them."""

    article: str
    required: int = 0
    found: list[str] = field(default_factory=list)          # required facts found
    missing: list[str] = field(default_factory=list)        # required facts not found, with evidence
    true_positives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)
    gold_entities: int = 0
    entities_found: int = 0                                  # gold entities with at least one node
    nodes_scored: int = 0                                    # entity nodes not named as allowed extras
    nodes_matched: int = 0                                   # of those, nodes that are a gold entity
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    relations: int = 0
    with_provenance: int = 0

    def figures(self) -> dict[str, Any]:
        """Precision, recall, F1 and the other figures as a JSON-ready dict."""
        precision = _ratio(len(self.true_positives), len(self.true_positives) + len(self.false_positives))
        recall = _ratio(len(self.found), self.required, 1.0)
        return {
            "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1(precision, recall), 3),
            "required": self.required, "required_found": len(self.found),
            "true_positives": len(self.true_positives), "false_positives": len(self.false_positives),
            "ignored": len(self.ignored), "forbidden_asserted": len(self.forbidden),
            "entity_precision": round(_ratio(self.nodes_matched, self.nodes_scored), 3),
            "entity_recall": round(_ratio(self.entities_found, self.gold_entities, 1.0), 3),
            "duplicate_entities": self.duplicates,
            "provenance_coverage": round(_ratio(self.with_provenance, self.relations), 3),
        }


def score(view: GraphView, gold: Gold) -> ArticleScore:
    """Score one graph against one reference."""
    result = ArticleScore(gold.article)
    node_gold = {node: gold.entity_of(view.labels[node]) for node in view.entities}
    allowed = {normalise(x) for x in gold.data.get("allowed_extra_entities", [])}

    def gold_view(rel: Relation) -> tuple[str | None, str, str | None, str]:
        return node_gold[rel.subject], rel.name, node_gold.get(rel.object), rel.object_text

    def shown(rel: Relation) -> str:
        return f"{view.labels[rel.subject]} {rel.name} {rel.object_text}"

    required, optional, forbidden = gold.facts("required"), gold.facts("optional"), gold.facts("forbidden")
    result.required = len(required)
    for fact in required:
        hit = any(fact_matches(fact, *gold_view(rel)) for rel in view.relations)
        if hit:
            result.found.append(_fact_text(fact))
        else:
            evidence = fact.get("evidence")
            result.missing.append(f"{_fact_text(fact)}   <- {evidence}" if evidence else _fact_text(fact))
    for rel in view.relations:
        ends = gold_view(rel)
        if any(fact_matches(f, *ends) for f in forbidden):
            result.forbidden.append(shown(rel))
            result.false_positives.append(shown(rel))
        elif any(fact_matches(f, *ends) for f in required):
            result.true_positives.append(shown(rel))
        elif any(fact_matches(f, *ends) for f in optional) \
                or allowed & {normalise(view.labels[rel.subject]), normalise(rel.object_text)}:
            result.ignored.append(shown(rel))
        else:
            result.false_positives.append(shown(rel))
    result.relations = len(view.relations)
    result.with_provenance = sum(map(view.has_provenance, view.relations))

    result.gold_entities = len(gold.entities)
    result.entities_found = len(set(node_gold.values()) - {None})
    scored = [n for n in view.entities if normalise(view.labels[n]) not in allowed]
    result.nodes_scored = len(scored)
    result.nodes_matched = sum(1 for n in scored if node_gold[n] is not None)
    checked = gold.data.get("entity_checks", {}).get("one_node_each", [e["id"] for e in gold.entities])
    for entity_id in checked:
        nodes = sorted(view.labels[n] for n, g in node_gold.items() if g == entity_id)
        if len(nodes) > 1:
            result.duplicates[entity_id] = nodes
    return result


def total(scores: list[ArticleScore]) -> ArticleScore:
    """Micro-averaged sum of several article scores."""
    overall = ArticleScore("overall")
    for s in scores:
        for name in ("found", "missing", "true_positives", "false_positives", "ignored", "forbidden"):
            getattr(overall, name).extend(getattr(s, name))
        for name in ("required", "gold_entities", "entities_found", "nodes_scored", "nodes_matched", "relations",
                     "with_provenance"):
            setattr(overall, name, getattr(overall, name) + getattr(s, name))
        overall.duplicates.update({f"{s.article}:{k}": v for k, v in s.duplicates.items()})
    return overall


def gold_files(path: Path) -> list[Path]:
    """The reference files at a path: the file itself, or every *.gold.json in a folder."""
    return sorted(path.glob(f"*{GOLD_SUFFIX}")) if path.is_dir() else [path]


def find_article(gold: Gold, folders: Iterable[Path]) -> Path | None:
    """The article file a reference names: next to the reference, in the given folders, or in seeds/."""
    for folder in [gold.path.parent, *folders, *SEED_FOLDERS]:
        if (folder / gold.article).is_file():
            return folder / gold.article
    return None


def score_references(path: Path, *, model: str, graph: Path | None = None,
                     folders: Iterable[Path] = ()) -> tuple[list[ArticleScore], list[str]]:
    """Score every reference at a path against `graph`, or against the graph built from its article.

    Returns the scores and a message for each reference whose article was not found.
    """
    from .pipeline import build
    from .query import load_graph

    shared = GraphView.of(load_graph(graph)) if graph else None
    scores, problems = [], []
    for gold in map(Gold.load, gold_files(path)):
        if shared is not None:
            scores.append(score(shared, gold))
            continue
        article = find_article(gold, folders)
        if article is None:
            problems.append(f"{gold.path}: article {gold.article} not found next to it, in seeds/ or in --articles")
            continue
        built = build([article], model=model)
        scores.append(score(GraphView.of(built.graph), gold))
    return scores, problems


def report(scores: list[ArticleScore], show: bool = False) -> str:
    """A text table of the figures per article and overall; with `show`, the facts behind them."""
    lines = []
    if show:
        for s in scores:
            lines.append(f"== {s.article}")
            lines += [f"  found    {x}" for x in s.found] + [f"  MISSING  {x}" for x in s.missing]
            lines += [f"  false positive  {x}" for x in s.false_positives]
            lines += [f"  forbidden       {x}" for x in s.forbidden]
            lines += [f"  ignored         {x}" for x in s.ignored]
            lines += [f"  duplicate {k}: {', '.join(v)}" for k, v in s.duplicates.items()]
    header = ("article", "ent P", "ent R", "fact P", "fact R", "fact F1", "found", "forbidden", "dup", "prov")
    rows = []
    for s in [*scores, total(scores)]:
        f = s.figures()
        rows.append((s.article, *(f"{f[k]:.3f}" for k in ("entity_precision", "entity_recall", "precision",
                                                            "recall", "f1")),
                     f"{f['required_found']}/{f['required']}", str(f["forbidden_asserted"]),
                     str(len(f["duplicate_entities"])), f"{f['provenance_coverage']:.3f}"))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]
    return "\n".join(lines)


def as_json(scores: list[ArticleScore]) -> dict[str, Any]:
    """Overall figures at the top level, per-article figures (with missing and wrong facts) under "articles"."""
    articles = [{"article": s.article, **s.figures(), "missing": s.missing, "false_positive_facts": s.false_positives}
                for s in scores]
    return {**total(scores).figures(), "articles": articles}
