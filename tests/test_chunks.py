"""Long texts in pieces (kgbuild.chunks): where they are cut and how the facts of the pieces are joined."""
from __future__ import annotations

import time

from kgbuild.chunks import PIECE_CHARS, RUN_CHARS, join_facts, split_text
from kgbuild.model import Article, ArticleFacts, Fact, LocalEntity, Sentence

PARAGRAPH = "Officials in Paris said on Monday that the talks would continue next week.\n\n"


def pieces(text: str) -> list[str]:
    spans = split_text(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == begin for (_, end), (begin, _) in zip(spans, spans[1:]))  # consecutive
    return [text[b:e] for b, e in spans]


def test_an_ordinary_article_is_one_piece() -> None:
    text = PARAGRAPH * 100
    assert pieces(text) == [text]
    assert pieces("") == [""]


def test_a_long_article_is_cut_at_paragraph_breaks() -> None:
    parts = pieces(PARAGRAPH * 1000)
    assert len(parts) > 3
    assert all(len(p) <= PIECE_CHARS for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])


def test_a_long_paragraph_is_cut_at_sentence_ends() -> None:
    parts = pieces((PARAGRAPH.strip() + " ") * 1000)
    assert len(parts) > 3 and all(len(p) <= PIECE_CHARS for p in parts)
    assert all(p.endswith(". ") for p in parts)


def test_a_long_run_without_punctuation_is_cut_at_spaces() -> None:
    run = "alpha bravo charlie delta echo " * 2000  # 62,000 characters, no sentence end
    parts = pieces("It began. " + run + ". It ended.")
    assert parts[0] == "It began."
    assert all(len(p) <= RUN_CHARS for p in parts)
    assert all(p.endswith(" ") or p.endswith(".") for p in parts)


def test_text_without_spaces_is_cut_anyway() -> None:
    parts = pieces("x" * 50_000)
    assert all(0 < len(p) <= RUN_CHARS for p in parts)


def test_ten_megabytes_are_split_fast() -> None:
    text = PARAGRAPH * (10_000_000 // len(PARAGRAPH))
    start = time.perf_counter()
    parts = pieces(text)
    assert time.perf_counter() - start < 5
    assert len(parts) >= len(text) // PIECE_CHARS


def test_join_facts_moves_offsets_and_keeps_entity_keys_apart() -> None:
    text = "Musk met Putin. Putin met Musk."
    article = Article(id="a", text=text, origin="a.txt")

    def part(begin: int, end: int) -> ArticleFacts:
        sentence = Sentence(0, end - begin, text[begin:end])
        return ArticleFacts(
            article=Article(id="a", text=text[begin:end], origin="a.txt"), sentences=[sentence],
            entities=[LocalEntity("e0", "Musk", "Person"), LocalEntity("e1", "Putin", "Person")],
            facts=[Fact("e0", "met_with", "e1", sentence, "svo"), Fact("e0", "role", "CEO", sentence, "appos",
                                                                         object_is_literal=True)])

    joined = join_facts(article, [(0, part(0, 15)), (16, part(16, 31))])
    assert joined.article is article
    assert [(s.begin, s.end) for s in joined.sentences] == [(0, 15), (16, 31)]
    assert all(text[s.begin:s.end] == s.text for s in joined.sentences)
    assert [e.key for e in joined.entities] == ["p0.e0", "p0.e1", "p1.e0", "p1.e1"]
    assert [(f.subject, f.object, f.sentence.begin) for f in joined.facts] == [
        ("p0.e0", "p0.e1", 0), ("p0.e0", "CEO", 0), ("p1.e0", "p1.e1", 16), ("p1.e0", "CEO", 16)]
