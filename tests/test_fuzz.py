"""Property-based tests: arbitrary bytes and text through the reader, one-sentence extraction and the RDF
writer. No exception may escape, offsets must slice the text, and the graph must re-parse as Turtle."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kgbuild.model import MODALITIES, Article, ArticleFacts, Fact, LocalEntity, Sentence
from kgbuild.rdf import build_graph
from kgbuild.reader import ReadProblem, read_articles, read_html_article, read_text_article
from kgbuild.resolve import resolve_entities

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text with the characters that break parsers: controls, line and paragraph separators, quotes,
# markup, right-to-left and combining marks, astral symbols, and very long tokens.
NASTY = st.sampled_from(["\x00", "\x1b", "\r", "\u2028", "\u2029", "\ufeff", "\u200f", "\u0301", '"', "'", "\\",
                         "<", "&amp;", "<script>", "]]>", "\n\n", "https://", "date:", "©", "🙂", "Ⅻ", "x" * 3000])
TEXT = st.one_of(st.text(), st.lists(st.one_of(NASTY, st.text(max_size=20)), max_size=30).map("".join))


@FAST
@given(data=st.one_of(st.binary(max_size=3000), TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_reader_takes_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        for item in read_articles([path]):
            assert isinstance(item, (Article, ReadProblem))
            if isinstance(item, Article):
                assert item.text.strip() and item.id
            else:
                assert "\n" not in str(item)  # one line on stderr


@FAST
@given(text=TEXT)
def test_reader_takes_any_text(text: str) -> None:
    for read in (read_text_article, read_html_article):
        try:
            article = read(text, "fuzz.txt")
        except ValueError:
            continue
        assert article.text and article.text == article.text.strip()


@FAST
@given(records=st.lists(st.dictionaries(st.sampled_from(["title", "date", "url", "text", "id"]),
                                        st.one_of(TEXT, st.integers(), st.none(), st.lists(st.integers())))))
def test_reader_takes_any_json_lines(records: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        assert all(isinstance(i, (Article, ReadProblem)) for i in read_articles([path]))


def _facts(text: str, names: list[str], role: str, title: str, source: str, dateline: str) -> ArticleFacts:
    sentence = Sentence(0, len(text), text)
    entities = [LocalEntity(f"e{i}", name, "Person", aliases={name.upper()}, mentions=1)
                for i, name in enumerate(names)]
    facts = [Fact("e0", "met_with", f"e{i}", sentence, "svo", modality=MODALITIES[i % 4], phrase=role,
                  attributed_to="e0", qualifiers=(role,)) for i in range(1, len(names))]
    facts.append(Fact("e0", "role", role, sentence, "appos", object_is_literal=True))
    article = Article(id="fuzz", text=text, origin="fuzz", title=title, source=source, dateline=dateline)
    return ArticleFacts(article=article, sentences=[sentence], entities=entities, facts=facts)


@FAST
@given(text=TEXT, names=st.lists(TEXT.filter(str.strip), min_size=1, max_size=4), role=TEXT, title=TEXT,
       source=st.one_of(TEXT, TEXT.map(lambda t: "https://" + t)), dateline=TEXT)
def test_rdf_writer_output_always_parses(text: str, names: list[str], role: str, title: str, source: str,
                                         dateline: str) -> None:
    facts = [_facts(text, names, role, title, source, dateline)]
    graph, _ = build_graph(facts, resolve_entities(facts))
    again = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(again) == len(graph)


@pytest.fixture(scope="module")
def pipeline():
    from kgbuild.lexicon import load_lexicon
    from kgbuild.nlp import load_pipeline

    return load_pipeline(), load_lexicon()


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(TEXT, st.lists(st.sampled_from(["Elon Musk", "met", "Putin", "said", "not", "the CEO of",
                                                      "SpaceX", ",", ".", "he", "\n\n", "who", "'s"]),
                                     max_size=40).map(" ".join)))
def test_extraction_of_one_sentence_never_fails(pipeline, text: str) -> None:
    from kgbuild.extract import extract

    nlp, lexicon = pipeline
    article = Article(id="fuzz", text=text, origin="fuzz")
    facts = extract(nlp(text), article, lexicon)
    for sentence in facts.sentences + [f.sentence for f in facts.facts]:
        assert text[sentence.begin:sentence.end] == sentence.text
    keys = {e.key for e in facts.entities}
    assert all(f.subject in keys and (f.object_is_literal or f.object in keys) for f in facts.facts)
