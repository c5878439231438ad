"""Word frequency from wordfreq (lang/frequency.py): rare words are names to translators."""

import sys

from aligncheck.lang import frequency
from aligncheck.lang.frequency import listed, zipf


def test_common_words_score_higher_than_rare_names():
    assert zipf("the", "en") > zipf("Historically", "en") > 4.0 > zipf("Brink", "en") > 3.0
    assert zipf("Popocatepetl", "en") == 0.0  # not on the small list: under Zipf 3
    assert zipf("the", "en-GB") == zipf("the", "en_US") == zipf("the", "en")


def test_no_list_for_the_language_or_no_wordfreq_is_no_evidence(monkeypatch):
    assert zipf("Palu", "xx") is None and listed("Palu", "xx") is None
    caches = (frequency.zipf, frequency.listed, frequency._languages)
    for cached in caches:
        cached.cache_clear()
    monkeypatch.setitem(sys.modules, "wordfreq", None)  # import fails
    try:
        assert zipf("Palu", "en") is None and listed("Sinovation", "en") is None
    finally:
        for cached in caches:
            cached.cache_clear()


def test_the_large_list_holds_rare_words_but_not_coined_names():
    assert listed("Denuclearization", "en") and listed("Brexiteer", "en")
    assert zipf("Denuclearization", "en") == 0.0  # under the small list's Zipf 3
    assert listed("Sinovation", "en") is False and listed("Wesbanco", "en") is False
