"""Types from context (kgbuild.context_types) and appointments, on hand-written articles."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


def types(run, text: str) -> dict[str, str]:
    return {e.name: e.type for e in run(text).entities}


@pytest.mark.parametrize("text, name", [
    ("Velkor named chief operating officer (COO) Raghav Tendulkar as its new head. Raghav is COO today.",
     "Raghav Tendulkar"),
    ("Brightwave said Oduya Kamsi, 52, will lead the unit.", "Oduya Kamsi"),
    ("Oduya Kamsi is the chairman of Brightwave.", "Oduya Kamsi"),
])
def test_a_name_with_a_persons_context_is_a_person(run, text, name):
    assert types(run, text)[name] == "Person"


@pytest.mark.parametrize("text, name", [
    ("Quillo CEO Dan Marsh spoke. Quillo's chairman agreed.", "Quillo"),
    ("Former Leeds and Derby striker Tom Lund joined Norra FC.", "Norra FC"),
])
def test_a_name_with_an_organisations_context_is_an_organisation(run, text, name):
    assert types(run, text)[name] == "Organization"


def test_a_country_before_a_role_stays_a_place(run):
    found = types(run, "The meeting angered billionaire US entrepreneur Dan Marsh.")
    assert found.get("United States") == "Place" and found["Dan Marsh"] == "Person"


@pytest.mark.parametrize("text", ["Velkor hired a new CTO on Monday.", "Kremlin Spokesman Dmitry Peskov spoke."])
def test_a_role_is_never_part_of_an_organisations_name(run, text):
    names = {e.name for e in run(text).entities}
    assert not names & {"CTO", "Kremlin Spokesman"}


@pytest.mark.parametrize("text, expected", [
    ("Velkor CEO Dan Marsh stepped down and named Ann Weller as his successor.",
     {("Dan Marsh", "appointed", "Ann Weller"), ("Ann Weller", "succeeded", "Dan Marsh")}),
    ("The board of Velkor named Ann Weller chief executive on Monday.", {("Ann Weller", "role", "chief executive")}),
])
def test_a_naming_verb_gives_the_appointment_and_the_post(facts, text, expected):
    assert expected <= asserted(facts(text))


def test_a_successor_is_a_relation_not_a_role(facts):
    found = asserted(facts("Velkor CEO Dan Marsh named Ann Weller as his successor."))
    assert not {o for s, p, o in found if p == "role" and o.lower() == "successor"}
