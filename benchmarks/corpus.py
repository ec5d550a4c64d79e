#!/usr/bin/env python3
"""A benchmark corpus of real prose: N distinct articles made from the KnowledgeNet documents.

    .venv/bin/python benchmarks/corpus.py N OUT.jsonl

Article k joins three different KnowledgeNet documents (both files in ../shared/benchmarks/knowledgenet/;
the full text where there is one, else the passages in order), chosen so that no two articles are the same:
about 190 words of encyclopedic and news prose each, one JSON line (`id`, `title`, `date`, `text`) each.
"""
from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

KNOWLEDGENET = Path(__file__).resolve().parents[2] / "shared/benchmarks/knowledgenet"
PARTS = 3


def documents(folder: Path = KNOWLEDGENET) -> list[str]:
    """The text of every KnowledgeNet document, shuffled (fixed seed) so that any stretch mixes both files."""
    texts = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            texts.append(doc["documentText"] or " ".join(p["passageText"] for p in doc["passages"]))
    random.Random(0).shuffle(texts)
    return texts


def articles(count: int, texts: list[str]) -> Iterator[dict]:
    """`count` distinct articles: article k joins documents a, a+1+q, a+2+2q (mod n) with a, q = k mod n, k div n."""
    n = len(texts)
    if count > n * (n // PARTS):
        raise ValueError(f"at most {n * (n // PARTS)} distinct articles")
    for k in range(count):
        a, q = k % n, k // n
        parts = [texts[(a + i * (1 + q)) % n] for i in range(PARTS)]
        yield {"id": f"kn{k}", "title": f"KnowledgeNet mix {k}", "date": f"20{10 + k % 10}-0{1 + k % 9}-1{k % 10}",
               "text": "\n\n".join(parts)}


def write_corpus(count: int, out: Path) -> int:
    """Write the corpus; returns its number of words."""
    words = 0
    with out.open("w", encoding="utf-8") as handle:
        for article in articles(count, documents()):
            words += len(article["text"].split())
            handle.write(json.dumps(article) + "\n")
    return words


if __name__ == "__main__":
    print(f"{write_corpus(int(sys.argv[1]), Path(sys.argv[2])):,} words")
