from __future__ import annotations

from collections.abc import Iterable

import regex
from anyascii import anyascii
from rapidfuzz import fuzz

from aligncheck.checks.base import PairContext, Rule
from aligncheck.checks.helpers import script_of
from aligncheck.model import Finding, Link, Span

_NAME = r"\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*"
_NAME_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}]){_NAME}(?:[ \u00a0]+{_NAME})+(?![\p{{L}}\p{{M}}])"
)
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

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        source_runs = [
            [t.group() for t in _TOKEN.finditer(m.group())]
            for i in link.source
            for m in _NAME_RUN.finditer(ctx.source.segments[i].prose)
        ]
        if not source_runs:
            return
        runs = _SourceRuns(source_runs)
        for i in link.target:
            for m in _NAME_RUN.finditer(ctx.target.segments[i].prose):
                finding = self._check_run(ctx, link, i, m, runs)
                if finding:
                    yield finding

    def _check_run(self, ctx, link, index, match, runs: _SourceRuns) -> Finding | None:
        tokens = list(_TOKEN.finditer(match.group()))
        scripts = [word_script(t.group()) for t in tokens]
        if None in scripts or len(set(scripts)) < 2:
            return None
        for position in runs.candidates(tokens, scripts):
            run, script = runs.runs[position], runs.script[position]
            kept = [t for t, s in zip(tokens, scripts) if s == script]
            converted = [t for t, s in zip(tokens, scripts) if s != script]
            if all(t.group() in run for t in kept) and all(
                any(_spelled_alike(t.group(), w) for w in run if w not in (k.group() for k in kept))
                for t in converted
            ):
                first = kept[0]
                words = ", ".join(f"'{t.group()}'" for t in kept)
                return self.finding(
                    ctx,
                    link,
                    f"name '{match.group()}' is half-transliterated: {words} still in {script} "
                    f"script (source '{' '.join(run)}')",
                    source_text=" ".join(run),
                    target_text=match.group(),
                    target_span=Span(
                        index, match.start() + first.start(), match.start() + first.end()
                    ),
                )
        return None


class _SourceRuns:
    """The source's distinct name runs of one link, each of one script, indexed so that a
    target run is compared only with the runs that could pass `_check_run`: those of one of
    its scripts holding its first word in that script, and those of any other script (they
    keep no word)."""

    def __init__(self, runs: list[list[str]]):
        self.runs = runs
        self.script: dict[int, str | None] = {}
        self._by_script: dict[str | None, list[int]] = {}
        self._by_word: dict[tuple[str | None, str], list[int]] = {}
        distinct = {}
        for position, run in enumerate(runs):
            distinct.setdefault(tuple(run), position)
        for position in distinct.values():  # a repeated run fares as its first occurrence
            run = runs[position]
            scripts = {word_script(w) for w in run}
            if len(scripts) != 1:
                continue
            script = self.script[position] = scripts.pop()
            self._by_script.setdefault(script, []).append(position)
            for word in set(run):
                self._by_word.setdefault((script, word), []).append(position)

    def candidates(self, tokens, scripts) -> list[int]:
        """Positions of the runs to compare with a target run, in order."""
        found = set()
        for script in set(scripts):
            first = next(t for t, s in zip(tokens, scripts) if s == script)
            found.update(self._by_word.get((script, first.group()), ()))
        for script, positions in self._by_script.items():
            if script not in scripts:
                found.update(positions)
        return sorted(found)
