"""Tokens the model encodes in a cold run of the seed (no embedding cache), per stage and rule.

Runs the real pipeline in-process (`run.check_releases`, use_cache=False, every rule) on the
seed's five versions and counts, with the model's own tokenizer (prompt and special tokens
included, as the encoder sees them), the tokens of every text the embedder had to encode:
under "core" (paragraphs and alignment windows) and under the rule whose `prepare`/`check`
asked for it (OM02's sentences). The counter wraps CachedEmbedder._encode here; product code
has none.

--links also lists every link whose sentences OM02 embedded: the tokens it cost, its sentence
counts, length z, and the best OM02 / AD02 candidate scores (reported when > 2.0 / 4.0).

Run:  python benchmarks/om02_cold_tokens.py [--links] [--release PATH] [--langs en,az,kk,ru,tk]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
SEED = HERE.parents[1] / "shared" / "seeds" / "000_ab64be821029c731.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", default=str(SEED))
    parser.add_argument("--langs", default="en,az,kk,ru,tk")
    parser.add_argument("--links", action="store_true")
    args = parser.parse_args()

    from aligncheck import pipeline
    from aligncheck.align import sentences as om
    from aligncheck.app.config import load_config
    from aligncheck.app.run import _cli_config, _langs, check_releases
    from aligncheck.checks.sentence_gaps import min_scores, sentence_gaps
    from aligncheck.embed.embedder import CachedEmbedder
    from aligncheck.findings import postprocess
    from aligncheck.read import discover_releases

    phase = ["core"]
    encoded: list[tuple[str, str]] = []  # (phase, text)
    seconds: dict[str, float] = defaultdict(float)
    original_encode = CachedEmbedder._encode
    holder = {}

    def counting_encode(self, items):
        holder["embedder"] = self
        start = time.perf_counter()
        try:
            return original_encode(self, items)
        finally:
            seconds[phase[0]] += time.perf_counter() - start
            encoded.extend((phase[0], t) for _, t in items)

    original_rule = pipeline._run_rule

    def tagged_rule(rule, contexts, release_ctx, warnings):
        phase[0] = rule.code
        try:
            return original_rule(rule, contexts, release_ctx, warnings)
        finally:
            phase[0] = "core"

    CachedEmbedder._encode = counting_encode
    pipeline._run_rule = tagged_rule
    config = load_config(Path(args.release), _cli_config({}))
    releases, _ = postprocess.strip_release_directives(
        discover_releases(
            [Path(args.release)],
            source_lang=config.source_lang,
            langs=_langs(args.langs),
            encoding=config.encoding,
        )
    )
    result = check_releases(releases, config, use_cache=False, quiet=True)
    embedder = holder["embedder"]
    tokenizer = embedder.model.tokenizer
    prompt = embedder.prompt

    def tokens(text: str) -> int:
        return len(tokenizer.encode(prompt + text).ids)

    by_phase: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for name, text in encoded:
        by_phase[name][0] += 1
        by_phase[name][1] += tokens(text)
    print("| phase | texts | tokens | encode s |")
    print("|---|---:|---:|---:|")
    for name, (n, t) in sorted(by_phase.items(), key=lambda kv: -kv[1][1]):
        print(f"| {name} | {n} | {t} | {seconds[name]:.2f} |")
    findings = [f for f in result.findings() if f.rule in ("OM02", "AD02")]
    print(f"\nOM02/AD02 findings ({len(findings)}):")
    for f in findings:
        print(f"  {f.rule} {f.lang} {f.source_segments}->{f.target_segments} {f.message[:150]}")

    if not args.links:
        return
    om02_texts = {t for name, t in encoded if name in ("OM02", "AD02")}
    from aligncheck.checks.base import PairContext

    print("\n| lang | link | sentences | z | OM02 best | AD02 best | new tokens |")
    print("|---|---|---|---:|---:|---:|---:|")
    charged: set[str] = set()
    total = 0
    for release_result in result.releases:
        for target in release_result.targets:
            ctx = PairContext(
                release_result.name,
                release_result.source,
                target.target,
                target.links,
                {},
                {"embedder": embedder},
            )
            ratio = om.expected_ratio(ctx.source, ctx.target, ctx.links)
            for link in target.links:
                if not (link.source and link.target):
                    continue
                src = om.sentences(ctx.source, link.source)
                tgt = om.sentences(ctx.target, link.target)
                if not om.worth_scoring(src, tgt, ratio, min_scores(ctx.options)):
                    continue
                new = [s.text for s in src + tgt if s.text in om02_texts and s.text not in charged]
                charged.update(new)
                cost = sum(tokens(t) for t in new)
                total += cost
                gaps = sentence_gaps(ctx, link, ratio)
                best = [max((g.score for g in side), default=float("nan")) for side in gaps]
                z = om.length_z(sum(len(s.text) for s in src), sum(len(t.text) for t in tgt), ratio)
                print(
                    f"| {ctx.lang} | {list(link.source)}->{list(link.target)} "
                    f"| {len(src)}/{len(tgt)} "
                    f"| {z:+.2f} | {best[0]:.1f} | {best[1]:.1f} | {cost} |"
                )
    print(f"\ntokens charged to links: {total}")


if __name__ == "__main__":
    main()
