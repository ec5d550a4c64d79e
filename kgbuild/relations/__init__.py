"""Relation stage: dependency-structure rules that turn parsed sentences into facts.

Each rule has an id (kept on every fact it makes):
  svo         subject - verb (+ particle / prepositions) - object, passives included
  nominal     nominalisations: "Russia's invasion of Ukraine", "his talks with the Kremlin"
  possessive  "Musk's company SpaceX", "Biden's wife Jill Biden"
  appos_role  "Colin Kahl, the former under secretary of defense, ..."
  premod_role "Russian President Vladimir Putin", "reporter Ronan Farrow", "Tesla CEO Elon Musk"
  affiliation "Megan Smith from Google", "X, formerly of Twitter", "the Oslo-based company Sola", "the X
              Institute at Y" (part_of)
  place_chain "Dayton, Ohio", "Leeds, England": a place and the region that contains it
  title       titles as a run of words: "Salesforce President and COO Bret Taylor", "Tesla and SpaceX founder X"
  copula_role "X is the chief executive of Y", "X became chairman", "X was named coach"
  date        "born on 3 May 1950", "died in 2001", "Acme, founded in 1998"
  parenthetical  "Jane Roe (born 3 May 1950 in Lyon)", "John Doe (1920–1990)"
  place       a place in another: "Nepal's Sankhuwasabha district", "Voss municipality in Vestland"
  entailed    what another fact entails: the leader, founder or (former) member who left a party is its member

A relation between two entities whose words match no trigger phrase is kept with the open predicate
kg:related_to (and its words in Fact.phrase); it is recorded as a statement but not asserted.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..entities import ArticleEntities
from ..lexicon import Lexicon
from ..model import Fact, Sentence
from .affiliations import affiliation_facts, place_chain_facts, placed_in_facts, unit_facts
from .context import SentenceContext, party_membership
from .dates import date_facts, parenthetical_facts
from .nouns import nominal_facts
from .parties import party_facts, seat_facts
from .places import place_facts
from .roles import possessive_facts, role_facts
from .titles import title_facts
from .verbs import svo_facts


RULES = (svo_facts, nominal_facts, possessive_facts, role_facts, title_facts, affiliation_facts, place_chain_facts,
         placed_in_facts, party_facts, seat_facts, date_facts, parenthetical_facts, place_facts, unit_facts)


def extract_facts(doc: Doc, entities: ArticleEntities, references: dict[int, str], lexicon: Lexicon,
                  sentences: list[Sentence]) -> list[Fact]:
    """Run every rule over every sentence of a parsed article; duplicates are dropped."""
    facts: dict[tuple, Fact] = {}
    for sent, sentence in zip(doc.sents, sentences):
        ctx = SentenceContext(doc, entities, references, lexicon, sentence)
        for rule in RULES:
            for fact in rule(sent, ctx):
                for found in filter(None, (fact, party_membership(fact, ctx))):
                    facts.setdefault((found.subject, found.predicate, found.object, found.sentence.begin,
                                      found.modality), found)
    return list(facts.values())
