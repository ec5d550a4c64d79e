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
