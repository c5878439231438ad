"""Which numbers of a source text answer which of its translation: the matcher behind NU01.

`mentions` reads a link side's numbers; `unmatched` pairs them occurrence by occurrence and
returns what is left over and not forgiven; `pair_changes` reads a missing and an extra number
as one change; `merge_scores` joins the two sides of a score or a range. What to report and
how severely is NU01's business.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Container, Sequence
from dataclasses import replace
from decimal import Decimal

import regex

from aligncheck.extract.numbers import NumberMention, extract_numbers
from aligncheck.model import Segmentation

Located = tuple[int, NumberMention]  # (segment index, mention)
WORD_KINDS = ("word", "approximate", "ordinal", "roman")


def mentions(seg: Segmentation, indices: Sequence[int], words: bool = True) -> list[Located]:
    found = []
    for i in indices:
        for m in extract_numbers(seg.segments[i].prose, seg.lang):
            if not words and is_word(m):
                m = replace(m, soft=True)
            found.append((i, m))
    return found


# a token with digits and a letter, bracket, slash or other mark of code (hl[7,27:28], v2.1,3,
# docs_src/x.py): not a time, score, range or percentage ("12:55", "2-1", "5%"), which a
# translation writes around with words of its own ("12:55 p.m." as "12:55")
_LITERAL = regex.compile(r"(?=\S*[\p{L}_/\\\[\]{}<>=#@*])\S*\d\S*")


def without_shared_literals(
    source: list[Located], target: list[Located], src: Segmentation, tgt: Segmentation
) -> tuple[list[Located], list[Located]]:
    """The mentions outside the literals both sides write alike: a token with digits that the
    source and the target both write, character for character (a code reference, a file name,
    `hl[7,27:28,31:33]`), carries the same numbers whatever each language's number format
    reads into it; occurrence by occurrence."""
    spans = {
        id(side): _literal_spans(side, {i for i, _ in found})
        for side, found in ((src, source), (tgt, target))
    }
    shared = Counter(t for t, _ in spans[id(src)]) & Counter(t for t, _ in spans[id(tgt)])
    if not shared:
        return source, target

    def keep(side: Segmentation, found: list[Located]) -> list[Located]:
        left, covered = Counter(shared), {}
        for token, (i, a, b) in spans[id(side)]:
            if left[token] > 0:
                left[token] -= 1
                covered.setdefault(i, []).append((a, b))  # in text order: sorted, disjoint

        def inside(i: int, m: NumberMention) -> bool:
            runs = covered.get(i, ())
            k = bisect.bisect_right(runs, (m.span[0], float("inf"))) - 1
            return k >= 0 and runs[k][0] <= m.span[0] and m.span[1] <= runs[k][1]

        return [(i, m) for i, m in found if not inside(i, m)]

    return keep(src, source), keep(tgt, target)


def _literal_spans(seg: Segmentation, indices: set[int]) -> list[tuple[str, tuple[int, int, int]]]:
    return [
        (m.group(), (i, m.start(), m.end()))
        for i in sorted(indices)
        for m in _LITERAL.finditer(seg.segments[i].prose)
    ]


def is_word(m: NumberMention) -> bool:
    return m.kind in WORD_KINDS and not any(c.isdigit() for c in m.raw)


def _pair_off(
    left: list[Located],
    right: list[Located],
    same: Callable,
    probes: Callable | None = None,
    labels: Callable | None = None,
) -> list[tuple[Located, Located]]:
    """Pair each item of `left` in turn with the first item of `right` it is the `same` as;
    paired items leave both lists. With `labels(b)` (labels of a right mention) and
    `probes(a)` (labels to look under for a left one), where `same(a, b)` implies a shared
    label, only the right items under the probed labels are tried, in order: the same pairs,
    without comparing every mention with every other."""
    if probes is None:
        probes, labels = (lambda a: (None,)), (lambda b: (None,))
    buckets: dict = {}
    for position, (_, m) in enumerate(right):
        for label in labels(m):
            buckets.setdefault(label, []).append(position)
    taken = [False] * len(right)
    fronts: dict = {}
    pairs, kept = [], []
    for item in left:
        best = None
        for label in probes(item[1]):
            bucket = buckets.get(label)
            if not bucket:
                continue
            front = fronts.get(label, 0)
            while front < len(bucket) and taken[bucket[front]]:
                front += 1
            fronts[label] = front
            for k in range(front, len(bucket)):
                position = bucket[k]
                if best is not None and position >= best:
                    break
                if not taken[position] and same(item[1], right[position][1]):
                    best = position
                    break
        if best is None:
            kept.append(item)
        else:
            taken[best] = True
            pairs.append((item, right[best]))
    left[:] = kept
    right[:] = [t for position, t in enumerate(right) if not taken[position]]
    return pairs


# Who answers whom, in passes: equal values, then a shared reading, then an imperial quantity
# and its metric conversion. Within each pass digits answer digits (reported ones each other
# first) and words answer words of their kind (ordinal or not) before anything answers across,
# so "the first win" keeps "первую" and the "1" of "1-0" must find its own partner.
MATCHES = (
    lambda a, b: a.value == b.value and same_scale(a, b),
    lambda a, b: bool(set(a.values) & set(b.values)) and same_scale(a, b),
    lambda a, b: a.converts_to(b) or b.converts_to(a),
)
CONVERSION = 2  # the pass of MATCHES that joins unequal values
_GIVEN_GAP = 16  # characters between a quantity and its bracketed equivalent


def given_conversions(found: list[Located]) -> dict[int, NumberMention]:
    """Both mentions of "45 miles (72 km)" or "800 kph (497 mph)", by id, each with the other:
    a quantity and its equivalent in brackets right after it. The author converted it, so the
    translation gives one of the two as written (or both); a third figure near the conversion
    is a change."""
    given = {}
    for (i, a), (j, b) in zip(found, found[1:]):
        if (
            i == j
            and b.bracketed
            and 0 <= b.span[0] - a.span[1] <= _GIVEN_GAP
            and (a.converts_to(b) or b.converts_to(a))
        ):
            given[id(a)], given[id(b)] = b, a
    return given


_HOLLOW_AFTER = regex.compile(r"[^\d()]{0,16}\([^\d()]{0,24}\)")
_FIGURE_BEFORE = regex.compile(r"\d[^\d()]{0,16}\([^\d()]*$")


def beside_hollow_brackets(seg: Segmentation, found: list[Located]) -> set[int]:
    """ids of the mentions that stand beside brackets with no figure: "300 km ( mil)", or
    "фут (6 метров)" with no figure before the bracket: where one figure of a given
    conversion ("300 km (190 miles)") was, its unit left behind."""
    hollow = set()
    for i, m in found:
        text = seg.segments[i].prose
        start, end = m.span
        if _HOLLOW_AFTER.match(text, end) or (
            m.bracketed and not _FIGURE_BEFORE.search(text, max(0, start - 32), start)
        ):
            hollow.add(id(m))
    return hollow


def same_scale(a: NumberMention, b: NumberMention) -> bool:
    """Not 9 billion and 9 million: when both sides write a scale word (billion, milyon, млрд,
    from the number words), the scaled values must agree too."""
    return a.scaled is None or b.scaled is None or a.scaled == b.scaled


TIERS = (
    lambda a, b: not is_word(a) and not is_word(b) and a.soft == b.soft,
    lambda a, b: not is_word(a) and not is_word(b),
    lambda a, b: (
        _plain_word(a) and _plain_word(b) and (a.kind == "ordinal") == (b.kind == "ordinal")
    ),
    lambda a, b: _plain_word(a) and _plain_word(b),
    lambda a, b: (
        not (_article(a) and b.reportable and not is_word(b))
        and not (_article(b) and a.reportable and not is_word(a))
    ),
)

# Labels for `_pair_off` per pass of MATCHES: a mention's value, its readings, and for the
# conversions _METRIC, under which every mention lies and an imperial one looks (and the reverse).
_METRIC, _IMPERIAL = ("conversion", "metric"), ("conversion", "imperial")  # no value is a tuple
READINGS = (
    lambda m, probing: (m.value,),
    lambda m, probing: tuple(set(m.values)),
    lambda m, probing: (
        ((_METRIC,) if m.unit else (_IMPERIAL,))
        if probing
        else ((_METRIC, _IMPERIAL) if m.unit else (_METRIC,))
    ),
)


def _kind(m: NumberMention) -> tuple:
    """What the TIERS look at in a mention: two of one kind pass the same tiers."""
    return (is_word(m), m.soft, m.kind == "ordinal", _article(m), m.reportable)


def _article(m: NumberMention) -> bool:
    """ "one of", "bir" (a), "бір": a soft 1 is the most doubtful number word,
    so it answers last."""
    return is_word(m) and m.soft and m.value == 1 and m.kind != "ordinal"


def _plain_word(m: NumberMention) -> bool:
    return is_word(m) and not _article(m)


def _priority(item: Located) -> tuple[int, int]:
    """Reported digits pair first, soft words last: what stays over should be what is forgiven."""
    m = item[1]
    return (not m.reportable, is_word(m))


def _augment(
    left: list[Located],
    right: list[Located],
    pairs: list[tuple[Located, Located]],
    matches: Sequence[Callable] = MATCHES,
) -> None:
    """Re-route pairs where that pairs one more (Kuhn's augmenting paths): "1 to 4 inches (10)"
    against "2,5 до 10 см (25)" first pairs the two 10s, leaving 4 and 25 over. `matches`:
    the passes' tests, as `unmatched` uses them."""

    def edge(a: Located, b: Located) -> bool:
        return TIERS[-1](a[1], b[1]) and any(same(a[1], b[1]) for same in matches)

    mate = {id(t): s for s, t in pairs}
    targets = [t for _, t in pairs] + right
    # Targets that may share an edge with a source, by a reading or as a conversion: a source
    # tries only those, in the order of `targets`.
    under: dict = {}
    for position, (_, m) in enumerate(targets):
        for label in (*set(m.values), _METRIC, *((_IMPERIAL,) if m.unit else ())):
            under.setdefault(label, []).append(position)
    neighbours: dict[int, list[Located]] = {}

    def near(s: Located) -> list[Located]:
        found = neighbours.get(id(s))
        if found is None:
            m = s[1]
            labels = (*set(m.values), _METRIC if m.unit else _IMPERIAL)
            positions = sorted({p for label in labels for p in under.get(label, ())})
            found = neighbours[id(s)] = [targets[p] for p in positions if edge(s, targets[p])]
        return found

    ended: list[Located] = []  # the free target each successful search ends at

    def reach(s: Located, seen: set) -> bool:
        for t in near(s):
            if id(t) in seen:
                continue
            seen.add(id(t))
            if id(t) not in mate:
                ended.append(t)
            elif not reach(mate[id(t)], seen):
                continue
            mate[id(t)] = s
            return True
        return False

    mentions = [m for _, m in (*left, *(s for s, _ in pairs), *targets)]
    linked = None if any(m.unit for m in mentions) else _Linked(mentions, pairs)
    free = Counter(linked.find(m.value) for _, m in right) if linked else None
    rerouted = set()
    for s in sorted(left, key=_priority):
        if not s[1].reportable or (linked and not free[linked.find(s[1].value)]):
            continue
        if reach(s, set()):
            rerouted.add(id(s))
            if linked:
                free[linked.find(ended[-1][1].value)] -= 1
    left[:] = [s for s in left if id(s) not in rerouted]
    right[:] = [t for t in targets if id(t) not in mate]
    pairs[:] = [(mate[id(t)], t) for t in targets if id(t) in mate]


class _Linked:
    """Values joined by a mention's readings and by a pair: a path of `_augment` stays among
    linked values, so a source whose values link to no free target has no path to try. Only
    used when no mention carries an imperial unit (a conversion joins unequal values)."""

    def __init__(self, mentions: list[NumberMention], pairs: list[tuple[Located, Located]]):
        self.parent: dict = {}
        for m in mentions:
            for value in m.alternatives:
                self.join(m.value, value)
        for s, t in pairs:
            self.join(s[1].value, t[1].value)

    def find(self, value):
        root = value
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while value != root:
            self.parent[value], value = root, self.parent[value]
        return root

    def join(self, a, b) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[a] = b


def unmatched(source: list[Located], target: list[Located], hollow: Container[int] = frozenset()):
    """(missing, extra, spare target words) after matching values, occurrence by occurrence.

    Values are counted, not collected into sets: "5 ... 5" against one "5" leaves one missing.
    Equal values pair first, then any shared reading ("1,500" may be 1.5 or 1500), then
    imperial quantities with their metric conversion ("30 yards" ~ "27 м"); digits pair with
    digits before words, and pairs are re-routed where that pairs more. Left over and
    forgiven: soft mentions, a number WORD whose value the other side has (a repeated "the
    five" folds into a pronoun), and an imperial quantity whose metric equivalent the same side
    gives in brackets ("30 miles (48 km)" against "48 км"), unless the target's figure stands
    beside brackets emptied of the other (`hollow`: "48 км ( миль)"). Spare words are unmatched soft
    number words of the target ("четырёхдневный"): never reported alone, but they name the new
    value of a changed word.
    """
    left, right = sorted(source, key=_priority), sorted(target, key=_priority)
    given = given_conversions(source)
    matches = _matches(given)
    pairs: list[tuple[Located, Located]] = []
    for same, readings in zip(matches, READINGS):
        for tier in TIERS:
            kinds = {_kind(m): m for _, m in right}

            def probes(a: NumberMention) -> list:
                return [
                    (r, kind) for kind, b in kinds.items() if tier(a, b) for r in readings(a, True)
                ]

            def labels(b: NumberMention) -> list:
                return [(r, _kind(b)) for r in readings(b, False)]

            def both(a: NumberMention, b: NumberMention) -> bool:
                return tier(a, b) and same(a, b)

            pairs += _pair_off(left, right, both, probes, labels)
    _augment(left, right, pairs, matches)
    order = {id(x): n for n, x in enumerate((*source, *target))}
    left.sort(key=lambda x: order[id(x)])
    right.sort(key=lambda x: order[id(x)])
    partners = {id(m[1]): o[1] for s, t in pairs for m, o in ((s, t), (t, s))}

    def alone(
        items: list[Located], own: list[Located], other: list[Located], added: bool
    ) -> list[Located]:
        seen = {v for _, m in other for v in m.values}
        imperial = [o for _, o in other if o.unit]
        feet: dict[tuple[int, int], NumberMention] = {}
        for j, o in own:
            if o.unit == "foot":
                feet.setdefault((j, o.span[1] + 1), o)

        def converted(m: NumberMention) -> bool:
            """An imperial figure and its metric equivalent: one side gives both ("30 miles
            (48 km)"), the other one of them, so the other answered the bracketed one."""
            return any(
                (m.converts_to(o) or o.converts_to(m))
                and partners.get(id(o)) is not None
                and partners[id(o)].soft
                for o in ((o for _, o in other) if m.unit else imperial)
            )

        def inches_of_converted_feet(item: Located) -> bool:
            """ "6-foot-6" as "198 см" or "двухметровый": the metric figure carries the inches."""
            i, m = item
            foot = feet.get((i, m.span[0])) if m.unit == "inch" else None
            return (
                foot is not None and id(foot) in partners and partners[id(foot)].value != foot.value
            )

        def forgiven(item: Located) -> bool:
            m = item[1]
            if not m.reportable or (added and explicitation(m)):
                return True
            return (
                (is_word(m) and bool(seen & set(m.values)))
                or converted(m)
                or inches_of_converted_feet(item)
            )

        return [item for item in items if not forgiven(item)]

    spare = [
        (i, m)
        for i, m in right
        if not m.reportable and not m.in_date and m.kind == "word" and m.value >= 2
    ]
    rough = [x for x in (*left, *right) if x[1].kind == "approximate"]
    missing, extra = alone(left, source, target, False), alone(right, target, source, True)
    # a bracketed equivalent may be left out, not changed: "(497 mph)" as "(498 mil/saat)"
    reported = {id(x[1]) for x in (*missing, *extra)}
    changed = [x for x in left if id(x[1]) in given and x[1].bracketed and id(x[1]) not in reported]
    into = [x for x in right if x[1].bracketed and id(x[1]) not in reported]
    n = min(len(changed), len(into))
    # one figure of a given conversion kept beside emptied brackets: the other was dropped
    partner = {id(s[1]): t[1] for s, t in pairs}

    def other_kept_emptied(x: Located) -> bool:
        kept = partner.get(id(given[id(x[1])]))
        return kept is not None and id(kept) in hollow

    reported |= {id(x[1]) for x in changed[:n]}
    emptied = [
        x for x in left if id(x[1]) in given and id(x[1]) not in reported and other_kept_emptied(x)
    ]
    if n or emptied:
        missing = sorted([*missing, *changed[:n], *emptied], key=lambda x: order[id(x)])
        extra = sorted([*extra, *into[:n]], key=lambda x: order[id(x)])
    return missing, extra, spare, rough


def _matches(given: Container[int]) -> tuple[Callable, ...]:
    """MATCHES, where a source mention of a conversion the source gives (`given`) is no
    partner of the conversion pass: it answers only as written."""
    if not given:
        return MATCHES
    convert = MATCHES[CONVERSION]
    return (
        *MATCHES[:CONVERSION],
        lambda a, b: id(a) not in given and convert(a, b),
        *MATCHES[CONVERSION + 1 :],
    )


def explicitation(m: NumberMention) -> bool:
    """ "the two countries" for "the rivals": a translation may spell out a pair."""
    return m.kind == "word" and m.value == 2


def rough_count(rough: NumberMention, figure: NumberMention) -> bool:
    """ "decades" for "30 years", "dozens" for "40", "thousands" for "5,000": a count given
    roughly on one side may stand for a figure of its order on the other."""
    return (
        not is_word(figure)
        and isinstance(figure.value, Decimal)
        and rough.value >= 10
        and rough.value <= abs(figure.value) < 10 * rough.value
    )


def pair_changes(missing, extra, spare=(), rough=()):
    """(source, target) pairs: a missing and an extra number read as one change; a figure left
    over beside a rough count of its order on the other side ("decades" / "30 лет") is paired
    with that count."""
    missing, extra = list(missing), list(extra)
    pairs = _pair_off(
        missing, extra, lambda a, b: a.kind == b.kind, lambda a: (a.kind,), lambda b: (b.kind,)
    )
    pairs += _pair_off(missing, extra, lambda a, b: True)
    pairs += _pair_off(
        missing,
        list(spare),
        lambda a, b: is_word(a),
        lambda a: (None,) if is_word(a) else (),
        lambda b: (None,),
    )
    rough = list(rough)
    pairs += _pair_off(missing, rough, lambda a, b: rough_count(b, a))
    pairs += [(r, e) for e, r in _pair_off(extra, rough, lambda a, b: rough_count(b, a))]
    return pairs + [(m, None) for m in missing] + [(None, e) for e in extra]


JOINED = regex.compile(
    r"[\s\u00a0]*[-‑–—:][\s\u00a0]*|\s+(?:or|или|немесе|veya|ya da|və ya|yaxud|ýa-da)\s+"
)


def merge_scores(pairs: list, source: Segmentation, target: Segmentation) -> list:
    """ "1-0" missing as one finding, not one per side of the score (nor ends of a range, nor
    "7 or 8")."""
    out: list = []
    for src, tgt in pairs:
        side, seg = (0, source) if tgt is None else (1, target) if src is None else (None, None)
        if out and side is not None and out[-1][1 - side] is None:
            last = out[-1][side]
            now = (src, tgt)[side]
            if last[0] == now[0] and all(x.kind in ("range", "integer") for x in (last[1], now[1])):
                text = seg.segments[now[0]].prose
                start, end = last[1].span[0], now[1].span[1]
                if last[1].span[1] <= now[1].span[0] and JOINED.fullmatch(
                    text[last[1].span[1] : now[1].span[0]]
                ):
                    merged = NumberMention(text[start:end], (start, end), "range", text[start:end])
                    out[-1] = (None, (now[0], merged)) if side else ((now[0], merged), None)
                    continue
        out.append((src, tgt))
    return out
