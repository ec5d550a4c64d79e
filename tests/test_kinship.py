"""Kinship nouns and the people they relate: lists of children, plural owners, "A and his wife B"
(hand-written sentences)."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def _children(found: set, parents: list[str], children: list[str]) -> set:
    return {(c, "child_of", p) for c in children for p in parents} - found


@pytest.mark.parametrize("text, parents, children", [
    ("Tom Lund and his wife Kim Lund live in Bergen with their three children, Oscar Lund, Maria Lund and Erik Lund.",
     ["Tom Lund", "Kim Lund"], ["Oscar Lund", "Maria Lund", "Erik Lund"]),
    ("Anna Berg and her husband Jon Berg reside in Oslo with their son Nils Berg and daughter Liv Berg.",
     ["Anna Berg", "Jon Berg"], ["Nils Berg", "Liv Berg"]),
    ("The shop was opened by Semon Frel and Joan Frel and their two sons - Jim Frel and Jeff Frel.",
     ["Semon Frel", "Joan Frel"], ["Jim Frel", "Jeff Frel"]),
    ("Tom Quinn and Sandy Quinn have two children, Alexis Quinn and Graham Quinn.",
     ["Tom Quinn", "Sandy Quinn"], ["Alexis Quinn", "Graham Quinn"]),
])
def test_children_listed_after_a_plural_owner(facts, text, parents, children):
    assert not _children(asserted(facts(text)), parents, children)


def test_parents_listed_after_a_possessive(facts):
    found = asserted(facts("Mark Stone moved with his parents, Harold Stone and Jane Stone, to Boston."))
    assert {("Harold Stone", "parent_of", "Mark Stone"), ("Jane Stone", "parent_of", "Mark Stone")} <= found


def test_his_in_a_coordination_is_the_first_conjunct(facts):
    found = asserted(facts("Mark Stone met Tom Lund and his wife Kim Lund in Paris."))
    assert ("Kim Lund", "spouse_of", "Tom Lund") in found or ("Tom Lund", "spouse_of", "Kim Lund") in found
    assert not {f for f in found if f[1] == "spouse_of" and "Mark Stone" in (f[0], f[2])}


@pytest.mark.parametrize("text", [
    "Acme Corp and Beta Inc said their chief executives, Tom Quinn and Sandy Quinn, met in Oslo.",
    "Tom Quinn and Sandy Quinn thanked their employees, Alexis Quinn and Graham Quinn.",
    "Tom Quinn and Sandy Quinn live in Bergen, and Alexis Quinn is their friend.",
])
def test_no_kinship_without_a_kinship_noun(facts, text):
    assert not {f for f in asserted(facts(text)) if f[1] in {"child_of", "parent_of"}}


@pytest.mark.parametrize("text, parents", [
    ("Tom Michie is the son of the biologist Anne McLaren and computer scientist Donald Michie.",
     ["Anne McLaren", "Donald Michie"]),
    ("Anna Berg is the daughter of Harold Berg and Jane Berg.", ["Harold Berg", "Jane Berg"]),
])
def test_each_parent_listed_after_of(facts, text, parents):
    child = text.split(" is ")[0]
    assert {(child, "child_of", p) for p in parents} <= asserted(facts(text))


def test_a_list_after_a_description_of_the_first_name_is_not_its_own_list(facts):
    found = asserted(facts("Tom Lund is the son of the biologist Anne Lund, and Kim Ode is his friend."))
    assert ("Tom Lund", "child_of", "Kim Ode") not in found


@pytest.mark.parametrize("text, expected", [
    ("Tom Lund is married to actress Rosalind Chao with whom he has two children.",
     ("Tom Lund", "spouse_of", "Rosalind Chao")),
    ("Anna Berg is married to Tom Lund.", ("Anna Berg", "spouse_of", "Tom Lund")),
])
def test_married_to_a_name_after_its_role(facts, text, expected):
    found = asserted(facts(text))
    assert expected in found or (expected[2], expected[1], expected[0]) in found


def test_an_infinitive_after_an_adjective_is_no_marriage(facts):
    found = asserted(facts("Anna Berg is happy to see Tom Lund."))
    assert not any(p == "spouse_of" for s, p, o in found)
