"""Verb rules: subject - verb (+ particle / prepositions) - object, passives, copulas with adjectives,
and symmetric relations of coordinated subjects."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import OPEN_PREDICATE, Fact
from ..names import DEMONYMS
from ..words import LOCATION_NOUNS, is_role_word
from .context import (COPULAS, DENIAL_VERBS, LIGHT_VERBS, PEOPLE_NOUNS, PLACE_HOP_PREPS, SentenceContext, conjuncts,
                      containing_places, described, lemma_of, make_fact, phrase, prep_paths, subjects_of)
from .nouns import is_role_noun, noun_phrases


def _nominal_done_by_subject(verb: Token, noun: Token, ctx: SentenceContext) -> bool:
    """Whether the action a noun names is the verb's subject's: with a light verb ("held talks with X",
    "launched an invasion of Y"), and no other agent on the noun ("covered the Soviet invasion of Y" and
    "condemned Russia's attack on Y" are not the subject's)."""
    own_agent = any(c.dep_ in {"poss", "compound", "amod"} and (ctx.entity(c) or c.lower_ in DEMONYMS)
                    for c in noun.children)
    return lemma_of(verb) in LIGHT_VERBS | DENIAL_VERBS and not own_agent  # "denied meeting with X" too


def svo_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Subject-verb-object facts, with particles and prepositions in the relation phrase.

    Passives read from the agent ("Y was acquired by X" -> X acquired Y); a passive without an agent
    keeps its grammatical subject ("X was born in Y" -> X born_in Y, trigger "bear in").
    """
    for verb in sent:
        if lemma_of(verb) in COPULAS:
            yield from _copular_complement_facts(verb, ctx)
            continue
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        passive = any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children)
        agents = [a for a in (ctx.entity(t) for c in verb.children if c.dep_ == "agent"
                              for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)) if a]
        patients = [p for p in (ctx.entity(t) or (described(verb.head, ctx) if t.tag_ in {"WDT", "WP"} else None)
                                for c in verb.children if c.dep_ == "nsubjpass" for t in conjuncts(c)) if p]
        if agents and not patients and verb.dep_ == "conj" and verb.tag_ == "VBN":
            # the first verb's subject: "X was convicted by A and sentenced by B", "X left A and was hired by B"
            patients = [p for p in (ctx.entity(t) for c in verb.head.children if c.dep_ == "nsubjpass"
                                    for t in conjuncts(c)) if p] or subjects_of(verb.head, ctx)
        participle = verb
        while participle.dep_ == "conj" and participle.tag_ == "VBN" and participle.head.tag_ == "VBN":
            participle = participle.head  # "a bank founded in 1986 and headquartered in Laredo"
        if participle.dep_ == "acl" and verb.tag_ == "VBN":  # "Acme, founded by ...", "a firm based in Denver"
            passive = True
            patients += filter(None, [described(participle.head, ctx)])
        if passive and not agents:  # "X has 40 teachers and is located in Y": the subject is shared
            subjects = patients or (subjects_of(verb, ctx) if verb.dep_ == "conj" else [])
        else:
            subjects = agents if passive else subjects_of(verb, ctx)
            for patient in patients if agents else []:
                predicate = ctx.lexicon.predicate_for(phrase(verb))
                for subject in subjects:
                    fact = predicate and make_fact(ctx, subject, predicate, patient, "svo", 0.75, verb, verb.text)
                    if fact:
                        yield fact
        if len(subjects) > 1 and not passive:
            yield from _reciprocal_facts(verb, subjects, ctx)
        unmatched: dict[tuple[str, bool], str] = {}
        matched: set[str] = set()
        for target, predicate, written in verb_objects(verb, ctx, with_direct_object=not passive):
            if not predicate:
                unmatched.setdefault(target, written)
                continue
            matched.add(target[0])
            for subject in subjects:
                fact = make_fact(ctx, subject, predicate, target, "svo", 0.75, verb, written)
                if fact:
                    yield fact
        for target, written in unmatched.items():
            for subject in subjects if target[0] not in matched else []:
                fact = make_fact(ctx, subject, OPEN_PREDICATE, target, "svo", 0.5, verb, written)
                if fact:
                    yield fact


# Verbs of moving that move their direct object, not their subject: "moved the company to Denver".
TRANSFER_VERBS = {"move", "relocate", "transfer"}

# Adverbs that are the particle of a phrasal verb when they follow it: "fired back at" is not "fired at".
PARTICLE_ADVERBS = {"back", "out", "off", "up", "down", "away", "over", "around", "about", "through", "on"}


def verb_with_particles(verb: Token) -> list[Token]:
    """A verb and its particles, which change its meaning: "took over", "hit back at", "beat up"."""
    return [verb, *(c for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.lower_ in PARTICLE_ADVERBS and 0 < c.i - verb.i <= 2))]


def verb_objects(verb: Token, ctx: SentenceContext,
             with_direct_object: bool = True) -> Iterator[tuple[tuple[str, bool], str | None, str]]:
    """(object entity, predicate or None, phrase as written) for each entity argument of a verb.

    The predicate is that of the first trigger among, most specific first: the whole path ("keep in
    contact with"), the verb with the last preposition ("supply ... to"), the last noun with its
    preposition ("contact with"), and the verb with the first preposition when the rest only locates the
    object ("supply to locations within Ukraine"). A role after "as" relates its holder to the object
    ("served as CEO of Y" -> ceo_of, "worked as an instructor at Y" -> works_for).
    """
    base = verb_with_particles(verb)
    paths = [(obj, base) for c in verb.children if c.dep_ == "dobj" and with_direct_object for obj in conjuncts(c)]
    owners = [owner for obj, _ in paths if not ctx.entity(obj) and lemma_of(obj) not in PEOPLE_NOUNS
              for owner in obj.children if owner.dep_ == "poss"]  # "audit Boeing's production line"
    paths += [(owner, base) for owner in owners]
    paths += [(t, p) for obj, _ in list(paths) for t, p in prep_paths(obj, [*base, obj])]
    paths += [found for word in base for found in prep_paths(word, base)]  # "moved back [to Oslo]"
    paths += [(gapped, path) for target, path in list(paths) for gapped in gapped_conjuncts(target, ctx)]
    paths += [found for other in _sharing_arguments(verb) for found in prep_paths(other, base)]
    for target, path in list(paths):
        paths += [(place, path) for place in containing_places(target, ctx)]
    themes = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and not ctx.entity(c)]
    for target, path in paths:
        entity = ctx.entity(target)
        if not entity:
            continue
        written = " ".join(t.text for t in sorted(path, key=lambda t: t.i))
        words = [t for t in path if t.dep_ not in {"prep"} or t in path[len(base):]]
        phrases = [phrase(*words)]
        preps = [t for t in path[len(base):] if t.dep_ == "prep"]
        nouns = [t for t in path[len(base):] if t.dep_ != "prep"]
        if preps:
            # a light verb's noun names the relation, whatever modifies it in between: "received a degree
            # in economics from Y" -> "receive degree from", "degree from"
            phrases += [phrase(*base, theme, preps[-1]) for theme in themes if theme not in path]
            if nouns and nouns[0].dep_ == "dobj" and len(nouns) > 1:
                phrases.append(phrase(*base, nouns[0], preps[-1]))
            phrases.append(phrase(*base, preps[-1]))
            if nouns and nouns[-1].i < preps[-1].i and _nominal_done_by_subject(verb, nouns[-1], ctx):
                phrases.append(f"{lemma_of(nouns[-1])} {lemma_of(preps[-1])}")
            phrases += [f"{lemma_of(theme)} {lemma_of(preps[-1])}" for theme in themes
                        if theme.i < preps[-1].i and _nominal_done_by_subject(verb, theme, ctx)]
            if len(preps) > 1 and all(lemma_of(p) in PLACE_HOP_PREPS | {"of"} for p in preps[1:]) \
                    and all(lemma_of(n) in LOCATION_NOUNS for n in nouns if n.i > preps[0].i):
                phrases.append(phrase(*base, preps[0]))
        elif path is base:
            phrases = [phrase(*base)]
        predicate = ctx.lexicon.predicate_for(*phrases)
        if predicate is None and len(preps) == 2 and lemma_of(preps[0]) == "as":  # "operates as a unit of Y"
            predicate = ctx.lexicon.relational.get(f"{lemma_of(nouns[0])} {lemma_of(preps[1])}")
        if predicate is None and len(preps) == 2 and lemma_of(preps[0]) == "as" and is_role_noun(nouns[0]):
            predicate = next(filter(None, map(ctx.lexicon.relational.get, noun_phrases(nouns[0], lemma_of(preps[1])))),
                             "works_for" if lemma_of(preps[1]) in {"at", "with", "for", "in"} else None)
        if predicate == "lives_in" and lemma_of(verb) in TRANSFER_VERBS and any(c.dep_ == "dobj" for c in verb.children):
            predicate = None  # "moved the company to Denver": the company moved
        if target in owners and ctx.lexicon.range.get(predicate) == {"Person"}:
            predicate = None  # what is done to a person's thing is not done to them: "dismissed X's claim"
        yield entity, predicate, written
    for there in (c for c in verb.children if c.lower_ == "there" and c.dep_ == "advmod"):
        place = _last_location(there, ctx)  # "was born in Perth and lived there" -> lived in Perth
        predicate = place and ctx.lexicon.predicate_for(f"{phrase(*base)} in", f"{phrase(*base)} at")
        if place and predicate:
            yield place, predicate, f"{verb.text} {there.text}"


def _last_location(there: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The place or organisation "there" stands for: the last one named before it in its sentence."""
    keys = (ctx.entities.by_token.get(t.i) for t in reversed(there.doc[there.sent.start:there.i]))
    key = next((k for k in keys if k and ctx.type_of(k) in {"Place", "Organization"}), None)
    return (key, True) if key else None


GAP_WORDS = {"and", ","}


def gapped_conjuncts(target: Token, ctx: SentenceContext) -> list[Token]:
    """Names coordinated after an adjunct of an object, which share its verb and preposition (gapping):
    "talks with X for 30 minutes and Y for 35 minutes", "met X on Friday and Y on Saturday"."""
    key = ctx.entities.by_token.get(target.i)
    span = ctx.span_at(target.i)
    if span is None:
        return []
    doc, i = ctx.doc, span.end
    if i >= len(doc) or not (doc[i].dep_ == "prep" or doc[i].ent_type_ in {"DATE", "TIME"}):
        return []
    while i < span.sent.end and doc[i].lower_ not in GAP_WORDS:
        if doc[i].pos_ in {"VERB", "AUX"} or doc[i].i in ctx.entities.by_token:
            return []  # a clause or another name: not an adjunct of the object
        i += 1
    while i < span.sent.end and doc[i].lower_ in GAP_WORDS:
        i += 1
    while i + 1 < span.sent.end and (doc[i + 1].tag_ == "POS" or doc[i].tag_ == "POS" or _is_title(doc[i])):
        i += 1  # the second name's owner and title: "... and Chile's President Sebastian Pinera"
    other = ctx.entities.by_token.get(i) if i < span.sent.end else None
    if other is None or other == key or ctx.type_of(other) != ctx.type_of(key):
        return []
    name = ctx.span_at(i)
    if name is None:
        return []
    root = name.root.head if name.root.dep_ == "appos" and _is_title(name.root.head) else name.root  # "Minister, X"
    second_object = root.dep_ == "dobj" and target.dep_ == "pobj"  # the parse left the preposition out
    return [name.root] if (root.dep_ == "conj" and not ctx.entity(root.head)) or second_object else []


def _is_title(token: Token) -> bool:
    """A capitalised word of a title before a name: "President", "Prime (Minister)"."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return token.text[:1].isupper() and (is_role_word(token.lower_.rstrip(".")) or (
        following.text[:1].isupper() and is_role_word(following.lower_.rstrip("."))))


def _sharing_arguments(verb: Token) -> list[Token]:
    """The verb coordinated right after a verb with no object or preposition of its own, whose prepositions
    both share: "lives and works in Oslo", "was born and raised in Bergen"."""
    if any(c.dep_ in {"dobj", "prep", "agent", "attr", "acomp"} for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and all(t.dep_ in {"cc", "punct", "advmod"} for t in verb.doc[verb.i + 1:c.i])][:1]


def _copular_complement_facts(copula: Token, ctx: SentenceContext) -> Iterator[Fact]:
    """"X is married to Y", "X was close to Y": the copula, its adjective and the preposition."""
    subjects = subjects_of(copula, ctx)
    for complement in (c for c in copula.children if c.dep_ == "acomp"):
        preps = [(c, [p for p in c.children if p.dep_ == "pobj"]) for c in complement.children if c.dep_ == "prep"]
        preps += _misread_preposition(complement, ctx)
        for prep, pobjs in preps:
            predicate = ctx.lexicon.predicate_for(f"be {complement.lower_} {lemma_of(prep)}",
                                                  f"be {lemma_of(complement)} {lemma_of(prep)}")
            for pobj in pobjs if predicate else []:
                for target in filter(None, map(ctx.entity, conjuncts(pobj))):
                    for subject in subjects:
                        fact = make_fact(ctx, subject, predicate, target, "svo", 0.75, copula,
                                     f"{copula.text} {complement.text} {prep.text}")
                        if fact:
                            yield fact


def _misread_preposition(adjective: Token, ctx: SentenceContext) -> list[tuple[Token, list[Token]]]:
    """"married to actress Ann Lee" read as an infinitive ("to actress"): the "to" right after the adjective,
    and the name that follows it after lower-case role words."""
    doc, after = adjective.doc, adjective.i + 1
    if after >= len(doc) or doc[after].lower_ != "to" or doc[after].dep_ == "prep":
        return []
    for token in doc[after + 1:min(after + 5, adjective.sent.end)]:
        if ctx.entity(token):
            return [(doc[after], [token])]
        if not (token.is_lower and token.is_alpha):
            break
    return []


def _reciprocal_facts(verb: Token, subjects: list[tuple[str, bool]], ctx: SentenceContext) -> Iterator[Fact]:
    """Coordinated subjects of a symmetric relation: "Trump and Putin met", "X and Y held talks"."""
    base = verb_with_particles(verb)
    themes = [c for c in verb.children if c.dep_ == "dobj" and not ctx.entity(c)]
    phrases = [f"{phrase(*base)} with"] + [f"{phrase(*base, theme)} with" for theme in themes]
    predicate = next((p for p in map(ctx.lexicon.predicate_for, phrases) if p in ctx.lexicon.symmetric), None)
    for other in subjects[1:] if predicate else []:
        fact = make_fact(ctx, subjects[0], predicate, other, "svo", 0.7, verb, " ".join(t.text for t in base))
        if fact:
            yield fact
