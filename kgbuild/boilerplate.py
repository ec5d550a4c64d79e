"""Separate article prose from the furniture of a web page: bylines, credits, navigation, headlines.

Lines that stop mid-sentence are joined to the next (hard-wrapped text), then each line is judged on its
own. A line is kept when it reads like prose: it ends like a sentence (or is long), and it is not one of
the stock phrases of news sites ("Reporting by ...", "Sign up for ...", "Read more", "Our Standards: ...").
"""
from __future__ import annotations

import re

_STOCK_LINE = re.compile(
    r"^(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|produced|research)\s+by\b"
    r"|(?:written\s+)?by\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*(?:(?:for|,)\s+\w+)?\s*(?:->|\||$)"
    r"|our standards\b|all rights reserved|copyright\b|crown copyright|©|\(c\)\s"
    r"|file(?:\s+photo)?\s*[:-]|photo\s*:|image\s*:|picture\s*:|credit\s*:|source\s*:|related\s*:"
    r"|read more\b|more related articles|most (?:read|viewed|popular)\b|other headlines|sign up\b|subscribe\b"
    r"|follow us\b|share\b|tags?\s*$|advertisement\s*$|click here\b|leave a (?:reply|comment)"
    r"|you are commenting|log out\b|connecting to\b|back to the top|updated\s*:|\d+\s+min(?:ute)?s?\s+read"
    r"|the views and opinions expressed)",
    re.IGNORECASE,
)
_EMBED = re.compile(r"pic\.twitter\.com/|\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}|https?://t\.co/")
_SENTENCE_END = re.compile(r"[.!?:;…]['\"”’)\]]*\s*$")
_SEPARATORS = re.compile(r"\s[/|•»]\s")
_PROSE_WORDS = 20      # a line this long is prose even without a full stop
_WRAPPED_CHARS = 60    # a line this long that stops mid-sentence was wrapped (headlines are shorter)


def is_prose(line: str) -> bool:
    """Whether a line reads like article prose rather than page furniture."""
    line = line.strip()
    if not line or _STOCK_LINE.match(line) or _EMBED.search(line):
        return False
    if len(_SEPARATORS.findall(line)) >= 2:
        return False  # "Home / World / Europe"
    return bool(_SENTENCE_END.search(line)) or len(line.split()) >= _PROSE_WORDS


def prose_paragraphs(block: str) -> list[str]:
    """The prose of one block of text (lines without a blank line between them), one string per paragraph."""
    lines: list[str] = []
    for line in (raw.strip() for raw in block.splitlines()):
        wrapped = lines and not _SENTENCE_END.search(lines[-1]) \
            and (line[:1].islower() or len(lines[-1]) >= _WRAPPED_CHARS)
        if line and wrapped:
            lines[-1] = f"{lines[-1]} {line}"  # a sentence that goes on on the next line
        elif line:
            lines.append(line)
    return [line for line in lines if is_prose(line)]
