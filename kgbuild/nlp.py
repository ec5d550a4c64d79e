"""NLP stage: load one spaCy pipeline, add kgbuild's components, and parse articles in batches."""
from __future__ import annotations

import re
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .context_types import ELECTORAL_AREAS, club_title_follows, electoral_area_follows, organisation_title_follows
from .entity_types import decide_labels, person_by_first_name
from .errors import KgbuildError
from .knowledge import has_legal_suffix, is_common_noun, is_common_word, is_first_name, place
from .model import Article
from .names import DEMONYMS
from .settings import DEFAULT_MODEL
from .words import (
    DEPARTMENT_WORDS,
    HYPHENATED_TITLES,
    OFFICE_TITLES,
    ORG_NOUNS,
    PARTY_MEMBERS,
    ROLE_MODIFIERS,
    TITLE_ABBREVIATIONS,
    ROLE_WORDS,
    TITLES,
    is_role_word,
)

# spaCy NER labels kept as entities, by the ontology class they become.
ENTITY_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
    "PRODUCT": "Product",
    "EVENT": "Event",
    "WORK_OF_ART": "CreativeWork",
}


def _entity_type(span: Span) -> str | None:
    """Getter of Span._.entity_type (a module function, not a lambda: spaCy workers may be spawned)."""
    return ENTITY_TYPES.get(span.label_)


if not Doc.has_extension("article_id"):
    Doc.set_extension("article_id", default=None)
if not Span.has_extension("entity_type"):
    Span.set_extension("entity_type", getter=_entity_type)


class ModelNotInstalled(KgbuildError, RuntimeError):
    """The requested spaCy model package is not installed."""


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a new sentence after every line break: a paragraph never continues a sentence."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


_JUNK_ENTITY = re.compile(r"^(?:[a-z]\.|[A-Z]\.?|[^A-Za-z]*)$")
_LEADING = {"the", "a", "an"}


DEGREES = {"phd", "mba", "ba", "bsc", "ma", "msc", "llb", "llm", "jd", "md", "dphil", "bachelor", "master",
           "doctorate"}


def _is_role_word(token: Token) -> bool:
    return is_role_word(token.lower_.rstrip("."))


def _clean_span(span: Span) -> Span | None:
    """Trim determiners, possessive markers and punctuation off an entity span; None if junk."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _LEADING or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
                           or (span.label_ == "ORG" and end - start > 1 and _is_role_word(doc[end - 1]))):
        end -= 1  # also a title the model took into an organisation's name: "Kremlin Spokesman"
    if start >= end:
        return None
    trimmed = Span(doc, start, end, label=span.label_, span_id=span.id)
    if _JUNK_ENTITY.match(trimmed.text) or not trimmed.text[0].isupper():
        return None
    if trimmed.text.lower() in DEMONYMS:
        if len(trimmed) == 1 and start > 0 and doc[start - 1].lower_ == "the" and trimmed.root.dep_ not in {
                "amod", "compound"}:
            return None  # "the Norwegian then kept his nerve": a person, not Norway
        return Span(doc, start, end, label="GPE")  # "Russian" names Russia
    if len(trimmed) == 1 and trimmed.root.pos_ in {"ADJ", "PRON", "DET"}:
        return None  # other adjectives, pronouns
    if len(trimmed) == 1 and end < len(doc) and _is_role_word(doc[end]) and is_common_word(trimmed.text.lower()) \
            and not is_common_noun(trimmed.text.lower()):
        return None  # an adjective capitalised in a title names nothing: "Presidential spokesman X"
    if trimmed[0].lower_.replace(".", "") in DEGREES:
        return None  # "Ph.D. in Computer Science" is a degree, not a work or an organisation
    if len(trimmed) == 1 and _is_role_word(trimmed[0]):
        return None  # a role, often abbreviated: "(CTO)", "CEO"
    if len(trimmed) == 1 and trimmed[0].lower_ in ROLE_MODIFIERS and end < len(doc) and _is_role_word(doc[end]):
        return None  # the start of a title: "Honorary" of "Honorary Alderman John Smith"
    return trimmed



def _titled_person(span: Span) -> Span:
    """A person whatever NER said: a name right after a personal title ("Chancellor Olaf Scholz")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    titled = before is not None and before.lower_.rstrip(".") in TITLES and before.head.i in range(span.start, span.end)
    if span.label_ != "PERSON" and titled and all(t.pos_ == "PROPN" or t.text == "-" for t in span) \
            and len(span) <= 5:
        return Span(doc, span.start, span.end, label="PERSON", span_id=span.id)
    return span


POSSESSIVE_MARKS = {"'s", "\u2019s", "'", "\u2019"}


def _split_possessive(span: Span, alone: dict[str, set[str]]) -> list[Span]:
    """A name the model ran over a possessive, in two, when the owner is named alone elsewhere in the
    article as a person (or is the surname of one), or only as an organisation when the whole is one too: "Musk's Twitter" -> "Musk",
    "Twitter"; "Microsoft's Cloud and Enterprise group"; not "McDonald's" nor "Louie's Finer Meats" (a shop
    named after its owner). The part after a person's possessive is a person only when it starts with a
    first name ("Obama's Joe Biden")."""
    cut = next((t.i for t in span[1:-1] if t.tag_ == "POS" or t.lower_ in POSSESSIVE_MARKS), None)
    doc = span.doc
    owner = alone.get(doc[span.start:cut].text, set()) if cut is not None else set()
    if not ("PERSON" in owner and span.label_ == "PERSON" or owner == {"ORG"} and span.label_ == "ORG"):
        return [span]
    owned = "ORG" if span.label_ == "PERSON" and not is_first_name(doc[cut + 1].text) else span.label_
    return [Span(doc, span.start, cut, label=span.label_), Span(doc, cut + 1, span.end, label=owned)]


def _split_place_tail(span: Span) -> list[Span]:
    """A name the model ran over "in" and a known place, in two: "the G20 Leaders' Summit in Buenos Aires" ->
    the summit, Buenos Aires; not a name whose place is its own last word ("Bank of America")."""
    cut = next((t.i for t in span[1:-1] if t.lower_ == "in"), None)
    if cut is None or span.label_ not in {"ORG", "EVENT", "FAC", "WORK_OF_ART"} \
            or place(span.doc[cut + 1:span.end].text) is None:
        return [span]
    return [Span(span.doc, span.start, cut, label=span.label_), Span(span.doc, cut + 1, span.end, label="GPE")]


LOCATIVE = {"in", "at", "from", "to", "near", "across", "outside", "inside", "into", "throughout"}
LOCATION_VERBS = {"base", "bear", "locate", "headquarter", "live", "move", "raise", "grow", "settle", "reside",
                  "relocate", "situate", "travel", "fly", "arrive"}


def _label_in_context(span: Span, label_of: dict[str, str]) -> str:
    """The document-wide label, unless a place reading is certain here ("based in Leeds", "born in Lyon")."""
    before = span.doc[span.start - 2:span.start] if span.start > 1 else []
    placed = len(before) == 2 and before[1].lower_ in LOCATIVE and before[0].lemma_.lower() in LOCATION_VERBS
    if span.label_ in {"GPE", "LOC", "FAC"} and placed:
        return span.label_
    return label_of[span.text]


def _repeated_names(doc: Doc, label_of: dict[str, str], covered: set[int]) -> list[Span]:
    """Proper nouns the model missed that repeat a name it found, the surname of a person it found, or the
    first word of the one organisation name it found that starts with that word."""
    by_first_token: dict[str, list[tuple[str, ...]]] = {}
    for text in list(label_of):
        words = tuple(text.split())
        by_first_token.setdefault(words[0], []).append(words)
        if label_of[text] == "PERSON" and len(words) > 1 and words[-1] not in label_of:
            label_of[words[-1]] = "PERSON"
            by_first_token.setdefault(words[-1], []).append(words[-1:])
    organisations = Counter(text.split()[0] for text, label in label_of.items() if label == "ORG" and " " in text)
    for first, count in organisations.items():  # "Sun" after "Sun Microsystems" (one organisation only)
        if count == 1 and first not in label_of and first[:1].isupper() and first.isalpha():
            label_of[first] = "ORG"
            by_first_token.setdefault(first, []).append((first,))
    found = []
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN":
            continue
        for words in sorted(by_first_token.get(token.text, []), key=len, reverse=True):
            end = token.i + len(words)
            if end <= len(doc) and tuple(t.text for t in doc[token.i:end]) == words:
                alone = len(words) > 1 or end == len(doc) or doc[end].pos_ != "PROPN"
                if alone and not covered.intersection(range(token.i, end)):
                    found.append(Span(doc, token.i, end, label=label_of[" ".join(words)]))
                    covered.update(range(token.i, end))
                break
    return found


def _loose_name_word(token: Token) -> bool:
    """A capitalised proper noun that is neither a common noun ("Democrat" in "Democrat Norma Torres" is) nor a
    title ("Councilmember Greg Casar")."""
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not is_common_noun(token.text) \
        and not _is_role_word(token)


def _persons_by_first_name(doc: Doc, covered: set[int]) -> list[Span]:
    """Whole names the model missed that start with a known first name: "Norma Torres" in "Democrat Norma
    Torres won". Two or three proper nouns with no other proper noun around them, not a known place."""
    found = []
    for sent in doc.sents:
        found += _sentence_persons_by_first_name(doc, sent.start, sent.end, covered)
    return found


def _sentence_persons_by_first_name(doc: Doc, first: int, last: int, covered: set[int]) -> list[Span]:
    found = []
    for start in range(first, last):
        if doc[start].pos_ != "PROPN" or start in covered or (start > first and _loose_name_word(doc[start - 1])):
            continue
        for end in (start + 3, start + 2):
            words = doc[start:end]
            if end > last or covered.intersection(range(start, end)) \
                    or any(t.pos_ != "PROPN" for t in words) \
                    or (end < last and _loose_name_word(doc[end])):
                continue
            if person_by_first_name([t.text for t in words]) and place(words.text) is None:
                found.append(Span(doc, start, end, label="PERSON"))
                covered.update(range(start, end))
                break
    return found


TITLE_QUALIFIERS = {"former", "then", "ex", "new", "outgoing", "incoming", "longtime", "current", "acting",
                    "interim", "founding"}


def _department_word(span: Span) -> bool:
    """A government department's word inside an office's title: "State" in "Secretary of State", "Defense" in
    "Defense Secretary", "Treasury" in "Treasury and Finance Minister"."""
    doc = span.doc
    before = doc[span.start - 2:span.start] if span.start > 1 else []
    end = span.end
    while end + 1 < len(doc) and doc[end].lower_ in {"and", "&"} and doc[end + 1].lower_ in DEPARTMENT_WORDS:
        end += 2  # the other departments of a joint office
    after = doc[end].lower_ if end < len(doc) else ""
    return len(span) == 1 and span.text.lower() in DEPARTMENT_WORDS and (
        after in OFFICE_TITLES or (len(before) == 2 and before[1].lower_ in {"of", "for"}
                                   and before[0].lower_ in OFFICE_TITLES))


def _is_name_word(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return token.is_alpha and token.text[:1].isupper() and not token.is_stop and token.ent_type_ != "DATE" \
        and word not in ROLE_WORDS and word not in ROLE_MODIFIERS and word not in TITLE_QUALIFIERS


def _employers_in_titles(doc: Doc, covered: set[int]) -> list[Span]:
    """Capitalised words the model missed right before an organisation's title and a name: "SpaceX" in
    "Tesla and SpaceX founder Elon Musk", "Salesforce" in "Salesforce President and COO Bret Taylor", "Arsenal"
    in "Arsenal boss Mikel Arteta"."""
    found = []
    for token in doc:
        if token.i in covered or not _is_name_word(token) or not (organisation_title_follows(doc, token.i + 1)
                                                                  or club_title_follows(doc, token.i + 1)):
            continue
        start = token.i
        while start > token.i - 3 and start - 1 not in covered and start > token.sent.start \
                and doc[start - 1].pos_ == "PROPN" and (_is_name_word(doc[start - 1]) or (
                    doc[start - 1].lower_ in TITLES and is_common_noun(token.text))):
            start -= 1  # a title word inside a name that ends in a common noun: "Premier League"
        found.append(Span(doc, start, token.i + 1, label="ORG"))
        covered.update(range(start, token.i + 1))
    return found


def _holders_of_titles(doc: Doc, spans: list[Span], covered: set[int]) -> list[Span]:
    """Names the model missed after an organisation and its title: "Odegaard" in "Arsenal midfielder Odegaard"."""
    found = []
    for span in spans:
        if span.label_ != "ORG" or not (organisation_title_follows(doc, span.end)
                                        or club_title_follows(doc, span.end)):
            continue
        start = span.end
        while start < len(doc) and (_is_role_word(doc[start])
                                    or doc[start].lower_ in ROLE_MODIFIERS | {"and", "&", "-"}):
            start += 1
        end = start
        while end < min(len(doc), start + 3) and doc[end].pos_ == "PROPN" and _is_name_word(doc[end]):
            end += 1
        if end > start and not covered.intersection(range(start, end)):
            found.append(Span(doc, start, end, label="PERSON"))
            covered.update(range(start, end))
    return found


# Offices held in a town, region or country, which the place's name comes before ("Ontario Mayor Jane Roe").
PLACE_OFFICES = {"mayor", "governor", "premier", "sheriff"}


def _places_of_offices(doc: Doc, covered: set[int]) -> list[Span]:
    """Known places the model missed right before an office held there and a name: "Ontario" in "Ontario Mayor
    Paul Leon" (one to three proper nouns that GeoNames knows as a whole)."""
    found = []
    for token in doc[1:-1]:
        after = doc[token.i + 1]
        if token.i in covered or after.lower_ not in PLACE_OFFICES or token.i + 2 >= len(doc) \
                or doc[token.i + 2].pos_ != "PROPN" or not doc[token.i + 2].text[:1].isupper():
            continue
        for start in range(max(token.i - 2, token.sent.start), token.i + 1):
            words = doc[start:token.i + 1]
            if not covered.intersection(range(start, token.i + 1)) \
                    and all(t.pos_ == "PROPN" and _is_name_word(t) for t in words) and place(words.text):
                found.append(Span(doc, start, token.i + 1, label="GPE"))
                covered.update(range(start, token.i + 1))
                break
    return found


def _electoral_areas(doc: Doc, covered: set[int]) -> list[Span]:
    """Proper nouns the model missed right before an electoral area's word: "Riverside" in "Riverside ward"."""
    found = []
    if not any(t.lower_ in ELECTORAL_AREAS or t.lower_ == "division" for t in doc):
        return found
    for token in doc:
        if token.i in covered or token.pos_ != "PROPN" or not _is_name_word(token):
            continue
        span = _name_span(token)
        if not covered.intersection(range(span.start, span.end)) and electoral_area_follows(span):
            found.append(Span(doc, span.start, span.end, label="GPE"))
            covered.update(range(span.start, span.end))
    return found


def _with_legal_suffix(span: Span) -> Span:
    """An organisation's name with the legal suffix written after a comma: "Sling Broadband, LLC" (a suffix
    cleanco knows, capitalised: in ", as a deputy" "as" is no Norwegian AS)."""
    doc, end = span.doc, span.end
    if span.label_ == "ORG" and end + 1 < len(doc) and doc[end].text == "," \
            and doc[end + 1].text[:1].isupper() and has_legal_suffix(f"{span.text}, {doc[end + 1].text}"):
        return Span(doc, span.start, end + 2, label="ORG", span_id=span.id)
    return span


BODY_WORDS = {"board", "committee"}


def _without_boards(spans: list[Span]) -> list[Span]:
    """An organisation's board is the organisation in the graph: "the Twitter Board" -> Twitter when the
    article names Twitter on its own; "the Board" alone is no entity. Boards with names of their own
    ("Federal Reserve Board") stay."""
    names = {s.text for s in spans}
    kept = []
    for span in spans:
        if span.label_ == "ORG" and span[0].lower_ in BODY_WORDS and span.text.lower().startswith(
                ("board of directors", "board of trustees", "board of governors", "board")) and len(span) in {1, 3}:
            continue  # "the Board", "the Board of Directors": the body of an organisation named elsewhere
        if span[-1].lower_ in BODY_WORDS and span.label_ == "ORG":
            if span[:-1].text in names:
                span = Span(span.doc, span.start, span.end - 1, label="ORG", span_id=span.id)
        kept.append(span)
    return kept


# Bodies a country has one of: "the Syrian government" is an organisation, not Syria.
NATIONAL_BODIES = {"government", "army", "military", "navy", "parliament", "cabinet", "regime", "administration"}


def _national_body(span: Span) -> Span:
    """A nationality and the body it qualifies, as one organisation: "the Syrian government"."""
    doc = span.doc
    if span.label_ == "GPE" and len(span) == 1 and span.text.lower() in DEMONYMS and span.end < len(doc) \
            and doc[span.end].lower_ in NATIONAL_BODIES and doc[span.end].head.i != span.start:
        return Span(doc, span.start, span.end + 1, label="ORG")
    return span


def _party(span: Span) -> Span:
    """A party's member noun or adjective is the party: "Democrat" in "Democrat Jane Roe" (Democratic Party)."""
    party = PARTY_MEMBERS.get(span.text.lower())
    if party and span.label_ in {"NORP", "ORG"}:
        return Span(span.doc, span.start, span.end, label="ORG", span_id=party)
    return span


def _party_words(doc: Doc, covered: set[int]) -> list[Span]:
    """Capitalised party words the model left out: "Republican" in "Her Republican challenger"."""
    found = []
    for token in doc:
        if token.i not in covered and token.text[:1].isupper() and token.lower_ in PARTY_MEMBERS:
            found.append(Span(doc, token.i, token.i + 1, label="ORG", span_id=PARTY_MEMBERS[token.lower_]))
            covered.add(token.i)
    return found


@Language.component("entity_repair")
def entity_repair(doc: Doc) -> Doc:
    """Drop junk entities and label every repeat of a known name consistently within the document; a name
    before an organisation's title ("Twitter CEO Jack Dorsey") is an organisation everywhere in it.

    A name recognised once (e.g. "Elon Musk" as PERSON) is labelled the same wherever it occurs again
    as proper nouns the model missed (e.g. "Elon Musk (r.)").
    """
    alone: dict[str, set[str]] = {}
    for e in doc.ents:
        alone.setdefault(e.text, set()).add(e.label_)
        if e.label_ == "PERSON" and len(e) > 1:
            alone.setdefault(e[-1].text, set()).add("PERSON")  # "Musk" of "Elon Musk"
    pieces = [q for e in map(_party, doc.ents) if e.label_ in ENTITY_TYPES or e.text.lower() in DEMONYMS
              for p in _split_possessive(e, alone) for q in _split_place_tail(p)]
    kept = [_titled_person(s) for s in map(_clean_span, pieces) if s is not None and not _department_word(s)]
    kept = _without_boards([_national_body(s) for s in kept])
    label_of = decide_labels(kept)
    covered = {i for s in kept for i in range(s.start, s.end)}
    missed = _persons_by_first_name(doc, covered)
    for person in missed:
        label_of.setdefault(person.text, "PERSON")  # its surname alone is the person too (_repeated_names)
    repeated = _repeated_names(doc, label_of, covered)
    if repeated:  # their context votes too: "Dell reported profits" before "Michael Dell" and "Dell" (ORG)
        label_of = decide_labels(kept + missed + repeated)
    spans = [Span(doc, s.start, s.end, label=_label_in_context(s, label_of), span_id=s.id)
             for s in kept + missed + repeated]
    spans.extend(_party_words(doc, covered))
    spans.extend(_names_in_apposition(doc, covered))
    spans.extend(_employers_in_titles(doc, covered))
    spans.extend(_holders_of_titles(doc, spans, covered))
    spans.extend(_electoral_areas(doc, covered))
    spans.extend(_places_of_offices(doc, covered))
    spans.extend(e for e in doc.ents if e.label_ == "DATE")  # kept for dates of birth, death, founding
    doc.ents = filter_spans([_with_legal_suffix(s) for s in spans])
    return doc


def _name_span(token: Token) -> Span:
    """A proper noun with the proper nouns compounded before it ("Ilya" + "Sutskever")."""
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    return Span(token.doc, start, token.i + 1)


def _names_in_apposition(doc: Doc, covered: set[int]) -> list[Span]:
    """Unlabelled proper nouns that a describing noun names: "the company SpaceX" (ORG), "Ilya Sutskever,
    the company's chief scientist" or "its president, Jane Roe" (PERSON)."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in covered or not token.text[:1].isupper():
            continue
        described = [token.head] if token.dep_ == "appos" else []
        described += [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        lemmas = {t.lemma_.lower() for t in described if t.pos_ == "NOUN"}
        label = "ORG" if lemmas & ORG_NOUNS else "PERSON" if lemmas & ROLE_WORDS else None
        if label is None:
            continue
        span = _name_span(token)
        if label == "PERSON" and len(span) < 2:
            continue  # a single capitalised word is too often not a name
        if label and not covered.intersection(range(span.start, span.end)):
            found.append(Span(doc, span.start, span.end, label=label))
    return found


SPACY_LABELS = {etype: label for label, etype in reversed(ENTITY_TYPES.items())}


class GazetteerError(KgbuildError, ValueError):
    """The gazetteer file cannot be used."""


def read_gazetteer(path: Path) -> list[dict]:
    """EntityRuler patterns from a gazetteer file: one `name<TAB>Type[<TAB>canonical name]` per line.

    Type is an ontology class (Person, Organization, Place, Product, Event, CreativeWork); lines starting
    with # are comments. The canonical name (default: the name) becomes the entity's label.
    """
    patterns = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer ({exc})") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) < 2 or fields[1] not in SPACY_LABELS or not fields[0]:
            raise GazetteerError(f"{path}: line {number}: expected 'name<TAB>type[<TAB>canonical name]' "
                                 f"with a type among {', '.join(SPACY_LABELS)}")
        canonical = fields[2] if len(fields) > 2 and fields[2] else fields[0]
        patterns.append({"label": SPACY_LABELS[fields[1]], "pattern": fields[0], "id": canonical})
    return patterns


# "co-founded" is one word with the lemma "co-found" (spaCy would split it and tag "co" and "-" apart).
CO_WORDS = {"found": ("founded", "founding", "founds", "founder", "founders"), "own": ("owned", "owns", "owner"),
            "chair": ("chaired", "chairs", "chairman", "chairwoman"), "host": ("hosted", "hosts"),
            "author": ("authored", "authors"), "star": ("starred", "stars"), "lead": ("led", "leads"),
            "write": ("wrote", "written", "writes"), "direct": ("directed", "directs", "director"),
            "produce": ("produced", "produces", "producer"), "create": ("created", "creates", "creator")}


def _keep_co_words(nlp: Language) -> None:
    """Keep "co-founded" and its kin whole, with lemmas such as "co-found" and "co-founder"."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for stem, forms in CO_WORDS.items():
        for form in (stem, *forms):
            lemma = f"co-{form}" if form.endswith(("er", "or", "man", "woman", "ers")) else f"co-{stem}"
            for spelling in (f"co-{form}", f"Co-{form}"):
                nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
            if ruler is not None:
                ruler.add(patterns=[[{"LOWER": f"co-{form}"}]], attrs={"LEMMA": lemma.removesuffix("s")})


def _keep_title_abbreviations(nlp: Language) -> None:
    """Keep abbreviated titles whole with their full stop ("Lt.", "Gov.", "Cllr."), wherever they stand."""
    for short in TITLE_ABBREVIATIONS:
        spelling = f"{short.capitalize()}."
        nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])


def _keep_hyphenated_titles(nlp: Language) -> None:
    """Keep titles such as "secretary-general" whole (in lower, capitalised and title case): a singular noun
    with a lower-case lemma, which the tagger (not knowing the word) would take for an adjective."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for title in HYPHENATED_TITLES:
        words = title.split("-")
        for spelling in {title, title.capitalize(), "-".join(w if w == "in" else w.capitalize() for w in words)}:
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
        if ruler is not None:
            ruler.add(patterns=[[{"LOWER": title}]], attrs={"LEMMA": title, "POS": "NOUN", "TAG": "NN"})


def load_pipeline(model: str = DEFAULT_MODEL, gazetteer: Path | None = None) -> Language:
    """Load a spaCy model by package name and add kgbuild's components (and a gazetteer's names)."""
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        if "E050" in str(exc) or "E941" in str(exc):
            package = model.replace("_", "-")
            raise ModelNotInstalled(
                f"spaCy model '{model}' is not installed (try: pip install {package})"
            ) from exc
        raise
    _keep_co_words(nlp)
    _keep_title_abbreviations(nlp)
    _keep_hyphenated_titles(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "ner" not in nlp.pipe_names:
        raise ModelNotInstalled(f"spaCy model '{model}' has no 'ner' component")
    if gazetteer is not None:
        ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner", config={"overwrite_ents": True})
        ruler.add_patterns(read_gazetteer(gazetteer))
    nlp.add_pipe("entity_repair", last=True)
    return nlp


def parse(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
          n_process: int = 1) -> Iterator[tuple[Doc, Article]]:
    """Parse articles with nlp.pipe, yielding (doc, article) pairs in input order.

    Texts go in alone and each doc is paired with its article by order (nlp.pipe keeps it): with
    as_tuples=True and n_process > 1, spaCy would tokenize every text in this process first."""
    waiting: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            waiting.append(article)
            yield article.text

    for doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        article = waiting.popleft()
        doc._.article_id = article.id
        yield doc, article
