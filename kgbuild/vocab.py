"""RDF namespaces and IRI minting shared by every stage that reads or writes the graph."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/kgbuild/ontology#")
KGR = Namespace("https://w3id.org/kgbuild/resource/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgbuild.ttl"

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "kgr": KGR,
    "schema": SCHEMA,
    "prov": PROV,
    "nif": NIF,
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "dcterms": Namespace(str(DCTERMS)),
    "owl": Namespace(str(OWL)),
    "xsd": Namespace(str(XSD)),
}
# One prefix per kind of resource, so that every IRI kgbuild prints reads back in SPARQL ("person:elon-musk").
RESOURCE_KINDS = ("person", "organization", "place", "product", "event", "creativework", "article", "statement")
PREFIXES.update({kind: Namespace(f"{KGR}{kind}/") for kind in RESOURCE_KINDS})

PREFIX_IRIS: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph (for readable Turtle)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)


def sparql_prologue() -> str:
    """PREFIX declarations for every project prefix, to put in front of a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def slug(text: str) -> str:
    """ASCII, lower-case, hyphen-separated form of a name: 'Élon  Musk' -> 'elon-musk'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def digest(*parts: str, length: int = 16) -> str:
    """Short stable hex digest of the given strings."""
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:length]
