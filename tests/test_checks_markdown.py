"""Rules on documents read with structure: they read prose (inline code, tags and link
targets blanked), pass over code and HTML blocks, and MK02 compares code blocks."""

from aligncheck.checks import rule_by_code
from aligncheck.checks.base import PairContext
from aligncheck.model import Document, Link
from aligncheck.read.structure import with_blocks
from aligncheck.segment import alignment_texts, segment_document


def read(text: str, lang: str, fmt: str = "md"):
    return segment_document(with_blocks(Document(f"{lang}.{fmt}", lang, text, fmt)))


def md_pair(source: str, target: str, lang: str = "ru", links=None, fmt="md") -> PairContext:
    src, tgt = read(source, "en", fmt), read(target, lang, fmt)
    if links is None:
        count = min(len(src.segments), len(tgt.segments))
        links = [Link((i,), (i,), 0.9) for i in range(count)]
    return PairContext("r", src, tgt, tuple(links), {}, {"glossaries": []})


def found(code: str, ctx: PairContext) -> list[str]:
    return [f.message for f in rule_by_code(code)().check(ctx)]


def test_numbers_inside_code_and_link_targets_are_not_prose():
    ctx = md_pair(
        "Set `port = 8080` and read [part 2](https://x.org/v2/guide).\n",
        "Задайте `port = 8080` и прочтите [часть 2](https://x.org/v2/guide).\n",
    )
    assert found("NU01", ctx) == []
    changed = md_pair("Open 3 ports: `a`.\n", "Откройте 4 порта: `a`.\n")
    assert found("NU01", changed)


def test_code_and_html_blocks_are_not_judged_as_untranslated():
    block = "```sh\nrun the tool now with every option you like\n```\n\n"
    html = '<div class="note"><input type="checkbox"> Remember the settings file</div>\n'
    ctx = md_pair(block + html, block + html)
    assert [s.kind for s in ctx.source.segments] == ["code", "html"]
    assert found("UT01", ctx) == []


def test_handles_and_urls_alone_are_not_untranslated_text():
    text = "- @alice-smith @bob_jones @carol.white @dmitry\n- https://example.org/team/page\n"
    assert found("UT01", md_pair(text, text)) == []
    prose = "The committee approved the annual budget of the city.\n"
    assert found("UT01", md_pair(prose, prose))


def test_a_missing_code_block_is_mk02s_not_om01s():
    source = "Install it:\n\n```sh\npip install tool\n```\n\nDone.\n"
    target = "Установите:\n\nГотово.\n"
    links = [Link((0,), (0,), 0.9), Link((1,), (), 0.0), Link((2,), (1,), 0.9)]
    ctx = md_pair(source, target, links=links)
    assert found("OM01", ctx) == []
    assert found("MK02", ctx) == ["code block of the source is missing in the target"]


def test_code_blocks_compare_code_not_comments_or_spacing():
    source = "```py\n# read the file\nx  =  open('a.txt')\n```\n"
    same = "```py\n# прочитать файл\nx = open('a.txt')\n```\n"
    changed = "```py\n# прочитать файл\nx = open('b.txt')\n```\n"
    assert found("MK02", md_pair(source, same)) == []
    ctx = md_pair(source, changed)
    (finding,) = rule_by_code("MK02")().check(ctx)
    assert (
        finding.message
        == "code changed in the target: \"x = open('a.txt')\" became \"x = open('b.txt')\""
    )
    assert (finding.source_location.line, finding.target_location.line) == (3, 3)
    assert finding.target_text == "x = open('b.txt')"


def test_html_pre_blocks_are_code_blocks_too():
    ctx = md_pair(
        "<pre>make all</pre><p>Build.</p>", "<pre>make al</pre><p>Сборка.</p>", fmt="html"
    )
    assert found("MK02", ctx)


def test_links_in_inline_html_or_code_are_not_counted_and_reference_links_balance():
    ctx = md_pair(
        "See [the guide](a.md), `[not](a link)` and <a href='x'>notes</a>.\n",
        "См. [руководство][guide], `[not](a link)` и <a href='x'>заметки</a>.\n\n[guide]: a.md\n",
    )
    assert found("MK01", ctx) == []
    lost = md_pair(
        "See [the guide](a.md) and [notes](b.md).\n", "См. руководство и [заметки](b.md).\n"
    )
    assert found("MK01", lost) == ["link markup count differs: 2 in the source, 1 in the target"]


def test_the_aligner_reads_prose_with_its_inline_code_and_the_text_of_code():
    seg = read("Run `tool --check` [now](https://x.org).\n\n```\ntool --check\n```\n", "en")
    assert alignment_texts(seg) == ["Run tool --check now.", "```\ntool --check\n```"]
    assert alignment_texts(read("`--verbose`\n", "en")) == ["--verbose"]


def ur01(source: str, target: str, lang: str = "tr", **options) -> list:
    ctx = md_pair(source, target, lang)
    ctx = PairContext("r", ctx.source, ctx.target, ctx.links, options, ctx.resources)
    return list(rule_by_code("UR01")().check(ctx))


def test_an_anchor_to_a_translated_heading_is_right():
    source = "# Company legal processes\n\nSee [above](#company-legal-processes).\n"
    target = "# Şirketimin Hukuk Süreçleri\n\nBkz. [yukarıda](#şirketimin-hukuk-süreçleri).\n"
    assert ur01(source, target) == []
    escaped = target.replace("#şirketimin", "#%C5%9Firketimin")
    assert ur01(source, escaped) == []
    broken = target.replace("(#şirketimin-hukuk-süreçleri)", "(#company-legal)")
    assert [f.message for f in ur01(source, broken)] == [
        "URL changed from #company-legal-processes to #company-legal"
    ]


def test_localised_paths_are_accepted_with_a_note_or_through_url_map():
    source = "Read [the guide](/docs/guide) and [more](https://example.org/en/more).\n"
    target = "Прочтите [руководство](/ru/docs/guide) и [ещё](https://example.org/ru/more).\n"
    (note,) = ur01(source, target, "ru")
    assert note.severity.value == "info" and note.target_text == "/ru/docs/guide"
    assert ur01(source, target, "ru", url_map={"/docs/": "/{lang}/docs/"}) == []
    subdomain = target.replace("/ru/docs/guide", "https://ru.example.org/docs/guide")
    mapped = {"/docs/": "https://{lang}.example.org/docs/"}
    assert ur01(source, subdomain, "ru", url_map=mapped) == []
    wrong = target.replace("/ru/docs/guide", "/ru/docs/guides")
    assert [f.severity.value for f in ur01(source, wrong, "ru")] == ["error"]


def test_html_link_targets_are_urls():
    ctx = md_pair(
        '<p>See <a href="/docs/a">this</a>.</p>',
        '<p>См. <a href="/docs/b">это</a>.</p>',
        fmt="html",
    )
    assert found("UR01", ctx) == ["URL changed from /docs/a to /docs/b"]


def test_html_blocks_compare_their_tags_not_their_words():
    source = '<div class="tip">\n<img alt="A cat" src="/img/cat.png"> Read this.\n</div>\n'
    translated = '<div class="tip">\n<img alt="Кошка" src="/img/cat.png"> Прочтите.\n</div>\n'
    swapped = '<div class="tip">\n<img alt="Кошка" src="/img/dog.png"> Прочтите.\n</div>\n'
    assert found("MK02", md_pair(source, translated)) == []
    assert found("MK02", md_pair(source, swapped)) == [
        "HTML changed in the target: '<img src=/img/cat.png>' became '<img src=/img/dog.png>'"
    ]
