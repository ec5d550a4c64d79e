"""Entity resolution across articles, on hand-made local entities (no spaCy)."""
from __future__ import annotations

from kgbuild.model import Article, ArticleFacts, LocalEntity
from kgbuild.resolve import resolve_entities


def article(article_id: str, *entities: tuple[str, str, set[str]]) -> ArticleFacts:
    local = [LocalEntity(key=f"e{i}", name=name, type=etype, aliases=set(aliases), mentions=1)
             for i, (name, etype, aliases) in enumerate(entities)]
    return ArticleFacts(article=Article(id=article_id, text="x", origin=f"{article_id}.txt"),
                        sentences=[], entities=local, facts=[])


def resolved_names(articles):
    resolution = resolve_entities(articles)
    return resolution, {(a, k): resolution.entities[e].name for (a, k), e in resolution.entity_of.items()}


def test_same_name_in_two_articles_is_one_node():
    resolution, names = resolved_names([article("a", ("Elon Musk", "Person", {"Musk"})),
                                        article("b", ("Elon Musk", "Person", set()))])
    assert len(resolution.entities) == 1
    assert next(iter(resolution.entities.values())).articles == {"a", "b"}


def test_lone_surname_joins_the_only_full_name_with_it():
    _, names = resolved_names([article("a", ("Musk", "Person", set())),
                               article("b", ("Elon Musk", "Person", set()))])
    assert names[("a", "e0")] == "Elon Musk"


def test_shared_surname_stays_apart_when_ambiguous():
    resolution, names = resolved_names([article("a", ("Joe Biden", "Person", set())),
                                        article("b", ("Jill Biden", "Person", set())),
                                        article("c", ("Biden", "Person", set()))])
    assert names[("a", "e0")] != names[("b", "e0")]
    assert names[("c", "e0")] == "Biden" and len(resolution.entities) == 3


def test_known_short_forms_and_acronyms_merge():
    _, names = resolved_names([article("a", ("United States", "Place", {"US"})),
                               article("b", ("United States", "Place", {"U.S."})),
                               article("c", ("Federal Bureau of Investigation", "Organization", set())),
                               article("d", ("FBI", "Organization", set()))])
    assert names[("a", "e0")] == names[("b", "e0")] == "United States"
    assert names[("d", "e0")] == "Federal Bureau of Investigation"


def test_types_must_agree():
    resolution, _ = resolved_names([article("a", ("Washington", "Place", set())),
                                    article("b", ("Washington", "Person", set()))])
    assert len(resolution.entities) == 2


def test_order_of_articles_does_not_change_the_result():
    articles = [article("a", ("Musk", "Person", set())), article("b", ("Elon Musk", "Person", set())),
                article("c", ("Tesla Inc.", "Organization", {"Tesla"}))]
    first, _ = resolved_names(articles)
    second, _ = resolved_names(list(reversed(articles)))
    assert first.entity_of == second.entity_of


def test_names_with_the_same_initials_stay_apart():
    resolution, _ = resolved_names([article("a", ("Black Sea", "Place", set())),
                                    article("b", ("Broad Street", "Place", set()))])
    assert len(resolution.entities) == 2


def placed(article_id: str, name: str, country: str | None) -> ArticleFacts:
    facts = article(article_id, (name, "Organization", set()))
    facts.entities[0].country = country
    return facts


def test_two_labour_parties_stay_apart_with_labels_that_say_which():
    resolution, names = resolved_names([placed("a", "Labour Party", "GB"), placed("b", "Labour Party", "NO"),
                                        placed("c", "Labour Party", "GB")])
    assert names[("a", "e0")] == names[("c", "e0")] == "Labour Party (United Kingdom)"
    assert names[("b", "e0")] == "Labour Party (Norway)"
    assert len({e.id for e in resolution.entities.values()}) == 2
    assert "Labour Party" in resolution.entities["organization/labour-party-norway"].aliases
    reverse, reverse_names = resolved_names([placed("c", "Labour Party", "GB"), placed("b", "Labour Party", "NO"),
                                             placed("a", "Labour Party", "GB")])
    assert reverse_names == names


def test_one_country_or_none_keeps_one_node():
    resolution, names = resolved_names([placed("a", "Labour Party", "GB"), placed("b", "Labour Party", None)])
    assert len(resolution.entities) == 1 and names[("b", "e0")] == "Labour Party"


def test_a_surname_after_a_suffix_joins_the_full_name():
    _, names = resolved_names([article("a", ("Muench", "Person", set())),
                               article("b", ("Louis Muench Jr.", "Person", set()))])
    assert names[("a", "e0")] == "Louis Muench Jr."
