"""RDF namespaces and IRI minting shared by every stage that reads or writes the graph."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rdflib import Namespace

from .prefixes import PREFIX_IRIS

PREFIXES: dict[str, Namespace] = {prefix: Namespace(iri) for prefix, iri in PREFIX_IRIS.items()}
KG = PREFIXES["kg"]
KGR = PREFIXES["kgr"]
NIF = PREFIXES["nif"]
SCHEMA = PREFIXES["schema"]

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontologies"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgbuild.ttl"


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
