"""Facts that must not be read into a sentence: requests and refusals, someone else's action, and name parts
and boards joined to the right node (hand-written sentences)."""
from __future__ import annotations

import pytest

from kgbuild.model import ASSERTED, HEDGED, NEGATED, REPORTED
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


@pytest.mark.parametrize("text, expected, wrong", [
    ("Tom Lund fired back at Anna Berg.", ("Tom Lund", "criticized", "Anna Berg"), "attacked"),
    ("Tom Lund hit back at Anna Berg over the report.", ("Tom Lund", "criticized", "Anna Berg"), "attacked"),
    ("Anna Berg ran into Tom Lund at the airport.", ("Anna Berg", "met_with", "Tom Lund"), "leads"),
    ("Anna Berg moved back to Oslo in 2001.", ("Anna Berg", "lives_in", "Oslo"), None),
    ("Tom Lund beat up Anna Berg.", ("Tom Lund", "attacked", "Anna Berg"), "defeated"),
])
def test_a_particle_that_changes_the_verb_s_meaning_is_part_of_the_relation(facts, text, expected, wrong):
    found = asserted(facts(text))
    assert expected in found
    assert not any(p == wrong for s, p, o in found)


@pytest.mark.parametrize("text, expected", [
    ("Brightwave Inc. dismissed Tom Lund in May.", ("Brightwave Inc.", "fired", "Tom Lund")),
    ("Anna Berg rejected Tom Lund in the vote.", ("Anna Berg", "opposed", "Tom Lund")),
])
def test_a_denial_verb_with_its_own_meaning_is_not_a_denial(facts, text, expected):
    assert (*expected, ASSERTED) in facts(text)


def test_a_denial_verb_still_denies_what_its_noun_names(facts):
    assert ("Tom Lund", "met_with", "Anna Berg", NEGATED) in facts("Tom Lund denied a meeting with Anna Berg.")


@pytest.mark.parametrize("text", ["Anna Berg dismissed Tom Lund's claim that the deal was done.",
                                  "Brightwave Inc. fired Tom Lund's lawyer.",
                                  "Police arrested Tom Lund's driver in Oslo."])
def test_what_is_done_to_a_person_s_thing_is_not_done_to_the_person(facts, text):
    assert not any(o == "Tom Lund" and p in {"fired", "arrested"} for s, p, o, m in facts(text))


@pytest.mark.parametrize("text, speaker", [
    ("According to Anna Berg, Tom Lund visited Moscow.", "Anna Berg"),
    ("Tom Lund visited Moscow last year, according to Anna Berg.", "Anna Berg"),
])
def test_according_to_makes_a_claim_reported_by_its_source(run, text, speaker):
    result = run(text)
    names = {e.key: e.name for e in result.entities}
    visit = next(f for f in result.facts if f.predicate == "visited")
    assert (visit.modality, names[visit.attributed_to]) == (REPORTED, speaker)


def test_the_speaker_of_a_passive_speech_verb_is_its_agent(run):
    result = run("Anna Berg was told by Tom Lund that Brightwave Inc. had acquired Acme Corp.")
    names = {e.key: e.name for e in result.entities}
    acquired = next(f for f in result.facts if f.predicate == "acquired")
    assert (acquired.modality, names[acquired.attributed_to]) == (REPORTED, "Tom Lund")


@pytest.mark.parametrize("text, competition", [
    ("Premier League striker Tom Lund scored twice.", "League"),
    ("Tom Lund, the Champions League winner, joined Leeds United.", "Champions League"),
    ("Tour de France champion Anna Berg retired.", "Tour de France"),
    ("Australian Open finalist Anna Berg lost in Rome.", "Australian Open"),
])
def test_a_player_s_title_before_a_competition_is_not_membership(facts, text, competition):
    assert not any(competition in o and p not in {"role", "won"} for s, p, o in asserted(facts(text)))


@pytest.mark.parametrize("text, person, club", [
    ("Leeds United striker Tom Lund scored twice.", "Tom Lund", "Leeds United"),
    ("NFL commissioner Roger Goodell met Tom Lund.", "Roger Goodell", "NFL"),
])
def test_a_title_before_a_club_or_an_office_of_a_league_is_a_post(facts, text, person, club):
    assert (person, "works_for", club) in asserted(facts(text))
