from factories import pair

from aligncheck.checks.addition.AD01 import AD01
from aligncheck.checks.alignment.AL01 import AL01
from aligncheck.checks.base import PairContext
from aligncheck.checks.omission.OM01 import OM01
from aligncheck.model import Link, Severity

EN = "The bridge opened on Monday.\n\nIt cost forty million dollars.\n\nTraffic fell by half."
RU = "Мост открылся в понедельник.\n\nДвижение сократилось вдвое."
RU_EXTRA = (
    "Мост открылся в понедельник.\n\nМэр назвал его лучшим мостом страны.\n\n"
    "Движение сократилось вдвое."
)


def ctx(source: str, target: str, links, **options) -> PairContext:
    return pair(source, target, links=links, **options)


def test_omitted_paragraph_points_at_where_the_translation_lacks_it():
    c = ctx(EN, RU, [Link((0,), (0,), 0.8), Link((1,), (), 0.0), Link((2,), (1,), 0.7)])
    (finding,) = OM01().check(c)
    assert finding.severity is Severity.ERROR and finding.category == "omission"
    assert finding.source_text == "It cost forty million dollars."
    assert finding.source_location.line == 3 and finding.source_location.path == "en.txt"
    assert finding.target_location.line == 3 and finding.target_location.column == 1
    assert "paragraph 2" in finding.message and "ru" in finding.message
    assert list(AD01().check(c)) == []


def test_omission_at_the_end_points_after_the_last_target_paragraph():
    c = ctx(EN, RU, [Link((0,), (0,), 0.8), Link((1,), (1,), 0.3), Link((2,), (), 0.0)])
    (finding,) = OM01().check(c)
    assert finding.target_location.line == 3
    assert finding.target_location.column == len("Движение сократилось вдвое.") + 1


def test_added_paragraph_is_quoted_and_located_in_both_files():
    links = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((1, 2), (2,), 0.6)]
    (finding,) = AD01().check(ctx(EN, RU_EXTRA, links))
    assert finding.target_text == "Мэр назвал его лучшим мостом страны."
    assert finding.target_location.line == 3
    assert finding.source_location.line == 3 and finding.source_segments == ()
    assert list(OM01().check(ctx(EN, RU_EXTRA, links))) == []


def test_long_texts_are_cut_in_quotes():
    long_en = "word " * 100 + "\n\nend"
    (finding,) = OM01().check(ctx(long_en, "конец", [Link((0,), (), 0.0), Link((1,), (0,), 0.9)]))
    assert len(finding.source_text) <= 200 and finding.source_text.endswith("…")


def test_low_scores_are_reported_under_the_configured_floor():
    links = [Link((0,), (0,), 0.8), Link((1, 2), (1,), 0.08)]
    (finding,) = AL01().check(ctx(EN, RU, links, alignment_min_chars=0))
    assert finding.source_segments == (1, 2) and "0.08" in finding.message
    assert finding.target_text == "Движение сократилось вдвое."
    floor = {"alignment_min_chars": 0, "alignment_score_floor": 0.05}
    assert list(AL01().check(ctx(EN, RU, links, **floor))) == []
    floor["alignment_score_floor"] = 0.9
    assert len(list(AL01().check(ctx(EN, RU, links, **floor)))) == 2


def test_a_short_link_is_not_judged_by_its_score():
    links = [Link((0,), (0,), 0.8), Link((1, 2), (1,), 0.08)]
    assert list(AL01().check(ctx(EN, RU, links))) == []  # the target side has 27 characters
    assert len(list(AL01().check(ctx(EN, RU, links, alignment_min_chars=27)))) == 1
