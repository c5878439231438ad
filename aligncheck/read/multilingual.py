"""One file holding every language version in turn -> one Document per language.

Each paragraph (lines between blank lines; lines, if the file has hardly any blank lines) is
scored for each language; the blocks are the ordered segmentation (one block per language, in
the given order) with the best total score, found by dynamic programming in
O(paragraphs x languages). A leading note that names the versions belongs to none of them.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from babel import Locale

from aligncheck._runtime.cachefiles import cache_file, store_json
from aligncheck.errors import InputError
from aligncheck.lang.langid import (
    candidates_for,
    common_letters,
    identify,
    language_scores,
    letters,
    prime_scores,
)
from aligncheck.model import Document
from aligncheck.read.langcodes import parse_langs

# A block is refused when one other language makes up this share of its evidence (a version
# missing from --langs), or its own language less than MIN_OWN_SHARE; scattered single
# misreadings (ru lines taken for bg or tt) do not add up.
MAX_OTHER_SHARE = 0.25
MIN_OWN_SHARE = 0.5
FIT_SAMPLE = 30  # paragraphs with the most prose that the fit check reads per block
FULL_WEIGHT_LETTERS = 20  # a paragraph with less evidence than this counts proportionally less
CAPITALISED_SHARE = 0.25  # names and Title Case headings are weak evidence, not none
_FLOOR = 1e-6  # one paragraph never costs more than log(1e-6)


@dataclass(frozen=True)
class Paragraph:
    first_line: int  # 0-based, inclusive
    last_line: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Runs of non-blank lines; whitespace-only lines are blank."""
    found, start = [], None
    lines = text.split("\n")
    for index, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            found.append(Paragraph(start, index - 1, "\n".join(lines[start:index])))
            start = None
    return found


def _name_stems(langs: Sequence[str]) -> dict[str, set[str]]:
    """Each language's name in English and in every listed language, as lower-case stems.

    Kept in the cache dir per Babel version: loading the locales costs ~0.1 s a run."""
    digest = hashlib.sha1(",".join(langs).encode()).hexdigest()[:20]
    path = cache_file("split", key=digest)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        if list(stored) == list(langs):
            return {lang: set(found) for lang, found in stored.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        pass
    stems = _built_name_stems(langs)
    store_json(path, {lang: sorted(found) for lang, found in stems.items()})
    return stems


def _built_name_stems(langs: Sequence[str]) -> dict[str, set[str]]:
    stems: dict[str, set[str]] = {lang: set() for lang in langs}
    for display in ["en", *langs]:
        names = Locale.parse(display.replace("-", "_")).languages
        for lang in langs:
            words = letters(names.get(lang.split("-")[0], ""))
            if words:
                stems[lang].add(words[0][: max(4, len(words[0]) - 2)])
    return stems


def _is_preamble(paragraph: Paragraph, stems: dict[str, set[str]]) -> bool:
    """A note naming (almost) all of three or more versions: "English, then Russian and Kazakh"."""
    if len(stems) < 3:
        return False
    words = letters(paragraph.text)
    named = sum(
        any(
            word.startswith(stem) and len(word) - len(stem) <= 4
            for stem in lang_stems
            for word in words
        )
        for lang_stems in stems.values()
    )
    return named >= len(stems) - 1


def _segment(scores: list[dict[str, float]], langs: Sequence[str]) -> list[int]:
    """Index of the first paragraph of each block, maximising the summed scores."""
    n, k = len(scores), len(langs)
    best = [[-math.inf] * (n + 1) for _ in range(k + 1)]
    came_from_new_block = [[False] * (n + 1) for _ in range(k + 1)]
    best[0][0] = 0.0
    for block in range(1, k + 1):
        lang = langs[block - 1]
        for i in range(block, n - (k - block) + 1):
            stay, start = best[block][i - 1], best[block - 1][i - 1]
            # On a tie the block starts late: a paragraph without evidence stays with the
            # one before.
            came_from_new_block[block][i] = start >= stay
            best[block][i] = max(stay, start) + scores[i - 1][lang]
    starts, block, i = [], k, n
    while block > 0:
        if came_from_new_block[block][i]:
            starts.append(i - 1)
            block -= 1
        i -= 1
    return starts[::-1]


@lru_cache(maxsize=16384)  # pure; splitting weighs each paragraph up to three times
def _evidence(text: str) -> float:
    """Letters of prose, capitalised words (names, acronyms, headings) counting a quarter."""
    common = common_letters(text)
    return common + CAPITALISED_SHARE * (sum(map(len, letters(text))) - common)


def _misfit(block: Sequence[Paragraph], lang: str, langs: Sequence[str]) -> str | None:
    """What the block reads as when that is not `lang` (None when it fits).

    The block's most prose-rich paragraphs are identified among the given languages and all
    others of their script, so a version missing from `langs` cannot hide in a neighbour's block."""
    weights: dict[str, float] = {}
    by_prose = sorted(range(len(block)), key=lambda i: (-_evidence(block[i].text), i))
    sample = [
        (block[i].text, tuple(sorted({*langs, *candidates_for(block[i].text)})))
        for i in by_prose[:FIT_SAMPLE]
    ]
    for candidates in dict.fromkeys(c for _, c in sample):  # one query per candidate set
        prime_scores([text for text, c in sample if c == candidates], candidates)
    for text, candidates in sample:
        found, _ = identify(text, candidates)
        if found is not None:
            weights[found] = weights.get(found, 0.0) + _evidence(text)
    total = sum(weights.values())
    if not total:
        return "names and numbers only"
    others = sorted((w, other) for other, w in weights.items() if other != lang)
    if others and others[-1][0] >= MAX_OTHER_SHARE * total:
        return others[-1][1]
    return None if weights.get(lang, 0) >= MIN_OWN_SHARE * total else "a mix of languages"


def split_multilingual(text: str, langs: Sequence[str], *, path: str) -> list[Document]:
    """The language blocks of `text`, in `langs` order, each pointing into the original file."""
    langs = parse_langs(langs)
    if len(langs) < 2:
        raise InputError("--langs needs at least two languages to split a multilingual file", path)
    found = paragraphs(text)
    if len(found) < 2 * len(langs):  # no blank lines between paragraphs (Word, one per line)
        found = [Paragraph(i, i, line) for i, line in enumerate(text.split("\n")) if line.strip()]
    stems = _name_stems(langs)
    while found and len(found) > len(langs) and _is_preamble(found[0], stems):
        found = found[1:]
    if len(found) < len(langs):
        raise InputError(
            f"has {len(found)} paragraph(s), too few for {len(langs)} languages "
            f"({','.join(langs)})",
            path,
        )
    scores = []
    prime_scores([paragraph.text for paragraph in found], langs)
    for paragraph in found:
        weight = min(1.0, _evidence(paragraph.text) / FULL_WEIGHT_LETTERS)
        probabilities = language_scores(paragraph.text, langs)
        scores.append(
            {lang: weight * math.log(max(p, _FLOOR)) for lang, p in probabilities.items()}
        )
    starts = _segment(scores, langs)
    ends = [*starts[1:], len(found)]
    lines = text.split("\n")
    fmt = Path(path).suffix.lower().lstrip(".") or "txt"
    documents = []
    for lang, start, end in zip(langs, starts, ends):
        block = found[start:end]
        first, last = block[0].first_line, block[-1].last_line
        misfit = _misfit(block, lang, langs)
        if misfit is not None:
            raise InputError(
                f"cannot find the {lang} version: lines {first + 1}-{last + 1}, where --langs "
                f"{','.join(langs)} puts it, read as {misfit}; "
                "give --langs the file's languages in their order",
                path,
            )
        documents.append(
            Document(
                path=path,
                lang=lang,
                text="\n".join(lines[first : last + 1]),
                format=fmt,
                line_base=first,
            )
        )
    return documents


def write_split(docs: Sequence[Document], out_dir: Path, stem: str) -> list[Path]:
    """Write each Document as `<stem>.<lang>.txt` (`<lang>.txt` without a stem; .md stays .md),
    atomically, never over the file they were split from."""
    from aligncheck._runtime.safe_write import refuse_overwriting, write_text

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("exists and is not a directory; choose another --out", str(out_dir))
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the directory: {exc.strerror}; choose another --out", str(out_dir)
        ) from None
    targets = []
    for doc in docs:
        suffix = "md" if doc.format == "md" else "txt"
        name = f"{stem}.{doc.lang}.{suffix}" if stem else f"{doc.lang}.{suffix}"
        targets.append(out_dir / name)
    refuse_overwriting(
        [(f"the {doc.lang} file", t) for doc, t in zip(docs, targets)], {doc.path for doc in docs}
    )
    for doc, target in zip(docs, targets):
        write_text(
            target, doc.text.rstrip("\n") + "\n", what=f"the {doc.lang} file", option="--out"
        )
    return targets
