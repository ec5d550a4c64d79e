"""Dates and places of birth, death and founding: "born on 3 May 1950", "Jane Roe (1920–1990)"."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..model import Fact
from .context import SentenceContext, conjuncts, described, lemma_of, make_fact, subjects_of


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


_YEAR = re.compile(r"\b\d{3,4}\b")
_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")


def is_calendar_date(date: Span) -> bool:
    """A date a reader can place in time: with a year or a day of a month ("3 May", "1950"), not an age
    ("the age of 87") or a bare weekday ("Tuesday")."""
    text = date.text
    if "age" in text.lower().split():
        return False
    return bool(_YEAR.search(text) or (_MONTH.search(text) and re.search(r"\d", text)))


def date_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """Dates of birth, death and founding: "born on 3 May 1950", "died in 2001", "founded in 1998"."""
    for verb in sent:
        predicate = DATE_PREDICATES.get(lemma_of(verb)) or DATE_PREDICATES.get(verb.lower_.removesuffix("ed"))
        if not predicate or verb.pos_ not in {"VERB", "AUX", "ADJ", "NOUN"}:
            continue
        if verb.pos_ == "NOUN":  # "since its founding in 2006", "Smith's death in 1990"
            holders = [ctx.entity(c) for c in verb.children if c.dep_ == "poss"]
        elif verb.dep_ in {"acl", "amod"} or (verb.dep_ == "advcl" and verb.tag_ == "VBN"):
            holders = [described(verb.head, ctx)] if verb.dep_ != "advcl" else subjects_of(verb.head, ctx)
        elif predicate == "date_founded" and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
            holders = [ctx.entity(t) for c in verb.children if c.dep_ == "dobj" for t in conjuncts(c)]
        else:
            holders = [ctx.entity(t) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                       for t in ([verb.head] if c.tag_ == "WDT" else conjuncts(c))]
        dates = [_date_of(t) for c in verb.children if c.dep_ in {"prep", "npadvmod"}
                 for t in ([c] if c.dep_ == "npadvmod" else [p for p in c.children if p.dep_ == "pobj"])]
        for holder in filter(None, holders):
            for date in {d.start: d for d in dates if d and is_calendar_date(d)}.values():
                text = date.text
                if match := _YEAR_RANGE.match(text):  # "born April 6, 1908-April 1988"
                    text = match[1] if predicate == "date_of_birth" else match[2]
                fact = make_fact(ctx, holder, predicate, text, "date", 0.8, verb, verb.text)
                if fact:
                    yield fact


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
            starts_name = token.i == 0 or ctx.doc[token.i - 1].ent_type_ != token.ent_type_
            if mode and key_here and ctx.type_of(key_here) == "Place" and starts_name:
                facts.append((mode, token))
        for predicate, value in facts:
            obj = (ctx.entities.by_token[value.i], False) if isinstance(value, Token) else value
            fact = make_fact(ctx, (key, False), predicate, obj, "parenthetical", 0.85, None, inside.text)
            if fact:
                yield fact
