"""Placeholders (printf, brace, inline codes) and MK03, which wants each kept in the target."""

from factories import pair, segmented

from aligncheck.checks.base import PairContext
from aligncheck.checks.markup.MK03 import MK03
from aligncheck.extract.placeholders import find_placeholders, placeholder_spans
from aligncheck.model import Document, Link, Segment, Segmentation


def keys(text: str, verbatim=()) -> list[str]:
    return [p.key for p in find_placeholders(text, verbatim)]


def test_printf_and_brace_placeholders_are_found_and_percent_signs_are_not():
    assert keys("Moved %(count)d of %s files to {folder} in ${home} ({0}).") == [
        "%(count)d",
        "%s",
        "{folder}",
        "${home}",
        "{0}",
    ]
    assert keys("Prices rose 5% a year, 50%% off, yüzde %40 artış, 5%-lik.") == []
    assert keys("ICU {count, plural, one {# file} other {# files}} and \\emph{word}") == []


def test_a_printf_position_does_not_change_the_key():
    assert keys("%2$s before %1$d") == ["%s", "%d"]


def test_inline_codes_count_only_as_verbatim_spans():
    text = 'Press <g id="2">Save</g> or <x id="1"/> now'
    spans = ((6, 16), (20, 24), (28, 39))
    assert keys(text, spans) == ["<g 2>", "</g>", "<x 1/>"]
    assert keys(text) == []  # tags written in a plain text are no inline codes
    assert placeholder_spans("a %s b") == ((2, 4),)


def messages(source: str, target: str, lang: str = "ru") -> list[str]:
    return sorted(f.message for f in MK03().check(pair(source, target, lang)))


def test_mk03_reports_placeholders_dropped_or_added():
    assert messages("Deleted %d files from {folder}.", "Удалено файлов: %d.") == [
        "placeholder {folder} of the source is missing in the target"
    ]
    assert messages("Deleted files.", "Удалено %s файлов.") == [
        "placeholder %s of the target is not in the source"
    ]


def test_mk03_accepts_reordered_positional_and_repeated_placeholders():
    assert messages("Copy %s to %s.", "Копировать в %2$s из %1$s.") == []
    assert messages("{name} wrote {count} notes.", "{count} жазбаны {name} жазды.", "kk") == []
    assert messages("{name} left.", "{name} кетті, {name} қайтпайды.", "kk") == []


def _unit(lang: str, text: str, verbatim) -> Segmentation:
    document = Document(f"app.{lang}.xlf", lang, text, "xliff")
    return Segmentation(document, "paragraph", (Segment(0, text, 0, 3, 5, "prose", verbatim),))


def test_mk03_names_a_dropped_inline_code_and_points_at_it():
    source = _unit("en", 'Open <x id="1"/> the file', ((5, 16),))
    target = _unit("tr", "Dosyayı açın", ())
    ctx = PairContext("r", source, target, (Link((0,), (0,), 1.0),))
    [finding] = MK03().check(ctx)
    assert finding.message == 'inline code <x id="1"/> of the source is missing in the target'
    assert (finding.source_location.line, finding.source_location.column) == (3, 10)
    assert finding.target_text == "Dosyayı açın"


def test_mk03_leaves_unlinked_segments_to_the_omission_rules():
    ctx = pair("Deleted %d files.", "Удалено.")
    ctx = PairContext(ctx.release, ctx.source, segmented("Удалено.", "ru"), (Link((0,), (), 0.0),))
    assert list(MK03().check(ctx)) == []


def test_html_a_markdown_translation_adds_is_markup_not_an_inline_code(tmp_path):
    from aligncheck.read import discover_releases
    from aligncheck.segment import segment_document

    (tmp_path / "en.md").write_text("Data is sent raw to the `client`.\n", encoding="utf-8")
    (tmp_path / "ru.md").write_text(
        'Данные отправляются <abbr title="без обработки">сырыми</abbr> `client`.\n',
        encoding="utf-8",
    )
    [release] = discover_releases([tmp_path])
    source = segment_document(release.source)
    target = segment_document(release.targets[0])
    ctx = PairContext("r", source, target, (Link((0,), (0,), 0.9),))
    assert list(MK03().check(ctx)) == []


def test_a_percent_sign_after_a_figure_is_no_placeholder():
    # Azerbaijani inflects a percentage: 40%-i (accusative), 70%-ə
    assert keys("Ərazinin 40%-i və 70%-ə qədəri quraqdır") == []
    assert keys("Saved %d of %s") == ["%d", "%s"]


def _markdown_pair(tmp_path, en: str, ru: str) -> PairContext:
    from aligncheck.read import discover_releases
    from aligncheck.segment import segment_document

    (tmp_path / "en.md").write_text(en + "\n", encoding="utf-8")
    (tmp_path / "ru.md").write_text(ru + "\n", encoding="utf-8")
    [release] = discover_releases([tmp_path])
    source, target = segment_document(release.source), segment_document(release.targets[0])
    return PairContext("r", source, target, (Link((0,), (0,), 0.9),))


def test_mk04_inline_code_changed_lost_merged_or_unquoted(tmp_path):
    from aligncheck.checks.markup.MK04 import MK04

    def found(en, ru):
        ctx = _markdown_pair(tmp_path, en, ru)
        return [(f.severity.value, f.message) for f in MK04().check(ctx)]

    assert found("Run `pip install x==1` now.", "Запустите `pip install x==2`.") == [
        ("warning", "inline code `pip install x==1` changed to `pip install x==2` in ru")
    ]
    assert found("Set `strict` of `Query` to `False`.", "Задайте у `Query` `strict=False`.") == []
    assert found("Use `POST` requests.", "Используйте POST-запросы.") == [
        ("info", "inline code `POST` is written in the target without backticks")
    ]
    assert found("Not `str` but `int`.", "Не строка, а `int`.") == [
        ("warning", "inline code `str` is not in the target")
    ]


def test_alignment_keeps_inline_code_and_drops_link_targets(tmp_path):
    from aligncheck.segment import alignment_texts

    ctx = _markdown_pair(tmp_path, "`Query` from [FastAPI](https://fastapi.tiangolo.com)", "x")
    assert alignment_texts(ctx.source) == ["Query from FastAPI"]
