"""Relation stage: dependency-structure rules that turn parsed sentences into facts.

Each rule has an id (kept on every fact it makes):
  svo         subject - verb (+ particle / prepositions) - object, passives included
  nominal     nominalisations: "Russia's invasion of Ukraine", "his talks with the Kremlin"
  possessive  "Musk's company SpaceX", "Biden's wife Jill Biden"
  appos_role  "Colin Kahl, the former under secretary of defense, ..."
  premod_role "Russian President Vladimir Putin", "reporter Ronan Farrow", "Tesla CEO Elon Musk"
  copula_role "X is the chief executive of Y", "X became chairman", "X was named coach"
  date        "born on 3 May 1950", "died in 2001", "Acme, founded in 1998"
  parenthetical  "Jane Roe (born 3 May 1950 in Lyon)", "John Doe (1920–1990)"

A relation between two entities whose words match no trigger phrase is kept with the open predicate
kg:related_to (and its words in Fact.phrase); it is recorded as a statement but not asserted.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .entities import ArticleEntities
from .lexicon import Lexicon
from .names import DEMONYMS
from .model import ASSERTED, HEDGED, NEGATED, OPEN_PREDICATE, REPORTED, Fact, LocalEntity, Sentence
from .words import KINSHIP_NOUNS, LOCATION_NOUNS, NEWS_OUTLET, ROLE_WORDS, TITLES

RANK_MODIFIERS = {"vice", "deputy", "assistant", "associate", "under", "co", "sub"}
PEOPLE_NOUNS = ROLE_WORDS | KINSHIP_NOUNS | {"people", "family", "friend", "friends", "staff", "team", "supporter"}
OFFICE_WORDS = TITLES | {"attorney", "judge", "official", "envoy", "diplomat", "undersecretary", "prosecutor",
                         "officer", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "congressman",
                         "congresswoman", "regulator", "commissioner", "administrator", "counterpart", "chief",
                         "head", "leader", "lawyer", "negotiator", "representative", "delegate", "agent"}
QUALIFIERS = {"former", "incoming", "acting", "outgoing", "interim", "then", "current", "late", "past",
              "ex", "retired", "new", "longtime", "newly", "elected"}
# "X's <noun> Y" where X owns Y; other nouns ("X's wife Y", "X's CEO Y") go through the relational nouns.
POSSESSIVE_NOUNS = {noun: "owns" for noun in ("company", "firm", "startup", "venture", "business", "carmaker",
                                               "automaker", "brand", "label", "chain", "newspaper", "team")}
LIGHT_VERBS = {"begin", "start", "launch", "continue", "hold", "have", "conduct", "carry", "lead", "order",
               "announce", "resume", "halt", "end", "stage", "mount", "complete", "finalize", "finalise"}
SPEECH_VERBS = {"say", "claim", "tell", "insist", "argue", "allege", "report", "state", "add", "write",
                "suggest", "believe", "assert", "maintain", "contend", "explain", "reveal", "confirm",
                "acknowledge", "admit", "mention", "testify", "tweet", "post", "announce", "note"}
DENIAL_VERBS = {"deny", "refute", "reject", "dismiss", "disavow"}
HEDGES = {"reportedly", "allegedly", "possibly", "apparently", "perhaps", "probably", "likely", "supposedly",
          "purportedly", "seemingly"}
MODALS = {"may", "might", "could"}
CONDITIONALS = {"if", "unless", "whether"}
INTENTION_VERBS = {"plan", "want", "seek", "aim", "hope", "intend", "expect", "consider", "try", "attempt",
                   "propose", "offer", "threaten", "promise", "vow", "pledge", "prepare", "wish", "hope", "look"}
NEGATIONS = {"not", "n't", "never", "no"}
COPULAS = {"be", "become", "remain"}
APPOINT_VERBS = {"name", "appoint", "elect", "nominate", "promote", "hire", "select", "choose", "install"}
SERVE_VERBS = {"serve", "work", "act", "join", "remain", "return", "continue", "start", "begin", "retire",
               "resign", "step", "stay", "take"}
WORKPLACE_PREPS = {"with", "at", "of", "for", "in"}
ROLE_SMALL_WORDS = {"of", "for", "the", "and", "in", "on", "at", "to", "a", "an"}
ROLE_SPELLING = {"undersecretary": "under secretary", "under-secretary": "under secretary",
                 "vice-president": "vice president", "co-founder": "cofounder"}
PLACE_HOP_PREPS = {"in", "within", "across", "throughout", "inside"}


@dataclass
class SentenceContext:
    """What the rules need to read one sentence."""

    doc: Doc
    entities: ArticleEntities
    references: dict[int, str]        # pronoun / description token -> entity key
    lexicon: Lexicon
    sentence: Sentence

    def entity(self, token: Token) -> tuple[str, bool] | None:
        """The entity a token names or refers to, and whether that took coreference."""
        if token.i in self.entities.by_token:
            return self.entities.by_token[token.i], False
        if token.i in self.references:
            return self.references[token.i], True
        if token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.entities.by_token:
                    return self.entities.by_token[child.i], False
        return None

    def type_of(self, key: str) -> str:
        return self.entities.entity(key).type


def _conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _negated_or_hedged(token: Token) -> tuple[bool, bool]:
    """Whether a word's own clause is negated ("did not meet") or hedged ("may have met", "if they meet",
    "plans to meet")."""
    children = list(token.children)
    negated = any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in {"advmod", "det"}) for c in children)
    hedged = any((c.lower_ in MODALS and c.dep_ == "aux") or c.lower_ in HEDGES
                 or (c.dep_ == "mark" and c.lower_ in CONDITIONALS) for c in children) \
        or (token.dep_ == "xcomp" and _lemma(token.head) in INTENTION_VERBS)
    return negated, hedged


def modality(anchor: Token, ctx: SentenceContext) -> tuple[str, str | None]:
    """Modality of the clause around a word, and the entity a reported claim is attributed to.

    Negation and hedging count in the word's own clause chain (xcomp, conj, prepositional attachments);
    a denial verb above the clause negates it; the nearest speech verb above makes it reported.
    """
    if _lemma(anchor) in DENIAL_VERBS:
        return NEGATED, None
    token, negated, hedged, same_clause = anchor, False, False, True
    while True:
        if same_clause:
            n, h = _negated_or_hedged(token)
            negated, hedged = negated or n, hedged or h
        if token.head is token or token.dep_ in {"ROOT", "nsubj", "nsubjpass", "relcl"}:
            break
        head = token.head
        if _lemma(head) in DENIAL_VERBS and token.dep_ in {"xcomp", "ccomp"}:
            return NEGATED, None
        if _lemma(head) in SPEECH_VERBS and token.dep_ == "ccomp":
            if negated:
                return NEGATED, None
            speakers = [ctx.entity(c) for c in head.children if c.dep_ == "nsubj"]
            speaker = next((s[0] for s in speakers if s), None)
            return (HEDGED if hedged else REPORTED), speaker
        if token.dep_ in {"advcl", "ccomp", "acl"}:
            same_clause = False
        token = head
    if negated:
        return NEGATED, None
    return (HEDGED if hedged else ASSERTED), None


def _subjects(verb: Token, ctx: SentenceContext, depth: int = 0) -> list[tuple[str, bool]]:
    """Entities doing the action of a verb, inherited from the governing verb for xcomp/conj/advcl."""
    found = []
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.tag_ == "WDT" or child.lower_ in {"who", "which", "that"}:
                found.append(ctx.entity(verb.head))
            else:
                found.extend(ctx.entity(t) for t in _conjuncts(child))
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and depth < 3:
        if verb.dep_ in {"xcomp", "conj"} or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG", "VBN"}):
            return _subjects(verb.head, ctx, depth + 1)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}:
            return _subjects(verb.head.head, ctx, depth + 1)  # "X worked in LA before moving to Utah"
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            found.append(ctx.entity(verb.head))
    return [s for s in found if s]


def _phrase(*tokens: Token) -> str:
    return " ".join(_lemma(t) for t in tokens)


def _prep_paths(token: Token, path: list[Token], depth: int = 2) -> Iterator[tuple[Token, list[Token]]]:
    """(object, words leading to it) for the objects of the prepositions under a token, two levels deep."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for target in _conjuncts(pobj):
                yield target, [*path, prep]
                if depth > 1:
                    yield from _prep_paths(target, [*path, prep, target], depth - 1)


def _containing_places(token: Token, ctx: SentenceContext) -> list[Token]:
    """Places named right after a place, which contain it: "Austin, Texas", "Madrid (Spain)"."""
    found, key = [], ctx.entities.by_token.get(token.i)
    while key is not None and ctx.type_of(key) == "Place":
        end = next(s.end for s, k in ctx.entities.spans if k == key and s.start <= token.i < s.end)
        after = ctx.doc[end + 1] if end + 1 < len(ctx.doc) and ctx.doc[end].text in {",", "("} else None
        key = ctx.entities.by_token.get(after.i) if after is not None else None
        if key is None or ctx.type_of(key) != "Place" or after.sent != token.sent:
            break
        found.append(after)
        token = after
    return found


def _objects(verb: Token, ctx: SentenceContext,
             with_direct_object: bool = True) -> Iterator[tuple[tuple[str, bool], str | None, str]]:
    """(object entity, predicate or None, phrase as written) for each entity argument of a verb.

    The predicate is that of the first trigger among, most specific first: the whole path ("keep in
    contact with"), the verb with the last preposition ("supply ... to"), the last noun with its
    preposition ("contact with"), and the verb with the first preposition when the rest only locates the
    object ("supply to locations within Ukraine"). A role after "as" relates its holder to the object
    ("served as CEO of Y" -> ceo_of, "worked as an instructor at Y" -> works_for).
    """
    base = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    paths = [(obj, base) for c in verb.children if c.dep_ == "dobj" and with_direct_object for obj in _conjuncts(c)]
    paths += [(owner, base) for obj, _ in list(paths) if not ctx.entity(obj) and _lemma(obj) not in PEOPLE_NOUNS
              for owner in obj.children if owner.dep_ == "poss"]  # "audit Boeing's production line"
    paths += [(t, p) for obj, _ in list(paths) for t, p in _prep_paths(obj, [*base, obj])]
    paths += list(_prep_paths(verb, base))
    for target, path in list(paths):
        paths += [(place, path) for place in _containing_places(target, ctx)]
    for target, path in paths:
        entity = ctx.entity(target)
        if not entity:
            continue
        written = " ".join(t.text for t in sorted(path, key=lambda t: t.i))
        words = [t for t in path if t.dep_ not in {"prep"} or t in path[len(base):]]
        phrases = [_phrase(*words)]
        preps = [t for t in path[len(base):] if t.dep_ == "prep"]
        nouns = [t for t in path[len(base):] if t.dep_ != "prep"]
        if preps:
            phrases.append(_phrase(*base, preps[-1]))
            if nouns and nouns[-1].i < preps[-1].i:
                phrases.append(f"{_lemma(nouns[-1])} {_lemma(preps[-1])}")
            if len(preps) > 1 and all(_lemma(p) in PLACE_HOP_PREPS for p in preps[1:]) \
                    and all(_lemma(n) in LOCATION_NOUNS for n in nouns if n.i > preps[0].i):
                phrases.append(_phrase(*base, preps[0]))
        elif path is base:
            phrases = [_phrase(*base)]
        predicate = ctx.lexicon.predicate_for(*phrases)
        if predicate is None and len(preps) == 2 and _lemma(preps[0]) == "as" and _is_role_noun(nouns[0]):
            predicate = next(filter(None, map(ctx.lexicon.relational.get, _noun_phrases(nouns[0], _lemma(preps[1])))),
                             "works_for" if _lemma(preps[1]) in {"at", "with", "for", "in"} else None)
        yield entity, predicate, written


_PARTY = re.compile(r"\b(?:Party|Democrats|Republicans|Labour|Tories|Conservatives|Greens|Liberals)\b")


def _refined(predicate: str, subject: LocalEntity, obj: LocalEntity | None) -> str | None:
    """The more specific predicate the entities call for: membership of a party, an organisation's base;
    None for talking to the press ("told Reuters"), which is how news is sourced, not a relation."""
    if predicate == "spoke_with" and obj is not None and obj.type == "Organization" and NEWS_OUTLET.search(obj.name):
        return None
    if predicate in {"works_for", "member_of"} and obj is not None and _PARTY.search(obj.name):
        return "member_of_party"  # "joined the Labour Party"
    if predicate == "based_in" and subject.type == "Organization":
        return "headquartered_in"  # an organisation is based where its headquarters are
    return predicate


def _make(ctx: SentenceContext, subject: tuple[str, bool], predicate: str, obj: tuple[str, bool] | str,
          rule: str, confidence: float, anchor: Token | None, phrase: str,
          qualifiers: tuple[str, ...] = ()) -> Fact | None:
    """A fact with the modality of its anchor's clause; no anchor means presupposed (asserted)."""
    literal = isinstance(obj, str)
    obj_key = obj if literal else obj[0]
    if not literal and obj_key == subject[0]:
        return None
    predicate = _refined(predicate, ctx.entities.entity(subject[0]), None if literal else ctx.entities.entity(obj_key))
    if predicate is None:
        return None
    if not ctx.lexicon.accepts(predicate, ctx.type_of(subject[0]), None if literal else ctx.type_of(obj_key)):
        return None
    mood, speaker = modality(anchor, ctx) if anchor is not None else (ASSERTED, None)
    used_coref = subject[1] or (not literal and obj[1])
    confidence *= 0.85 if used_coref else 1.0
    confidence *= 0.8 if mood == HEDGED else 1.0
    return Fact(subject=subject[0], predicate=predicate, object=obj_key, sentence=ctx.sentence, rule=rule,
                confidence=round(confidence, 3), object_is_literal=literal, modality=mood,
                attributed_to=speaker if speaker != subject[0] or mood == REPORTED else None,
                qualifiers=qualifiers, phrase=phrase)


def svo_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Subject-verb-object facts, with particles and prepositions in the relation phrase.

    Passives read from the agent ("Y was acquired by X" -> X acquired Y); a passive without an agent
    keeps its grammatical subject ("X was born in Y" -> X born_in Y, trigger "bear in").
    """
    for verb in sent:
        if _lemma(verb) in COPULAS:
            yield from _copular_complement_facts(verb, ctx)
            continue
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        passive = any(c.dep_ in {"nsubjpass", "auxpass", "agent"} for c in verb.children)
        agents = [a for a in (ctx.entity(t) for c in verb.children if c.dep_ == "agent"
                              for p in c.children if p.dep_ == "pobj" for t in _conjuncts(p)) if a]
        patients = [p for p in (ctx.entity(t) or (_described(verb.head, ctx) if t.tag_ == "WDT" else None)
                                for c in verb.children if c.dep_ == "nsubjpass" for t in _conjuncts(c)) if p]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "Acme, founded by ...", "a firm based in Denver"
            passive = True
            patients += filter(None, [_described(verb.head, ctx)])
        if passive and not agents:
            subjects = patients
        else:
            subjects = agents if passive else _subjects(verb, ctx)
            for patient in patients if agents else []:
                predicate = ctx.lexicon.predicate_for(_phrase(verb))
                for subject in subjects:
                    fact = predicate and _make(ctx, subject, predicate, patient, "svo", 0.75, verb, verb.text)
                    if fact:
                        yield fact
        if len(subjects) > 1 and not passive:
            yield from _reciprocal_facts(verb, subjects, ctx)
        unmatched: dict[tuple[str, bool], str] = {}
        matched: set[str] = set()
        for target, predicate, written in _objects(verb, ctx, with_direct_object=not passive):
            if not predicate:
                unmatched.setdefault(target, written)
                continue
            matched.add(target[0])
            for subject in subjects:
                fact = _make(ctx, subject, predicate, target, "svo", 0.75, verb, written)
                if fact:
                    yield fact
        for target, written in unmatched.items():
            for subject in subjects if target[0] not in matched else []:
                fact = _make(ctx, subject, OPEN_PREDICATE, target, "svo", 0.5, verb, written)
                if fact:
                    yield fact


def _described(noun: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The entity a noun names or describes: "Acme", "(Acme is) a company", "(Acme,) a company"."""
    if found := ctx.entity(noun):
        return found
    if noun.dep_ == "attr":
        return next(filter(None, (ctx.entity(c) for c in noun.head.children if c.dep_ == "nsubj")), None)
    if noun.dep_ == "appos":
        return ctx.entity(noun.head)
    return None


def _copular_complement_facts(copula: Token, ctx: SentenceContext) -> Iterator[Fact]:
    """"X is married to Y", "X was close to Y": the copula, its adjective and the preposition."""
    subjects = _subjects(copula, ctx)
    for complement in (c for c in copula.children if c.dep_ == "acomp"):
        for prep in (c for c in complement.children if c.dep_ == "prep"):
            predicate = ctx.lexicon.predicate_for(f"be {complement.lower_} {_lemma(prep)}",
                                                  f"be {_lemma(complement)} {_lemma(prep)}")
            for pobj in (c for c in prep.children if c.dep_ == "pobj") if predicate else []:
                for target in filter(None, map(ctx.entity, _conjuncts(pobj))):
                    for subject in subjects:
                        fact = _make(ctx, subject, predicate, target, "svo", 0.75, copula,
                                     f"{copula.text} {complement.text} {prep.text}")
                        if fact:
                            yield fact


def _reciprocal_facts(verb: Token, subjects: list[tuple[str, bool]], ctx: SentenceContext) -> Iterator[Fact]:
    """Coordinated subjects of a symmetric relation: "Trump and Putin met", "X and Y held talks"."""
    base = [verb, *(c for c in verb.children if c.dep_ == "prt")]
    themes = [c for c in verb.children if c.dep_ == "dobj" and not ctx.entity(c)]
    phrases = [f"{_phrase(*base)} with"] + [f"{_phrase(*base, theme)} with" for theme in themes]
    predicate = next((p for p in map(ctx.lexicon.predicate_for, phrases) if p in ctx.lexicon.symmetric), None)
    for other in subjects[1:] if predicate else []:
        fact = _make(ctx, subjects[0], predicate, other, "svo", 0.7, verb, " ".join(t.text for t in base))
        if fact:
            yield fact


DATE_PREDICATES = {"bear": "date_of_birth", "die": "date_of_death", "found": "date_founded", "charter": "date_founded",
                   "founding": "date_founded", "foundation": "date_founded", "establishment": "date_founded",
                   "creation": "date_founded", "inception": "date_founded", "birth": "date_of_birth",
                   "death": "date_of_death",
                   "establish": "date_founded", "create": "date_founded", "form": "date_founded",
                   "launch": "date_founded", "incorporate": "date_founded", "start": "date_founded",
                   "co-found": "date_founded", "cofound": "date_founded"}


def _date_of(token: Token) -> Span | None:
    """The DATE entity a token belongs to, if any."""
    return next((e for e in token.doc.ents if e.label_ == "DATE" and e.start <= token.i < e.end), None)


def date_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Dates of birth, death and founding: "born on 3 May 1950", "died in 2001", "founded in 1998"."""
    for verb in sent:
        predicate = DATE_PREDICATES.get(_lemma(verb)) or DATE_PREDICATES.get(verb.lower_.removesuffix("ed"))
        if not predicate or verb.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
            continue
        if verb.pos_ == "NOUN":  # "since its founding in 2006", "Smith's death in 1990"
            holders = [ctx.entity(c) for c in verb.children if c.dep_ == "poss"]
        elif verb.dep_ in {"acl", "amod"} or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
            holders = [_described(verb.head, ctx)] if verb.dep_ != "advcl" else _subjects(verb.head, ctx)
        elif predicate == "date_founded" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            holders = [ctx.entity(t) for c in verb.children if c.dep_ == "dobj" for t in _conjuncts(c)]
        else:
            holders = [ctx.entity(t) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                       for t in ([verb.head] if c.tag_ == "WDT" else _conjuncts(c))]
        dates = [_date_of(t) for c in verb.children if c.dep_ in {"prep", "npadvmod"}
                 for t in ([c] if c.dep_ == "npadvmod" else [p for p in c.children if p.dep_ == "pobj"])]
        for holder in filter(None, holders):
            for date in {d.start: d for d in dates if d}.values():
                text = date.text
                if match := _YEAR_RANGE.match(text):  # "born April 6, 1908-April 1988"
                    text = match[1] if predicate == "date_of_birth" else match[2]
                fact = _make(ctx, holder, predicate, text, "date", 0.8, verb, verb.text)
                if fact:
                    yield fact


def nominal_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Nominalised relations: "Russia's invasion of Ukraine", "talks with X" held by Y."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        agents = [ctx.entity(c) for c in noun.children if c.dep_ in {"poss", "compound", "amod"}]
        if noun.dep_ == "dobj" and _lemma(noun.head) in LIGHT_VERBS:
            agents.extend(_subjects(noun.head, ctx))
        agents = [a for a in agents if a]
        if not agents:
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            predicate = ctx.lexicon.nominal.get(f"{_lemma(noun)} {_lemma(prep)}")
            if not predicate:
                continue
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                for target in filter(None, map(ctx.entity, _conjuncts(pobj))):
                    for agent in dict.fromkeys(agents):
                        fact = _make(ctx, agent, predicate, target, "nominal", 0.7, noun,
                                     f"{noun.text} {prep.text}")
                        if fact:
                            yield fact


def _noun_phrases(noun: Token, prep: str) -> list[str]:
    """Lemma phrases naming a relational noun with a preposition, longest first ("chief executive of")."""
    modifiers = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and not c.ent_type_
                 and (c.pos_ in {"ADJ", "NOUN", "PROPN"} or c.tag_ in {"VBG", "VBN"})]  # "founding member"
    phrases = [" ".join([m.lower_ for m in modifiers[i:]] + [_lemma(noun), prep]) for i in range(len(modifiers))]
    if any(m.lower_ in RANK_MODIFIERS for m in modifiers):
        return phrases  # a vice president is not the president
    return phrases + [f"{_lemma(noun)} {prep}", f"{noun.lower_} {prep}"]


def _relational(holder: tuple[str, bool], noun: Token, ctx: SentenceContext, rule: str, confidence: float,
                anchor: Token | None, qualifiers: tuple[str, ...] = ()) -> Iterator[tuple[Token, Fact]]:
    """Facts from a relational noun describing `holder`: "(X,) the CEO of Y" -> X ceo_of Y.

    The other side is the object of the noun's preposition, or an entity modifying the noun, read as
    "of" ("a Boeing unit", "Tesla's CEO"). Yields (object token, fact) so callers know what was used.
    """
    nouns = _conjuncts(noun)  # "founder and CEO of X": the preposition serves every noun of the list
    arguments = [(_lemma(prep), target) for noun_ in nouns for prep in noun_.children if prep.dep_ == "prep"
                 for pobj in prep.children if pobj.dep_ == "pobj" for target in _conjuncts(pobj)]
    for noun_ in nouns:
        modifiers = [("of", c) for c in noun_.lefts if c.dep_ in {"compound", "poss"} and ctx.entity(c)
                     and ctx.type_of(ctx.entity(c)[0]) == "Organization"]
        for prep, target in arguments + modifiers:
            predicate = next(filter(None, map(ctx.lexicon.relational.get, _noun_phrases(noun_, prep))), None)
            obj = predicate and ctx.entity(target)
            fact = obj and _make(ctx, holder, predicate, obj, rule, confidence, anchor, f"{noun_.text} {prep}",
                                 qualifiers)
            if fact:
                yield target, fact


def possessive_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """'X's company Y' -> X owns Y; 'X's wife Y' -> Y spouse_of X; 'X's CEO Y' -> Y ceo_of X, role CEO."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        owners = [o for o in (ctx.entity(c) for c in noun.children if c.dep_ == "poss") if o]
        named = [n for n in (ctx.entity(c) for c in noun.children if c.dep_ == "appos") if n]
        lemma = _lemma(noun)
        for owner in owners:
            for item in named:
                if lemma in POSSESSIVE_NOUNS:
                    facts = [_make(ctx, owner, POSSESSIVE_NOUNS[lemma], item, "possessive", 0.8, noun,
                                   f"'s {noun.text}")]
                else:
                    predicate = next(filter(None, map(ctx.lexicon.relational.get, _noun_phrases(noun, "of"))), None)
                    facts = [predicate and _make(ctx, item, predicate, owner, "possessive", 0.8, noun,
                                                 f"'s {noun.text}")]
                    if _is_role_noun(noun) and ctx.type_of(item[0]) == "Person":
                        role, qualifiers, _, _ = _role_phrase(noun, ctx)
                        facts.append(_make(ctx, item, "role", role_text(role), "possessive", 0.8, None,
                                           noun.text, tuple(q.lower_ for q in qualifiers)))
                yield from filter(None, facts)


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


def _role_phrase(noun: Token, ctx: SentenceContext) -> tuple[list[Token], list[Token], list[Token], list[Token]]:
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
            if child.dep_ != "prep":
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            target = ctx.entity(objects[0]) if objects else None
            if target and ctx.type_of(target[0]) == "Organization" and _lemma(child) in WORKPLACE_PREPS:
                orgs.append(objects[0])
            elif objects and not target and objects[0].pos_ == "NOUN" and _lemma(child) in {"of", "for"}:
                role.append(child)
                role.append(objects[0])
                visit(objects[0])
    visit(noun)
    role.append(noun)
    return role, qualifiers, orgs, places


def _premodifiers(span: Span, ctx: SentenceContext) -> list[Token]:
    """The words right before a name that modify it ("former US Attorney" before "Jane Roe"), in order."""
    words = []
    for token in reversed(ctx.doc[max(span.sent.start, span.start - 8):span.start]):
        if token.is_punct and token.text != "-" or token.dep_ in {"det", "poss", "case", "cc", "prep"} \
                or not (token.head == span.root or token.head.i in {w.i for w in words}):
            break
        words.insert(0, token)
    return words


def _role_facts(holder: tuple[str, bool], noun: Token, ctx: SentenceContext, rule: str, confidence: float,
                anchor: Token | None, places: tuple[Token, ...] = (),
                modifiers: tuple[Token, ...] = ()) -> Iterator[Fact]:
    """Role literal, relational facts and employer of a person (or relational facts of any entity).

    A country named before the role ("Russian President") gives the relational fact when the noun has one
    ("president of" -> president_of Russia); before an occupation ("American actor") it gives citizen_of.
    `modifiers` are words before the role noun that belong to the role ("executive vice-" chairman).
    """
    role, qualifiers, orgs, named_places = _role_phrase(noun, ctx)
    qualifiers += [m for m in modifiers if m.lower_ in QUALIFIERS and m not in qualifiers]
    role += [m for m in modifiers if m.lower_ not in QUALIFIERS]
    quals = tuple(q.lower_ for q in qualifiers)
    related = list(_relational(holder, noun, ctx, rule, confidence, anchor, quals))
    yield from (fact for _, fact in related)
    if ctx.type_of(holder[0]) != "Person" or not _is_role_noun(noun):
        return
    fact = _make(ctx, holder, "role", role_text(role), rule, confidence, anchor, noun.text, quals)
    if fact:
        yield fact
    used = {target.i for target, _ in related}
    for org in orgs:
        fact = org.i not in used and _make(ctx, holder, "works_for", ctx.entity(org), rule, confidence - 0.05,
                                           anchor, noun.text, quals)
        if fact:
            yield fact
    for place in [*named_places, *places]:
        target = ctx.entity(place)
        demonym = place.lower_ in DEMONYMS  # "a British diplomat" is British; "a US judge" judges in the US
        predicate = next((p for p in map(ctx.lexicon.relational.get, _noun_phrases(noun, "of"))
                          if p and ctx.lexicon.accepts(p, "Person", "Place")),
                         "citizen_of" if demonym or _lemma(noun) not in OFFICE_WORDS else None)
        fact = target and predicate and _make(ctx, holder, predicate, target, rule, confidence - 0.1, anchor,
                                f"{place.text} {noun.text}", quals)
        if fact:
            yield fact


def _is_role_noun(token: Token) -> bool:
    """A singular noun naming a role or occupation ("reporter", "chief executive"), not a kinship term."""
    return token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNS", "NNPS"} \
        and (_lemma(token) in ROLE_WORDS or token.lower_ in ROLE_WORDS or token.lower_.endswith(("er", "or", "ist", "sman", "swoman")))\
        and _lemma(token) not in KINSHIP_NOUNS


def role_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Roles and relational nouns from appositions, titles before a name, and copular or naming clauses."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end:
            continue
        holder = (key, False)
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i not in ctx.entities.by_token:
                yield from _role_facts(holder, child, ctx, "appos_role", 0.85, None)
        premodifiers = _premodifiers(span, ctx)
        heads = [t for t in premodifiers if _is_role_noun(t) and t.dep_ in {"compound", "nmod"}]
        if heads and ctx.type_of(key) == "Person":  # "Russian President Vladimir Putin", "executive vice-chairman X"
            head = heads[-1]
            places = tuple(t for t in premodifiers if t.i < head.i and t.i in ctx.entities.by_token
                           and ctx.type_of(ctx.entities.by_token[t.i]) == "Place")
            words = tuple(t for t in premodifiers if t.i < head.i and t.i not in ctx.entities.by_token)
            yield from _role_facts(holder, head, ctx, "premod_role", 0.8, None, places, words)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i not in ctx.entities.by_token \
                and root.head.i not in ctx.references and not any(c.dep_ == "poss" for c in root.head.children):
            yield from _role_facts(holder, root.head, ctx, "appos_role", 0.8, None)
    for i, key in ctx.entities.titles.items():
        if sent.start <= i < sent.end and ctx.doc[i].lower_.rstrip(".") not in {"mr", "mrs", "ms", "miss"}:
            yield from filter(None, [_make(ctx, (key, False), "role", role_text([ctx.doc[i]]), "premod_role",
                                           0.8, None, ctx.doc[i].text)])
    for verb in sent:
        lemma = _lemma(verb)
        if lemma not in APPOINT_VERBS and lemma not in COPULAS and lemma not in SERVE_VERBS:
            continue
        as_phrases = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      for p in c.children if p.dep_ == "pobj" and (p.pos_ == "NOUN" or _is_role_noun(p))]
        if lemma in APPOINT_VERBS:  # "X was named CEO", "the board named X (as) CEO"
            holder_deps = {"nsubjpass"} if any(c.dep_ == "nsubjpass" for c in verb.children) else {"dobj"}
        elif lemma in COPULAS or (lemma in SERVE_VERBS and as_phrases):  # "X is CEO", "X served as CEO"
            holder_deps = {"nsubj", "nsubjpass"}
        else:
            continue
        holders = [ctx.entity(t) for c in verb.children if c.dep_ in holder_deps for t in _conjuncts(c)]
        complements = as_phrases + [c for c in verb.children if c.dep_ in {"attr", "oprd", "xcomp"}
                                    and (c.pos_ == "NOUN" or _is_role_noun(c)) and c.i not in ctx.entities.by_token]
        for holder in filter(None, holders):
            for complement in complements:
                for noun in _conjuncts(complement):
                    yield from _role_facts(holder, noun, ctx, "copula_role", 0.75, verb)


_YEAR_RANGE = re.compile(r"^(.+?\d{3,4})\s*[–—-]\s*(.+\d{3,4})$")


BIRTH_WORDS = {"born", "b.", "née"}
DEATH_WORDS = {"died", "d.", "deceased", "death"}


def _life_dates(inside: Span) -> list[tuple[str, str]]:
    """(predicate, date text) for the dates in a "(born 3 May 1950, died ...)" or "(1920–1990)" parenthesis:
    a date after "born" or "died" is that; unmarked dates are birth then death."""
    marked, unmarked, mode = [], [], None
    dates = {e.start: e for e in inside.doc.ents if e.label_ == "DATE" and inside.start <= e.start < inside.end}
    for token in inside:
        mode = "date_of_birth" if token.lower_ in BIRTH_WORDS else \
            "date_of_death" if token.lower_ in DEATH_WORDS else mode
        if token.i in dates and mode and (match := _YEAR_RANGE.match(dates[token.i].text)):
            marked += [("date_of_birth", match[1]), ("date_of_death", match[2])]  # "born 1908-1988"
        elif token.i in dates:
            (marked if mode else unmarked).append((mode, dates[token.i].text))
    if marked:
        return list({predicate: (predicate, text) for predicate, text in reversed(marked)}.values())
    texts = [text for _, text in unmarked[:2]]
    if len(texts) == 1 and (match := _YEAR_RANGE.match(texts[0])):
        texts = [match[1], match[2]]
    return list(zip(("date_of_birth", "date_of_death"), texts))


def parenthetical_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Life dates and places in parentheses after a name: "Jane Roe (born 3 May 1950 in Lyon)", "(1920–1990)"."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Person" \
                or span.end >= sent.end or ctx.doc[span.end].text != "(":
            continue
        close = next((t.i for t in ctx.doc[span.end:min(sent.end, span.end + 30)] if t.text == ")"), None)
        if close is None:
            continue
        inside = ctx.doc[span.end + 1:close]
        facts: list[tuple[str, str | Token]] = list(_life_dates(inside))
        mode = None
        for token in inside:  # "born in Lyon", "born Lyon 7 June 1914", "died ... in Richmond"
            mode = "born_in" if token.lower_ in BIRTH_WORDS else "died_in" if token.lower_ in DEATH_WORDS else mode
            key_here = ctx.entities.by_token.get(token.i)
            if mode and key_here and ctx.type_of(key_here) == "Place" and (token.i == 0 or
                                                                          ctx.doc[token.i - 1].ent_type_ != token.ent_type_):
                facts.append((mode, token))
        for predicate, value in facts:
            obj = (ctx.entities.by_token[value.i], False) if isinstance(value, Token) else value
            fact = _make(ctx, (key, False), predicate, obj, "parenthetical", 0.85, None, inside.text)
            if fact:
                yield fact


RULES = (svo_facts, nominal_facts, possessive_facts, role_facts, date_facts, parenthetical_facts)


def extract_facts(doc: Doc, entities: ArticleEntities, references: dict[int, str], lexicon: Lexicon,
                  sentences: list[Sentence]) -> list[Fact]:
    """Run every rule over every sentence of a parsed article; duplicates are dropped."""
    facts: dict[tuple, Fact] = {}
    for sent, sentence in zip(doc.sents, sentences):
        ctx = SentenceContext(doc, entities, references, lexicon, sentence)
        for rule in RULES:
            for fact in rule(sent, ctx):
                facts.setdefault((fact.subject, fact.predicate, fact.object, fact.sentence.begin, fact.modality),
                                 fact)
    return list(facts.values())
