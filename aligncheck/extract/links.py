"""Emails and URLs in a text, and how two lists of them differ.

A URL is `scheme://...`, `www.host...`, the target of a Markdown link `[text](url)` or of an
HTML `href`/`src` attribute; a trailing sentence dot, comma, quote or unmatched closing
bracket is not part of it.
Hosts may hold any letters, so a Cyrillic look-alike in `www.unоps.org` stays visible.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

_EMAIL = regex.compile(
    r"(?<![\w.+-])(?:mailto:)?([\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,})(?![\w@-])",
    regex.IGNORECASE,
)
_URL = regex.compile(r"(?<![\w@/.-])(?:(?:https?|ftp)://|www\.)[^\s<>\"«»“”„]+", regex.IGNORECASE)
_MARKDOWN_LINK = regex.compile(
    r"\[[^\]\n]*\]\(\s*([^\s()]+(?:\([^\s()]*\)[^\s()]*)*)(?:\s+\"[^\"]*\")?\s*\)"
)
_HTML_LINK = regex.compile(r"""(?<![\w-])(?:href|src)\s*=\s*(?:"([^"<>]*)"|'([^'<>]*)')""", regex.I)
_TRAILING = ".,;:!?'’\"»”)]}>*_"
_PAIRS = {")": "(", "]": "[", "}": "{"}
_SCHEME = regex.compile(r"^(?:(?:https?|ftp)://)", regex.IGNORECASE)
_SLASHES = regex.compile(r"/{2,}")
_LANG_SEGMENT = regex.compile(
    r"(?<=[/=._-])([a-z]{2,3})(?:[-_][a-z]{2,4})?(?=[/?#&._-]|$)", regex.IGNORECASE
)


@dataclass(frozen=True)
class Value:
    """One email or URL: its text as written and where it sits in the searched text."""

    kind: str  # "email" or "url"
    text: str
    start: int
    end: int


def _trim_url(url: str) -> str:
    depth = 0
    for i, char in enumerate(url):  # a ")" the URL never opened closes a bracket around it:
        depth += char == "("  # "(https://x.org)'a" in Turkish, an inflected link
        if char == ")":
            if depth == 0:
                url = url[:i]
                break
            depth -= 1
    while url and url[-1] in _TRAILING:
        last = url[-1]
        if last in _PAIRS and url.count(_PAIRS[last]) >= url.count(last):
            break
        url = url[:-1]
    return url


def find_urls(text: str) -> list[Value]:
    found: dict[int, Value] = {}
    # Each pattern needs a literal that most texts lack ("://" or "www.", "]("): looking for
    # it first spares the patterns' scan of every position.
    for m in _URL.finditer(text) if "://" in text or "www." in text.lower() else ():
        url = _trim_url(m.group())
        if len(url) > 4 and "." in url.split("://")[-1].rstrip("."):
            found[m.start()] = Value("url", url, m.start(), m.start() + len(url))
    for m in _MARKDOWN_LINK.finditer(text) if "](" in text else ():
        start = m.start(1)  # the link's own target wins over a bare URL read there
        if not _EMAIL.fullmatch(m.group(1)):
            found[start] = Value("url", m.group(1), start, m.end(1))
    for m in _HTML_LINK.finditer(text) if "=" in text else ():
        group = 1 if m.group(1) is not None else 2
        start, url = m.start(group), m.group(group).strip()
        if url and start not in found and not _EMAIL.fullmatch(url):
            found[start] = Value("url", url, start, start + len(url))
    return [found[k] for k in sorted(found)]


def find_emails(text: str) -> list[Value]:
    if "@" not in text:
        return []
    urls = [(u.start, u.end) for u in find_urls(text)]
    out = []
    for m in _EMAIL.finditer(text):
        start, end = m.span(1)
        if not any(a <= start < b for a, b in urls):
            out.append(Value("email", m.group(1), start, end))
    return out


def find_links(text: str) -> list[Value]:
    """Emails and URLs of `text` in order of appearance."""
    return sorted(find_urls(text) + find_emails(text), key=lambda v: v.start)


def email_key(email: str) -> str:
    return email.lower()


def url_key(url: str, localised: object = "lang", langs: Sequence[str] = ()) -> str:
    """A comparison key: scheme, case of host, trailing slash and allowed localisation ignored.

    `localised`: "lang" (or True) ignores a first subdomain, path or query segment equal to
    one of `langs` (so /about, /en/about and /ru/about are one page, and so are
    example.org and ru.example.org);
    "host" keeps only the host; a list of regexes masks each match; "none"/False masks nothing.
    """
    rest = _SCHEME.sub("", url)
    host, sep, path = rest.partition("/")
    host = host.lower()
    path = (sep + path).rstrip("/")
    if localised in ("host",):
        return host
    if localised in ("lang", True):
        wanted = {lang.split("-")[0].lower() for lang in langs}

        def drop(m: regex.Match) -> str:
            return "" if m.group(1).lower() in wanted else m.group()

        labels = host.split(".")
        if len(labels) >= 3 and labels[0] in wanted:
            host = ".".join(labels[1:])
        path = _SLASHES.sub("/", _LANG_SEGMENT.sub(drop, path)).rstrip("/")
    elif isinstance(localised, (list, tuple)):
        for pattern in localised:
            path = regex.sub(pattern, "{*}", path)
    return host + path


@dataclass(frozen=True)
class Difference:
    """A source value without its twin in the target (`target` None), an extra target
    value (`source` None), or a source value that the target renders differently."""

    source: Value | None
    target: Value | None


def _unmatched(values: list[Value], others: list[Value], key: Callable[[str], str]) -> list[Value]:
    """The values with no counterpart among `others`, counting repeats."""
    left = Counter(key(v.text) for v in others)
    out = []
    for v in values:
        k = key(v.text)
        if left[k] > 0:
            left[k] -= 1
        else:
            out.append(v)
    return out


def pairs_by_key(
    source: Sequence[Value], target: Sequence[Value], key: Callable[[str], str]
) -> list[tuple[Value, Value]]:
    """Source and target values with equal keys, paired in order (each used once)."""
    waiting: dict[str, list[Value]] = {}
    for v in reversed(target):
        waiting.setdefault(key(v.text), []).append(v)
    out = []
    for v in source:
        left = waiting.get(key(v.text))
        if left:
            out.append((v, left.pop()))
    return out


def compare(
    source: Iterable[Value],
    target: Iterable[Value],
    key: Callable[[str], str],
    similar: float = 60.0,
) -> list[Difference]:
    """Missing, extra and altered values, matched as multisets of `key`."""
    src, tgt = list(source), list(target)
    missing, extra = _unmatched(src, tgt, key), _unmatched(tgt, src, key)
    out = []
    for v in missing:
        scored = [(fuzz.ratio(key(v.text), key(e.text)), -i) for i, e in enumerate(extra)]
        best = max(scored, default=None)
        if best is not None and best[0] >= similar:
            out.append(Difference(v, extra.pop(-best[1])))
        else:
            out.append(Difference(v, None))
    out.extend(Difference(None, e) for e in extra)
    return out


def located(
    texts: Sequence[tuple[int, str]], finder: Callable[[str], list[Value]]
) -> list[tuple[int, Value]]:
    """(segment index, value) for each value `finder` sees in each (index, text)."""
    return [(i, v) for i, text in texts for v in finder(text)]
