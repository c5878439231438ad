"""Group the renderings of one source term or name in a target version into spellings."""

from __future__ import annotations

from collections import Counter

from aligncheck.lang.morph import lemmas, lower


def same_spelling(a: str, b: str, lang: str) -> bool:
    """Do two renderings differ only by inflection (Алиев / Алиевым, Qazaxıstan / Qazaxıstanın)?"""
    a, b = lower(a, lang), lower(b, lang)
    if a == b or a.startswith(b) or b.startswith(a) or _inflected(a, b):
        return True
    # Russian lemmas last: the cheap test above settles most pairs without loading pymorphy3
    return (
        lang == "ru"
        and len(a.split()) == len(b.split())
        and all(lemmas(x, lang) & lemmas(y, lang) for x, y in zip(a.split(), b.split()))
    )


def _inflected(a: str, b: str) -> bool:
    """Same stem of 4+ letters, then different endings of at most 4 letters that do not
    share their last two (Астана / Астане; not Berdiyev / Berdiev)."""
    common = 0
    while common < min(len(a), len(b)) and a[common] == b[common]:
        common += 1
    tail_a, tail_b = a[common:], b[common:]
    if len(tail_a) > 4 or len(tail_b) > 4 or common < 4:
        return False
    shared_end = 0
    while (
        shared_end < min(len(tail_a), len(tail_b))
        and tail_a[-1 - shared_end] == tail_b[-1 - shared_end]
    ):
        shared_end += 1
    return shared_end < 2


def spellings(forms: list[str], lang: str) -> list[tuple[str, int]]:
    """Distinct spellings with their counts, most frequent first (ties by text)."""
    counts = Counter(forms)
    groups: list[list[str]] = []
    for form in sorted(counts, key=lambda f: (-counts[f], f)):
        for group in groups:
            if same_spelling(group[0], form, lang):
                group.append(form)
                break
        else:
            groups.append([form])
    totals = [(g[0], sum(counts[f] for f in g)) for g in groups]
    return sorted(totals, key=lambda t: (-t[1], t[0]))
