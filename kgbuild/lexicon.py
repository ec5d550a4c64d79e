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

    def predicate_for(self, *phrases: str) -> str | None:
        """The predicate of the first phrase that is a verbal or nominal trigger."""
        for phrase in phrases:
            predicate = self.verbal.get(phrase) or self.nominal.get(phrase)
            if predicate:
                return predicate
        return None


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
    return Lexicon(verbal=verbal, nominal=nominal, relational=relational, labels=labels, symmetric=symmetric)
