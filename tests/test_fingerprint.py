"""Fingerprints survive edits elsewhere, change with the finding's own text, and are unique."""

import re

from aligncheck.findings.fingerprint import assign_fingerprints, segment_text_for
from aligncheck.model import Document, Finding, Location, Severity
from aligncheck.segment import segment_document


def seg(path, lang, text):
    return segment_document(Document(path, lang, text, "md"))


def number_finding(src_index, tgt_index, lang="ru", line=1, source_text="120", target_text="12"):
    return Finding(
        "NU01",
        "number",
        Severity.ERROR,
        lang,
        (src_index,),
        (tgt_index,),
        source_text,
        target_text,
        "120 became 12",
        Location("en.md", line, 1),
        Location(f"{lang}.md", line, 1),
    )


def fingerprint(source_text, target_text, finding):
    src, tgt = seg("en.md", "en", source_text), seg("ru.md", "ru", target_text)
    return assign_fingerprints([finding], segment_text_for(src, [tgt]))[0].fingerprint


def test_fingerprint_is_short_hex_and_returned_on_a_copy():
    f = number_finding(0, 0)
    (done,) = assign_fingerprints([f])
    assert re.fullmatch(r"[0-9a-f]{16}", done.fingerprint)
    assert f.fingerprint == "" and done.source_text == f.source_text


def test_inserting_paragraphs_elsewhere_keeps_the_fingerprint():
    before = fingerprint("Bridge 120 m.", "Мост 12 м.", number_finding(0, 0, line=1))
    after = fingerprint(
        "New intro.\n\nBridge 120 m.",
        "Новое вступление.\n\nМост 12 м.",
        number_finding(1, 1, line=3),
    )
    assert before == after


def test_reflowing_whitespace_keeps_it_but_rewording_the_paragraph_changes_it():
    base = fingerprint("Bridge 120 m.", "Мост 12 м.", number_finding(0, 0))
    assert fingerprint("Bridge   120\nm.", "Мост 12 м.  ", number_finding(0, 0)) == base
    assert fingerprint("Bridge 120 m.", "Длина моста 12 м.", number_finding(0, 0)) != base


def test_rule_language_and_values_are_part_of_it():
    base = assign_fingerprints([number_finding(0, 0)])[0].fingerprint
    assert assign_fingerprints([number_finding(0, 0, lang="kk")])[0].fingerprint != base
    assert assign_fingerprints([number_finding(0, 0, target_text="13")])[0].fingerprint != base


def test_identical_findings_are_told_apart_by_document_order_whatever_the_input_order():
    first, second = number_finding(2, 2), number_finding(5, 5)
    forward = assign_fingerprints([first, second])
    backward = assign_fingerprints([second, first])
    assert forward[0].fingerprint != forward[1].fingerprint
    assert [f.fingerprint for f in forward] == [f.fingerprint for f in reversed(backward)]
    assert assign_fingerprints([first, second]) == forward
