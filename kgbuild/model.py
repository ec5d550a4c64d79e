"""Plain data classes passed between the pipeline stages.

read (Article) -> nlp + extract (ArticleFacts) -> resolve (ResolvedEntity) -> rdf (rdflib.Graph)
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Modality of an extraction. Only ASSERTED, HEDGED and REPORTED facts become triples in the graph;
# NEGATED ones are kept as rdf:Statement nodes for audit.
ASSERTED = "asserted"
HEDGED = "hedged"
REPORTED = "reported"
NEGATED = "negated"
MODALITIES = (ASSERTED, HEDGED, REPORTED, NEGATED)

# Predicate of a relation whose words match no declared predicate: kept as a statement, never asserted.
OPEN_PREDICATE = "related_to"


@dataclass(frozen=True)
class Article:
    """One news article: the prose to extract from plus its metadata."""

    id: str                      # stable, derived from the content (see reader.article_id)
    text: str                    # body prose; all character offsets refer to this string
    origin: str                  # where it came from: a file path, or "file.jsonl:LINE"
    title: str | None = None
    date: str | None = None      # ISO 8601 date (YYYY-MM-DD) when known
    source: str | None = None    # URL of the original publication
    dateline: str | None = None  # place line such as "Moscow, Russia"
    # what was odd about the input but did not stop the article (a date not understood, ...)
    notes: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, with character offsets into Article.text (end exclusive)."""

    begin: int
    end: int
    text: str


@dataclass
class LocalEntity:
    """An entity as found inside one article: all its mentions merged under one name."""

    key: str                     # article-local key, e.g. "e0"
    name: str                    # canonical name in this article (the longest full form)
    type: str                    # ontology class local name: Person, Organization, Place, ...
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    country: str | None = None   # ISO 3166-1 code of the country of a generically named organisation


@dataclass(frozen=True)
class Fact:
    """One extraction: subject -predicate-> object, with the sentence it came from."""

    subject: str                 # LocalEntity.key
    predicate: str               # snake_case local name of a kg: property
    object: str                  # LocalEntity.key, or the literal text when object_is_literal
    sentence: Sentence
    rule: str                    # id of the extraction rule that produced it
    confidence: float = 0.8
    object_is_literal: bool = False
    modality: str = ASSERTED
    attributed_to: str | None = None   # LocalEntity.key of the person or body the claim comes from
    qualifiers: tuple[str, ...] = ()   # e.g. ("former",) for roles
    phrase: str = ""                   # the relation words as written, e.g. "kept in close contact with"


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    sentences: list[Sentence]
    entities: list[LocalEntity]
    facts: list[Fact]


@dataclass
class ResolvedEntity:
    """An entity of the merged graph: one node, however many articles mention it."""

    id: str                      # stable slug used in the IRI, e.g. "person/elon-musk"
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    articles: set[str] = field(default_factory=set)
