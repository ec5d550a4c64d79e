"""KnowledgeNet scoring on small hand-made cases, the ontology mapping and span placement; no spaCy
except the last test."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgbuild.knowledgenet import BenchmarkResult, Document, KnFact, Passage, load_property_map, matches, \
    overlaps, predictions, read_documents, score_passage
from kgbuild.model import NEGATED, Article, ArticleFacts, Fact, Sentence

BIRTH, SPOUSE, CEO = "12", "25", "4"
# "Gennaro Basile was born in Naples." at document offset 100: subject 100-114, object 127-133.
GOLD = KnFact(BIRTH, (100, 114), (127, 133))


def passage(*facts: KnFact, exhaustive: tuple[str, ...] = (BIRTH,), start: int = 100,
            text: str = "Gennaro Basile was born in Naples.") -> Passage:
    return Passage(id=f"1:{start}:{start + len(text)}", start=start, text=text, exhaustive=frozenset(exhaustive),
                   facts=list(facts))


def counts(p: Passage, *predicted: KnFact) -> dict[str, tuple[int, int, int]]:
    return {prop: (c.tp, c.fp, c.fn) for prop, c in score_passage(p, predicted).items()}


def test_exact_spans_match():
    assert counts(passage(GOLD), GOLD) == {BIRTH: (1, 0, 0)}


def test_overlapping_spans_match():
    partial = KnFact(BIRTH, (108, 114), (120, 128))       # "Basile", "born in N"
    assert matches(partial, GOLD)
    assert counts(passage(GOLD), partial) == {BIRTH: (1, 0, 0)}


def test_touching_spans_do_not_overlap():
    assert not overlaps((100, 114), (114, 120))
    assert counts(passage(GOLD), KnFact(BIRTH, (100, 114), (133, 140))) == {BIRTH: (0, 1, 1)}


def test_wrong_property_does_not_match():
    wrong = KnFact(SPOUSE, GOLD.subject, GOLD.object)
    assert not matches(wrong, GOLD)
    assert counts(passage(GOLD, exhaustive=(BIRTH, SPOUSE)), wrong) == {BIRTH: (0, 0, 1), SPOUSE: (0, 1, 0)}


def test_unmatched_prediction_of_a_property_not_exhaustively_annotated_is_ignored():
    assert counts(passage(GOLD), KnFact(SPOUSE, (100, 114), (0, 5))) == {BIRTH: (0, 0, 1)}


def test_several_predictions_of_one_gold_fact_count_once():
    assert counts(passage(GOLD), GOLD, KnFact(BIRTH, (108, 114), GOLD.object)) == {BIRTH: (1, 0, 0)}


def test_micro_average_over_passages():
    result = BenchmarkResult()
    result.add(passage(GOLD), [GOLD])
    result.add(passage(GOLD), [KnFact(BIRTH, (0, 5), (5, 9))])
    overall = result.overall
    assert (overall.tp, overall.fp, overall.fn, overall.precision, overall.recall) == (1, 1, 1, 0.5, 0.5)
    figures = result.as_json()
    assert figures["f1"] == 0.5 and figures["properties"]["PLACE_OF_BIRTH"]["tp"] == 1
    assert "PLACE_OF_BIRTH" in result.report()


def test_ontology_maps_predicates_with_their_direction():
    mapping = load_property_map()
    assert mapping["born_in"] == {(BIRTH, False)}
    assert mapping["ceo"] == {(CEO, False), ("3", True)}    # P169: organisation -> person
    assert mapping["ceo_of"] == {(CEO, True), ("3", False)}  # owl:inverseOf kg:ceo; a CEO works for it
    assert mapping["subsidiary_of"] == {("1", False)}       # P749 parent organization
    assert mapping["child_of"] == {("34", False)}           # CHILD_OF: child -> parent, the reverse of P40
    assert mapping["parent_of"] == {("34", True)}
    assert mapping["spouse_of"] == {(SPOUSE, False), (SPOUSE, True)}   # symmetric: both ways
    assert mapping["date_of_birth"] == {("15", False)}
    assert mapping["member_of_party"] == {("45", False), ("3", False)}   # rdfs:subPropertyOf kg:member_of
    assert "spoke_with" not in mapping


TEXT = "Ann Lee is a chemist.\n\nShe married Tom Lee in 1990 and was born on 3 May 1950."


def document() -> Document:
    first, second = TEXT.split("\n\n")
    return Document("1", [passage(text=first, start=50, exhaustive=()),
                          passage(KnFact(SPOUSE, (400, 403), (412, 419)), KnFact(SPOUSE, (412, 419), (400, 403)),
                                  KnFact("15", (400, 403), (444, 454)), text=second, start=400,
                                  exhaustive=(SPOUSE, "15"))])


def extracted(*facts: Fact) -> ArticleFacts:
    return ArticleFacts(Article("1", TEXT, "test"), [], [], list(facts))


SECOND = Sentence(23, len(TEXT), TEXT[23:])
MENTIONS = {"ann": [(0, 7), (23, 26)], "tom": [(35, 42)]}   # "Ann Lee", "She", "Tom Lee" in the joined text


def test_passages_join_and_map_back_to_document_offsets():
    assert document().text() == (TEXT, [0, 23])
    predicted = predictions(document(), extracted(Fact("ann", "born_in", "tom", SECOND, "t")),
                            MENTIONS, {"born_in": {(BIRTH, False)}})
    assert predicted == {1: {KnFact(BIRTH, (400, 403), (412, 419))}}   # only mentions inside the sentence


def test_symmetric_prediction_matches_gold_facts_in_both_directions():
    predicted = predictions(document(), extracted(Fact("ann", "spouse_of", "tom", SECOND, "t")),
                            MENTIONS, load_property_map())
    assert counts(document().passages[1], *predicted[1]) == {SPOUSE: (2, 0, 0), "15": (0, 0, 1)}


def test_literal_object_span_is_its_text_in_the_sentence_and_negated_facts_are_not_predicted():
    born = Fact("ann", "date_of_birth", "3 May 1950", SECOND, "t", object_is_literal=True)
    denied = Fact("ann", "date_of_birth", "1990", SECOND, "t", object_is_literal=True, modality=NEGATED)
    predicted = predictions(document(), extracted(born, denied), MENTIONS, load_property_map())
    assert predicted == {1: {KnFact("15", (400, 403), (444, 454))}}


def test_read_documents(tmp_path: Path):
    record = {"documentId": 9, "passages": [
        {"passageId": "9:0:5", "passageStart": 0, "passageText": "Later", "exhaustivelyAnnotatedProperties": [],
         "facts": []} for _ in range(2)]}
    record["passages"][0]["passageStart"] = 30
    path = tmp_path / "kn.jsonl"
    path.write_text(json.dumps(record) + "\n\n" + json.dumps(record) + "\n", encoding="utf-8")
    documents = read_documents(path, limit=1)
    assert len(documents) == 1 and [p.start for p in documents[0].passages] == [0, 30]


@pytest.mark.slow
def test_cli_scores_a_pronoun_in_a_later_passage(tmp_path: Path):
    import contextlib
    import io

    from kgbuild.cli import main

    first, second = "Gennaro Basile was an Italian painter.", "He was born in Naples and died in Brno."
    record = {"documentId": "7", "passages": [
        {"passageId": "a", "passageStart": 10, "passageText": first, "facts": [],
         "exhaustivelyAnnotatedProperties": [{"propertyId": BIRTH}]},
        {"passageId": "b", "passageStart": 200, "passageText": second,
         "exhaustivelyAnnotatedProperties": [{"propertyId": BIRTH}],
         "facts": [{"propertyId": BIRTH, "subjectStart": 200, "subjectEnd": 202, "objectStart": 215,
                    "objectEnd": 221}]}]}
    path = tmp_path / "kn.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["evaluate", "--knowledgenet", str(path), "--format", "json"])
    figures = json.loads(out.getvalue())
    assert (code, figures["tp"], figures["fp"], figures["passages"]) == (0, 1, 0, 2)


@pytest.mark.slow
@pytest.mark.parametrize("text, pronoun, kind", [
    ("We were founded in 1999 and serve clients across Norway.", "We", "Organization"),
    ("Our headquarters are in Oslo.", "Our", "Organization"),
    ("It is headquartered in Oslo.", "It", "Organization"),
    ("He was born in Naples.", "He", "Person"),
])
def test_unresolved_pronouns_become_anonymous_entities_of_their_kind(text, pronoun, kind):
    from kgbuild.coref import resolve_references
    from kgbuild.entities import find_entities
    from kgbuild.knowledgenet import add_pronoun_entities
    from kgbuild.nlp import load_pipeline

    doc = load_pipeline()(text)
    entities = find_entities(doc)
    references = resolve_references(doc, entities)
    add_pronoun_entities(doc, entities, references)
    token = next(t for t in doc if t.text == pronoun)
    assert entities.entity(references[token.i]).type == kind


@pytest.mark.slow
@pytest.mark.parametrize("text, place", [
    ("Tom Lund studied at Harvard University under Anna Berg, where he earned a doctorate.", "Harvard University"),
    ("Tom Lund taught at Yale University but returned to Harvard University, where he joined the faculty.",
     "Harvard University"),
])
def test_where_after_a_clause_is_a_mention_of_the_last_organisation_named(text, place):
    from kgbuild.coref import resolve_references
    from kgbuild.entities import find_entities
    from kgbuild.knowledgenet import _mentions
    from kgbuild.nlp import load_pipeline

    doc = load_pipeline()(text)
    entities = find_entities(doc)
    where = next(t for t in doc if t.lower_ == "where")
    key = next(k for e in entities.entities if e.name == place for k in [e.key])
    assert (where.idx, where.idx + 5) in _mentions(doc, entities, resolve_references(doc, entities))[key]
