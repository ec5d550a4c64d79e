"""Name normalisation shared by in-article clustering and cross-article entity resolution."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Well-known short forms of place and organisation names (general English knowledge, not article data).
KNOWN_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "eu": "European Union", "e.u.": "European Union",
    "un": "United Nations", "u.n.": "United Nations",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates",
    "russian federation": "Russia", "prc": "China", "people's republic of china": "China",
    "dprk": "North Korea", "republic of korea": "South Korea",
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

_CORPORATE_SUFFIX = re.compile(
    r"[,\s]+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|plc|ag|sa|gmbh|group)\.?$",
    re.IGNORECASE,
)
_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|sir|dame|prof)\.?\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)
def clean_surface(text: str) -> str:
    """Collapse whitespace, straighten quotes and drop a trailing possessive ("Musk's" -> "Musk")."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(?:'s|')$", "", text).strip()
    return re.sub(r"^(?:the|The|THE)\s+", "", text)


def canonical_form(text: str) -> str:
    """The usual full form of a name when it is a known short form ("U.S." -> "United States")."""
    cleaned = clean_surface(text)
    return KNOWN_ALIASES.get(cleaned.lower()) or DEMONYMS.get(cleaned.lower(), cleaned)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Comparison key for a name: case, punctuation, honorifics and corporate suffixes ignored."""
    name = _HONORIFIC.sub("", canonical_form(text))
    name = _CORPORATE_SUFFIX.sub("", name)
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
