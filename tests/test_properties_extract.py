"""Properties of the extractors on generated text: they never raise, every span quotes the
text it claims, and values written by Babel / num2words, or URLs and emails built from parts,
are read back with the same value."""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent
from hypothesis import example, given, settings
from hypothesis import strategies as st
from num2words import num2words

from aligncheck.extract import extract_dates, extract_numbers
from aligncheck.extract.links import compare, email_key, find_emails, find_links, find_urls, url_key
from aligncheck.extract.names import document_evidence, extract_names
from aligncheck.extract.numwords import find_number_words

LANGS = ["en", "ru", "kk", "az", "tk", "tr"]
langs = st.sampled_from(LANGS + ["de", "xx"])
_PIECES = [
    "12",
    "1 234,5",
    "3.5%",
    "%40",
    "2026",
    "May",
    "мая",
    "жылғы",
    "Mart",
    "ýylyň",
    "Dr.",
    "NASA",
    "Aigerim",
    "Садықова",
    "https://",
    "www.",
    "@",
    "mailto:",
    "[a](",
    ")",
    "-",
    "–",
    "/",
    ":",
    ".",
    ",",
    "'",
    "’",
    "«",
    "»",
    "\u00a0",
    "\u202f",
    "\u0301",
    "\u200f",
    "\u05e9\u05dc",
    "\x00",
    "\x1b",
    "\n",
    " ",
    "one hundred",
    "сорок",
    "iki yüz",
    "XIV",
    "½",
    "٣",
    "𝟘",
    "ǅ",
]
texts = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
    st.lists(st.one_of(st.sampled_from(_PIECES), st.integers(0, 10**40).map(str)), max_size=12).map(
        " ".join
    ),
    st.integers(0, 10**400).map(str),
)


def _quotes(text: str, start: int, end: int, raw: str | None = None) -> None:
    assert 0 <= start <= end <= len(text)
    if raw is not None:
        assert text[start:end] == raw


@settings(max_examples=1200)
@example("1" + "0" * 28, "en")  # past Decimal's 28 digits: quantize raised InvalidOperation
@given(texts, langs)
def test_extractors_never_raise_and_quote_their_spans(text, lang):
    for number in extract_numbers(text, lang):
        _quotes(text, *number.span, number.raw)
    for date in extract_dates(text, lang):
        _quotes(text, *date.span, date.raw)
    for name in extract_names(text, lang) + extract_names(
        text, lang, document_evidence([text, text.upper()], lang)
    ):
        _quotes(text, name.start, name.end, name.text)
    for value in find_links(text):
        _quotes(text, value.start, value.end, value.text)
    for word in find_number_words(text, lang):
        _quotes(text, word.start, word.end)
        assert word.start < word.end


locales = st.sampled_from(LANGS)
amounts = st.one_of(
    st.integers(0, 10**12).map(Decimal),
    st.decimals(0, 10**9, places=2, allow_nan=False, allow_infinity=False),
)


frames = st.sampled_from(
    ["{} items", "in {}.", "({})", "{}, then", "«{}»", "total {}!", "{}\n", "— {} —", "x: {}; y"]
)


@settings(max_examples=800)
@example(Decimal("1234567.25"), "ru", "{}")  # "1 234 567,25": space groups before a decimal comma
@given(amounts, locales, frames)
def test_babel_number_is_read_back(value, lang, frame):
    written = format_decimal(value, locale=lang)
    found = [m for m in extract_numbers(frame.format(written), lang) if m.reportable]
    assert [(m.raw, m.value) for m in found] == [
        (written, value.normalize() if value % 1 else value)
    ]


@settings(max_examples=400)
@given(st.integers(0, 10**7), locales)
def test_babel_percent_is_read_back(percent, lang):
    written = format_percent(Decimal(percent) / 100, locale=lang)
    found = [m for m in extract_numbers(f"Σ: {written} ·", lang) if m.reportable]
    assert [(m.kind, m.value) for m in found] == [("percent", Decimal(percent))]


@settings(max_examples=800)
@example(datetime.date(2024, 3, 5), "kk", "long", "{}")  # "2024 ж. 5 наурыз": the year too
@given(
    st.dates(datetime.date(1000, 1, 1), datetime.date(2999, 12, 31)),
    locales,
    st.sampled_from(["long", "medium", "full"]),
    frames,
)
def test_cldr_date_is_read_back(date, lang, width, frame):
    written = format_date(date, width, locale=lang)
    found = extract_dates(frame.format(written), lang)
    assert [(d.year, d.month, d.day) for d in found] == [(date.year, date.month, date.day)]


@settings(max_examples=300)
@given(st.dates(datetime.date(1000, 1, 1), datetime.date(2999, 12, 31)), locales)
def test_iso_date_is_read_back(date, lang):
    found = extract_dates(f"({date.isoformat()})", lang)
    assert [(d.year, d.month, d.day) for d in found] == [(date.year, date.month, date.day)]


@settings(max_examples=400)
@example(105, "en")  # "one hundred and five"
@given(st.integers(2, 999_999), st.sampled_from(["en", "ru", "az"]))
def test_num2words_number_is_read_back(n, lang):
    if lang == "az" and n // 1000 % 10 == 1 and n >= 11_000:
        return  # num2words drops the "bir" before "min" in Azerbaijani: 131000 -> "yüz otuz min"
    written = num2words(n, lang=lang).replace(",", "")
    found = find_number_words(f"Σ {written} ·", lang)
    assert [w.value for w in found] == [n]


_label = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=10)
_host = st.builds(
    lambda labels, tld: ".".join([*labels, tld]),
    st.lists(_label, min_size=1, max_size=3),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=6),
)
_path = st.lists(
    st.text("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789-~%", min_size=1, max_size=12), max_size=4
).map(lambda parts: "".join("/" + p for p in parts))
_query = st.one_of(st.just(""), st.builds(lambda k, v: f"?{k}={v}", _label, _label))
urls = st.builds(
    lambda scheme, host, path, query: f"{scheme}{host}{path}{query}",
    st.sampled_from(["http://", "https://", "ftp://", "https://www.", "www."]),
    _host,
    _path,
    _query,
)
url_frames = st.sampled_from(
    ["See {}.", "({})", "«{}»", "{}, then", "[link]({})", "Адрес: {}!", "“{}”"]
)


@settings(max_examples=600)
@given(urls, url_frames)
def test_built_url_is_found_intact(url, frame):
    text = frame.format(url)
    found = find_urls(text)
    assert [(v.text, text[v.start : v.end]) for v in found] == [(url, url)]


_local = st.builds(
    lambda a, b: a + b, _label, st.text("abcdefghijklmnopqrstuvwxyz0123456789._+-", max_size=8)
).filter(lambda s: not s.endswith(".") and ".." not in s)
emails = st.builds(lambda local, host: f"{local}@{host}", _local, _host)


@settings(max_examples=500)
@given(
    emails, st.sampled_from(["Write to {}.", "({})", "mailto:{}", "«{}»", "{}, or", "Почта: {}!"])
)
def test_built_email_is_found_intact(email, frame):
    text = frame.format(email)
    found = find_emails(text)
    assert [v.text for v in found] == [email]
    assert text[found[0].start : found[0].end].endswith(email)


@settings(max_examples=400)
@given(texts, texts, st.sampled_from([url_key, email_key]))
def test_compare_matches_a_text_with_itself_and_reports_only_given_values(a, b, key):
    links_a, links_b = find_links(a), find_links(b)
    assert compare(links_a, links_a, key) == []
    differences = compare(links_a, links_b, key)
    assert all(d.source in links_a for d in differences if d.source is not None)
    assert all(d.target in links_b for d in differences if d.target is not None)
    assert len([d for d in differences if d.source is not None]) <= len(links_a)


@settings(max_examples=300)
@given(urls, st.sampled_from(["en", "ru", "kk"]))
def test_url_key_ignores_scheme_trailing_slash_and_language_segment(url, lang):
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    assert url_key(f"https://{rest}", langs=[lang]) == url_key(f"http://{rest}/", langs=[lang])
    assert url_key(f"https://{host}/{lang}/{path}", langs=[lang]) == url_key(
        f"https://{host}/{path}", langs=[lang]
    )


_ACRONYM_FRAMES = {
    "en": "The {} report was published in spring.",
    "ru": "Доклад {} опубликован весной.",
    "kk": "Көктемде {} есебі жарияланды.",
    "tr": "Bu bahar {} raporu yayımlandı.",
}


@settings(max_examples=300)
@given(
    st.text("ABEFGHJKNOPRSTUWYZ", min_size=2, max_size=6), st.sampled_from(sorted(_ACRONYM_FRAMES))
)
def test_acronym_inside_a_sentence_is_a_reportable_name(
    acronym, lang
):  # no I V X L C D M: Roman numerals
    text = _ACRONYM_FRAMES[lang].format(acronym)
    found = [
        (n.text, n.kind, text[n.start : n.end]) for n in extract_names(text, lang) if n.reportable
    ]
    assert (acronym, "acronym", acronym) in found


# Turkic numerals are plain word sequences: [units] hundred [tens] [units],
# with thousand after its count.
_TURKIC = {
    "kk": (
        "нөл бір екі үш төрт бес алты жеті сегіз тоғыз"
        " / он жиырма отыз қырық елу алпыс жетпіс сексен тоқсан / жүз мың"
    ),
    "tk": (
        "nol bir iki üç dört bäş alty ýedi sekiz dokuz"
        " / on ýigrimi otuz kyrk elli altmyş ýetmiş segsen togsan / ýüz müň"
    ),
    "tr": (
        "sıfır bir iki üç dört beş altı yedi sekiz dokuz"
        " / on yirmi otuz kırk elli altmış yetmiş seksen doksan / yüz bin"
    ),
    "az": (
        "sıfır bir iki üç dörd beş altı yeddi səkkiz doqquz"
        " / on iyirmi otuz qırx əlli altmış yetmiş səksən doxsan / yüz min"
    ),
}


def _turkic_words(n: int, lang: str) -> str:
    units, tens, (hundred, thousand) = [part.split() for part in _TURKIC[lang].split(" / ")]

    def below_1000(k: int) -> list[str]:
        out = ([units[k // 100]] if k >= 200 else []) + ([hundred] if k >= 100 else [])
        out += [tens[k % 100 // 10 - 1]] if k % 100 >= 10 else []
        return out + ([units[k % 10]] if k % 10 else [])

    thousands = (below_1000(n // 1000) if n >= 2000 else []) + ([thousand] if n >= 1000 else [])
    return " ".join(thousands + below_1000(n % 1000))


@settings(max_examples=400)
@given(st.integers(2, 999_999), st.sampled_from(sorted(_TURKIC)))
def test_turkic_number_words_are_read_back(n, lang):
    found = find_number_words(f"Σ {_turkic_words(n, lang)} ·", lang)
    assert [w.value for w in found] == [n]
