"""Entity stage: group the named-entity mentions of one article into local entities."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .model import LocalEntity
from .countries import article_country, is_generic_name, mention_country
from .knowledge import first_name_gender, is_first_name, name_parts, place, without_legal_suffix
from .names import DEMONYMS, acronym, canonical_form, clean_surface, is_acronym, name_key
from .words import ORGANISATION_PARTS, TITLES

# Titles that say a person's gender ("Mrs Clinton" is not Bill Clinton).
GENDERED_TITLES = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female", "sir": "male",
                   "dame": "female", "lord": "male", "lady": "female"}



@dataclass
class ArticleEntities:
    """The local entities of one article and which tokens mention them."""

    entities: list[LocalEntity]
    by_token: dict[int, str]                       # token index -> LocalEntity.key
    spans: list[tuple[Span, str]] = field(default_factory=list)  # every name mention and its key
    titles: dict[int, str] = field(default_factory=dict)  # token index of a title inside a name span -> key

    def entity(self, key: str) -> LocalEntity:
        """The local entity with this key."""
        return self.entities[int(key[1:])]


def _strip_titles(span: Span) -> tuple[Span, list[int]]:
    """Split leading titles off a PERSON span: ("President Joe Biden") -> ("Joe Biden", [title index])."""
    start = span.start
    while start < span.end - 1 and span.doc[start].lower_.rstrip(".") in TITLES:
        start += 1
    return Span(span.doc, start, span.end, label=span.label_, span_id=span.id), list(range(span.start, start))


def _person_candidates(short: str, gender: str | None, full_names: list[str]) -> list[str]:
    """The full names a one-word name can stand for: their surname, their first name, or a short form of
    the first name ("Jon" for "Jonathan"); a title's gender ("Mrs") must not contradict the first name's."""
    found = []
    for full in full_names:
        first, last = name_parts(full)
        if short not in (last, first, full.split()[-1]) and not (len(short) >= 3 and first.startswith(short) and is_first_name(short)):
            continue
        if gender is not None and first_name_gender(first) not in (None, gender):
            continue
        found.append(full)
    return found


def _legal_suffix(name: str) -> str:
    """The legal suffix of a company's name, normalised ("Genovis AB" -> "ab"), or ""."""
    base = without_legal_suffix(name)
    return re.sub(r"[^a-z]", "", name[len(base):].lower()) if name.startswith(base) else ""


def _organisation_candidates(short: str, start: int, full_names: dict[str, int]) -> list[str]:
    """Longer organisation names that start with the words of `short` and were named before its first mention
    ("Sun" after "Sun Microsystems"), unless the longer name is a body of the shorter ("Twitter Board") or its branch in a place ("Sandoz Canada")."""
    words = short.split()
    return [full for full, first in full_names.items()
            if len(full.split()) > len(words) and full.split()[:len(words)] == words and first < start
            and not any(w.lower() in ORGANISATION_PARTS or place(w) for w in full.split()[len(words):])]


def _defined_short_forms(mentions: list[tuple[Span, str, str]]) -> dict[str, tuple[str, str]]:
    """Short forms an article defines in brackets right after a name: "the People's Party for Freedom and
    Democracy (VVD)" -> {"vvd": ("Organization", "people s party for freedom and democracy")}."""
    defined: dict[str, tuple[str, str]] = {}
    ends = {span.end: (etype, surface) for span, etype, surface in mentions}
    for span, _, surface in mentions:
        doc = span.doc
        if not is_acronym(surface) or span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" \
                or doc[span.end].text != ")" or span.start - 1 not in ends:
            continue
        etype, name = ends[span.start - 1]
        if etype != "Person" and len(name.split()) > 1 and not is_acronym(name):
            defined.setdefault(name_key(surface), (etype, name_key(name)))
    return defined


def find_entities(doc: Doc) -> ArticleEntities:
    """Cluster the doc's entity spans: a short form joins the one full name it can stand for (none when
    two fit), known aliases their full form."""
    mentions: list[tuple[Span, str, str]] = []  # (span, type, surface)
    titles: dict[int, Span] = {}
    genders: dict[int, str] = {}  # span start -> gender of its title ("Mrs Clinton")
    for ent in doc.ents:
        etype = ent._.entity_type
        if etype is None:
            continue
        if etype == "Person":
            ent, title_tokens = _strip_titles(ent)
            for i in title_tokens:
                titles[i] = ent
            before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
            if before in GENDERED_TITLES:
                genders[ent.start] = GENDERED_TITLES[before]
        surface = ent.id_ or clean_surface(ent.text)  # a gazetteer's canonical name comes as the span id
        if surface:
            mentions.append((ent, etype, surface))

    clusters: dict[tuple[str, str], list[tuple[Span, str]]] = {}
    full_person_names = sorted(
        {m[2] for m in mentions if m[1] == "Person" and len(m[2].split()) > 1}, key=lambda n: (-len(n), n)
    )  # ties by name, not by set order: the same groups whatever the hash seed or process
    first_seen: dict[str, int] = {}  # surface -> where the article first names it
    for span, _, surface in mentions:
        first_seen.setdefault(surface, span.start)
    full_org_names = {m[2]: first_seen[m[2]] for m in mentions if m[1] == "Organization" and len(m[2].split()) > 1}
    org_acronyms = {acronym(m[2]): name_key(m[2]) for m in mentions if m[1] != "Person" and acronym(m[2])}
    defined = _defined_short_forms(mentions)
    suffixes: dict[str, set[str]] = {}  # "Genovis AB" and "Genovis Inc." are two companies
    for _, etype, surface in mentions:
        if etype == "Organization":
            suffixes.setdefault(name_key(surface), set()).add(_legal_suffix(surface))
    for span, etype, surface in mentions:
        key = name_key(surface)
        if len(suffixes.get(key, set()) - {""}) > 1:
            key = f"{key} {_legal_suffix(surface)}".strip()
        candidates: list[str] = []
        if etype == "Person" and len(surface.split()) == 1:
            candidates = _person_candidates(surface, genders.get(span.start), full_person_names)
            if _organisation_candidates(surface, first_seen[surface], full_org_names):
                candidates = []  # "Fox" beside "Fox News" and "Michael J. Fox" joins neither
        elif etype == "Organization" and not is_acronym(surface):
            candidates = _organisation_candidates(surface, first_seen[surface], full_org_names)
            if len(surface.split()) == 1 and _person_candidates(surface, None, full_person_names):
                candidates = []  # the same, typed as an organisation
        elif etype != "Person" and is_acronym(surface) and key.replace(" ", "") in org_acronyms:
            key = org_acronyms[key.replace(" ", "")]
        if is_acronym(surface) and key in defined:
            etype, key = defined[key]
        if len(candidates) == 1:
            key = name_key(candidates[0])
        clusters.setdefault((etype, key), []).append((span, surface))

    entities: list[LocalEntity] = []
    by_token: dict[int, str] = {}
    spans: list[tuple[Span, str]] = []
    ordered = sorted(clusters.items(), key=lambda item: min(s.start for s, _ in item[1]))
    home = article_country([surface for _, etype, surface in mentions if etype == "Place"])
    for n, ((etype, _), members) in enumerate(ordered):
        key = f"e{n}"
        forms = Counter(canonical_form(surface, etype) for _, surface in members)
        name = max(forms, key=lambda f: (len(f.split()) if etype in {"Person", "Organization"} else 0,
                                         not f.isupper() or len(f) < 4, forms[f], len(f), f))
        aliases = {surface for _, surface in members if surface.lower() not in DEMONYMS} | set(forms)
        aliases.discard(name)
        country = None
        if etype == "Organization" and is_generic_name(name):
            country = next(filter(None, (mention_country(span) for span, _ in members)), home)
        entities.append(LocalEntity(key=key, name=name, type=etype, aliases=aliases, mentions=len(members),
                                    country=country))
        for span, _ in members:
            spans.append((span, key))
            for token in span:
                by_token[token.i] = key
    title_keys = {i: by_token[s.start] for i, s in titles.items() if s.start in by_token}
    return ArticleEntities(entities=entities, by_token=by_token, spans=spans, titles=title_keys)
