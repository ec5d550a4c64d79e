"""The country an article places an organisation of a generic name in ("Labour Party", "Supreme Court").

Many countries have a Labour Party, a Supreme Court or a Ministry of Health: the same name in two articles
is one organisation only if the articles place it in the same country. A generic name is made of English
common words and ends in an institution's word. Its country is the one a mention names right before it
("Norway's Labour Party", "the British Labour Party"), else the country the article names most (a city or
US state counts for its country), when one leads; `resolve` keeps organisations placed in two countries
apart.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .knowledge import is_common_word, place
from .names import DEMONYMS, KNOWN_ALIASES, canonical_form

# Heads of the names of civic institutions that most countries have one of.
INSTITUTIONS = {"party", "court", "ministry", "parliament", "assembly", "senate", "congress", "council",
                "government", "army", "navy", "police", "union", "league", "federation", "front", "movement",
                "commission", "committee", "tribunal", "cabinet", "department", "bank", "service", "agency"}
CONNECTIVES = {"of", "for", "and", "the", "&"}


def is_generic_name(name: str) -> bool:
    """Whether an organisation's name is one many countries use ("Labour Party", "Ministry of Health"):
    common words only, headed by an institution's word."""
    words = name.split()
    head = words[:words.index("of")] if "of" in words else words
    content = [w for w in words if w.lower() not in CONNECTIVES]
    return len(content) > 1 and bool(head) and head[-1].lower() in INSTITUTIONS \
        and all(is_common_word(w) and country_code(w) is None for w in content)  # not "Bank of America"


def country_code(name: str) -> str | None:
    """The ISO 3166-1 code of the country a place, country or nationality name is in ("Oslo" -> "NO")."""
    lower = name.lower()
    known = place(DEMONYMS.get(lower) or KNOWN_ALIASES.get(lower) or canonical_form(name))
    return known.country if known is not None else None


def mention_country(span: Span) -> str | None:
    """The country named right before a mention: "Norway's Labour Party", "the British Labour Party"."""
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].tag_ == "POS":
        i -= 1
    if i < 0 or not doc[i].text[:1].isupper():
        return None
    return country_code(doc[i].text)


def article_country(places: list[str]) -> str | None:
    """The country most of an article's place mentions are in, when one leads."""
    counts = Counter(filter(None, map(country_code, places))).most_common(2)
    if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
        return None
    return counts[0][0]
