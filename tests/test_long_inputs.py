"""Long paragraphs, long words and many quote marks: rules still run and give the right answer.
Their speed is measured by benchmarks/long_inputs.py, not here."""

import hashlib

from factories import pair

from aligncheck.checks.markup.MK01 import MK01
from aligncheck.checks.script.SC01 import SC01
from aligncheck.extract.markup import _pairs_up
from aligncheck.findings import fingerprint
from aligncheck.findings.fingerprint import (
    LENGTH,
    LONG_TEXT,
    assign_fingerprints,
    normalise,
    segment_text_for,
)
from aligncheck.model import Document, Finding, Location, Severity, Span
from aligncheck.segment import segment_document


def test_mk01_reports_the_stray_mark_among_5000_quote_marks():
    source = "Items: " + " ".join(f"“item {i}”" for i in range(2500)) + "."
    target = "Пункты: " + " ".join(f"«пункт {i}»" for i in range(2500)) + "."
    stray = target.index("«пункт 1700»") + len("«пункт 1700")
    target = target[:stray] + target[stray + 1 :]  # one closing mark lost
    ctx = pair(source, target)
    [f] = list(MK01().check(ctx))
    assert f.message == "unbalanced quotes in the target"
    assert ctx.target.segments[0].text[f.target_span.start] == "«"
    assert list(MK01().check(pair(source, source.replace("“", "«").replace("”", "»")))) == []


def test_quote_pairing_search_finds_a_reading_the_greedy_one_misses():
    # the greedy reading closes each “ with the next one and leaves the « open; the only
    # pairing nests all the “ and closes them with the «
    assert _pairs_up(("“",) * 2500 + ("«",) * 2500)
    assert not _pairs_up(("«",) * 5000)  # a mirrored mark never closes itself
    assert not _pairs_up(('"',) * 1000 + ("„",) + ('"',) * 999 + ("„",))  # two openers only


def test_sc01_finds_the_one_latin_letter_of_a_100k_letter_cyrillic_word():
    word = ("трава" * 20_000)[:100_000]
    word = word[:61_234] + "a" + word[61_235:]  # Latin "a" U+0061 among Cyrillic ones
    ctx = pair("A long word follows.", f"Дальше слово {word} и конец.")
    [f] = list(SC01().check(ctx))
    assert "Latin 'a' U+0061" in f.message and f.target_text == word
    text = ctx.target.segments[0].text
    assert text[f.target_span.start : f.target_span.end] == word
    assert list(SC01().check(pair("A long word follows.", f"Дальше слово {'а' * 100_000}."))) == []


def reference_fingerprint(f: Finding, source: str, target: str, occurrence: int = 0) -> str:
    """The fingerprint as defined before long segments were hashed (segments up to LONG_TEXT)."""
    parts = (
        f.rule,
        f.lang,
        f.source_text or "",
        f.target_text or "",
        normalise(source),
        normalise(target),
    )
    return hashlib.sha256(f"{chr(0x1F).join(parts)}\x1f{occurrence}".encode()).hexdigest()[:LENGTH]


def number_findings(count: int, target: str) -> list[Finding]:
    return [
        Finding(
            "NU01",
            "number",
            Severity.ERROR,
            "ru",
            (0,),
            (0,),
            str(n),
            str(n + 1),
            f"{n} changed",
            Location("en.md", 1, 1),
            Location("ru.md", 1, 1),
            target_span=Span(0, n, n + 1),
        )
        for n in range(count)
    ]


def long_pair(sentences: int) -> tuple[str, str]:
    en = " ".join(f"The well {n} gives  {n * 7} litres an hour." for n in range(sentences))
    ru = " ".join(f"Колодец {n} даёт {n * 7} литров в час." for n in range(sentences))
    return en, ru


def segmentations(en: str, ru: str):
    return (
        segment_document(Document("en.md", "en", en)),
        segment_document(Document("ru.md", "ru", ru)),
    )


def test_fingerprints_of_ordinary_paragraphs_keep_their_values():
    en, ru = long_pair(40)
    src, tgt = segmentations(en, ru)
    findings = number_findings(30, ru)
    done = assign_fingerprints(findings, segment_text_for(src, [tgt]))
    assert [f.fingerprint for f in done] == [reference_fingerprint(f, en, ru) for f in findings]


def test_a_paragraph_is_normalised_once_however_many_findings_it_holds(monkeypatch):
    en, ru = long_pair(200)
    src, tgt = segmentations(en, ru)
    calls = []
    monkeypatch.setattr(
        fingerprint, "normalise", lambda text: calls.append(len(text)) or normalise(text)
    )
    done = assign_fingerprints(number_findings(300, ru), segment_text_for(src, [tgt]))
    assert sorted(calls) == sorted((len(en), len(ru)))
    assert len({f.fingerprint for f in done}) == 300


def test_long_paragraph_fingerprints_follow_its_text_not_its_layout():
    en, ru = long_pair(4000)
    assert len(normalise(en)) > LONG_TEXT
    findings = number_findings(50, ru)

    def prints(source: str, target: str) -> list[str]:
        src, tgt = segmentations(source, target)
        return [f.fingerprint for f in assign_fingerprints(findings, segment_text_for(src, [tgt]))]

    base = prints(en, ru)
    assert len(set(base)) == 50
    assert prints(en.replace(" ", "\t"), ru) == base
    assert prints(en.replace("well 3999", "well 3998"), ru) != base
    assert prints(en, ru.upper()) == base


def test_an_honorific_deep_in_a_long_paragraph_still_marks_a_person():
    from aligncheck.extract.names import extract_names

    filler = " ".join(f"The pump {n} works." for n in range(300))
    for text in (f"{filler} Dr Berik Tas spoke.", f"{filler} Then Dr Berik Tas spoke."):
        [mention] = [m for m in extract_names(text, "en") if "Tas" in m.text]
        assert (mention.text, mention.kind) == ("Berik Tas", "person")
        assert text[mention.start : mention.end] == "Berik Tas"


def test_number_mentions_late_in_a_long_text_know_their_dates_links_and_words():
    from aligncheck.extract.numbers import extract_numbers

    filler = " ".join(f"Pump {n} lifts {n * 3} litres." for n in range(1, 400))
    text = (
        f"{filler} See https://example.org/report/2031 for the 14 May 2027 figures, "
        "seventy in all, XIV parts."
    )
    late = {m.raw: m for m in extract_numbers(text, "en") if m.span[0] > len(filler)}
    assert "2031" not in late  # inside the URL
    assert late["14"].in_date and late["2027"].in_date
    assert late["seventy"].value == 70 and not late["seventy"].in_date
    assert late["XIV"].value == 14


def test_every_date_of_a_long_paragraph_is_found_once():
    from aligncheck.extract.dates import extract_dates

    days = [(1 + n % 28, 1990 + n % 40) for n in range(600)]
    text = " ".join(
        f"Stage {n} closed on {d} March {y} after {n + 2} days." for n, (d, y) in enumerate(days)
    )
    found = extract_dates(text, "en")
    assert [text[m.span[0] : m.span[1]] for m in found] == [f"{d} March {y}" for d, y in days]


def test_positions_deep_in_a_long_multiline_segment_are_located():
    from aligncheck.model import Segment

    text = "\n".join(f"row {n} of the table" for n in range(3000))
    segment = Segment(0, text, 0, 10, 3)
    assert segment.locate(5) == (10, 8)
    pos = text.index("row 2500 ") + 4
    assert segment.locate(pos) == (10 + 2500, 5)
