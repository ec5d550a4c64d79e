"""The KnowledgeNet benchmark (Mesquita et al., EMNLP 2019): run the extractor over its passages and score.

The labelled files carry passages but no document text, so the passages of a document are joined in order
(a blank line between them, which always ends a sentence) and parsed as one article; the passage offsets
map spans back to document offsets. Facts become KnowledgeNet predictions through the ontology (see
`load_property_map`). A prediction is made for every mention of the subject and of the object inside the
fact's sentence (names, resolved pronouns, relative pronouns: KnowledgeNet annotates each of them); the
object of a literal fact (a date) is where its text occurs in the sentence.

Scoring is the benchmark's own "text evaluation": a prediction matches a gold fact when the properties are
equal and the subject spans overlap and the object spans overlap; a gold fact with a matching prediction
is a true positive, otherwise a false negative; a prediction matching no gold fact is a false positive
only when its property is exhaustively annotated in that passage. Figures are micro-averaged.
"""
from __future__ import annotations

import bisect
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .evaluate import f1
from .model import NEGATED, Article, ArticleFacts, LocalEntity
from .vocab import KG, ONTOLOGY_FILE

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .entities import ArticleEntities

WIKIDATA_PROPERTY = "http://www.wikidata.org/prop/direct/"
SEPARATOR = "\n\n"
RELATIVE_PRONOUNS = {"WDT", "WP", "WP$"}   # which/that, who/whom, whose

# KnowledgeNet property id -> (name, Wikidata properties it corresponds to). CHILD_OF is the one whose
# direction is the reverse of its Wikidata property: its subject is the child, P40's subject the parent.
PROPERTIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "1": ("SUBSIDIARY_OF", ("P749",)),
    "2": ("FOUNDED_BY", ("P112",)),
    "3": ("EMPLOYEE_OR_MEMBER_OF", ("P108", "P463")),
    "4": ("CEO", ("P169",)),
    "5": ("DATE_FOUNDED", ("P571",)),
    "6": ("HEADQUARTERS", ("P159",)),
    "9": ("EDUCATED_AT", ("P69",)),
    "10": ("NATIONALITY", ("P27",)),
    "11": ("PLACE_OF_RESIDENCE", ("P551",)),
    "12": ("PLACE_OF_BIRTH", ("P19",)),
    "14": ("DATE_OF_DEATH", ("P570",)),
    "15": ("DATE_OF_BIRTH", ("P569",)),
    "25": ("SPOUSE", ("P26",)),
    "34": ("CHILD_OF", ("P40",)),
    "45": ("POLITICAL_AFFILIATION", ("P102",)),
}
REVERSED_FROM_WIKIDATA = {"34"}

Span = tuple[int, int]   # character offsets into the document, end exclusive


@dataclass(frozen=True)
class KnFact:
    """A fact in KnowledgeNet terms: property id, subject span and object span."""

    property: str
    subject: Span
    object: Span


@dataclass
class Passage:
    """One annotated passage (a sentence) with its gold facts and exhaustively annotated properties."""

    id: str
    start: int
    text: str
    exhaustive: frozenset[str]
    facts: list[KnFact]


@dataclass
class Document:
    """The annotated passages of one document, in order."""

    id: str
    passages: list[Passage]

    def text(self) -> tuple[str, list[int]]:
        """The passages joined into one text, and where each passage starts in it."""
        offsets, position = [], 0
        for passage in self.passages:
            offsets.append(position)
            position += len(passage.text) + len(SEPARATOR)
        return SEPARATOR.join(p.text for p in self.passages), offsets


def read_documents(path: Path, limit: int | None = None) -> list[Document]:
    """The documents of a KnowledgeNet JSON-lines file (the first `limit` ones)."""
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(documents) >= limit:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            passages = [Passage(
                id=p["passageId"], start=p["passageStart"], text=p["passageText"],
                exhaustive=frozenset(a["propertyId"] for a in p["exhaustivelyAnnotatedProperties"]),
                facts=[KnFact(f["propertyId"], (f["subjectStart"], f["subjectEnd"]), (f["objectStart"], f["objectEnd"]))
                       for f in p["facts"]],
            ) for p in record["passages"]]
            documents.append(Document(str(record["documentId"]), sorted(passages, key=lambda p: p.start)))
    return documents


def load_property_map(path: Path = ONTOLOGY_FILE) -> dict[str, set[tuple[str, bool]]]:
    """kg: predicate local name -> {(KnowledgeNet property id, swap subject and object)}, from the ontology.

    A predicate maps through its own `skos:closeMatch wdt:P…`, and takes the mappings of the predicates it
    is `rdfs:subPropertyOf` (a CEO of X is also a member of X), of its `owl:inverseOf` (swapped), and of
    itself swapped when it is an `owl:SymmetricProperty`.
    """
    graph = Graph().parse(path, format="turtle")
    by_wikidata = {wd: (kn, kn in REVERSED_FROM_WIKIDATA) for kn, (_, wds) in PROPERTIES.items() for wd in wds}

    def local(term: Any) -> str | None:
        return str(term).removeprefix(str(KG)) if str(term).startswith(str(KG)) else None

    mapping: dict[str, set[tuple[str, bool]]] = {}
    for predicate, match in graph.subject_objects(SKOS.closeMatch):
        target = by_wikidata.get(str(match).removeprefix(WIKIDATA_PROPERTY))
        if local(predicate) and str(match).startswith(WIKIDATA_PROPERTY) and target:
            mapping.setdefault(local(predicate), set()).add(target)
    inherits = [(local(a), local(b), False) for a, b in graph.subject_objects(RDFS.subPropertyOf)]
    inherits += [(local(a), local(b), True) for a, b in graph.subject_objects(OWL.inverseOf)]
    inherits += [(local(b), local(a), True) for a, b in graph.subject_objects(OWL.inverseOf)]
    inherits += [(local(a), local(a), True) for a in graph.subjects(RDF.type, OWL.SymmetricProperty)]
    changed = True
    while changed:  # to a fixed point: chains such as subPropertyOf an inverse are followed
        changed = False
        for predicate, source, swapped in inherits:
            gained = {(kn, swap != swapped) for kn, swap in mapping.get(source, ())} - mapping.get(predicate, set())
            if predicate and gained:
                mapping.setdefault(predicate, set()).update(gained)
                changed = True
    return mapping


def overlaps(a: Span, b: Span) -> bool:
    """Whether two character spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def matches(prediction: KnFact, gold: KnFact) -> bool:
    """The benchmark's rule: same property, overlapping subject spans, overlapping object spans."""
    return prediction.property == gold.property and overlaps(prediction.subject, gold.subject) \
        and overlaps(prediction.object, gold.object)


@dataclass
class Counts:
    """True positives, false positives and false negatives, with the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


def score_passage(passage: Passage, predictions: Iterable[KnFact]) -> dict[str, Counts]:
    """Counts per property id for one passage's predictions."""
    counts: dict[str, Counts] = {}
    predictions = set(predictions)
    for gold in passage.facts:
        found = any(matches(p, gold) for p in predictions)
        c = counts.setdefault(gold.property, Counts())
        c.tp, c.fn = c.tp + found, c.fn + (not found)
    for prediction in predictions:
        if prediction.property in passage.exhaustive and not any(matches(prediction, g) for g in passage.facts):
            counts.setdefault(prediction.property, Counts()).fp += 1
    return counts


@dataclass
class BenchmarkResult:
    """Counts per KnowledgeNet property id, and what was run."""

    properties: dict[str, Counts] = field(default_factory=dict)
    documents: int = 0
    passages: int = 0
    failed: list[str] = field(default_factory=list)     # documents whose extraction raised
    seconds: float = 0.0

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.properties.values():
            total.add(counts)
        return total

    def add(self, passage: Passage, predictions: Iterable[KnFact]) -> None:
        self.passages += 1
        for prop, counts in score_passage(passage, predictions).items():
            self.properties.setdefault(prop, Counts()).add(counts)

    def as_json(self) -> dict[str, Any]:
        def figures(c: Counts) -> dict[str, Any]:
            return {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                    "tp": c.tp, "fp": c.fp, "fn": c.fn}
        return {**figures(self.overall), "documents": self.documents, "passages": self.passages,
                "failed_documents": self.failed, "seconds": round(self.seconds, 1),
                "properties": {PROPERTIES[p][0]: figures(self.properties.get(p, Counts())) for p in PROPERTIES}}

    def report(self) -> str:
        rows = [(PROPERTIES[p][0], self.properties.get(p, Counts())) for p in PROPERTIES]
        lines = [f"{'property':<22} {'gold':>5} {'TP':>5} {'FP':>5} {'FN':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, c in [*rows, ("all (micro)", self.overall)]:
            lines.append(f"{name:<22} {c.tp + c.fn:>5} {c.tp:>5} {c.fp:>5} {c.fn:>5} "
                         f"{c.precision:>6.3f} {c.recall:>6.3f} {c.f1:>6.3f}")
        lines.insert(len(lines) - 1, "-" * len(lines[0]))
        lines.append(f"{self.documents} documents, {self.passages} passages in {self.seconds:.0f} s"
                     + (f"; extraction failed on {len(self.failed)} documents" if self.failed else ""))
        return "\n".join(lines)


def _mentions(doc: Doc, entities: ArticleEntities, references: dict[int, str]) -> dict[str, list[Span]]:
    """Character spans (in the joined text) of the mentions of each entity key, the kinds KnowledgeNet
    annotates: names, pronouns resolved by coreference, and relative pronouns ("X, who ...", "Y, where ...")
    whose antecedent is a mention. Descriptions ("the company") are not mentions there."""
    spans: dict[str, list[Span]] = {}
    for span, key in entities.spans:
        spans.setdefault(key, []).append((span.start_char, span.end_char))
    for token in doc:
        key = references.get(token.i) if token.pos_ == "PRON" or token.tag_ in RELATIVE_PRONOUNS else None
        if token.tag_ == "WRB" and token.head.dep_ == "relcl":  # "Paris, where ...": not a reference
            antecedent = token.head.head.i
            key = entities.by_token.get(antecedent) or references.get(antecedent)
        if token.lower_ == "where" and token.head.dep_ in {"relcl", "advcl"} \
                and (not key or entities.entity(key).type == "Person"):
            key = _last_organisation(doc[token.sent.start:token.i], entities)  # "studied at Yale under X, where"
        if key:
            spans.setdefault(key, []).append((token.idx, token.idx + len(token.text)))
    return spans


def _last_organisation(words: Doc, entities: ArticleEntities) -> str | None:
    """The last organisation named among some words, which a following "where" stands for ("studied at Yale
    under X, where ..."); KnowledgeNet annotates such a "where" as a mention of the institution (not of a town)."""
    keys = (entities.by_token.get(t.i) for t in reversed(words))
    return next((k for k in keys if k and entities.entity(k).type == "Organization"), None)


ANONYMOUS_PRONOUNS = {"he": "he", "him": "he", "his": "he", "himself": "he", "she": "she", "her": "she",
                      "hers": "she", "herself": "she", "i": "I", "me": "I", "my": "I", "myself": "I",
                      "we": "we", "us": "we", "our": "we", "ourselves": "we", "it": "it", "its": "it"}
# "we" on a company's page, and an "it" left unresolved, is an organisation speaking of itself
ANONYMOUS_TYPES = {"we": "Organization", "it": "Organization"}


def add_pronoun_entities(doc: Doc, entities: ArticleEntities, references: dict[int, str]) -> None:
    """Give the personal pronouns coreference left unresolved an anonymous person each ("he", "she", "I").

    Only for the benchmark: KnowledgeNet passages come without the rest of their document, so "He married
    X" often has no name to resolve to, yet the benchmark annotates the pronoun itself as the subject. A
    built graph never contains such entities.
    """
    anonymous: dict[str, str] = {}
    for token in doc:
        who = ANONYMOUS_PRONOUNS.get(token.lower_) if token.pos_ == "PRON" else None
        if who is None or token.i in references:
            continue
        if who not in anonymous:
            anonymous[who] = f"e{len(entities.entities)}"
            entities.entities.append(LocalEntity(key=anonymous[who], name=f"({who})",
                                                 type=ANONYMOUS_TYPES.get(who, "Person")))
        references[token.i] = anonymous[who]


def _literal_span(text: str, value: str, begin: int, end: int) -> Span | None:
    """Where a literal's text occurs between begin and end (case-insensitively if need be)."""
    at = text.find(value, begin, end)
    if at < 0:
        at = text.lower().find(value.lower(), begin, end)
    return (at, at + len(value)) if at >= 0 and value else None


def predictions(document: Document, article_facts: ArticleFacts, mentions: dict[str, list[Span]],
                mapping: dict[str, set[tuple[str, bool]]]) -> dict[int, set[KnFact]]:
    """KnowledgeNet facts (document offsets) predicted for each passage (by index) from extracted facts."""
    text, offsets = document.text()
    found: dict[int, set[KnFact]] = {}
    for fact in article_facts.facts:
        targets = mapping.get(fact.predicate)
        if not targets or fact.modality == NEGATED:
            continue
        index = bisect.bisect_right(offsets, fact.sentence.begin) - 1
        passage = document.passages[index]
        begin, end = offsets[index], offsets[index] + len(passage.text)

        def inside(spans: list[Span]) -> list[Span]:
            return [s for s in spans if fact.sentence.begin <= s[0] and s[1] <= fact.sentence.end]

        subjects = inside(mentions.get(fact.subject, []))
        if fact.object_is_literal:
            literal = _literal_span(text, fact.object, fact.sentence.begin, fact.sentence.end) \
                or _literal_span(text, fact.object, begin, end)
            objects = [literal] if literal else []
        else:
            objects = inside(mentions.get(fact.object, []))
        shift = passage.start - begin
        for kn, swap in targets:
            for s in subjects:
                for o in objects:
                    s_doc, o_doc = (s[0] + shift, s[1] + shift), (o[0] + shift, o[1] + shift)
                    found.setdefault(index, set()).add(KnFact(kn, *((o_doc, s_doc) if swap else (s_doc, o_doc))))
    return found


def run(path: Path, *, model: str, limit: int | None = None, workers: int = 1, batch_size: int = 64,
        progress: bool = False) -> BenchmarkResult:
    """Extract facts from every document of a KnowledgeNet file and score them against its annotations."""
    from tqdm import tqdm

    from .coref import resolve_references
    from .entities import find_entities
    from .extract import sentences_of
    from .lexicon import load_lexicon
    from .nlp import load_pipeline, parse
    from .relations import extract_facts

    started = time.perf_counter()
    documents = {d.id: d for d in read_documents(path, limit)}
    nlp, lexicon, mapping = load_pipeline(model), load_lexicon(), load_property_map()
    result = BenchmarkResult(documents=len(documents))

    def articles() -> Iterator[Article]:
        for document in documents.values():
            yield Article(id=document.id, text=document.text()[0], origin=f"{path.name}#{document.id}")

    for doc, article in tqdm(parse(nlp, articles(), batch_size=batch_size, n_process=workers),
                             total=len(documents), disable=not progress, unit=" documents", leave=False):
        document = documents[article.id]
        try:
            entities = find_entities(doc)
            references = resolve_references(doc, entities)
            add_pronoun_entities(doc, entities, references)
            sentences = sentences_of(doc)
            facts = ArticleFacts(article, sentences, entities.entities,
                                 extract_facts(doc, entities, references, lexicon, sentences))
            predicted = predictions(document, facts, _mentions(doc, entities, references), mapping)
        except Exception:  # one document's failure must not end the run; it is reported
            result.failed.append(document.id)
            predicted = {}
        for i, passage in enumerate(document.passages):
            result.add(passage, predicted.get(i, ()))
    result.seconds = time.perf_counter() - started
    return result
