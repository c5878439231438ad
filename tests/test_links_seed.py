"""On the seed release every version renders the same emails and URLs, each correctly."""

from collections import Counter
from pathlib import Path

import pytest

from aligncheck.extract.links import email_key, find_emails, find_urls, url_key
from aligncheck.read.multilingual import split_multilingual

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ab64be821029c731.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared seeds not available")
def test_every_version_has_the_same_emails_and_urls():
    docs = split_multilingual(
        SEED.read_text(encoding="utf-8"), ["en", "az", "kk", "ru", "tk"], path=str(SEED)
    )
    emails = {d.lang: Counter(email_key(e.text) for e in find_emails(d.text)) for d in docs}
    urls = {
        d.lang: Counter(url_key(u.text) for u in find_urls(d.text) if not u.text.startswith("#"))
        for d in docs
    }
    english_emails, english_urls = emails.pop("en"), urls.pop("en")
    assert sum(english_emails.values()) >= 2 and sum(english_urls.values()) >= 5
    assert all(u.count(".") >= 1 and not u.endswith(".") for u in english_urls)
    for lang in emails:
        assert emails[lang] == english_emails, lang
        assert set(urls[lang]) == set(english_urls), lang
