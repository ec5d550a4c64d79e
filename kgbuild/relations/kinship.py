"""Who a kinship noun relates: "their three children, A, B and C", "X and his wife Y live with their son Z",
"they have two daughters, A and B", "X and Y and their sons A and B"."""
from __future__ import annotations

from spacy.tokens import Token

from ..words import KINSHIP_NOUNS
from .context import SentenceContext, conjuncts, first_conjunct, lemma_of, subjects_of

PLURAL_POSSESSIVES = {"their", "our"}
HAVE_VERBS = {"have", "raise", "adopt"}


def is_kinship_noun(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and (lemma_of(noun) in KINSHIP_NOUNS or noun.lower_ in {"kids", "kid"})


def kin_named(noun: Token, ctx: SentenceContext) -> list[tuple[str, bool]]:
    """The people a kinship noun names: its apposition ("his son, Tom"), or the name it modifies ("their son
    Tom" parsed as a compound); a plural noun names the whole list ("their children, A, B and C")."""
    plural = noun.tag_ == "NNS"
    heads = [c for c in noun.children if c.dep_ == "appos"]
    listed = noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text in {",", ":", "-", "–"}
    heads += [c for c in noun.children if c.dep_ == "conj" and plural and listed]  # parsed as a list
    if noun.dep_ == "compound" and ctx.entity(noun.head):
        heads.append(noun.head)
    return _people([t for head in heads for t in (conjuncts(head) if plural else [head])], ctx)


def _people(tokens: list[Token], ctx: SentenceContext) -> list[tuple[str, bool]]:
    return [e for e in dict.fromkeys(map(ctx.entity, tokens)) if e and ctx.type_of(e[0]) == "Person"]


def kin_owners(noun: Token, ctx: SentenceContext) -> list[tuple[str, bool]]:
    """Whose relatives a kinship noun names. A named or resolved possessive is the owner; "their"/"our" not resolved
    to a person stands for the people listed before the noun ("A and B and their sons") or else for the
    people who are the subject of its clause ("A and his wife B live with their son"); a noun with no
    possessive after "have" belongs to the subject ("A and B have two children"); a noun coordinated with
    an owned one shares its owner ("their son Tom and daughter Ann")."""
    possessive = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessive is not None:
        found = ctx.entity(possessive)
        if found and (ctx.type_of(found[0]) == "Person" or possessive.lower_ not in PLURAL_POSSESSIVES):
            return [found]  # "their" taken for a company or a town names no parents
        if possessive.lower_ not in PLURAL_POSSESSIVES:
            return []
        listed = noun.head if noun.dep_ == "compound" else noun
        if listed.dep_ == "conj":
            return _people([t for t in conjuncts(first_conjunct(listed)) if t.i < listed.i], ctx)
        verb = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        return [s for s in subjects_of(verb, ctx) if ctx.type_of(s[0]) == "Person"] if verb is not None else []
    if noun.dep_ == "dobj" and lemma_of(noun.head) in HAVE_VERBS:
        return [s for s in subjects_of(noun.head, ctx) if ctx.type_of(s[0]) == "Person"]
    head = noun.head if noun.dep_ == "compound" else noun
    if head.dep_ == "conj" and is_kinship_noun(head.head) and head.head is not noun:
        return kin_owners(head.head, ctx)
    return []
