"""Results that live as long as one release: what extractors compute from a release's texts.

Several rules ask the same extractor about the same paragraph (numbers, dates, names, words),
once per target version. `@per_release` keeps each answer in the memo of the release being
checked (`ReleaseContext.memo`, opened by the pipeline with `release_memo`), so it is computed
once per release and dropped with the release: no module-level state carries one release's
texts into the next. Outside a release (a test or a benchmark calling an extractor directly)
the function simply runs. The functions must be pure, their arguments hashable.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

F = TypeVar("F", bound=Callable)

_MEMO: ContextVar[dict | None] = ContextVar("aligncheck_release_memo", default=None)


def per_release(fn: F) -> F:
    """Memoise a pure function in the current release's memo."""

    @functools.wraps(fn)
    def memoised(*args, **kwargs):
        memo = _MEMO.get()
        if memo is None:
            return fn(*args, **kwargs)
        key = (memoised, args, tuple(kwargs.items())) if kwargs else (memoised, args)
        try:
            return memo[key]
        except KeyError:
            value = memo[key] = fn(*args, **kwargs)
            return value

    return memoised  # type: ignore[return-value]


@contextmanager
def release_memo(memo: dict | None = None) -> Iterator[dict]:
    """Make `memo` (a new one by default) the memo of the work done inside the block."""
    memo = {} if memo is None else memo
    token = _MEMO.set(memo)
    try:
        yield memo
    finally:
        _MEMO.reset(token)
