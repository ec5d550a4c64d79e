"""Facts that must not be read into a sentence: requests and refusals, someone else's action, and name parts
and boards joined to the right node (hand-written sentences)."""
from __future__ import annotations

import pytest

from kgbuild.model import ASSERTED, HEDGED, NEGATED
from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, doer, target", [
    ("Tom Lund asked Anna Berg to visit Brightwave Inc.", "Anna Berg", "Brightwave Inc."),
    ("Tom Lund urged Anna Berg to meet Ivan Petrov.", "Anna Berg", "Ivan Petrov"),
    ("The minister told Anna Berg to leave Brightwave Inc.", "Anna Berg", "Brightwave Inc."),
])
def test_a_request_is_the_object_s_and_not_done(facts, text, doer, target):
    found = facts(text)
    assert not any(s == "Tom Lund" and o == target for s, _, o, _ in found)
    assert all(m == HEDGED for s, _, o, m in found if s == doer and o == target)


@pytest.mark.parametrize("text", ["Jane Roe refused to become CEO of Acme Inc.",
                                  "Tom Lund declined to meet Anna Berg.", "Tom Lund failed to meet Anna Berg."])
def test_a_refusal_negates_what_was_refused(facts, text):
    assert {m for s, p, o, m in facts(text) if p in {"ceo_of", "met_with"}} == {NEGATED}


@pytest.mark.parametrize("text", ["Jane Roe covered the Soviet invasion of Afghanistan.",
                                  "Tom Lund condemned Russia's attack on Ukraine."])
def test_an_action_named_by_a_noun_is_not_the_subject_s_unless_a_light_verb_makes_it(facts, text):
    assert not {(s, p) for s, p, o in asserted(facts(text)) if s in {"Jane Roe", "Tom Lund"}
                and p in {"invaded", "attacked"}}


@pytest.mark.parametrize("text, expected", [
    ("Russia launched an invasion of Ukraine.", ("Russia", "invaded", "Ukraine")),
    ("Tom Lund held talks with Anna Berg.", ("Tom Lund", "spoke_with", "Anna Berg")),
])
def test_a_light_verb_with_an_action_noun_is_the_subject_s_action(facts, text, expected):
    assert expected in asserted(facts(text))


def test_a_first_name_alone_joins_the_full_name(run):
    result = run("Velkor named Raghav Tendulkar as its chief executive. Raghav joined Velkor in 2011.")
    assert [e.name for e in result.entities if e.type == "Person"] == ["Raghav Tendulkar"]


def test_a_post_on_an_organisation_s_board_is_a_post_in_the_organisation(facts):
    found = asserted(facts("Anna Berg will become chairman of the Velkor board. Velkor said so."))
    assert ("Anna Berg", "chairs", "Velkor") in found


def test_a_set_to_become_clause_gives_the_role_of_the_subject(facts):
    found = facts("Anna Berg is set to become chairman of Velkor Inc.")
    assert ("Anna Berg", "role", "chairman", ASSERTED) in found
