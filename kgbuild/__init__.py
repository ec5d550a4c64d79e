"""kgbuild: news articles -> knowledge graph with sentence provenance."""
