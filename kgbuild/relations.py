"""Relation stage: dependency-structure rules that turn parsed sentences into facts.

Each rule has an id (kept on every fact it makes):
  svo         subject - verb (+ particle / prepositions) - object, passives included
  nominal     nominalisations: "Russia's invasion of Ukraine", "his talks with the Kremlin"
  possessive  "Musk's company SpaceX", "Biden's wife Jill Biden"
  appos_role  "Colin Kahl, the former under secretary of defense, ..."
  premod_role "Russian President Vladimir Putin", "reporter Ronan Farrow", "Tesla CEO Elon Musk"
  copula_role "X is the chief executive of Y", "X became chairman", "X was named coach"
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .coref import PERSON_NOUNS
from .entities import TITLES, ArticleEntities
from .lexicon import Lexicon
from .model import ASSERTED, HEDGED, NEGATED, REPORTED, Fact, Sentence

QUALIFIERS = {"former", "incoming", "acting", "outgoing", "interim", "then", "current", "late", "deputy-designate",
              "ex", "retired", "new", "longtime", "newly", "elected"}
ROLE_WORDS = TITLES | PERSON_NOUNS | set("""
officer analyst economist spokesperson adviser advisor aide deputy head boss cofounder co-founder striker
quarterback guard forward defender goalkeeper pitcher rapper musician artist producer editor columnist
correspondent anchor host commentator photographer sergeant soldier activist campaigner strategist
consultant researcher physician doctor nurse surgeon teacher priest bishop cardinal rabbi imam prosecutor
detective inspector commissioner superintendent treasurer undersecretary under-secretary official
""".split())
POSSESSIVE_NOUNS = {  # "X's <noun> Y": predicate, and whether the fact reads Y -> X instead of X -> Y
    "company": ("owns", False), "firm": ("owns", False), "startup": ("owns", False),
    "venture": ("owns", False), "business": ("owns", False), "carmaker": ("owns", False),
    "subsidiary": ("subsidiary_of", True), "unit": ("subsidiary_of", True),
    "wife": ("spouse_of", False), "husband": ("spouse_of", False), "spouse": ("spouse_of", False),
    "son": ("parent_of", False), "daughter": ("parent_of", False), "child": ("parent_of", False),
    "father": ("child_of", False), "mother": ("child_of", False),
    "brother": ("sibling_of", False), "sister": ("sibling_of", False),
}
LIGHT_VERBS = {"begin", "start", "launch", "continue", "hold", "have", "conduct", "carry", "lead", "order",
               "announce", "resume", "halt", "end", "stage", "mount", "complete", "finalize", "finalise"}
SPEECH_VERBS = {"say", "claim", "tell", "insist", "argue", "allege", "report", "state", "add", "write",
                "suggest", "believe", "assert", "maintain", "contend", "explain", "reveal", "confirm",
                "acknowledge", "admit", "mention", "testify", "tweet", "post", "announce", "note"}
DENIAL_VERBS = {"deny", "refute", "reject", "dismiss", "disavow"}
HEDGES = {"reportedly", "allegedly", "possibly", "apparently", "perhaps", "probably", "likely", "supposedly",
          "purportedly", "seemingly"}
MODALS = {"may", "might", "could"}
NEGATIONS = {"not", "n't", "never", "no"}
COPULAS = {"be", "become", "remain"}
APPOINT_VERBS = {"name", "appoint", "elect", "nominate", "promote", "hire", "select", "choose"}
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


def modality(verb: Token, ctx: SentenceContext) -> tuple[str, str | None]:
    """Modality of the clause headed by a verb (or noun), and the entity it is attributed to."""
    token, hedged = verb, False
    while True:
        children = list(token.children)
        if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in {"advmod", "det"} for c in children):
            return NEGATED, None
        if any(c.lower_ in MODALS and c.dep_ == "aux" or c.lower_ in HEDGES for c in children):
            hedged = True
        if token.dep_ not in {"xcomp", "ccomp", "conj", "advcl", "pcomp", "pobj", "dobj", "acl", "prep"} \
                or token.head is token:
            break
        head = token.head
        if _lemma(head) in DENIAL_VERBS and token.dep_ in {"xcomp", "ccomp", "dobj"}:
            return NEGATED, None
        if _lemma(head) in SPEECH_VERBS and token.dep_ == "ccomp":
            speakers = [ctx.entity(c) for c in head.children if c.dep_ == "nsubj"]
            speaker = next((s[0] for s in speakers if s), None)
            return (HEDGED if hedged else REPORTED), speaker
        token = head
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
        if verb.dep_ in {"xcomp", "conj"} or (verb.dep_ == "advcl" and verb.tag_ in {"VB", "VBG"}):
            return _subjects(verb.head, ctx, depth + 1)
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            found.append(ctx.entity(verb.head))
    return [s for s in found if s]


def _phrase(*tokens: Token) -> str:
    return " ".join(_lemma(t) for t in tokens)


def _objects(verb: Token, ctx: SentenceContext) -> Iterator[tuple[Token, list[str], str]]:
    """(object token, candidate trigger phrases, phrase as written) for each argument of a verb."""
    particles = [c for c in verb.children if c.dep_ == "prt"]
    base = [verb, *particles]
    written = " ".join(t.text for t in base)
    for child in verb.children:
        if child.dep_ == "dobj":
            for obj in _conjuncts(child):
                if ctx.entity(obj):
                    yield obj, [_phrase(*base)], written
                    continue
                for prep in (c for c in obj.children if c.dep_ == "prep"):
                    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                        for target in _conjuncts(pobj):
                            yield target, [_phrase(*base, obj, prep), f"{_lemma(obj)} {_lemma(prep)}"], \
                                f"{written} {obj.text} {prep.text}"
        if child.dep_ == "prep":
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for target in _conjuncts(pobj):
                    if ctx.entity(target):
                        yield target, [_phrase(*base, child)], f"{written} {child.text}"
                        continue
                    for prep2 in (c for c in target.children if c.dep_ == "prep"):
                        for pobj2 in (c for c in prep2.children if c.dep_ == "pobj"):
                            phrases = [_phrase(*base, child, target, prep2), f"{_lemma(target)} {_lemma(prep2)}"]
                            if _lemma(prep2) in PLACE_HOP_PREPS:
                                phrases.append(_phrase(*base, child))
                            yield pobj2, phrases, f"{written} {child.text} {target.text} {prep2.text}"


def _make(ctx: SentenceContext, subject: tuple[str, bool], predicate: str, obj: tuple[str, bool] | str,
          rule: str, confidence: float, anchor: Token, phrase: str,
          qualifiers: tuple[str, ...] = ()) -> Fact | None:
    mood, speaker = modality(anchor, ctx)
    literal = isinstance(obj, str)
    obj_key = obj if literal else obj[0]
    if not literal and obj_key == subject[0]:
        return None
    used_coref = subject[1] or (not literal and obj[1])
    confidence *= 0.85 if used_coref else 1.0
    confidence *= 0.8 if mood == HEDGED else 1.0
    return Fact(subject=subject[0], predicate=predicate, object=obj_key, sentence=ctx.sentence, rule=rule,
                confidence=round(confidence, 3), object_is_literal=literal, modality=mood,
                attributed_to=speaker if speaker != subject[0] or mood == REPORTED else None,
                qualifiers=qualifiers, phrase=phrase)


def svo_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Subject-verb-object facts, with particles and prepositions in the relation phrase."""
    for verb in sent:
        if verb.pos_ not in {"VERB", "AUX"} or _lemma(verb) in COPULAS:
            continue
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)
        agents = [ctx.entity(t) for c in verb.children if c.dep_ == "agent"
                  for p in c.children if p.dep_ == "pobj" for t in _conjuncts(p)]
        subjects = [a for a in agents if a] if passive else _subjects(verb, ctx)
        if not subjects:
            continue
        if passive:
            for c in verb.children:
                if c.dep_ == "nsubjpass" and ctx.entity(c):
                    predicate = ctx.lexicon.predicate_for(_phrase(verb))
                    for subject in subjects:
                        fact = predicate and _make(ctx, subject, predicate, ctx.entity(c), "svo", 0.75, verb,
                                                   verb.text)
                        if fact:
                            yield fact
        for obj, phrases, written in _objects(verb, ctx):
            target = ctx.entity(obj)
            predicate = ctx.lexicon.predicate_for(*phrases)
            if not target or not predicate:
                continue
            for subject in subjects:
                fact = _make(ctx, subject, predicate, target, "svo", 0.75, verb, written)
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


def possessive_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """'X's company Y' -> X owns Y; 'X's wife Y' -> X spouse_of Y; 'X's CEO Y' -> Y role CEO, works_for X."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        owners = [ctx.entity(c) for c in noun.children if c.dep_ == "poss"]
        named = [ctx.entity(c) for c in noun.children if c.dep_ == "appos"]
        owners, named = [o for o in owners if o], [n for n in named if n]
        if not owners or not named:
            continue
        lemma = _lemma(noun)
        for owner in owners:
            for item in named:
                if lemma in POSSESSIVE_NOUNS:
                    predicate, reverse = POSSESSIVE_NOUNS[lemma]
                    subject, obj = (item, owner) if reverse else (owner, item)
                    fact = _make(ctx, subject, predicate, obj, "possessive", 0.8, noun, f"'s {noun.text}")
                elif lemma in ROLE_WORDS and ctx.type_of(item[0]) == "Person":
                    yield from filter(None, [_make(ctx, item, "role", role_text([noun], ctx), "possessive", 0.8,
                                                   noun, noun.text)])
                    fact = _make(ctx, item, "works_for", owner, "possessive", 0.75, noun, f"'s {noun.text}") \
                        if ctx.type_of(owner[0]) == "Organization" else None
                else:
                    fact = None
                if fact:
                    yield fact


def role_text(tokens: list[Token], ctx: SentenceContext) -> str:
    """Normalised role text from its words: "undersecretary of defense" -> "Under Secretary of Defense"."""
    words = [ROLE_SPELLING.get(t.lower_, t.lower_) for t in sorted(tokens, key=lambda t: t.i)]
    text = " ".join(words).replace(" 's", "'s")
    head = words[-1] if words else ""
    titled = " of " in f" {text} " or " for " in f" {text} " or any(t.lower_ in TITLES for t in tokens) \
        or any(t.pos_ == "PROPN" for t in tokens) or head in TITLES
    if not titled:
        return text
    return " ".join(w if w in ROLE_SMALL_WORDS else w[:1].upper() + w[1:] for w in text.split())


def _role_phrase(noun: Token, ctx: SentenceContext) -> tuple[list[Token], list[Token], list[Token]]:
    """Split a role noun phrase into (role words, qualifier words, organisation tokens it names)."""
    role, qualifiers, orgs = [], [], []

    def visit(token: Token) -> None:
        for child in token.lefts:
            if child.dep_ in {"det", "punct", "predet"} or child.pos_ in {"DET", "PUNCT"}:
                continue
            if child.lower_ in QUALIFIERS:
                qualifiers.append(child)
            elif child.i in ctx.entities.by_token or child.ent_type_ in {"NORP", "GPE"}:
                key = ctx.entities.by_token.get(child.i)
                if key and ctx.type_of(key) == "Organization" and child not in orgs:
                    orgs.append(child)
            elif child.dep_ in {"amod", "compound", "nmod", "poss", "case", "nummod"}:
                visit(child)
                role.append(child)
        for child in token.rights:
            if child.dep_ != "prep":
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            target = ctx.entity(objects[0]) if objects else None
            if target and ctx.type_of(target[0]) == "Organization" and _lemma(child) in WORKPLACE_PREPS:
                orgs.append(objects[0])
            elif objects and not target and objects[0].pos_ == "NOUN":
                role.append(child)
                role.append(objects[0])
                visit(objects[0])
    visit(noun)
    role.append(noun)
    return role, qualifiers, orgs


def _role_facts(person: tuple[str, bool], noun: Token, ctx: SentenceContext, rule: str, confidence: float,
                anchor: Token) -> Iterator[Fact]:
    role, qualifiers, orgs = _role_phrase(noun, ctx)
    quals = tuple(q.lower_ for q in qualifiers)
    fact = _make(ctx, person, "role", role_text(role, ctx), rule, confidence, anchor, noun.text, quals)
    if fact:
        yield fact
    for org in orgs:
        fact = _make(ctx, person, "works_for", ctx.entity(org), rule, confidence - 0.05, anchor, noun.text, quals)
        if fact:
            yield fact


def _is_role_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and (_lemma(token) in ROLE_WORDS or token.lower_ in ROLE_WORDS)


def role_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Roles from appositions, premodifiers (titles before a name) and copular or naming clauses."""
    for span, key in ctx.entities.spans:
        if span.sent.start != sent.start or ctx.type_of(key) != "Person":
            continue
        person = (key, False)
        root = span.root
        for child in root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i not in ctx.entities.by_token:
                yield from _role_facts(person, child, ctx, "appos_role", 0.85, child)
            elif child.i < span.start and child.dep_ in {"compound", "nmod"} and _is_role_noun(child) \
                    and child.i not in ctx.entities.by_token:
                yield from _role_facts(person, child, ctx, "premod_role", 0.8, root)
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i not in ctx.entities.by_token \
                and root.head.i not in ctx.references:
            yield from _role_facts(person, root.head, ctx, "appos_role", 0.8, root.head)
    for i, key in ctx.entities.titles.items():
        if sent.start <= i < sent.end and ctx.doc[i].lower_.rstrip(".") not in {"mr", "mrs", "ms", "miss"}:
            yield from filter(None, [_make(ctx, (key, False), "role", role_text([ctx.doc[i]], ctx), "premod_role",
                                           0.8, ctx.doc[i], ctx.doc[i].text)])
    for verb in sent:
        lemma = _lemma(verb)
        if lemma not in COPULAS and lemma not in APPOINT_VERBS:
            continue
        subject_deps = {"nsubjpass"} if lemma in APPOINT_VERBS else {"nsubj"}
        people = [ctx.entity(t) for c in verb.children if c.dep_ in subject_deps for t in _conjuncts(c)]
        people = [p for p in people if p and ctx.type_of(p[0]) == "Person"]
        complements = [c for c in verb.children if c.dep_ in {"attr", "oprd", "xcomp"} and c.pos_ in {"NOUN", "PROPN"}]
        complements += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                        for p in c.children if p.dep_ == "pobj"]
        for person in people:
            for complement in complements:
                for noun in _conjuncts(complement):
                    if noun.i not in ctx.entities.by_token and noun.pos_ == "NOUN" or _is_role_noun(noun):
                        yield from _role_facts(person, noun, ctx, "copula_role", 0.75, verb)


RULES = (svo_facts, nominal_facts, possessive_facts, role_facts)


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
