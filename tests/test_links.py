from factories import pair

from aligncheck.checks.base import PairContext
from aligncheck.checks.email.EM01 import EM01
from aligncheck.checks.url.UR01 import UR01
from aligncheck.extract.links import find_emails, find_urls, url_key
from aligncheck.model import Link


def test_trailing_punctuation_is_not_part_of_a_url():
    text = "See www.example.org. Also (https://example.org/a/b), “http://ex.kz/x”; end"
    assert [u.text for u in find_urls(text)] == [
        "www.example.org",
        "https://example.org/a/b",
        "http://ex.kz/x",
    ]


def test_brackets_inside_a_url_and_markdown_link_targets_are_kept():
    text = "[wiki](https://example.org/Sea_(lake)) and [report](/docs/report.pdf)."
    assert [u.text for u in find_urls(text)] == [
        "https://example.org/Sea_(lake)",
        "/docs/report.pdf",
    ]


def test_emails_are_found_but_not_inside_urls():
    text = "Write to anna.lee@mail.example.com, or mailto:desk@news.kz. https://x.org/?to=a@b.org"
    assert [e.text for e in find_emails(text)] == ["anna.lee@mail.example.com", "desk@news.kz"]


def test_url_keys_ignore_scheme_case_and_language_segments():
    assert url_key("https://Example.org/en/about/", langs=("en", "ru")) == url_key(
        "example.org/ru/about", langs=("en", "ru")
    )
    assert url_key("example.org/about", langs=("en", "ru")) == url_key(
        "example.org/ru/about/", langs=("en", "ru")
    )
    assert url_key("example.org/report-en.pdf", langs=("en", "tr")) == url_key(
        "example.org/report-tr.pdf", langs=("en", "tr")
    )
    assert url_key("https://en.example.org/x", langs=("en", "kk")) == url_key(
        "https://kk.example.org/x", langs=("en", "kk")
    )
    assert url_key("example.org/en/about", localised="none") != url_key(
        "example.org/ru/about", localised="none"
    )
    assert url_key("example.org/a", localised="host") == url_key("example.org/b", localised="host")


def test_changed_email_is_reported_once_with_both_values_and_spans():
    ctx = pair("Contact: desk@example.org today.", "Контакты: desk@exampel.org сегодня.")
    [f] = list(EM01().check(ctx))
    assert f.message == "email changed from desk@example.org to desk@exampel.org"
    segment = ctx.target.segments[f.target_span.segment].text
    assert segment[f.target_span.start : f.target_span.end] == "desk@exampel.org"


def test_missing_and_extra_emails():
    ctx = pair(
        "Mail a@example.org or b@example.org.", "Пишите на a@example.org.\n\nИли zz@other.net."
    )
    ctx = PairContext("t", ctx.source, ctx.target, (Link((0,), (0, 1), 1.0),))
    messages = sorted(f.message for f in EM01().check(ctx))
    assert messages == [
        "email b@example.org is missing in the target",
        "email zz@other.net is not in the source",
    ]


def test_identical_emails_and_urls_pass():
    ctx = pair(
        "Mail A@Example.org, read www.example.org.", "Пишите a@example.org, читайте www.example.org"
    )
    assert list(EM01().check(ctx)) == [] and list(UR01().check(ctx)) == []


def test_url_with_cyrillic_lookalike_is_changed():
    ctx = pair("Read more: www.example.org.", "Подробнее: www.exаmple.org.")
    [f] = list(UR01().check(ctx))
    assert "changed from www.example.org to www.exаmple.org" in f.message


def test_localised_path_allowed_by_default_but_not_other_paths():
    ctx = pair("See https://example.org/en/news/1.", "См. https://example.org/ru/news/1.\n\nX")
    assert list(UR01().check(ctx)) == []
    ctx = pair("See https://example.org/en/news/1.", "См. https://example.org/ru/news/2.")
    assert len(list(UR01().check(ctx))) == 1
    strict = pair(
        "See https://example.org/en/news/1.",
        "См. https://example.org/ru/news/1.",
        url_localised_paths="none",
    )
    assert len(list(UR01().check(strict))) == 1
    custom = pair(
        "See https://example.org/news?id=1",
        "См. https://example.org/novosti?id=1",
        url_localised_paths=[r"^/[a-z]+"],
    )
    assert list(UR01().check(custom)) == []


def test_markdown_link_target_dropped():
    ctx = pair(
        "Read [the report](https://example.org/report).", "Читайте [доклад](https://example.org)."
    )
    [f] = list(UR01().check(ctx))
    assert "changed from https://example.org/report to https://example.org" in f.message


def test_a_suffix_after_a_link_or_a_bracket_is_not_part_of_the_url():
    # Turkish inflects a link's name after its closing bracket: [Starlette](...)'in
    text = "[Starlette](https://starlette.dev/)'in belgeleri ve (https://fastapicloud.com)'a bakın"
    assert [u.text for u in find_urls(text)] == [
        "https://starlette.dev/",
        "https://fastapicloud.com",
    ]
    assert [u.text for u in find_urls("[x](https://en.wikipedia.org/wiki/A_(b))")] == [
        "https://en.wikipedia.org/wiki/A_(b)"
    ]
    ctx = pair(
        ["Read the [Starlette docs](https://starlette.dev/)."],
        ["[Starlette](https://starlette.dev/)'in belgelerini okuyun."],
        "tr",
    )
    assert list(UR01().check(ctx)) == []
