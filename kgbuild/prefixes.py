"""The prefixes kgbuild declares everywhere: in the Turtle it writes, before every SPARQL query, in JSON-LD,
in `kgbuild query --help` and in the README (a test holds the README to this list). Plain strings, so that
the command line can name them without importing rdflib."""

KGR_IRI = "https://w3id.org/kgbuild/resource/"
# One prefix per kind of resource, so that every IRI kgbuild prints reads back in SPARQL ("person:elon-musk").
RESOURCE_KINDS = ("person", "organization", "place", "product", "event", "creativework", "article", "statement")

PREFIX_IRIS: dict[str, str] = {
    "kg": "https://w3id.org/kgbuild/ontology#",
    "kgr": KGR_IRI,
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    **{kind: f"{KGR_IRI}{kind}/" for kind in RESOURCE_KINDS},
}
