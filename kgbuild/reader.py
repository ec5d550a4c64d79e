"""Read stage: turn .txt, .jsonl and .html files into Article objects.

Every file or line that cannot be read becomes a ReadProblem instead of an exception,
so one bad input never stops a batch.
"""
from __future__ import annotations

import datetime
import errno
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

from .boilerplate import prose_paragraphs
from .knowledge import place as place_of
from .model import Article
from .vocab import digest

SUFFIXES = (".txt", ".jsonl", ".html", ".htm")
ALREADY_BUILT = "already in the graph"


@dataclass(frozen=True)
class ReadProblem:
    """A file or line that could not be read, shown to the user as '<path>: <problem>'."""

    path: str
    message: str
    skipped: bool = True  # False: a warning; the article was read all the same

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"

    @property
    def already_built(self) -> bool:
        """The article is in the graph already (an incremental build does not read it again)."""
        return self.message == ALREADY_BUILT


class _Unreadable(Exception):
    """Internal: the file as a whole cannot be read; the message is for the user."""


# ---------------------------------------------------------------------------------------------
# Dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_MONTH_YEAR = re.compile(rf"(\d{{1,2}})\s+({_MONTH}),?\s+(\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)
# A date as written in a header (time of day allowed after an ISO date).
_DATE_VALUE = re.compile(
    rf"\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}",
    re.I,
)


def normalise_date(value: str) -> str | None:
    """ISO 'YYYY-MM-DD' for a date written as 2023-08-22, 2023/08/22, 22 August 2023 or
    August 22, 2023 (anything after the date, such as a time of day, is ignored); None if invalid."""
    value = value.strip()
    if m := _ISO_DATE.match(value):
        year, month, day = m.groups()
    elif m := _DAY_MONTH_YEAR.match(value):
        day, month, year = m.groups()
    elif m := _MONTH_DAY_YEAR.match(value):
        month, day, year = m.groups()
    else:
        return None
    if not month.isdigit():
        month = _MONTHS[month.rstrip(".").lower()]
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# Body cleaning shared by all formats

# Photo credits and captions: from the marker to the end of the line.
_CREDIT_TO_EOL = re.compile(
    r"©[^\n]*"
    r"|(?<!\S)(?:Photos?|PHOTOS?|Images?|IMAGES?|Pictures?)(?: [Cc]redits?)?(?::| by\b)[^\n]*"
    r"|(?<!\S)(?:Credits?|CREDITS?):[^\n]*"
)
# Parenthesised credits inside a line: "(Photo by X/Getty Images)", "(Image: X)".
_CREDIT_IN_PARENS = re.compile(
    r"\(\s*(?:photos?|images?|pictures?)(?:\s+credits?)?\s*(?::|by\b)[^()\n]*\)", re.I
)
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_SPACE_BEFORE_PUNCT = re.compile(r" ([,.;:!?])(?=[\s\"'”’)\]]|$)")
# Dateline: 1-4 words, optional Reuters-style date and "(Agency)", then a dash. Words are
# checked for capitals in _split_dateline (the regex cannot express Unicode upper case).
_DATELINE_WORD = r"[^\W\d_][\w.'’&]{0,30}(?:-[\w.'’&]{1,30}){0,3}"  # bounded: no slow backtracking
_DATELINE = re.compile(
    rf"(?P<place>{_DATELINE_WORD}(?:,? {_DATELINE_WORD}){{0,3}})"
    rf"(?:, {_MONTH} \d{{1,2}})?"
    r"(?: \([^\W\d_][\w .&-]{0,30}\))?"
    r"(?: ?(?:--|[–—]) ?| - |(?P<colon>: ))",
    re.I,
)


def _split_dateline(text: str) -> tuple[str | None, str]:
    """Split a leading 'Moscow, Russia - ' (or a known place and a colon: 'Washington: ') off the text."""
    m = _DATELINE.match(text)
    if not m:
        return None, text
    place = m.group("place")
    rest = text[m.end():]
    words = place.replace(",", " ").split()
    if not rest or rest[0].islower() or not all(word[0].isupper() for word in words):
        return None, text
    if m.group("colon") and place_of(place.split(",")[0]) is None:
        return None, text  # "Washington: ..." is a dateline, "Update: ..." is not
    return place, rest


# UTF-8 read as cp1252 somewhere upstream: "companyâ€™s" for "company’s", "Ã©" for "é".
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252 ("â€™" -> "’"), one garbled character at a time."""
    def fix(match: re.Match) -> str:
        try:
            return match[0].encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match[0]
    return _MOJIBAKE.sub(fix, text)


def _clean_body(text: str) -> tuple[str | None, str]:
    """Remove photo credits and page furniture, normalise whitespace and split off the dateline.

    Returns (dateline, text); paragraphs in the text are separated by one blank line.
    """
    text = repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CREDIT_TO_EOL.sub("", _CREDIT_IN_PARENS.sub("", text))
    paragraphs = (" ".join(p.split()) for block in _PARAGRAPH_BREAK.split(text) for p in prose_paragraphs(block))
    text = "\n\n".join(p for p in paragraphs if p)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    dateline, text = _split_dateline(text)
    return dateline, text.strip()


def article_id(text: str) -> str:
    """Stable id of an article: a digest of its body text with whitespace normalised."""
    return digest(" ".join(text.split()))


# Function words of English and of the languages most often mistaken for it.
_ENGLISH_WORDS = frozenset("the of and to in a is was that for with as by at from on he she it his her are were be "
                           "this which said has have had an not or but who their they its".split())
_OTHER_WORDS = [frozenset(words.split()) for words in (
    "le la les des du de et est une un dans pour qui que au aux sur avec par pas ce sont été il elle",  # French
    "der die das und ist nicht mit den dem ein eine zu von auf für sich des auch im wurde sie er",  # German
    "el la los las de y en que del por con una un es para se al fue como su",  # Spanish
    "il la di e che del della per un una con non sono nel gli le è da al",  # Italian
    "o a os as de do da e que em um uma para com não por foi são dos das",  # Portuguese
    "de het een en van is dat op te in met voor zijn niet aan ook werd door",  # Dutch
)]
_LANGUAGE_SAMPLE = 20_000
_MIN_WORDS = 20  # shorter texts are taken to be English


def looks_english(text: str) -> bool:
    """Cheap language check: mostly Latin letters and, in texts of 20 words or more, more English
    function words than those of French, German, Spanish, Italian, Portuguese or Dutch (so also some)."""
    sample = text[:_LANGUAGE_SAMPLE]
    letters = [ch for ch in sample if ch.isalpha()]
    if sum(ch < "\u0250" for ch in letters) < 0.5 * len(letters):  # Cyrillic, CJK, Arabic, ...
        return False
    words = re.findall(r"[^\W\d_]+", sample.lower())
    if len(words) < _MIN_WORDS:
        return True
    english = sum(w in _ENGLISH_WORDS for w in words)
    return english > max(sum(w in other for w in words) for other in _OTHER_WORDS)


def _article(body: str, origin: str, title: str | None, date: str | None,
             source: str | None) -> Article:
    """The Article of a body and its metadata (`date` as written); ValueError if there is no
    English text. A date that cannot be read is dropped with a note."""
    dateline, text = _clean_body(body)
    if not text:
        raise ValueError("no article text")
    if not looks_english(text):
        raise ValueError("not English text")
    iso = normalise_date(date) if date else None
    notes = (f"date {date[:40]!r} not understood; built without a date",) if date and not iso else ()
    return Article(id=article_id(text), text=text, origin=origin, title=title, date=iso,
                   source=source, dateline=dateline, notes=notes)


# ---------------------------------------------------------------------------------------------
# .txt

_FIELD = re.compile(r"\s*(title|date|source|url)\b[^\S\n]*(:)?[^\S\n]*", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
_MAX_VALUE_WORDS = 4  # an unrecognised "key: value" longer than this is a word, then the body


def _read_fields(text: str) -> tuple[dict[str, str], str]:
    """Read 'key: value' header lines and inline 'date 2023-08-22 source https://...' fields
    from the start of the text; return them and the rest of the text."""
    fields: dict[str, str] = {}
    pos = 0
    while m := _FIELD.match(text, pos):
        key, colon, start = m.group(1).lower(), m.group(2), m.end()
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        if key == "title":
            if not colon:
                break
            value, end = text[start:line_end], line_end
        else:
            value_match = (_DATE_VALUE if key == "date" else _URL).match(text, start)
            if value_match:
                value, end = value_match.group(), value_match.end()
            elif colon:
                value = text[start:line_end].strip()
                if len(value.split()) > _MAX_VALUE_WORDS:
                    value = value.split()[0]
                end = start + len(value) if value else line_end
            else:
                break
        fields.setdefault("source" if key == "url" else key, value.strip())
        pos = end
    return fields, text[pos:].lstrip()


def read_text_article(text: str, origin: str) -> Article:
    """Parse one plain-text article (optional header fields, dateline, prose).

    Raises ValueError if there is no article text.
    """
    fields, body = _read_fields(text.lstrip("\ufeff"))
    source = fields.get("source")
    return _article(
        body,
        origin,
        title=fields.get("title") or Path(origin).stem,
        date=fields.get("date"),
        source=source if source and _URL.fullmatch(source) else None,
    )


# ---------------------------------------------------------------------------------------------
# .html

_SKIP_TAGS = {"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
              "figure", "figcaption", "template", "svg", "title"}
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "br", "article", "main",
               "body", "section", "blockquote", "ul", "ol", "table", "tr", "pre"}
_CONTAINERS = ("article", "main", "body")


class _HTMLArticle(HTMLParser):
    """Collects paragraphs (with the containers they sit in) and metadata from an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, frozenset[str]]] = []
        self.meta: dict[str, str] = {}      # first value seen of each metadata key
        self._parts: list[str] = []
        self._skip = 0
        self._open = {name: 0 for name in _CONTAINERS}
        self._capture: str | None = None   # "title" or "h1" while reading that element
        self._captured: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            for wanted, field in (("og:title", "og_title"), ("article:published_time", "published"),
                                  ("date", "meta_date"), ("og:url", "og_url")):
                if key == wanted and a.get("content"):
                    self.meta.setdefault(field, a["content"])
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "time" and a.get("datetime"):
            self.meta.setdefault("time", a["datetime"])
        if tag in _BLOCK_TAGS:
            self._end_capture()  # in case the <h1> is never closed
            self._flush()
        if tag not in self.meta and (tag == "title" or tag == "h1" and not self._skip):
            self._capture, self._captured = tag, []
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag in self._open:
            self._open[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self._capture:
            self._end_capture()
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in self._open and self._open[tag]:
            self._open[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self._capture:  # the page title and first <h1> (the headline) are not body text
            self._captured.append(data)
        elif not self._skip:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._end_capture()
        self._flush()

    def _end_capture(self) -> None:
        if self._capture:
            self.meta.setdefault(self._capture, " ".join("".join(self._captured).split()))
            self._capture = None

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        self._parts = []
        if text:
            inside = frozenset(name for name, depth in self._open.items() if depth)
            self.blocks.append((text, inside))


def read_html_article(html: str, origin: str) -> Article:
    """Parse the main text and metadata of an HTML page; the first <h1> is taken to be the
    headline and left out of the text. Raises ValueError if there is no text."""
    parser = _HTMLArticle()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError as exc:  # html.parser's reaction to some malformed markup
        raise ValueError(f"cannot parse HTML ({exc})") from None
    meta = parser.meta
    for container in _CONTAINERS:
        paragraphs = [text for text, inside in parser.blocks if container in inside]
        if paragraphs:
            break
    else:
        paragraphs = [text for text, _ in parser.blocks]
    dates = (normalise_date(meta.get(key, "")) for key in ("published", "time", "meta_date"))
    date = next((d for d in dates if d), None)
    return _article(
        "\n\n".join(paragraphs),
        origin,
        title=meta.get("og_title") or meta.get("title") or meta.get("h1") or None,
        date=date,
        source=meta.get("canonical") or meta.get("og_url"),
    )


# ---------------------------------------------------------------------------------------------
# .jsonl

def _read_jsonl(text: str, path: str) -> Iterator[Article | ReadProblem]:
    # split on "\n" only: JSON strings may contain raw U+2028, which str.splitlines() splits on
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(path, f"line {number}: invalid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield ReadProblem(path, f"line {number}: expected a JSON object")
            continue
        field = {k: v if isinstance(v, str) and v.strip() else None for k, v in record.items()}
        if not field.get("text"):
            yield ReadProblem(path, f"line {number}: no 'text' field")
            continue
        try:
            yield _article(field["text"], f"{path}:{number}", title=field.get("title"),
                           date=field.get("date"), source=field.get("url"))
        except ValueError as exc:
            yield ReadProblem(path, f"line {number}: {exc}")


# ---------------------------------------------------------------------------------------------
# Bytes to text

_MAGIC = (b"%PDF", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b",
          b"\x7fELF", b"\xd0\xcf\x11\xe0", b"7z\xbc\xaf", b"Rar!")
_SAMPLE = 65536


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'-be' if the bytes look like mostly-ASCII UTF-16 (NULs every other byte)."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:_SAMPLE]
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in sample)
    return printable >= 0.95 * len(sample)


def _decode(data: bytes) -> tuple[str, str]:
    """Decode file contents: UTF-8 (with or without BOM), UTF-16, else cp1252/latin-1 if the
    bytes look like text; returns the text and the encoding. Raises _Unreadable for empty, binary
    or undecodable contents."""
    if not data.strip():
        raise _Unreadable("empty file")
    if data.startswith(_MAGIC):
        raise _Unreadable("binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding: str | None = "utf-16"
    else:
        encoding = _utf16_without_bom(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise _Unreadable("cannot decode text") from None
    elif b"\x00" in data:
        raise _Unreadable("binary file, not text")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            if not _looks_like_text(text):
                raise _Unreadable("cannot decode text") from None
    if not text.strip():
        raise _Unreadable("empty file")
    return text, encoding


def _os_problem(exc: OSError, path: Path) -> str:
    """The user's message for an error from the file system."""
    if isinstance(exc, PermissionError):
        return "cannot read: permission denied"
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link" if path.is_symlink() else "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {exc.strerror or exc}"


def _read_bytes(path: Path) -> bytes:
    try:
        if path.exists() and not path.is_file():
            raise _Unreadable("not a regular file")
        if path.exists() and not path.stat().st_mode & 0o444:  # mode 000: root could read it, but should not
            raise _Unreadable("cannot read: permission denied")
        return path.read_bytes()
    except OSError as exc:
        raise _Unreadable(_os_problem(exc, path)) from None


# ---------------------------------------------------------------------------------------------
# Files and folders

def _read_file(path: Path) -> Iterator[Article | ReadProblem]:
    name = str(path)
    try:
        text, encoding = _decode(_read_bytes(path))
    except _Unreadable as exc:
        yield ReadProblem(name, str(exc))
        return
    note = () if encoding == "utf-8" else (f"not UTF-8; read as {encoding}",)
    for item in _parse_file(text, name, path.suffix.lower()):
        yield replace(item, notes=note + item.notes) if isinstance(item, Article) else item


def _parse_file(text: str, name: str, suffix: str) -> Iterator[Article | ReadProblem]:
    if suffix == ".jsonl":
        yield from _read_jsonl(text, name)
        return
    try:
        if suffix == ".txt":
            yield read_text_article(text, name)
        else:
            yield read_html_article(text, name)
    except ValueError as exc:
        yield ReadProblem(name, str(exc))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. permission denied: reported when the path is read as a file
        return False


def _files(inputs: Iterable[str | Path]) -> Iterator[Path | ReadProblem]:
    """The files to read, in order: folders walked recursively in sorted order."""
    visited: set[str] = set()

    def walk(folder: Path) -> Iterator[Path | ReadProblem]:
        real = os.path.realpath(folder)
        if real in visited:
            loop = os.path.realpath(folder.parent).startswith(os.path.join(real, ""))
            yield ReadProblem(str(folder), "symbolic link loop" if loop else "folder already read")
            return
        visited.add(real)
        try:
            entries = sorted(folder.iterdir(), key=lambda p: p.name)
        except OSError as exc:
            yield ReadProblem(str(folder), _os_problem(exc, folder))
            return
        for entry in entries:
            if _is_dir(entry):
                yield from walk(entry)
            elif entry.suffix.lower() in SUFFIXES:
                yield entry
            elif not entry.name.startswith("."):  # hidden files (.DS_Store, ...) are not inputs
                yield _unsupported(entry)

    for item in inputs:
        path = Path(item)
        if _is_dir(path):
            yield from walk(path)
        elif path.suffix.lower() in SUFFIXES:
            yield path  # a missing or unreadable file is reported when it is read
        else:
            yield _unsupported(path)


def _unsupported(path: Path) -> ReadProblem:
    """Why `path`, not a .txt/.jsonl/.html file, is not read."""
    try:
        path.stat()
    except OSError as exc:
        return ReadProblem(str(path), _os_problem(exc, path))
    kind = f"'{path.suffix}'" if path.suffix else "(no extension)"
    return ReadProblem(str(path), f"unsupported file type {kind} (expected .txt, .jsonl, .html)")


def read_articles(inputs: Iterable[str | Path]) -> Iterator[Article | ReadProblem]:
    """Yield every article found in the given files and folders (folders recursively, sorted,
    only .txt/.jsonl/.html/.htm files), and a ReadProblem for each file or line that cannot be
    read. Duplicate articles are yielded once. Never raises for bad input."""
    first_origin: dict[str, str] = {}
    for file in _files(inputs):
        items = [file] if isinstance(file, ReadProblem) else _read_file(file)
        for item in items:
            if isinstance(item, Article):
                if item.id in first_origin:
                    item = ReadProblem(item.origin, f"duplicate of {first_origin[item.id]}")
                else:
                    first_origin[item.id] = item.origin
            yield item
