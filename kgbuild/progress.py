"""Progress bars (tqdm) on stderr for the long steps of build, validate, view and export: a count against a
total, the rate and the time left. Shown only when stderr is a terminal, and only for a step that lasts more
than DELAY seconds, so short runs, pipes, logs and notebooks stay quiet."""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")
DELAY = 1.0  # seconds a step runs before its bar appears


def shown() -> bool:
    """Whether progress is shown: stderr is a terminal."""
    return sys.stderr.isatty()


def bar(items: Iterable[T], *, desc: str, unit: str, total: int | None = None) -> Iterator[T]:
    """`items`, with a bar counting them against `total` (default: len(items) where it has one)."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)
    return iter(tqdm(items, desc=desc, unit=f" {unit}", total=total, file=sys.stderr, disable=not shown(),
                     delay=DELAY, leave=False, dynamic_ncols=True))


@contextmanager
def reading(path: Path) -> Iterator[BinaryIO]:
    """The file opened for reading in binary, with a bar of the bytes read so far against its size."""
    with open(path, "rb") as handle:
        if not shown():
            yield handle
            return
        with tqdm.wrapattr(handle, "read", total=path.stat().st_size, desc=f"reading {path.name}", file=sys.stderr,
                           delay=DELAY, leave=False, dynamic_ncols=True) as wrapped:
            yield wrapped
