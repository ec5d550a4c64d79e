"""Where a place is, said by a possessive ("Nepal's eastern Sankhuwasabha district"), by "in" after it
("Chainpur municipality in Sankhuwasabha") or by "of" after a kind of place ("the Kaski district of western
Nepal"). Places written "Dayton, Ohio" are `affiliations.place_chain_facts`'."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..knowledge import country_name
from ..model import Fact
from ..words import GATHERING_WORDS, PLACE_KIND_NOUNS
from .context import SentenceContext, conjuncts, lemma_of, make_fact

INSIDE_PREPS = {"in", "within", "inside"}


def named_place(token: Token, ctx: SentenceContext) -> tuple[str, bool] | None:
    """The place a word names: a place's name, or a kind of place after one ("Sankhuwasabha district")."""
    found = ctx.entity(token)
    if found is None and lemma_of(token) in PLACE_KIND_NOUNS:
        found = next(filter(None, (ctx.entity(c) for c in token.children if c.dep_ == "compound")), None)
    return found if found is not None and ctx.type_of(found[0]) == "Place" else None


def _head_words(span: Span) -> list[Token]:
    """The words that stand for a place's name in the parse: its root, or the kind of place after it
    ("Sankhuwasabha district"), and a kind of place in apposition ("Pokhara, a city in Nepal")."""
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end and lemma_of(root.head) in PLACE_KIND_NOUNS:
        root = root.head
    return [root, *(c for c in root.children if c.dep_ == "appos" and lemma_of(c) in PLACE_KIND_NOUNS)]


def _containers(span: Span, key: str, ctx: SentenceContext) -> Iterator[tuple[Token, str]]:
    """(word naming a containing place, words saying so) for a place's mention."""
    for head, child in ((h, c) for h in _head_words(span) for c in h.children):
        if child.dep_ == "poss":
            yield child, f"{child.text}'s {span.text}"
        elif child.dep_ == "prep" and (lemma_of(child) in INSIDE_PREPS
                                       or (child.lower_ == "of" and lemma_of(head) in PLACE_KIND_NOUNS)):
            if child.lower_ in INSIDE_PREPS and country_name(ctx.entities.entity(key).name):
                continue  # a country "in" a place is a country acting there, not a part of it
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                for target in conjuncts(pobj):
                    yield target, f"{head.text} {child.text}"


def place_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """A place is located in the place a possessive, "in" or "of" puts around it; a gathering in the place
    "in" names."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end:
            continue
        kind = ctx.type_of(key)
        gathering = kind == "Event" or (kind == "Organization" and span[-1].lower_ in GATHERING_WORDS)
        if kind != "Place" and not gathering:
            continue
        for token, words in _containers(span, key, ctx):
            if gathering and not words.endswith((" in", " within", " inside")):
                continue  # a gathering is held in a place; "Davos's forum" says nothing of where
            container = named_place(token, ctx)
            fact = container and make_fact(ctx, (key, False), "located_in", container, "place", 0.75, None, words)
            if fact:
                yield fact
