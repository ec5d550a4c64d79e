"""Page furniture is not article prose."""
from __future__ import annotations

import pytest

from kgbuild.boilerplate import is_prose, prose_paragraphs
from kgbuild.reader import read_text_article


@pytest.mark.parametrize("line", [
    "Reporting by Jane Roe; Editing by John Doe",
    "Additional reporting by staff writer",
    "Written by Ann Smith for Reuters ->",
    "Our Standards:The Thomson Reuters Trust Principles.",
    "Sign up for our newsletter to get the week's top news.",
    "Read more: the markets today",
    "FILE PHOTO: A man walks past the headquarters.",
    "Home / World / Europe / Politics",
    "1 Min Read",
    "More Related Articles",
    "Acme shares rise as deal nears",                      # a headline: no sentence end
    "pic.twitter.com/abc123 — Jane Roe (@jroe) November 13, 2017",
])
def test_furniture_is_not_prose(line):
    assert not is_prose(line)


@pytest.mark.parametrize("line", [
    "The company said on Monday it would cut 200 jobs.",
    "“We will win,” she said.",
    "A spokesperson for the ministry said:",
    "Shares rose 4% in early trading in Frankfurt while the wider market fell slightly on worries about higher interest rates this year",
])
def test_prose_is_kept(line):
    assert is_prose(line)


def test_hard_wrapped_paragraph_is_joined_and_kept():
    block = ("The minister said on Tuesday that the talks with the union\n"
             "would resume next week after a pause of several months, according\n"
             "to a statement released by the ministry late on Monday night.")
    assert prose_paragraphs(block) == [" ".join(block.split())]


def test_article_keeps_prose_and_drops_furniture():
    text = ("World Markets\n\nAcme shares rise as deal nears\n\nBy Jane Roe\n\n"
            "LONDON (Reuters) - Acme Corp agreed to buy Widget Ltd on Monday.\n\n"
            "The deal needs approval.\n\nReporting by Jane Roe; Editing by John Doe\n\nTags\n")
    article = read_text_article(text, "page.txt")
    assert article.dateline == "LONDON"
    assert article.text == "Acme Corp agreed to buy Widget Ltd on Monday.\n\nThe deal needs approval."
