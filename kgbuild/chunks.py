"""Long articles through spaCy in pieces: bounded memory, no runaway sentences.

An article longer than PIECE_CHARS is cut at paragraph breaks (else sentence ends, else spaces) into
pieces that are parsed and extracted one by one; a run of more than RUN_CHARS characters without
sentence punctuation is cut at spaces, which caps the length of a sentence. The facts of the pieces
are joined with their character offsets moved back onto the whole article text. Ordinary articles
are one piece and go through unchanged.
"""
from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from .model import Article, ArticleFacts, Sentence
from .nlp import parse

PIECE_CHARS = 20_000   # about 4,000 tokens: parser memory stays well under 1 GB per batch
RUN_CHARS = 2_000      # about 350 tokens: longer "sentences" are cut

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))
_RUN = re.compile(rf"(?:^|[.!?\n])([^.!?\n]{{{RUN_CHARS},}})")


def _cut(text: str, start: int, limit: int) -> int:
    """End of the piece starting at `start`: the last break of the strongest kind within `limit`."""
    if len(text) - start <= limit:
        return len(text)
    window = text[start:start + limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window)]
        if ends:
            return start + ends[-1]
    return start + limit


def split_text(text: str) -> list[tuple[int, int]]:
    """(begin, end) offsets of the pieces of `text`: consecutive, together covering all of it."""
    bounds = {0, len(text)}
    start = 0
    while start < len(text):
        start = _cut(text, start, PIECE_CHARS)
        bounds.add(start)
    for run in _RUN.finditer(text):
        start = run.start(1)
        while run.end(1) - start > RUN_CHARS:
            bounds.add(start)
            start = _cut(text, start, RUN_CHARS)
        bounds.add(start)
    points = sorted(bounds)
    return list(zip(points, points[1:])) or [(0, 0)]


def _shift(sentence: Sentence, offset: int) -> Sentence:
    return replace(sentence, begin=sentence.begin + offset, end=sentence.end + offset)


def join_facts(article: Article, parts: list[tuple[int, ArticleFacts]]) -> ArticleFacts:
    """The facts of a whole article from those of its pieces (piece offset, facts of the piece)."""
    if len(parts) == 1:
        return replace(parts[0][1], article=article)
    sentences, entities, facts = [], [], []
    for number, (offset, part) in enumerate(parts):
        p = f"p{number}."  # entity keys stay unique across pieces
        sentences += [_shift(s, offset) for s in part.sentences]
        entities += [replace(e, key=p + e.key) for e in part.entities]
        facts += [replace(f, subject=p + f.subject, sentence=_shift(f.sentence, offset),
                          object=f.object if f.object_is_literal else p + f.object,
                          attributed_to=f.attributed_to and p + f.attributed_to) for f in part.facts]
    return ArticleFacts(article=article, sentences=sentences, entities=entities, facts=facts)


def _note(article: Article, pieces: list[tuple[int, int]]) -> Article:
    if len(pieces) == 1:
        return article
    note = f"very long text ({len(article.text):,} characters) parsed in {len(pieces)} pieces"
    return replace(article, notes=(*article.notes, note))


def extract_in_pieces(nlp: Language, articles: Iterable[Article],
                      extract_one: Callable[[Doc, Article], ArticleFacts], *,
                      n_process: int = 1) -> Iterator[ArticleFacts | tuple[Article, Exception]]:
    """Parse and extract every article piece by piece, in input order; an article whose extraction
    failed comes out as (article, exception). Pieces of an article with the same text are parsed once,
    and only the facts of one article's pieces are held."""
    pending: deque[tuple[Article, list[tuple[int, int]], int]] = deque()  # article, pieces, distinct texts

    def pieces() -> Iterator[Article]:
        for article in articles:
            spans = split_text(article.text)
            texts = dict.fromkeys(article.text[begin:end] for begin, end in spans)
            pending.append((_note(article, spans), spans, len(texts)))
            for text in texts:
                yield replace(article, text=text)

    done: dict[str, ArticleFacts] = {}
    error: Exception | None = None
    for doc, piece in parse(nlp, pieces(), n_process=n_process):
        article, spans, distinct = pending[0]
        try:
            done[piece.text] = extract_one(doc, piece)
        except Exception as exc:  # one article's failure must not end the batch
            error = error or exc
            done[piece.text] = ArticleFacts(piece, [], [], [])
        if len(done) == distinct:
            pending.popleft()
            parts = [(begin, done[article.text[begin:end]]) for begin, end in spans]
            yield (article, error) if error else join_facts(article, parts)
            done, error = {}, None
