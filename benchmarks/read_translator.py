"""Time and peak memory of reading translator files (issue 14): XLIFF 1.2, XLIFF 2.0, PO and
TMX of 1k, 10k and 100k units, written to a temporary directory, each read in a fresh process
through `discover_releases` and segmented (what `aligncheck check` does before any rule), and,
with --annotate, the annotated copy written from a run without findings.

The time per unit should stay flat from 10k to 100k units (nothing quadratic in file size).
Prints a markdown table: format, units, median wall seconds of --repeat runs, microseconds per
unit, peak RSS of the child.
Run: python benchmarks/read_translator.py [--repeat 3] [--sizes 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "Order {n} of {m} books ships on day {d}, with %s extra <x id='1'/> items."
TARGET = "Заказ {n} из {m} книг отправят в день {d}, ещё %s <x id='1'/> товаров."


def _pair(n: int) -> tuple[str, str]:
    values = {"n": n, "m": n % 97 + 2, "d": n % 28 + 1}
    return SOURCE.format(**values), TARGET.format(**values)


def _xliff12(units: int) -> str:
    rows = [
        f'<trans-unit id="u{n}"><source>{s}</source>\n<target>{t}</target></trans-unit>'
        for n, (s, t) in ((n, _pair(n)) for n in range(units))
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="b" '
        'source-language="en" target-language="ru" datatype="plaintext"><body>\n'
        + "\n".join(rows)
        + "\n</body></file></xliff>\n"
    ).replace("id='1'", 'id="1"')


def _xliff20(units: int) -> str:
    rows = [
        f'<unit id="u{n}"><segment><source>{s}</source>\n<target>{t}</target></segment></unit>'
        for n, (s, t) in ((n, _pair(n)) for n in range(units))
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" '
        'xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="ru">\n'
        '<file id="f">\n' + "\n".join(rows) + "\n</file></xliff>\n"
    ).replace("<x id='1'/>", '<ph id="1"/>')


def _po(units: int) -> str:
    head = 'msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    rows = [
        f'msgid "{s}"\nmsgstr "{t}"'.replace(" <x id='1'/>", "")
        for s, t in (_pair(n) for n in range(units))
    ]
    return head + "\n" + "\n\n".join(rows) + "\n"


def _tmx(units: int) -> str:
    rows = [
        f'<tu tuid="u{n}"><tuv xml:lang="en"><seg>{s}</seg></tuv>\n'
        f'<tuv xml:lang="ru"><seg>{t}</seg></tuv></tu>'
        for n, (s, t) in ((n, _pair(n)) for n in range(units))
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
        'creationtool="b" creationtoolversion="1" segtype="sentence" o-tmf="b" adminlang="en" '
        'datatype="plaintext"/><body>\n' + "\n".join(rows) + "\n</body></tmx>\n"
    ).replace("<x id='1'/>", '<ph x="1"/>')


FORMATS = {"xliff12": (_xliff12, "xlf"), "xliff20": (_xliff20, "xlf"), "po": (_po, "po"),
           "tmx": (_tmx, "tmx")}  # fmt: skip

CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from aligncheck.read import discover_releases
from aligncheck.segment import segment_document
(release,) = discover_releases([Path(sys.argv[1])], max_input_mb=1000)
count = sum(len(segment_document(d).segments) for d in (release.source, *release.targets))
seconds = time.perf_counter() - start
if sys.argv[2] == "annotate":
    from aligncheck.annotate import plan_copies, write_copies
    from aligncheck.model import RunResult
    start = time.perf_counter()
    write_copies(RunResult("m", "paragraph", ()), plan_copies([release], Path(sys.argv[3])), 1000)
    seconds = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "segments": count, "rss_mb": rss}))
"""


def measure(path: Path, mode: str, out: Path) -> dict:
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode, str(out)],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--annotate", action="store_true", help="time the annotated copy")
    args = parser.parse_args()
    mode = "annotate" if args.annotate else "read"
    print(f"| format | units | {mode} s (median) | µs per unit | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (make, suffix) in FORMATS.items():
            for units in (int(s) for s in args.sizes.split(",")):
                path = Path(tmp) / f"{name}-{units}.{suffix}"
                path.write_text(make(units), encoding="utf-8")
                runs = [measure(path, mode, Path(tmp) / "out") for _ in range(args.repeat)]
                seconds = statistics.median(r["seconds"] for r in runs)
                rss = max(r["rss_mb"] for r in runs)
                print(f"| {name} | {units} | {seconds:.2f} | {seconds / units * 1e6:.0f} "
                      f"| {rss:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
