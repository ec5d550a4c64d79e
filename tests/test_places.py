"""A place inside another (held-out news set B, family F1): a comma, a possessive, "in" or "of" after a kind of
place say where a place is; lists and countries acting somewhere do not (hand-written sentences)."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("The meeting took place in Lyon, France.", ("Lyon", "located_in", "France")),
    ("Floods hit China's Sichuan province on Monday.", ("Sichuan", "located_in", "China")),
    ("Two people died in India's northern Uttarakhand state.", ("Uttarakhand", "located_in", "India")),
    ("Anna Berg, mayor of Voss municipality in Vestland, spoke to reporters.", ("Voss", "located_in", "Vestland")),
    ("The village lies in the Kaski district of western Nepal.", ("Kaski", "located_in", "Nepal")),
    ("Pokhara, a city in Nepal's Kaski district, was flooded.", ("Pokhara", "located_in", "Kaski")),
])
def test_a_place_is_in_the_place_a_comma_possessive_or_preposition_puts_around_it(facts, text, expected):
    found = asserted(facts(text))
    assert any(p == "located_in" and s.startswith(expected[0]) and o == expected[2] for s, p, o in found), found


@pytest.mark.parametrize("text", [
    "Tom Lund visited Paris, London and Berlin last year.",
    "Russian troops from Russia in Ukraine fired on the town.",
    "The ministers of France and Germany met in Brussels.",
])
def test_lists_and_countries_acting_somewhere_are_not_nested_places(facts, text):
    assert not any(p == "located_in" for s, p, o in asserted(facts(text)))


@pytest.mark.parametrize("text, expected", [
    ("Leaders met on the sidelines of the G20 Leaders' Summit in Buenos Aires, Argentina.",
     ("G20 Leaders' Summit", "located_in", "Buenos Aires")),
    ("The World Economic Forum in Davos opened on Monday.", ("World Economic Forum", "located_in", "Davos")),
])
def test_a_gathering_is_held_in_the_place_after_in(facts, text, expected):
    assert expected in asserted(facts(text))


def test_a_name_run_over_in_and_a_place_is_two_names(run):
    names = {e.name for e in run("The Museum of Modern Art in New York reopened.").entities}
    assert {"Museum of Modern Art", "New York"} <= names


def test_an_organisation_in_a_country_is_not_located_there_by_in_alone(facts):
    assert not any(p in {"located_in", "headquartered_in"} for s, p, o in asserted(facts("Toyota in Japan said so.")))


def test_a_place_ending_a_name_stays_in_the_name(run):
    assert "Bank of America" in {e.name for e in run("He works for the Bank of America.").entities}
