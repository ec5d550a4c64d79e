"""Resolution stage: merge the local entities of all articles into one node per real entity.

Candidates are found through name indexes (full-name key, acronym, surname), never by comparing all
pairs, so the cost grows linearly with the number of entities.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import ArticleFacts, LocalEntity, ResolvedEntity
from .knowledge import country_of_code, name_parts
from .names import acronym, is_acronym, name_key
from .vocab import slug


@dataclass
class Resolution:
    """Merged entities and, for every (article id, local key), the id of the entity it became."""

    entities: dict[str, ResolvedEntity]
    entity_of: dict[tuple[str, str], str]


def _is_short_person(entity: LocalEntity) -> bool:
    return entity.type == "Person" and len(entity.name.split()) == 1


def _placed_in_several_countries(local: list[tuple[str, LocalEntity]]) -> set[tuple[str, str]]:
    """(type, name key) of the generic names whose articles place them in two countries or more."""
    countries: dict[tuple[str, str], set[str]] = {}
    for _, entity in local:
        if entity.country:
            countries.setdefault((entity.type, name_key(entity.name)), set()).add(entity.country)
    return {key for key, found in countries.items() if len(found) > 1}


def resolve_entities(articles: Sequence[ArticleFacts]) -> Resolution:
    """Merge entities across articles by type-agreeing name keys, acronyms and unique surnames.

    Full names are placed first, so a lone surname ("Musk") joins the one full name it can belong to;
    when two people share the surname, it stays apart. An organisation of a generic name that articles
    place in two countries or more is one node per country, labelled with it ("Labour Party (Norway)");
    where no country is known it joins neither. The result does not depend on article order.
    """
    entities: dict[str, ResolvedEntity] = {}
    entity_of: dict[tuple[str, str], str] = {}
    by_key: dict[tuple[str, str], str] = {}
    by_surname: dict[str, set[str]] = {}
    by_acronym: dict[tuple[str, str], str] = {}
    local = sorted(
        ((a.article.id, e) for a in articles for e in a.entities),
        key=lambda item: (_is_short_person(item[1]), -len(item[1].name), item[1].name, item[0], item[1].key),
    )
    placed = _placed_in_several_countries(local)
    for article_id, entity in local:
        keys = [(entity.type, name_key(n)) for n in sorted({entity.name, *entity.aliases})
                if entity.type != "Person" or len(n.split()) > 1 or n == entity.name]
        name = entity.name
        if entity.country and (entity.type, name_key(entity.name)) in placed:  # "Labour Party (Norway)"
            name = f"{entity.name} ({country_of_code(entity.country) or entity.country})"
            keys = [(entity.type, name_key(name))]
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is None and is_acronym(name):  # "FBI" joins "Federal Bureau of Investigation"
            target = by_acronym.get((entity.type, entity.name.lower()))
        if target is None and _is_short_person(entity):
            candidates = by_surname.get(name_key(entity.name), set())
            target = next(iter(candidates)) if len(candidates) == 1 else None
        if target is None:
            target = f"{entity.type.lower()}/{slug(name)}"
            entities.setdefault(target, ResolvedEntity(id=target, name=name, type=entity.type))
        merged = entities[target]
        merged.aliases |= {entity.name, *entity.aliases}
        merged.aliases.discard(merged.name)
        merged.mentions += entity.mentions
        merged.articles.add(article_id)
        entity_of[(article_id, entity.key)] = target
        for key in keys:
            by_key.setdefault(key, target)
        if entity.type != "Person" and acronym(entity.name):
            by_acronym.setdefault((entity.type, acronym(entity.name)), target)
        if entity.type == "Person" and len(merged.name.split()) > 1:
            by_surname.setdefault(name_key(name_parts(merged.name)[1]), set()).add(target)
    return Resolution(entities=entities, entity_of=entity_of)
