"""English word lists used by the rules (general vocabulary, never names from any article)."""
from __future__ import annotations

import re

# Titles that come before a name ("President Joe Biden", "Dr. Jane Smith").
TITLES = set("""
mr mrs ms miss dr sir dame lord lady prof professor president vice senator sen rep representative gov
governor mayor minister premier chancellor king queen prince princess pope general gen col colonel
captain capt lt sgt judge justice secretary ambassador chairman chairwoman ceo coach rev father sheikh emir
councillor councilor councilman councilwoman councilmember alderman commissioner cllr maj adm cmdr supt insp det atty amb
sergeant lieutenant corporal constable detective inspector superintendent deputy officer trooper sheriff
assemblyman assemblywoman assemblymember congressman congresswoman solicitor
""".split())

# Abbreviated titles before a name, and the role each stands for ("Gov. Jane Roe" -> Governor).
TITLE_ABBREVIATIONS = {"gov": "Governor", "sen": "Senator", "rep": "Representative", "lt": "Lieutenant",
                       "gen": "General", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant", "maj": "Major",
                       "adm": "Admiral", "cmdr": "Commander", "cllr": "Councillor", "supt": "Superintendent",
                       "insp": "Inspector", "det": "Detective", "atty": "Attorney", "pres": "President",
                       "prof": "Professor", "rev": "Reverend", "amb": "Ambassador"}

# Nouns that describe a person ("the billionaire", "the Russian president").
PERSON_NOUNS = set("""
president leader minister billionaire businessman businesswoman entrepreneur executive ceo founder
chairman chairwoman spokesman spokeswoman senator governor mayor king queen prince princess actor actress
singer star player coach reporter journalist author writer lawyer attorney judge general commander
candidate politician diplomat tycoon mogul magnate investor owner scientist professor director manager
chief premier chancellor secretary ambassador envoy lawmaker congressman congresswoman suspect
""".split())

# Nouns that describe an organisation ("the company", "his firm").
ORG_NOUNS = set("""
company firm startup carmaker automaker agency organization organisation bank newspaper magazine outlet
government administration ministry department party team club university manufacturer business
corporation conglomerate retailer airline brand platform network broadcaster publisher subsidiary group
giant maker lender insurer operator developer chain supplier studio label lab laboratory bank charity union
club
""".split())

# Bodies, units and foundations of an organisation: "Twitter Board" is not the full name of "Twitter".
ORGANISATION_PARTS = set("""
board committee council foundation lab labs laboratory division unit department office fund trust institute
center centre museum hospital school academy subsidiary team squad
""".split())

# A party's member nouns and adjectives, which name the party they stand for ("Democrat Jane Roe").
PARTY_MEMBERS = {"democrat": "Democratic Party", "democrats": "Democratic Party", "democratic": "Democratic Party",
                 "republican": "Republican Party", "republicans": "Republican Party", "gop": "Republican Party",
                 "labour": "Labour Party", "tory": "Conservative Party", "tories": "Conservative Party",
                 "conservative": "Conservative Party", "conservatives": "Conservative Party",
                 "liberal democrat": "Liberal Democrats", "liberal democrats": "Liberal Democrats"}

# Nouns that describe a place ("the country").
PLACE_NOUNS = {"country", "nation", "city", "capital", "state", "region", "province", "island"}

# Last words of gatherings' names, which are held in a place: "the G20 Leaders' Summit in Buenos Aires".
GATHERING_WORDS = {"summit", "conference", "forum", "festival", "games", "olympics", "congress", "convention",
                   "expo", "fair", "exhibition", "talks", "meeting", "assembly", "championship", "championships"}

# Kinds of place named after a place's name: "Sankhuwasabha district", "Sichuan province", "the Hewa river".
PLACE_KIND_NOUNS = set("""
district province county municipality region state prefecture governorate oblast canton borough township parish
city town village neighbourhood neighborhood suburb island peninsula river valley lake mountain desert
""".split())

# Common nouns that only locate something: "supplied internet to locations within Ukraine".
LOCATION_NOUNS = {"location", "area", "region", "city", "town", "village", "part", "site", "territory",
                  "facility", "base", "place", "community", "district", "province", "zone", "point", "front",
                  "suburb", "outskirts", "county", "island", "state", "capital", "country", "neighborhood",
                  "neighbourhood", "municipality", "borough", "hamlet", "parish", "township", "settlement"}

# Titles written with hyphens, which the tokenizer keeps whole ("the secretary-general of NATO").
HYPHENATED_TITLES = set("""
secretary-general attorney-general director-general governor-general solicitor-general inspector-general
surgeon-general postmaster-general auditor-general editor-in-chief commander-in-chief
""".split())

# Nouns that name a role or occupation (besides TITLES and PERSON_NOUNS).
ROLE_WORDS = TITLES | PERSON_NOUNS | {"coo", "cfo", "cto", "cio", "cmo", "counsel"} | set("""
officer analyst economist spokesperson adviser advisor aide deputy head boss cofounder co-founder striker
quarterback guard forward defender goalkeeper pitcher rapper musician artist producer editor columnist
correspondent anchor host commentator photographer sergeant soldier activist campaigner strategist
consultant researcher physician doctor nurse surgeon teacher priest bishop cardinal rabbi imam prosecutor
detective inspector commissioner superintendent treasurer undersecretary under-secretary official
pilot chef clerk mechanic pastor architect marshal paramedic
""".split()) | HYPHENATED_TITLES

# Titles of courtesy: part of how a person is addressed, never a role.
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "mx", "sir", "dame", "dr", "lord", "lady"}

# Words naming a government department inside an office's title ("Secretary of State", "Defense Secretary",
# "Interior Minister"): never an organisation by themselves.
DEPARTMENT_WORDS = set("""
state defense defence interior treasury justice health finance foreign commerce energy education labor
agriculture transportation transport homeland security environment trade culture home economy
""".split())
OFFICE_TITLES = {"secretary", "minister", "ministry", "department", "undersecretary", "commissioner"}

# Roles held in an organisation, never for a person or a place: the name right before one ("Twitter CEO Jack
# Dorsey", "Acme founder Jane Roe", "Leeds striker John Doe") names an organisation.
ORGANISATION_ROLES = set("""
ceo coo cfo cto cio cmo chairman chairwoman founder cofounder co-founder shareholder striker midfielder
defender goalkeeper winger forward captain
""".split())

# Two-word starts of titles held only in an organisation ("chief financial officer", "managing director").
ORGANISATION_ROLE_STARTS = {("chief", w) for w in ("executive", "financial", "operating", "technology",
                                                  "information", "marketing", "commercial", "product")} \
    | {("managing", "director"), ("board", "member"), ("general", "counsel")}

# Words that modify a role noun inside a title ("chief operating officer", "senior vice president").
ROLE_MODIFIERS = set("""
chief executive senior vice deputy assistant associate managing general lead principal operating
financial technology technical information marketing legal independent non-executive co interim acting
honorary
""".split())

# Verbs that give someone a post: "X was appointed chief executive", "named Y chairman".
APPOINT_VERBS = {"name", "appoint", "elect", "nominate", "promote", "hire", "select", "choose", "install", "confirm"}


def is_role_word(word: str) -> bool:
    """A lower-case word naming a role or occupation, in a person's title or an organisation's ("ceo", "striker")."""
    return word in ROLE_WORDS or word in ORGANISATION_ROLES


# Names of news organisations: "told Reuters" is an interview, not a relation between the two.
NEWS_OUTLET = re.compile(
    r"\b(?:News|Times|Post|Journal|Reuters|Press|Agency|Television|TV|Radio|Bloomberg|CNN|BBC|AFP|AP|NPR|"
    r"Gazette|Herald|Tribune|Telegraph|Guardian|Magazine|Interfax|Xinhua|TASS|Al Jazeera|Axios|Politico)\b")

# Family relations: never a role, and never the person they belong to.
KINSHIP_NOUNS = {"wife", "husband", "spouse", "son", "daughter", "child", "father", "mother", "parent", "brother",
           "sister", "sibling", "cousin", "uncle", "aunt", "nephew", "niece", "grandson", "granddaughter",
           "grandfather", "grandmother", "partner", "fiancee", "fiance", "girlfriend", "boyfriend", "widow"}
