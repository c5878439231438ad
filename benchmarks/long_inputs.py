"""Time and peak memory of `aligncheck check` on pathologically long input (issue 10, item 4).

Cases (an en/ru pair each, written to a temporary directory):
  para-50k ... para-5M  one single-line paragraph of that many bytes (en side), built from varied
                        sentences with numbers, names, quotes, a changed number and a mixed-script
                        word now and then, so that the number, name, markup and script rules fire
  word-100k             one 100,000-letter Cyrillic word holding one Latin letter (SC01 fires)
  quotes-5000           5,000 quotation marks in one paragraph, one of them unpaired (MK01 fires)

Each run is a fresh process of `aligncheck check --no-cache`. The model embeds a paragraph from
at most 32 windows (embed/bert.py), but OM02 embeds every sentence, so model time stays linear
in the text and dominates a long run (about 0.2 s per kB on a 2-core machine). By default the
child therefore replaces the embedder with a stand-in (vectors hashed from a sentence's numbers,
so translations still match) and measures every other stage; --real-model runs the built
default model instead.
Prints a markdown table: size, median wall seconds of --repeat runs, peak RSS of the child,
findings, rules skipped (run warnings), and for the paragraph cases the time ratio to 1 MB next
to the size ratio.
Run: OPENBLAS_NUM_THREADS=1 python benchmarks/long_inputs.py [--repeat 3] [--repeat-5m 1]
     [--only para-1M,...] [--real-model] [--ignore OM02,AD02,...]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARAGRAPH_SIZES = {
    "para-50k": 50_000,
    "para-200k": 200_000,
    "para-1M": 1_000_000,
    "para-5M": 5_000_000,
}
NAMES = [
    ("Aigerim Sadykova", "Айгерим Садыкова"),
    ("Timur Bekov", "Тимур Беков"),
    ("Olga Marchenko", "Ольга Марченко"),
    ("Daniyar Nurlanov", "Данияр Нурланов"),
    ("Saule Abenova", "Сауле Абенова"),
]
PLACES = [
    ("Taraz", "Тараз"),
    ("Shymkent", "Шымкент"),
    ("Pavlodar", "Павлодар"),
    ("Aktobe", "Актобе"),
]


def _sentence(rng: random.Random) -> tuple[str, str]:
    """One en/ru sentence pair; now and then the Russian one carries a slip a rule should find."""
    name, name_ru = rng.choice(NAMES)
    place, place_ru = rng.choice(PLACES)
    n, m, year = rng.randint(2, 9999), rng.randint(10, 99), rng.randint(1990, 2030)
    pick = rng.randrange(5)
    if pick == 0:
        pair = (
            f"In {year} the depot in {place} shipped {n} crates to {m} villages.",
            f"В {year} году склад в городе {place_ru} отправил {n} ящиков в {m} сёл.",
        )
    elif pick == 1:
        pair = (
            f"{name} said: “The canal carries {m} percent more water than last spring.”",
            f"{name_ru} сказала: «Канал несёт на {m} процентов больше воды, чем прошлой весной».",
        )
    elif pick == 2:
        pair = (
            f"The **new** pumping station (built for {n} tenge) serves {m} farms near {place}.",
            f"**Новая** насосная станция (построена за {n} тенге) обслуживает {m} хозяйств "
            f"у города {place_ru}.",
        )
    elif pick == 3:
        pair = (
            f"Volunteers planted {n} saplings along the river bank on 14 May {year}.",
            f"Добровольцы высадили {n} саженцев вдоль берега реки 14 мая {year} года.",
        )
    else:
        pair = (
            f"A report by {name} counts {n} wells, of which {m} are dry.",
            f"В отчёте, который подготовил(а) {name_ru}, насчитано {n} колодцев, из них {m} сухие.",
        )
    slip = rng.randrange(40)
    en, ru = pair
    if slip == 0:
        ru = ru.replace(str(n), str(n + 1), 1)
    elif slip == 1:
        ru = ru.replace("о", "o", 1)  # a Latin o inside a Cyrillic word
    return en, ru


def paragraph_pair(size: int, seed: int = 7) -> tuple[str, str]:
    rng = random.Random(seed)
    en, ru, length = [], [], 0
    while length < size:
        e, r = _sentence(rng)
        en.append(e)
        ru.append(r)
        length += len(e.encode()) + 1
    return " ".join(en), " ".join(ru)


def long_word_pair(letters: int = 100_000) -> tuple[str, str]:
    syllables = "ка ра ми до лу не со ти"
    rng = random.Random(11)
    word = "".join(rng.choice(syllables.split()) for _ in range(letters // 2))[:letters]
    word = word[: letters // 2] + "o" + word[letters // 2 + 1 :]  # one Latin letter in the middle
    return (
        "The survey found one record: a very long word.",
        f"Обследование нашло одну запись: {word}.",
    )


def quotes_pair(marks: int = 5000) -> tuple[str, str]:
    quoted = " ".join(f"“w{i}”" for i in range(marks // 2))
    quoted_ru = " ".join(f"«с{i}»" for i in range(marks // 2))
    return f"The list reads {quoted}.", f"Список гласит {quoted_ru[:-1]} конец."


def cases() -> dict[str, tuple[str, str]]:
    out = {name: (lambda s=size: paragraph_pair(s)) for name, size in PARAGRAPH_SIZES.items()}
    out["word-100k"] = long_word_pair
    out["quotes-5000"] = quotes_pair
    return out


class NumberEmbedder:
    """Stand-in for the model: a text's vector sums hashed directions of its numbers (and one
    shared direction), so a sentence and its translation, which share their figures, match."""

    name, dim, model_loaded, warnings = "numbers-stand-in", 384, False, ()

    def embed(self, texts):
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, 0] = 1.0
            for number in re.findall(r"\d+", text):
                out[
                    row,
                    int(hashlib.blake2b(number.encode(), digest_size=4).hexdigest(), 16) % self.dim,
                ] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def child(args: list[str]) -> None:
    """`aligncheck check args` in this process, with the stand-in embedder."""
    import aligncheck.embed
    from aligncheck.app.cli import main as cli_main

    aligncheck.embed.load_embedder = lambda *a, **k: NumberEmbedder()
    aligncheck.embed.prefetch_default_model = lambda: None
    sys.argv = ["aligncheck", "check", *args]
    cli_main()


def run_once(
    folder: Path, timeout: float, real_model: bool, ignore: str | None
) -> tuple[float, float, dict, list[str]]:
    """(wall seconds, peak RSS MB, JSON report, run warnings) of one fresh `aligncheck check`."""
    report = folder / "report.json"
    env = {**os.environ, "ALIGNCHECK_DEBUG": ""}
    check = [
        str(folder / "en.md"),
        str(folder / "ru.md"),
        "--no-cache",
        "--quiet",
        "--fail-on",
        "never",
        "--format",
        "json",
        "--output",
        str(report),
        *(["--ignore", ignore] if ignore else []),
    ]
    command = ["-m", "aligncheck", "check", *check] if real_model else [__file__, "--child", *check]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise
    elapsed = time.perf_counter() - start
    peak_mb = _peak_rss_mb.get(proc.pid, float("nan"))
    if proc.returncode != 0:
        raise SystemExit(f"aligncheck failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    warnings = [
        line for line in stderr.decode().splitlines() if line.startswith("aligncheck: warning")
    ]
    return elapsed, peak_mb, json.loads(report.read_text()), warnings


_peak_rss_mb: dict[int, float] = {}


def _reap_with_rusage() -> None:
    """Make Popen reap through os.wait4 so each child's own peak RSS is kept."""
    original = subprocess.Popen._try_wait

    def try_wait(self, wait_flags):
        try:
            pid, status, usage = os.wait4(self.pid, wait_flags)
        except ChildProcessError:
            return original(self, wait_flags)
        if pid:
            _peak_rss_mb[pid] = usage.ru_maxrss / 1024
        return pid, status

    subprocess.Popen._try_wait = try_wait


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        return child(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repeat-5m", type=int, default=1, help="runs of the 5 MB case")
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--real-model", action="store_true", help="embed with the default model")
    parser.add_argument("--ignore", help="rules not to run (passed to aligncheck check --ignore)")
    args = parser.parse_args()
    _reap_with_rusage()
    wanted = args.only.split(",") if args.only else list(cases())
    rows, seconds = [], {}
    for name, build in cases().items():
        if name not in wanted:
            continue
        en, ru = build()
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "en.md").write_text(en + "\n", encoding="utf-8")
            (folder / "ru.md").write_text(ru + "\n", encoding="utf-8")
            repeat = args.repeat_5m if name == "para-5M" else args.repeat
            runs = [
                run_once(folder, args.timeout, args.real_model, args.ignore) for _ in range(repeat)
            ]
        seconds[name] = statistics.median(r[0] for r in runs)
        report, warnings = runs[-1][2], runs[-1][3]
        findings = [f for doc in report["documents"] for f in doc["findings"]]
        by_rule = {}
        for f in findings:
            by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
        rows.append(
            (
                name,
                len(en.encode()),
                repeat,
                seconds[name],
                max(r[1] for r in runs),
                ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items())),
                len(warnings),
            )
        )
        print(f"{name}: {seconds[name]:.2f} s", file=sys.stderr, flush=True)
        for w in warnings:
            print(f"  {w}", file=sys.stderr)
    base = seconds.get("para-1M")
    print(
        "| case | en bytes | runs | median s | peak RSS MB | time / 1 MB | size / 1 MB "
        "| findings | rules skipped |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for name, size, repeat, secs, peak, found, skipped in rows:
        ratio = f"{secs / base:.2f}" if base and name in PARAGRAPH_SIZES else ""
        size_ratio = f"{size / PARAGRAPH_SIZES['para-1M']:.2f}" if name in PARAGRAPH_SIZES else ""
        print(
            f"| {name} | {size:,} | {repeat} | {secs:.2f} | {peak:.0f} | {ratio} | {size_ratio} "
            f"| {found} | {skipped} |"
        )


if __name__ == "__main__":
    main()
