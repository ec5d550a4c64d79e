"""The facts of past builds, kept next to the graph (DIR/facts.jsonl) so that `build --append` can
resolve entities over old and new articles together: one JSON line of ArticleFacts per article."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from .files import write_atomic
from .model import Article, ArticleFacts, Fact, LocalEntity, Sentence

FACTS_FILE = "facts.jsonl"
GRAPH_FILE = "graph.ttl"


class StoreError(ValueError):
    """The stored facts cannot be read."""


def _encode(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def dumps(facts: ArticleFacts) -> str:
    """One article's facts as one line of JSON."""
    return json.dumps(asdict(facts), ensure_ascii=False, sort_keys=True, default=_encode)


def loads(line: str) -> ArticleFacts:
    """The ArticleFacts of a line written by `dumps`."""
    data = json.loads(line)
    article = data["article"]
    return ArticleFacts(
        article=Article(**{**article, "notes": tuple(article.get("notes", ()))}),
        sentences=[Sentence(**s) for s in data["sentences"]],
        entities=[LocalEntity(**{**e, "aliases": set(e["aliases"])}) for e in data["entities"]],
        facts=[Fact(**{**f, "sentence": Sentence(**f["sentence"]), "qualifiers": tuple(f["qualifiers"])})
               for f in data["facts"]],
    )


def save_facts(folder: Path, facts: Iterable[ArticleFacts]) -> None:
    """Write DIR/facts.jsonl atomically, articles in id order."""
    ordered = sorted(facts, key=lambda f: f.article.id)
    write_atomic(folder / FACTS_FILE, "".join(dumps(f) + "\n" for f in ordered))


def load_facts(folder: Path) -> list[ArticleFacts]:
    """The facts stored in DIR/facts.jsonl; none for a folder without a graph.
    Raises StoreError for a graph without its facts file or an unreadable one."""
    path = folder / FACTS_FILE
    if not path.exists():
        if (folder / GRAPH_FILE).exists():
            raise StoreError(f"{path}: not found, so {folder / GRAPH_FILE} cannot be appended to "
                             "(build it again without --append)")
        return []
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 may occur
        return [loads(line) for line in lines if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"{path}: cannot read stored facts ({exc})") from None
