"""Where a person comes from or works, said right after the name, and where an organisation is based, said
in a compound: "Megan Smith from Google", "Alexander Macgillivray, formerly of Twitter", "Ann Lee of the
National Cancer Institute" (works_for), "Jane Roe of Leeds" (lives_in), "the Oslo-based company Sola" and
"Sola, the Santa Clara-based firm" (headquartered_in); where a place is: "Dayton, Ohio" (located_in); and
whose unit an organisation is: "the Broad Institute at MIT" (part_of)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from ..knowledge import is_within
from ..model import Fact
from ..names import KNOWN_ALIASES
from ..words import ORGANISATION_PARTS
from .context import SentenceContext, conjuncts, described, make_fact

AFFILIATION_PREPS = {"of", "from", "at", "with"}
FORMERLY = {"formerly", "previously", "once", "ex"}


def _objects_of(prep: Token, ctx: SentenceContext) -> list[tuple[str, bool]]:
    return [e for p in prep.children if p.dep_ == "pobj" for t in conjuncts(p) if (e := ctx.entity(t))]


def _affiliations(span: Span) -> Iterator[tuple[Token, tuple[str, ...]]]:
    """(preposition, qualifiers) right after a name: "X of Y", "X from Y", "X, formerly of Y"."""
    doc, end = span.doc, span.end
    if doc[end:end + 3].text.count(",") == 2 and end + 1 < len(doc) and doc[end + 1].like_num:
        end += 3  # an age between: "Tom Lund, 54, of Leeds"
    after = doc[end] if end < len(doc) else None
    if after is not None and after.text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in FORMERLY:
        after = doc[end + 1]
    if after is None:
        return
    if after.dep_ == "prep" and (after.lower_ in {"of", "from"} or after.head == span.root) \
            and after.lower_ in AFFILIATION_PREPS:  # "at"/"with" only when the parse ties them to the name
        yield after, ()
    elif after.lower_ in FORMERLY and after.head.dep_ == "prep" and after.head.lower_ in AFFILIATION_PREPS:
        yield after.head, ("former",)  # "formerly" read as a modifier of "of"
    elif after.lower_ in FORMERLY:
        for prep in after.children:
            if prep.dep_ == "prep" and prep.lower_ in AFFILIATION_PREPS:
                yield prep, ("former",)


def affiliation_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """A person's organisation or town named right after them; an organisation's base in "X-based"."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Person" or span.root.i >= sent.end:
            continue
        for prep, qualifiers in _affiliations(span):
            for target in _objects_of(prep, ctx):
                kind = ctx.type_of(target[0])
                predicate = "works_for" if kind == "Organization" else \
                    "lives_in" if kind == "Place" and prep.lower_ in {"of", "from"} else None
                fact = predicate and make_fact(ctx, (key, False), predicate, target, "affiliation", 0.7, None,
                                               f"{span.root.text} {prep.text}", qualifiers)
                if fact:
                    yield fact
    for based in sent:
        if based.lower_ != "based" or based.dep_ not in {"amod", "acl"}:
            continue
        places = [e for c in based.children if c.dep_ in {"npadvmod", "compound", "nmod"} for t in conjuncts(c)
                  if (e := ctx.entity(t)) and ctx.type_of(e[0]) == "Place"]
        holder = described(based.head, ctx)
        for place in places if holder else []:
            fact = make_fact(ctx, holder, "headquartered_in", place, "affiliation", 0.75, None,
                             "".join(t.text_with_ws for t in based.subtree))
            if fact:
                yield fact



def place_chain_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """A place and the region that contains it, written "Dayton, Ohio", "Leeds, England", "Austin, TX"."""
    places = sorted((span, key) for span, key in ctx.entities.spans
                    if sent.start <= span.start < sent.end and ctx.type_of(key) == "Place")
    for (town, town_key), (area, area_key) in zip(places, places[1:]):
        if area.start != town.end + 1 or ctx.doc[town.end].text != "," or town_key == area_key:
            continue
        if is_within(town.text, KNOWN_ALIASES.get(area.text.lower(), area.text)):
            fact = make_fact(ctx, (town_key, False), "located_in", (area_key, False), "place_chain", 0.8, None,
                             f"{town.text}, {area.text}")
            if fact:
                yield fact


# Last words of the names of buildings and institutions that stand in one place ("Stanford Hospital").
SITE_WORDS = {"hospital", "clinic", "school", "university", "college", "academy", "museum", "center", "centre",
              "church", "cathedral", "mosque", "temple", "prison", "jail", "airport", "stadium", "arena", "hotel",
              "library", "courthouse", "theatre", "theater", "zoo", "institute", "laboratory", "base", "station"}


def placed_in_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """A site named with the place it is in: "Stanford Hospital in Palo Alto" (located_in). Not for other
    organisations: "Apple in China" is no headquarters. A place "in" a place is `places.place_facts`'."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Organization" \
                or span[-1].lower_ not in SITE_WORDS:
            continue
        for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "in"):
            for target in _objects_of(prep, ctx):
                if ctx.type_of(target[0]) == "Place" and not target[1]:
                    fact = make_fact(ctx, (key, False), "located_in", target, "affiliation", 0.75, None,
                                     f"{span.text} in")
                    if fact:
                        yield fact


def unit_facts(sent: Span, ctx: SentenceContext) -> Iterator[Fact]:
    """An organisation's unit named "at" the organisation is part of it: "the Research Center for
    Archaeological Studies at Minya University", "the Broad Institute at MIT"."""
    for span, key in ctx.entities.spans:
        if not sent.start <= span.start < sent.end or ctx.type_of(key) != "Organization" \
                or not any(t.lower_ in ORGANISATION_PARTS for t in span):
            continue
        for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "at" and c.i >= span.end):
            for target in _objects_of(prep, ctx):
                fact = ctx.type_of(target[0]) == "Organization" and make_fact(
                    ctx, (key, False), "part_of", target, "affiliation", 0.7, None, f"{span.root.text} at")
                if fact:
                    yield fact
