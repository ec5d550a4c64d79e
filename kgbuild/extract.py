"""Extraction stage: one parsed article -> its entities and facts (ArticleFacts)."""
from __future__ import annotations

from spacy.tokens import Doc

from .coref import resolve_references
from .entities import find_entities
from .lexicon import Lexicon
from .model import Article, ArticleFacts, Sentence
from .relations import extract_facts


def sentences_of(doc: Doc) -> list[Sentence]:
    """Every sentence of the doc with offsets trimmed to its first and last visible character."""
    whole = doc.text  # Doc.text is rebuilt from the tokens on every access
    sentences = []
    for sent in doc.sents:
        text = whole[sent.start_char:sent.end_char]
        begin = sent.start_char + (len(text) - len(text.lstrip()))
        end = sent.end_char - (len(text) - len(text.rstrip()))
        sentences.append(Sentence(begin=begin, end=max(begin, end), text=whole[begin:end]))
    return sentences


def extract(doc: Doc, article: Article, lexicon: Lexicon) -> ArticleFacts:
    """Find the entities of a parsed article, resolve its references and extract its facts."""
    sentences = sentences_of(doc)
    entities = find_entities(doc)
    references = resolve_references(doc, entities)
    facts = extract_facts(doc, entities, references, lexicon, sentences)
    return ArticleFacts(article=article, sentences=sentences, entities=entities.entities, facts=facts)
