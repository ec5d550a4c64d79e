"""Titles written before a name, read as a run of words rather than from the parse (which the small model
often gets wrong for them): "Salesforce President and COO Bret Taylor", "Tesla and SpaceX founder Elon
Musk", "former Leeds and Derby striker Tom Lund", "U.S. Secretary of State Mike Pompeo".

The run is split at "and"/"&" into items; entity names at its start are the organisations (or places) the
title belongs to, the other items are roles. Every role is the holder's role, and every organisation gets the
relation each role names ("founder" -> founded, "CEO" -> ceo_of; any other role -> works_for).
"""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact
from ..words import COURTESY_TITLES, ROLE_MODIFIERS, TITLE_ABBREVIATIONS, is_role_word
from .context import QUALIFIERS, SentenceContext, make_fact
from .nouns import is_role_noun
from .roles import role_text

CONJUNCTIONS = {"and", "&"}
# Lower-case words for the level of government an office belongs to ("former state Sen. X", "county judge X").
JURISDICTIONS = {"state", "federal", "county", "city", "district", "national", "regional", "municipal", "provincial"}
MAX_RUN = 12


def _is_role_word(token: Token) -> bool:
    return is_role_word(token.lower_.rstrip(".")) or is_role_noun(token)


def _is_abbreviated_title(token: Token) -> bool:
    """"Gov.", "Sen.", "Lt.": an abbreviated title, written with its full stop."""
    return token.text.endswith(".") and token.lower_[:-1] in TITLE_ABBREVIATIONS


def _is_role(words: list[Token], ctx: SentenceContext) -> bool:
    """Words that name a role: ending in a role word ("chief operating officer") or a formal title with "of"
    ("Secretary of State"), with no entity among them."""
    if not words or any(t.i in ctx.entities.by_token for t in words):
        return False
    of = next((n for n, t in enumerate(words) if t.lower_ == "of"), None)
    formal = of is not None and 0 < of < len(words) - 1 and _is_role_word(words[of - 1]) \
        and all(t.text[:1].isupper() for t in words[of + 1:])
    return (_is_role_word(words[-1]) or formal) and all(
        t.lower_ == "of" or t.text == "-" or _is_role_word(t) or t.lower_ in ROLE_MODIFIERS or t.text[:1].isupper()
        or t.text in JURISDICTIONS for t in words)


def _title_run(span: Span, ctx: SentenceContext) -> list[Token]:
    """The words right before a name that may be its title: names of organisations and places, role words
    and their modifiers, qualifiers, "and", and "of" inside a formal title ("Secretary of State")."""
    doc, run = ctx.doc, []
    i = span.start - 1
    while i >= span.sent.start and len(run) < MAX_RUN:
        token = doc[i]
        key = ctx.entities.by_token.get(i)
        if key is not None:
            if ctx.type_of(key) not in {"Organization", "Place"}:
                break
        elif token.lower_ == "of":
            if not (run and run[0].text[:1].isupper() and i > 0 and _is_role_word(doc[i - 1])):
                break
        elif not (token.lower_ in CONJUNCTIONS or token.text == "-" or _is_abbreviated_title(token)
                  or (token.is_alpha and token.pos_ in {"NOUN", "PROPN", "ADJ"} and not token.ent_type_ == "DATE")):
            break
        run.insert(0, token)
        i -= 1
    while run and (run[0].lower_ in CONJUNCTIONS or run[0].lower_ == "of" or run[0].text == "-"):
        run.pop(0)
    return run


def _items(run: list[Token]) -> list[list[Token]]:
    """The run split at conjunctions: "Tesla and SpaceX founder" -> [Tesla], [SpaceX founder]."""
    items: list[list[Token]] = [[]]
    for token in run:
        if token.lower_ in CONJUNCTIONS:
            items.append([])
        else:
            items[-1].append(token)
    return [item for item in items if item]


def title_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Roles of a person from the title before their name, and the organisations that title names."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Person":
            continue
        if span.start > 0 and ctx.doc[span.start - 1].lower_ in CONJUNCTIONS:
            continue  # "as CTO and Jane Roe": the words before belong to another name
        run = _title_run(span, ctx)
        if not run or run[-1].i in ctx.entities.by_token:
            continue
        owners, roles, qualifiers = [], [], []
        for item in _items(run):
            while item and item[0].lower_ in QUALIFIERS:
                qualifiers.append(item.pop(0).lower_)
            while item and (item[0].i in ctx.entities.by_token):
                owners.append(item.pop(0))
            if _is_role(item, ctx):
                roles.append(item)
            elif item:
                owners, roles = [], []  # other words before the title: not a title run
        holder, quals = (key, False), tuple(qualifiers)
        organisations = list(dict.fromkeys(ctx.entities.by_token[t.i] for t in owners
                                           if ctx.type_of(ctx.entities.by_token[t.i]) == "Organization"))
        for role in roles:
            if len(role) == 1 and role[0].lower_.rstrip(".") in COURTESY_TITLES:
                continue
            written = " ".join(t.text for t in role)
            yield from filter(None, [make_fact(ctx, holder, "role", role_text(role), "title", 0.8, None, written,
                                               quals)])
            predicate = _predicate(role, ctx)
            for organisation in organisations:
                fact = make_fact(ctx, holder, predicate, (organisation, False), "title", 0.75, None,
                                 f"{written} of", quals)
                if fact:
                    yield fact


def _predicate(role: list[Token], ctx: SentenceContext) -> str:
    """The relation a role names with its organisation ("chief executive" -> ceo_of), else works_for."""
    words = [t.lower_ for t in role if t.text != "-"]
    for start in range(len(words)):
        predicate = ctx.lexicon.relational.get(" ".join(words[start:]) + " of")
        if predicate and ctx.lexicon.accepts(predicate, "Person", "Organization"):
            return predicate
    return "works_for"
