"""Relational and nominalised nouns: "the CEO of Y", "Tesla's CEO", "Russia's invasion of Ukraine"."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact
from ..words import COURTESY_TITLES, KINSHIP_NOUNS, ROLE_WORDS
from .context import LIGHT_VERBS, RANK_MODIFIERS, SentenceContext, conjuncts, lemma_of, make_fact, subjects_of


def is_role_noun(token: Token) -> bool:
    """A singular noun naming a role or occupation ("reporter", "chief executive"), not a kinship term or a
    title of courtesy ("Mr", "Sir")."""
    return token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNS", "NNPS"} \
        and (lemma_of(token) in ROLE_WORDS or token.lower_ in ROLE_WORDS
             or token.lower_.endswith(("er", "or", "ist", "sman", "swoman"))) \
        and lemma_of(token) not in KINSHIP_NOUNS and token.lower_.rstrip(".") not in COURTESY_TITLES \
        and lemma_of(token) not in RELATIVE_NOUNS


# Relations a post in an organisation gives, whichever preposition names the organisation.
ORGANISATION_POSTS = {"ceo_of", "chairs", "president_of", "founded"}

# An organisation's bodies: a post on one is a post in the organisation.
BODY_NOUNS = {"board", "committee", "council", "cabinet"}

# Nouns that relate two people or organisations but name no post: "his successor", "its competitor".
RELATIVE_NOUNS = {"successor", "predecessor", "competitor", "neighbor", "neighbour", "visitor", "rival",
                  "counterpart", "replacement", "winner", "victor", "loser", "finalist", "challenger"}


def noun_phrases(noun: Token, prep: str) -> list[str]:
    """Lemma phrases naming a relational noun with a preposition, longest first ("chief executive of")."""
    modifiers = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and not c.ent_type_
                 and (c.pos_ in {"ADJ", "NOUN", "PROPN"} or c.tag_ in {"VBG", "VBN"})]  # "founding member"
    phrases = [" ".join([m.lower_ for m in modifiers[i:]] + [lemma_of(noun), prep]) for i in range(len(modifiers))]
    if any(m.lower_ in RANK_MODIFIERS for m in modifiers):
        return phrases  # a vice president is not the president
    return phrases + [f"{lemma_of(noun)} {prep}", f"{noun.lower_} {prep}"]


def post_predicate(noun: Token, prep: str, ctx: SentenceContext) -> str | None:
    """The relation a relational noun and its preposition name ("chief executive of" -> ceo_of); a head of a
    function ("communications director", "finance chief") works for the organisation, it does not lead it."""
    predicate = next(filter(None, map(ctx.lexicon.relational.get, noun_phrases(noun, prep))), None)
    if predicate in {"leads", "leader_of"} and any(c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}
                                                   and not ctx.entity(c) for c in noun.lefts):
        return "works_for"
    return predicate


def relational_facts(holder: tuple[str, bool], noun: Token, ctx: SentenceContext, rule: str, confidence: float,
                anchor: Token | None, qualifiers: tuple[str, ...] = ()) -> Iterator[tuple[Token, Fact]]:
    """Facts from a relational noun describing `holder`: "(X,) the CEO of Y" -> X ceo_of Y.

    The other side is the object of the noun's preposition, or an entity modifying the noun, read as
    "of" ("a Boeing unit", "Tesla's CEO"). Yields (object token, fact) so callers know what was used.
    """
    nouns = conjuncts(noun)  # "founder and CEO of X": the preposition serves every noun of the list
    preps = [prep for noun_ in nouns for prep in noun_.children if prep.dep_ == "prep"]
    following = noun.doc[nouns[-1].i + 1] if nouns[-1].i + 1 < len(noun.doc) else None
    if not preps and following is not None and following.dep_ == "prep" and following.head.i < noun.i:
        preps = [following]  # "a businessman, chairman and CEO of Y" with "of Y" hung on "businessman"
    arguments = [(lemma_of(prep), target) for prep in preps
                 for pobj in prep.children if pobj.dep_ == "pobj" for target in _listed(pobj, ctx)]
    owned = [(prep, owner) for prep, target in arguments if lemma_of(target) in BODY_NOUNS
             and not ctx.entity(target) for owner in target.children
             if owner.dep_ in {"compound", "poss"} and ctx.entity(owner)]  # "chairman of the Twitter board"
    bare_bodies = [prep for prep, target in arguments if lemma_of(target) in BODY_NOUNS and not ctx.entity(target)
                   and not any(c.dep_ in {"compound", "poss"} and ctx.entity(c) for c in target.children)]
    listed_owners = [c for noun_ in nouns for c in noun_.lefts if c.dep_ == "poss" and ctx.entity(c)
                     and ctx.type_of(ctx.entity(c)[0]) == "Organization"]
    # "Microsoft's founder and a member of the board": the board is Microsoft's
    arguments += owned + [(prep, owner) for prep in bare_bodies[:1] for owner in listed_owners[:1]]
    for noun_ in nouns:
        modifiers = [("of", c) for c in noun_.lefts if c.dep_ in {"compound", "poss"} and ctx.entity(c)
                     and (c.dep_ == "poss" or ctx.type_of(ctx.entity(c)[0]) == "Organization")]
        for prep, target in arguments + modifiers:
            predicate = post_predicate(noun_, prep, ctx)
            obj = ctx.entity(target)
            if predicate is None and prep in {"at", "for"} and obj and ctx.type_of(obj[0]) == "Organization" \
                    and not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun_.children):
                # a post "at"/"for" an organisation is its post "of" it: "CEO for X", "chairman at Y"
                predicate = next(filter(None, map(ctx.lexicon.relational.get, noun_phrases(noun_, "of"))), None)
                predicate = predicate if predicate in ORGANISATION_POSTS else None
            obj = predicate and obj
            fact = obj and make_fact(ctx, holder, predicate, obj, rule, confidence, anchor, f"{noun_.text} {prep}",
                                 qualifiers)
            if fact:
                yield target, fact


def _listed(pobj: Token, ctx: SentenceContext) -> list[Token]:
    """The object of a preposition and those listed with it, also where the parse joins the next one to a
    description or a name beside the first: "the son of [the biologist Anne Roe] and [Tom Roe]"."""
    found = ctx.entity(pobj)
    beside = [c for c in pobj.children if c.dep_ == "appos"]
    listed = [c for b in beside for c in b.conjuncts if found and (e := ctx.entity(c)) and e[0] != found[0]
              and ctx.type_of(e[0]) == ctx.type_of(found[0])]
    return [*conjuncts(pobj), *listed]


def nominal_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Nominalised relations: "Russia's invasion of Ukraine", "talks with X" held by Y."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        agents = [ctx.entity(c) for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
        if noun.dep_ == "dobj" and lemma_of(noun.head) in LIGHT_VERBS:
            agents.extend(subjects_of(noun.head, ctx))
        agents = [a for a in agents if a]
        if not agents:
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            predicate = ctx.lexicon.nominal.get(f"{lemma_of(noun)} {lemma_of(prep)}")
            if not predicate:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for target in filter(None, map(ctx.entity, conjuncts(pobj))):
                    for agent in dict.fromkeys(agents):
                        fact = make_fact(ctx, agent, predicate, target, "nominal", 0.7, noun,
                                     f"{noun.text} {prep.text}")
                        if fact:
                            yield fact
