"""The policy OM02 and AD02 share: which unmatched sentences of a link are reported, and how.

The sentence aligner (align/sentences.py) finds the candidates once per link and release
(`sentence_gaps`, kept in the release memo); a rule reports a candidate of its side whose
score (with embeddings) or length deviation (without) exceeds its threshold.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from aligncheck.align.fragments import MIN_WORDS, worth_trying
from aligncheck.align.sentences import Gap, candidates, expected_ratio, sentences, worth_scoring
from aligncheck.align.words import word_spans
from aligncheck.checks.base import PairContext, ReleaseContext, Rule
from aligncheck.model import Finding, Link, Span

# The defaults of OM02's and AD02's score thresholds (config_keys). OM02's, on the tuning half
# of NTREX-dev (planted_suite.py --kinds "sentence dropped", 494 plants): 2.0 finds 0.856,
# 1.5 0.879, 1.0 0.883, with no clean OM02 warning on the half (845 links), the FastAPI docs
# (2,429 links) or the seed; 0.5 finds 0.885 but raises a false one on the clean half.
OMISSION_MIN_SCORE = 1.0
ADDITION_MIN_SCORE = 4.0


def min_scores(options) -> tuple[float, float]:
    """(OM02's, AD02's) score thresholds as configured: the bound on what scoring a link can
    find (`worth_scoring`) honours both, since the two rules share one scoring."""
    return (
        float(options.get("omission_min_score", OMISSION_MIN_SCORE)),
        float(options.get("addition_min_score", ADDITION_MIN_SCORE)),
    )


def length_ratio(ctx: PairContext) -> float:
    """`expected_ratio` of a pair, once per release (`prepare` and both rules ask)."""
    key = ("length ratio", id(ctx.target))  # the target lives as long as the release's memo
    return ctx.remember(key, lambda: expected_ratio(ctx.source, ctx.target, ctx.links))


def sentence_gaps(ctx: PairContext, link: Link, ratio: float) -> tuple[list[Gap], list[Gap]]:
    """`candidates` of one link, computed once per release for OM02 and AD02."""
    src, tgt = sentences(ctx.source, link.source), sentences(ctx.target, link.target)
    langs = (ctx.source.lang, ctx.lang)
    thresholds = min_scores(ctx.options)
    key = (
        "sentence gaps",
        tuple((s.segment, s.start, s.text) for s in src),
        tuple((t.segment, t.start, t.text) for t in tgt),
        ratio,
        langs,
        thresholds,
    )
    embedder = ctx.resources.get("embedder")

    def compute() -> tuple[list[Gap], list[Gap]]:
        omitted, added = candidates(src, tgt, ratio, embedder, langs, thresholds)
        if embedder is not None and worth_trying(src, tgt, ratio, ctx.source.lang):
            omitted = omitted + _fragments(ctx, link, src, tgt, ratio, omitted)
        return omitted, added

    return ctx.remember(key, compute)


# A target sentence whose words are mostly aligned (each word and a word of the source are
# each other's most similar, align/words.py) to the source side of its link translates
# something there, though the sentence aligner left it unmatched: a long sentence split in two
# (ru "Год спустя ... напряжение." carrying on "Tensions remain high ... a year after ...").
ALIGNED_AT_LEAST = 0.5
_CONTENT_WORD = 3  # letters a word needs to count (not "в", "и", "of")
_STEM = 5  # letters that make two words one for `own_words` (arrest, arrested)


def translated_words(ctx: PairContext, link: Link, sentence, side: str) -> bool:
    """Are most content words of `sentence` (of the `side` of `link`) word-aligned to the
    other side? False without word alignment (another model, a stand-in embedder)."""
    share = word_shares(ctx, link, side)
    found = share and share(sentence, 0, sentence.end - sentence.start)
    return bool(found) and found[1] >= ALIGNED_AT_LEAST


def word_shares(ctx: PairContext, link: Link, side: str, own_words: bool = False):
    """A function of (sentence of that side, start, end): (content words, share of them
    word-aligned to the other side) of characters [start, end) of the sentence's text, or
    None where there is no content word; None without word alignment. With `own_words`, the
    share is the smaller of that and the share of the words the rest of the side does not
    repeat (by their first _STEM letters; MIN_WORDS of them or more): a headline's words that
    the story beside it repeats may be aligned to the story's translation, which says nothing
    of the headline."""
    from aligncheck.align.words import link_alignment
    from aligncheck.glossary.find import LinkText

    source, target = LinkText(ctx.source, link.source), LinkText(ctx.target, link.target)
    alignment = link_alignment(ctx, source.text, target.text)
    if not alignment:
        return None
    mine = source if side == "source" else target
    linked = {(s if side == "source" else t) for s, t in alignment}
    stems = Counter(_stem(mine.text[a:b]) for a, b in word_spans(mine.text)) if own_words else {}

    def share(sentence, start: int, end: int) -> tuple[int, float] | None:
        offset = _offset(mine, sentence.segment) + sentence.start + start
        piece = mine.text[offset : offset + (end - start)]
        words = [
            (offset + a, offset + b)
            for a, b in word_spans(piece)
            if sum(c.isalpha() for c in piece[a:b]) >= _CONTENT_WORD
        ]
        if not words:
            return None
        aligned = sum(w in linked for w in words) / len(words)
        if own_words:
            keys = [_stem(mine.text[a:b]) for a, b in words]
            here = Counter(keys)
            own = [w for w, k in zip(words, keys, strict=True) if stems[k] == here[k]]
            if len(own) >= MIN_WORDS:
                aligned = min(aligned, sum(w in linked for w in own) / len(own))
        return len(words), aligned

    return share


def _stem(word: str) -> str:
    return word.casefold()[:_STEM]


def _fragments(ctx: PairContext, link: Link, src, tgt, ratio: float, omitted: list[Gap]):
    """`dropped_fragments` of the link's source sentences not already reported whole."""
    from aligncheck.align.fragments import dropped_fragments

    share = word_shares(ctx, link, "source", own_words=True)
    if share is None:
        return []
    whole = {(g.sentence.segment, g.sentence.start) for g in omitted}

    def coverage(i: int, start: int, end: int):
        s = src[i]
        if (s.segment, s.start) in whole or ctx.source.segments[s.segment].verbatim:
            return None  # reported already; a verbatim sentence's text is collapsed
        return share(s, start, end)

    embedder = ctx.resources["embedder"]
    return dropped_fragments(src, tgt, ratio, embedder, coverage, ctx.source.lang)


def _offset(side, segment: int) -> int:
    """Where segment `segment` starts in the link side's joined text."""
    offset = 0
    for i in side.indices:
        if i == segment:
            return offset
        offset += len(side.segmentation.segments[i].text) + 1
    raise ValueError(f"segment {segment} is not on this side of the link")


class SentenceGapRule(Rule):
    """Base of OM02 (unmatched source sentences) and AD02 (unmatched target sentences)."""

    groups = ("all", "default", "completeness")
    side = "source"  # whose unmatched sentences are reported
    threshold_key = ""  # config key of the length threshold (without embeddings)
    score_key = ""  # config key of the score threshold (with embeddings)

    def prepare(self, ctx: ReleaseContext) -> None:
        """Every sentence that `candidates` will score, embedded in one batch."""
        embedder = ctx.resources.get("embedder")
        if embedder is None:
            return
        texts = []
        for pair in ctx.pairs:
            ratio, thresholds = length_ratio(pair), min_scores(pair.options)
            for link in pair.links:
                if link.source and link.target:
                    src = sentences(pair.source, link.source)
                    tgt = sentences(pair.target, link.target)
                    if worth_scoring(src, tgt, ratio, thresholds):
                        texts.extend(s.text for s in src + tgt)
        embedder.embed(texts)

    def check_link(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        """Gaps above the rule's threshold; a segment of a merged link (1-2 / 2-1) that is
        mostly unmatched is reported once, as a whole paragraph."""
        if not link.source or not link.target:
            return
        min_z = float(self.opt(ctx, self.threshold_key))
        min_score = float(self.opt(ctx, self.score_key))
        seg = ctx.source if self.side == "source" else ctx.target
        omitted, added = sentence_gaps(ctx, link, length_ratio(ctx))
        gaps = [
            g
            for g in (omitted if self.side == "source" else added)
            if (g.score > min_score if g.score is not None else abs(g.z) > min_z)
        ]
        # a sentence mostly word-aligned has a translation: for OM02 only where the aligner had
        # matched it (for all it cost planted drops, 0.786 -> 0.775 ru)
        gaps = [
            g
            for g in gaps
            if not (
                (self.side == "target" or g.matched)
                and translated_words(ctx, link, g.sentence, self.side)
            )
        ]
        indices = link.source if self.side == "source" else link.target
        whole = set()
        if len(indices) > 1:
            everything, gap_sentences = sentences(seg, indices), {g.sentence for g in gaps}
            for i in indices:
                own = [s for s in everything if s.segment == i]
                unmatched = sum(s in gap_sentences for s in own)
                if own and 2 * unmatched >= len(own):
                    whole.add(i)
                    yield self._paragraph_finding(
                        ctx, link, i, [g for g in gaps if g.sentence.segment == i]
                    )
        for gap in gaps:
            if gap.sentence.segment not in whole:
                yield self._finding(ctx, link, gap)

    def _evidence(self, gap: Gap) -> str:
        longer = "shorter" if self.side == "source" else "longer"
        z = -gap.z if self.side == "source" else gap.z
        if gap.score is None:
            return f"target {abs(gap.z):.1f} sd {longer} than expected"
        return f"score {gap.score:.1f}; target {z:+.1f} sd {longer} than expected"

    def _paragraph_finding(
        self, ctx: PairContext, link: Link, index: int, gaps: list[Gap]
    ) -> Finding:
        seg = (ctx.source if self.side == "source" else ctx.target).segments[index]
        span = Span(index, 0, len(seg.text))
        short = seg.text if len(seg.text) <= 80 else seg.text[:77] + "..."
        unit = ctx.source.unit
        top = max(gaps, key=lambda g: g.score if g.score is not None else abs(g.z))
        merged = (
            f"(aligned together with its neighbour, {len(gaps)} of its sentences "
            f'unmatched): "{short}" ({self._evidence(top)})'
        )
        if self.side == "source":
            return self.finding(
                ctx,
                link,
                f"source {unit} {index + 1} has no translation {merged}",
                source_text=seg.text,
                source_span=span,
            )
        return self.finding(
            ctx,
            link,
            f"{ctx.lang} {unit} {index + 1} has no source {merged}",
            target_text=seg.text,
            target_span=span,
        )

    def _finding(self, ctx: PairContext, link: Link, gap: Gap) -> Finding:
        s = gap.sentence
        span = Span(s.segment, s.start, s.end)
        seg = ctx.source if self.side == "source" else ctx.target
        text = seg.segments[s.segment].text[s.start : s.end]  # as written, code and all
        short = text if len(text) <= 80 else text[:77] + "..."
        if self.side == "source":
            return self.finding(
                ctx,
                link,
                f'source sentence has no translation: "{short}" ({self._evidence(gap)})',
                source_text=text,
                source_span=span,
            )
        return self.finding(
            ctx,
            link,
            f'target sentence has no source: "{short}" ({self._evidence(gap)})',
            target_text=text,
            target_span=span,
        )
