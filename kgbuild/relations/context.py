"""What every relation rule shares: the sentence context, clause modality, arguments of verbs, fact making."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..entities import ArticleEntities
from ..lexicon import Lexicon
from ..model import ASSERTED, HEDGED, NEGATED, REPORTED, Fact, LocalEntity, Sentence
from ..words import GATHERING_WORDS, KINSHIP_NOUNS, NEWS_OUTLET, PARTY_MEMBERS, ROLE_WORDS, TITLES

# Participles that give a name to the noun they follow: "a company called Acme", "the firm now known as Acme".
NAMING_VERBS = {"call", "name", "know", "rename", "dub"}

RANK_MODIFIERS = {"vice", "deputy", "assistant", "associate", "under", "co", "sub"}
PEOPLE_NOUNS = ROLE_WORDS | KINSHIP_NOUNS | {"people", "family", "friend", "friends", "staff", "team", "supporter"}
OFFICE_WORDS = TITLES | {"attorney", "judge", "official", "envoy", "diplomat", "undersecretary", "prosecutor",
                         "officer", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "congressman",
                         "congresswoman", "regulator", "commissioner", "administrator", "counterpart", "chief",
                         "head", "leader", "lawyer", "negotiator", "representative", "delegate", "agent"}
QUALIFIERS = {"former", "incoming", "acting", "outgoing", "interim", "then", "current", "late", "past",
              "ex", "retired", "new", "longtime", "newly", "elected"}
LIGHT_VERBS = {"begin", "start", "launch", "continue", "hold", "have", "conduct", "carry", "lead", "order",
               "make", "pay", "give", "express", "voice", "reach", "sign", "strike", "seal", "file", "bring",
               "take", "deliver", "win", "keep", "maintain", "establish", "open", "enter", "form", "announce",
               "announce", "resume", "halt", "end", "stage", "mount", "complete", "finalize", "finalise",
               "receive", "earn", "obtain", "get", "gain", "pursue", "undertake", "do", "finish", "land",
               "secure", "accept", "assume"}
SPEECH_VERBS = {"say", "claim", "tell", "insist", "argue", "allege", "report", "state", "add", "write",
                "suggest", "believe", "assert", "maintain", "contend", "explain", "reveal", "confirm",
                "acknowledge", "admit", "mention", "testify", "tweet", "post", "announce", "note"}
# "A asked B to visit C": a request, not a visit (hedged), and B's, not A's.
REQUEST_VERBS = {"ask", "urge", "tell", "invite", "order", "persuade", "encourage", "press", "request", "beg",
                 "advise", "instruct", "call", "challenge", "pressure", "push", "allow", "permit", "want"}
NEGATIVE_IMPLICATIVES = {"refuse", "decline", "fail", "neglect", "forget"}  # "refused to X": X did not happen
DENIAL_VERBS = {"deny", "refute", "reject", "dismiss", "disavow"}
HEDGES = {"reportedly", "allegedly", "possibly", "apparently", "perhaps", "probably", "likely", "supposedly",
          "purportedly", "seemingly"}
MODALS = {"may", "might", "could"}
CONDITIONALS = {"if", "unless", "whether"}
INTENTION_VERBS = {"plan", "want", "seek", "aim", "hope", "intend", "expect", "consider", "try", "attempt",
                   "propose", "offer", "threaten", "promise", "vow", "pledge", "prepare", "wish", "hope", "look"}
NEGATIONS = {"not", "n't", "never", "no"}
COPULAS = {"be", "become", "remain"}
SERVE_VERBS = {"serve", "work", "act", "join", "remain", "return", "continue", "start", "begin", "retire",
               "resign", "step", "stay", "take"}
WORKPLACE_PREPS = {"with", "at", "of", "for", "in"}
PLACE_HOP_PREPS = {"in", "within", "across", "throughout", "inside"}


@dataclass
class SentenceContext:
    """What the rules need to read one sentence."""

    doc: Doc
    entities: ArticleEntities
    references: dict[int, str]        # pronoun / description token -> entity key
    lexicon: Lexicon
    sentence: Sentence

    def span_at(self, i: int) -> Span | None:
        """The name mention that covers token i, if any."""
        key = self.entities.by_token.get(i)
        return next((s for s, k in self.entities.spans if k == key and s.start <= i < s.end), None) \
            if key is not None else None

    def entity(self, token: Token) -> tuple[str, bool] | None:
        """The entity a token names or refers to, and whether that took coreference."""
        if token.i in self.entities.by_token:
            if token.lower_ in PARTY_MEMBERS and token.dep_ == "appos" and token.head.i in self.entities.by_token \
                    and self.type_of(self.entities.by_token[token.head.i]) == "Person":
                return self.entities.by_token[token.head.i], False  # "Jane Roe, a Democrat who ..." is Jane Roe
            return self.entities.by_token[token.i], False
        if token.i in self.references:
            return self.references[token.i], True
        if token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ == "appos" and child.i in self.entities.by_token:
                    return self.entities.by_token[child.i], False
                if child.dep_ == "acl" and child.lemma_.lower() in NAMING_VERBS:  # "a firm (now) known as Acme"
                    names = [n for c in child.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as")
                             for n in ([c] if c.dep_ == "oprd" else [g for g in c.children if g.dep_ == "pobj"])]
                    found = next((self.entities.by_token[n.i] for n in names if n.i in self.entities.by_token), None)
                    if found:
                        return found, False
        return None

    def type_of(self, key: str) -> str:
        return self.entities.entity(key).type


def conjuncts(token: Token) -> list[Token]:
    return [token, *token.conjuncts]


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def _negated_or_hedged(token: Token) -> tuple[bool, bool]:
    """Whether a word's own clause is negated ("did not meet") or hedged ("may have met", "if they meet",
    "plans to meet")."""
    children = list(token.children)
    negated = any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in {"advmod", "det"}) for c in children)
    hedged = any((c.lower_ in MODALS and c.dep_ == "aux") or c.lower_ in HEDGES
                 or (c.dep_ == "mark" and c.lower_ in CONDITIONALS) for c in children) \
        or (token.dep_ == "xcomp" and lemma_of(token.head) in INTENTION_VERBS | REQUEST_VERBS)
    return negated, hedged


def modality(anchor: Token, ctx: SentenceContext, denied: bool = False) -> tuple[str, str | None]:
    """Modality of the clause around a word, and the entity a reported claim is attributed to.

    Negation and hedging count in the word's own clause chain (xcomp, conj, prepositional attachments);
    a denial verb above the clause negates it, and so does the anchor itself when it denies what its
    noun names (`denied`: "denied a meeting with X"); the nearest speech verb above, or "according to X",
    makes it reported, attributed to the speaker (its subject, or the agent of a passive "was told by X").
    """
    if denied and lemma_of(anchor) in DENIAL_VERBS:
        return NEGATED, None
    token, negated, hedged, same_clause = anchor, False, False, True
    while True:
        if same_clause:
            n, h = _negated_or_hedged(token)
            negated, hedged = negated or n, hedged or h
        if token.head is token or token.dep_ in {"ROOT", "nsubj", "nsubjpass", "relcl"}:
            break
        head = token.head
        if lemma_of(head) in DENIAL_VERBS and token.dep_ in {"xcomp", "ccomp"} \
                or lemma_of(head) in NEGATIVE_IMPLICATIVES and token.dep_ == "xcomp":
            return NEGATED, None  # "denied meeting X", "refused to meet X"
        if lemma_of(head) in SPEECH_VERBS and token.dep_ == "ccomp":
            if negated:
                return NEGATED, None
            return (HEDGED if hedged else REPORTED), _speaker(head, ctx)
        if token.dep_ in {"advcl", "ccomp", "acl"}:
            same_clause = False
        token = head
    if negated:
        return NEGATED, None
    source = _according_to(anchor, ctx)
    if source is not None:
        return (HEDGED if hedged else REPORTED), source
    return (HEDGED if hedged else ASSERTED), None


def _speaker(verb: Token, ctx: SentenceContext) -> str | None:
    """Who speaks with a speech verb: its subject, or the agent of a passive ("was told by X")."""
    speakers = [ctx.entity(c) for c in verb.children if c.dep_ == "nsubj"]
    speakers += [ctx.entity(p) for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return next((s[0] for s in speakers if s), None)


def _according_to(anchor: Token, ctx: SentenceContext) -> str | None:
    """The source named by "according to X" in the anchor's clause (on its verb or the verbs above)."""
    token = anchor
    while True:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "according"):
            for pobj in (p for to in prep.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"):
                if source := ctx.entity(pobj):
                    return source[0]
        if token.dep_ in {"ROOT", "nsubj", "nsubjpass", "relcl", "ccomp"} or token.head.i == token.i:
            return None
        token = token.head


def subjects_of(verb: Token, ctx: SentenceContext, depth: int = 0) -> list[tuple[str, bool]]:
    """Entities doing the action of a verb, inherited from the governing verb for xcomp/conj/advcl."""
    found = []
    for child in verb.children:  # a passive's subject passes to its clause: "X is set/expected to become"
        if child.dep_ == "nsubj" or (depth > 0 and child.dep_ == "nsubjpass"):
            if child.tag_ == "WDT" or child.lower_ in {"who", "which", "that"}:
                # "X, a senator and writer who ...", "X, an author of novels who ..." (through coreference)
                found.append(described(first_conjunct(verb.head), ctx) or ctx.entity(child))
            elif preposed_description(child, verb, ctx):
                found.append(name_before(verb, ctx))
            else:
                found.extend(ctx.entity(t) for t in conjuncts(child))
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) and depth < 3:
        if verb.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in verb.head.children):
            # object control: in "A asked B to visit C" it is B who would visit
            return [e for c in verb.head.children if c.dep_ in {"dobj", "dative"} for t in conjuncts(c)
                    if (e := ctx.entity(t))]
        opening = verb.dep_ in {"prep", "csubj"} and verb.tag_ == "VBN" and verb.i < verb.head.i  # "Based in X, Y is"
        if verb.dep_ in {"xcomp", "conj"} or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG", "VBN"}) or opening:
            return subjects_of(verb.head, ctx, depth + 1)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in {"VERB", "AUX"}:
            return subjects_of(verb.head.head, ctx, depth + 1)  # "X worked in LA before moving to Utah"
        if verb.dep_ == "acl" and verb.tag_ in {"VBG", "VBD"}:  # VBD: a main verb the model hung on its subject
            found.append(described(first_conjunct(verb.head), ctx))  # "X is a politician representing Y"
    return [s for s in found if s]


def name_before(verb: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The person or organisation named right before a verb (auxiliaries and adverbs between): "..., Parag
    [has] joined", "A subsidiary of Acme, Brightwave makes ..."."""
    i = verb.i - 1
    while i > 0 and ctx.doc[i].dep_ in {"aux", "auxpass", "advmod", "neg"}:
        i -= 1
    key = ctx.entities.by_token.get(i)
    return (key, False) if key is not None and ctx.type_of(key) in {"Person", "Organization"} else None


def preposed_description(subject: Token, verb: Token, ctx: SentenceContext) -> bool:
    """Whether a sentence opens with a description of the person named just before its verb, which the
    small model takes for the subject: "[A graduate of IIT], Parag joined Twitter"."""
    name = name_before(verb, ctx)
    if name is None or subject.pos_ != "NOUN" or ctx.entity(subject) or subject.i > verb.i:
        return False
    start = verb.i - 1
    while start > 0 and ctx.entities.by_token.get(start - 1) == name[0]:
        start -= 1
    return subject.i < start and ctx.doc[start - 1].text == ","


def first_conjunct(token: Token) -> Token:
    """The first of a list of coordinated words: "senator and writer" -> senator."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def phrase(*tokens: Token) -> str:
    return " ".join(lemma_of(t) for t in tokens)


def prep_paths(token: Token, path: list[Token], depth: int = 2) -> Iterator[tuple[Token, list[Token]]]:
    """(object, words leading to it) for the objects of the prepositions under a token, two levels deep."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for target in conjuncts(pobj):
                yield target, [*path, prep]
                if depth > 1:
                    yield from prep_paths(target, [*path, prep, target], depth - 1)


def containing_places(token: Token, ctx: SentenceContext) -> list[Token]:
    """Places named right after a place, which contain it: "Austin, Texas", "Madrid (Spain)"."""
    found, key = [], ctx.entities.by_token.get(token.i)
    while key is not None and ctx.type_of(key) == "Place":
        end = ctx.span_at(token.i).end
        after = ctx.doc[end + 1] if end + 1 < len(ctx.doc) and ctx.doc[end].text in {",", "("} else None
        key = ctx.entities.by_token.get(after.i) if after is not None else None
        if key is None or ctx.type_of(key) != "Place" or after.sent != token.sent:
            break
        found.append(after)
        token = after
    return found


def described(noun: Token, ctx: SentenceContext, depth: int = 0) -> tuple[str, bool] | None:
    """The entity a noun names or describes: "Acme", "(Acme is) a company", "(Acme,) a company", and through
    further descriptions of that noun: "(Acme is) an airline, the largest carrier", "a bank and insurer"."""
    if found := ctx.entity(noun):
        return found
    if noun.dep_ == "attr":
        return next(filter(None, (ctx.entity(c) for c in noun.head.children if c.dep_ == "nsubj")), None)
    if noun.dep_ in {"appos", "conj"} and noun.head.pos_ in {"NOUN", "PROPN"} and depth < 3 \
            and (noun.dep_ == "appos" or not ctx.entity(noun.head)):
        return described(noun.head, ctx, depth + 1)
    return _named_next(noun, ctx)


def _named_next(noun: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The name a common noun introduces right before it: "the company Acme Corp", "the striker Kane"."""
    if noun.tag_ not in {"NN", "NNS"} or noun.i + 1 >= len(noun.doc):
        return None
    span = ctx.span_at(noun.i + 1)
    if span is None or span.start != noun.i + 1:
        return None
    if span.root == noun.head or noun.head == span.root.head or noun.head in span:
        return ctx.entities.by_token[span.start], False
    return None


# A league or competition: those who play in it are not its members or staff ("Premier League striker X").
_COMPETITION = re.compile(r"\b(?:League|Liga|Ligue|Bundesliga|Premiership|Serie [AB]|Cup|Championships?|Olympics|"
                          r"Olympic Games|Paralympics|Games|Grand Prix|Grand Slam|Tour|World Series|Tournament|"
                          r"Trophy|Playoffs?)\b|\bOpen$")
# Offices of a league or competition itself, which are posts in it ("NFL commissioner X").
COMPETITION_OFFICES = OFFICE_WORDS | {"commissioner", "president", "chief", "executive", "director", "founder",
                                      "spokesman", "spokeswoman", "spokesperson", "chairman", "chair", "ceo"}
_SCHOOL = re.compile(r"\b(?:Universit(?:y|é|à|ä|at|ad|ade)|College|School|Academy|Conservatory|Conservatoire|"
                     r"Polytechnic|Seminary|Gymnasium|Lyceum|Institute of Technology)\b")
_PARTY = re.compile(r"\b(?:Party|Democrats|Republicans|Labour|Tories|Conservatives|Greens|Liberals)\b")


def refined_predicate(predicate: str, subject: LocalEntity, obj: LocalEntity | None) -> str | None:
    """The more specific predicate the entities call for: membership of a party, an organisation's base;
    None for talking to the press ("told Reuters"), which is how news is sourced, not a relation."""
    if predicate == "spoke_with" and obj is not None and obj.type == "Organization" and NEWS_OUTLET.search(obj.name):
        return None
    if predicate in {"works_for", "member_of"} and obj is not None and _PARTY.search(obj.name):
        return "member_of_party"  # "joined the Labour Party"
    if predicate == "participated_in" and obj is not None and _SCHOOL.search(obj.name):
        return "educated_at"  # "attended/entered Columbia University"
    if predicate in {"based_in", "located_in"} and subject.type == "Organization" \
            and subject.name.split()[-1].lower() not in GATHERING_WORDS:
        return "headquartered_in"  # an organisation is based (located) where its headquarters are; a summit
        # the model took for one is only held there
    return predicate


# Holding office in, founding or leaving a party tells that one is (or was) its member.
PARTY_MEMBERSHIP_PREDICATES = {"leader_of", "chairs", "president_of", "founded", "resigned_from", "represented"}


def party_membership(fact: Fact, ctx: SentenceContext) -> Fact | None:
    """The membership a fact about a party entails: "X chairs the Labour Party" -> X member_of_party it;
    "X left the Labour Party" -> a former member."""
    if fact.predicate not in PARTY_MEMBERSHIP_PREDICATES or fact.object_is_literal \
            or ctx.type_of(fact.subject) != "Person" or not _PARTY.search(ctx.entities.entity(fact.object).name):
        return None
    qualifiers = ("former",) if fact.predicate == "resigned_from" else fact.qualifiers
    return replace(fact, predicate="member_of_party", rule="entailed", qualifiers=qualifiers)


def make_fact(ctx: SentenceContext, subject: tuple[str, bool], predicate: str, obj: tuple[str, bool] | str,
          rule: str, confidence: float, anchor: Token | None, phrase: str,
          qualifiers: tuple[str, ...] = ()) -> Fact | None:
    """A fact with the modality of its anchor's clause; no anchor means presupposed (asserted)."""
    literal = isinstance(obj, str)
    obj_key = obj if literal else obj[0]
    if not literal and obj_key == subject[0]:
        return None
    obj_entity = None if literal else ctx.entities.entity(obj_key)
    if predicate in {"works_for", "member_of"} and obj_entity is not None and _COMPETITION.search(obj_entity.name) \
            and rule in {"premod_role", "title", "appos_role", "copula_role", "possessive"} \
            and not COMPETITION_OFFICES & set(phrase.lower().split()):
        return None  # a player's title before a league names where they play, not an employer
    if predicate == "advocated_for" and obj_entity is not None and _COMPETITION.search(obj_entity.name):
        return None  # the "champion of" a competition won it, they do not campaign for it
    predicate = refined_predicate(predicate, ctx.entities.entity(subject[0]), obj_entity)
    if predicate is None:
        return None
    if not ctx.lexicon.accepts(predicate, ctx.type_of(subject[0]), None if literal else ctx.type_of(obj_key)):
        return None
    denied = anchor is not None and ctx.lexicon.predicate_for(lemma_of(anchor)) != predicate  # not "dismissed X"
    mood, speaker = modality(anchor, ctx, denied) if anchor is not None else (ASSERTED, None)
    used_coref = subject[1] or (not literal and obj[1])
    confidence *= 0.85 if used_coref else 1.0
    confidence *= 0.8 if mood == HEDGED else 1.0
    return Fact(subject=subject[0], predicate=predicate, object=obj_key, sentence=ctx.sentence, rule=rule,
                confidence=round(confidence, 3), object_is_literal=literal, modality=mood,
                attributed_to=speaker if speaker != subject[0] or mood == REPORTED else None,
                qualifiers=qualifiers, phrase=phrase)
