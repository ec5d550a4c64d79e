"""Tests for the read stage (kgbuild.reader): formats, cleaning and robustness."""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from kgbuild.model import Article
from kgbuild.reader import (
    ReadProblem,
    article_id,
    looks_english,
    normalise_date,
    read_articles,
    read_html_article,
    read_text_article,
)

SEED = Path(__file__).resolve().parent.parent / "seeds" / "2023-08-22-musk-putin-starlink.txt"


def read_all(*inputs: str | Path) -> tuple[list[Article], list[ReadProblem]]:
    items = list(read_articles(inputs))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, ReadProblem)])


def only_problem(*inputs: str | Path) -> str:
    articles, problems = read_all(*inputs)
    assert articles == [] and len(problems) == 1, (articles, problems)
    return problems[0].message


# --- the seed article ---------------------------------------------------------------------------

def test_seed_file() -> None:
    articles, problems = read_all(SEED)
    assert problems == []
    [article] = articles
    assert article.date == "2023-08-22"
    assert article.dateline == "Moscow, Russia"
    assert article.text.startswith("The world's richest man, Elon Musk, may have")
    assert "©" not in article.text and "AFP" not in article.text
    assert "Vladimir Putin" in article.text
    assert "conflict." in article.text and " ." not in article.text
    assert article.title == SEED.stem
    assert article.origin == str(SEED)
    assert article.id == article_id(article.text)
    # paragraphs are separated by exactly one blank line
    assert "\n\n" in article.text and "\n\n\n" not in article.text


# --- .txt headers and prefixes ------------------------------------------------------------------

def test_header_lines() -> None:
    text = ("title: Talks resume\nDate 22 August 2023\nsource: https://example.org/a\n\n"
            "Officials met on Tuesday.\n")
    article = read_text_article(text, "x/talks.txt")
    assert article.title == "Talks resume"
    assert article.date == "2023-08-22"
    assert article.source == "https://example.org/a"
    assert article.text == "Officials met on Tuesday."


def test_inline_prefix() -> None:
    article = read_text_article(
        "date 2023/08/22 source https://x.y/z Moscow, Russia - Text goes here.", "a.txt")
    assert (article.date, article.source, article.dateline) == ("2023-08-22", "https://x.y/z",
                                                                "Moscow, Russia")
    assert article.text == "Text goes here."
    assert article.title == "a"


@pytest.mark.parametrize("value, expected", [
    ("2023-08-22", "2023-08-22"),
    ("2023/8/2", "2023-08-02"),
    ("22 August 2023", "2023-08-22"),
    ("August 22, 2023", "2023-08-22"),
    ("Sept. 3, 2021", "2021-09-03"),
    ("2023-08-22T10:15:00Z", "2023-08-22"),
    ("2023-13-45", None),
    ("30 February 2023", None),
    ("yesterday", None),
    ("", None),
])
def test_normalise_date(value: str, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_malformed_date_becomes_none() -> None:
    article = read_text_article("date: 2023-13-45\nThe text goes on.", "a.txt")
    assert article.date is None
    assert article.text == "The text goes on."
    inline = read_text_article("date: someday Moscow - The text goes on.", "a.txt")
    assert inline.date is None and inline.text == "The text goes on."
    assert article.notes == ("date '2023-13-45' not understood; built without a date",)
    assert read_text_article("date: 2023-01-13\nThe text goes on.", "a.txt").notes == ()


def test_words_like_header_keys_are_kept_as_text() -> None:
    article = read_text_article("Date night is popular in Paris.", "a.txt")
    assert article.date is None and article.text == "Date night is popular in Paris."


def test_empty_text_raises() -> None:
    with pytest.raises(ValueError, match="no article text"):
        read_text_article("title: Only a title\n\n  \n", "a.txt")


# --- datelines ----------------------------------------------------------------------------------

@pytest.mark.parametrize("first, dateline, rest", [
    ("Moscow, Russia - The talks began.", "Moscow, Russia", "The talks began."),
    ("WASHINGTON (Reuters) - The talks began.", "WASHINGTON", "The talks began."),
    ("NEW YORK (AP) — The talks began.", "NEW YORK", "The talks began."),
    ("Kyiv – The talks began.", "Kyiv", "The talks began."),
    ("PARIS--The talks began.", "PARIS", "The talks began."),
    ("LONDON, Aug 22 (Reuters) - The talks began.", "LONDON", "The talks began."),
    ("Washington: The talks began.", "Washington", "The talks began."),
    ("NEW DELHI: The talks began.", "NEW DELHI", "The talks began."),
    ("Update: The talks began.", None, "Update: The talks began."),
    ("Sales rose - a lot - this year.", None, "Sales rose - a lot - this year."),
    ("Talks in the capital of France - Paris - began.", None,
     "Talks in the capital of France - Paris - began."),
    ("The talks began in Moscow on Monday morning - officials said.", None,
     "The talks began in Moscow on Monday morning - officials said."),
])
def test_dateline(first: str, dateline: str | None, rest: str) -> None:
    article = read_text_article(first + "\n\nSecond paragraph.", "a.txt")
    assert article.dateline == dateline
    assert article.text == rest + "\n\nSecond paragraph."


# --- cleaning -----------------------------------------------------------------------------------

def test_credits_removed() -> None:
    text = ("The minister spoke. © Collage: Jane DOE / POOL / AFP\n\n"
            "Crowds gathered outside. Photo: John Smith/Reuters\n\n"
            "Police watched (Photo by Ann Lee/Getty Images) from afar.\n\n"
            "Image credit: Some Agency\n\n"
            "Credit: Another Agency\n\n"
            "He posted a photo by the river.")
    article = read_text_article(text, "a.txt")
    assert article.text == ("The minister spoke.\n\nCrowds gathered outside.\n\n"
                            "Police watched from afar.\n\nHe posted a photo by the river.")


def test_whitespace_and_punctuation_normalised() -> None:
    text = ("\r\n  Elon  Musk ,\tmay\nhave  spoken .\r\n\r\n\r\n\r\nNext   paragraph ...  ok .  \n"
            '\u00a0\n"Quoted ." (Aside .) Fine.')
    article = read_text_article(text, "a.txt")
    assert article.text == ('Elon Musk, may have spoken.\n\nNext paragraph ... ok.\n\n'
                            '"Quoted." (Aside.) Fine.')


# --- .jsonl -------------------------------------------------------------------------------------

def test_jsonl_good_and_malformed_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "title": "One", "date": "2023-08-22",
                    "url": "https://example.org/1", "text": "PARIS - First article."}),
        "",
        '{"title": "broken" "text": "x"}',
        json.dumps({"title": "no text"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Second article. © Someone / AFP", "date": "bad"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, problems = read_all(path)
    assert [str(p) for p in problems] == [
        f"{path}: line 3: invalid JSON (Expecting ',' delimiter)",
        f"{path}: line 4: no 'text' field",
        f"{path}: line 5: expected a JSON object",
    ]
    first, second = articles
    assert (first.title, first.date, first.source, first.dateline, first.text) == (
        "One", "2023-08-22", "https://example.org/1", "PARIS", "First article.")
    assert first.origin == f"{path}:1"
    assert first.id == article_id("First article.")  # content-derived, not the jsonl "id"
    assert (second.origin, second.date, second.title, second.text) == (
        f"{path}:6", None, None, "Second article.")


# --- .html --------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Talks resume | Example News</title>
<meta property="og:title" content="Talks resume">
<meta property="article:published_time" content="2023-08-22T09:30:00+02:00">
<link rel="canonical" href="https://example.org/talks">
<script>var x = "do not read me";</script>
<style>p { color: red; }</style>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Site banner</h1></header>
<article>
  <h1>Talks resume</h1>
  <p>GENEVA (AP) &mdash; Diplomats met
     on Tuesday &amp; talked.</p>
  <figure><img src="a.jpg"><figcaption>Diplomats arrive. Photo: AP</figcaption></figure>
  <p>They will meet again.<script>alert(1)</script></p>
  <ul><li>First point</li><li>Second point</li></ul>
  <aside>Related: other story</aside>
</article>
<footer>Copyright Example News</footer>
</body></html>
"""


def test_html(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(HTML, encoding="utf-8")
    [article] = read_all(path)[0]
    assert article.title == "Talks resume"
    assert article.date == "2023-08-22"
    assert article.source == "https://example.org/talks"
    assert article.dateline == "GENEVA"
    assert article.text == "Diplomats met on Tuesday & talked.\n\nThey will meet again."  # no list furniture


def test_html_without_article_uses_body_and_fallback_metadata() -> None:
    html = ("<html><head><meta name='date' content='August 22, 2023'>"
            "<meta property='og:url' content='https://example.org/x'></head>"
            "<body><div>Menu</div><main><h1>Headline</h1><div>Main text.</div>"
            "<h2>Sub</h2><time datetime='2021-01-02'>Jan 2</time> Loose text goes on.<br>"
            "After a break it ends.</main></body></html>")
    article = read_html_article(html, "x.htm")
    assert article.title == "Headline"
    assert article.date == "2021-01-02"  # <time> comes before <meta name="date">
    assert article.source == "https://example.org/x"
    assert article.text == "Main text.\n\nJan 2 Loose text goes on.\n\nAfter a break it ends."


def test_html_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Only navigation</nav></body></html>", encoding="utf-8")
    assert only_problem(path) == "no article text"


def test_html_unclosed_headline_and_broken_markup(tmp_path: Path) -> None:
    article = read_html_article("<h1>Headline<p>Body text.</p>", "x.html")
    assert (article.title, article.text) == ("Headline", "Body text.")
    path = tmp_path / "broken.html"
    path.write_text("<p>Text.</p><![foo bar", encoding="utf-8")
    assert only_problem(path).startswith("cannot parse HTML")


# --- robustness ---------------------------------------------------------------------------------

def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("")
    (tmp_path / "b.txt").write_text("  \n\t\n")
    articles, problems = read_all(tmp_path)
    assert articles == []
    assert [str(p) for p in problems] == [f"{tmp_path / 'a.txt'}: empty file",
                                          f"{tmp_path / 'b.txt'}: empty file"]


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"some text\x00\x01\x02 with NUL bytes \x00",
])
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    assert only_problem(path) == "binary file, not text"


def test_latin1_file_decoded(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Zürich - Café owners said “no”.".encode("cp1252"))
    [article] = read_all(path)[0]
    assert article.dateline == "Zürich"
    assert article.text == "Café owners said “no”."
    assert article.notes == ("not UTF-8; read as cp1252",)


ENGLISH = ("The minister said on Tuesday that the talks with the union would go on, and that he was "
           "hopeful of an agreement before the end of the month.")


@pytest.mark.parametrize("text, english", [
    (ENGLISH, True),
    ("Musk met Putin.", True),  # too short to judge: taken as English
    ("Le ministre a déclaré mardi que les négociations avec le syndicat se poursuivraient et qu'il "
     "espérait un accord avant la fin du mois, selon un communiqué publié par le gouvernement.", False),
    ("Der Minister sagte am Dienstag, die Gespräche mit der Gewerkschaft würden fortgesetzt, und er "
     "hoffe auf eine Einigung vor Ende des Monats, wie es in einer Mitteilung der Regierung hieß.", False),
    ("De minister zei dinsdag dat de onderhandelingen met de vakbond zouden doorgaan en dat hij hoopt op een "
     "akkoord voor het einde van de maand, aldus een verklaring van de regering.", False),
    ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et "
     "dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.", False),
    ("Ernst Ludwig Alfred Hegar, aka Alfred Hegar, was a German gynecologist famous for developing new "
     "medical tools and techniques, among them the Hegar dilator, in Freiburg im Breisgau.", True),
    ("Министр заявил во вторник, что переговоры продолжатся.", False),
    ("部长周二表示，与工会的谈判将继续进行。", False),
])
def test_looks_english(text: str, english: bool) -> None:
    assert looks_english(text) is english


def test_non_english_file_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text("Министр заявил во вторник, что переговоры продолжатся.")
    assert only_problem(tmp_path / "ru.txt") == "not English text"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_unicode_encodings_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("date: 2023-08-22\nKyiv - Zelensky spoke.".encode(encoding))
    [article] = read_all(path)[0]
    assert (article.date, article.dateline, article.text) == ("2023-08-22", "Kyiv",
                                                              "Zelensky spoke.")


def test_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(bytes(range(0x80, 0xa0)) * 10)
    assert only_problem(path) == "cannot decode text"


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nope.txt") == "no such file or directory"
    assert only_problem(tmp_path / "nope.pdf") == "no such file or directory"
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    assert only_problem(pdf) == "unsupported file type '.pdf' (expected .txt, .jsonl, .html)"


def test_folder_reports_unsupported_files_and_is_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.TXT").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "c.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    articles, problems = read_all(tmp_path)
    assert [(Path(p.path).name, p.message.split(" (")[0]) for p in problems] == [
        ("c.pdf", "unsupported file type '.pdf'"), ("notes.md", "unsupported file type '.md'")]
    assert [a.text for a in articles] == ["First article.", "Second article."]


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Secret.")

    def deny(self: Path) -> bytes:  # chmod does not stop root, so fake the error
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert only_problem(path) == "cannot read: permission denied"


def test_file_without_read_permission(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Secret.")
    path.chmod(0)
    assert only_problem(path) == "cannot read: permission denied"


def test_broken_symlink(tmp_path: Path) -> None:
    (tmp_path / "a.txt").symlink_to(tmp_path / "gone.txt")
    assert only_problem(tmp_path / "a.txt") == "broken symbolic link"
    assert only_problem(tmp_path) == "broken symbolic link"


def test_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Only once.")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    articles, problems = read_all(tmp_path)
    assert [a.text for a in articles] == ["Only once."]
    assert [str(p) for p in problems] == [f"{tmp_path / 'self.txt'}: symbolic link loop",
                                          f"{tmp_path / 'sub' / 'up'}: symbolic link loop"]


def test_duplicates_yielded_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Same  story.\n")
    (tmp_path / "b.txt").write_text("date: 2023-01-01\nSame story.")
    articles, problems = read_all(tmp_path)
    assert [a.origin for a in articles] == [str(tmp_path / "a.txt")]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'b.txt'}: duplicate of {tmp_path / 'a.txt'}"]


def test_stable_ids() -> None:
    assert article_id("Musk met Putin.") == article_id("Musk  met\nPutin. ")
    assert article_id("Musk met Putin.") != article_id("Putin met Musk.")
    first = read_text_article("Musk met Putin.", "a.txt")
    again = read_text_article("date: 2023-08-22\nMusk met Putin.", "b.txt")
    assert first.id == again.id == article_id("Musk met Putin.")


def test_problem_str() -> None:
    assert str(ReadProblem("a.txt", "empty file")) == "a.txt: empty file"


def test_large_input_is_fast(tmp_path: Path) -> None:
    paragraph = ("Moscow officials said - again - that the talks , which began on Monday , "
                 "would go on. Photo ©  " + "x" * 50 + "\n" + "the word " * 75 + "\n\n")
    path = tmp_path / "big.txt"
    path.write_text("date 2023-08-22 " + paragraph * (10_000_000 // len(paragraph)))
    start = time.perf_counter()
    [article] = read_all(path)[0]
    assert time.perf_counter() - start < 10
    assert "©" not in article.text and len(article.text) > 8_000_000


def test_mojibake_is_repaired_and_real_accents_kept() -> None:
    article = read_text_article("The companyâ€™s chief, a CafÃ© owner, met a naïve reporter in Zürich.", "m.txt")
    assert article.text == "The company’s chief, a Café owner, met a naïve reporter in Zürich."
