"""Roles and titles of people: appositions, titles before a name, copular and naming clauses, possessives."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..knowledge import country_name
from ..model import Fact
from ..names import DEMONYMS
from ..words import APPOINT_VERBS, COURTESY_TITLES, TITLE_ABBREVIATIONS, TITLES
from .context import (COPULAS, OFFICE_WORDS, QUALIFIERS, SERVE_VERBS, WORKPLACE_PREPS,
                      SentenceContext, conjuncts, described, lemma_of, make_fact, name_before,
                      preposed_description, subjects_of)
from .kinship import is_kinship_noun, kin_named, kin_owners
from .nouns import RELATIVE_NOUNS, is_role_noun, noun_phrases, post_predicate, relational_facts


# "X's <noun> Y" where X owns Y; other nouns ("X's wife Y", "X's CEO Y") go through the relational nouns.
POSSESSIVE_NOUNS = {noun: "owns" for noun in ("company", "firm", "startup", "venture", "business", "carmaker",
                                               "automaker", "brand", "label", "chain", "newspaper", "team")}
# Roles that one holds for a political party: the organisation they name is one's party.
PARTY_ROLES = {"politician", "candidate", "nominee", "legislator", "lawmaker", "activist", "campaigner", "strategist",
               "operative"}  # not councillor: "a Ryedale councillor" names the council
ROLE_SMALL_WORDS = {"of", "for", "the", "and", "in", "on", "at", "to", "a", "an"}
ROLE_SPELLING = {"undersecretary": "under secretary", "under-secretary": "under secretary",
                 "vice-president": "vice president", "co-founder": "cofounder",
                 **{f"{short}{stop}": full for short, full in TITLE_ABBREVIATIONS.items() for stop in ("", ".")}}


def role_text(tokens: list[Token]) -> str:
    """The role as written, from its first to its last word ("executive vice-chairman", "safety and security
    manager"), normalised: no determiners or names at its edges, no lower-case word before a capitalised
    title ("host President" -> "President"), known spellings fixed, and formal titles with "of"/"for" in
    title case ("undersecretary of defense for policy" -> "Under Secretary of Defense for Policy")."""
    ordered = sorted(tokens, key=lambda t: t.i)
    words = [t for t in ordered[0].doc[ordered[0].i:ordered[-1].i + 1] if t.dep_ not in {"det", "predet"}]
    while len(words) > 1 and (words[0].ent_type_ or words[0].is_punct):
        words = words[1:]
    capitalised = [i for i, t in enumerate(words) if t.text[:1].isupper()]
    if capitalised and words[capitalised[0]].lower_ in TITLES \
            and all(t.text[:1].islower() for t in words[:capitalised[0]]):
        words = words[capitalised[0]:]
    text = "".join(t.text_with_ws for t in words).strip()
    text = " ".join(ROLE_SPELLING.get(w.lower(), w) for w in text.split())
    if not any(w in {"of", "for"} for w in text.split()):
        return text
    return " ".join(w if w in ROLE_SMALL_WORDS or w.isupper() else w[:1].upper() + w[1:] for w in text.split())


def role_phrase(noun: Token, ctx: SentenceContext) -> tuple[list[Token], list[Token], list[Token], list[Token]]:
    """Split a role noun phrase into role words, qualifier words, and the organisations and places it names.

    "the former US undersecretary of defense with the Pentagon" -> (undersecretary of defense, [former],
    [Pentagon], [US]).
    """
    role, qualifiers, orgs, places = [], [], [], []

    def visit(token: Token) -> None:
        for child in token.lefts:
            if child.dep_ in {"det", "punct", "predet"} or child.pos_ in {"DET", "PUNCT", "PRON"}:
                continue
            if child.lower_ in QUALIFIERS:
                qualifiers.append(child)
            elif child.i in ctx.entities.by_token or child.dep_ == "poss":
                named = ctx.entity(child)
                kind = ctx.type_of(named[0]) if named else None
                if child.head.i not in ctx.entities.by_token:
                    (orgs if kind == "Organization" else places if kind == "Place" else []).append(child)
            elif child.dep_ in {"amod", "compound", "nmod", "nummod"}:
                visit(child)
                role.append(child)
        for child in token.rights:
            if child.dep_ == "case" and token in role:
                role.append(child)
            if child.dep_ != "prep" or any(c.lower_ in {"formerly", "previously"} for c in child.children):
                continue  # "formerly of Y" belongs to someone named next to the role
            objects = [c for c in child.children if c.dep_ == "pobj"]
            target = ctx.entity(objects[0]) if objects else None
            if target and ctx.type_of(target[0]) == "Organization" and lemma_of(child) in WORKPLACE_PREPS:
                orgs.extend(t for t in conjuncts(objects[0]) if (e := ctx.entity(t))
                            and ctx.type_of(e[0]) == "Organization")  # "professor at X, Y and Z"
            elif objects and (named := _place_of_kind(objects[0], ctx)) is not None and lemma_of(child) == "of":
                places.append(named)  # "governor of the U.S. state of Virginia": Virginia, not the U.S.
            elif objects and not target and objects[0].pos_ == "NOUN" and lemma_of(child) in {"of", "for"} \
                    and not any(c.dep_ == "nummod" for c in objects[0].children):  # not "for 18 years"
                units = [c for c in objects[0].children if c.dep_ in {"nmod", "compound", "poss"}
                         and (e := ctx.entity(c)) and ctx.type_of(e[0]) == "Organization"]
                if units:  # "president of Microsoft's Cloud and Enterprise group": a unit, not part of the role
                    orgs.extend(units)
                    continue
                role.append(child)
                role.append(objects[0])
                visit(objects[0])
    visit(noun)
    role.append(noun)
    return role, qualifiers, orgs, places


PLACE_KINDS = {"city", "town", "village", "state", "province", "county", "district", "region", "country",
               "island", "municipality", "borough", "capital"}


def _place_of_kind(noun: Token, ctx: SentenceContext) -> Token | None:
    """The place a kind of place names with "of": "the Swedish city of Malmo" -> Malmo."""
    if lemma_of(noun) not in PLACE_KINDS:
        return None
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                 if o.dep_ == "pobj" and (e := ctx.entity(o)) and ctx.type_of(e[0]) == "Place"), None)


def premodifiers_of(span: Span, ctx: SentenceContext) -> list[Token]:
    """The words right before a name that modify it ("former US Attorney" before "Jane Roe"), in order."""
    words = []
    for token in reversed(ctx.doc[max(span.sent.start, span.start - 8):span.start]):
        if token.is_punct and token.text != "-" or token.dep_ in {"det", "poss", "case", "cc", "prep"} \
                or not (token.head == span.root or token.head.i in {w.i for w in words}):
            break
        words.insert(0, token)
    return words


def role_facts_of(holder: tuple[str, bool], noun: Token, ctx: SentenceContext, rule: str, confidence: float,
                anchor: Token | None, places: tuple[Token, ...] = (),
                modifiers: tuple[Token, ...] = ()) -> Iterator[Fact]:
    """Role literal, relational facts and employer of a person (or relational facts of any entity).

    A country named before the role ("Russian President") gives the relational fact when the noun has one
    ("president of" -> president_of Russia); before an occupation ("American actor") it gives citizen_of.
    `modifiers` are words before the role noun that belong to the role ("executive vice-" chairman).
    """
    role, qualifiers, orgs, named_places = role_phrase(noun, ctx)
    qualifiers += [m for m in modifiers if m.lower_ in QUALIFIERS and m not in qualifiers]
    role += [m for m in modifiers if m.lower_ not in QUALIFIERS]
    quals = tuple(q.lower_ for q in qualifiers)
    related = list(relational_facts(holder, noun, ctx, rule, confidence, anchor, quals))
    yield from (fact for _, fact in related)
    if ctx.type_of(holder[0]) != "Person" or not is_role_noun(noun):
        return
    fact = make_fact(ctx, holder, "role", role_text(role), rule, confidence, anchor, noun.text, quals)
    if fact:
        yield fact
    ministry = _ministry_of(noun, ctx)
    fact = ministry and make_fact(ctx, holder, "leads", ministry, rule, confidence - 0.1, anchor, f"{noun.text} of",
                                  quals)
    if fact:
        yield fact
    used = {target.i for target, _ in related}
    for org in orgs:
        party = lemma_of(noun) in PARTY_ROLES and lemma_of(org.head) not in {"in", "at"}  # "a Sinn Fein politician"
        fact = org.i not in used and make_fact(ctx, holder, "member_of_party" if party else "works_for",
                                               ctx.entity(org), rule, confidence - 0.05, anchor, noun.text, quals)
        if fact:
            yield fact
    for place in [*named_places, *places]:
        target = ctx.entity(place)
        demonym = place.lower_ in DEMONYMS  # "a British diplomat" is British; "a US judge" judges in the US
        predicate = next((p for p in map(ctx.lexicon.relational.get, noun_phrases(noun, "of"))
                          if p and ctx.lexicon.accepts(p, "Person", "Place")),
                         "citizen_of" if demonym or lemma_of(noun) not in OFFICE_WORDS else None)
        fact = target and predicate and make_fact(ctx, holder, predicate, target, rule, confidence - 0.1, anchor,
                                f"{place.text} {noun.text}", quals)
        if fact:
            yield fact


def role_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Roles and relational nouns from appositions, titles before a name, and copular or naming clauses."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end:
            continue
        holder = (key, False)
        root = span.root
        # the parse may hang a description on a word inside the name: "Ekstrom Industries, [Inc.], a subsidiary"
        inner = [c for t in span if t is not root for c in t.children if c.dep_ == "appos" and c.i >= span.end]
        for child in [*root.children, *inner]:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i not in ctx.entities.by_token \
                    and not any(c.dep_ == "appos" and c.i in ctx.entities.by_token for c in child.children):
                # not a noun with a name of its own: "his wife, Irene, his son Ken" (a list, not Irene's son)
                yield from role_facts_of(holder, child, ctx, "appos_role", 0.85, None)
            elif child.dep_ == "appos" and child.lower_ == "one":  # "X, one of Microsoft's critics"
                groups = [p for prep in child.children if prep.dep_ == "prep" and prep.lower_ == "of"
                          for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
                for group in groups:
                    yield from (fact for _, fact in relational_facts(holder, group, ctx, "appos_role", 0.8, None))
        premodifiers = premodifiers_of(span, ctx)
        heads = [t for t in premodifiers if is_role_noun(t) and t.dep_ in {"compound", "nmod"}]
        if heads and ctx.type_of(key) == "Person":  # "Russian President Vladimir Putin", "executive vice-chairman X"
            head = heads[-1]
            places = tuple(t for t in premodifiers if t.i < head.i and t.i in ctx.entities.by_token
                           and ctx.type_of(ctx.entities.by_token[t.i]) == "Place")
            words = tuple(t for t in premodifiers if t.i < head.i and t.i not in ctx.entities.by_token)
            yield from role_facts_of(holder, head, ctx, "premod_role", 0.8, None, places, words)
        described_noun = _role_before_organisation(root, ctx)
        for noun in conjuncts(described_noun) if described_noun is not None and ctx.type_of(key) == "Person" else ():
            yield from role_facts_of(holder, noun, ctx, "appos_role", 0.8, None)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i not in ctx.entities.by_token \
                and root.head.i not in ctx.references and not any(c.dep_ == "poss" for c in root.head.children):
            yield from role_facts_of(holder, root.head, ctx, "appos_role", 0.8, None)
    for i, key in ctx.entities.titles.items():
        if sent.start <= i < sent.end and ctx.doc[i].lower_.rstrip(".") not in COURTESY_TITLES:
            yield from filter(None, [make_fact(ctx, (key, False), "role", role_text([ctx.doc[i]]), "premod_role",
                                           0.8, None, ctx.doc[i].text)])
    for verb in sent:
        for description in (c for c in verb.children if c.dep_ == "nsubj" and preposed_description(c, verb, ctx)):
            for noun in conjuncts(description):  # "A graduate of Yale, Anna Berg joined ..."
                yield from role_facts_of(name_before(verb, ctx), noun, ctx, "appos_role", 0.8, None)
        lemma = lemma_of(verb)
        if lemma not in APPOINT_VERBS and lemma not in COPULAS and lemma not in SERVE_VERBS:
            continue
        as_phrases = [p for c in _as_preps(verb) for p in c.children
                      if p.dep_ == "pobj" and (p.pos_ == "NOUN" or is_role_noun(p))]
        if lemma in APPOINT_VERBS:  # "X was named CEO", "the board named X (as) CEO"
            holder_deps = {"nsubjpass"} if any(c.dep_ == "nsubjpass" for c in verb.children) else {"dobj", "oprd"}
        elif lemma in COPULAS or (lemma in SERVE_VERBS and as_phrases):  # "X is CEO", "X served as CEO"
            holder_deps = {"nsubj", "nsubjpass"}
        else:
            continue
        holders = [ctx.entity(t) for c in verb.children if c.dep_ in holder_deps for t in conjuncts(c)]
        if lemma not in APPOINT_VERBS and not any(c.dep_ in holder_deps for c in verb.children):
            holders = subjects_of(verb, ctx)  # "X is set to become chairman", "X agreed to serve as CEO"
        complements = as_phrases + [c for c in verb.children if c.dep_ in {"attr", "oprd", "xcomp"}
                                    and (c.pos_ == "NOUN" or is_role_noun(c)) and c.i not in ctx.entities.by_token]
        if lemma in COPULAS and complements:  # "X is an executive, and the chairman of Y": the parse's conj
            complements += [c for c in verb.children if c.dep_ == "conj" and (c.pos_ == "NOUN" or is_role_noun(c))
                             and c.i not in ctx.entities.by_token and not any(d.dep_ == "nsubj" for d in c.children)]
        if lemma in APPOINT_VERBS:  # the small model's "named [Ann Weller chief executive]": the name inside
            holders += [ctx.entity(c) for complement in complements for c in complement.lefts
                        if c.dep_ in {"nmod", "compound"} and ctx.entity(c)
                        and ctx.type_of(ctx.entity(c)[0]) == "Person"]
            # "named A as CTO and B, formerly of Y, as a deputy", parsed with B a conjunct of "CTO"
            holders += [ctx.entity(c) for phrase in as_phrases for c in phrase.conjuncts if ctx.entity(c)
                        and ctx.type_of(ctx.entity(c)[0]) == "Person"]
        holders = list(dict.fromkeys(filter(None, holders)))
        if lemma in APPOINT_VERBS and complements:  # "Acme named X (as) its CEO": Acme appointed X
            for appointer in appointers_of(verb, ctx):
                yield from filter(None, (make_fact(ctx, appointer, "appointed", holder, "copula_role", 0.75, verb,
                                                   verb.text) for holder in holders))
        pairs = [(h, c) for h in holders for complement in complements for c in conjuncts(complement)
                 if c.i not in ctx.entities.by_token]
        if len(holders) > 1 and len(holders) == len(as_phrases) == len(complements):
            pairs = list(zip(holders, as_phrases))  # "named A as CTO and B as (a) deputy": each their own post
        pairs += [(h, a) for h, noun in pairs for a in noun.children if a.dep_ == "appos" and is_role_noun(a)
                  and a.i not in ctx.entities.by_token]  # "a psychologist, Professor of Psychology at Y"
        for holder, noun in pairs:
            yield from role_facts_of(holder, noun, ctx, "copula_role", 0.75, verb)
        workplaces = [e for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "with"}
                      for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)
                      if (e := ctx.entity(t)) and ctx.type_of(e[0]) == "Organization"]
        for holder in {h for h, noun in pairs if is_role_noun(noun)} if workplaces else ():
            # "became professor of history at Columbia University": the place of work hangs on the verb
            yield from filter(None, (make_fact(ctx, holder, "works_for", org, "copula_role", 0.7, verb, verb.text)
                                     for org in workplaces))


def _role_before_organisation(name: Token, ctx: SentenceContext) -> Token | None:
    """The role noun a person's name describes when the parse hangs the name on the organisation ending the
    role: "The co-founder and chief executive of Norra, [Anna Berg], said" -> "co-founder"."""
    organisation = name.head
    if name.dep_ != "appos" or organisation.i not in ctx.entities.by_token or organisation.dep_ != "pobj" \
            or ctx.type_of(ctx.entities.by_token[organisation.i]) != "Organization":
        return None
    role = organisation.head.head
    return role if organisation.head.dep_ == "prep" and is_role_noun(role) else None


def appointers_of(verb: Token, ctx: SentenceContext) -> list[tuple[str, bool]]:
    """Who appoints with a naming verb: its subject, the agent of a passive, or the noun a participle
    describes ("the board, which named ...", "Acme, the company, named ...")."""
    agents = [ctx.entity(t) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
              for t in conjuncts(p)]
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [a for a in agents if a]
    if verb.dep_ == "acl" and verb.tag_ == "VBD":  # the small model's reading of "Acme, the company, named X"
        return [a for a in [described(verb.head, ctx)] if a]
    return subjects_of(verb, ctx)


# Nouns for a span of time a post can be held for ("for two terms", "for 30 years").
TIME_SPANS = {"term", "year", "month", "decade", "week", "stint", "tenure", "period", "season", "spell"}


def _as_preps(verb: Token) -> list[Token]:
    """The "as" of a verb, also when the parse hangs it on a span of time before it: "served for two terms as
    mayor", "worked for 30 years as a teacher"."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
    spans = [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "during"}
             for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in TIME_SPANS]
    return preps + [c for o in spans for c in o.children if c.dep_ == "prep" and c.lower_ == "as"]


def possessive_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """'X's company Y' -> X owns Y; 'X's wife Y' -> Y spouse_of X; 'X's CEO Y' -> Y ceo_of X, role CEO."""
    yield from _possessive_country_facts(sent, ctx)
    yield from _possessive_relative_facts(sent, ctx)
    for noun in sent:
        if noun.pos_ != "NOUN" and not (noun.pos_ == "PROPN" and is_role_noun(noun) and not ctx.entity(noun)):
            continue  # a capitalised title is a role noun too: "the Presidency's Communications Director, X"
        if is_kinship_noun(noun):
            owners, named = kin_owners(noun, ctx), kin_named(noun, ctx)
        else:
            owners = [o for o in (ctx.entity(c) for c in noun.children if c.dep_ == "poss") if o]
            named = [n for n in (ctx.entity(c) for c in noun.children if c.dep_ == "appos") if n]
        lemma = lemma_of(noun)
        if not owners and is_role_noun(noun) and any(c.dep_ == "poss" for c in noun.children):
            # an owner that names nothing still makes the noun a title: "the agency's chief, Tom Lund"
            role, qualifiers, _, _ = role_phrase(noun, ctx)
            yield from filter(None, (make_fact(ctx, item, "role", role_text(role), "possessive", 0.75, None,
                                               noun.text, tuple(q.lower_ for q in qualifiers))
                                     for item in named if ctx.type_of(item[0]) == "Person"))
        for owner in owners:
            for item in named:
                if lemma in POSSESSIVE_NOUNS:
                    facts = [make_fact(ctx, owner, POSSESSIVE_NOUNS[lemma], item, "possessive", 0.8, noun,
                                   f"'s {noun.text}")]
                else:
                    predicate = post_predicate(noun, "of", ctx) or post_predicate(noun, "to", ctx)  # "her rival (to her)"
                    role_holder = is_role_noun(noun) and ctx.type_of(item[0]) == "Person"
                    role, qualifiers, _, _ = role_phrase(noun, ctx)
                    quals = tuple(q.lower_ for q in qualifiers)
                    if predicate is None and role_holder:
                        predicate = "works_for"  # "Lund's press secretary, Kim Ode", "Acme's lawyer, X"
                    facts = [predicate and make_fact(ctx, item, predicate, owner, "possessive", 0.8, noun,
                                                     f"'s {noun.text}", quals)]
                    if role_holder:
                        facts.append(make_fact(ctx, item, "role", role_text(role), "possessive", 0.8, None,
                                               noun.text, quals))
                yield from filter(None, facts)


def _ministry_of(noun: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The ministry a "minister of X" heads, when the article names it "X Ministry" or "Ministry of X"."""
    if lemma_of(noun) != "minister":
        return None
    fields = {" ".join(t.lower_ for t in pobj.subtree if t.dep_ != "det") for prep in noun.children
              if prep.dep_ == "prep" and prep.lower_ == "of" for pobj in prep.children
              if pobj.dep_ == "pobj" and not ctx.entity(pobj)}
    names = {f"{field} ministry" for field in fields} | {f"ministry of {field}" for field in fields}
    return next(((e.key, False) for e in ctx.entities.entities
                 if e.type == "Organization" and e.name.lower().removeprefix("the ") in names), None)


def _possessive_country_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """'Montenegro's Stevan Jovetic', 'Russia's Vladimir Putin': a country owning a person's name is theirs."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Person":
            continue
        for owner in (c for c in span.root.children if c.dep_ == "poss" and c.i < span.start):
            country = ctx.entity(owner)
            if country and ctx.type_of(country[0]) == "Place" and country_name(ctx.entities.entity(country[0]).name):
                fact = make_fact(ctx, (key, False), "citizen_of", country, "possessive", 0.7, None,
                                 f"{owner.text}'s {span.text}")
                if fact:
                    yield fact


def _possessive_relative_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """'its rival Rite Aid', 'Acme's competitor Brightwave': a relative noun before a name, owned by another
    entity, relates the two ("rival of" -> competes_with)."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end:
            continue
        owners = [o for o in (ctx.entity(c) for c in span.root.children if c.dep_ == "poss" and c.i < span.start) if o]
        nouns = [c for c in span.root.children if c.dep_ in {"compound", "amod"} and c.i < span.start
                 and lemma_of(c) in RELATIVE_NOUNS]
        for noun, owner in ((n, o) for n in nouns for o in owners):
            predicate = ctx.lexicon.relational.get(f"{lemma_of(noun)} of")
            fact = predicate and make_fact(ctx, (key, False), predicate, owner, "possessive", 0.75, None,
                                           f"'s {noun.text}")
            if fact:
                yield fact
