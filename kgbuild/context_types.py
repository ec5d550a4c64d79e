"""Types from context: what the words around a name say about what it names, voted over an article.

The small spaCy model often types a person as an organisation ("Parag Agarwal") or a company as a person
("Twitter"). Each mention's context votes: a role word right before the name ("CTO Parag Agarwal"), an age
after it ("Jane Roe, 54,"), a role after "is/was/became" ("Parag is CEO") or a role in apposition ("Jane
Roe, the company's chief executive") are a person's; a role that only an organisation has after the name
("Twitter CEO"), a possessive role ("Twitter's chairman"), a legal or club word in the name ("Norra FC",
"Acme Inc"), "formerly of X" or "joined X" are an organisation's. The rule (`voted_labels`): a name with
votes of one kind only takes that kind's label, everywhere in the article; without votes, or with both, the
model's label stands. Countries and nationalities keep theirs ("billionaire US entrepreneur").
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from .names import DEMONYMS, KNOWN_ALIASES
from .words import (
    FEMALE_NAMES,
    MALE_NAMES,
    ORG_NOUNS,
    ORGANISATION_ROLE_STARTS,
    ORGANISATION_ROLES,
    PERSON_NOUNS,
    ROLE_MODIFIERS,
    ROLE_WORDS,
    TITLES,
)

ORG_WORDS = {"inc", "corp", "co", "ltd", "llc", "plc", "group", "company", "bank", "university", "college",
             "institute", "school", "foundation", "association", "society", "church", "hospital", "museum",
             "records", "airlines", "motors", "partners", "capital", "fund", "club", "fc", "team", "party",
             "asa", "ag", "gmbh", "sa", "nv", "bv", "ab", "spa", "oyj", "kk", "pty", "lp", "llp", "holdings",
             "army", "navy", "police", "ministry", "council", "commission", "agency", "committee", "union",
             "labs", "lab", "laboratories", "technologies", "systems", "industries", "enterprises", "solutions",
             "pharmaceuticals", "therapeutics", "ventures", "studios", "airways", "networks"}
COPULAS = {"be", "become", "remain"}
COUNTRY_NAMES = set(DEMONYMS.values()) | set(KNOWN_ALIASES.values())
FOUNDING_VERBS = {"found", "establish", "incorporate", "headquarter", "list"}  # what is founded is an organisation
JOINING_VERBS = {"join", "quit", "rejoin"}  # one joins organisations, not people or places
# Roles said of people only (not "leader", "owner", "partner", which companies are too).
PERSONAL_ROLES = TITLES | ORGANISATION_ROLES | set("""
executive spokesman spokeswoman spokesperson officer director founder reporter journalist lawyer adviser
advisor aide analyst economist actor actress singer author politician diplomat minister senator
""".split())


def is_known_place(text: str) -> bool:
    """A country or nationality ("US", "Russia", "Russian"): before a role it says where the role is held."""
    canonical = KNOWN_ALIASES.get(text.lower(), text)
    return canonical in COUNTRY_NAMES or text.lower() in DEMONYMS


def _is_role(word: str) -> bool:
    return word in ROLE_WORDS or word in ORGANISATION_ROLES or word in PERSON_NOUNS


def organisation_title_follows(doc: Doc, end: int) -> bool:
    """Whether the words from `end` on are a title that only an organisation gives, then a name: "(Twitter) CEO
    Jack Dorsey", "(Acme) President and COO Jane Roe", "(Leeds) and Derby striker John Doe"."""
    i, organisational = end, False
    while i < min(len(doc), end + 6):
        word = doc[i].lower_.rstrip(".")
        following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if word in ORGANISATION_ROLES or (word, following) in ORGANISATION_ROLE_STARTS:
            organisational = True
        elif not (_is_role(word) or word in ROLE_MODIFIERS or word in {"and", "&", "-"}
                  or (not organisational and doc[i - 1].lower_ in {"and", "&"} and doc[i].text[:1].isupper())):
            break
        i += 1
    return organisational and i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _person_votes(span: Span) -> int:
    doc, votes = span.doc, 0
    before = span.start - 1
    if before > 0 and doc[before].text == ")":  # "chief technology officer (CTO) Parag Agarwal"
        opening = next((j for j in range(before - 1, max(span.sent.start, before - 6) - 1, -1) if doc[j].text == "("),
                       None)
        before = opening - 1 if opening is not None else before
    if before >= 0 and _is_role(doc[before].lower_.rstrip(".")) and doc[before].pos_ in {"NOUN", "PROPN"}:
        votes += 1
    after = doc[span.end:span.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == "," \
            and after[1].text.isdigit() and 16 <= int(after[1].text) <= 110:
        votes += 1  # an age: "Jane Roe, 54,"
    root = span.root
    if root.dep_ == "nsubj" and root.head.lemma_ in COPULAS and any(
            c.dep_ == "attr" and not any(g.dep_ == "poss" for g in c.children) and (
                c.lemma_.lower() in PERSONAL_ROLES or (c.lemma_.lower().endswith(("ist", "ian"))
                                                       and c.lemma_.lower() not in ORG_NOUNS))
            for c in root.head.children):
        votes += 1  # "Parag is CEO", "X was a French mathematician"
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSONAL_ROLES for c in root.children):
        votes += 1  # "Jane Roe, the chief executive"
    return votes


def _organisation_votes(span: Span) -> int:
    doc, votes = span.doc, 0
    if span[0].lower_ not in FEMALE_NAMES | MALE_NAMES and len(span) <= 4 \
            and organisation_title_follows(doc, span.end):
        votes += 1
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].tag_ == "POS" and after[1].lower_ in ORGANISATION_ROLES:
        votes += 1  # "Twitter's CEO"
    if span.start > 0 and doc[span.start - 1].lower_ in ORG_NOUNS:
        votes += 1  # "drugs group GlaxoSmithKline", "carmaker Tesla"
    if len(span) > 1 and span[-1].lower_.rstrip(".") in ORG_WORDS:
        votes += 1
    before = doc[max(0, span.start - 2):span.start]
    if len(before) == 2 and before[1].lower_ in {"of", "at"} and before[0].lower_ in {"formerly", "previously"}:
        votes += 1  # "X, formerly of Twitter"
    root = span.root
    if root.dep_ == "dobj" and root.head.lemma_ in JOINING_VERBS:
        votes += 1  # "joined Twitter"
    if root.dep_ == "nsubjpass" and root.head.lemma_ in FOUNDING_VERBS:
        votes += 1  # "Velkor was founded in 1998"
    return votes


def voted_labels(spans: list[Span]) -> dict[str, str]:
    """PERSON or ORG for the names whose mentions' contexts vote for one kind only (see the module's rule)."""
    person, organisation = Counter(), Counter()
    for span in spans:
        person[span.text] += _person_votes(span)
        organisation[span.text] += _organisation_votes(span)
    labels = {}
    for text in set(person) | set(organisation):
        if person[text] and not organisation[text] and not is_known_place(text):
            labels[text] = "PERSON"
        elif organisation[text] and not person[text]:
            labels[text] = "ORG"
    return labels
