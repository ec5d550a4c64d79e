"""Extraction stage: one parsed article -> its entities and facts (ArticleFacts)."""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc

from .coref import resolve_references
from .entities import find_entities
from .lexicon import Lexicon, load_lexicon
from .model import Article, ArticleFacts, Sentence
from .relations import extract_facts
from .store import dumps, loads


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


FACTS_KEY = "kgbuild_facts"    # doc.user_data: the facts as one JSON line (store.dumps)
FAILED_KEY = "kgbuild_failed"  # doc.user_data: why extraction failed
PR_SET_PDEATHSIG = 1


class ExtractionFailed(RuntimeError):
    """Extraction of one article failed inside the pipeline; the message names the original error."""


@cache
def _die_with_parent() -> None:
    """In a spaCy worker process on Linux: end when the build that started it ends, even by SIGKILL (it
    would otherwise wait for work forever)."""
    parent = multiprocessing.parent_process()
    if sys.platform == "linux" and parent is not None:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if parent.pid != os.getppid():  # the parent ended before that
            os.kill(os.getpid(), signal.SIGTERM)


@Language.component("kg_worker_guard")
def worker_guard(doc: Doc) -> Doc:
    """First pipeline component: a spaCy worker process ends with its parent (see _die_with_parent)."""
    _die_with_parent()
    return doc


class Extractor:
    """Last pipeline component: extract the facts where the doc was parsed (in each spaCy process with
    n_process > 1) and pass on an empty doc holding them in user_data (`facts_of`): the parsed doc is
    neither sent back to the parent nor rebuilt there."""

    def __call__(self, doc: Doc) -> Doc:
        carrier = Doc(doc.vocab)
        carrier._context = doc._context  # what nlp.pipe(as_tuples=True) pairs the doc with
        try:
            facts = extract(doc, Article(id="", text="", origin=""), load_lexicon())
            carrier.user_data[FACTS_KEY] = dumps(facts)
        except Exception as exc:  # one article's failure must not end the batch
            carrier.user_data[FAILED_KEY] = f"{type(exc).__name__}: {exc}"
        return carrier


@Language.factory("kg_extract")
def make_extractor(nlp: Language, name: str) -> Extractor:
    """The `kg_extract` component (see Extractor)."""
    return Extractor()


def facts_of(doc: Doc, article: Article) -> ArticleFacts:
    """The facts the `kg_extract` component found in a doc of `article`; ExtractionFailed if it failed."""
    if FAILED_KEY in doc.user_data:
        raise ExtractionFailed(doc.user_data[FAILED_KEY])
    return replace(loads(doc.user_data[FACTS_KEY]), article=article)
