"""Types from context: what the words around a name say about what it names, voted over an article.

The small spaCy model often types a person as an organisation ("Parag Agarwal") or a company as a person
("Twitter"). Each mention's context votes: a role word right before the name ("CTO Parag Agarwal"), an age
after it ("Jane Roe, 54,"), a role after "is/was/became" ("Parag is CEO", "X was a French mathematician"), a
role in apposition ("Jane Roe, the company's chief executive") are a person's; a role that only an
organisation has after the name ("Twitter CEO"), a possessive role ("Twitter's chairman"), a legal or
club word in the name ("Norra FC", "Acme Inc"), "formerly of X", "joined X", "X boss/manager/coach" or a
describing organisation noun ("drugs group X", "the X lab"), "founded/bought X", "the chief executive of X"
are an organisation's; "annexed X", "invaded X", "in X, Y" with Y a place, the region after a town
("Springfield, IL"), a known town before "mayor", "council" or "residents", or a kind of place after or in
apposition ("X district", "X, a city in Y") are a place's.
`context_votes` counts them over the article; how they combine with knowledge and the model's label is
`entity_types`' rule.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from .knowledge import has_legal_suffix, is_common_noun, is_first_name, is_within, place, region
from .names import DEMONYMS, KNOWN_ALIASES
from .words import (APPOINT_VERBS, ORG_NOUNS, ORGANISATION_ROLE_STARTS, ORGANISATION_ROLES, PERSON_NOUNS,
                    PLACE_KIND_NOUNS, ROLE_MODIFIERS, TITLES, is_role_word)

# Last words of organisations' names (legal suffixes such as Inc or ASA come from cleanco: has_legal_suffix).
ORG_WORDS = {"group", "company", "bank", "university", "college",
             "institute", "school", "foundation", "association", "society", "church", "hospital", "museum",
             "records", "airlines", "motors", "partners", "capital", "fund", "club", "fc", "team", "party", "holdings",
             "army", "navy", "police", "ministry", "council", "commission", "agency", "committee", "union",
             "labs", "lab", "laboratories", "technologies", "systems", "industries", "enterprises", "solutions",
             "pharmaceuticals", "therapeutics", "ventures", "studios", "airways", "networks"}
COPULAS = {"be", "become", "remain"}
FOUNDING_VERBS = {"found", "establish", "incorporate", "headquarter", "list"}  # what is founded is an organisation
JOINING_VERBS = {"join", "quit", "rejoin"}  # one joins organisations, not people or places
# What one founds, buys or takes over is an organisation ("founded Norra", "agreed to buy Rite Aid").
ACQUIRING_VERBS = {"found", "co-found", "establish", "acquire", "buy", "purchase"}
PLACE_LABELS = {"GPE", "LOC", "NORP"}
# Roles in a team or club: "Chelsea manager X", "Leeds boss X" (typing only: a person has a manager too, but
# "X manager Jane Roe" with X a person's name is rare).
CLUB_ROLES = {"manager", "boss", "coach", "analyst", "economist"}
TEAM_ROLES = {"striker", "midfielder", "defender", "goalkeeper", "winger", "forward", "captain", "player"}
CIVIC_WORDS = {"mayor", "town", "city", "council", "councillor", "councilor", "residents", "townspeople"}
CONQUEST_VERBS = {"annex", "invade", "occupy", "liberate", "recapture"}  # one annexes places
# Things an online platform has: "a Twitter post", "her Facebook page" (not a person's: "the Biden post" is rare).
PLATFORM_NOUNS = {"post", "posts", "page", "pages", "account", "accounts", "feed", "profile", "channel", "livestream",
                  "app", "handle", "user", "users", "username", "hashtag"}
# Figures only a company reports ("Dell reported higher profits") or has traded ("Ford shares fell").
COMPANY_FIGURES = {"profit", "revenue", "sale", "earnings", "loss", "result", "turnover", "dividend"}
TRADED = {"shares", "stock", "stocks", "share"}
# Electoral areas: "Riverside ward", "the Ashford constituency" name a place ("division" only around an election).
ELECTORAL_AREAS = {"ward", "constituency", "borough", "parish", "riding", "electorate", "precinct"}
ELECTION_WORDS = {"election", "elect", "vote", "votes", "voter", "voters", "seat", "councillor", "councilor", "win",
                  "won", "hold", "held", "poll", "by-election"}
PERSONAL_PRONOUNS = {"he", "she"}
# What a player does on the pitch, and no place: "Haaland scored", "saved by Pickford", "Watkins's header".
PLAYING_VERBS = {"score", "net", "equalise", "equalize", "convert", "save", "concede", "volley", "dribble", "tackle"}
PLAYING_NOUNS = {"header", "penalty", "goal", "shot", "cross", "volley", "free-kick", "finish", "tackle", "brace",
                 "hat-trick", "equaliser", "equalizer"}
CANDIDATE_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "appos", "conj", "attr"}  # what "he" could refer to
CONQUERED = {"annexed", "invaded", "occupied", "liberated", "recaptured"}
# Roles said of people only (not "leader", "owner", "partner", which companies are too).
PERSONAL_ROLES = TITLES | ORGANISATION_ROLES | set("""
executive spokesman spokeswoman spokesperson officer director founder reporter journalist lawyer adviser
advisor aide analyst economist actor actress singer author politician diplomat minister senator
""".split())


def _is_region(text: str) -> bool:
    known = place(text)
    return known is not None and known.kind != "city"


def is_known_place(text: str) -> bool:
    """A country, nationality or place the gazetteers know ("US", "Russia", "Russian", "Moscow"): before a
    role it says where the role is held ("Moscow mayor X")."""
    return text.lower() in KNOWN_ALIASES or text.lower() in DEMONYMS or place(text) is not None


def organisation_title_follows(doc: Doc, end: int) -> bool:
    """Whether the words from `end` on are a title that only an organisation gives, then a name: "(Twitter) CEO
    Jack Dorsey", "(Acme) President and COO Jane Roe", "(Leeds) and Derby striker John Doe"."""
    i, organisational = end, False
    while i < min(len(doc), end + 6):
        word = doc[i].lower_.rstrip(".")
        following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        if word in ORGANISATION_ROLES or (word, following) in ORGANISATION_ROLE_STARTS:
            organisational = True
        elif not (is_role_word(word) or word in ROLE_MODIFIERS or word in {"and", "&", "-"}
                  or (not organisational and doc[i - 1].lower_ in {"and", "&"} and doc[i].text[:1].isupper())):
            break
        i += 1
    return organisational and i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()


def _organisation_role(noun: Token) -> bool:
    """A role only an organisation has: "CEO", "founder", "chief executive", "managing director"."""
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return noun.lower_ in ORGANISATION_ROLES or (before, noun.lower_) in ORGANISATION_ROLE_STARTS


def club_title_follows(doc: Doc, end: int) -> bool:
    """Whether a club role and a name follow: "(Chelsea) manager Graham Potter", "(Leeds) boss Jo Roe"."""
    following = doc[end:end + 2]
    return len(following) == 2 and following[0].lower_ in CLUB_ROLES and following[1].pos_ == "PROPN" \
        and following[1].text[:1].isupper()


def _person_votes(span: Span) -> int:
    doc, votes = span.doc, 0
    before = span.start - 1
    if before > 0 and doc[before].text == ")":  # "chief technology officer (CTO) Parag Agarwal"
        opening = next((j for j in range(before - 1, max(span.sent.start, before - 6) - 1, -1) if doc[j].text == "("),
                       None)
        before = opening - 1 if opening is not None else before
    if before >= 0 and is_role_word(doc[before].lower_.rstrip(".")) and doc[before].pos_ in {"NOUN", "PROPN"}:
        votes += 1
    if len(span) > 1 and span[0].lower_.rstrip(".") in TITLES and not is_common_noun(span[-1].text):
        votes += 1  # a title the model took into the name: "Ms Adeyemi"; not "the Premier League"
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
    if root.dep_ in {"nsubjpass", "dobj"} and root.head.lemma_ in APPOINT_VERBS and any(
            c.dep_ in {"oprd", "attr"} and c.lemma_.lower() in PERSONAL_ROLES for c in root.head.children):
        votes += 1  # "Nadia Karim was appointed chief executive", "named Ann Weller chairman"
    if root.dep_ == "nsubj" and root.head.lemma_ == "say" and root.head.i < span.start:
        votes += 1  # "..., said Rashford."
    if _referred_to_as_he_or_she(span):
        votes += 1  # "Okonkwo joined the board. He ..."
    if span.label_ in {"GPE", "LOC"} and region(span.text) is None and _plays(span):
        votes += 1  # a "place" the gazetteers do not know that scores: a player ("Haaland scored"; not "Wales")
    return votes


def _plays(span: Span) -> bool:
    """Whether the name does what players do: "X scored", "saved by X", "X's header"."""
    root = span.root
    verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "agent" else root.head
    return (root.dep_ in {"nsubj", "pobj"} and verb.pos_ == "VERB" and verb.lemma_ in PLAYING_VERBS
            and (root.dep_ == "nsubj" or verb is not root.head)) \
        or (root.dep_ == "poss" and root.head.lemma_.lower() in PLAYING_NOUNS)


def _referred_to_as_he_or_she(span: Span) -> bool:
    """Whether the subject `span` is taken up by "he" or "she" as the next subject, in its sentence or the next,
    with no other name or person in between ("Saka said he was disappointed"; not "Twitter banned Trump. He
    ...", nor "Acme fired its chief. She ...")."""
    root, doc = span.root, span.doc
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    sentence_end = span.sent.end
    end = doc[sentence_end].sent.end if sentence_end < len(doc) else sentence_end
    for token in doc[span.end:end]:
        if token.lower_ in PERSONAL_PRONOUNS and token.pos_ == "PRON":
            return token.dep_ in {"nsubj", "nsubjpass"}
        named = token.pos_ == "PROPN" and token.text not in span.text and token.dep_ in CANDIDATE_DEPS
        if named or token.ent_type_ in {"PERSON", "NORP"} or token.lemma_.lower() in PERSON_NOUNS \
                or token.lower_ in {"it", "they", "who"}:
            return False
    return False


def _organisation_votes(span: Span) -> int:
    doc, votes = span.doc, 0
    if span.text.lower() in DEMONYMS:
        return 0  # a nationality before a title is no employer: "Spanish striker X", "Brazilian midfielder Y"
    if not is_first_name(span[0].text) and len(span) <= 4 and organisation_title_follows(doc, span.end):
        votes += 1
    if club_title_follows(doc, span.end) and not is_first_name(span[0].text):
        votes += 1  # "Chelsea manager Graham Potter"
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end and root.head.lower_ in CLUB_ROLES | TEAM_ROLES \
            and not _is_region(span.text):
        votes += 1  # "the former Barcelona coach"; not "the Russia coach" (a national team: the country)
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].tag_ == "POS" and after[1].lower_ in ORGANISATION_ROLES:
        votes += 1  # "Twitter's CEO"
    if span.start > 0 and doc[span.start - 1].lower_ in ORG_NOUNS:
        votes += 1  # "drugs group GlaxoSmithKline", "carmaker Tesla"
    if len(span) > 1 and (span[-1].lower_.rstrip(".") in ORG_WORDS or has_legal_suffix(span.text)):
        votes += 1
    before = doc[max(0, span.start - 2):span.start]
    if len(before) == 2 and before[1].lower_ in {"of", "at"} and before[0].lower_ in {"formerly", "previously"}:
        votes += 1  # "X, formerly of Twitter"
    root = span.root
    if (root.dep_ == "dobj" and root.head.lemma_ in JOINING_VERBS) \
            or (root.dep_ == "pobj" and root.head.lower_ == "from" and root.head.head.lemma_ in JOINING_VERBS):
        votes += 1  # "joined Twitter", "joined from Shakhtar Donetsk"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and place(span.text) is None \
            and _organisation_role(root.head.head):
        votes += 1  # "the chief executive of Norra", "a co-founder of Sola"
    if root.dep_ == "dobj" and root.head.lemma_ in ACQUIRING_VERBS and place(span.text) is None:
        votes += 1  # "founded Norra", "agreed to buy Rite Aid"; not "buy Greenland"
    merging = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "with" else root.head
    if root.dep_ in {"nsubj", "pobj"} and merging.lemma_ == "merge":
        votes += 1  # "Alliance Boots merged with Walgreens": companies merge, people do not
    if root.dep_ == "nsubjpass" and root.head.lemma_ in FOUNDING_VERBS:
        votes += 1  # "Velkor was founded in 1998"
    if root.dep_ in {"compound", "nmod"} and root.head.i >= span.end and root.head.text in PLATFORM_NOUNS | TRADED:
        votes += 1  # "a Twitter post", "her Facebook page", "Ford shares fell"
    if root.dep_ == "nsubj" and root.head.lemma_ in {"report", "post", "announce"} and any(
            c.dep_ == "dobj" and c.lemma_.lower() in COMPANY_FIGURES for c in root.head.children):
        votes += 1  # "Dell reported higher profits"
    described = [c for c in root.children if c.dep_ in {"appos", "compound"} and c.i not in range(span.start, span.end)]
    if root.dep_ == "appos" or (root.dep_ in {"compound", "nmod"} and span.label_ not in PLACE_LABELS
                                and place(span.text) is None):
        described.append(root.head)  # not "the U.S. subsidiary", "the London office"
    if span.label_ not in PLACE_LABELS and any(t.text.islower() and t.lemma_.lower() in ORG_NOUNS for t in described):
        votes += 1  # "drugs group GlaxoSmithKline", "the Google X lab", "Acme, a carmaker"
    return votes


def _place_votes(span: Span) -> int:
    doc, root, votes = span.doc, span.root, 0
    if (root.dep_ == "dobj" and root.head.lemma_ in CONQUEST_VERBS) \
            or any(c.dep_ == "amod" and c.lower_ in CONQUERED for c in root.children):
        votes += 1  # "annexed Crimea", "recognised the annexed Crimea"
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end:span.end + 2]
    if before is not None and before.lower_ in {"in", "near", "outside"} and len(after) == 2 \
            and after[0].text == "," and (after[1].ent_type_ in {"GPE", "LOC"} or place(after[1].text)):
        votes += 1  # "in Leeds, England"
    if span.start >= 2 and doc[span.start - 1].text == "," and is_within(doc[span.start - 2].text, span.text):
        votes += 1  # the region a town lies in: "Springfield, IL", "Leeds, England"
    if len(after) and after[0].lower_ in CIVIC_WORDS and place(span.text) is not None:
        votes += 1  # "former Whitby mayor", "Whitby town council", "Leeds residents"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CIVIC_WORDS | {"resident"}:
        votes += 1  # "a former mayor of Worcester", "the residents of Leeds"
    if electoral_area_follows(span):
        votes += 1  # "Riverside ward", "the Ashford constituency", "won the Northgate division"
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in {"seat", "ward", "constituency"}:
        votes += 1  # "the seat of Hartley Vale"
    if (root.dep_ == "compound" and root.head.i == span.end and root.head.lemma_.lower() in PLACE_KIND_NOUNS) \
            or any(c.dep_ == "appos" and c.lemma_.lower() in PLACE_KIND_NOUNS for c in root.children):
        votes += 1  # "Nepal's Sankhuwasabha district", "Pokhara, a city in Nepal"
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "within"} and (
            root.head.head.lemma_.lower() in PLACE_KIND_NOUNS or root.head.head.ent_type_ in {"GPE", "LOC"}):
        votes += 1  # "Chainpur municipality in Sankhuwasabha", "Leeds in Yorkshire"
    if span.start == span.sent.start and span.text.isupper() and len(after) and after[0].text == "," \
            and place(span.text) is not None:
        votes += 1  # a dateline: "OSLO, March 3"
    return votes


def electoral_area_follows(span: Span) -> bool:
    """Whether a lower-case electoral area's word follows the name ("Riverside ward"; "the Northgate division"
    only beside an election's word, not "the Xbox division")."""
    word = span.doc[span.end].lower_ if span.end < len(span.doc) and span.doc[span.end].text.islower() else ""
    return word in ELECTORAL_AREAS or word == "division" and any(
        t.lower_ in ELECTION_WORDS or t.lemma_ in ELECTION_WORDS for t in span.sent)


def context_votes(spans: list[Span]) -> dict[str, Counter]:
    """For each name (text) of the article, its mentions' votes by spaCy label (PERSON, ORG, GPE); person
    votes do not count for a known place (`is_known_place`)."""
    votes: dict[str, Counter] = {}
    for span in spans:
        counts = votes.setdefault(span.text, Counter())
        if not is_known_place(span.text):
            counts["PERSON"] += _person_votes(span)
        counts["ORG"] += _organisation_votes(span)
        counts["GPE"] += _place_votes(span)
    return {text: +counts for text, counts in votes.items() if +counts}
