"""Entity stage: group the named-entity mentions of one article into local entities."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .model import LocalEntity
from .names import DEMONYMS, acronym, canonical_form, clean_surface, is_acronym, name_key
from .words import TITLES



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


def _same_person(short: str, full: str) -> bool:
    """A one-word name refers to a full name when it is its last (or first) word."""
    words = full.split()
    return len(words) > 1 and short in (words[-1], words[0])


def find_entities(doc: Doc) -> ArticleEntities:
    """Cluster the doc's entity spans: short forms join the full name, known aliases their full form."""
    mentions: list[tuple[Span, str, str]] = []  # (span, type, surface)
    titles: dict[int, Span] = {}
    for ent in doc.ents:
        etype = ent._.entity_type
        if etype is None:
            continue
        if etype == "Person":
            ent, title_tokens = _strip_titles(ent)
            for i in title_tokens:
                titles[i] = ent
        surface = ent.id_ or clean_surface(ent.text)  # a gazetteer's canonical name comes as the span id
        if surface:
            mentions.append((ent, etype, surface))

    clusters: dict[tuple[str, str], list[tuple[Span, str]]] = {}
    full_person_names = sorted(
        {m[2] for m in mentions if m[1] == "Person" and len(m[2].split()) > 1}, key=lambda n: (-len(n), n)
    )  # ties by name, not by set order: the same groups whatever the hash seed or process
    org_acronyms = {acronym(m[2]): name_key(m[2]) for m in mentions if m[1] != "Person" and acronym(m[2])}
    for span, etype, surface in mentions:
        key = name_key(surface)
        if etype == "Person" and len(surface.split()) == 1:
            full = next((f for f in full_person_names if _same_person(surface, f)), None)
            if full:
                key = name_key(full)
        elif etype != "Person" and is_acronym(surface) and key.replace(" ", "") in org_acronyms:
            key = org_acronyms[key.replace(" ", "")]
        clusters.setdefault((etype, key), []).append((span, surface))

    entities: list[LocalEntity] = []
    by_token: dict[int, str] = {}
    spans: list[tuple[Span, str]] = []
    ordered = sorted(clusters.items(), key=lambda item: min(s.start for s, _ in item[1]))
    for n, ((etype, _), members) in enumerate(ordered):
        key = f"e{n}"
        forms = Counter(canonical_form(surface) for _, surface in members)
        name = max(forms, key=lambda f: (len(f.split()) if etype == "Person" else 0, forms[f], len(f), f))
        aliases = {surface for _, surface in members if surface.lower() not in DEMONYMS} | set(forms)
        aliases.discard(name)
        entities.append(LocalEntity(key=key, name=name, type=etype, aliases=aliases, mentions=len(members)))
        for span, _ in members:
            spans.append((span, key))
            for token in span:
                by_token[token.i] = key
    title_keys = {i: by_token[s.start] for i, s in titles.items() if s.start in by_token}
    return ArticleEntities(entities=entities, by_token=by_token, spans=spans, titles=title_keys)
