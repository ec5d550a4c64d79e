"""Coreference inside one article: pronouns and definite descriptions to the entity they refer to.

A salience model in the spirit of Lappin & Leass (1994): every mention adds to its entity's salience
(more for subjects and objects), salience halves at each new sentence, and a pronoun or description
takes the most salient entity that agrees with it in type, number and gender.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .entities import ArticleEntities
from .knowledge import CITY, COUNTRY, STATE, first_name_gender, place, region
from .words import ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS, ROLE_WORDS

MALE, FEMALE = "male", "female"
PRONOUNS = {
    "he": MALE, "him": MALE, "his": MALE, "himself": MALE,
    "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE,
    "it": "it", "its": "it", "itself": "it",
    "they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
}
FEMALE_TITLES = {"mrs", "ms", "miss", "queen", "princess", "lady", "dame", "madam", "chairwoman",
                 "congresswoman", "businesswoman", "spokeswoman", "actress", "empress", "duchess"}
MALE_TITLES = {"mr", "king", "prince", "lord", "sir", "chairman", "congressman", "businessman",
               "spokesman", "emperor", "duke", "father"}
HEAD_OF_STATE = {"president", "premier", "chancellor", "king", "queen", "minister", "leader"}
EXPLETIVE_VERBS = {"be", "seem", "appear", "happen", "matter", "take", "make", "rain", "turn", "come", "remain",
                   "look", "sound", "feel", "become", "get"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
ORDINALS = {"first", "second", "third", "fourth", "fifth"}
OBJECT_DEPS = {"dobj", "dative", "pobj"}


def _gender_of(name: str, title_words: set[str]) -> str | None:
    if title_words & FEMALE_TITLES:
        return FEMALE
    if title_words & MALE_TITLES:
        return MALE
    return first_name_gender(name.split()[0])


def _is_subject(token: Token) -> bool:
    """Whether a mention is a subject, directly or through an apposition ("The chief, Jane Roe, said")."""
    while token.dep_ in {"compound", "appos", "flat"} and token.head is not token:
        token = token.head
    return token.dep_ in SUBJECT_DEPS


def _grammatical_weight(token: Token) -> int:
    """Salience factors of a mention beyond recency (Lappin & Leass): its grammatical role (subject 80,
    direct object 50, oblique 40), head-noun emphasis (80, when not inside another noun phrase) and
    non-adverbial emphasis (50, when not inside an adverbial phrase such as "According to X, ...")."""
    while token.dep_ in {"compound", "appos", "flat"} and token.head is not token:
        token = token.head
    weight = {"nsubj": 80, "nsubjpass": 80, "dobj": 50, "dative": 40, "pobj": 40}.get(token.dep_, 0)
    path = [token, *token.ancestors]
    clause = next((i for i, t in enumerate(path) if t.pos_ in {"VERB", "AUX"}
                   and t.dep_ not in {"acl", "relcl", "prep", "pcomp", "amod"}), len(path))
    inside_noun_phrase = any(t.pos_ in {"NOUN", "PROPN"} for t in path[1:clause] if t.dep_ != "appos") \
        or token.dep_ == "poss"
    adverbial = any(t.dep_ in {"prep", "agent", "npadvmod"} and t.head.pos_ in {"VERB", "AUX"} for t in path[:clause]) \
        or any(t.dep_ == "advcl" for t in path[clause:clause + 1])
    return weight + (0 if inside_noun_phrase else 80) + (0 if adverbial else 50)


ROLE_SYNONYMS = [HEAD_OF_STATE, {"ceo", "executive", "chief"}, {"reporter", "journalist", "correspondent"},
                 {"billionaire", "tycoon", "mogul", "magnate", "businessman", "businesswoman", "entrepreneur",
                  "investor", "founder", "owner"}]


def _same_role(noun: str, titles: set[str]) -> set[str]:
    """The titles of an entity that a description noun can stand for ("leader" for "president")."""
    return titles & ({noun}.union(*(group for group in ROLE_SYNONYMS if noun in group)))


def _title_words(doc: Doc, entities: ArticleEntities) -> dict[str, set[str]]:
    """Lower-case words describing each entity: titles before the name and appositive nouns."""
    words: dict[str, set[str]] = {}
    for i, key in entities.titles.items():
        words.setdefault(key, set()).add(doc[i].lower_.rstrip("."))
    for span, key in entities.spans:
        root = span.root
        for child in root.children:
            if child.i < span.start and child.dep_ in {"compound", "amod"}:
                words.setdefault(key, set()).add(child.lemma_.lower())
            if child.dep_ == "appos" and child.i not in entities.by_token:
                words.setdefault(key, set()).add(child.lemma_.lower())
        if root.dep_ == "appos" and root.head.i not in entities.by_token:
            words.setdefault(key, set()).add(root.head.lemma_.lower())
    return words


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Acme, which is based in Denver" -> Acme."""
    if token.tag_ in {"WDT", "WP", "WP$"} and token.head.dep_ == "relcl":
        return token.head.head
    return None


def _noun_phrase_head(noun: Token) -> Token:
    """The head of the noun phrase a noun ends: "poetry" in "an author of novels and poetry" -> author."""
    while noun.dep_ in {"pobj", "prep", "conj"} and noun.head is not noun:
        noun = noun.head
    return noun


def _named_by(noun: Token) -> list[Token]:
    """The words naming what a noun describes, and the noun: "(Acme,) a firm" and "(Acme is) a firm" -> Acme;
    "Jane Roe, a Democrat (who ...)" -> Jane Roe, not the party the word "Democrat" also names."""
    named = [noun]
    if noun.dep_ == "appos":
        named.insert(0, noun.head)
    if noun.dep_ == "attr":
        named += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return named


def _pronoun_kind(token: Token) -> str | None:
    """Gender or type a pronoun asks of its referent; None for pronouns that refer to nothing here."""
    kind = PRONOUNS.get(token.lower_) if token.pos_ == "PRON" else None
    if kind == "it" and token.lower_ == "it" and token.dep_ not in {"dobj", "pobj"} and not (
            token.dep_ in {"nsubj", "nsubjpass"} and token.head.pos_ == "VERB"
            and token.head.lemma_ not in EXPLETIVE_VERBS and not any(c.dep_ == "ccomp" for c in token.head.children)):
        return None  # "it is important to ...", "it was announced that ...": no referent
    if kind == "they" and token.lower_ not in {"they", "their"}:
        return None  # "them" is as often several entities as one
    return kind


def _is_description(token: Token, entities: ArticleEntities) -> str | None:
    """The entity type a definite description refers to: "the billionaire", "his company", "Russia's leader"."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.i in entities.by_token:
        return None
    if token.dep_ in {"appos", "attr", "compound", "npadvmod"}:
        return None  # a role being stated, not a reference
    children = list(token.children)
    if any(c.dep_ in {"appos", "compound", "acl"} or (c.dep_ == "prep" and c.lower_ == "of")
           or (c.dep_ == "relcl" and token.doc[c.left_edge.i - 1].text != ",") for c in children):
        return None  # "the company SpaceX", "the energy business", "the president of France", "the firm that
        # makes X" (a relative clause after a comma only adds to the reference: "the company, which ...")
    if any(c.tag_ == "JJS" or c.dep_ == "amod" and c.lower_ in ORDINALS for c in children):
        return None  # "(form) the largest party", "the first company": new information, not a reference
    lemma = token.lemma_.lower()
    owners = [c for c in children if c.dep_ == "poss"]
    if owners and owners[0].tag_ != "PRP$":
        return "Person" if lemma in PERSON_NOUNS else None  # "Russia's leader"; not "Con Edison's business"
    if not owners and not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in children):
        return None
    if lemma in PERSON_NOUNS:
        return "Person"
    if lemma in ORG_NOUNS:
        return "Organization"
    if lemma in PLACE_NOUNS and not owners:
        return "Place"
    return None


# Kinds of place a description names, and the gazetteer kinds that fit each ("the state" is not a country).
PLACE_KIND_OF_NOUN = {"country": {COUNTRY}, "nation": {COUNTRY}, "state": {STATE}, "province": {STATE},
                      "region": {STATE}, "city": {CITY}, "capital": {CITY}}


def _place_kind_fits(noun: str, name: str) -> bool:
    """Whether a place may be what "the <noun>" names: "the state" a state or province (ISO 3166-2), not the
    United States; a place the gazetteers do not know may be anything."""
    kinds = PLACE_KIND_OF_NOUN.get(noun)
    if kinds is None:
        return True
    known, subdivision = place(name), region(name)
    if subdivision is not None and subdivision.code is not None:
        return STATE in kinds
    return known is None or known.kind in kinds


def _coordinated_owner(token: Token, entities: ArticleEntities, resolved: dict[int, str]) -> str | None:
    """The entity a possessive pronoun is bound to in a coordination "A and his/her N": A."""
    noun = token.head
    if token.tag_ != "PRP$" or token.dep_ != "poss" or noun.dep_ != "conj" or noun.head.i > token.i:
        return None
    return entities.by_token.get(noun.head.i) or resolved.get(noun.head.i)


def _has_named_owner(token: Token) -> bool:
    return any(c.dep_ == "poss" and c.tag_ != "PRP$" for c in token.children)


def resolve_references(doc: Doc, entities: ArticleEntities) -> dict[int, str]:
    """Map pronoun and description tokens to the key of the local entity they refer to."""
    info = {e.key: e for e in entities.entities}
    title_words = _title_words(doc, entities)
    gender = {e.key: _gender_of(e.name, title_words.get(e.key, set())) for e in entities.entities if e.type == "Person"}
    span_start = {span.start: (span, key) for span, key in entities.spans}
    salience: dict[str, float] = {}
    resolved: dict[int, str] = {}

    def agrees(key: str, kind: str) -> bool:
        etype = info[key].type
        if kind in (MALE, FEMALE):
            return etype == "Person" and gender.get(key) in (None, kind)
        if kind == "it":
            return etype in {"Organization", "Product"}
        if kind == "they":
            return etype in {"Organization", "Place"}
        return etype == kind

    def best(kind: str, token: Token, exclude: set[str], topics: set[str]) -> str | None:
        lemma = token.lemma_.lower()
        scored = []
        for key, score in salience.items():
            if key in exclude or score <= 0 or not agrees(key, kind) \
                    or (kind == "Place" and not _place_kind_fits(lemma, info[key].name)):
                continue
            words = title_words.get(key, set())
            fits = bool(_same_role(lemma, words))
            if token.pos_ == "NOUN" and not fits and (words & ROLE_WORDS or _has_named_owner(token)):
                continue  # "the entrepreneur" is not the person known as "the governor"
            scored.append((score + (150 if fits else 0) + (100 if key in topics else 0), key))
        return max(scored)[1] if scored else None

    topics: set[str] = set()  # subjects of the previous sentence: what the text is about (centering)
    unnamed_topic = False  # the previous sentence was about a person it did not name ("the 27-year-old")
    for sentence in doc.sents:
        salience = {k: v / 2 for k, v in salience.items()}
        subjects: set[str] = set()
        for token in sentence:
            if token.i in span_start:
                span, key = span_start[token.i]
                salience[key] = salience.get(key, 0) + 100 + _grammatical_weight(span.root)
                if _is_subject(span.root):
                    subjects.add(key)
                continue
            antecedent = _relative_antecedent(token)
            if antecedent is not None:  # "Acme, which ...", "Jane Roe, who ...", "Acme, a firm that ..."
                key = next(filter(None, (entities.by_token.get(t.i) or resolved.get(t.i)
                                         for t in _named_by(antecedent))), None)
                if key is None and token.lower_ in {"who", "whom", "whose"}:  # "an author of novels who ..."
                    key = next(filter(None, (entities.by_token.get(t.i) or resolved.get(t.i)
                                             for t in _named_by(_noun_phrase_head(antecedent)))), None)
                    key = key if key is not None and info[key].type == "Person" else None
                if key is not None:
                    resolved[token.i] = key
                continue
            kind = _pronoun_kind(token) or _is_description(token, entities)
            if kind is None or (unnamed_topic and not topics and kind in (MALE, FEMALE) and _is_subject(token)):
                continue  # "the 27-year-old trailed only X and Y. He ...": he is the unnamed one, not Y
            bound = _coordinated_owner(token, entities, resolved)
            if bound is not None and agrees(bound, kind):  # "Tom Lund and his wife Kim": his = Tom Lund
                resolved[token.i] = bound
                continue
            exclude: set[str] = set()
            if token.dep_ in OBJECT_DEPS and not token.lower_.endswith("self"):
                exclude = {entities.by_token.get(c.i) or resolved.get(c.i) for c in token.head.children
                           if c.dep_ in SUBJECT_DEPS} - {None}
            key = best(kind, token, exclude, topics)
            if key is not None:
                resolved[token.i] = key
                salience[key] = salience.get(key, 0) + 100 + _grammatical_weight(token)
                if _is_subject(token):
                    subjects.add(key)
        topics = subjects
        unnamed_topic = any(_is_unnamed_person(t, entities, resolved) for t in sentence if t.dep_ in SUBJECT_DEPS
                            and t.head.dep_ == "ROOT")
    return resolved


def _is_unnamed_person(token: Token, entities: ArticleEntities, resolved: dict[int, str]) -> bool:
    """A subject describing a person without naming one: "the striker", "the 27-year-old"."""
    if token.i in entities.by_token or token.i in resolved or token.pos_ == "PRON":
        return False
    age = token.lower_ == "old" and any(c.lower_ in {"year", "years"} for c in token.children)
    return age or token.lemma_.lower() in PERSON_NOUNS or token.lemma_.lower() in ROLE_WORDS
