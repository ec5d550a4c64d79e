"""Party membership, office holders and candidates in election and local-government news (unseen-news
families, issue 11): hand-written sentences, several phrasings and negatives for each rule."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, person, party", [
    ("Democrat Maria Delgado won a state Senate seat.", "Maria Delgado", "Democratic Party"),
    ("Tom Lund, a 61-year-old Republican, lost the race.", "Tom Lund", "Republican Party"),
    ("Tom Lund, a Republican who was elected to Congress, resigned.", "Tom Lund", "Republican Party"),
    ("Her Republican challenger, Ontario Mayor Tom Lund, got 40 percent.", "Tom Lund", "Republican Party"),
    ("Anna Berg will face a fellow Republican, lawyer Tom Lund, in May.", "Tom Lund", "Republican Party"),
    ("Tom Lund, a fellow Democrat, entered the race.", "Tom Lund", "Democratic Party"),
    ("He will face Democratic Congressman Tom Lund in November.", "Tom Lund", "Democratic Party"),
    ("Republican Gov. Anna Berg signed the bill.", "Anna Berg", "Republican Party"),
    ("Anna Berg is a Democrat.", "Anna Berg", "Democratic Party"),
])
def test_a_party_word_next_to_a_name_is_the_person_s_party(facts, text, person, party):
    assert (person, "member_of_party", party) in asserted(facts(text))


@pytest.mark.parametrize("text", [
    "Democratic voters outnumber registered Republicans in the district.",
    "The Republican plan was rejected by Anna Berg.",
    "Anna Berg criticized the Democratic bill on Tuesday.",
])
def test_a_party_word_that_describes_no_person_makes_no_member(facts, text):
    assert not {f for f in asserted(facts(text)) if f[1] == "member_of_party"}


def test_a_party_member_described_in_apposition_keeps_the_person_s_other_facts(facts):
    found = asserted(facts("Tom Lund, a Democrat who was elected to Congress, resigned in January."))
    assert ("Tom Lund", "elected_to", "Congress") in found
    assert not {f for f in found if f[0] == "Democratic Party"}


@pytest.mark.parametrize("text, person", [
    ("Democrat Norma Lindqvist won the seat. Lindqvist thanked her supporters.", "Norma Lindqvist"),
    ("Businessman Harold Oyelaran bought the team.", "Harold Oyelaran"),
])
def test_a_name_the_model_misses_is_a_person_when_it_starts_with_a_first_name(run, text, person):
    people = {e.name for e in run(text).entities if e.type == "Person"}
    assert person in people and len(people) == 1  # the surname alone is the same person


@pytest.mark.parametrize("text", [
    "Virginia Beach approved the budget on Monday.",
    "Morgan Stanley raised its forecast.",
])
def test_a_place_or_two_first_names_is_no_person_by_its_first_name(run, text):
    assert not {e.name for e in run(text).entities if e.type == "Person"}


@pytest.mark.parametrize("text, person, title", [
    ("Councilmember Greg Oduya released a statement.", "Greg Oduya", "Councilmember"),
    ("Assemblywoman Rita Baptiste voted against it.", "Rita Baptiste", "Assemblywoman"),
    ("Assemblyman Jim Costa lost the race.", "Jim Costa", "Assemblyman"),
    ("US Solicitor General Donald Vesper will decide.", "Donald Vesper", "Solicitor General"),
])
def test_council_and_assembly_titles_are_roles_not_part_of_the_name(facts, text, person, title):
    assert (person, "role", title) in asserted(facts(text))


def test_a_possessive_rival_is_a_competitor_not_an_employee(facts):
    found = asserted(facts("Anna Berg won the seat. Her challenger, Tom Lund, got 40 percent."))
    assert ("Tom Lund", "competes_with", "Anna Berg") in found
    assert ("Tom Lund", "works_for", "Anna Berg") not in found
