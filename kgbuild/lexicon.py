"""The predicate vocabulary, read from the ontology: trigger phrases -> declared kg: predicates."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from .vocab import KG, ONTOLOGY_FILE


@dataclass(frozen=True)
class Lexicon:
    """Trigger phrases of the declared predicates (verbal, nominal, relational nouns) and their labels."""

    verbal: dict[str, str]            # lemma phrase ("keep in contact with") -> predicate local name
    nominal: dict[str, str]           # noun lemma + preposition ("invasion of") -> predicate local name
    relational: dict[str, str]        # role or kinship noun + preposition ("ceo of") -> predicate local name
    labels: dict[str, str]            # predicate local name -> human label
    symmetric: frozenset[str] = field(default_factory=frozenset)
    domain: dict[str, frozenset[str]] = field(default_factory=dict)   # predicate -> entity types allowed
    range: dict[str, frozenset[str]] = field(default_factory=dict)

    def accepts(self, predicate: str, subject_type: str, object_type: str | None) -> bool:
        """Whether the entity types fit the predicate's declared domain and range (None: a literal)."""
        domain = self.domain.get(predicate)
        range_ = self.range.get(predicate)
        return (domain is None or subject_type in domain) and (
            object_type is None or range_ is None or object_type in range_)

    def predicate_for(self, *phrases: str) -> str | None:
        """The predicate of the first phrase that is a verbal or nominal trigger (abbreviations read without
        their dots: "ph.d. from" is "phd from")."""
        for phrase in phrases:
            phrase = phrase.replace(".", "")
            predicate = self.verbal.get(phrase) or self.nominal.get(phrase)
            if predicate:
                return predicate
        return None


# The entity types each ontology class admits (classes not listed, e.g. owl:Thing, admit every type).
CLASS_MEMBERS = {
    "Person": {"Person"}, "Organization": {"Organization"}, "Place": {"Place"}, "Product": {"Product"},
    "Event": {"Event"}, "CreativeWork": {"CreativeWork"},
    "Agent": {"Person", "Organization"}, "Actor": {"Person", "Organization", "Place"},
    "Locatable": {"Organization", "Place", "Event", "Product", "CreativeWork"},
    "Undertaking": {"Event", "Organization"},
}


def _members(graph: Graph, prop) -> dict[str, frozenset[str]]:
    found = {}
    for s, o in graph.subject_objects(prop):
        if str(s).startswith(str(KG)) and str(o).startswith(str(KG)) and _local(o) in CLASS_MEMBERS:
            found[_local(s)] = frozenset(CLASS_MEMBERS[_local(o)])
    return found


def _local(term) -> str:
    return str(term).removeprefix(str(KG))


@lru_cache(maxsize=4)
def load_lexicon(path: Path = ONTOLOGY_FILE) -> Lexicon:
    """Read trigger phrases, labels and symmetric properties of kg: predicates from the ontology."""
    graph = Graph().parse(path, format="turtle")
    verbal = {str(o).lower(): _local(s) for s, o in graph.subject_objects(KG.trigger)}
    nominal = {str(o).lower(): _local(s) for s, o in graph.subject_objects(KG.nominalTrigger)}
    relational = {str(o).lower(): _local(s) for s, o in graph.subject_objects(KG.relationalNoun)}
    labels = {_local(s): str(o) for s, o in graph.subject_objects(RDFS.label) if str(s).startswith(str(KG))}
    symmetric = frozenset(_local(s) for s in graph.subjects(RDF.type, OWL.SymmetricProperty))
    return Lexicon(verbal=verbal, nominal=nominal, relational=relational, labels=labels, symmetric=symmetric,
                   domain=_members(graph, RDFS.domain), range=_members(graph, RDFS.range))
