from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import SCRIPTS, script_of
from aligncheck.model import Finding, Link, Span

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_CYRILLIC_LANGS = frozenset(
    {"ru", "kk", "uk", "be", "bg", "mk", "sr", "ky", "tg", "mn", "ba", "tt", "cv"}
)


def expected_script(lang: str) -> str:
    """The script a language is normally written in (Cyrillic or Latin for our languages)."""
    base = lang.split("-")[0].lower()
    if base == "el":
        return "Greek"
    return "Cyrillic" if base in _CYRILLIC_LANGS else "Latin"


def _has_two_scripts(word: str) -> bool:
    """Does the word hold letters of two of the scripts? One linear search per script (a single
    pattern 'Latin.*Cyrillic|...' backtracks quadratically through a long one-script word)."""
    found = 0
    for pattern in SCRIPTS.values():
        if pattern.search(word):
            found += 1
            if found == 2:
                return True
    return False


def foreign_letters(word: str, lang: str) -> list[tuple[int, str]]:
    """(position, letter) of the minority-script letters of a word written in two scripts."""
    if word.isascii():  # Latin letters only (digits have no script): one script at most
        return []
    return list(_foreign_letters(word, lang))


@lru_cache(maxsize=65536)
def _foreign_letters(word: str, lang: str) -> tuple[tuple[int, str], ...]:
    """Cached per word: words recur across links, versions and releases."""
    if not _has_two_scripts(word):
        return ()
    scripts = [script_of(c) for c in word]
    counts = Counter(s for s in scripts if s)
    if len(counts) < 2:
        return ()
    home = expected_script(lang)
    major = max(counts, key=lambda s: (counts[s], s == home))
    return tuple((i, c) for i, (c, s) in enumerate(zip(word, scripts)) if s and s != major)


class SC01(Rule):
    """A target word mixes scripts, e.g. a Latin look-alike letter inside a Cyrillic word.

    **Anti-pattern**
    source: The report was published.
    target: Дoклад опубликован.   (Latin "o" U+006F in "Дoклад")

    **Best practice**
    source: The report was published.
    target: Доклад опубликован.
    """

    code = "SC01"
    name = "mixed-script-word"
    category = "script"
    groups = ("all", "default", "script")

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        source_words = None  # read only for a word that mixes scripts
        for i in link.target:
            for m in _WORD.finditer(ctx.target.segments[i].prose):
                word = m.group()
                bad = foreign_letters(word, ctx.lang)
                if not bad:
                    continue
                if source_words is None:
                    source_words = {
                        w for j in link.source for w in _WORD.findall(ctx.source.segments[j].prose)
                    }
                if word in source_words:
                    continue
                letters = ", ".join(f"{script_of(c)} '{c}' U+{ord(c):04X}" for _, c in bad)
                yield self.finding(
                    ctx,
                    link,
                    f"word '{word}' mixes scripts: {letters}",
                    target_text=word,
                    target_span=Span(i, m.start(), m.end()),
                )
