"""A person's organisation or town right after the name, "X-based", leaving, and appointments of several
people at once (hand-written sentences)."""
from __future__ import annotations

import pytest

from test_extraction import asserted, facts, nlp, run  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, expected", [
    ("Anna Berg from Velkor will advise the ministry.", ("Anna Berg", "works_for", "Velkor")),
    ("Dr. Ann Lee of the National Cancer Institute led the study.",
     ("Ann Lee", "works_for", "National Cancer Institute")),
    ("Tom Lund, formerly of Brightwave, will advise the minister.", ("Tom Lund", "works_for", "Brightwave")),
    ("Sun Microsystems, the Santa Clara-based company, said on Tuesday that sales rose.",
     ("Sun Microsystems", "headquartered_in", "Santa Clara")),
    ("Nicole Wong, who left the White House last month, spoke at the event.",
     ("Nicole Wong", "resigned_from", "White House")),
])
def test_affiliations_and_bases(facts, text, expected):
    assert expected in asserted(facts(text))


@pytest.mark.parametrize("text, expected", [
    ("The Austin-based company Velkor Systems makes chips.", ("Velkor Systems", "headquartered_in", "Austin")),
    ("The Denver-based firm Brightwave, which was founded in 1999, makes routers.",
     ("Brightwave", "headquartered_in", "Denver")),
    ("Investors sold shares of the London-based bank Harwick on Monday.", ("Harwick", "headquartered_in", "London")),
])
def test_a_based_description_right_before_the_name_locates_it(facts, text, expected):
    assert expected in asserted(facts(text))


def test_a_noun_before_an_unrelated_name_does_not_take_it(facts):
    found = asserted(facts("The Oslo-based deal Brightwave announced was large."))
    assert ("Brightwave", "headquartered_in", "Oslo") not in found


@pytest.mark.parametrize("text, expected", [
    ("Velkor Systems is based in Dayton, Ohio.", ("Dayton", "located_in", "Ohio")),
    ("She grew up in Leeds, England, before moving abroad.", ("Leeds", "located_in", "England")),
    ("Police in Lyon, France arrested two men on Monday.", ("Lyon", "located_in", "France")),
    ("The plant in Springfield, IL, employs 300 people.", ("Springfield", "located_in", "Illinois")),
    ("Ruth Ode was born in Winsted, Conn., in 1931.", ("Winsted", "located_in", "Connecticut")),
])
def test_a_place_followed_by_its_region_lies_in_it(facts, text, expected):
    assert expected in asserted(facts(text))


@pytest.mark.parametrize("text", ["He visited Paris, London and Rome last year.",
                                  "The firm has plants in Ohio, Texas and Kansas."])
def test_a_list_of_places_is_not_a_chain(facts, text):
    assert not {f for f in asserted(facts(text)) if f[1] == "located_in"}


def test_formerly_is_a_qualifier(run):
    result = run("Tom Lund, formerly of Brightwave, will advise the minister.")
    fact = next(f for f in result.facts if f.predicate == "works_for")
    assert fact.qualifiers == ("former",)


def test_a_place_of_a_meeting_is_not_an_employer(facts):
    found = asserted(facts("Tom Lund met Anna Berg at the United Nations in Geneva on Monday."))
    assert not {(s, o) for s, p, o in found if p == "works_for"}


def test_each_appointee_keeps_their_own_organisation(facts):
    found = asserted(facts("The president named Anna Berg from Google as his chief technology officer and "
                           "Tom Lund, formerly of Brightwave, as a deputy."))
    assert {("Anna Berg", "role", "chief technology officer"), ("Anna Berg", "works_for", "Google"),
            ("Tom Lund", "works_for", "Brightwave")} <= found
    assert ("Anna Berg", "role", "deputy") not in found and ("Anna Berg", "works_for", "Brightwave") not in found


@pytest.mark.parametrize("text, expected", [
    ("Tom Lund, one of Velkor Inc.'s most vocal critics, spoke on Monday.", ("Tom Lund", "criticized", "Velkor Inc.")),
    ("Ann Weller is also chairman of drugs group Brightwave.", ("Ann Weller", "chairs", "Brightwave")),
    ("Velkor spokesman Tom Lund on Tuesday confirmed Anna Berg's account.", ("Tom Lund", "confirmed", "Anna Berg")),
])
def test_descriptions_beside_a_name_and_confirmations(facts, text, expected):
    assert expected in asserted(facts(text))


def test_a_duration_is_not_part_of_a_role(facts):
    roles = {o for s, p, o in asserted(facts("Ann Weller has been chairman of Velkor Inc. for 18 years.")) if p == "role"}
    assert roles == {"chairman"}


@pytest.mark.parametrize("text, expected", [
    ("Tom Lund then studied in Berlin and finally became professor of history at Columbia University.",
     ("Tom Lund", "works_for", "Columbia University")),
    ("Edwin Morrow was an American psychologist, Professor of Psychology at Clark University.",
     ("Edwin Morrow", "works_for", "Clark University")),
    ("In 1982 Ivan Petrov served in the Soviet Army.", ("Ivan Petrov", "member_of", "Soviet Army")),
])
def test_a_post_and_its_workplace_in_a_copular_clause(facts, text, expected):
    assert expected in asserted(facts(text))


@pytest.mark.parametrize("text, expected", [
    ("Tom Lund, 54, of Leeds, was arrested on Friday.", ("Tom Lund", "lives_in", "Leeds")),
    ("Velkor was founded in 1998 by Anna Berg.", ("Velkor", "date_founded", "1998")),
    ("Anna Berg died on May 3, 2001.", ("Anna Berg", "date_of_death", "May 3, 2001")),
])
def test_towns_ages_and_dates(facts, text, expected):
    assert expected in asserted(facts(text))


@pytest.mark.parametrize("text", ["Anna Berg died in Paris on Tuesday at the age of 87.",
                                  "Anna Berg died at the age of 87."])
def test_an_age_or_a_weekday_is_not_a_date_of_death(facts, text):
    assert not {o for s, p, o in asserted(facts(text)) if p == "date_of_death"}


@pytest.mark.parametrize("text, expected", [
    ("Brightwave Bank is a community bank founded in 1986 and headquartered in Laredo, Texas.",
     {("Brightwave Bank", "headquartered_in", "Laredo"), ("Brightwave Bank", "headquartered_in", "Texas")}),
    ("Sola Broadband, LLC is an internet provider based in Florida.",
     {("Sola Broadband, LLC", "headquartered_in", "Florida")}),
])
def test_bases_of_organisations_in_participles_and_with_legal_suffixes(facts, text, expected):
    assert expected <= asserted(facts(text))


@pytest.mark.parametrize("text, expected", [
    ("Matt Lund is an American CEO for the online job site Velkor Inc.", ("Matt Lund", "ceo_of", "Velkor Inc.")),
    ("Tom Lund is chairman at Velkor Inc.", ("Tom Lund", "chairs", "Velkor Inc.")),
])
def test_a_post_at_or_for_an_organisation(facts, text, expected):
    assert expected in asserted(facts(text))
