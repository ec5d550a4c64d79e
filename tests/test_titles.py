"""Titles before a name: lists of roles and organisations, organisations the model missed or mistyped,
formal titles with "of", department words and titles of courtesy (hand-written sentences)."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Norra President and COO Anna Berg will join the board.",
     {("Anna Berg", "role", "President"), ("Anna Berg", "role", "COO"), ("Anna Berg", "president_of", "Norra")}),
    ("Vestlink and Solaris founder Tom Lund spoke on Tuesday.",
     {("Tom Lund", "founded", "Vestlink"), ("Tom Lund", "founded", "Solaris"), ("Tom Lund", "role", "founder")}),
    ("Brightwave CEO Kim Ode resigned on Friday.",
     {("Kim Ode", "ceo_of", "Brightwave"), ("Kim Ode", "role", "CEO")}),
    ("Former Kestrel chief financial officer Maria Lopez joined the firm.",
     {("Maria Lopez", "role", "chief financial officer"), ("Maria Lopez", "works_for", "Kestrel")}),
    ("U.S. Secretary of State Jane Holt met reporters.", {("Jane Holt", "role", "Secretary of State")}),
])
def test_a_title_before_a_name_gives_every_role_and_organisation(facts, text, expected):
    assert expected <= asserted(facts(text))


def test_qualifiers_of_a_title_stay_on_the_fact(run):
    result = run("Former Kestrel chief financial officer Maria Lopez joined the firm.")
    role = next(f for f in result.facts if f.predicate == "role")
    assert role.qualifiers == ("former",)


def test_a_name_before_an_organisation_title_is_an_organisation_everywhere(run):
    result = run("Quillo CEO Dan Marsh said Quillo would grow. Quillo hired 200 people.")
    types = {e.name: e.type for e in result.entities}
    assert types["Quillo"] == "Organization" and types["Dan Marsh"] == "Person"


@pytest.mark.parametrize("text, person", [
    ("Trump adviser Stephen Miller spoke.", "Stephen Miller"),
    ("Defense Secretary Lloyd Austin met Interior Minister Jan Ode.", "Lloyd Austin"),
])
def test_a_person_or_a_department_before_a_title_is_not_an_employer(facts, text, person):
    found = asserted(facts(text))
    assert not {(s, p, o) for s, p, o in found if s == person and p in {"works_for", "ceo_of", "founded"}}
    assert not {o for _, p, o in found if o in {"Defense", "Interior", "Trump"} and p != "role"}


@pytest.mark.parametrize("text", ["Mr Scott Hale and Sir Peter Lane met.", "Dr. Ann Lee spoke with Ms. Jo Park."])
def test_titles_of_courtesy_are_not_roles(facts, text):
    assert not {o for _, p, o in asserted(facts(text)) if p == "role"}


@pytest.mark.parametrize("text, person, role", [
    ("Gov. Maria Lopez signed the bill on Friday.", "Maria Lopez", "Governor"),
    ("Lt. Gov. Dan Marsh will chair the panel.", "Dan Marsh", "Lieutenant Governor"),
    ("Sen. Jane Holt voted against the measure.", "Jane Holt", "Senator"),
    ("Cllr Tom Lund opened the new library.", "Tom Lund", "Councillor"),
])
def test_an_abbreviated_title_is_the_role_it_stands_for(facts, text, person, role):
    found = asserted(facts(text))
    assert (person, "role", role) in found
    assert not {o for s, p, o in found if p == "role" and s == person and o.rstrip(".") in {"Gov", "Sen", "Lt"}}


def test_an_abbreviation_alone_is_not_a_role(facts):
    assert not {f for f in asserted(facts("The rep said the gov would decide.")) if f[1] == "role"}


@pytest.mark.parametrize("text", ["Premier League striker Tom Lund scored twice.",
                                  "Tom Lund scored twice in the Premier League on Saturday."])
def test_a_title_word_inside_a_competitions_name_stays_in_it(run, facts, text):
    types = {e.name: e.type for e in run(text).entities}
    assert types.get("Premier League") == "Organization" and "League" not in types
    assert not {o for s, p, o in asserted(facts(text)) if p == "role" and "Premier" in o}


@pytest.mark.parametrize("text, person, role", [
    ("Sergeant Rick Marsh was shot on Tuesday.", "Rick Marsh", "Sergeant"),
    ("Detective Inspector Jane Holt said two men were charged.", "Jane Holt", "Detective Inspector"),
    ("Sheriff Dan Ode said the road was closed.", "Dan Ode", "Sheriff"),
])
def test_a_police_rank_before_a_name_is_a_role_not_part_of_it(facts, text, person, role):
    assert (person, "role", role) in asserted(facts(text))


@pytest.mark.parametrize("text, expected, wrong", [
    ("Tom Lund, former governor of the U.S. state of Virginia, was sentenced.",
     ("Tom Lund", "governs", "Virginia"), ("Tom Lund", "governs", "United States")),
    ("Jane Holt, the mayor of the Swedish city of Malmo, resigned.",
     ("Jane Holt", "governs", "Malmo"), ("Jane Holt", "governs", "Sweden")),
])
def test_an_office_of_a_kind_of_place_is_held_in_the_place_named_after_it(facts, text, expected, wrong):
    found = asserted(facts(text))
    assert expected in found and wrong not in found


@pytest.mark.parametrize("text", ["Treasury and Finance Minister Berat Albayrak spoke.",
                                  "Interior and Justice Minister Anna Berg resigned."])
def test_departments_joined_in_one_office_are_no_employers(facts, text):
    found = asserted(facts(text))
    assert any(p == "role" and "Minister" in o for s, p, o in found)
    assert not any(p == "works_for" for s, p, o in found)
