"""Parties and seats: a person's party said by the party's member word next to the name ("Democrat Jane Roe",
"Jane Roe, a Democrat", "her Republican challenger, John Doe", "Democratic Congressman John Doe":
member_of_party); a body's seat won ("won a state Senate seat": elected_to)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact
from ..words import PARTY_MEMBERS, is_role_word
from .context import SentenceContext, lemma_of, make_fact, subjects_of

PARTY_NAMES = frozenset(PARTY_MEMBERS.values())
# Nouns for someone in a race, who can carry a party's word ("the Republican challenger").
CONTENDER_NOUNS = {"challenger", "incumbent", "nominee", "rival", "opponent", "contender", "member", "newcomer"}


def _person_described(noun: Token, ctx: SentenceContext, named: bool) -> tuple[str, bool] | None:
    """The person a noun phrase names (when `named`: not for the party word itself), its apposition, the noun
    it is in apposition to, or the subject it is said of ("Jane Roe is a Democrat")."""
    found = [ctx.entity(noun)] if named and noun.pos_ == "PROPN" else []
    found += [ctx.entity(c) for c in noun.children if c.dep_ == "appos"]
    if noun.dep_ == "appos":
        found.append(ctx.entity(noun.head))
    if noun.dep_ == "attr":
        found += [ctx.entity(c) for c in noun.head.children if c.dep_ == "nsubj"]
    return next((f for f in found if f and ctx.type_of(f[0]) == "Person"), None)


def _party_member(word: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The person a party word describes: "Democrat Jane Roe", "Jane Roe, a Democrat", "a fellow Democrat,
    businessman John Doe", "Democratic Congressman John Doe", "her Republican challenger, John Doe"."""
    noun = word
    while not (found := _person_described(noun, ctx, named=noun != word)):
        if noun.dep_ not in {"compound", "amod"} or noun.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        noun = noun.head
        if noun.pos_ == "NOUN" and not (is_role_word(noun.lower_) or noun.lemma_.lower() in CONTENDER_NOUNS):
            return None  # "Democratic voters", "a Republican district"
    return found


def party_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """A person's party said by the party's member word next to the name (see the module's docstring)."""
    for word in sent:
        party = ctx.entities.by_token.get(word.i)
        if party is None or ctx.entities.entity(party).name not in PARTY_NAMES \
                or word.lower_ not in PARTY_MEMBERS:
            continue
        member = _party_member(word, ctx)
        fact = member and make_fact(ctx, member, "member_of_party", (party, False), "affiliation", 0.75, None,
                                    word.text)
        if fact:
            yield fact


# Verbs for winning a seat in an election ("won/took/captured a Senate seat").
SEAT_VERBS = {"win", "take", "capture", "gain", "retain", "flip"}


def seat_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """The body whose seat someone won, named before "seat": "X won a state Senate seat" -> X elected_to the
    Senate (with a preposition, "won a seat on the council" is the lexicon's "win seat on")."""
    for verb in sent:
        if verb.pos_ != "VERB" or lemma_of(verb) not in SEAT_VERBS:
            continue
        bodies = [e for seat in verb.children if seat.dep_ == "dobj" and seat.lemma_.lower() == "seat"
                  for c in seat.children if c.dep_ in {"compound", "nmod"} and c.lower_ not in PARTY_MEMBERS
                  if (e := ctx.entity(c)) and ctx.type_of(e[0]) == "Organization"]  # not "a Labour seat"
        for winner in subjects_of(verb, ctx) if bodies else []:
            for body in bodies:
                fact = make_fact(ctx, winner, "elected_to", body, "svo", 0.75, verb, f"{verb.text} ... seat")
                if fact:
                    yield fact
