"""Which links OM02/AD02 need to embed sentences for: a study of the scoring gate.

Runs OM01, OM02, AD01, AD02 through the real pipeline with OM02's gate (`worth_scoring`) opened
to every link of >= 3 sentences with both sides, and records per link: sentence counts, length
z, the paragraph link's score, the findings OM02 and AD02 make there and their best candidate
scores, and the model tokens its sentences cost (sentences equal to an already embedded paragraph
cost nothing). Then any gate can be judged offline: a gated-out link makes no OM02/AD02 finding.

Data: the seed (tokens), clean NTREX-dev (false alarms), and the planted suite's "sentence
dropped", "paragraph omitted" and "paragraph added" plants (benchmarks/planted_suite.py's own
plant generator and its cached clean-finding filter), --n per language; and two kinds of this
study's own (`own_plants`): the shortest line of a paragraph dropped, a foreign line inserted.

Run:  python benchmarks/om02_gate_study.py collect [--n 40]   -> benchmarks/out/om02_gate.pkl
      python benchmarks/om02_gate_study.py report             (gates compared)
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
OUT = HERE / "out" / "om02_gate.pkl"
KINDS = (
    "sentence dropped",
    "paragraph omitted",
    "paragraph added",
    "short sentence dropped",
    "sentence added",
)
SIDE = {
    "sentence dropped": "source",
    "paragraph omitted": "source",
    "short sentence dropped": "source",
    "paragraph added": "target",
    "sentence added": "target",
}


def own_plants(kind: str, lang: str, docs):
    """Plants of this study only, where the gate is most at risk: the shortest line of a target
    paragraph of >= 3 lines removed (length says least); one line of another document inserted
    in the middle of a target paragraph of >= 2 lines. Yields (doc, paragraph, src, tgt, at)."""
    import random

    import planted_suite as ps

    rng = random.Random(f"{kind}-{lang}")
    order = [(d, k) for d, doc in enumerate(docs) for k in range(len(doc["en"]))]
    rng.shuffle(order)
    for d, k in order:
        lines = list(docs[d][lang][k])
        src, tgt = ps.joined(docs[d], "en"), ps.joined(docs[d], lang)
        if kind == "short sentence dropped":
            if len(lines) < 3:
                continue
            drop = min(range(len(lines)), key=lambda i: len(lines[i]))
            tgt[k] = " ".join(line for i, line in enumerate(lines) if i != drop)
        else:
            if len(lines) < 2:
                continue
            other = rng.choice([o for o in range(len(docs)) if o != d])
            extra = rng.choice([line for par in docs[other][lang] for line in par])
            at = rng.randrange(1, len(lines))
            tgt[k] = " ".join(lines[:at] + [extra] + lines[at:])
        yield d, k, src, tgt, k


def wide_gate(src, tgt, ratio, *_) -> bool:
    return len(src) + len(tgt) >= 3 and bool(src) and bool(tgt)


_PRODUCT_GATE = []  # the product's worth_scoring, kept before collect() opens the gate


def link_records(result, embedder, tokens) -> list[list[dict]]:
    """Per release: one record per link with both sides and >= 3 sentences."""
    from aligncheck.align import sentences as om
    from aligncheck.checks.base import PairContext
    from aligncheck.checks.sentence_gaps import min_scores, sentence_gaps

    out = []
    for rel in result.releases:
        recs = []
        paragraphs = {s.text for s in rel.source.segments}
        for t in rel.targets:
            paragraphs |= {s.text for s in t.target.segments}
        for t in rel.targets:
            ctx = PairContext(rel.name, rel.source, t.target, t.links, {}, {"embedder": embedder})
            ratio = om.expected_ratio(ctx.source, ctx.target, ctx.links)
            for link in t.links:
                if not (link.source and link.target):
                    continue
                src, tgt = (
                    om.sentences(ctx.source, link.source),
                    om.sentences(ctx.target, link.target),
                )
                if not wide_gate(src, tgt, ratio):
                    continue
                gaps = sentence_gaps(ctx, link, ratio)
                found = [
                    f
                    for f in rel.findings
                    if f.lang == t.target.lang
                    and f.rule in ("OM02", "AD02")
                    and f.source_segments == link.source
                    and f.target_segments == link.target
                ]
                recs.append(
                    {
                        "lang": t.target.lang,
                        "source": link.source,
                        "target": link.target,
                        "link_score": link.score,
                        "n_src": len(src),
                        "n_tgt": len(tgt),
                        "src_lens": [len(s.text) for s in src],
                        "tgt_lens": [len(s.text) for s in tgt],
                        "ratio": ratio,
                        "product": _PRODUCT_GATE[0](src, tgt, ratio, min_scores(ctx.options)),
                        "z": om.length_z(
                            sum(len(s.text) for s in src), sum(len(s.text) for s in tgt), ratio
                        ),
                        "om_scores": [g.score for g in gaps[0]],
                        "ad_scores": [g.score for g in gaps[1]],
                        "om02": sum(f.rule == "OM02" for f in found),
                        "ad02": sum(f.rule == "AD02" for f in found),
                        "texts": [s.text for s in src + tgt],
                        "free": [s.text in paragraphs for s in src + tgt],
                        "tokens": [tokens(s.text) if tokens else 0 for s in src + tgt],
                    }
                )
        out.append(recs)
    return out


def collect(n: int) -> None:
    import planted_suite as ps

    from aligncheck import pipeline
    from aligncheck.align import sentences as om
    from aligncheck.app.config import load_config
    from aligncheck.app.run import _cli_config, _langs
    from aligncheck.checks import sentence_gaps as policy
    from aligncheck.checks.addition.AD01 import AD01
    from aligncheck.checks.addition.AD02 import AD02
    from aligncheck.checks.omission.OM01 import OM01
    from aligncheck.read import discover_releases

    _PRODUCT_GATE.append(om.worth_scoring)
    om.worth_scoring = policy.worth_scoring = wide_gate
    emb = ps.embedder()
    from aligncheck.checks.omission.OM02 import OM02

    rules = [OM01(), OM02(), AD01(), AD02()]

    def run(releases):
        results = [
            pipeline.run(
                [r],
                unit="paragraph",
                model=emb.name,
                embed=emb.embed,
                rules=rules,
                options={},
                resources={"glossaries": [], "embedder": emb},
            )
            for r in releases
        ]
        import dataclasses

        return dataclasses.replace(
            results[0], releases=tuple(r for res in results for r in res.releases)
        )

    tokenizer = emb.model.tokenizer

    def tokens(text: str) -> int:
        return len(tokenizer.encode(emb.prompt + text).ids)

    data = {}
    config = load_config(ps.SEED, _cli_config({}))
    seed = discover_releases(
        [ps.SEED],
        source_lang=config.source_lang,
        langs=_langs(ps.SEED_LANGS),
        encoding=config.encoding,
    )
    data["seed"] = link_records(run(seed), emb, tokens)
    print("seed done", file=sys.stderr, flush=True)
    docs = ps.load_docs()
    releases = [
        ps.release(
            f"ntrex{d:02d}", ps.joined(doc, "en"), {lang: ps.joined(doc, lang) for lang in ps.LANGS}
        )
        for d, doc in enumerate(docs)
    ]
    data["clean"] = link_records(run(releases), emb, None)
    print("clean done", file=sys.stderr, flush=True)
    cache = HERE / "out" / "suite_clean_flagged.json"
    flagged = (
        {tuple(row[:3]): set(row[3]) for row in json.loads(cache.read_text("utf-8"))}
        if cache.exists()
        else {}
    )
    for kind in KINDS:
        category = "omission" if SIDE[kind] == "source" else "addition"
        for lang in ps.LANGS:
            chosen = []
            plants = (
                ps.plant_candidates(kind, lang, docs, {}, {})
                if kind in ps.CATEGORY
                else own_plants(kind, lang, docs)
            )
            for d, k, src, tgt, at in plants:
                key = (d, lang, category + (":src" if SIDE[kind] == "source" else ""))
                if at in flagged.get(key, ()):
                    continue
                chosen.append((d, k, src, tgt, at))
                if len(chosen) >= n:
                    break
            result = run(
                [
                    ps.release(f"{kind}-{lang}-{i}", src, {lang: tgt})
                    for i, (d, k, src, tgt, at) in enumerate(chosen)
                ]
            )
            recs = link_records(result, emb, None)
            other = []  # hits by rules the gate does not touch (OM01/AD01)
            for (d, k, src, tgt, at), rel in zip(chosen, result.releases):
                side = SIDE[kind]
                other.append(
                    any(
                        f.category == category
                        and f.rule not in ("OM02", "AD02")
                        and at in getattr(f, f"{side}_segments")
                        for f in rel.findings
                    )
                )
            data[kind, lang] = [(c[4], c[0], o, r) for c, o, r in zip(chosen, other, recs)]
            print(kind, lang, len(chosen), file=sys.stderr, flush=True)
    OUT.write_bytes(pickle.dumps(data))


def gates():
    """name -> predicate over a link record (the product's current gate first)."""
    from aligncheck.checks.omission.OM02 import _SCORE_GATE_Z as zg

    cur = lambda r: r["n_src"] != r["n_tgt"] or abs(r["z"]) >= zg  # noqa: E731
    return {
        "wide": lambda r: True,
        "counts or length (before)": cur,
        "product": lambda r: r["product"],
    }


def fires(rec, gate, side: str) -> int:
    return rec[side] if gate(rec) else 0


def report(extra: dict | None = None) -> None:
    data = pickle.loads(OUT.read_bytes())
    all_gates = gates() | (extra or {})
    print(
        "| gate | seed links | seed tokens | clean OM02 | clean AD02 | " + " | ".join(KINDS) + " |"
    )
    print("|---|---:|---:|---:|---:|" + "---:|" * len(KINDS))
    for name, gate in all_gates.items():
        charged, links = set(), 0
        cost = 0
        for recs in data["seed"]:
            for r in recs:
                if not gate(r):
                    continue
                links += 1
                for text, free, tok in zip(r["texts"], r["free"], r["tokens"]):
                    if not free and text not in charged:
                        charged.add(text)
                        cost += tok
        om = sum(fires(r, gate, "om02") for recs in data["clean"] for r in recs)
        ad = sum(fires(r, gate, "ad02") for recs in data["clean"] for r in recs)
        cells = []
        for kind in KINDS:
            side, rule = (SIDE[kind], "om02" if SIDE[kind] == "source" else "ad02")
            hits = total = 0
            for key, rows in data.items():
                if key[0] != kind:
                    continue
                for at, d, other, recs in rows:
                    total += 1
                    hits += other or any(fires(r, gate, rule) and at in r[side] for r in recs)
            cells.append(f"{hits}/{total} ({hits / max(total, 1):.3f})")
        print(f"| {name} | {links} | {cost} | {om} | {ad} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("collect", "report"))
    parser.add_argument("--n", type=int, default=40)
    args = parser.parse_args()
    if args.what == "collect":
        collect(args.n)
    report()


if __name__ == "__main__":
    main()
