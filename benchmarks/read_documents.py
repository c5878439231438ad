"""Time to read a 1 MB Markdown or HTML file into a Document with its blocks (issue 14).

Cases, each about 1 MB, written to a temporary directory and read with `read_document`
(decode, parse, blocks, offsets), best of --repeat runs in this process:
  md-dense   every line a construct: headings with {#ids}, quotes, nested lists, tables, inline
             code, links of every form, autolinks, inline HTML, fences, HTML blocks
  md-prose   the sample press release's paragraphs with a code span, a link and a fence each
  html       headings with ids, paragraphs with inline tags, code and links, lists
Prints a markdown table: case, bytes, blocks, best seconds.
Run: OPENBLAS_NUM_THREADS=1 python benchmarks/read_documents.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from aligncheck.read import read_document

ROOT = Path(__file__).resolve().parents[1]
DENSE = """# Title `code` here {#x}

> quote line one
continues *here*
> and [link](http://a.b "t") more

- item one [ref][r] and ![img](a.png)
- item two
  second line <b>bold</b> <https://x.y> and `unclosed

| a | b |
|---|---|
| 1 `x` | [l](u) |

```py
code
```

<div class="x">
<input type="checkbox">
</div>

[r]: http://example.org

Setext *one*
------
"""
PROSE = (ROOT / "corpora" / "steppe-rivers" / "en.md").read_text(encoding="utf-8") + (
    "\nRun `pip install x` and see [the guide](https://example.org/g).\n\n```sh\nx --check\n```\n"
)
HTML = (
    "<h2 id=x>Title <em>a</em></h2>\n<p>Run <code>pip</code> and "
    "<a href='/x'>read</a> it.</p>\n<ul><li>One<li>Two</ul>\n"
)


def one_mb(chunk: str) -> str:
    return (chunk + "\n") * (1_000_000 // (len(chunk.encode()) + 1) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| case | bytes | blocks | best s |\n|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for name, suffix, chunk in (
            ("md-dense", "md", DENSE),
            ("md-prose", "md", PROSE),
            ("html", "html", HTML),
        ):
            path = Path(folder) / f"{name}.en.{suffix}"
            path.write_text(one_mb(chunk), encoding="utf-8")
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                document = read_document(path, "en")
                times.append(time.perf_counter() - start)
            size = path.stat().st_size
            print(f"| {name} | {size:,} | {len(document.blocks):,} | {min(times):.2f} |")


if __name__ == "__main__":
    main()
