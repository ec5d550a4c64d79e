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


@pytest.mark.parametrize("text, person, place", [
    ("Her challenger, Ontario Mayor Tom Lund, got 40 percent.", "Tom Lund", "Ontario"),
    ("Springfield Mayor Anna Berg resigned on Monday.", "Anna Berg", "Springfield"),
    ("Tom Lund served for two terms as mayor of Leeds.", "Tom Lund", "Leeds"),
    ("Tom Lund, who served for eight years as mayor of Leeds, died.", "Tom Lund", "Leeds"),
])
def test_a_mayor_governs_the_place_named_with_the_office(facts, text, person, place):
    assert (person, "governs", place) in asserted(facts(text))


def test_a_word_before_a_mayor_that_is_no_known_place_stays_in_the_title(run):
    assert not {e.name for e in run("Acme Mayor Anna Berg resigned.").entities if e.type == "Place"}


def test_time_spent_as_a_worker_keeps_the_workplace(facts):
    found = asserted(facts("Anna Berg worked for 30 years as a teacher at Leeds Grammar School."))
    assert {("Anna Berg", "works_for", "Leeds Grammar School"), ("Anna Berg", "role", "teacher")} <= found


@pytest.mark.parametrize("text, site, place", [
    ("Tom Lund died Monday at Stanford Hospital in Palo Alto.", "Stanford Hospital", "Palo Alto"),
    ("He studied at Leeds Grammar School in Leeds.", "Leeds Grammar School", "Leeds"),
])
def test_a_site_named_with_its_place_is_located_there(facts, text, site, place):
    assert {(s, o) for s, p, o in asserted(facts(text)) if p in {"located_in", "headquartered_in"}} == {(site, place)}


def test_a_company_with_a_place_after_it_is_not_based_there(facts):
    found = asserted(facts("Apple in China sold fewer phones last year."))
    assert not {f for f in found if f[1] in {"located_in", "headquartered_in"}}


@pytest.mark.parametrize("text, person, employer, role", [
    ("Tom Lund was a pilot in the Marine Corps.", "Tom Lund", "Marine Corps", "pilot"),
    ("Anna Berg is a pilot for Delta Air Lines.", "Anna Berg", "Delta Air Lines", "pilot"),
    ("Anna Berg was a clerk at Leeds Crown Court.", "Anna Berg", "Leeds Crown Court", "clerk"),
])
def test_an_occupation_in_or_at_an_organisation_is_a_post_there(facts, text, person, employer, role):
    assert {(person, "works_for", employer), (person, "role", role)} <= asserted(facts(text))


@pytest.mark.parametrize("text, person, firm", [
    ("Tom Lund, a founding partner of Acme Partners, has died.", "Tom Lund", "Acme Partners"),
    ("Tom Lund, a founding partner of the Boston firm now known as Acme Partners, has died.", "Tom Lund",
     "Acme Partners"),
    ("Anna Berg was a founding member of the company now known as Northwind Holdings Inc.", "Anna Berg",
     "Northwind Holdings Inc."),
])
def test_a_founding_partner_founded_the_firm_named_after_known_as(facts, text, person, firm):
    assert (person, "founded", firm) in asserted(facts(text))


def test_known_as_a_description_is_no_name(facts):
    found = asserted(facts("Anna Berg, a lawyer known as a fighter, won the case."))
    assert ("Anna Berg", "role", "lawyer") in found and len(found) == 1


@pytest.mark.parametrize("text, person, body", [
    ("Democrat Maria Delgado handily won a state Senate seat.", "Maria Delgado", "Senate"),
    ("Anna Berg won a seat on the Leeds City Council.", "Anna Berg", "Leeds City Council"),
    ("Anna Berg captured a Senate seat in Ohio in 2018.", "Anna Berg", "Senate"),
])
def test_winning_a_body_s_seat_is_election_to_it(facts, text, person, body):
    assert (person, "elected_to", body) in asserted(facts(text))


@pytest.mark.parametrize("text", ["Tom Lund took a Labour seat in Leeds.", "Anna Berg lost her Senate seat."])
def test_a_party_s_seat_or_a_lost_seat_is_no_election(facts, text):
    assert not {f for f in asserted(facts(text)) if f[1] == "elected_to"}


@pytest.mark.parametrize("text, person, role", [
    ("Former state Sen. Gloria Okafor resigned in January.", "Gloria Okafor", "state Senator"),
    ("state Rep. Tom Lund voted against the bill.", "Tom Lund", "state Representative"),
    ("county judge Anna Berg ruled on Monday.", "Anna Berg", "county judge"),
])
def test_the_level_of_government_belongs_to_the_title(facts, text, person, role):
    assert (person, "role", role) in asserted(facts(text))


@pytest.mark.parametrize("text, fact", [
    ("The city council confirmed Anna Berg as Leeds's new police chief.", ("Anna Berg", "role", "police chief")),
    ("Anna Berg was confirmed as chief executive of Acme Corp on Monday.", ("Anna Berg", "ceo_of", "Acme Corp")),
    ("Acme Corp confirmed Anna Berg as its chairman.", ("Acme Corp", "appointed", "Anna Berg")),
])
def test_confirming_someone_as_a_post_gives_them_the_post(facts, text, fact):
    assert fact in asserted(facts(text))


def test_confirming_a_fact_gives_no_post(facts):
    assert not {f for f in asserted(facts("Police confirmed Tom Lund died on Monday.")) if f[1] == "role"}
