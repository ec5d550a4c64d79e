"""The exceptions kgbuild raises for problems a user can fix; all derive from `KgbuildError`."""
from __future__ import annotations


class KgbuildError(Exception):
    """Base class: a problem with the user's input, model, store or query, with a one-line message."""


class InputNotFound(KgbuildError, FileNotFoundError):
    """An input file or folder given to a build does not exist."""


class NothingToBuild(KgbuildError):
    """A build found no article to read; nothing was written and existing output is unchanged."""


class UnknownName(KgbuildError, KeyError):
    """A name (entity, predicate or type) the graph does not know; the message suggests close ones."""

    def __str__(self) -> str:  # KeyError would print the message quoted
        return str(self.args[0])
