from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from aligncheck.checks.base import PairContext, Rule
from aligncheck.extract.links import find_links
from aligncheck.lang.langid import language_scores, normalize_lang, prime_scores
from aligncheck.model import Finding, Link, Severity, Span

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
# Alphabets decide between languages that share a script: a language's own letters in the text
# support it, and a long text without any of the target's own letters speaks against the target.
ALPHABETS = {
    "en": _LATIN,
    "ru": _RUSSIAN,
    "kk": _RUSSIAN + "әғқңөұүһі",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "az": "abcçdeəfgğhxıijkqlmnoöprsştuüvyz",
    "tr": "abcçdefgğhıijklmnoöprsştuüvyz",
    "tk": "abçdeäfghijžklmnňoöprsştuüwyýz",
    "uz": "abdefghijklmnopqrstuvxyzʻ",
    "de": _LATIN + "äöüß",
    "fr": _LATIN + "àâæçéèêëîïôœùûüÿ",
    "es": _LATIN + "áéíñóúü",
    "it": _LATIN + "àèéìíîòóùú",
    "pt": _LATIN + "áâãàçéêíóôõú",
}
_LONG = 60


def letters_support(text: str, other: str, lang: str) -> bool:
    """Whether the letters of `text` back `other` against `lang` (True when either is unknown)."""
    if other not in ALPHABETS or lang not in ALPHABETS:
        return True
    used = Counter(c for c in text.lower() if c.isalpha())
    own_other = set(ALPHABETS[other]) - set(ALPHABETS[lang])
    own_lang = set(ALPHABETS[lang]) - set(ALPHABETS[other])
    if sum(used[c] for c in own_other) >= 2:
        return True
    return bool(own_lang) and used.total() >= _LONG and not any(used[c] for c in own_lang)


_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
# handles, hashtags and code-like tokens (snake_case, file.names, paths): no language's words
_CODE_LIKE = regex.compile(r"(?<!\w)[@#][\w.-]+|\S*\w(?:_|[./]\p{L})\S*")
_NAME_LIKE = regex.compile(r"\p{Lu}|.*\d")


def prose(target: str, source: str, source_words: frozenset[str] | None = None) -> str:
    """The target's words that can tell its language: emails, URLs, numbers, codes, handles,
    identifiers and names that the source shares (capitalised or all-caps words) are removed.
    `source_words`: the source's words, when the caller has them already."""
    for v in reversed(find_links(target)):
        target = target[: v.start] + " " + target[v.end :]
    if "@" in target or "#" in target or "_" in target or "." in target or "/" in target:
        target = _CODE_LIKE.sub(" ", target)
    if source_words is None:
        source_words = words_of(source)
    kept = [
        w
        for w in _WORD.findall(target)
        if not (w in source_words and _NAME_LIKE.match(w)) and not (w.isupper() and len(w) > 1)
    ]
    return " ".join(kept)


def words_of(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text))


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


class UT01(Rule):
    """A target segment is still in the source language, in a third language, or a copy of the source.

    **Anti-pattern**
    source: The committee approved the annual budget.
    target: The committee approved the annual budget.

    **Best practice**
    source: The committee approved the annual budget.
    target: Комитет утвердил годовой бюджет.
    """  # noqa: E501 (the one-line summary `aligncheck rules` and SARIF print)

    code = "UT01"
    name = "untranslated"
    category = "untranslated"
    severity = Severity.ERROR
    groups = ("all", "default", "completeness")
    config_keys = {
        "untranslated_min_letters": (
            25,
            "letters of prose (names, numbers, URLs removed) a target "
            "segment needs before its language is judged",
        ),
        "untranslated_min_confidence": (
            0.95,
            "probability the other language must reach against the target language",
        ),
        "untranslated_languages": (
            ("en", "ru", "kk", "az", "tk", "tr", "uz", "uk", "de", "fr", "es", "it", "pt"),
            "third languages a target may wrongly be written in (besides the source language); "
            "an open list makes close languages (ru/bg, kk/ky) false alarms",
        ),
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        min_letters = int(self.opt(ctx, "untranslated_min_letters"))
        min_confidence = float(self.opt(ctx, "untranslated_min_confidence"))
        lang, source_lang = normalize_lang(ctx.lang), normalize_lang(ctx.source.lang)
        others = [normalize_lang(c) for c in self.opt(ctx, "untranslated_languages")]
        judged = []
        for link in ctx.links:
            if not link.source or not link.target:
                continue
            source, target = ctx.source.prose(link.source), ctx.target.prose(link.target)
            # the source link is read once per target version
            source_words = ctx.remember(("words", source), lambda: words_of(source))
            words = prose(target, source, source_words)
            if sum(map(len, words.split(" "))) >= min_letters:  # `words` are _WORD matches
                judged.append((link, source, target, words))
        prime_scores([words for *_, words in judged], [lang, source_lang, *others])  # one query
        for link, source, target, words in judged:
            if lang != source_lang and _same(source, target):
                yield self._finding(ctx, link, target, "target is identical to the source")
                continue
            scores = language_scores(words, [lang, source_lang, *others])
            best = max(sorted(scores), key=lambda c: scores[c])
            if (
                best != lang
                and scores[best] >= min_confidence
                and letters_support(words, best, lang)
            ):
                which = "the source language" if best == source_lang else "a third language"
                yield self._finding(
                    ctx,
                    link,
                    target,
                    f"target looks untranslated: written in {best} ({which}), not {lang} "
                    f"(p={scores[best]:.2f})",
                )

    def _finding(self, ctx: PairContext, link: Link, target: str, message: str) -> Finding:
        """A finding quoting the target as written (`target` is its prose)."""
        first = link.target[0]
        span = Span(first, 0, len(ctx.target.segments[first].text))
        quoted = ctx.target.texts(link.target)
        return self.finding(ctx, link, message, target_text=quoted, target_span=span)
