from __future__ import annotations

from collections.abc import Iterable

import regex
from anyascii import anyascii
from rapidfuzz import fuzz

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.script.SC01 import script_of
from aligncheck.model import Finding, Span

_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*"
_NAME_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}]){_NAME}(?:[ \u00a0]+{_NAME})+(?![\p{{L}}\p{{M}}])")
_TOKEN = regex.compile(_NAME)
_SIMILAR = 75


def word_script(word: str) -> str | None:
    scripts = {script_of(c) for c in word} - {None}
    return scripts.pop() if len(scripts) == 1 else None


def _spelled_alike(a: str, b: str) -> bool:
    return fuzz.ratio(anyascii(a).lower(), anyascii(b).lower()) >= _SIMILAR


class SC02(Rule):
    """A multi-word name is left half-transliterated: some of its words keep the source script.

    **Anti-pattern**
    source: said Ms. Aigerim Bekova
    target: сказала г-жа Айгерим Bekova

    **Best practice**
    source: said Ms. Aigerim Bekova
    target: сказала г-жа Айгерим Бекова
    """

    code = "SC02"
    name = "half-transliterated-name"
    category = "script"
    groups = ("all", "default", "script")

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        for link in ctx.links:
            source_runs = [
                [t.group() for t in _TOKEN.finditer(m.group())]
                for i in link.source for m in _NAME_RUN.finditer(ctx.source.segments[i].text)
            ]
            if not source_runs:
                continue
            for i in link.target:
                for m in _NAME_RUN.finditer(ctx.target.segments[i].text):
                    finding = self._check_run(ctx, link, i, m, source_runs)
                    if finding:
                        yield finding

    def _check_run(self, ctx, link, index, match, source_runs) -> Finding | None:
        tokens = list(_TOKEN.finditer(match.group()))
        scripts = [word_script(t.group()) for t in tokens]
        if None in scripts or len(set(scripts)) < 2:
            return None
        for run in source_runs:
            run_scripts = {word_script(w) for w in run}
            if len(run_scripts) != 1:
                continue
            script = run_scripts.pop()
            kept = [t for t, s in zip(tokens, scripts) if s == script]
            converted = [t for t, s in zip(tokens, scripts) if s != script]
            if all(t.group() in run for t in kept) and all(
                any(_spelled_alike(t.group(), w) for w in run if w not in (k.group() for k in kept))
                for t in converted
            ):
                first = kept[0]
                words = ", ".join(f"'{t.group()}'" for t in kept)
                return self.finding(
                    ctx, link,
                    f"name '{match.group()}' is half-transliterated: {words} still in {script} "
                    f"script (source '{' '.join(run)}')",
                    source_text=" ".join(run), target_text=match.group(),
                    target_span=Span(index, match.start() + first.start(), match.start() + first.end()),
                )
        return None
